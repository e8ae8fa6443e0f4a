/*
 * infoview: human output: text made safe for a terminal, colour, times with
 * relative hints, aligned tables, details.
 * SPDX-License-Identifier: MIT
 */
#include "out.h"
#include "when.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* Safe text                                                                  */

size_t utf8_decode(const char *s, uint32_t *cp)
{
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
	if (!n || p[0] > 0xF4)
		return 0;
	*cp = p[0] & (0x7Fu >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3Fu);
	}
	/* Overlong forms and surrogates would slip a character past the checks. */
	if (*cp < least[n] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return n;
}

int out_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char *out_safe(const char *s, int lines)
{
	/* An escape is at most four bytes per byte it stands for: "\x1b" for ESC, "\u202e" for three. */
	char *safe = xmalloc(4 * strlen(s) + 1), *o = safe;
	uint32_t cp;
	size_t n;

	for (; *s; s += n) {
		n = utf8_decode(s, &cp);
		if (!n) {
			o += sprintf(o, "\\x%02x", (unsigned char)*s);
			n = 1;
		} else if (lines && cp == '\r' && s[1] == '\n') {
			continue;
		} else if (out_is_control(cp) && !(lines && (cp == '\n' || cp == '\t'))) {
			o += sprintf(o, cp < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned int)cp);
		} else {
			memcpy(o, s, n);
			o += n;
		}
	}
	*o = '\0';
	return safe;
}

/* What printf() would print, in a new string. */
static char *vformat(const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 0)))
#endif
	;

static char *vformat(const char *fmt, va_list ap)
{
	va_list again;
	char *text;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	if (n < 0 || vsnprintf(text, (size_t)n + 1, fmt, ap) < 0)
		text[0] = '\0';
	return text;
}

static void put_safe(FILE *f, char *text, int lines)
{
	char *safe = out_safe(text, lines);

	fputs(safe, f);
	free(safe);
	free(text);
}

void out_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	put_safe(stdout, vformat(fmt, ap), 1);
	va_end(ap);
}

void out_eprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_veprintf(fmt, ap);
	va_end(ap);
}

void out_veprintf(const char *fmt, va_list ap)
{
	put_safe(stderr, vformat(fmt, ap), 0);
}

/* ------------------------------------------------------------------------ */
/* Colour and times                                                           */

/* Values of out_field() start in this column. */
#define LABEL_WIDTH 14

int out_want_color(void)
{
	const char *no = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	/* https://no-color.org: any non-empty value turns colour off. */
	if (no && *no)
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

static const char *const sgr[] = {
	[C_NONE] = "", [C_BOLD] = "\033[1m", [C_DIM] = "\033[2m", [C_RED] = "\033[31m",
	[C_GREEN] = "\033[32m", [C_YELLOW] = "\033[33m", [C_CYAN] = "\033[36m",
};

const char *color_on(const struct cli *ctx, int color)
{
	return ctx->color && color > C_NONE && color <= C_CYAN ? sgr[color] : "";
}

const char *color_off(const struct cli *ctx, int color)
{
	return ctx->color && color > C_NONE && color <= C_CYAN ? "\033[0m" : "";
}

/* `t` as local time: "today 09:00", "Fri 10:00", "2026-02-20 10:00"; days from now's day in *days. */
static void when_words(char *buf, size_t n, iv_time t, iv_time now, long *days)
{
	static const char *const near[] = { "yesterday", "today", "tomorrow" };
	char clock[8], date[16];
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(clock, sizeof(clock), "%H:%M", &tm);
	*days = when_local_day(t) - when_local_day(now);
	if (*days >= -1 && *days <= 1) {
		snprintf(buf, n, "%s %s", near[*days + 1], clock);
		return;
	}
	strftime(date, sizeof(date), *days >= -6 && *days <= 6 ? "%a" : "%Y-%m-%d", &tm);
	snprintf(buf, n, "%s %s", date, clock);
}

void fmt_when(char *buf, size_t n, iv_time t, iv_time now)
{
	char words[64];
	long days;

	if (t == 0) {
		snprintf(buf, n, "-");
		return;
	}
	when_words(words, sizeof(words), t, now, &days);
	if (days >= 2)
		snprintf(buf, n, "%s (in %ld days)", words, days);
	else if (days <= -2)
		snprintf(buf, n, "%s (%ld days ago)", words, -days);
	else
		snprintf(buf, n, "%s", words);
}

void fmt_when_plain(char *buf, size_t n, iv_time t, iv_time now)
{
	long days;

	if (t == 0)
		snprintf(buf, n, "-");
	else
		when_words(buf, n, t, now, &days);
}

void fmt_duration(char *buf, size_t n, int64_t secs)
{
	static const struct {
		int64_t size;
		const char *one, *many;
	} units[] = {
		{ 86400, "day", "days" }, { 3600, "hour", "hours" }, { 60, "minute", "minutes" },
	};
	size_t i;

	if (secs < 0)
		secs = -secs;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		/* The largest unit that fits, rounded: 2 days 23 hours reads "3 days". */
		int64_t k = (secs + units[i].size / 2) / units[i].size;

		if (secs >= units[i].size) {
			snprintf(buf, n, "%lld %s", (long long)k, k == 1 ? units[i].one : units[i].many);
			return;
		}
	}
	snprintf(buf, n, "less than a minute");
}

void fmt_iso(char *buf, size_t n, iv_time t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *enum_label(char *buf, size_t n, const char *type, int value)
{
	const char *name = iv_enum_name(type, value);
	size_t i;

	snprintf(buf, n, "%s", name ? name : "?");
	for (i = 0; buf[i]; i++)
		if (buf[i] == '_')
			buf[i] = '-';
	return buf;
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                     */

struct table {
	size_t ncols;
	const char *const *heads;
	size_t *limit;
	char **cells;
	int *colors;
	size_t count, cap;
	/*
	 * Streamed (table_stream()): once `head` rows are held, the widths are
	 * fixed from them (`width`), they are printed with the heads, and each
	 * later row is printed as soon as it is complete; `printed` counts the
	 * rows gone out. `ctx` and `indent` are table_stream()'s.
	 */
	size_t head, printed, columns;
	size_t *width;
	const struct cli *ctx;
	int indent;
};

/* Columns on a terminal: one per code point (wide scripts are rare in a contact list). */
static size_t text_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

/* The byte length of the first `width` code points of `s`. */
static size_t prefix_bytes(const char *s, size_t width)
{
	size_t i = 0, w = 0;

	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && w++ == width)
			break;
		i++;
	}
	return i;
}

struct table *table_new(size_t ncols, const char *const *heads)
{
	struct table *t = xmalloc(sizeof(*t));

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->heads = heads;
	t->limit = xmalloc(ncols * sizeof(*t->limit));
	memset(t->limit, 0, ncols * sizeof(*t->limit));
	return t;
}

void table_limit(struct table *t, size_t col, size_t width)
{
	if (col < t->ncols)
		t->limit[col] = width < 2 ? 2 : width;
}

static void push(struct table *t, int color, char *text)
{
	if (t->count == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cells = xrealloc(t->cells, t->cap * sizeof(*t->cells));
		t->colors = xrealloc(t->colors, t->cap * sizeof(*t->colors));
	}
	t->cells[t->count] = text;
	t->colors[t->count++] = color;
}

static void flush_rows(struct table *t);

void table_row(struct table *t)
{
	while (t->count % t->ncols)
		push(t, C_NONE, xstrdup(""));
	if (t->head && (t->width || t->count / t->ncols >= t->head))
		flush_rows(t);
}

void table_stream(struct table *t, const struct cli *ctx, int indent, size_t head)
{
	t->ctx = ctx;
	t->indent = indent;
	t->head = head ? head : 1;
}

void table_cell(struct table *t, int color, const char *text)
{
	char *copy = xstrdup(text ? text : "-"), *p;

	/* A row is one line; made safe here, so that widths count what is shown. */
	for (p = copy; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	push(t, color, out_safe(copy, 0));
	free(copy);
}

void table_cellf(struct table *t, int color, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	table_cell(t, color, buf);
}

size_t table_rows(const struct table *t)
{
	return t->printed + (t->count + t->ncols - 1) / t->ncols;
}

static void print_cell(const struct table *t, const struct cli *ctx, size_t col,
		       const char *text, int color, const size_t *width)
{
	size_t w = text_width(text), shown = w;
	int last = col + 1 == t->ncols;

	fputs(color_on(ctx, color), stdout);
	if (w > width[col]) {
		fwrite(text, 1, prefix_bytes(text, width[col] - 1), stdout);
		fputs("\xe2\x80\xa6", stdout);
		shown = width[col];
	} else {
		fputs(text, stdout);
	}
	fputs(color_off(ctx, color), stdout);
	if (!last)
		printf("%*s", (int)(width[col] - shown + 2), "");
}

/* The narrowest a column is squeezed to, to fit a terminal. */
#define MIN_COLUMN 6

/*
 * The width of the terminal stdout is, or 0 when it is not one (piped
 * output is never cut): $COLUMNS when set, else what the tty says, else 80.
 */
static size_t terminal_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long n;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (env && (n = strtol(env, NULL, 10)) > 0)
		return (size_t)n;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/*
 * On a terminal, narrows the widest columns (never the first, the
 * reference users type back) until the table fits `columns`.
 */
static void fit(size_t *width, size_t ncols, size_t columns, int indent)
{
	size_t total = (size_t)indent, c;

	for (c = 0; c < ncols; c++)
		total += width[c] + (c + 1 < ncols ? 2 : 0);
	while (total > columns) {
		size_t widest = 0;

		for (c = 1; c < ncols; c++)
			if (width[c] > MIN_COLUMN && (!widest || width[c] > width[widest]))
				widest = c;
		if (!widest)
			break;
		width[widest]--;
		total--;
	}
}

/* The widths of the columns, from the heads and the rows held, fitted to a terminal of `columns` (0: piped). */
static size_t *widths(const struct table *t, size_t columns, int indent)
{
	size_t *width = xmalloc(t->ncols * sizeof(*width));
	size_t c, i;

	for (c = 0; c < t->ncols; c++) {
		width[c] = text_width(t->heads[c]);
		for (i = c; i < t->count; i += t->ncols)
			if (text_width(t->cells[i]) > width[c])
				width[c] = text_width(t->cells[i]);
		/* Piped, every cell is shown whole, for the program reading it. */
		if (columns && t->limit[c] && width[c] > t->limit[c])
			width[c] = t->limit[c];
	}
	if (columns)
		fit(width, t->ncols, columns, indent);
	return width;
}

static void print_heads(const struct table *t, const struct cli *ctx, int indent, const size_t *width)
{
	size_t c;

	printf("%*s", indent, "");
	for (c = 0; c < t->ncols; c++)
		print_cell(t, ctx, c, t->heads[c], C_BOLD, width);
	putchar('\n');
}

/*
 * A streamed table's column widens to a later cell wider than it, from that
 * row on: piped, to the whole cell; on a terminal, as far as its limit and
 * the terminal's width allow (the cell is cut to that).
 */
static void widen(struct table *t, size_t row)
{
	size_t c, total = (size_t)t->indent;

	for (c = 0; c < t->ncols; c++)
		total += t->width[c] + (c + 1 < t->ncols ? 2 : 0);
	for (c = 0; c < t->ncols && row * t->ncols + c < t->count; c++) {
		size_t w = text_width(t->cells[row * t->ncols + c]), room;

		if (w <= t->width[c])
			continue;
		if (t->columns) {
			room = t->columns > total ? t->columns - total : 0;
			if (w > t->width[c] + room)
				w = t->width[c] + room;
			if (t->limit[c] && w > t->limit[c])
				w = t->limit[c] > t->width[c] ? t->limit[c] : t->width[c];
		}
		total += w - t->width[c];
		t->width[c] = w;
	}
}

/* Prints the first `rows` rows held; a streamed table's (`stream`) columns widen as they need. */
static void print_rows(struct table *t, const struct cli *ctx, int indent, const size_t *width,
		       size_t rows, int stream)
{
	size_t c, i;

	for (i = 0; i < rows; i++) {
		if (stream)
			widen(t, i);
		printf("%*s", indent, "");
		for (c = 0; c < t->ncols; c++) {
			size_t k = i * t->ncols + c;

			print_cell(t, ctx, c, k < t->count ? t->cells[k] : "",
				   k < t->count ? t->colors[k] : C_NONE, width);
		}
		putchar('\n');
	}
}

static void drop_rows(struct table *t)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		free(t->cells[i]);
	t->count = 0;
}

/*
 * A streamed table's complete rows go out. The first time, the widths are
 * fixed from the rows held (a screenful) and the heads printed, and the
 * output is flushed, so that the first screen shows at once even through
 * a pipe; later rows widen the columns as they need (widen()).
 */
static void flush_rows(struct table *t)
{
	size_t rows = t->count / t->ncols;
	int first = !t->width;

	if (first) {
		t->columns = terminal_width();
		t->width = widths(t, t->columns, t->indent);
		print_heads(t, t->ctx, t->indent, t->width);
	}
	print_rows(t, t->ctx, t->indent, t->width, rows, !first);
	t->printed += rows;
	drop_rows(t);
	if (first)
		fflush(stdout);
}

void table_print(struct table *t, const struct cli *ctx, int indent)
{
	size_t columns, *width;

	if (t->width) {
		/* Streamed: the widths are fixed; the heads are out. */
		print_rows(t, ctx, indent, t->width, table_rows(t) - t->printed, 1);
		return;
	}
	columns = terminal_width();
	width = widths(t, columns, indent);
	print_heads(t, ctx, indent, width);
	print_rows(t, ctx, indent, width, table_rows(t), 0);
	free(width);
}

void table_free(struct table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->count; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->colors);
	free(t->limit);
	free(t->width);
	free(t);
}

/* ------------------------------------------------------------------------ */
/* Details                                                                    */

void out_heading(const struct cli *ctx, const char *text)
{
	char *safe = out_safe(text, 0);

	printf("%s%s%s\n", color_on(ctx, C_BOLD), safe, color_off(ctx, C_BOLD));
	free(safe);
}

static void label(const struct cli *ctx, const char *name)
{
	printf("  %s%s%s%*s", color_on(ctx, C_DIM), name, color_off(ctx, C_DIM),
	       (int)(LABEL_WIDTH - (text_width(name) < LABEL_WIDTH ? text_width(name) : LABEL_WIDTH - 1)), "");
}

void out_field(const struct cli *ctx, const char *name, const char *value)
{
	if (!value)
		return;
	out_text(ctx, name, value);
}

void out_fieldf(const struct cli *ctx, const char *name, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out_text(ctx, name, buf);
}

void out_text(const struct cli *ctx, const char *name, const char *text)
{
	char *safe = out_safe(text, 1);
	const char *line = safe, *nl;

	label(ctx, name);
	for (;;) {
		nl = strchr(line, '\n');
		fwrite(line, 1, nl ? (size_t)(nl - line) : strlen(line), stdout);
		putchar('\n');
		if (!nl || nl[1] == '\0')
			break;
		line = nl + 1;
		printf("%*s", LABEL_WIDTH + 2, "");
	}
	free(safe);
}
