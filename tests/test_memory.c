/*
 * White-box checks of the memory backend, through its vtable: what the
 * conformance suite cannot see from the public API (iterators under
 * concurrent change, exact nested rollback, behaviour at size).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

static void make_id(char out[IV_ID_LEN + 1], unsigned long n)
{
	snprintf(out, IV_ID_LEN + 1, "00000000-0000-4000-8000-%012lu", n);
}

static iv_contact *contact(unsigned long n, const char *name)
{
	iv_contact *c;
	char id[IV_ID_LEN + 1];

	make_id(id, n);
	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_id(c, id), 0);
	assert_int_equal(iv_contact_set_name(c, name), 0);
	iv_contact_set_times(c, 1000, 1000);
	return c;
}

static void insert_contact(iv_backend *be, unsigned long n, const char *name)
{
	iv_contact *c = contact(n, name);

	assert_int_equal(be->contact_insert(be, c), 0);
	iv_contact_free(c);
}

static void update_contact(iv_backend *be, unsigned long n, const char *name)
{
	iv_contact *c = contact(n, name);

	assert_int_equal(be->contact_update(be, c), 0);
	iv_contact_free(c);
}

static void delete_contact(iv_backend *be, unsigned long n)
{
	char id[IV_ID_LEN + 1];

	make_id(id, n);
	assert_int_equal(be->contact_delete(be, id), 0);
}

/* The next contact's name from `it`, into buf; returns 0 or IV_ITEROVER. */
static int next_name(char *buf, size_t size, iv_backend_iter *it)
{
	void *rec;
	int error = it->next(&rec, it);

	if (error == 0) {
		snprintf(buf, size, "%s", iv_contact_name(rec));
		iv_contact_free(rec);
	}
	return error;
}

/* All contacts as "name,name,..." in list order. */
static void dump_contacts(char *buf, size_t size, iv_backend *be)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_backend_iter *it;
	char name[300];
	size_t used = 0;
	int error;

	buf[0] = '\0';
	assert_int_equal(be->contact_list(&it, be, &f), 0);
	while ((error = next_name(name, sizeof(name), it)) == 0)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", name);
	assert_int_equal(error, IV_ITEROVER);
	it->free(it);
}

static int setup(void **state)
{
	iv_backend *be;

	assert_int_equal(iv_backend_memory_new(&be), 0);
	*state = be;
	return 0;
}

static int teardown(void **state)
{
	iv_backend *be = *state;

	be->free(be);
	return 0;
}

static void test_iterator_sees_inserts_after_its_position_and_not_deleted_records(void **state)
{
	iv_backend *be = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_backend_iter *it;
	char name[64];

	insert_contact(be, 1, "Bea");
	insert_contact(be, 2, "dan");
	insert_contact(be, 3, "Fay");
	assert_int_equal(be->contact_list(&it, be, &f), 0);
	assert_int_equal(next_name(name, sizeof(name), it), 0);
	assert_string_equal(name, "Bea");

	insert_contact(be, 4, "Cal"); /* ahead of the iterator: seen */
	insert_contact(be, 5, "Ann"); /* behind it: not seen */
	delete_contact(be, 1);        /* the one just returned */
	delete_contact(be, 2);        /* ahead: not seen */

	assert_int_equal(next_name(name, sizeof(name), it), 0);
	assert_string_equal(name, "Cal");
	assert_int_equal(next_name(name, sizeof(name), it), 0);
	assert_string_equal(name, "Fay");
	assert_int_equal(next_name(name, sizeof(name), it), IV_ITEROVER);
	insert_contact(be, 6, "Zed");
	assert_int_equal(next_name(name, sizeof(name), it), IV_ITEROVER);
	it->free(it);
}

static void test_contacts_order_by_name_ignoring_ascii_case_then_id(void **state)
{
	iv_backend *be = *state;
	char all[256];

	insert_contact(be, 9, "bob");
	insert_contact(be, 2, "Bob");
	insert_contact(be, 5, "a_b");
	insert_contact(be, 4, "AAB");
	insert_contact(be, 7, "Éva");
	dump_contacts(all, sizeof(all), be);
	/* '_' sorts before letters when case is folded to lower, as in SQLite's NOCASE. */
	assert_string_equal(all, "a_b,AAB,Bob,bob,Éva");
}

static void test_get_returns_a_copy_the_store_does_not_share(void **state)
{
	iv_backend *be = *state;
	iv_contact *c, *again;
	char id[IV_ID_LEN + 1];

	insert_contact(be, 1, "Ann");
	make_id(id, 1);
	assert_int_equal(be->contact_get(&c, be, id), 0);
	assert_int_equal(iv_contact_set_name(c, "Changed"), 0);
	iv_contact_free(c);
	assert_int_equal(be->contact_get(&again, be, id), 0);
	assert_string_equal(iv_contact_name(again), "Ann");
	iv_contact_free(again);
}

static void test_missing_and_duplicate_ids_name_the_entity_and_id(void **state)
{
	iv_backend *be = *state;
	iv_contact *c = contact(1, "Ann");
	iv_intro *in;
	char id[IV_ID_LEN + 1];

	assert_int_equal(be->contact_insert(be, c), 0);
	assert_int_equal(be->contact_insert(be, c), IV_EEXISTS);
	assert_non_null(strstr(iv_error_message(), "memory: contact 00000000-0000-4000-8000-000000000001"));
	iv_contact_free(c);

	make_id(id, 2);
	assert_int_equal(be->intro_get(&in, be, id), IV_ENOTFOUND);
	assert_null(in);
	assert_non_null(strstr(iv_error_message(), "introduction 00000000-0000-4000-8000-000000000002 not found"));
	assert_int_equal(be->contact_delete(be, id), IV_ENOTFOUND);
	c = contact(2, "Bob");
	assert_int_equal(be->contact_update(be, c), IV_ENOTFOUND);
	iv_contact_free(c);
}

static void set(iv_backend *be, const char *key, const char *value)
{
	assert_int_equal(be->setting_set(be, key, value), 0);
}

/* "key=value" or "key unset". */
static void expect_setting(iv_backend *be, const char *key, const char *value)
{
	char *got = NULL;
	int error = be->setting_get(&got, be, key);

	if (value) {
		assert_int_equal(error, 0);
		assert_string_equal(got, value);
	} else {
		assert_int_equal(error, IV_ENOTFOUND);
	}
	free(got);
}

static void test_nested_rollback_restores_each_level_exactly(void **state)
{
	iv_backend *be = *state;
	char all[256];

	insert_contact(be, 1, "Ann");
	insert_contact(be, 2, "Bob");
	insert_contact(be, 3, "Cy");
	set(be, "a", "1");
	set(be, "b", "2");

	assert_int_equal(be->begin(be), 0);
	update_contact(be, 1, "Zoe");
	delete_contact(be, 2);
	set(be, "a", "10");
	set(be, "c", "3");

	assert_int_equal(be->begin(be), 0);
	update_contact(be, 1, "Amy");
	update_contact(be, 1, "Max");
	delete_contact(be, 3);
	insert_contact(be, 2, "Bob again");
	insert_contact(be, 4, "Dee");
	delete_contact(be, 4);
	set(be, "a", NULL);
	set(be, "b", "20");
	set(be, "c", NULL);
	set(be, "c", "30");
	set(be, "d", "4");
	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Bob again,Max");
	assert_int_equal(be->rollback(be), 0);

	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Cy,Zoe");
	expect_setting(be, "a", "10");
	expect_setting(be, "b", "2");
	expect_setting(be, "c", "3");
	expect_setting(be, "d", NULL);

	assert_int_equal(be->rollback(be), 0);
	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Ann,Bob,Cy");
	expect_setting(be, "a", "1");
	expect_setting(be, "b", "2");
	expect_setting(be, "c", NULL);
	assert_int_equal(be->rollback(be), IV_EMISUSE);
}

static void test_inner_commit_is_undone_by_outer_rollback(void **state)
{
	iv_backend *be = *state;
	char all[256];

	insert_contact(be, 1, "Ann");
	assert_int_equal(be->begin(be), 0);
	assert_int_equal(be->begin(be), 0);
	update_contact(be, 1, "Amy");
	insert_contact(be, 2, "Bob");
	set(be, "k", "v");
	assert_int_equal(be->commit(be), 0);
	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Amy,Bob");
	assert_int_equal(be->rollback(be), 0);
	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Ann");
	expect_setting(be, "k", NULL);
}

static void test_outer_commit_keeps_every_change(void **state)
{
	iv_backend *be = *state;
	char all[256];

	insert_contact(be, 1, "Ann");
	set(be, "k", "v");
	assert_int_equal(be->begin(be), 0);
	update_contact(be, 1, "Amy");
	delete_contact(be, 1);
	insert_contact(be, 2, "Bob");
	set(be, "k", NULL);
	set(be, "j", "w");
	assert_int_equal(be->begin(be), 0);
	update_contact(be, 2, "Bea");
	assert_int_equal(be->commit(be), 0);
	assert_int_equal(be->commit(be), 0);
	assert_int_equal(be->commit(be), IV_EMISUSE);
	dump_contacts(all, sizeof(all), be);
	assert_string_equal(all, "Bea");
	expect_setting(be, "k", NULL);
	expect_setting(be, "j", "w");
}

static void test_freeing_with_a_transaction_open_leaks_nothing(void **state)
{
	iv_backend *be = *state;

	insert_contact(be, 1, "Ann");
	assert_int_equal(be->begin(be), 0);
	update_contact(be, 1, "Amy");
	delete_contact(be, 1);
	insert_contact(be, 1, "Ada");
	set(be, "k", "v");
	set(be, "k", NULL);
	/* teardown frees the backend; valgrind checks the rest */
}

static void test_removing_an_unset_setting_is_not_an_error(void **state)
{
	iv_backend *be = *state;

	set(be, "nothing", NULL);
	assert_int_equal(be->begin(be), 0);
	set(be, "nothing", NULL);
	assert_int_equal(be->rollback(be), 0);
	expect_setting(be, "nothing", NULL);
}

static void followup(iv_backend *be, unsigned long n, iv_time due, int status, unsigned long to)
{
	iv_followup *fu;
	char id[IV_ID_LEN + 1];

	assert_int_equal(iv_followup_new(&fu), 0);
	make_id(id, n);
	assert_int_equal(iv_followup_set_id(fu, id), 0);
	make_id(id, to);
	assert_int_equal(iv_followup_set_contact(fu, id), 0);
	assert_int_equal(iv_followup_set_due(fu, due), 0);
	assert_int_equal(iv_followup_set_status(fu, status), 0);
	iv_followup_set_times(fu, 1, 1);
	assert_int_equal(be->followup_insert(be, fu), 0);
	iv_followup_free(fu);
}

static void test_followups_filter_and_order_by_due_then_id(void **state)
{
	iv_backend *be = *state;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_backend_iter *it;
	char want[IV_ID_LEN + 1], to[IV_ID_LEN + 1];
	void *rec;
	unsigned long expect[] = { 13, 11, 15 };
	size_t i;

	followup(be, 11, 200, IV_FOLLOWUP_PENDING, 1);
	followup(be, 12, 100, IV_FOLLOWUP_DONE, 1);
	followup(be, 13, 100, IV_FOLLOWUP_PENDING, 1);
	followup(be, 14, 150, IV_FOLLOWUP_PENDING, 2);
	followup(be, 15, 200, IV_FOLLOWUP_PENDING, 1);
	followup(be, 16, 300, IV_FOLLOWUP_PENDING, 1);
	f.status = IV_FOLLOWUP_PENDING;
	f.due_before = 200;
	make_id(to, 1);
	f.contact = to;
	assert_int_equal(be->followup_list(&it, be, &f), 0);
	/* The filter is only lent for the call. */
	memset(to, 'x', IV_ID_LEN);
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		assert_int_equal(it->next(&rec, it), 0);
		make_id(want, expect[i]);
		assert_string_equal(iv_followup_id(rec), want);
		iv_followup_free(rec);
	}
	assert_int_equal(it->next(&rec, it), IV_ITEROVER);
	it->free(it);
}

static void test_a_large_table_lists_in_order_quickly(void **state)
{
	enum { N = 20000 };
	iv_backend *be = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_backend_iter *it;
	struct timespec t0, t1;
	char prev_name[64] = "", prev_id[IV_ID_LEN + 1] = "";
	char name[64];
	unsigned long i, seen = 0, x = 12345;
	void *rec;
	int error;
	double secs;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < N; i++) {
		x = x * 1103515245ul + 12345ul;
		/* Few distinct names, in mixed case, so ties fall to the id. */
		snprintf(name, sizeof(name), "%c%s %lu", (x >> 16) % 2 ? 'p' : 'P',
			 (x >> 8) % 2 ? "ERSON" : "erson", (x >> 20) % 500);
		insert_contact(be, N - i, name);
	}
	for (i = 1; i <= N; i += 2)
		delete_contact(be, i);
	assert_int_equal(be->contact_list(&it, be, &f), 0);
	while ((error = it->next(&rec, it)) == 0) {
		const char *n = iv_contact_name(rec), *id = iv_contact_id(rec);
		int d = strcasecmp(prev_name, n);
		assert_true(seen == 0 || d < 0 || (d == 0 && strcmp(prev_id, id) < 0));
		snprintf(prev_name, sizeof(prev_name), "%s", n);
		snprintf(prev_id, sizeof(prev_id), "%s", id);
		seen++;
		iv_contact_free(rec);
	}
	it->free(it);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(error, IV_ITEROVER);
	assert_int_equal(seen, N / 2);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("    %d inserts, %d deletes and a listing in %.3f s\n", N, N / 2, secs);
	/* Generous, for valgrind; a quadratic structure would take far longer. */
	assert_true(secs < 60.0);
}

/*
 * A model of the contacts table for the randomized test: a name per id
 * (empty = absent), with a copy pushed per open transaction.
 */
enum { MODEL_IDS = 64, MODEL_DEPTH = 8 };
typedef char model_names[MODEL_IDS][8];

static int model_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int d = strcasecmp(x, y);

	/* Entries are "name\0" followed by the id's index, so ties fall to it. */
	return d ? d : (int)(unsigned char)x[strlen(x) + 1] - (int)(unsigned char)y[strlen(y) + 1];
}

static void model_dump(char *buf, size_t size, model_names names)
{
	static char keyed[MODEL_IDS][16];
	const char *order[MODEL_IDS];
	size_t n = 0, used = 0, i;

	for (i = 0; i < MODEL_IDS; i++) {
		if (!names[i][0])
			continue;
		memset(keyed[i], 0, sizeof(keyed[i]));
		strcpy(keyed[i], names[i]);
		keyed[i][strlen(names[i]) + 1] = (char)(i + 1);
		order[n++] = keyed[i];
	}
	qsort(order, n, sizeof(order[0]), model_cmp);
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", order[i]);
}

static void test_random_changes_and_transactions_match_a_model(void **state)
{
	iv_backend *be = *state;
	static model_names model[MODEL_DEPTH + 1];
	static char got[MODEL_IDS * 8], want[MODEL_IDS * 8];
	static const char *pool[] = { "ann", "Ann", "bob", "BOB", "cy", "Dee", "eve", "a_", "AB" };
	unsigned long x = 42, step;
	int depth = 0;

	memset(model, 0, sizeof(model));
	for (step = 0; step < 20000; step++) {
		unsigned long id, r;
		const char *name;

		x = x * 6364136223846793005ul + 1442695040888963407ul;
		r = (x >> 33) % 100;
		id = (x >> 17) % MODEL_IDS;
		name = pool[(x >> 41) % (sizeof(pool) / sizeof(pool[0]))];
		if (r < 40) {
			if (model[depth][id][0])
				update_contact(be, id + 1, name);
			else
				insert_contact(be, id + 1, name);
			strcpy(model[depth][id], name);
		} else if (r < 70) {
			if (model[depth][id][0]) {
				delete_contact(be, id + 1);
				model[depth][id][0] = '\0';
			}
		} else if (r < 80 && depth < MODEL_DEPTH) {
			assert_int_equal(be->begin(be), 0);
			memcpy(model[depth + 1], model[depth], sizeof(model[0]));
			depth++;
		} else if (r < 90 && depth > 0) {
			assert_int_equal(be->commit(be), 0);
			memcpy(model[depth - 1], model[depth], sizeof(model[0]));
			depth--;
		} else if (depth > 0) {
			assert_int_equal(be->rollback(be), 0);
			depth--;
		}
		if (step % 50 == 0) {
			dump_contacts(got, sizeof(got), be);
			model_dump(want, sizeof(want), model[depth]);
			assert_string_equal(got, want);
		}
	}
	while (depth-- > 0)
		assert_int_equal(be->rollback(be), 0);
	dump_contacts(got, sizeof(got), be);
	model_dump(want, sizeof(want), model[0]);
	assert_string_equal(got, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_iterator_sees_inserts_after_its_position_and_not_deleted_records),
		T(test_contacts_order_by_name_ignoring_ascii_case_then_id),
		T(test_get_returns_a_copy_the_store_does_not_share),
		T(test_missing_and_duplicate_ids_name_the_entity_and_id),
		T(test_nested_rollback_restores_each_level_exactly),
		T(test_inner_commit_is_undone_by_outer_rollback),
		T(test_outer_commit_keeps_every_change),
		T(test_freeing_with_a_transaction_open_leaks_nothing),
		T(test_removing_an_unset_setting_is_not_an_error),
		T(test_followups_filter_and_order_by_due_then_id),
		T(test_a_large_table_lists_in_order_quickly),
		T(test_random_changes_and_transactions_match_a_model),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
