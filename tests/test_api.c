/*
 * The public API's edge cases that do not depend on a backend: versions,
 * errors, memory, ids, limits, enumerations, the backend registry, the
 * default path, the clock, NULL arguments and handles, and streaming
 * iterators.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>






/* --- Temporary directories ---------------------------------------------- */

static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char child[1024];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(child, sizeof(child), "%s/%s", path, e->d_name) < sizeof(child))
				remove_tree(child);
		}
		closedir(d);
	}
	rmdir(path);
}

static void make_temp_dir(char *out, size_t size)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || tmp[0] != '/')
		tmp = "/tmp";
	assert_true((size_t)snprintf(out, size, "%s/iv-api-XXXXXX", tmp) < size);
	assert_non_null(mkdtemp(out));
}

/* ======================================================================= */
/* Versions                                                                 */
/* ======================================================================= */

static void version_matches_header_macros(void **state)
{
	int major = -1, minor = -1, patch = -1;

	(void)state;
	assert_str(iv_version(&major, &minor, &patch), IV_VERSION);
	assert_int_equal(major, IV_VERSION_MAJOR);
	assert_int_equal(minor, IV_VERSION_MINOR);
	assert_int_equal(patch, IV_VERSION_PATCH);
	assert_str(iv_version(NULL, NULL, NULL), IV_VERSION);
	assert_int_equal(iv_version_number(), IV_VERSION_NUMBER);
	assert_int_equal(iv_version_number(), major * 10000 + minor * 100 + patch);
}

/* ======================================================================= */
/* Errors                                                                   */
/* ======================================================================= */

typedef struct {
	int code_at_start;
	char message_at_start[64];
	int code_after_set;
} thread_report;

static void *error_thread(void *arg)
{
	thread_report *r = arg;
	const iv_error *e = iv_error_last();

	r->code_at_start = e != NULL ? e->code : 12345;
	snprintf(r->message_at_start, sizeof(r->message_at_start), "%s",
	         e != NULL && e->message != NULL ? e->message : "(null)");
	iv_error_set(IV_EBUSY, "set in the other thread");
	r->code_after_set = iv_error_last()->code;
	return NULL;
}

static void run_error_thread(thread_report *r)
{
	pthread_t t;

	memset(r, 0, sizeof(*r));
	assert_int_equal(pthread_create(&t, NULL, error_thread, r), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
}

static void error_last_starts_at_ok_with_no_error(void **state)
{
	thread_report r;

	(void)state;
	run_error_thread(&r);
	assert_int_equal(r.code_at_start, IV_OK);
	assert_string_equal(r.message_at_start, "no error");
}

static void error_last_is_never_null(void **state)
{
	iv_db *db = NULL;
	iv_contact *c = NULL;

	(void)state;
	iv_error_clear();
	assert_non_null(iv_error_last());
	assert_non_null(iv_error_last()->message);
	ok(iv_db_open_memory(&db));
	check(iv_contact_lookup(&c, db, "00000000-0000-7000-8000-000000000000"), IV_ENOTFOUND);
	assert_non_null(iv_error_last());
	assert_non_null(iv_error_last()->message);
	assert_non_null(iv_error_message());
	iv_db_free(db);
}

static void error_clear_resets_to_ok(void **state)
{
	(void)state;
	iv_error_set(IV_ECONSTRAINT, "something went wrong");
	iv_error_clear();
	assert_int_equal(iv_error_last()->code, IV_OK);
	assert_str(iv_error_last()->message, "no error");
	assert_int_equal(iv_error_code(), IV_OK);
	assert_str(iv_error_message(), "no error");
}

static void error_set_records_code_and_copies_message(void **state)
{
	char buf[] = "from a buffer";

	(void)state;
	assert_int_equal(iv_error_set(IV_EINVALID, buf), IV_EINVALID);
	buf[0] = 'X';
	assert_int_equal(iv_error_last()->code, IV_EINVALID);
	assert_str(iv_error_last()->message, "from a buffer");
	assert_int_equal(iv_error_code(), IV_EINVALID);
	assert_str(iv_error_message(), "from a buffer");
}

static void error_set_with_null_message_keeps_message_non_null(void **state)
{
	(void)state;
	assert_int_equal(iv_error_set(IV_ESTORAGE, NULL), IV_ESTORAGE);
	assert_int_equal(iv_error_code(), IV_ESTORAGE);
	assert_non_null(iv_error_last()->message);
	assert_non_null(iv_error_message());
}

static void error_name_names_each_code(void **state)
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{ IV_OK, "IV_OK" },
		{ IV_ERROR, "IV_ERROR" },
		{ IV_ENOTFOUND, "IV_ENOTFOUND" },
		{ IV_EEXISTS, "IV_EEXISTS" },
		{ IV_EINVALID, "IV_EINVALID" },
		{ IV_ECONSTRAINT, "IV_ECONSTRAINT" },
		{ IV_EBUSY, "IV_EBUSY" },
		{ IV_ENOMEM, "IV_ENOMEM" },
		{ IV_EVERSION, "IV_EVERSION" },
		{ IV_ESTORAGE, "IV_ESTORAGE" },
		{ IV_EMISUSE, "IV_EMISUSE" },
		{ IV_ITEROVER, "IV_ITEROVER" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_str(iv_error_name(names[i].code), names[i].name);
}

static void error_name_of_unknown_code_is_not_null(void **state)
{
	static const int unknown[] = { -2, -12, -30, 1, 42, -9999 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		const char *name = iv_error_name(unknown[i]);

		assert_non_null(name);
		assert_true(name[0] != '\0');
		assert_string_not_equal(name, "IV_OK");
	}
}

static void error_is_thread_local(void **state)
{
	thread_report r;

	(void)state;
	iv_error_set(IV_ENOTFOUND, "set in main");
	run_error_thread(&r);
	assert_int_equal(r.code_at_start, IV_OK);
	assert_string_equal(r.message_at_start, "no error");
	assert_int_equal(r.code_after_set, IV_EBUSY);
	assert_int_equal(iv_error_last()->code, IV_ENOTFOUND);
	assert_str(iv_error_last()->message, "set in main");
}

/* ======================================================================= */
/* Memory                                                                   */
/* ======================================================================= */

static void free_functions_accept_null(void **state)
{
	(void)state;
	iv_free(NULL);
	iv_db_free(NULL);
	iv_contact_free(NULL);
	iv_intro_free(NULL);
	iv_interview_free(NULL);
	iv_followup_free(NULL);
	iv_contact_iter_free(NULL);
	iv_intro_iter_free(NULL);
	iv_interview_iter_free(NULL);
	iv_followup_iter_free(NULL);
}

static void new_records_free_cleanly(void **state)
{
	iv_contact *c = NULL, *c2 = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;

	(void)state;
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Dana"));
	ok(iv_contact_add_email(c, "dana@example.org"));
	ok(iv_contact_dup(&c2, c));
	assert_str(iv_contact_name(c2), "Dana");
	ok(iv_intro_new(&in));
	ok(iv_interview_new(&iv));
	ok(iv_interview_add_question(iv, "Why?"));
	ok(iv_followup_new(&fu));
	iv_contact_free(c);
	iv_contact_free(c2);
	iv_intro_free(in);
	iv_interview_free(iv);
	iv_followup_free(fu);
}

/* ======================================================================= */
/* Ids                                                                      */
/* ======================================================================= */

static void id_valid_accepts_uuid_text_in_either_case(void **state)
{
	(void)state;
	assert_true(iv_id_valid("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"));
	assert_true(iv_id_valid("0190A1B2-C3D4-7E5F-8A6B-7C8D9E0F1A2B"));
	assert_true(iv_id_valid("0190a1B2-c3D4-7e5F-8a6B-7c8D9e0F1a2B"));
	assert_true(iv_id_valid("00000000-0000-0000-0000-000000000000"));
	assert_true(iv_id_valid("ffffffff-ffff-ffff-ffff-ffffffffffff"));
}

static void id_valid_refuses_other_text(void **state)
{
	(void)state;
	assert_false(iv_id_valid(NULL));
	assert_false(iv_id_valid(""));
	assert_false(iv_id_valid("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2"));    /* short */
	assert_false(iv_id_valid("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2bc"));  /* long */
	assert_false(iv_id_valid("0190a1b2c3d47e5f8a6b7c8d9e0f1a2b"));      /* no dashes */
	assert_false(iv_id_valid("0190a1b2-c3d47-e5f-8a6b-7c8d9e0f1a2b"));  /* dash misplaced */
	assert_false(iv_id_valid("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2g"));  /* not hex */
	assert_false(iv_id_valid("{0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b}"));
	assert_false(iv_id_valid(" 0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"));
	assert_false(iv_id_valid("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b "));
	assert_false(iv_id_valid("0190a1b2_c3d4_7e5f_8a6b_7c8d9e0f1a2b"));
}

/* ======================================================================= */
/* Limits and enumerations                                                  */
/* ======================================================================= */

static void limit_gives_each_named_limit(void **state)
{
	(void)state;
	assert_int_equal(iv_limit("short"), IV_LIMIT_SHORT);
	assert_int_equal(iv_limit("tag"), IV_LIMIT_TAG);
	assert_int_equal(iv_limit("url"), IV_LIMIT_URL);
	assert_int_equal(iv_limit("text"), IV_LIMIT_TEXT);
	assert_int_equal(iv_limit("list"), IV_LIMIT_LIST);
}

static void limit_of_unknown_name_is_minus_one(void **state)
{
	(void)state;
	assert_int_equal(iv_limit("bogus"), -1);
	assert_int_equal(iv_limit(""), -1);
	assert_int_equal(iv_limit("shorter"), -1);
	assert_int_equal(iv_limit(NULL), -1);
}

#include "enum_table.h"


static void enum_name_and_value_round_trip(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ENUM_COUNT; i++) {
		const enum_entry *e = &enum_table[i];
		const char *name = iv_enum_name(e->type, e->value);
		int value = -1;

		if (name == NULL || strcmp(name, e->name) != 0)
			FAIL("iv_enum_name(\"%s\", %d) gave \"%s\", expected \"%s\"\n",
			     e->type, e->value, name != NULL ? name : "(null)", e->name);
		ok(iv_enum_value(&value, e->type, name));
		assert_int_equal(value, e->value);
	}
}

static void enum_value_ignores_case_and_accepts_dashes(void **state)
{
	int value = -1;

	(void)state;
	ok(iv_enum_value(&value, "followup_kind", "Thank-Introducer"));
	assert_int_equal(value, IV_FOLLOWUP_THANK_INTRODUCER);
	ok(iv_enum_value(&value, "interview_status", "NO_RESPONSE"));
	assert_int_equal(value, IV_INTERVIEW_NO_RESPONSE);
	ok(iv_enum_value(&value, "channel", "in-person"));
	assert_int_equal(value, IV_CHANNEL_IN_PERSON);
	ok(iv_enum_value(&value, "known", "COLD"));
	assert_int_equal(value, IV_KNOWN_COLD);
}

static void enum_name_of_unknown_value_or_type_is_null(void **state)
{
	(void)state;
	assert_null(iv_enum_name("known", 0));
	assert_null(iv_enum_name("known", 4));
	assert_null(iv_enum_name("channel", 0));
	assert_null(iv_enum_name("medium", -1));
	assert_null(iv_enum_name("medium", 4));
	assert_null(iv_enum_name("interview_status", 8));
	assert_null(iv_enum_name("followup_kind", 7));
	assert_null(iv_enum_name("followup_status", 99));
	assert_null(iv_enum_name("colour", 1));
	assert_null(iv_enum_name(NULL, 1));
}

static void enum_value_of_unknown_name_is_invalid_naming_it(void **state)
{
	int value = 77;

	(void)state;
	check(iv_enum_value(&value, "followup_kind", "bake_a_cake"), IV_EINVALID);
	assert_message_has("followup_kind");
	assert_message_has("bake_a_cake");
	check(iv_enum_value(&value, "colour", "red"), IV_EINVALID);
	assert_message_has("colour");
	check(iv_enum_value(&value, "known", ""), IV_EINVALID);
	check(iv_enum_value(&value, "known", "direct "), IV_EINVALID);
	check(iv_enum_value(&value, "known", NULL), IV_EINVALID);
}

/* Every documented value, in order: exactly what a binding builds at import. */
static void enum_listing_gives_exactly_the_table(void **state)
{
	const char *type, *name;
	size_t t, i, row = 0;
	int value;

	(void)state;
	for (t = 0; (type = iv_enum_type_name(t)) != NULL; t++) {
		for (i = 0; iv_enum_at(&value, &name, type, i) == 0; i++, row++) {
			if (row >= ENUM_COUNT)
				FAIL("iv_enum_at(\"%s\", %zu) lists \"%s\" beyond the table\n", type, i, name);
			if (strcmp(type, enum_table[row].type) != 0 || value != enum_table[row].value ||
			    strcmp(name, enum_table[row].name) != 0)
				FAIL("listing gives %s %d \"%s\", the table %s %d \"%s\"\n", type, value, name,
				     enum_table[row].type, enum_table[row].value, enum_table[row].name);
		}
		check(iv_enum_at(&value, &name, type, i), IV_ITEROVER);
		assert_true(i > 0);
	}
	assert_int_equal(row, ENUM_COUNT);
}

static void enum_at_accepts_null_outputs_and_refuses_unknown_types(void **state)
{
	int value = 77;
	const char *name = "untouched";

	(void)state;
	ok(iv_enum_at(NULL, NULL, "known", 0));
	ok(iv_enum_at(&value, NULL, "error", 2));
	assert_int_equal(value, IV_ENOTFOUND);
	check(iv_enum_at(&value, &name, "known", 99), IV_ITEROVER);
	assert_string_equal(name, "untouched");
	check(iv_enum_at(&value, &name, "colour", 0), IV_EINVALID);
	assert_message_has("colour");
	check(iv_enum_at(&value, &name, NULL, 0), IV_EINVALID);
	assert_null(iv_enum_type_name((size_t)-1));
}

/* A binding may name codes as iv_error_name() spells them or as the enum does. */
static void enum_value_reads_error_codes_with_or_without_prefix(void **state)
{
	size_t i;
	int value = 0;

	(void)state;
	for (i = 0; i < ENUM_COUNT; i++) {
		if (strcmp(enum_table[i].type, "error") != 0)
			continue;
		ok(iv_enum_value(&value, "error", iv_error_name(enum_table[i].value)));
		assert_int_equal(value, enum_table[i].value);
	}
	ok(iv_enum_value(&value, "error", "ENOTFOUND"));
	assert_int_equal(value, IV_ENOTFOUND);
	ok(iv_enum_value(&value, "error", "iv-ebusy"));
	assert_int_equal(value, IV_EBUSY);
	check(iv_enum_value(&value, "error", "IV_"), IV_EINVALID);
	check(iv_enum_value(&value, "known", "IV_DIRECT"), IV_EINVALID);
}

static void enum_flags_name_single_flags_only(void **state)
{
	(void)state;
	assert_str(iv_enum_name("search_kind", IV_SEARCH_INTERVIEW), "interview");
	assert_null(iv_enum_name("search_kind", IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW));
	assert_null(iv_enum_name("draft_warning", 0));
	assert_str(iv_enum_name("delete_flags", 0), "default");
}

/* ======================================================================= */
/* Backends                                                                 */
/* ======================================================================= */

static void backend_init_zeroes_and_sets_version(void **state)
{
	iv_backend be, want, tmpl = IV_BACKEND_INIT;

	(void)state;
	memset(&be, 0xa5, sizeof(be));
	ok(iv_backend_init(&be, IV_BACKEND_VERSION));
	memset(&want, 0, sizeof(want));
	want.version = IV_BACKEND_VERSION;
	assert_int_equal(be.version, IV_BACKEND_VERSION);
	assert_null(be.db);
	assert_null(be.contact_get);
	assert_null(be.free);
	assert_null(be.contact_referenced);
	assert_memory_equal(&be, &want, sizeof(be));
	assert_int_equal(tmpl.version, IV_BACKEND_VERSION);
	assert_null(tmpl.contact_referenced);
}

static void backend_init_refuses_unknown_version(void **state)
{
	iv_backend be;

	(void)state;
	check(iv_backend_init(&be, 99), IV_EVERSION);
	check(iv_backend_init(&be, 0), IV_EVERSION);
	check(iv_backend_init(&be, iv_struct_version("iv_backend") + 1 /* one the library does not know */), IV_EVERSION);
}

static void db_open_backend_refuses_unknown_version(void **state)
{
	iv_backend *be = NULL;
	iv_db *db = NULL;

	(void)state;
	ok(iv_backend_memory_new(&be));
	be->version = 99;
	check(iv_db_open_backend(&db, be), IV_EVERSION);
	be->version = 0;
	check(iv_db_open_backend(&db, be), IV_EVERSION);
	/* On failure the caller still owns the backend. */
	be->version = IV_BACKEND_VERSION;
	be->free(be);
}

/* Each required member, removed in turn, is refused and named. */
#define REFUSE_WITHOUT(member) do { \
	iv_backend saved_ = *be; \
	be->member = NULL; \
	check(iv_db_open_backend(&db, be), IV_EINVALID); \
	assert_message_has(#member); \
	*be = saved_; \
} while (0)

static void db_open_backend_refuses_missing_required_operation(void **state)
{
	iv_backend *be = NULL;
	iv_db *db = NULL;

	(void)state;
	ok(iv_backend_memory_new(&be));
	REFUSE_WITHOUT(contact_get);
	REFUSE_WITHOUT(contact_insert);
	REFUSE_WITHOUT(contact_update);
	REFUSE_WITHOUT(contact_delete);
	REFUSE_WITHOUT(contact_list);
	REFUSE_WITHOUT(intro_get);
	REFUSE_WITHOUT(intro_insert);
	REFUSE_WITHOUT(intro_update);
	REFUSE_WITHOUT(intro_delete);
	REFUSE_WITHOUT(intro_list);
	REFUSE_WITHOUT(interview_get);
	REFUSE_WITHOUT(interview_insert);
	REFUSE_WITHOUT(interview_update);
	REFUSE_WITHOUT(interview_delete);
	REFUSE_WITHOUT(interview_list);
	REFUSE_WITHOUT(followup_get);
	REFUSE_WITHOUT(followup_insert);
	REFUSE_WITHOUT(followup_update);
	REFUSE_WITHOUT(followup_delete);
	REFUSE_WITHOUT(followup_list);
	REFUSE_WITHOUT(setting_get);
	REFUSE_WITHOUT(setting_set);
	REFUSE_WITHOUT(begin);
	REFUSE_WITHOUT(commit);
	REFUSE_WITHOUT(rollback);
	REFUSE_WITHOUT(free);
	be->free(be);
}

static void db_open_backend_accepts_missing_optional_operation(void **state)
{
	iv_backend *be = NULL;
	iv_db *db = NULL;
	iv_contact *c = NULL;

	(void)state;
	ok(iv_backend_memory_new(&be));
	be->contact_referenced = NULL;
	ok(iv_db_open_backend(&db, be));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Works"));
	ok(iv_contact_insert(db, c));
	ok(iv_contact_delete(db, iv_contact_id(c), IV_DELETE_DEFAULT));
	iv_contact_free(c);
	/* The store owns the backend now and frees it. */
	iv_db_free(db);
}

typedef struct {
	int calls;
	char location[128];
	int fail;
} factory_log;

static int logging_factory(iv_backend **out, const char *location, void *payload)
{
	factory_log *log = payload;

	log->calls++;
	snprintf(log->location, sizeof(log->location), "%s", location != NULL ? location : "(null)");
	if (log->fail)
		return iv_error_set(IV_ESTORAGE, "logging factory: refused on purpose");
	return iv_backend_memory_new(out);
}

static void backend_register_refuses_bad_names(void **state)
{
	static factory_log log;
	char long_name[40];

	(void)state;
	memset(long_name, 'n', 33);
	long_name[33] = '\0';
	check(iv_backend_register(NULL, logging_factory, &log), IV_EINVALID);
	check(iv_backend_register("", logging_factory, &log), IV_EINVALID);
	check(iv_backend_register("has space", logging_factory, &log), IV_EINVALID);
	check(iv_backend_register("dot.name", logging_factory, &log), IV_EINVALID);
	check(iv_backend_register("slash/name", logging_factory, &log), IV_EINVALID);
	check(iv_backend_register("caf\xc3\xa9", logging_factory, &log), IV_EINVALID);
	check(iv_backend_register(long_name, logging_factory, &log), IV_EINVALID);
	/* 32 bytes of the allowed characters fit. */
	long_name[32] = '\0';
	long_name[0] = 'A';
	long_name[1] = '9';
	long_name[2] = '_';
	long_name[3] = '-';
	ok(iv_backend_register(long_name, logging_factory, &log));
}

static void backend_register_refuses_null_factory(void **state)
{
	(void)state;
	check(iv_backend_register("api-null-factory", NULL, NULL), IV_EINVALID);
	/* The name was not taken by the failed attempt. */
	ok(iv_backend_register("api-null-factory", logging_factory, NULL));
}

static void backend_register_refuses_taken_names(void **state)
{
	static factory_log log;

	(void)state;
	check(iv_backend_register("sqlite", logging_factory, &log), IV_EEXISTS);
	check(iv_backend_register("memory", logging_factory, &log), IV_EEXISTS);
	ok(iv_backend_register("api-twice", logging_factory, &log));
	check(iv_backend_register("api-twice", logging_factory, &log), IV_EEXISTS);
}

static void db_open_with_uses_registered_factory(void **state)
{
	static factory_log log;
	iv_db *db = NULL;
	iv_contact *c = NULL;

	(void)state;
	ok(iv_backend_register("api-logged", logging_factory, &log));
	ok(iv_db_open_with(&db, "api-logged", "somewhere/else"));
	assert_int_equal(log.calls, 1);
	assert_string_equal(log.location, "somewhere/else");
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Through the factory"));
	ok(iv_contact_insert(db, c));
	iv_contact_free(c);
	iv_db_free(db);
}

static void db_open_with_passes_factory_error_on(void **state)
{
	static factory_log log;
	iv_db *db = NULL;

	(void)state;
	log.fail = 1;
	ok(iv_backend_register("api-failing", logging_factory, &log));
	check(iv_db_open_with(&db, "api-failing", NULL), IV_ESTORAGE);
	assert_message_has("refused on purpose");
	assert_int_equal(log.calls, 1);
}

static void db_open_with_unknown_backend_is_notfound_naming_it(void **state)
{
	iv_db *db = NULL;

	(void)state;
	check(iv_db_open_with(&db, "no-such-backend", NULL), IV_ENOTFOUND);
	assert_message_has("no-such-backend");
}

/* ======================================================================= */
/* The default path                                                         */
/* ======================================================================= */

typedef struct {
	char *home;
	char *xdg;
	char dir[512];
} env_fixture;

static char *dup_env(const char *name)
{
	const char *v = getenv(name);
	char *copy;

	if (v == NULL)
		return NULL;
	copy = malloc(strlen(v) + 1);
	if (copy != NULL)
		strcpy(copy, v);
	return copy;
}

static int env_setup(void **state)
{
	env_fixture *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return -1;
	fx->home = dup_env("HOME");
	fx->xdg = dup_env("XDG_DATA_HOME");
	*state = fx;
	return 0;
}

static void restore_env(const char *name, const char *value)
{
	if (value != NULL)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static int env_teardown(void **state)
{
	env_fixture *fx = *state;

	restore_env("HOME", fx->home);
	restore_env("XDG_DATA_HOME", fx->xdg);
	if (fx->dir[0] != '\0')
		remove_tree(fx->dir);
	free(fx->home);
	free(fx->xdg);
	free(fx);
	return 0;
}

static void default_path_uses_xdg_data_home(void **state)
{
	char *path = NULL;

	(void)state;
	setenv("XDG_DATA_HOME", "/srv/data/someone", 1);
	setenv("HOME", "/home/someone", 1);
	ok(iv_db_default_path(&path));
	assert_str(path, "/srv/data/someone/infoview/infoview.db");
	iv_free(path);
}

static void default_path_falls_back_to_home(void **state)
{
	char *path = NULL;

	(void)state;
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/someone", 1);
	ok(iv_db_default_path(&path));
	assert_str(path, "/home/someone/.local/share/infoview/infoview.db");
	iv_free(path);
}

static void default_path_ignores_relative_xdg_data_home(void **state)
{
	char *path = NULL;

	(void)state;
	setenv("HOME", "/home/someone", 1);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	ok(iv_db_default_path(&path));
	assert_str(path, "/home/someone/.local/share/infoview/infoview.db");
	iv_free(path);
	path = NULL;
	setenv("XDG_DATA_HOME", "", 1);
	ok(iv_db_default_path(&path));
	assert_str(path, "/home/someone/.local/share/infoview/infoview.db");
	iv_free(path);
}

static void default_path_without_home_or_xdg_is_notfound(void **state)
{
	char *path = NULL;

	(void)state;
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	check(iv_db_default_path(&path), IV_ENOTFOUND);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	check(iv_db_default_path(&path), IV_ENOTFOUND);
}

/* Opens the default store, stores a contact, and finds it at the expected file. */
static void open_default_and_check_file(env_fixture *fx)
{
	iv_db *db = NULL;
	iv_contact *c = NULL, *got = NULL;
	char file[600], id[IV_ID_LEN + 1];
	struct stat st;

	setenv("XDG_DATA_HOME", fx->dir, 1);
	ok(iv_db_open(&db, NULL));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Persisted"));
	ok(iv_contact_insert(db, c));
	memcpy(id, iv_contact_id(c), sizeof(id));
	iv_contact_free(c);
	iv_db_free(db);
	db = NULL;

	snprintf(file, sizeof(file), "%s/infoview/infoview.db", fx->dir);
	assert_int_equal(stat(file, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	ok(iv_db_open(&db, file));
	ok(iv_contact_lookup(&got, db, id));
	assert_str(iv_contact_name(got), "Persisted");
	iv_contact_free(got);
	iv_db_free(db);
}

static void db_open_null_path_creates_store_under_xdg_data_home(void **state)
{
	env_fixture *fx = *state;
	char sub[600];

	make_temp_dir(fx->dir, sizeof(fx->dir));
	snprintf(sub, sizeof(sub), "%s/infoview", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	open_default_and_check_file(fx);
}

static void db_open_null_path_creates_missing_directory(void **state)
{
	env_fixture *fx = *state;

	make_temp_dir(fx->dir, sizeof(fx->dir));
	open_default_and_check_file(fx);
}

/* ======================================================================= */
/* The clock                                                                */
/* ======================================================================= */

static int fixed_clock(iv_time *now, void *payload)
{
	*now = *(const iv_time *)payload;
	return 0;
}

/* A clock that fails as a binding's would when its callable raised. */
static int failing_clock(iv_time *now, void *payload)
{
	(void)payload;
	*now = -3857531639761755647; /* garbage it must not matter */
	return iv_error_set(IV_ERROR, "clock raised ValueError");
}

static iv_time db_now(iv_db *db)
{
	iv_time t = 0;

	ok(iv_db_now(&t, db));
	return t;
}

static void set_clock_replaces_and_restores_the_clock(void **state)
{
	iv_db *db = NULL;
	iv_contact *c = NULL;
	iv_time now = 1234567890;
	iv_time system_now;

	(void)state;
	ok(iv_db_open_memory(&db));
	ok(iv_db_set_clock(db, fixed_clock, &now));
	assert_int_equal(db_now(db), 1234567890);
	now += 60;
	assert_int_equal(db_now(db), 1234567950);

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Stamped"));
	ok(iv_contact_insert(db, c));
	assert_int_equal(iv_contact_created(c), 1234567950);
	iv_contact_free(c);

	ok(iv_db_set_clock(db, NULL, NULL));
	system_now = (iv_time)time(NULL);
	assert_true(db_now(db) >= system_now - 2);
	assert_true(db_now(db) <= system_now + 2);
	iv_db_free(db);
}

static void a_failing_clock_fails_the_call_and_writes_nothing(void **state)
{
	iv_db *db = NULL;
	iv_contact *c = NULL;
	iv_contact_iter *it = NULL;
	iv_time t = 1;

	(void)state;
	ok(iv_db_open_memory(&db));
	ok(iv_db_set_clock(db, failing_clock, NULL));
	assert_int_equal(iv_db_now(&t, db), IV_ERROR);
	assert_int_equal(t, 0);
	assert_string_equal(iv_error_message(), "clock raised ValueError");

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Never stored"));
	assert_int_equal(iv_contact_insert(db, c), IV_ERROR);
	assert_string_equal(iv_error_message(), "clock raised ValueError");
	assert_null(iv_contact_id(c));
	assert_int_equal(iv_contact_created(c), 0);
	iv_contact_free(c);

	ok(iv_db_set_clock(db, NULL, NULL));
	ok(iv_contact_list(&it, db, NULL));
	assert_int_equal(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
	iv_db_free(db);
}

static void a_clock_out_of_range_is_refused(void **state)
{
	iv_db *db = NULL;
	iv_contact *c = NULL;
	iv_time now = -5, t = 0;

	(void)state;
	ok(iv_db_open_memory(&db));
	ok(iv_db_set_clock(db, fixed_clock, &now));
	assert_int_equal(iv_db_now(&t, db), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "clock"));
	now = IV_TIME_MAX + 1;
	assert_int_equal(iv_db_now(&t, db), IV_EINVALID);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Never stored"));
	assert_int_equal(iv_contact_insert(db, c), IV_EINVALID);
	assert_null(iv_contact_id(c));
	now = IV_TIME_MAX;
	ok(iv_contact_insert(db, c));
	assert_int_equal(iv_contact_created(c), IV_TIME_MAX);
	iv_contact_free(c);
	iv_db_free(db);
}

/* ======================================================================= */
/* NULL arguments                                                           */
/* ======================================================================= */

#define SOME_ID "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b"

static void null_out_argument_is_invalid(void **state)
{
	iv_db *db = NULL;
	iv_contact_iter *it = NULL;

	(void)state;
	check(iv_db_open(NULL, "/nonexistent/never/created.db"), IV_EINVALID);
	check(iv_db_open_memory(NULL), IV_EINVALID);
	check(iv_db_open_with(NULL, "memory", NULL), IV_EINVALID);
	check(iv_db_default_path(NULL), IV_EINVALID);
	check(iv_contact_new(NULL), IV_EINVALID);
	check(iv_intro_new(NULL), IV_EINVALID);
	check(iv_interview_new(NULL), IV_EINVALID);
	check(iv_followup_new(NULL), IV_EINVALID);
	ok(iv_db_open_memory(&db));
	check(iv_contact_lookup(NULL, db, SOME_ID), IV_EINVALID);
	check(iv_contact_list(NULL, db, NULL), IV_EINVALID);
	check(iv_db_setting_get(NULL, db, "key"), IV_EINVALID);
	ok(iv_contact_list(&it, db, NULL));
	check(iv_contact_iter_next(NULL, it), IV_EINVALID);
	iv_contact_iter_free(it);
	iv_db_free(db);
}

static void null_store_argument_is_invalid(void **state)
{
	iv_contact *c = NULL, *got = NULL;
	iv_contact_iter *it = NULL;
	char *value = NULL;

	(void)state;
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Nowhere"));
	check(iv_contact_insert(NULL, c), IV_EINVALID);
	assert_string_equal(iv_error_message(), "iv_contact_insert: argument 'db' is NULL");
	check(iv_contact_update(NULL, c), IV_EINVALID);
	assert_string_equal(iv_error_message(), "iv_contact_update: argument 'db' is NULL");
	check(iv_contact_lookup(&got, NULL, SOME_ID), IV_EINVALID);
	assert_string_equal(iv_error_message(), "iv_contact_lookup: argument 'db' is NULL");
	check(iv_contact_delete(NULL, SOME_ID, IV_DELETE_DEFAULT), IV_EINVALID);
	assert_string_equal(iv_error_message(), "iv_contact_delete: argument 'db' is NULL");
	check(iv_intro_insert(NULL, NULL), IV_EINVALID);
	assert_string_equal(iv_error_message(), "iv_intro_insert: argument 'db' is NULL");
	check(iv_contact_list(&it, NULL, NULL), IV_EINVALID);
	check(iv_db_begin(NULL), IV_EINVALID);
	check(iv_db_commit(NULL), IV_EINVALID);
	check(iv_db_rollback(NULL), IV_EINVALID);
	check(iv_db_setting_get(&value, NULL, "key"), IV_EINVALID);
	check(iv_db_setting_set(NULL, "key", "value"), IV_EINVALID);
	check(iv_db_set_clock(NULL, fixed_clock, NULL), IV_EINVALID);
	iv_contact_free(c);
}

/* A backend gives a follow-up its own contact only; the contact is taken either way (valgrind sees a leak). */
static void attaching_a_contact_checks_it_is_the_follow_ups(void **state)
{
	iv_followup *fu = NULL;
	iv_contact *c = NULL, *other = NULL;
	const char *ada = "01890a5d-ac96-774b-bcce-b302099a8057";

	(void)state;
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, ada));
	check(iv_followup_attach_contact(NULL, NULL), IV_EINVALID);
	ok(iv_contact_new(&other));
	ok(iv_contact_set_id(other, "01890a5d-ac96-774b-bcce-b302099a8058"));
	check(iv_followup_attach_contact(fu, other), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "is not the one the follow-up names"));
	ok(iv_contact_new(&c));
	check(iv_followup_attach_contact(fu, c), IV_EINVALID); /* no id */
	ok(iv_contact_new(&c));
	ok(iv_contact_set_id(c, "01890A5D-AC96-774B-BCCE-B302099A8057"));
	ok(iv_followup_attach_contact(fu, c));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_id(c, ada));
	ok(iv_followup_attach_contact(fu, c)); /* replaces the first */
	iv_followup_free(fu);
}

static void iterators_outliving_their_store_refuse_and_can_be_freed(void **state)
{
	iv_db *db = NULL;
	iv_contact *c = NULL;
	iv_contact_iter *it = NULL, *it2 = NULL;
	iv_followup_iter *fit = NULL;
	iv_agenda_iter *ait = NULL;
	iv_agenda_item *item = NULL;
	iv_search_iter *sit = NULL;
	iv_search_hit *hit = NULL;
	int i;

	(void)state;
	for (i = 0; i < 2; i++) {
		ok(i == 0 ? iv_db_open_memory(&db) : iv_db_open_with(&db, "sqlite", ":memory:"));
		/* SQLite's store in memory leaves no file of that name behind. */
		assert_int_equal(access(":memory:", F_OK), -1);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, "Ada"));
		ok(iv_contact_insert(db, c));
		iv_contact_free(c);
		ok(iv_contact_list(&it, db, NULL));
		ok(iv_contact_list(&it2, db, NULL));
		iv_contact_iter_free(it2); /* one freed before the store: unlinked */
		ok(iv_followup_list(&fit, db, NULL));
		ok(iv_agenda(&ait, db, NULL));
		ok(iv_search(&sit, db, "ada", NULL));
		iv_db_free(db);

		check(iv_contact_iter_next(&c, it), IV_EMISUSE);
		assert_null(c);
		assert_message_has("iv_contact_iter_next: the store of this iterator was freed");
		check(iv_followup_iter_next(NULL, fit), IV_EINVALID);
		check(iv_agenda_iter_next(&item, ait), IV_EMISUSE);
		check(iv_search_iter_next(&hit, sit), IV_EMISUSE);
		assert_message_has("iv_search_iter_next");
		iv_contact_iter_free(it);
		iv_followup_iter_free(fit);
		iv_agenda_iter_free(ait);
		iv_search_iter_free(sit);
	}
}

/* What a second thread saw when it used the store during a call. */
struct intruder {
	iv_db *db;
	int list_rc, insert_rc, begin_rc;
	char message[256];
};

static void *intrude(void *arg)
{
	struct intruder *in = arg;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;

	in->list_rc = iv_contact_list(&it, in->db, NULL);
	snprintf(in->message, sizeof(in->message), "%s", iv_error_message());
	iv_contact_iter_free(it);
	iv_contact_new(&c);
	iv_contact_set_name(c, "Intruder");
	in->insert_rc = iv_contact_insert(in->db, c);
	iv_contact_free(c);
	in->begin_rc = iv_db_begin(in->db);
	return NULL;
}

/* A clock is called inside a store call: run another thread on the store then. */
static int intruding_clock(iv_time *now, void *payload)
{
	pthread_t t;

	assert_int_equal(pthread_create(&t, NULL, intrude, payload), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	*now = 1772442000;
	return 0;
}

static void a_second_thread_inside_a_call_is_refused(void **state)
{
	struct intruder in = { NULL, 0, 0, 0, "" };
	iv_contact *c = NULL;
	iv_contact_iter *it = NULL;
	pthread_t t;
	int n = 0, rc;

	(void)state;
	ok(iv_db_open_memory(&in.db));
	ok(iv_db_set_clock(in.db, intruding_clock, &in));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Owner"));
	ok(iv_contact_insert(in.db, c));
	iv_contact_free(c);
	assert_int_equal(in.list_rc, IV_EMISUSE);
	assert_int_equal(in.insert_rc, IV_EMISUSE);
	assert_int_equal(in.begin_rc, IV_EMISUSE);
	assert_non_null(strstr(in.message, "iv_contact_list: the store is in use by another thread"));

	/* One after the other is fine: the store is free again between calls. */
	ok(iv_db_set_clock(in.db, NULL, NULL));
	assert_int_equal(pthread_create(&t, NULL, intrude, &in), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(in.list_rc, 0);
	assert_int_equal(in.insert_rc, 0);
	assert_int_equal(in.begin_rc, 0);
	ok(iv_db_rollback(in.db)); /* the transaction the thread left open */
	ok(iv_contact_list(&it, in.db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	assert_int_equal(n, 2); /* the owner's and the sequential thread's; the refused one is not there */
	iv_contact_iter_free(it);
	iv_db_free(in.db);
}

/* What <infoview/ffi.h> says of a struct matches what the compiler sees. */
#define EXPECT_STRUCT(T, V, LAST) do { \
	size_t end_ = offsetof(T, LAST) + sizeof(((T *)0)->LAST); \
	/* >=: the growth tests run this on a library with newer versions. */ \
	assert_true(iv_struct_version(#T) >= V); \
	assert_int_equal(iv_struct_size(#T, V), end_); \
	assert_true(end_ <= sizeof(T)); \
	seen++; \
} while (0)

static void ffi_describes_every_versioned_struct(void **state)
{
	const char *name, *member, *type;
	size_t i, j, offset, prev, seen = 0;
	unsigned int since;

	(void)state;
	EXPECT_STRUCT(iv_contact_filter, IV_CONTACT_FILTER_VERSION, url);
	EXPECT_STRUCT(iv_intro_filter, IV_INTRO_FILTER_VERSION, number);
	EXPECT_STRUCT(iv_interview_filter, IV_INTERVIEW_FILTER_VERSION, number);
	EXPECT_STRUCT(iv_followup_filter, IV_FOLLOWUP_FILTER_VERSION, number);
	EXPECT_STRUCT(iv_agenda_options, IV_AGENDA_OPTIONS_VERSION, until);
	/* Grown in 0.2.0: version 1 keeps the size 0.1.0 shipped. */
	assert_int_equal(iv_struct_size("iv_agenda_options", 1), offsetof(iv_agenda_options, horizon) + sizeof(int64_t));
	EXPECT_STRUCT(iv_search_options, IV_SEARCH_OPTIONS_VERSION, flags);
	EXPECT_STRUCT(iv_draft_options, IV_DRAFT_OPTIONS_VERSION, template_text);
	EXPECT_STRUCT(iv_rules, IV_RULES_VERSION, report_back_days);
	EXPECT_STRUCT(iv_backend, IV_BACKEND_VERSION, target_list);
	EXPECT_STRUCT(iv_target_filter, IV_TARGET_FILTER_VERSION, name);
	EXPECT_STRUCT(iv_backend_iter, IV_BACKEND_ITER_VERSION, free);
	EXPECT_STRUCT(iv_note_filter, IV_NOTE_FILTER_VERSION, number);
	/* Versions already shipped keep their sizes. */
	assert_int_equal(iv_struct_size("iv_contact_filter", 1), offsetof(iv_contact_filter, name) + sizeof(const char *));
	assert_int_equal(iv_struct_size("iv_followup_filter", 1), offsetof(iv_followup_filter, id_prefix) + sizeof(const char *));
	assert_int_equal(iv_struct_size("iv_backend", 1), offsetof(iv_backend, search) + sizeof(void (*)(void)));
	EXPECT_STRUCT(iv_draft_report, IV_DRAFT_REPORT_VERSION, parts);
	EXPECT_STRUCT(iv_import_options, IV_IMPORT_OPTIONS_VERSION, payload);
	EXPECT_STRUCT(iv_export_options, IV_EXPORT_OPTIONS_VERSION, payload);
	/* The listing names exactly those, and each member list is well formed. */
	for (i = 0; (name = iv_struct_name(i)) != NULL; i++) {
		assert_true(iv_struct_version(name) >= 1);
		ok(iv_struct_member(&member, &offset, &type, &since, name, 0));
		assert_string_equal(member, "version");
		assert_int_equal(offset, 0);
		assert_string_equal(type, "unsigned int");
		prev = 0;
		for (j = 1; iv_struct_member(&member, &offset, &type, &since, name, j) == 0; j++) {
			assert_true(offset > prev);
			assert_true(since >= 1 && since <= iv_struct_version(name));
			prev = offset;
		}
		check(iv_struct_member(NULL, NULL, NULL, NULL, name, j), IV_ITEROVER);
		assert_true(prev < iv_struct_size(name, iv_struct_version(name)));
	}
	assert_int_equal(i, seen);
	ok(iv_struct_member(&member, &offset, &type, NULL, "iv_followup_filter", 2));
	assert_string_equal(member, "due_before");
	assert_int_equal(offset, offsetof(iv_followup_filter, due_before));
	assert_string_equal(type, "int64_t");
	ok(iv_struct_member(&member, &offset, &type, NULL, "iv_backend", 2));
	assert_string_equal(member, "contact_get");
	assert_int_equal(offset, offsetof(iv_backend, contact_get));
	assert_string_equal(type, "function");

	assert_int_equal(iv_struct_version("iv_contact"), 0); /* opaque, not versioned */
	assert_int_equal(iv_struct_size("iv_rules", 0), 0);
	assert_int_equal(iv_struct_size("iv_rules", iv_struct_version("iv_rules") + 1), 0);
	check(iv_struct_member(NULL, NULL, NULL, NULL, "iv_nothing", 0), IV_ENOTFOUND);
	assert_message_has("iv_nothing");
	check(iv_struct_member(NULL, NULL, NULL, NULL, NULL, 0), IV_EINVALID);
}

static void ffi_gives_the_headers_constants(void **state)
{
	int64_t v = -1;

	(void)state;
#define EXPECT_CONSTANT(C) do { ok(iv_constant(&v, #C)); assert_true(v == (int64_t)(C)); } while (0)
	EXPECT_CONSTANT(IV_ID_LEN);
	EXPECT_CONSTANT(IV_TIME_MAX);
	EXPECT_CONSTANT(IV_TIME_MIN);
	EXPECT_CONSTANT(IV_LIMIT_SHORT);
	EXPECT_CONSTANT(IV_LIMIT_TAG);
	EXPECT_CONSTANT(IV_LIMIT_URL);
	EXPECT_CONSTANT(IV_LIMIT_TEXT);
	EXPECT_CONSTANT(IV_LIMIT_LIST);
	EXPECT_CONSTANT(IV_VERSION_MAJOR);
	EXPECT_CONSTANT(IV_VERSION_MINOR);
	EXPECT_CONSTANT(IV_VERSION_PATCH);
	EXPECT_CONSTANT(IV_VERSION_NUMBER);
#undef EXPECT_CONSTANT
	/* A struct's version is the library's, which may be newer than ours. */
	ok(iv_constant(&v, "IV_CONTACT_FILTER_VERSION"));
	assert_true(v >= IV_CONTACT_FILTER_VERSION && v == (int64_t)iv_struct_version("iv_contact_filter"));
	ok(iv_constant(&v, "IV_BACKEND_ITER_VERSION"));
	assert_true(v >= IV_BACKEND_ITER_VERSION && v == (int64_t)iv_struct_version("iv_backend_iter"));
	check(iv_constant(&v, "IV_NOPE"), IV_ENOTFOUND);
	assert_true(v == 0);
	assert_message_has("IV_NOPE");
	check(iv_constant(NULL, "IV_ID_LEN"), IV_EINVALID);
	check(iv_constant(&v, NULL), IV_EINVALID);
}

/* Setters given a NULL handle refuse it (IV_EINVALID naming them) or do nothing. */
#define NULL_SETTER(fn, ...) do { \
	check(fn(__VA_ARGS__), IV_EINVALID); \
	assert_message_has(#fn); \
} while (0)
#define NULL_SETTER_VOID(fn, ...) fn(__VA_ARGS__)

static void setters_accept_a_null_handle(void **state)
{
	(void)state;
	NULL_SETTER(iv_interview_insert_question, NULL, 0, NULL);
	NULL_SETTER(iv_interview_seed_questions, NULL, 4);
	NULL_SETTER(iv_followup_attach_contact, NULL, NULL);
	NULL_SETTER(iv_contact_set_id, NULL, NULL);
	NULL_SETTER(iv_contact_set_name, NULL, NULL);
	NULL_SETTER(iv_contact_set_phone, NULL, NULL);
	NULL_SETTER(iv_contact_set_company, NULL, NULL);
	NULL_SETTER(iv_contact_set_title, NULL, NULL);
	NULL_SETTER(iv_contact_set_location, NULL, NULL);
	NULL_SETTER(iv_contact_set_url, NULL, NULL);
	NULL_SETTER(iv_contact_set_notes, NULL, NULL);
	NULL_SETTER(iv_contact_set_known, NULL, 0);
	NULL_SETTER(iv_contact_set_cadence_days, NULL, 0);
	NULL_SETTER(iv_contact_set_last_interaction, NULL, 0);
	NULL_SETTER(iv_contact_add_email, NULL, NULL);
	NULL_SETTER(iv_contact_remove_email, NULL, NULL);
	NULL_SETTER_VOID(iv_contact_clear_emails, NULL);
	NULL_SETTER(iv_contact_add_tag, NULL, NULL);
	NULL_SETTER(iv_contact_remove_tag, NULL, NULL);
	NULL_SETTER_VOID(iv_contact_clear_tags, NULL);
	NULL_SETTER(iv_followup_set_id, NULL, NULL);
	NULL_SETTER(iv_followup_set_contact, NULL, NULL);
	NULL_SETTER(iv_followup_set_interview, NULL, NULL);
	NULL_SETTER(iv_followup_set_kind, NULL, 0);
	NULL_SETTER(iv_followup_set_status, NULL, 0);
	NULL_SETTER(iv_followup_set_earliest, NULL, 0);
	NULL_SETTER(iv_followup_set_due, NULL, 0);
	NULL_SETTER(iv_followup_set_closed_at, NULL, 0);
	NULL_SETTER(iv_followup_set_note, NULL, NULL);
	NULL_SETTER(iv_followup_set_rule, NULL, NULL);
	NULL_SETTER(iv_followup_set_contact_name, NULL, NULL);
	NULL_SETTER(iv_followup_set_draft, NULL, NULL);
	NULL_SETTER(iv_contact_set_number, NULL, 1);
	NULL_SETTER(iv_intro_set_number, NULL, 1);
	NULL_SETTER(iv_interview_set_number, NULL, 1);
	NULL_SETTER(iv_followup_set_number, NULL, 1);
	NULL_SETTER(iv_note_set_number, NULL, 1);
	NULL_SETTER(iv_note_set_id, NULL, NULL);
	NULL_SETTER(iv_note_set_contact, NULL, NULL);
	NULL_SETTER(iv_note_set_at, NULL, 0);
	NULL_SETTER(iv_note_set_text, NULL, "x");
	NULL_SETTER_VOID(iv_note_set_created, NULL, 0);
	NULL_SETTER(iv_target_set_id, NULL, NULL);
	NULL_SETTER(iv_target_set_number, NULL, 1);
	NULL_SETTER(iv_target_set_name, NULL, "x");
	NULL_SETTER(iv_target_set_motivation, NULL, 1);
	NULL_SETTER(iv_target_set_posting, NULL, 0);
	NULL_SETTER(iv_target_set_note, NULL, NULL);
	NULL_SETTER(iv_target_set_rank, NULL, 0);
	NULL_SETTER(iv_target_add_alias, NULL, "x");
	NULL_SETTER(iv_target_remove_alias, NULL, "x");
	NULL_SETTER_VOID(iv_target_clear_aliases, NULL);
	NULL_SETTER_VOID(iv_target_set_times, NULL, 0, 0);
	NULL_SETTER(iv_interview_set_id, NULL, NULL);
	NULL_SETTER(iv_interview_set_contact, NULL, NULL);
	NULL_SETTER(iv_interview_set_intro, NULL, NULL);
	NULL_SETTER(iv_interview_set_purpose, NULL, NULL);
	NULL_SETTER(iv_interview_set_notes, NULL, NULL);
	NULL_SETTER(iv_interview_set_medium, NULL, 0);
	NULL_SETTER(iv_interview_set_scheduled_at, NULL, 0);
	NULL_SETTER(iv_interview_set_minutes, NULL, 0);
	NULL_SETTER(iv_interview_set_status, NULL, 0);
	NULL_SETTER(iv_interview_set_status_at, NULL, 0, 0);
	NULL_SETTER(iv_interview_add_question, NULL, NULL);
	NULL_SETTER(iv_interview_set_question, NULL, 0, NULL);
	NULL_SETTER(iv_interview_set_answer, NULL, 0, NULL);
	NULL_SETTER(iv_interview_move_question, NULL, 0, 0);
	NULL_SETTER(iv_interview_remove_question, NULL, 0);
	NULL_SETTER(iv_interview_add_advice, NULL, NULL);
	NULL_SETTER(iv_interview_remove_advice, NULL, 0);
	NULL_SETTER(iv_interview_add_resource, NULL, NULL);
	NULL_SETTER(iv_interview_remove_resource, NULL, 0);
	NULL_SETTER(iv_intro_set_id, NULL, NULL);
	NULL_SETTER(iv_intro_set_introducer, NULL, NULL);
	NULL_SETTER(iv_intro_set_introduced, NULL, NULL);
	NULL_SETTER(iv_intro_set_channel, NULL, 0);
	NULL_SETTER(iv_intro_set_status, NULL, 0);
	NULL_SETTER(iv_intro_set_requested_at, NULL, 0);
	NULL_SETTER(iv_intro_set_made_at, NULL, 0);
	NULL_SETTER(iv_intro_set_note, NULL, NULL);
	NULL_SETTER_VOID(iv_contact_set_times, NULL, 0, 0);
	NULL_SETTER_VOID(iv_intro_set_times, NULL, 0, 0);
	NULL_SETTER_VOID(iv_interview_set_times, NULL, 0, 0);
	NULL_SETTER_VOID(iv_followup_set_times, NULL, 0, 0);
	NULL_SETTER(iv_interview_move, NULL, NULL, NULL, 0);
}

static void a_relayed_message_survives(void **state)
{
	(void)state;
	iv_error_set(IV_ENOTFOUND, "contact 42 is gone");
	/* What a backend does to pass on the message of a call it made. */
	check(iv_error_set(IV_ESTORAGE, iv_error_message()), IV_ESTORAGE);
	assert_int_equal(iv_error_code(), IV_ESTORAGE);
	assert_string_equal(iv_error_message(), "contact 42 is gone");
	assert_string_equal(iv_error_last()->message, "contact 42 is gone");
}

static void null_record_or_id_argument_is_invalid(void **state)
{
	iv_db *db = NULL;
	iv_contact *got = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;

	(void)state;
	ok(iv_db_open_memory(&db));
	check(iv_contact_insert(db, NULL), IV_EINVALID);
	check(iv_contact_update(db, NULL), IV_EINVALID);
	check(iv_intro_insert(db, NULL), IV_EINVALID);
	check(iv_interview_insert(db, NULL), IV_EINVALID);
	check(iv_followup_insert(db, NULL), IV_EINVALID);
	check(iv_contact_lookup(&got, db, NULL), IV_EINVALID);
	check(iv_intro_lookup(&in, db, NULL), IV_EINVALID);
	check(iv_interview_lookup(&iv, db, NULL), IV_EINVALID);
	check(iv_followup_lookup(&fu, db, NULL), IV_EINVALID);
	check(iv_contact_delete(db, NULL, IV_DELETE_DEFAULT), IV_EINVALID);
	iv_db_free(db);
	db = NULL;
	check(iv_db_open_with(&db, NULL, NULL), IV_EINVALID);
}

/* ======================================================================= */
/* Getters given NULL (check-null-getters.sh finds any left out here)       */
/* ======================================================================= */

/* A binding holding a NULL handle gets NULL or 0 back, never a crash. */
#define NULL_GETTER(fn, ...) do { \
	if (fn(__VA_ARGS__)) \
		FAIL("%s(NULL) gives neither NULL nor 0\n", #fn); \
} while (0)

static void contact_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_contact_id, NULL);
	NULL_GETTER(iv_contact_created, NULL);
	NULL_GETTER(iv_contact_updated, NULL);
	NULL_GETTER(iv_contact_name, NULL);
	NULL_GETTER(iv_contact_phone, NULL);
	NULL_GETTER(iv_contact_company, NULL);
	NULL_GETTER(iv_contact_title, NULL);
	NULL_GETTER(iv_contact_location, NULL);
	NULL_GETTER(iv_contact_url, NULL);
	NULL_GETTER(iv_contact_notes, NULL);
	NULL_GETTER(iv_contact_known, NULL);
	NULL_GETTER(iv_contact_cadence_days, NULL);
	NULL_GETTER(iv_contact_last_interaction, NULL);
	NULL_GETTER(iv_contact_email_count, NULL);
	NULL_GETTER(iv_contact_email_at, NULL, 0);
	NULL_GETTER(iv_contact_tag_count, NULL);
	NULL_GETTER(iv_contact_tag_at, NULL, 0);
	NULL_GETTER(iv_contact_has_tag, NULL, "tag");
}

static void intro_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_intro_id, NULL);
	NULL_GETTER(iv_intro_created, NULL);
	NULL_GETTER(iv_intro_updated, NULL);
	NULL_GETTER(iv_intro_introducer, NULL);
	NULL_GETTER(iv_intro_introduced, NULL);
	NULL_GETTER(iv_intro_channel, NULL);
	NULL_GETTER(iv_intro_status, NULL);
	NULL_GETTER(iv_intro_requested_at, NULL);
	NULL_GETTER(iv_intro_made_at, NULL);
	NULL_GETTER(iv_intro_note, NULL);
}

static void interview_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_interview_id, NULL);
	NULL_GETTER(iv_interview_created, NULL);
	NULL_GETTER(iv_interview_updated, NULL);
	NULL_GETTER(iv_interview_contact, NULL);
	NULL_GETTER(iv_interview_intro, NULL);
	NULL_GETTER(iv_interview_purpose, NULL);
	NULL_GETTER(iv_interview_notes, NULL);
	NULL_GETTER(iv_interview_medium, NULL);
	NULL_GETTER(iv_interview_scheduled_at, NULL);
	NULL_GETTER(iv_interview_minutes, NULL);
	NULL_GETTER(iv_interview_status, NULL);
	NULL_GETTER(iv_interview_status_at, NULL, IV_INTERVIEW_PLANNED);
	NULL_GETTER(iv_interview_question_count, NULL);
	NULL_GETTER(iv_interview_question_at, NULL, 0);
	NULL_GETTER(iv_interview_answer_at, NULL, 0);
	NULL_GETTER(iv_interview_advice_count, NULL);
	NULL_GETTER(iv_interview_advice_at, NULL, 0);
	NULL_GETTER(iv_interview_resource_count, NULL);
	NULL_GETTER(iv_interview_resource_at, NULL, 0);
}

static void followup_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_followup_id, NULL);
	NULL_GETTER(iv_followup_created, NULL);
	NULL_GETTER(iv_followup_updated, NULL);
	NULL_GETTER(iv_followup_contact, NULL);
	NULL_GETTER(iv_followup_interview, NULL);
	NULL_GETTER(iv_followup_kind, NULL);
	NULL_GETTER(iv_followup_status, NULL);
	NULL_GETTER(iv_followup_earliest, NULL);
	NULL_GETTER(iv_followup_due, NULL);
	NULL_GETTER(iv_followup_closed_at, NULL);
	NULL_GETTER(iv_followup_note, NULL);
	NULL_GETTER(iv_followup_rule, NULL);
	NULL_GETTER(iv_followup_contact_name, NULL);
	NULL_GETTER(iv_followup_draft, NULL);
	NULL_GETTER(iv_followup_number, NULL);
	NULL_GETTER(iv_contact_number, NULL);
	NULL_GETTER(iv_intro_number, NULL);
	NULL_GETTER(iv_interview_number, NULL);
}

static void note_and_timeline_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_note_id, NULL);
	NULL_GETTER(iv_note_number, NULL);
	NULL_GETTER(iv_import_report_added, NULL);
	NULL_GETTER(iv_import_report_merged, NULL);
	NULL_GETTER(iv_import_report_unchanged, NULL);
	NULL_GETTER(iv_import_report_skipped, NULL);
	NULL_GETTER(iv_import_report_skipped_line, NULL, 0);
	NULL_GETTER(iv_import_report_skipped_reason, NULL, 0);
	NULL_GETTER(iv_note_created, NULL);
	NULL_GETTER(iv_note_contact, NULL);
	NULL_GETTER(iv_note_at, NULL);
	NULL_GETTER(iv_note_text, NULL);
	NULL_GETTER(iv_target_id, NULL);
	NULL_GETTER(iv_target_number, NULL);
	NULL_GETTER(iv_target_created, NULL);
	NULL_GETTER(iv_target_updated, NULL);
	NULL_GETTER(iv_target_name, NULL);
	NULL_GETTER(iv_target_motivation, NULL);
	NULL_GETTER(iv_target_posting, NULL);
	NULL_GETTER(iv_target_note, NULL);
	NULL_GETTER(iv_target_rank, NULL);
	NULL_GETTER(iv_target_alias_count, NULL);
	NULL_GETTER(iv_target_alias_at, NULL, 0);
	NULL_GETTER(iv_target_plan_item_target, NULL);
	NULL_GETTER(iv_target_plan_item_degree, NULL);
	NULL_GETTER(iv_target_plan_item_people, NULL);
	NULL_GETTER(iv_target_plan_item_path, NULL);
	NULL_GETTER(iv_target_plan_item_step, NULL);
	NULL_GETTER(iv_target_plan_item_step_contact, NULL);
	NULL_GETTER(iv_target_plan_item_step_contact_name, NULL);
	NULL_GETTER(iv_target_plan_item_step_about, NULL);
	NULL_GETTER(iv_target_plan_item_step_about_name, NULL);
	NULL_GETTER(iv_timeline_entry_kind, NULL);
	NULL_GETTER(iv_timeline_entry_time, NULL);
	NULL_GETTER(iv_timeline_entry_note, NULL);
	NULL_GETTER(iv_timeline_entry_intro, NULL);
	NULL_GETTER(iv_timeline_entry_interview, NULL);
	NULL_GETTER(iv_timeline_entry_followup, NULL);
}

static void profile_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_profile_name, NULL);
	NULL_GETTER(iv_profile_background, NULL);
	NULL_GETTER(iv_profile_exploring, NULL);
}

static void draft_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_draft_text, NULL);
	NULL_GETTER(iv_draft_subject, NULL);
	NULL_GETTER(iv_draft_to, NULL);
	NULL_GETTER(iv_draft_contact, NULL);
	NULL_GETTER(iv_draft_kind, NULL);
	NULL_GETTER(iv_draft_warning_count, NULL);
	NULL_GETTER(iv_draft_warning_at, NULL, 0);
	NULL_GETTER(iv_draft_warning_field_at, NULL, 0);
	NULL_GETTER(iv_draft_warning_record_at, NULL, 0);
	NULL_GETTER(iv_draft_suggestion_count, NULL);
	NULL_GETTER(iv_draft_suggestion_at, NULL, 0);
	iv_draft_free(NULL);
}

static void agenda_item_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_agenda_item_kind, NULL);
	NULL_GETTER(iv_agenda_item_time, NULL);
	NULL_GETTER(iv_agenda_item_overdue, NULL);
	NULL_GETTER(iv_agenda_item_waiting, NULL);
	NULL_GETTER(iv_agenda_item_followup, NULL);
	NULL_GETTER(iv_agenda_item_interview, NULL);
	NULL_GETTER(iv_agenda_item_contact, NULL);
}

static void search_hit_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_search_hit_kind, NULL);
	NULL_GETTER(iv_search_hit_id, NULL);
	NULL_GETTER(iv_search_hit_score, NULL);
}

static void path_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_path_length, NULL);
	NULL_GETTER(iv_path_contact_at, NULL, 0);
	NULL_GETTER(iv_path_intro_at, NULL, 1);
	NULL_GETTER(iv_path_target, NULL);
}

static void db_getters_accept_null(void **state)
{
	(void)state;
	NULL_GETTER(iv_db_transaction_depth, NULL);
	NULL_GETTER(iv_db_retry_count, NULL);
}

/* ======================================================================= */
/* Messages name the public function                                        */
/* ======================================================================= */

/* Asserts that the last error's message starts with `prefix`. */
#define assert_message_starts(prefix) do { \
	const char *m_ = iv_error_message(); \
	if (strncmp(m_, (prefix), strlen(prefix)) != 0) \
		FAIL("message \"%s\" does not start with \"%s\"\n", m_, (prefix)); \
} while (0)

static void null_argument_messages_name_the_public_function_and_argument(void **state)
{
	iv_db *db = NULL;
	iv_search_iter *hits = NULL;
	iv_network *net = NULL;
	iv_path *path = NULL;
	char *text = NULL;
	int degree = 0;

	(void)state;
	ok(iv_db_open_memory(&db));
	check(iv_search(&hits, NULL, "x", NULL), IV_EINVALID);
	assert_message_starts("iv_search: argument 'db' is NULL");
	check(iv_search(&hits, db, NULL, NULL), IV_EINVALID);
	assert_message_starts("iv_search: argument 'query' is NULL");
	check(iv_network_degree(&degree, NULL, SOME_ID), IV_EINVALID);
	assert_message_starts("iv_network_degree: argument 'net' is NULL");
	check(iv_network_path(&path, NULL, SOME_ID), IV_EINVALID);
	assert_message_starts("iv_network_path: argument 'net' is NULL");
	ok(iv_network_load(&net, db));
	check(iv_network_path(NULL, net, SOME_ID), IV_EINVALID);
	assert_message_starts("iv_network_path: argument 'out' is NULL");
	check(iv_draft_request(&text, db, NULL, NULL), IV_EINVALID);
	assert_message_starts("iv_draft_request: argument 'interview_id' is NULL");
	check(iv_draft_thanks(&text, db, NULL, NULL), IV_EINVALID);
	assert_message_starts("iv_draft_thanks: argument 'followup_id' is NULL");
	check(iv_interview_move(NULL, db, NULL, IV_INTERVIEW_REQUESTED), IV_EINVALID);
	assert_message_starts("iv_interview_move: argument 'id' is NULL");
	check(iv_followup_close(NULL, db, NULL, IV_FOLLOWUP_DONE), IV_EINVALID);
	assert_message_starts("iv_followup_close: argument 'id' is NULL");
	check(iv_enum_value(NULL, "known", "direct"), IV_EINVALID);
	assert_message_starts("iv_enum_value: argument 'out' is NULL");
	iv_network_free(net);
	iv_db_free(db);
}

/* ======================================================================= */
/* Streaming                                                                */
/* ======================================================================= */

/* Stores 1000 contacts (in reverse name order), reads three, stops. */
static void list_three_of_a_thousand(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	char name[32];
	int i;

	ok(iv_db_begin(db));
	for (i = 999; i >= 0; i--) {
		snprintf(name, sizeof(name), "Contact %04d", i);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, name));
		ok(iv_contact_insert(db, c));
		iv_contact_free(c);
		c = NULL;
	}
	ok(iv_db_commit(db));

	ok(iv_contact_list(&it, db, NULL));
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "Contact %04d", i);
		ok(iv_contact_iter_next(&c, it));
		assert_str(iv_contact_name(c), name);
		iv_contact_free(c);
		c = NULL;
	}
	iv_contact_iter_free(it);
}

static void iterator_can_be_freed_early_on_memory_store(void **state)
{
	iv_db *db = NULL;

	(void)state;
	ok(iv_db_open_memory(&db));
	list_three_of_a_thousand(db);
	iv_db_free(db);
}

static void iterator_can_be_freed_early_on_sqlite_store(void **state)
{
	iv_db *db = NULL;
	char dir[512], path[600];

	(void)state;
	make_temp_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/store.db", dir);
	ok(iv_db_open(&db, path));
	list_three_of_a_thousand(db);
	iv_db_free(db);
	remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_matches_header_macros),
		cmocka_unit_test(error_last_starts_at_ok_with_no_error),
		cmocka_unit_test(error_last_is_never_null),
		cmocka_unit_test(error_clear_resets_to_ok),
		cmocka_unit_test(error_set_records_code_and_copies_message),
		cmocka_unit_test(error_set_with_null_message_keeps_message_non_null),
		cmocka_unit_test(error_name_names_each_code),
		cmocka_unit_test(error_name_of_unknown_code_is_not_null),
		cmocka_unit_test(error_is_thread_local),
		cmocka_unit_test(free_functions_accept_null),
		cmocka_unit_test(new_records_free_cleanly),
		cmocka_unit_test(id_valid_accepts_uuid_text_in_either_case),
		cmocka_unit_test(id_valid_refuses_other_text),
		cmocka_unit_test(limit_gives_each_named_limit),
		cmocka_unit_test(limit_of_unknown_name_is_minus_one),
		cmocka_unit_test(enum_name_and_value_round_trip),
		cmocka_unit_test(enum_value_ignores_case_and_accepts_dashes),
		cmocka_unit_test(enum_name_of_unknown_value_or_type_is_null),
		cmocka_unit_test(enum_value_of_unknown_name_is_invalid_naming_it),
		cmocka_unit_test(enum_listing_gives_exactly_the_table),
		cmocka_unit_test(enum_at_accepts_null_outputs_and_refuses_unknown_types),
		cmocka_unit_test(enum_value_reads_error_codes_with_or_without_prefix),
		cmocka_unit_test(enum_flags_name_single_flags_only),
		cmocka_unit_test(backend_init_zeroes_and_sets_version),
		cmocka_unit_test(backend_init_refuses_unknown_version),
		cmocka_unit_test(db_open_backend_refuses_unknown_version),
		cmocka_unit_test(db_open_backend_refuses_missing_required_operation),
		cmocka_unit_test(db_open_backend_accepts_missing_optional_operation),
		cmocka_unit_test(backend_register_refuses_bad_names),
		cmocka_unit_test(backend_register_refuses_null_factory),
		cmocka_unit_test(backend_register_refuses_taken_names),
		cmocka_unit_test(db_open_with_uses_registered_factory),
		cmocka_unit_test(db_open_with_passes_factory_error_on),
		cmocka_unit_test(db_open_with_unknown_backend_is_notfound_naming_it),
		cmocka_unit_test_setup_teardown(default_path_uses_xdg_data_home, env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(default_path_falls_back_to_home, env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(default_path_ignores_relative_xdg_data_home, env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(default_path_without_home_or_xdg_is_notfound, env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(db_open_null_path_creates_store_under_xdg_data_home, env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(db_open_null_path_creates_missing_directory, env_setup, env_teardown),
		cmocka_unit_test(set_clock_replaces_and_restores_the_clock),
		cmocka_unit_test(a_failing_clock_fails_the_call_and_writes_nothing),
		cmocka_unit_test(a_clock_out_of_range_is_refused),
		cmocka_unit_test(null_out_argument_is_invalid),
		cmocka_unit_test(null_store_argument_is_invalid),
		cmocka_unit_test(a_relayed_message_survives),
		cmocka_unit_test(setters_accept_a_null_handle),
		cmocka_unit_test(ffi_describes_every_versioned_struct),
		cmocka_unit_test(ffi_gives_the_headers_constants),
		cmocka_unit_test(a_second_thread_inside_a_call_is_refused),
		cmocka_unit_test(iterators_outliving_their_store_refuse_and_can_be_freed),
		cmocka_unit_test(attaching_a_contact_checks_it_is_the_follow_ups),
		cmocka_unit_test(null_record_or_id_argument_is_invalid),
		cmocka_unit_test(contact_getters_accept_null),
		cmocka_unit_test(intro_getters_accept_null),
		cmocka_unit_test(interview_getters_accept_null),
		cmocka_unit_test(followup_getters_accept_null),
		cmocka_unit_test(profile_getters_accept_null),
		cmocka_unit_test(note_and_timeline_getters_accept_null),
		cmocka_unit_test(draft_getters_accept_null),
		cmocka_unit_test(agenda_item_getters_accept_null),
		cmocka_unit_test(search_hit_getters_accept_null),
		cmocka_unit_test(path_getters_accept_null),
		cmocka_unit_test(db_getters_accept_null),
		cmocka_unit_test(null_argument_messages_name_the_public_function_and_argument),
		cmocka_unit_test(iterator_can_be_freed_early_on_memory_store),
		cmocka_unit_test(iterator_can_be_freed_early_on_sqlite_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
