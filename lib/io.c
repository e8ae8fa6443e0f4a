/*
 * What the importers and exporters share: the buffered reader and writer,
 * the record buffer, the UTF-8 check, rows and the times' text forms.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io.h"

void iv__reader_init(struct iv__reader *r, iv_read_cb read, void *payload, uint64_t total)
{
	r->read = read;
	r->payload = payload;
	r->offset = 0;
	r->total = total;
	r->line = 1;
	r->error = 0;
	r->eof = 0;
	r->pos = r->len = 0;
}

int iv__reader_fill(struct iv__reader *r)
{
	size_t got = 0;
	int error;

	if (r->error)
		return -1;
	if (r->eof)
		return 0;
	r->pos = r->len = 0;
	if ((error = r->read(r->buf, sizeof(r->buf), &got, r->payload)) != 0) {
		r->error = error;
		return -1;
	}
	if (got > sizeof(r->buf)) {
		r->error = iv__error(IV_EINVALID, "import: the read callback reported %zu bytes in a buffer of %zu",
				     got, sizeof(r->buf));
		return -1;
	}
	if (got == 0) {
		r->eof = 1;
		return 0;
	}
	r->len = got;
	return 1;
}

static int buf_grow(struct iv__rec *b, size_t need, uint64_t line)
{
	size_t cap;
	char *p;

	if (need <= b->cap)
		return 0;
	if (need > (size_t)IV_LIMIT_RECORD + 1)
		return iv__error(IV_EINVALID, "line %llu: a record longer than %d bytes (is this the right file?)",
				 (unsigned long long)line, IV_LIMIT_RECORD);
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	if (cap > (size_t)IV_LIMIT_RECORD + 1)
		cap = (size_t)IV_LIMIT_RECORD + 1;
	if (!(p = realloc(b->p, cap)))
		return iv__oom();
	b->p = p;
	b->cap = cap;
	return 0;
}

int iv__rec_putc(struct iv__rec *b, int c, uint64_t line)
{
	int error;

	if (b->len + 2 > b->cap && (error = buf_grow(b, b->len + 2, line)) < 0)
		return error;
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
	return 0;
}

int iv__rec_put(struct iv__rec *b, const char *s, size_t n, uint64_t line)
{
	int error;

	if (b->len + n + 1 > b->cap && (error = buf_grow(b, b->len + n + 1, line)) < 0)
		return error;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

void iv__rec_clear(struct iv__rec *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void iv__rec_free(struct iv__rec *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	unsigned long cp;

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

int iv__check_utf8_line(const char *s, size_t n, uint64_t line)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len;

	while (i < n) {
		if ((len = utf8_seq(u + i, n - i)) == 0) {
			if (u[i] == 0)
				return iv__error(IV_EINVALID, "line %llu: a NUL byte: this is binary data, not text",
						 (unsigned long long)line);
			return iv__error(IV_EINVALID,
					 "line %llu: invalid UTF-8 (byte 0x%02X); save the file as UTF-8 "
					 "(it may be Latin-1 or another encoding)",
					 (unsigned long long)line, u[i]);
		}
		if (u[i] == '\n')
			line++;
		i += len;
	}
	return 0;
}

void iv__row_clear(struct iv__row *row)
{
	iv_contact_free(row->contact);
	free(row->uid);
	free(row->introducer);
	free(row->skip);
	memset(row, 0, sizeof(*row));
}

int iv__row_skip(struct iv__row *row, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	if (row->skip)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!(row->skip = iv__strdup(msg)))
		return IV_ENOMEM;
	return 0;
}

int iv__row_field(struct iv__row *row, int error)
{
	if (error == IV_EINVALID)
		return iv__row_skip(row, "%s", iv_error_last()->message);
	return error < 0 ? error : 0;
}

int iv__report_skip(iv_import_report *r, uint64_t line, const char *reason)
{
	struct iv__report_skip *s;
	char *copy;

	if (r->nskipped == r->alloc) {
		size_t alloc = r->alloc ? r->alloc * 2 : 16;

		if (!(s = realloc(r->skipped, alloc * sizeof(*s))))
			return iv__oom();
		r->skipped = s;
		r->alloc = alloc;
	}
	if (!(copy = iv__strdup(reason)))
		return IV_ENOMEM;
	r->skipped[r->nskipped].line = line;
	r->skipped[r->nskipped].reason = copy;
	r->nskipped++;
	return 0;
}

int iv__flush(struct iv__writer *w)
{
	int error;

	if (w->error || w->len == 0)
		return w->error;
	if ((error = w->write(w->buf, w->len, w->payload)) != 0)
		w->error = error;
	w->len = 0;
	return w->error;
}

int iv__put(struct iv__writer *w, const char *s, size_t n)
{
	size_t room;

	while (n > 0 && !w->error) {
		if (w->len == sizeof(w->buf) && iv__flush(w))
			break;
		room = sizeof(w->buf) - w->len;
		if (room > n)
			room = n;
		memcpy(w->buf + w->len, s, room);
		w->len += room;
		s += room;
		n -= room;
	}
	return w->error;
}

int iv__puts(struct iv__writer *w, const char *s)
{
	return iv__put(w, s, strlen(s));
}

int iv__printf(struct iv__writer *w, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return w->error = iv__error(IV_ERROR, "export: cannot format '%.40s'", fmt);
	if ((size_t)n < sizeof(small))
		return iv__put(w, small, (size_t)n);
	if (!(big = malloc((size_t)n + 1)))
		return w->error = iv__oom();
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	iv__put(w, big, (size_t)n);
	free(big);
	return w->error;
}

#define PROGRESS_EVERY 256

int iv__record_done(struct iv__writer *w)
{
	int error;

	w->records++;
	if (!w->error && w->progress && w->records % PROGRESS_EVERY == 0 &&
	    (error = w->progress(w->records, w->total, w->records, w->progress_payload)) != 0)
		w->error = error;
	return w->error;
}

void iv__time_ical(char out[17], iv_time t)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (!gmtime_r(&tt, &tm) || tm.tm_year > 9999 - 1900 || tm.tm_year < -1900) {
		strcpy(out, "19700101T000000Z");
		return;
	}
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}
