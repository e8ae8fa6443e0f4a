/*
 * A libFuzzer harness for the setters of every record kind (issue 12): the
 * input is a script of calls, each a byte naming the setter (taken modulo
 * their number), a length byte and that many bytes of text (made a C
 * string at its first NUL). Bytes 0xf0 and up name a time setter, which
 * takes 8 bytes (little-endian) instead; 0xe0 to 0xef the time arithmetic,
 * which takes 8 bytes of time and 4 of days. Beyond "no crash, no leak, no undefined behaviour":
 *
 * - a text setter that succeeds stores exactly the text (NULL for ""; an
 *   id in lower case);
 *   one that fails leaves the field as it was and says why;
 * - a list's add or remove changes its count by at most one, and a
 *   failure not at all;
 * - a time setter takes exactly the times from IV_TIME_MIN to IV_TIME_MAX
 *   and leaves the field as it was otherwise; iv_time_add_days() and
 *   iv_time_add_business_days() stay in that range for any input;
 * - at the end the contact, a note, an interview and a follow-up about it,
 *   and the target employer, are stored in a fresh memory store and in one
 *   SQLite store held in memory for the whole run (then deleted there);
 *   what a store gives back has the contact's and the target's texts
 *   exactly.
 *
 * Built with -fsanitize=fuzzer by IV_FUZZ=ON (clang); every build also
 * replays the seed corpus through it (replay.c), as the ctest
 * fuzz_corpus_setters.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <infoview/infoview.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct recs {
	iv_contact *c;
	iv_intro *in;
	iv_interview *iv;
	iv_followup *fu;
	iv_note *n;
	iv_profile *p;
	iv_target *t;
};

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const char *s)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		abort();
	return d;
}

/* A failed call says why, with a code of the library. */
static void failed_well(int rc)
{
	if (rc >= 0 || !iv_error_last() || !iv_error_last()->message || !*iv_error_last()->message)
		abort();
}

/* Sets a text field: exactly `s` on success, the old value on failure. */
#define TEXT(get, set, obj) do { \
	char *before_ = dup_or_null(get(obj)); \
	int rc_ = set(obj, s); \
	if (rc_ == 0 ? !same(get(obj), *s ? s : NULL) : (failed_well(rc_), !same(get(obj), before_))) \
		abort(); \
	free(before_); \
} while (0)

/* Sets an id: as TEXT, but ids are kept in lower case. */
#define ID(get, set, obj) do { \
	char *before_ = dup_or_null(get(obj)); \
	int rc_ = set(obj, s); \
	if (rc_ == 0 ? (*s ? !get(obj) || strcasecmp(get(obj), s) != 0 : get(obj) != NULL) \
		     : (failed_well(rc_), !same(get(obj), before_))) \
		abort(); \
	free(before_); \
} while (0)

/* Changes a list: its count moves by at most one, and not on failure. */
#define LIST(count, call, obj) do { \
	size_t before_ = count(obj), after_; \
	int rc_ = (call); \
	after_ = count(obj); \
	if (rc_ < 0) \
		failed_well(rc_); \
	if (rc_ < 0 ? after_ != before_ : (after_ > before_ + 1 || after_ + 1 < before_)) \
		abort(); \
} while (0)

/* Sets a time: taken exactly within the range, refused outside it. */
#define TIME(get, set, obj) do { \
	iv_time before_ = get(obj); \
	int rc_ = set(obj, t); \
	int in_ = t >= IV_TIME_MIN && t <= IV_TIME_MAX; \
	if (rc_ < 0) \
		failed_well(rc_); \
	if (in_ ? rc_ != 0 || get(obj) != t : rc_ == 0 || get(obj) != before_) \
		abort(); \
} while (0)

static iv_time status_at_requested(const iv_interview *iv)
{
	return iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED);
}

static int set_status_at_requested(iv_interview *iv, iv_time t)
{
	return iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, t);
}

static void text_op(struct recs *r, unsigned op, const char *s, size_t index)
{
	switch (op) {
	case 0: TEXT(iv_contact_name, iv_contact_set_name, r->c); break;
	case 1: TEXT(iv_contact_phone, iv_contact_set_phone, r->c); break;
	case 2: TEXT(iv_contact_company, iv_contact_set_company, r->c); break;
	case 3: TEXT(iv_contact_title, iv_contact_set_title, r->c); break;
	case 4: TEXT(iv_contact_location, iv_contact_set_location, r->c); break;
	case 5: TEXT(iv_contact_url, iv_contact_set_url, r->c); break;
	case 6: TEXT(iv_contact_notes, iv_contact_set_notes, r->c); break;
	case 7: LIST(iv_contact_email_count, iv_contact_add_email(r->c, s), r->c); break;
	case 8: LIST(iv_contact_email_count, iv_contact_remove_email(r->c, s), r->c); break;
	case 9: LIST(iv_contact_tag_count, iv_contact_add_tag(r->c, s), r->c); break;
	case 10: LIST(iv_contact_tag_count, iv_contact_remove_tag(r->c, s), r->c); break;
	case 11: ID(iv_contact_id, iv_contact_set_id, r->c); break;
	case 12: ID(iv_intro_id, iv_intro_set_id, r->in); break;
	case 13: ID(iv_intro_introducer, iv_intro_set_introducer, r->in); break;
	case 14: ID(iv_intro_introduced, iv_intro_set_introduced, r->in); break;
	case 15: TEXT(iv_intro_note, iv_intro_set_note, r->in); break;
	case 16: ID(iv_interview_id, iv_interview_set_id, r->iv); break;
	case 17: ID(iv_interview_contact, iv_interview_set_contact, r->iv); break;
	case 18: ID(iv_interview_intro, iv_interview_set_intro, r->iv); break;
	case 19: TEXT(iv_interview_purpose, iv_interview_set_purpose, r->iv); break;
	case 20: TEXT(iv_interview_notes, iv_interview_set_notes, r->iv); break;
	case 21: LIST(iv_interview_question_count, iv_interview_add_question(r->iv, s), r->iv); break;
	case 22: LIST(iv_interview_question_count, iv_interview_insert_question(r->iv, index, s), r->iv); break;
	case 23: LIST(iv_interview_question_count, iv_interview_set_question(r->iv, index, s), r->iv); break;
	case 24: LIST(iv_interview_question_count, iv_interview_set_answer(r->iv, index, s), r->iv); break;
	case 25: LIST(iv_interview_advice_count, iv_interview_add_advice(r->iv, s), r->iv); break;
	case 26: LIST(iv_interview_resource_count, iv_interview_add_resource(r->iv, s), r->iv); break;
	case 27: ID(iv_followup_id, iv_followup_set_id, r->fu); break;
	case 28: ID(iv_followup_contact, iv_followup_set_contact, r->fu); break;
	case 29: ID(iv_followup_interview, iv_followup_set_interview, r->fu); break;
	case 30: TEXT(iv_followup_note, iv_followup_set_note, r->fu); break;
	case 31: TEXT(iv_followup_rule, iv_followup_set_rule, r->fu); break;
	case 32: TEXT(iv_followup_contact_name, iv_followup_set_contact_name, r->fu); break;
	case 33: TEXT(iv_followup_draft, iv_followup_set_draft, r->fu); break;
	case 34: ID(iv_note_id, iv_note_set_id, r->n); break;
	case 35: ID(iv_note_contact, iv_note_set_contact, r->n); break;
	case 36: TEXT(iv_note_text, iv_note_set_text, r->n); break;
	case 37: TEXT(iv_profile_name, iv_profile_set_name, r->p); break;
	case 38: TEXT(iv_profile_background, iv_profile_set_background, r->p); break;
	case 39: TEXT(iv_profile_exploring, iv_profile_set_exploring, r->p); break;
	case 40: ID(iv_target_id, iv_target_set_id, r->t); break;
	case 41: TEXT(iv_target_name, iv_target_set_name, r->t); break;
	case 42: TEXT(iv_target_note, iv_target_set_note, r->t); break;
	case 43: LIST(iv_target_alias_count, iv_target_add_alias(r->t, s), r->t); break;
	case 44: LIST(iv_target_alias_count, iv_target_remove_alias(r->t, s), r->t); break;
	}
}
#define TEXT_OPS 45

static void time_op(struct recs *r, unsigned op, iv_time t)
{
	switch (op) {
	case 0: TIME(iv_contact_last_interaction, iv_contact_set_last_interaction, r->c); break;
	case 1: TIME(iv_intro_requested_at, iv_intro_set_requested_at, r->in); break;
	case 2: TIME(iv_intro_made_at, iv_intro_set_made_at, r->in); break;
	case 3: TIME(iv_interview_scheduled_at, iv_interview_set_scheduled_at, r->iv); break;
	case 4: TIME(status_at_requested, set_status_at_requested, r->iv); break;
	case 5: TIME(iv_followup_earliest, iv_followup_set_earliest, r->fu); break;
	case 6: TIME(iv_followup_due, iv_followup_set_due, r->fu); break;
	case 7: TIME(iv_followup_closed_at, iv_followup_set_closed_at, r->fu); break;
	case 8: TIME(iv_note_at, iv_note_set_at, r->n); break;
	}
}
#define TIME_OPS 9

static void arithmetic_op(iv_time t, int days)
{
	iv_time a = iv_time_add_days(t, days), b = iv_time_add_business_days(t, days);

	if (a < IV_TIME_MIN || a > IV_TIME_MAX || b < IV_TIME_MIN || b > IV_TIME_MAX)
		abort();
	if (days == 0 && t >= IV_TIME_MIN && t <= IV_TIME_MAX && (a != t || b != t))
		abort();
}

static int64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return (int64_t)v;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Every text of the contact `a` is in `b` too, exactly. */
static void same_contact(const iv_contact *a, const iv_contact *b)
{
	size_t i;

	if (!same(iv_contact_name(a), iv_contact_name(b)) || !same(iv_contact_phone(a), iv_contact_phone(b)) ||
	    !same(iv_contact_company(a), iv_contact_company(b)) || !same(iv_contact_title(a), iv_contact_title(b)) ||
	    !same(iv_contact_location(a), iv_contact_location(b)) || !same(iv_contact_url(a), iv_contact_url(b)) ||
	    !same(iv_contact_notes(a), iv_contact_notes(b)) ||
	    iv_contact_email_count(a) != iv_contact_email_count(b) ||
	    iv_contact_tag_count(a) != iv_contact_tag_count(b))
		abort();
	for (i = 0; i < iv_contact_email_count(a); i++)
		if (!same(iv_contact_email_at(a, i), iv_contact_email_at(b, i)))
			abort();
	for (i = 0; i < iv_contact_tag_count(a); i++)
		if (!same(iv_contact_tag_at(a, i), iv_contact_tag_at(b, i)))
			abort();
}

/* The target's texts are in `b` too, exactly. */
static void same_target(const iv_target *a, const iv_target *b)
{
	size_t i;

	if (!same(iv_target_name(a), iv_target_name(b)) || !same(iv_target_note(a), iv_target_note(b)) ||
	    iv_target_alias_count(a) != iv_target_alias_count(b))
		abort();
	for (i = 0; i < iv_target_alias_count(a); i++)
		if (!same(iv_target_alias_at(a, i), iv_target_alias_at(b, i)))
			abort();
}

/* Stores a copy of the target in `db`, reads it back; deletes it again when `clean`. */
static void store_target(iv_db *db, const iv_target *t, int clean)
{
	iv_target *copy = NULL, *back = NULL;
	int rc;

	if (iv_target_dup(&copy, t) < 0)
		abort();
	iv_target_set_id(copy, NULL);
	if ((rc = iv_target_insert(db, copy)) == 0) {
		if (iv_target_lookup(&back, db, iv_target_id(copy)) != 0)
			abort();
		same_target(copy, back);
		if (clean && iv_target_delete(db, iv_target_id(copy)) != 0)
			abort();
	} else {
		failed_well(rc);
	}
	iv_target_free(back);
	iv_target_free(copy);
}

/* Stores the records about the contact in `db`; deletes them again when `clean`. */
static void store(iv_db *db, struct recs *r, int clean)
{
	iv_contact *c = NULL, *back = NULL;
	const char *id;

	/* A copy: inserting sets the id and the times, which the script may have set. */
	if (iv_contact_dup(&c, r->c) < 0)
		abort();
	iv_contact_set_id(c, NULL);
	if (iv_contact_insert(db, c) != 0) {
		iv_contact_free(c);
		return;
	}
	id = iv_contact_id(c);
	if (iv_contact_lookup(&back, db, id) != 0)
		abort();
	same_contact(c, back);
	iv_contact_free(back);
	iv_contact_touch(db, id, iv_contact_last_interaction(r->c), iv_note_text(r->n));
	if (iv_note_set_contact(r->n, id) == 0 && iv_note_set_id(r->n, NULL) == 0)
		iv_note_insert(db, r->n);
	if (iv_interview_set_contact(r->iv, id) == 0 && iv_interview_set_id(r->iv, NULL) == 0 &&
	    iv_interview_set_intro(r->iv, NULL) == 0)
		iv_interview_insert(db, r->iv);
	if (iv_followup_set_contact(r->fu, id) == 0 && iv_followup_set_id(r->fu, NULL) == 0 &&
	    iv_followup_set_interview(r->fu, NULL) == 0)
		iv_followup_insert(db, r->fu);
	if (clean && iv_contact_delete(db, id, IV_DELETE_CASCADE) != 0)
		abort();
	iv_contact_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static iv_db *sq;
	struct recs r = { 0 };
	iv_db *db = NULL;
	size_t pos = 0;
	char *s;

	if (!sq && iv_db_open_with(&sq, "sqlite", ":memory:") != 0)
		abort();
	if (iv_contact_new(&r.c) < 0 || iv_intro_new(&r.in) < 0 || iv_interview_new(&r.iv) < 0 ||
	    iv_followup_new(&r.fu) < 0 || iv_note_new(&r.n) < 0 || iv_profile_new(&r.p) < 0 ||
	    iv_target_new(&r.t) < 0)
		abort();
	while (pos < size) {
		unsigned op = data[pos++], n;

		if (op >= 0xf0) { /* a time: 8 bytes */
			if (size - pos < 8)
				break;
			time_op(&r, (op - 0xf0) % TIME_OPS, le64(data + pos));
			pos += 8;
			continue;
		}
		if (op >= 0xe0) { /* arithmetic: 8 bytes of time, 4 of days */
			if (size - pos < 12)
				break;
			arithmetic_op(le64(data + pos), (int)le32(data + pos + 8));
			pos += 12;
			continue;
		}
		if (pos == size)
			break;
		n = data[pos++];
		if (n > size - pos)
			n = (unsigned)(size - pos);
		if (!(s = malloc(n + 1)))
			abort();
		memcpy(s, data + pos, n);
		s[n] = '\0';
		/* The index for the calls that take one: the text's length, often small. */
		text_op(&r, op % TEXT_OPS, s, n % 4);
		free(s);
		pos += n;
	}
	if (iv_db_open_memory(&db) < 0)
		abort();
	store(db, &r, 0);
	store(sq, &r, 1);
	store_target(db, r.t, 0);
	store_target(sq, r.t, 1);
	iv_db_free(db);
	iv_contact_free(r.c);
	iv_intro_free(r.in);
	iv_interview_free(r.iv);
	iv_followup_free(r.fu);
	iv_note_free(r.n);
	iv_profile_free(r.p);
	iv_target_free(r.t);
	return 0;
}
