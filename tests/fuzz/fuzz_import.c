/*
 * A libFuzzer harness for the importers, one program per format
 * (IV_FUZZ_FORMAT): every input goes through iv_import() into a fresh
 * memory store, read in chunks of a size the input picks (so that record
 * boundaries fall anywhere in the reader's buffer). Beyond "no crash, no
 * leak, no undefined behaviour", it checks what must hold for any input:
 *
 * - a failed import writes nothing (the store stays empty);
 * - vCard: importing the store's own export again adds nothing;
 * - JSON: a backup that restores exports again to a document that
 *   restores into another store and exports to the same bytes.
 *
 * Built with -fsanitize=fuzzer by IV_FUZZ=ON (clang); every build also
 * replays the seed corpus through it (replay.c), as a ctest.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <infoview/infoview.h>

#ifndef IV_FUZZ_FORMAT
# error "define IV_FUZZ_FORMAT to one of iv_format_t"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct src {
	const uint8_t *data;
	size_t size, pos, chunk;
};

static int read_src(char *buf, size_t cap, size_t *got, void *payload)
{
	struct src *s = payload;
	size_t n = s->size - s->pos;

	if (n > s->chunk)
		n = s->chunk;
	if (n > cap)
		n = cap;
	memcpy(buf, s->data + s->pos, n);
	s->pos += n;
	*got = n;
	return 0;
}

struct sink {
	char *p;
	size_t len, cap;
};

static int write_sink(const char *data, size_t len, void *payload)
{
	struct sink *k = payload;

	if (k->len + len > k->cap) {
		size_t cap = (k->len + len) * 2;
		char *p = realloc(k->p, cap);

		if (!p)
			return IV_ENOMEM;
		k->p = p;
		k->cap = cap;
	}
	memcpy(k->p + k->len, data, len);
	k->len += len;
	return 0;
}

static size_t contact_count(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;

	if (iv_contact_list(&it, db, NULL) < 0)
		abort();
	while (iv_contact_iter_next(&c, it) == 0) {
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	return n;
}

/* Imports `k` into `db`; the report's additions, or -1 when it failed. */
static long import_bytes(iv_db *db, int format, const char *p, size_t n, size_t chunk)
{
	struct src s = { (const uint8_t *)p, n, 0, chunk };
	iv_import_report *r = NULL;
	long added;

	if (iv_import(&r, db, format, read_src, &s, NULL) != 0)
		return -1;
	added = (long)iv_import_report_added(r);
	iv_import_report_free(r);
	return added;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s = { data, size, 0, 1 + size % 13 };
	struct sink a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	iv_import_report *r = NULL;
	iv_db *db = NULL, *db2 = NULL;
	int error;

	if (iv_db_open_memory(&db) < 0)
		abort();
	error = iv_import(&r, db, IV_FUZZ_FORMAT, read_src, &s, NULL);
	if (error != 0 && contact_count(db) != 0)
		abort(); /* a failed import wrote something */
	if (error == 0 && IV_FUZZ_FORMAT == IV_FORMAT_VCARD && iv_import_report_added(r) > 0) {
		if (iv_export(db, IV_FORMAT_VCARD, write_sink, &a, NULL) != 0 ||
		    import_bytes(db, IV_FORMAT_VCARD, a.p, a.len, 4096) != 0)
			abort(); /* the store's own export must merge into it */
	}
	if (error == 0 && IV_FUZZ_FORMAT == IV_FORMAT_JSON) {
		if (iv_export(db, IV_FORMAT_JSON, write_sink, &a, NULL) != 0 || iv_db_open_memory(&db2) < 0 ||
		    import_bytes(db2, IV_FORMAT_JSON, a.p, a.len, 4096) < 0 ||
		    iv_export(db2, IV_FORMAT_JSON, write_sink, &b, NULL) != 0 || a.len != b.len ||
		    memcmp(a.p, b.p, a.len) != 0)
			abort(); /* a restored backup is not the same store */
	}
	iv_import_report_free(r);
	iv_db_free(db2);
	iv_db_free(db);
	free(a.p);
	free(b.p);
	return 0;
}
