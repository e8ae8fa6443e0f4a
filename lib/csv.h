/*
 * Private: the CSV tokenizer (csv.c) under the CSV importer
 * (import_csv.c). RFC 4180 records read one at a time from an
 * iv__reader, so that memory is bounded by the largest record.
 */
#ifndef IV_CSV_H
#define IV_CSV_H

#include "io.h"

/*
 * The most columns a header may have: enough for Google's widest export
 * (about 90), small enough that the cell index stays a few pages.
 */
#define IV__CSV_MAX_COLUMNS 4096

struct iv__csv {
	struct iv__reader *r;
	struct iv__rec rec; /* the record's cells, each ending in a NUL byte */
	size_t *cell;       /* offsets in rec.p of the first `nindexed` cells */
	size_t alloc;       /* room in `cell` */
	size_t ncells;      /* how many cells the record has (may exceed nindexed) */
	size_t nindexed;
	uint64_t line;      /* the line where the record starts */
	int nonblank;       /* some cell holds more than spaces */
	int extra;          /* and one past the first `max` does */
	int started;        /* the byte order mark has been looked for */
	int bom;            /* and found */
	unsigned char pre[2]; /* bytes taken while looking for it that were data */
	size_t npre;
};

void iv__csv_init(struct iv__csv *c, struct iv__reader *r);
void iv__csv_free(struct iv__csv *c);

/*
 * Reads the next record, indexing at most `max` cells (the others are
 * counted in ncells only). Each cell is checked as UTF-8 without NUL
 * bytes; a CRLF inside a quoted cell becomes LF. Returns 0, IV_ITEROVER
 * at the end of the input, IV_EINVALID naming the line (invalid text, a
 * quoted cell that never ends, a record longer than IV_LIMIT_RECORD), the
 * reader's error, or IV_ENOMEM.
 */
int iv__csv_read(struct iv__csv *c, size_t max);

/* Cell i of the record read last (NUL-terminated, writable), or "" past the indexed ones. */
char *iv__csv_cell(struct iv__csv *c, size_t i);

/* Whether every cell of the record read last is empty or spaces (an empty line, ",,,"). */
int iv__csv_blank(const struct iv__csv *c);

#endif
