/*
 * Private: what the importers and exporters of interop.h share. The public
 * functions (import.c, export.c) own the transaction, the dry run, the
 * report, progress and merging; each format only reads records from a
 * reader or writes them to a writer.
 *
 *   format     reads (import.c calls)              writes (export.c calls)
 *   CSV        iv__csv_importer()   (import_csv.c, over csv.c)   -
 *   vCard      iv__vcard_importer() (vcard.c)      iv__vcard_export() (vcard_export.c)
 *   JSON       iv__backup_restore() (backup.c)     iv__backup_export() (backup.c)
 *   iCalendar  -                                   iv__ics_export()   (ics.c)
 *   DOT        -                                   iv__dot_export()   (dot.c)
 */
#ifndef IV_IO_H
#define IV_IO_H

#include <stdint.h>
#include <stdio.h>

#include "infoview/infoview.h"
#include "infoview/interop.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* Reading: a buffered byte stream over the caller's iv_read_cb.        */

#define IV__READER_BUF 65536

struct iv__reader {
	iv_read_cb read;
	void *payload;
	uint64_t offset; /* bytes handed out so far */
	uint64_t total;  /* the input's size when known, else 0 */
	uint64_t line;   /* the line of the next byte, from 1: counts the '\n' handed out */
	int error;       /* the first error of read() (a negative code or the callback's value), or 0 */
	int eof;
	size_t pos, len;
	char buf[IV__READER_BUF];
};

void iv__reader_init(struct iv__reader *r, iv_read_cb read, void *payload, uint64_t total);

/* Refills the buffer: 1 when bytes are there, 0 at the end, -1 on error (r->error set). */
int iv__reader_fill(struct iv__reader *r);

/*
 * The next byte (0..255), or -1 at the end of the input or after an error
 * (then r->error is set and the importer returns it). Counts lines.
 */
static inline int iv__reader_getc(struct iv__reader *r)
{
	int c;

	if (r->pos == r->len && iv__reader_fill(r) <= 0)
		return -1;
	c = (unsigned char)r->buf[r->pos++];
	r->offset++;
	if (c == '\n')
		r->line++;
	return c;
}

/* The next byte without taking it, or -1 (as iv__reader_getc()). */
static inline int iv__reader_peek(struct iv__reader *r)
{
	if (r->pos == r->len && iv__reader_fill(r) <= 0)
		return -1;
	return (unsigned char)r->buf[r->pos];
}

/*
 * A growable byte buffer for one record, refusing to grow past
 * IV_LIMIT_RECORD: iv__rec_putc() then fails with IV_EINVALID naming
 * `line` ("line 12: a record longer than 67108864 bytes").
 */
struct iv__rec {
	char *p;   /* NUL-terminated while len < cap */
	size_t len, cap;
};

int iv__rec_putc(struct iv__rec *b, int c, uint64_t line);
int iv__rec_put(struct iv__rec *b, const char *s, size_t n, uint64_t line);
void iv__rec_clear(struct iv__rec *b); /* len = 0, keeps the memory */
void iv__rec_free(struct iv__rec *b);

/*
 * Checks that s[0..n) is valid UTF-8 (no NUL byte, no overlong forms or
 * surrogates); IV_EINVALID "line N: invalid UTF-8 (byte 0xE9 ...); save the
 * file as UTF-8" otherwise. `line` is where s starts; the message counts
 * the newlines inside s to name the right line.
 */
int iv__check_utf8_line(const char *s, size_t n, uint64_t line);

/* ------------------------------------------------------------------ */
/* Rows: what the contact importers hand to import.c.                   */

struct iv__row {
	uint64_t line;        /* the input line where the record starts */
	iv_contact *contact;  /* the fields the row gives (no id); created by the importer */
	int known;            /* 0: the file does not say (the options' default applies) */
	char *uid;            /* a vCard UID, or NULL */
	char *introducer;     /* vCard RELATED "urn:uuid:<id>" of who introduced them, or NULL */
	char *skip;           /* set: skip the row, for this reason (in words, no line number) */
};

/* Frees what a row holds and zeroes it. */
void iv__row_clear(struct iv__row *row);

/*
 * Marks the row skipped for a formatted reason (keeps the first one).
 * Returns 0, or IV_ENOMEM.
 */
int iv__row_skip(struct iv__row *row, const char *fmt, ...) IV_PRINTF(2, 3);

/*
 * Calls a contact setter's result for a row: on IV_EINVALID the row is
 * skipped with the library's message (which names the field) and 0 is
 * returned; other errors are returned.
 */
int iv__row_field(struct iv__row *row, int error);

struct iv__importer {
	/*
	 * Fills `row` (zeroed by the caller) with the next record: 0, or
	 * IV_ITEROVER after the last, or an error (IV_EINVALID "line N: ...",
	 * the reader's error). Blank records are not rows.
	 */
	int (*next)(struct iv__row *row, struct iv__importer *imp);
	void (*free)(struct iv__importer *imp);
};

/* IV_FORMAT_LINKEDIN, IV_FORMAT_GOOGLE or IV_FORMAT_CSV; reads the header (csv.c). */
int iv__csv_importer(struct iv__importer **out, struct iv__reader *r, int format,
		     const iv_import_options *opts);
/* vCard 3.0 and 4.0 (vcard.c). */
int iv__vcard_importer(struct iv__importer **out, struct iv__reader *r,
		       const iv_import_options *opts);

/*
 * Counts for the report; import.c makes one and the backup's restore adds
 * to it.
 */
struct iv__report_skip {
	uint64_t line;
	char *reason;
};

struct iv_import_report {
	size_t added, merged, unchanged;
	struct iv__report_skip *skipped;
	size_t nskipped, alloc;
};

int iv__report_skip(iv_import_report *r, uint64_t line, const char *reason);

/*
 * Restores a backup into `db`, which import.c has checked is empty and
 * opened a transaction on (it rolls back on failure and for a dry run).
 * Writes straight to the backend, keeping ids, numbers and times; counts
 * every record in report->added; calls iv__import_progress() as it goes.
 */
struct iv__import_ctx;
int iv__backup_restore(struct iv__import_ctx *ctx, iv_db *db, struct iv__reader *r,
		       iv_import_report *report);
/* Reports progress (throttled); returns the callback's non-zero value to stop. */
int iv__import_progress(struct iv__import_ctx *ctx, uint64_t records, int force);

/* ------------------------------------------------------------------ */
/* Writing: a buffered byte stream over the caller's iv_write_cb.       */

#define IV__WRITER_BUF 65536

struct iv__writer {
	iv_write_cb write;
	void *payload;
	int error; /* the first error: a negative code or the callback's value; 0 */
	uint64_t records, total;
	iv_progress_cb progress;
	void *progress_payload;
	size_t len;
	char buf[IV__WRITER_BUF];
};

/* Each returns w->error (0 while all is well); after an error they write nothing. */
int iv__put(struct iv__writer *w, const char *s, size_t n);
int iv__puts(struct iv__writer *w, const char *s);
int iv__printf(struct iv__writer *w, const char *fmt, ...) IV_PRINTF(2, 3);
/* Hands out what is buffered. */
int iv__flush(struct iv__writer *w);
/* One more record written: reports progress every few hundred; returns w->error or the callback's value. */
int iv__record_done(struct iv__writer *w);

/* The formats; each writes the whole document. `opts` is full-sized (read by export.c). */
int iv__vcard_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts);
int iv__ics_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts);
int iv__backup_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts);
int iv__dot_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts);

/*
 * Every setting of the store, in byte order of the key, with its value:
 * calls cb for each (a non-zero return stops and is returned). With a
 * backend that cannot list settings (older than version 3), the library's
 * own keys it knows of.
 */
int iv__settings_each(iv_db *db, const char *prefix,
		      int (*cb)(const char *key, const char *value, void *payload), void *payload);

/* Times as text: "20260312T143000Z" (iCalendar basic form, UTC). */
void iv__time_ical(char out[17], iv_time t);

#endif
