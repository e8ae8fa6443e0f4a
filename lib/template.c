/*
 * The template engine of the drafts: "{name}" placeholders, "{?name}" and
 * "{^name}" sections ended by "{/name}", "{{" for a literal "{", and an
 * optional first line "Subject: ...".
 */
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"

/* Longest part of an unknown placeholder's name quoted in the error message. */
#define NAME_SHOWN 48
/* Sections open at once; more is surely a mistake. */
#define MAX_DEPTH 32

static const char *const names[IV__T_COUNT] = {
	"me.name", "me.background", "me.exploring",
	"contact.name", "contact.first_name", "contact.company", "contact.title",
	"purpose",
	"introducer.name", "introducer.first_name",
	"introduced.name", "introduced.first_name",
	"advice", "advice.list",
	"me.first_name", "contact.a_title", "contact.direct", "greeting",
	"medium", "interviewee.name", "interviewee.first_name",
	"introduced.company", "introduced.title", "introduced.a_title",
	"chain", "resources", "resources.list", "outcome",
};

void iv__buf_put(iv__buf *b, const char *s, size_t n)
{
	if (b->failed || n == 0)
		return;
	if (b->len + n + 1 > b->alloc) {
		size_t alloc = b->alloc ? b->alloc : 256;
		char *p;

		while (alloc < b->len + n + 1)
			alloc *= 2;
		if (!(p = realloc(b->p, alloc))) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->alloc = alloc;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void iv__buf_puts(iv__buf *b, const char *s)
{
	if (s)
		iv__buf_put(b, s, strlen(s));
}

int iv__buf_finish(char **out, iv__buf *b)
{
	char *text = b->p;
	int failed = b->failed;

	*b = (iv__buf){ NULL, 0, 0, 0 };
	*out = NULL;
	if (!failed && !text && !(text = calloc(1, 1)))
		failed = 1;
	if (failed) {
		free(text);
		return iv__oom();
	}
	*out = text;
	return 0;
}

static int lookup(const char *name, size_t len)
{
	int i;

	for (i = 0; i < IV__T_COUNT; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

/* At most NAME_SHOWN bytes of a name, cut on a character boundary so that the message stays UTF-8. */
static int shown_len(const char *name, size_t len)
{
	size_t shown = len;

	if (shown > NAME_SHOWN) {
		shown = NAME_SHOWN;
		while (shown > 0 && ((unsigned char)name[shown] & 0xC0) == 0x80)
			shown--;
	}
	return (int)shown;
}

/* `token` is what stands between the braces, sigil included. */
static int unknown(const char *token, size_t len)
{
	int shown = shown_len(token, len);

	return iv__error(IV_EINVALID, "template: unknown placeholder {%.*s%s}",
			 shown, token, (size_t)shown < len ? "..." : "");
}

/* An open section: which placeholder, where it opened, whether its text is kept. */
typedef struct {
	int which;
	size_t at;
	int kept;
} section;

/*
 * Fills the part [p, end) of the template `tmpl` into `b`. Offsets in
 * messages count from the start of `tmpl`.
 */
static int fill_part(iv__buf *b, iv__tmask *used, const char *tmpl, const char *p, const char *end,
		     const iv__tval *values)
{
	section open[MAX_DEPTH];
	size_t depth = 0;
	int kept = 1;

	while (p < end) {
		const char *brace = memchr(p, '{', (size_t)(end - p));
		const char *name;
		size_t len;
		int which;
		char sigil;

		if (!brace) {
			if (kept)
				iv__buf_put(b, p, (size_t)(end - p));
			break;
		}
		if (kept)
			iv__buf_put(b, p, (size_t)(brace - p));
		if (brace + 1 < end && brace[1] == '{') {
			if (kept)
				iv__buf_put(b, "{", 1);
			p = brace + 2;
			continue;
		}
		/* A name never spans lines nor holds a "{": stop there, not at a far "}". */
		for (len = 0; brace + 1 + len < end && !strchr("{}\n", brace[1 + len]); len++)
			;
		if (brace + 1 + len >= end || brace[1 + len] != '}')
			return iv__error(IV_EINVALID, "template: unclosed { at byte %zu", (size_t)(brace - tmpl));
		sigil = len ? brace[1] : '\0';
		name = brace + 1;
		if (sigil == '?' || sigil == '^' || sigil == '/')
			name++;
		if ((which = lookup(name, len - (size_t)(name - brace - 1))) < 0)
			return unknown(brace + 1, len);
		p = brace + len + 2;
		if (sigil == '/') {
			if (!depth || open[depth - 1].which != which)
				return iv__error(IV_EINVALID, "template: {/%s} at byte %zu closes no open {?%s} or {^%s}",
						 names[which], (size_t)(brace - tmpl), names[which], names[which]);
			kept = open[--depth].kept;
			continue;
		}
		if (kept)
			*used |= IV__TBIT(which);
		if (sigil == '?' || sigil == '^') {
			if (depth == MAX_DEPTH)
				return iv__error(IV_EINVALID, "template: more than %d sections open at byte %zu",
						 MAX_DEPTH, (size_t)(brace - tmpl));
			open[depth].which = which;
			open[depth].at = (size_t)(brace - tmpl);
			open[depth].kept = kept;
			depth++;
			kept = kept && ((values[which].len > 0) == (sigil == '?'));
			continue;
		}
		if (kept)
			iv__buf_put(b, values[which].s, values[which].len);
	}
	if (depth)
		return iv__error(IV_EINVALID, "template: the section at byte %zu is never closed by {/%s}",
				 open[depth - 1].at, names[open[depth - 1].which]);
	return 0;
}

#define SUBJECT "Subject:"

/* A subject is one line: line breaks and tabs become spaces, and surrounding spaces go. */
static void one_line(char *s)
{
	size_t i, start = 0, n = strlen(s);

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			s[i] = ' ';
	while (start < n && s[start] == ' ')
		start++;
	while (n > start && s[n - 1] == ' ')
		n--;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
}

int iv__template_fill(char **subject, char **body, iv__tmask *used, const char *tmpl,
		      const iv__tval values[IV__T_COUNT])
{
	iv__buf sb = { NULL, 0, 0, 0 }, bb = { NULL, 0, 0, 0 };
	const char *p = tmpl, *end;
	iv__tmask seen = 0;
	int error;

	*subject = NULL;
	*body = NULL;
	if ((error = iv__check_text("template", tmpl, IV_LIMIT_TEXT, 0)) < 0)
		return error;
	end = tmpl + strlen(tmpl);
	if (strncmp(tmpl, SUBJECT, strlen(SUBJECT)) == 0) {
		const char *line_end = strchr(tmpl, '\n');

		if (!line_end)
			line_end = end;
		error = fill_part(&sb, &seen, tmpl, tmpl + strlen(SUBJECT), line_end, values);
		/* The body starts on the next line, after one empty line if there is one. */
		p = line_end < end ? line_end + 1 : end;
		if (p < end && *p == '\n')
			p++;
		else if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
			p += 2;
		if (error >= 0 && (error = iv__buf_finish(subject, &sb)) >= 0)
			one_line(*subject);
	}
	if (error >= 0)
		error = fill_part(&bb, &seen, tmpl, p, end, values);
	if (error >= 0)
		error = iv__buf_finish(body, &bb);
	if (error < 0) {
		free(sb.p);
		free(bb.p);
		free(*subject);
		*subject = NULL;
		return error;
	}
	if (used)
		*used = seen;
	return 0;
}

int iv__template_check(const char *tmpl)
{
	iv__tval empty[IV__T_COUNT];
	char *subject = NULL, *body = NULL;
	int error;

	memset(empty, 0, sizeof(empty));
	error = iv__template_fill(&subject, &body, NULL, tmpl, empty);
	free(subject);
	free(body);
	return error;
}
