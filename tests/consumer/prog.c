/*
 * A program outside the tree, built against an installed libinfoview: it
 * round-trips a contact through an SQLite file and exits 0 only if every
 * field comes back as stored. It proves that the installed headers, library
 * and build metadata (pkg-config or CMake) are enough to use the library.
 */
#define _POSIX_C_SOURCE 200809L

#include <infoview/infoview.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void expect_str(const char *field, const char *got, const char *want)
{
	if (got == NULL || strcmp(got, want) != 0) {
		fprintf(stderr, "mismatch: %s is \"%s\", expected \"%s\"\n",
			field, got ? got : "(null)", want);
		failures++;
	}
}

static void expect_int(const char *field, long long got, long long want)
{
	if (got != want) {
		fprintf(stderr, "mismatch: %s is %lld, expected %lld\n", field, got, want);
		failures++;
	}
}

/* Prints the library's own message: it names the field or id at fault. */
static int report(int rc, const char *what)
{
	if (rc < 0)
		fprintf(stderr, "%s: %s (%s)\n", what, iv_error_last()->message, iv_error_name(rc));
	return rc;
}

static int round_trip(const char *path)
{
	iv_db *db = NULL;
	iv_contact *c = NULL, *back = NULL;
	char id[IV_ID_LEN + 1];
	int rc;

	if ((rc = report(iv_db_open(&db, path), "open")) < 0 ||
	    (rc = report(iv_contact_new(&c), "new")) < 0 ||
	    (rc = report(iv_contact_set_name(c, "Dana Okafor"), "name")) < 0 ||
	    (rc = report(iv_contact_set_company(c, "Pfizer"), "company")) < 0 ||
	    (rc = report(iv_contact_set_title(c, "Clinical Data Manager"), "title")) < 0 ||
	    (rc = report(iv_contact_set_known(c, IV_KNOWN_INTRODUCED), "known")) < 0 ||
	    (rc = report(iv_contact_add_email(c, "dana@example.org"), "email")) < 0 ||
	    (rc = report(iv_contact_add_email(c, "d.okafor@example.com"), "email")) < 0 ||
	    (rc = report(iv_contact_add_tag(c, "pharma"), "tag")) < 0 ||
	    (rc = report(iv_contact_insert(db, c), "insert")) < 0)
		goto out;
	if (iv_contact_id(c) == NULL || !iv_id_valid(iv_contact_id(c))) {
		fprintf(stderr, "insert gave no valid id\n");
		rc = -1;
		goto out;
	}
	memcpy(id, iv_contact_id(c), sizeof(id));
	id[IV_ID_LEN] = '\0';

	/* Close and reopen, so the fields must come from the file. */
	iv_db_free(db);
	db = NULL;
	if ((rc = report(iv_db_open(&db, path), "reopen")) < 0 ||
	    (rc = report(iv_contact_lookup(&back, db, id), "lookup")) < 0)
		goto out;

	expect_str("id", iv_contact_id(back), id);
	expect_str("name", iv_contact_name(back), "Dana Okafor");
	expect_str("company", iv_contact_company(back), "Pfizer");
	expect_str("title", iv_contact_title(back), "Clinical Data Manager");
	expect_int("known", iv_contact_known(back), IV_KNOWN_INTRODUCED);
	expect_int("email count", (long long)iv_contact_email_count(back), 2);
	expect_str("email 0", iv_contact_email_at(back, 0), "dana@example.org");
	expect_str("email 1", iv_contact_email_at(back, 1), "d.okafor@example.com");
	expect_int("has tag", iv_contact_has_tag(back, "pharma"), 1);
	expect_int("created", iv_contact_created(back), iv_contact_created(c));
	rc = failures ? -1 : 0;

out:
	iv_contact_free(back);
	iv_contact_free(c);
	iv_db_free(db);
	return rc;
}

/* The store's files: the database and SQLite's WAL companions. */
static void remove_store(const char *dir, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char name[4096];
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
		unlink(name);
	}
	rmdir(dir);
}

int main(void)
{
	const char *tmpdir = getenv("TMPDIR");
	char dir[4096], path[4096 + 16];
	int major = -1, minor = -1, patch = -1;
	int rc;

	/* The headers we compiled against must match the library we run with. */
	iv_version(&major, &minor, &patch);
	if (major != IV_VERSION_MAJOR || minor != IV_VERSION_MINOR || patch != IV_VERSION_PATCH ||
	    iv_version_number() != IV_VERSION_NUMBER) {
		fprintf(stderr, "headers are %s but the library is %d.%d.%d\n",
			IV_VERSION, major, minor, patch);
		return 1;
	}

	snprintf(dir, sizeof(dir), "%s/iv-consumer-XXXXXX",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/store.db", dir);

	rc = round_trip(path);
	remove_store(dir, path);
	if (rc < 0)
		return 1;
	printf("ok: contact round-tripped through %s (libinfoview %s)\n",
	       path, iv_version(NULL, NULL, NULL));
	return 0;
}
