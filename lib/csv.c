/*
 * The CSV tokenizer: RFC 4180 records taken a byte at a time from the
 * reader. Lenient where spreadsheets are sloppy (a quote inside an
 * unquoted cell is text, text after a closing quote is kept, a lone CR
 * ends a record as old Macs wrote it), strict where the input is not text
 * at all (invalid UTF-8, NUL bytes, a quote that never closes).
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"

void iv__csv_init(struct iv__csv *c, struct iv__reader *r)
{
	memset(c, 0, sizeof(*c));
	c->r = r;
}

void iv__csv_free(struct iv__csv *c)
{
	iv__rec_free(&c->rec);
	free(c->cell);
	c->cell = NULL;
	c->alloc = 0;
}

/*
 * Excel's and LinkedIn's exports begin with a UTF-8 byte order mark,
 * which is not part of the first cell. The reader peeks one byte only, so
 * bytes taken while looking that turn out to be data wait in pre[].
 */
static void skip_bom(struct iv__csv *c)
{
	static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
	size_t i;

	c->started = 1;
	for (i = 0; i < 3 && iv__reader_peek(c->r) == bom[i]; i++)
		iv__reader_getc(c->r);
	if (i < 3) {
		memcpy(c->pre, bom, i);
		c->npre = i;
	} else {
		c->bom = 1;
	}
}

static int put(struct iv__csv *c, int ch)
{
	return iv__rec_putc(&c->rec, ch, c->line);
}

/* The rest of a quoted cell after its opening quote, which was on line `start`. */
static int quoted(struct iv__csv *c, uint64_t start)
{
	struct iv__reader *r = c->r;
	int ch, error;

	for (;;) {
		if ((ch = iv__reader_getc(r)) < 0) {
			if (r->error)
				return r->error;
			return iv__error(IV_EINVALID,
					 "line %llu: a quoted cell starts here and never ends (its closing quote is missing)",
					 (unsigned long long)start);
		}
		if (ch == '"') {
			if (iv__reader_peek(r) != '"')
				return 0;
			iv__reader_getc(r); /* "" is one quote */
		} else if (ch == '\r' && iv__reader_peek(r) == '\n') {
			continue; /* CRLF inside a cell is a newline: the LF comes next */
		}
		if ((error = put(c, ch)) < 0)
			return error;
	}
}

/* Unquoted text up to the end of the cell; *end is what ended it: ',' '\n' '\r' or -1. */
static int unquoted(struct iv__csv *c, int *end)
{
	int ch, error;

	for (;;) {
		ch = iv__reader_getc(c->r);
		if (ch == ',' || ch == '\n' || ch == '\r' || ch < 0) {
			*end = ch;
			return 0;
		}
		if ((error = put(c, ch)) < 0)
			return error;
	}
}

static int cell(struct iv__csv *c, size_t max, int *end)
{
	size_t start = c->rec.len, i;
	uint64_t line = c->r->line;
	int error, blank;

	if (c->npre) {
		for (i = 0; i < c->npre; i++)
			if ((error = put(c, c->pre[i])) < 0)
				return error;
		c->npre = 0;
	} else if (iv__reader_peek(c->r) == '"') {
		iv__reader_getc(c->r);
		if ((error = quoted(c, line)) < 0)
			return error;
	}
	if ((error = unquoted(c, end)) < 0 || (error = put(c, '\0')) < 0)
		return error;
	if (*end < 0 && c->r->error)
		return c->r->error;
	if ((error = iv__check_utf8_line(c->rec.p + start, c->rec.len - 1 - start, line)) < 0)
		return error;
	for (i = start, blank = 1; blank && i + 1 < c->rec.len; i++)
		if (!strchr(" \t\r\n", c->rec.p[i]))
			blank = 0;
	c->nonblank |= !blank;
	if (!blank && c->ncells >= max)
		c->extra = 1;
	if (c->ncells < max)
		c->cell[c->nindexed++] = start;
	c->ncells++;
	return 0;
}

int iv__csv_read(struct iv__csv *c, size_t max)
{
	int error, end = ',';

	if (!c->started)
		skip_bom(c);
	iv__rec_clear(&c->rec);
	c->ncells = c->nindexed = 0;
	c->nonblank = c->extra = 0;
	c->line = c->r->line;
	if (c->npre == 0 && iv__reader_peek(c->r) < 0)
		return c->r->error ? c->r->error : IV_ITEROVER;
	if (max > c->alloc) {
		size_t *p = realloc(c->cell, max * sizeof(*p));

		if (!p)
			return iv__oom();
		c->cell = p;
		c->alloc = max;
	}
	while (end == ',')
		if ((error = cell(c, max, &end)) < 0)
			return error;
	if (end == '\r' && iv__reader_peek(c->r) == '\n')
		iv__reader_getc(c->r);
	return c->r->error ? c->r->error : 0;
}

char *iv__csv_cell(struct iv__csv *c, size_t i)
{
	static char empty[1];

	return i < c->nindexed ? c->rec.p + c->cell[i] : empty;
}

int iv__csv_blank(const struct iv__csv *c)
{
	return !c->nonblank;
}
