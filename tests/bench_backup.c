/*
 * How fast the JSON backup goes: N contacts (each with e-mails, tags,
 * notes and a follow-up) are exported to memory and restored into an
 * empty store of the same backend, each timed; prints rows per second and
 * the peak RSS. Not a test (nothing is asserted): run it by hand.
 *
 *   bench_backup memory|sqlite [N]      (N = 10000 by default)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <infoview/infoview.h>
#include <infoview/interop.h>

struct buf {
	char *p;
	size_t len, cap, pos;
};

static int put(const char *data, size_t len, void *payload)
{
	struct buf *b = payload;

	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2;
		if (!(b->p = realloc(b->p, b->cap)))
			return IV_ENOMEM;
	}
	memcpy(b->p + b->len, data, len);
	b->len += len;
	return 0;
}

static int get(char *out, size_t size, size_t *got, void *payload)
{
	struct buf *b = payload;
	size_t n = b->len - b->pos < size ? b->len - b->pos : size;

	memcpy(out, b->p + b->pos, n);
	b->pos += n;
	*got = n;
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void remove_store(const char *path)
{
	char p[256];

	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static int open_store(iv_db **db, const char *backend, const char *path)
{
	if (strcmp(backend, "memory") == 0)
		return iv_db_open_memory(db);
	remove_store(path);
	return iv_db_open(db, path);
}

static int fill(iv_db *db, long n)
{
	char name[64], email[64];
	iv_contact *c = NULL;
	iv_followup *fu = NULL;
	long i;
	int e = iv_db_begin(db);

	for (i = 0; i < n && e == 0; i++) {
		snprintf(name, sizeof(name), "Person %ld Ångström", i);
		snprintf(email, sizeof(email), "person%ld@example.com", i);
		if ((e = iv_contact_new(&c)) < 0 || (e = iv_contact_set_name(c, name)) < 0 ||
		    (e = iv_contact_add_email(c, email)) < 0 || (e = iv_contact_set_company(c, "Acme \"Labs\"")) < 0 ||
		    (e = iv_contact_add_tag(c, "linkedin")) < 0 ||
		    (e = iv_contact_set_notes(c, "Met at a conference.\nFollow up in spring.")) < 0 ||
		    (e = iv_contact_insert(db, c)) < 0 || (e = iv_followup_new(&fu)) < 0 ||
		    (e = iv_followup_set_contact(fu, iv_contact_id(c))) < 0 ||
		    (e = iv_followup_set_due(fu, INT64_C(1772442000) + i)) < 0 || (e = iv_followup_insert(db, fu)) < 0)
			break;
		iv_contact_free(c);
		iv_followup_free(fu);
		c = NULL;
		fu = NULL;
	}
	iv_contact_free(c);
	iv_followup_free(fu);
	return e == 0 ? iv_db_commit(db) : e;
}

int main(int argc, char **argv)
{
	const char *backend = argc > 1 ? argv[1] : "sqlite";
	long n = argc > 2 ? atol(argv[2]) : 10000;
	struct buf b = { NULL, 0, 0, 0 };
	iv_import_report *rep = NULL;
	iv_db *db = NULL, *db2 = NULL;
	struct rusage ru;
	double tf, t0, t1, t2;
	int e;

	tf = now();
	if ((e = open_store(&db, backend, "bench-backup-a.db")) < 0 || (e = fill(db, n)) < 0)
		goto fail;
	t0 = now();
	if ((e = iv_export(db, IV_FORMAT_JSON, put, &b, NULL)) < 0)
		goto fail;
	t1 = now();
	if ((e = open_store(&db2, backend, "bench-backup-b.db")) < 0 ||
	    (e = iv_import(&rep, db2, IV_FORMAT_JSON, get, &b, NULL)) < 0)
		goto fail;
	t2 = now();
	getrusage(RUSAGE_SELF, &ru);
	printf("%s, %ld contacts + %ld follow-ups, backup %.1f MiB\n", backend, n, n, (double)b.len / 1048576.0);
	printf("insert through the API (one transaction, for comparison): %.3f s, %.0f records/s\n", t0 - tf,
	       2.0 * (double)n / (t0 - tf));
	printf("export:  %.3f s, %.0f records/s\n", t1 - t0, 2.0 * (double)n / (t1 - t0));
	printf("restore: %.3f s, %.0f records/s (%zu added)\n", t2 - t1, 2.0 * (double)n / (t2 - t1),
	       iv_import_report_added(rep));
	printf("peak RSS %.1f MiB (the backup itself is held in memory by this program)\n", (double)ru.ru_maxrss / 1024.0);
	iv_import_report_free(rep);
	iv_db_free(db);
	iv_db_free(db2);
	free(b.p);
	if (strcmp(backend, "sqlite") == 0) {
		remove_store("bench-backup-a.db");
		remove_store("bench-backup-b.db");
	}
	return 0;
fail:
	fprintf(stderr, "bench_backup: %s\n", iv_error_message());
	return 1;
}
