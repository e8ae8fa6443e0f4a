/*
 * Storing records: the same insert / lookup / update / delete / list logic
 * for the four kinds, with the integrity rules every backend gets from the
 * core (references exist, deletes refuse or cascade, each call atomic).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "draft_store.h"
#include "records.h"
#include "util.h"
#include "workflow.h"

/*
 * What the generic code needs of a kind of record. The wrappers exist
 * because calling the typed functions through void-pointer prototypes
 * would be undefined behaviour.
 */
typedef struct kind {
	const char *name;
	const char *arg; /* the record's parameter name in the public functions */
	const char *(*id)(const void *r);
	int (*set_id)(void *r, const char *id);
	iv_time (*created)(const void *r);
	iv_time (*updated)(const void *r);
	void (*set_times)(void *r, iv_time created, iv_time updated);
	int64_t (*number)(const void *r);
	int (*set_number)(void *r, int64_t number);
	int (*check)(const void *r);
	void (*free)(void *r);
	int (*get)(void **out, iv_backend *be, const char *id);
	int (*insert)(iv_backend *be, const void *r);
	int (*update)(iv_backend *be, const void *r);
	int (*remove)(iv_backend *be, const char *id);
	/* Checks the records `r` names exist; NULL when it names none. */
	int (*refs)(iv_db *db, const void *r, int updating);
	/* Stamps what an insert records beyond the times; may be NULL. */
	void (*stamp)(void *r, iv_time now);
	/* The workflow's hooks around a write (old is NULL on insert); may be NULL. */
	int (*before)(iv_db *db, const void *old, void *r);
	int (*after)(iv_db *db, const void *old, const void *r);
	/*
	 * Whether inserting `r` writes nothing but the record (its hooks stay
	 * idle); NULL when that is never known.
	 */
	int (*quiet)(const void *r);
	/* Whether refs() only asks that the records named exist, which foreign keys also enforce. */
	int refs_are_keys;
} kind;

/* The public iterators all wrap a backend iterator the same way. */
struct iv__iter {
	iv__live live; /* first: detach() gets the iterator from it */
	iv_db *db;
	iv_backend_iter *bi;
	const kind *k;
	int over;
	/*
	 * Filter members the backend's version does not know, applied here
	 * on what it returns; NULL when it applies the whole filter.
	 */
	char *only_id;    /* the growth test's simulated next member */
	char *only_email; /* a contact filter's email (version 2) */
	char *only_url;   /* a contact filter's url (version 3) */
	int64_t only_number; /* a filter's number (version 2) */
};

/* The filter members the core can apply itself, for backends that do not know them. */
typedef struct post {
	const char *id;    /* abi_next */
	const char *email; /* iv_contact_filter.email */
	const char *url;   /* iv_contact_filter.url */
	int64_t number;    /* every filter's number */
} post;

static int record_insert(iv_db *db, const kind *k, void *r);
static int record_update(iv_db *db, const kind *k, void *r);
static int record_lookup(void **out, iv_db *db, const kind *k, const char *id);
static int iter_next(void **out, struct iv__iter *it);
static void iter_detach(iv__live *l);
static void iter_free(struct iv__iter *it);

#define IV__KIND(K, ARG, T, REFS, STAMP, BEFORE, AFTER, QUIET, KEYS) \
	static const char *K##_id_(const void *r) { return iv_##K##_id(r); } \
	static int K##_set_id_(void *r, const char *id) { return iv_##K##_set_id(r, id); } \
	static iv_time K##_created_(const void *r) { return iv_##K##_created(r); } \
	static iv_time K##_updated_(const void *r) { return iv_##K##_updated(r); } \
	static void K##_set_times_(void *r, iv_time c, iv_time u) { iv_##K##_set_times(r, c, u); } \
	static int64_t K##_number_(const void *r) { return iv_##K##_number(r); } \
	static int K##_set_number_(void *r, int64_t n) { return iv_##K##_set_number(r, n); } \
	static int K##_check_(const void *r) { return iv__##K##_check(r); } \
	static void K##_free_(void *r) { iv_##K##_free(r); } \
	static int K##_get_(void **out, iv_backend *be, const char *id) \
	{ T *r = NULL; int e = be->K##_get(&r, be, id); *out = r; return e; } \
	static int K##_insert_(iv_backend *be, const void *r) { return be->K##_insert(be, r); } \
	static int K##_update_(iv_backend *be, const void *r) { return be->K##_update(be, r); } \
	static int K##_remove_(iv_backend *be, const char *id) { return be->K##_delete(be, id); } \
	static const kind K##_kind = { #K, ARG, K##_id_, K##_set_id_, K##_created_, K##_updated_, \
		K##_set_times_, K##_number_, K##_set_number_, K##_check_, K##_free_, K##_get_, K##_insert_, K##_update_, \
		K##_remove_, REFS, STAMP, BEFORE, AFTER, QUIET, KEYS }; \
	struct iv_##K##_iter { struct iv__iter base; }; \
	int iv_##K##_insert(iv_db *db, T *r) \
	{ IV__GUARDED_WITH(iv__enter_insert, db, "iv_" #K "_insert", record_insert(db, &K##_kind, r)); } \
	int iv_##K##_update(iv_db *db, T *r) \
	{ IV__GUARDED(db, "iv_" #K "_update", record_update(db, &K##_kind, r)); } \
	int iv_##K##_lookup(T **out, iv_db *db, const char *id) \
	{ void *r = NULL; int e; IV__ARG(out); *out = NULL; \
	  if ((e = iv__enter(db, "iv_" #K "_lookup")) < 0) return e; \
	  e = record_lookup(&r, db, &K##_kind, id); iv__leave(db); *out = r; return e; } \
	int iv_##K##_iter_next(T **out, iv_##K##_iter *it) \
	{ void *r = NULL; iv_db *db; int e; IV__ARG(out); *out = NULL; IV__ARG(it); \
	  /* A detached iterator's store is gone: iter_next() says so without it. */ \
	  db = it->base.live.detached ? NULL : it->base.db; \
	  if ((e = iv__enter(db, "iv_" #K "_iter_next")) < 0) return e; \
	  e = iter_next(&r, &it->base); iv__leave(db); *out = r; return e; } \
	void iv_##K##_iter_free(iv_##K##_iter *it) { if (it) iter_free(&it->base); }

/* --- Helpers ------------------------------------------------------------ */

/*
 * A NULL argument of the public function iv_<kind>_<verb>(): the message
 * names that function and the argument as its header does.
 */
static int null_arg(const kind *k, const char *verb, const char *arg)
{
	return iv__error(IV_EINVALID, "iv_%s_%s: argument '%s' is NULL", k->name, verb, arg);
}

static int not_found(const kind *k, const char *id)
{
	return iv__error(IV_ENOTFOUND, "%s %s not found", k->name, id);
}

/* Backends word their messages differently; the core words the common ones. */
static int backend_error(int error, const kind *k, const char *id, const char *what)
{
	if (error == IV_ENOTFOUND)
		return not_found(k, id);
	if (error == IV_EEXISTS)
		return iv__error(IV_EEXISTS, "%s %s already exists", k->name, id);
	return iv__error_ensure(error, what);
}

/* Checks that the record `id` of kind `k`, named by `field`, exists. */
static int must_exist(iv_db *db, const kind *k, const char *id, const char *field)
{
	void *r = NULL;
	int error = k->get(&r, db->be, id);

	k->free(r);
	if (error == IV_ENOTFOUND)
		return iv__error(IV_ENOTFOUND, "%s: %s %s not found", field, k->name, id);
	return error < 0 ? iv__error_ensure(error, "reading a record") : 0;
}

static int check_flags(unsigned int flags)
{
	if (flags & ~(unsigned int)IV_DELETE_CASCADE)
		return iv__error(IV_EINVALID, "flags: unknown delete flags 0x%x", flags);
	return 0;
}

/* Normalises an optional id in a filter into `buf`; NULL stays NULL. */
static int filter_id(const char **id, char buf[IV_ID_LEN + 1], const char *field)
{
	int error;

	if (!*id)
		return 0;
	if ((error = iv__parse_id(buf, field, *id)) < 0)
		return error;
	*id = buf;
	return 0;
}

/* Checks an optional id prefix in a filter and lowers it into `buf` (util.c). */
static int filter_id_prefix(const char **prefix, char buf[IV_ID_LEN + 1], const char *field)
{
	int error;

	if (!*prefix)
		return 0;
	if ((error = iv__parse_id_prefix(buf, field, *prefix)) < 0)
		return error;
	*prefix = buf;
	return 0;
}

static int filter_number(int64_t number, const char *field)
{
	if (number < 0)
		return iv__error(IV_EINVALID, "%s: %lld is negative (0 for any)", field, (long long)number);
	return 0;
}

static int filter_enum(int value, const char *field, const char *type)
{
	return value == 0 ? 0 : iv__check_enum(field, type, value);
}

/* --- Kinds -------------------------------------------------------------- */

static int contact_after(iv_db *db, const void *old, const void *r)
{
	return iv__contact_after(db, old, r);
}
/* A new contact with a cadence gets its check-in follow-up. */
static int contact_quiet(const void *r)
{
	return iv_contact_cadence_days(r) <= 0;
}
IV__KIND(contact, "c", iv_contact, NULL, NULL, NULL, contact_after, contact_quiet, 0)

static int intro_refs(iv_db *db, const void *r, int updating);
static int intro_quiet(const void *r)
{
	(void)r;
	return 1;
}
IV__KIND(intro, "in", iv_intro, intro_refs, NULL, NULL, NULL, intro_quiet, 1)

static int interview_refs(iv_db *db, const void *r, int updating);
static void interview_stamp(void *r, iv_time now);
static int interview_before(iv_db *db, const void *old, void *r)
{
	return iv__interview_before(db, old, r);
}
static int interview_after(iv_db *db, const void *old, const void *r)
{
	return iv__interview_after(db, old, r);
}
IV__KIND(interview, "iv", iv_interview, interview_refs, interview_stamp, interview_before, interview_after, NULL, 0)

static int followup_refs(iv_db *db, const void *r, int updating);
static int followup_before(iv_db *db, const void *old, void *r)
{
	return iv__followup_before(db, old, r);
}
static int followup_after(iv_db *db, const void *old, const void *r)
{
	return iv__followup_after(db, old, r);
}
/* A follow-up inserted done is an interaction with its contact, who is updated. */
static int followup_quiet(const void *r)
{
	return iv_followup_status(r) != IV_FOLLOWUP_DONE;
}
IV__KIND(followup, "fu", iv_followup, followup_refs, NULL, followup_before, followup_after, followup_quiet, 1)

/*
 * Reads the first record of a backend iterator, if any, and frees the
 * iterator: the "is anything there?" question of the integrity checks.
 */
static int any_of(int *found, const kind *k, iv_backend_iter *bi)
{
	void *r = NULL;
	int error = bi->next(&r, bi);

	k->free(r);
	bi->free(bi);
	*found = error == 0;
	return error == IV_ITEROVER ? 0 : error;
}

/* Collects the ids a backend iterator yields, so that deleting does not disturb it. */
static int collect_ids(iv__strlist *ids, const kind *k, iv_backend_iter *bi)
{
	void *r = NULL;
	int error;

	while ((error = bi->next(&r, bi)) == 0) {
		error = iv__strlist_insert(ids, ids->count, k->id(r));
		k->free(r);
		r = NULL;
		if (error < 0)
			break;
	}
	bi->free(bi);
	return error == IV_ITEROVER ? 0 : error;
}

static int intro_refs(iv_db *db, const void *r, int updating)
{
	const iv_intro *in = r;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_backend_iter *bi = NULL;
	void *r_iv = NULL;
	int error;

	if ((error = must_exist(db, &contact_kind, iv_intro_introducer(in), "intro.introducer")) < 0 ||
	    (error = must_exist(db, &contact_kind, iv_intro_introduced(in), "intro.introduced")) < 0)
		return error;
	if (!updating)
		return 0;
	/* An interview that came from this introduction must stay with the person introduced. */
	f.intro = iv_intro_id(in);
	if ((error = db->be->interview_list(&bi, db->be, &f)) < 0)
		return iv__error_ensure(error, "listing interviews");
	while ((error = bi->next(&r_iv, bi)) == 0) {
		iv_interview *iv = r_iv;
		int mismatch = strcmp(iv_interview_contact(iv), iv_intro_introduced(in)) != 0;
		if (mismatch)
			error = iv__error(IV_ECONSTRAINT,
				"intro.introduced: interview %s came from this introduction with contact %s",
				iv_interview_id(iv), iv_interview_contact(iv));
		iv_interview_free(iv);
		r_iv = NULL;
		if (mismatch)
			break;
	}
	bi->free(bi);
	return error == IV_ITEROVER ? 0 : error;
}

static int interview_refs(iv_db *db, const void *r, int updating)
{
	const iv_interview *iv = r;
	const char *intro_id = iv_interview_intro(iv);
	iv_intro *in = NULL;
	int error;

	(void)updating;
	if ((error = must_exist(db, &contact_kind, iv_interview_contact(iv), "interview.contact")) < 0)
		return error;
	if (!intro_id)
		return 0;
	if ((error = db->be->intro_get(&in, db->be, intro_id)) < 0) {
		if (error == IV_ENOTFOUND)
			return iv__error(IV_ENOTFOUND, "interview.intro: intro %s not found", intro_id);
		return iv__error_ensure(error, "reading an introduction");
	}
	if (strcmp(iv_intro_introduced(in), iv_interview_contact(iv)) != 0)
		error = iv__error(IV_EINVALID, "interview.intro: intro %s introduced contact %s, not the interviewee %s",
				  intro_id, iv_intro_introduced(in), iv_interview_contact(iv));
	iv_intro_free(in);
	return error;
}

static void interview_stamp(void *r, iv_time now)
{
	iv_interview *iv = r;
	int status = iv_interview_status(iv);

	if (!iv_interview_status_at(iv, IV_INTERVIEW_PLANNED))
		iv_interview_set_status_at(iv, IV_INTERVIEW_PLANNED, now);
	if (!iv_interview_status_at(iv, status))
		iv_interview_set_status_at(iv, status, now);
}

static int followup_refs(iv_db *db, const void *r, int updating)
{
	const iv_followup *fu = r;
	const char *interview_id = iv_followup_interview(fu);
	int error;

	(void)updating;
	if ((error = must_exist(db, &contact_kind, iv_followup_contact(fu), "followup.contact")) < 0)
		return error;
	if (interview_id)
		return must_exist(db, &interview_kind, interview_id, "followup.interview");
	return 0;
}

/* --- Generic operations --------------------------------------------------- */

/* The last number given to records of kind `what` (0 for none yet), and the key of its setting. */
static int number_last(int64_t *last, char key[40], iv_db *db, const char *what)
{
	char *stored = NULL, *end = NULL;
	long long n = 0;
	int error;

	*last = 0;
	snprintf(key, 40, "iv.number.%s", what);
	if ((error = db->be->setting_get(&stored, db->be, key)) < 0 && error != IV_ENOTFOUND)
		return iv__error_ensure(error, "reading the last number given");
	if (stored) {
		n = strtoll(stored, &end, 10);
		error = end == stored || *end || n < 0 || n == LLONG_MAX;
		iv_free(stored);
		if (error)
			return iv__error(IV_ESTORAGE, "the setting %s is damaged (not a number)", key);
	}
	*last = n;
	return 0;
}

static int number_keep(iv_db *db, const char *key, int64_t last)
{
	char text[24];
	int error;

	snprintf(text, sizeof(text), "%lld", (long long)last);
	if ((error = db->be->setting_set(db->be, key, text)) < 0)
		return iv__error_ensure(error, "keeping the last number given");
	return 0;
}

int iv__number_next(int64_t *out, iv_db *db, const char *what)
{
	char key[40];
	int64_t last;
	int error;

	*out = 0;
	/* A version-1 backend has nowhere to keep a number. */
	if (db->be->version < 2)
		return 0;
	if ((error = iv__numbers_flush(db)) < 0 || (error = number_last(&last, key, db, what)) < 0 ||
	    (error = number_keep(db, key, last + 1)) < 0)
		return error;
	*out = last + 1;
	return 0;
}

/* The kinds whose numbers the handle keeps, as number_last indexes them. */
static const char *const number_kinds[] = { "contact", "intro", "interview", "followup", "note" };

int iv__number_take(int64_t *out, iv_db *db, int which, const char *what)
{
	char key[40];
	int error;

	if (!db->number_known[which]) {
		if ((error = number_last(&db->number_last[which], key, db, what)) < 0)
			return error;
		db->number_known[which] = 1;
	}
	*out = db->number_last[which] + 1;
	return 0;
}

void iv__number_given(iv_db *db, int which, int64_t n)
{
	db->number_last[which] = n;
	db->number_pending[which] = 1;
	db->numbers_pending = 1;
}

int iv__numbers_flush(iv_db *db)
{
	char key[40];
	size_t i;
	int error;

	if (db->numbers_pending) {
		for (i = 0; i < sizeof(number_kinds) / sizeof(number_kinds[0]); i++) {
			if (!db->number_pending[i])
				continue;
			snprintf(key, sizeof(key), "iv.number.%s", number_kinds[i]);
			if ((error = number_keep(db, key, db->number_last[i])) < 0)
				return error;
			db->number_pending[i] = 0;
		}
		db->numbers_pending = 0;
	}
	memset(db->number_known, 0, sizeof(db->number_known));
	return 0;
}

void iv__numbers_forget(iv_db *db)
{
	memset(db->number_known, 0, sizeof(db->number_known));
	memset(db->number_pending, 0, sizeof(db->number_pending));
	db->numbers_pending = 0;
}

/* The index of kind `k` in number_kinds. */
static int number_kind(const kind *k)
{
	return k == &contact_kind ? 0 : k == &intro_kind ? 1 : k == &interview_kind ? 2 : 3;
}

/*
 * Takes back the record `r` that an insert stored before a later step
 * failed with `error`, whose message is kept.
 */
static int insert_undo(iv_db *db, const kind *k, const void *r, int error)
{
	char msg[512];

	strncpy(msg, iv_error_last()->message, sizeof(msg) - 1);
	msg[sizeof(msg) - 1] = '\0';
	k->remove(db->be, k->id(r));
	return iv__error(error, "%s", msg);
}

/*
 * Inserts `r`. A record whose insert is a single write of the SQLite
 * backend, inside the caller's transaction, goes without the core's own
 * savepoint: the backend's insert is atomic, the hooks stay idle, and its
 * number stays pending in the handle until something could read it (db.h).
 * And the
 * references that SQLite's foreign keys enforce are looked up only when
 * the insert fails, to say which one is missing.
 */
static int record_insert(iv_db *db, const kind *k, void *r)
{
	char id[IV_ID_LEN + 1];
	iv_time created, updated, now;
	int64_t number, given = 0;
	int generated = 0, sqlite, own, keys, inserted = 0, error;

	if (!db || !r)
		return null_arg(k, "insert", db ? k->arg : "db");
	number = k->number(r);
	if ((error = k->check(r)) < 0)
		return error;
	created = k->created(r);
	updated = k->updated(r);
	sqlite = iv__backend_is_sqlite(db->be);
	own = !(sqlite && db->depth > 0 && k->quiet && k->quiet(r));
	keys = sqlite && k->refs_are_keys;
	if (own && (error = iv__tx_begin(db)) < 0)
		return error;
	if (k->refs && !keys)
		error = k->refs(db, r, 0);
	if (error >= 0 && !k->id(r)) {
		iv__id_generate(id);
		error = k->set_id(r, id);
		generated = error >= 0;
	}
	/* The store numbers its records; a number set by the caller is not kept. */
	if (error >= 0 && own) {
		if ((error = iv__number_next(&given, db, k->name)) >= 0)
			error = k->set_number(r, given);
	} else if (error >= 0) {
		if ((error = iv__number_take(&given, db, number_kind(k), k->name)) >= 0)
			error = k->set_number(r, given);
	}
	if (error >= 0 && (error = iv__now(&now, db)) >= 0) {
		k->set_times(r, now, now);
		if (k->stamp)
			k->stamp(r, now);
		if (k->before)
			error = k->before(db, NULL, r);
		if (error >= 0 && (error = k->insert(db->be, r)) < 0) {
			int missing;
			error = backend_error(error, k, k->id(r), "storing a record");
			/* A reference to a missing record, refused by a foreign key: say which. */
			if (keys && k->refs && (missing = k->refs(db, r, 0)) < 0)
				error = missing;
		}
		inserted = error >= 0;
		if (error >= 0 && k->after)
			error = k->after(db, NULL, r);
	}
	if (!own) {
		if (error < 0 && inserted)
			error = insert_undo(db, k, r, error);
		else if (error >= 0)
			iv__number_given(db, number_kind(k), given);
	} else {
		error = iv__tx_end(db, error);
	}
	if (error < 0) {
		/* The caller's record goes back to how it was: nothing was stored. */
		k->set_times(r, created, updated);
		k->set_number(r, number);
		if (generated)
			k->set_id(r, NULL);
	}
	return error;
}

static int record_update(iv_db *db, const kind *k, void *r)
{
	void *old = NULL;
	iv_time created, updated, now;
	int64_t number;
	int error;

	if (!db || !r)
		return null_arg(k, "update", db ? k->arg : "db");
	number = k->number(r);
	if (!k->id(r))
		return iv__error(IV_EINVALID, "%s.id: the record has no id (insert it first)", k->name);
	if ((error = k->check(r)) < 0)
		return error;
	created = k->created(r);
	updated = k->updated(r);
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = k->get(&old, db->be, k->id(r))) < 0)
		error = backend_error(error, k, k->id(r), "reading a record");
	if (error >= 0 && k->refs)
		error = k->refs(db, r, 1);
	if (error >= 0 && (error = iv__now(&now, db)) >= 0) {
		k->set_times(r, k->created(old), now);
		/* A record keeps the number the store gave it. */
		k->set_number(r, k->number(old));
		if (k->before)
			error = k->before(db, old, r);
		if (error >= 0 && (error = k->update(db->be, r)) < 0)
			error = backend_error(error, k, k->id(r), "updating a record");
		if (error >= 0 && k->after)
			error = k->after(db, old, r);
	}
	k->free(old);
	if ((error = iv__tx_end(db, error)) < 0) {
		k->set_times(r, created, updated);
		k->set_number(r, number);
	}
	return error;
}

static int record_lookup(void **out, iv_db *db, const kind *k, const char *id)
{
	char buf[IV_ID_LEN + 1];
	int error;

	*out = NULL;
	if (!db || !id)
		return null_arg(k, "lookup", db ? "id" : "db");
	if ((error = iv__parse_id(buf, "id", id)) < 0)
		return error;
	if ((error = k->get(out, db->be, buf)) < 0) {
		k->free(*out);
		*out = NULL;
		return backend_error(error, k, buf, "reading a record");
	}
	return 0;
}

static int remove_one(iv_db *db, const kind *k, const char *id)
{
	int error = k->remove(db->be, id);

	return error < 0 ? backend_error(error, k, id, "deleting a record") : 0;
}

static int remove_all(iv_db *db, const kind *k, const iv__strlist *ids)
{
	size_t i;
	int error = 0;

	for (i = 0; i < ids->count && error >= 0; i++)
		error = remove_one(db, k, ids->items[i]);
	return error;
}

/* Starts a delete: checks arguments, opens the transaction, checks the record exists. */
static int delete_begin(char id[IV_ID_LEN + 1], iv_db *db, const kind *k, const char *arg, unsigned int flags)
{
	int error;

	if (!db || !arg)
		return null_arg(k, "delete", db ? "id" : "db");
	if ((error = iv__parse_id(id, "id", arg)) < 0 || (error = check_flags(flags)) < 0)
		return error;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = must_exist(db, k, id, "id")) < 0) {
		iv__tx_end(db, error);
		return error == IV_ENOTFOUND ? not_found(k, id) : error;
	}
	return 0;
}

static int refuse_referenced(const kind *k, const char *id, const char *by)
{
	/* Said in words: the user of a program never sees the C flag's name. */
	return iv__error(IV_ECONSTRAINT, "%s %s is still named by %s; delete those first, "
			 "or delete with cascade to remove them too", k->name, id, by);
}

/* Deletes the follow-ups `f` selects. */
static int delete_followups(iv_db *db, const iv_followup_filter *f)
{
	iv__strlist ids = { 0 };
	iv_backend_iter *bi = NULL;
	int error = db->be->followup_list(&bi, db->be, f);

	if (error >= 0)
		error = collect_ids(&ids, &followup_kind, bi);
	if (error >= 0)
		error = remove_all(db, &followup_kind, &ids);
	iv__strlist_free(&ids);
	return error < 0 ? iv__error_ensure(error, "deleting follow-ups") : 0;
}

/* Deletes interview `id` and the request saved for it (drafts). */
static int remove_interview(iv_db *db, const char *id)
{
	int error = iv__saved_request_remove(db, id);

	return error < 0 ? error : remove_one(db, &interview_kind, id);
}

/* Deletes interview `id` and the follow-ups about it. */
static int delete_interview_tree(iv_db *db, const char *id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	int error;

	f.interview = id;
	if ((error = delete_followups(db, &f)) < 0)
		return error;
	return remove_interview(db, id);
}

/* Makes the interviews that came from introduction `id` name no introduction. */
static int detach_interviews(iv_db *db, const char *id)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv__strlist ids = { 0 };
	iv_backend_iter *bi = NULL;
	size_t i;
	int error;

	f.intro = id;
	if ((error = db->be->interview_list(&bi, db->be, &f)) >= 0)
		error = collect_ids(&ids, &interview_kind, bi);
	for (i = 0; i < ids.count && error >= 0; i++) {
		iv_interview *iv = NULL;
		void *r = NULL;
		if ((error = interview_kind.get(&r, db->be, ids.items[i])) < 0)
			break;
		iv = r;
		if ((error = iv_interview_set_intro(iv, NULL)) >= 0)
			error = record_update(db, &interview_kind, iv);
		iv_interview_free(iv);
	}
	iv__strlist_free(&ids);
	return error < 0 ? iv__error_ensure(error, "detaching interviews") : 0;
}

/* --- Deletes -------------------------------------------------------------- */

static int contact_referenced(int *found, iv_db *db, const char *id)
{
	iv_intro_filter fi = IV_INTRO_FILTER_INIT;
	iv_interview_filter fv = IV_INTERVIEW_FILTER_INIT;
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_backend *be = db->be;
	iv_backend_iter *bi = NULL;
	int error;

	if (be->contact_referenced)
		return be->contact_referenced(found, be, id);
	fi.introducer = id;
	if ((error = be->intro_list(&bi, be, &fi)) < 0 || (error = any_of(found, &intro_kind, bi)) < 0 || *found)
		return error;
	fi.introducer = NULL;
	fi.introduced = id;
	if ((error = be->intro_list(&bi, be, &fi)) < 0 || (error = any_of(found, &intro_kind, bi)) < 0 || *found)
		return error;
	fv.contact = id;
	if ((error = be->interview_list(&bi, be, &fv)) < 0 || (error = any_of(found, &interview_kind, bi)) < 0 || *found)
		return error;
	ff.contact = id;
	if ((error = be->followup_list(&bi, be, &ff)) < 0)
		return error;
	return any_of(found, &followup_kind, bi);
}

static int contact_cascade(iv_db *db, const char *id)
{
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_interview_filter fv = IV_INTERVIEW_FILTER_INIT;
	iv_intro_filter fi = IV_INTRO_FILTER_INIT;
	iv__strlist ids = { 0 };
	iv_backend_iter *bi = NULL;
	size_t i;
	int error;

	ff.contact = id;
	if ((error = delete_followups(db, &ff)) < 0)
		return error;
	fv.contact = id;
	if ((error = db->be->interview_list(&bi, db->be, &fv)) >= 0)
		error = collect_ids(&ids, &interview_kind, bi);
	for (i = 0; i < ids.count && error >= 0; i++)
		error = delete_interview_tree(db, ids.items[i]);
	iv__strlist_free(&ids);
	if (error < 0)
		return error;
	fi.introducer = id;
	if ((error = db->be->intro_list(&bi, db->be, &fi)) >= 0)
		error = collect_ids(&ids, &intro_kind, bi);
	fi.introducer = NULL;
	fi.introduced = id;
	if (error >= 0 && (error = db->be->intro_list(&bi, db->be, &fi)) >= 0)
		error = collect_ids(&ids, &intro_kind, bi);
	for (i = 0; i < ids.count && error >= 0; i++)
		if ((error = detach_interviews(db, ids.items[i])) >= 0)
			error = remove_one(db, &intro_kind, ids.items[i]);
	iv__strlist_free(&ids);
	return error;
}

static int contact_delete_unguarded(iv_db *db, const char *id, unsigned int flags)
{
	char cid[IV_ID_LEN + 1];
	int found = 0, error;

	if ((error = delete_begin(cid, db, &contact_kind, id, flags)) < 0)
		return error;
	if (flags & IV_DELETE_CASCADE) {
		error = contact_cascade(db, cid);
	} else if ((error = contact_referenced(&found, db, cid)) < 0) {
		error = iv__error_ensure(error, "checking references");
	} else if (found) {
		error = refuse_referenced(&contact_kind, cid, "introductions, interviews or follow-ups");
	}
	/* Notes belong to their contact: they go with it, cascade or not. */
	if (error >= 0)
		error = iv__notes_delete_of(db, cid);
	if (error >= 0)
		error = remove_one(db, &contact_kind, cid);
	return iv__tx_end(db, error);
}

int iv_contact_delete(iv_db *db, const char *id, unsigned int flags)
{
	IV__GUARDED(db, "iv_contact_delete", contact_delete_unguarded(db, id, flags));
}

static int intro_delete_unguarded(iv_db *db, const char *id, unsigned int flags)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_backend_iter *bi = NULL;
	char iid[IV_ID_LEN + 1];
	int found = 0, error;

	if ((error = delete_begin(iid, db, &intro_kind, id, flags)) < 0)
		return error;
	if (flags & IV_DELETE_CASCADE) {
		error = detach_interviews(db, iid);
	} else {
		f.intro = iid;
		if ((error = db->be->interview_list(&bi, db->be, &f)) >= 0)
			error = any_of(&found, &interview_kind, bi);
		if (error >= 0 && found)
			error = refuse_referenced(&intro_kind, iid, "interviews");
	}
	if (error >= 0)
		error = remove_one(db, &intro_kind, iid);
	return iv__tx_end(db, error);
}

int iv_intro_delete(iv_db *db, const char *id, unsigned int flags)
{
	IV__GUARDED(db, "iv_intro_delete", intro_delete_unguarded(db, id, flags));
}

static int interview_delete_unguarded(iv_db *db, const char *id, unsigned int flags)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_backend_iter *bi = NULL;
	char vid[IV_ID_LEN + 1];
	int found = 0, error;

	if ((error = delete_begin(vid, db, &interview_kind, id, flags)) < 0)
		return error;
	if (flags & IV_DELETE_CASCADE) {
		error = delete_interview_tree(db, vid);
	} else {
		f.interview = vid;
		if ((error = db->be->followup_list(&bi, db->be, &f)) >= 0)
			error = any_of(&found, &followup_kind, bi);
		if (error >= 0)
			error = found ? refuse_referenced(&interview_kind, vid, "follow-ups")
				      : remove_interview(db, vid);
	}
	return iv__tx_end(db, error);
}

int iv_interview_delete(iv_db *db, const char *id, unsigned int flags)
{
	IV__GUARDED(db, "iv_interview_delete", interview_delete_unguarded(db, id, flags));
}

static int followup_delete_unguarded(iv_db *db, const char *id, unsigned int flags)
{
	char fid[IV_ID_LEN + 1];
	int error;

	if ((error = delete_begin(fid, db, &followup_kind, id, flags)) < 0)
		return error;
	return iv__tx_end(db, remove_one(db, &followup_kind, fid));
}

int iv_followup_delete(iv_db *db, const char *id, unsigned int flags)
{
	IV__GUARDED(db, "iv_followup_delete", followup_delete_unguarded(db, id, flags));
}

/* --- Lists ---------------------------------------------------------------- */

/* Copies `value` into *own when member `name` of filter `st` is newer than `known`. */
static int post_copy(char **own, const char **handled, size_t *n, int st, unsigned int known,
		     const char *name, const char *value)
{
	if (!value || iv__filter_member_since(st, name) <= known)
		return 0;
	if (!(*own = iv__strdup(value)))
		return iv__oom();
	handled[(*n)++] = name;
	return 0;
}

/*
 * Wraps the backend iterator `bi` that a list operation made (or failed to
 * make: `error`). `st` and `f` are the filter the backend was given, whose
 * members newer than the backend's version the iterator applies itself:
 * `p` holds the values of those the core knows how to apply (the email of a
 * contact filter, and the growth test's simulated next member, see
 * lib/abi.c); a member newer than the backend that the core cannot apply
 * is refused rather than ignored.
 */
static int iter_make(void **out, iv_db *db, const kind *k, iv_backend_iter *bi, int error,
		     int st, const void *f, const post *p)
{
	const char *handled[5], *missing;
	struct iv__iter *it;
	unsigned int known;
	size_t n = 0;

	if (error < 0)
		return iv__error_ensure(error, "listing records");
	if (!bi || !bi->next || !bi->free)
		return iv__error(IV_ERROR, "iv_%s_list: the backend returned no iterator", k->name);
	if ((error = iv__struct_check(IV__ST_BACKEND_ITER, bi->version)) < 0) {
		bi->free(bi);
		return error;
	}
	if (!(it = calloc(1, sizeof(*it)))) {
		bi->free(bi);
		return iv__oom();
	}
	it->bi = bi;
	it->k = k;
	it->db = db;
	it->live.detach = iter_detach;
	iv__live_add(db, &it->live);
	known = iv__filter_version_for_backend(st, db->be->version);
	/* Only a backend older than the filter can miss a member. */
	if (known < iv__struct_current(st) && iv__filter_version_needed(st, f) > known) {
		/* Never silently ignored: the core applies what the backend cannot. */
		if ((error = post_copy(&it->only_id, handled, &n, st, known, "abi_next", p->id)) < 0 ||
		    (error = post_copy(&it->only_email, handled, &n, st, known, "email", p->email)) < 0 ||
		    (error = post_copy(&it->only_url, handled, &n, st, known, "url", p->url)) < 0) {
			iter_free(it);
			return error;
		}
		if (p->number && iv__filter_member_since(st, "number") > known) {
			it->only_number = p->number;
			handled[n++] = "number";
		}
		handled[n] = NULL;
		if ((missing = iv__filter_unapplied(st, f, known, handled))) {
			iter_free(it);
			return iv__error(IV_ERROR, "iv_%s_list: no core filter for %s, which the backend does not know",
					 k->name, missing);
		}
	}
	*out = it;
	return 0;
}

/* Whether contact `c` has the address `email` (ASCII case-insensitively, as backends compare). */
static int has_email(const iv_contact *c, const char *email)
{
	size_t i;

	for (i = 0; i < iv_contact_email_count(c); i++)
		if (iv__ascii_casecmp(iv_contact_email_at(c, i), email) == 0)
			return 1;
	return 0;
}

/* Whether the core's own part of the filter keeps record `r`. */
static int iter_keeps(const struct iv__iter *it, const void *r)
{
	return (!it->only_id || strcmp(it->k->id(r), it->only_id) == 0) &&
	       (!it->only_email || has_email(r, it->only_email)) &&
	       (!it->only_url || (iv_contact_url(r) && iv__ascii_casecmp(iv_contact_url(r), it->only_url) == 0)) &&
	       (!it->only_number || it->k->number(r) == it->only_number);
}

static int iter_next(void **out, struct iv__iter *it)
{
	int error;

	if (it->live.detached) {
		char fn[64];
		snprintf(fn, sizeof(fn), "iv_%s_iter_next", it->k->name);
		return iv__live_gone(fn);
	}
	if (it->over)
		return iv__error(IV_ITEROVER, "no more %ss", it->k->name);
	while ((error = it->bi->next(out, it->bi)) == 0 && !iter_keeps(it, *out)) {
		it->k->free(*out);
		*out = NULL;
	}
	if (error < 0) {
		it->k->free(*out);
		*out = NULL;
		if (error == IV_ITEROVER) {
			it->over = 1;
			return iv__error(IV_ITEROVER, "no more %ss", it->k->name);
		}
		return iv__error_ensure(error, "reading the next record");
	}
	return 0;
}

static void iter_detach(iv__live *l)
{
	struct iv__iter *it = (struct iv__iter *)l;

	it->bi->free(it->bi);
	it->bi = NULL;
}

static void iter_free(struct iv__iter *it)
{
	iv__live_remove(it->db, &it->live);
	if (it->bi)
		it->bi->free(it->bi);
	free(it->only_id);
	free(it->only_email);
	free(it->only_url);
	free(it);
}

#ifdef IV_ABI_NEXT
/* The simulated next version's filter member: only the record with this id. */
# define IV__NEXT_ID(f) ((f).abi_next)
#else
# define IV__NEXT_ID(f) NULL
#endif

/*
 * The public iterator types are distinct for type safety but share one
 * layout; each list function hands out a struct iv__iter under its type.
 */
#define IV__LIST_BEGIN(T, INIT, ST, FN) \
	T f = INIT; \
	post pf; \
	iv_backend_iter *bi = NULL; \
	void *it = NULL; \
	int error; \
	IV__ARG_OF(FN, out); \
	*out = NULL; \
	IV__ARG_OF(FN, db); \
	if (filter && (error = iv__struct_read(&f, ST, filter)) < 0) \
		return error; \
	pf.id = IV__NEXT_ID(f); \
	pf.email = NULL; \
	pf.url = NULL; \
	pf.number = f.number

static int contact_list_unguarded(iv_contact_iter **out, iv_db *db, const iv_contact_filter *filter)
{
	char p[IV_ID_LEN + 1];

	IV__LIST_BEGIN(iv_contact_filter, IV_CONTACT_FILTER_INIT, IV__ST_CONTACT_FILTER, "iv_contact_list");
	if ((f.company && (error = iv__check_text("contact_filter.company", f.company, IV_LIMIT_SHORT, IV__ONELINE)) < 0) ||
	    (f.tag && (error = iv__check_text("contact_filter.tag", f.tag, IV_LIMIT_TAG, IV__ONELINE)) < 0) ||
	    (f.name && (error = iv__check_text("contact_filter.name", f.name, IV_LIMIT_SHORT, IV__ONELINE)) < 0) ||
	    (f.email && (error = iv__check_text("contact_filter.email", f.email, IV_LIMIT_SHORT, IV__ONELINE)) < 0) ||
	    (f.url && (error = iv__check_text("contact_filter.url", f.url, IV_LIMIT_URL, IV__ONELINE)) < 0) ||
	    (error = filter_id_prefix(&f.id_prefix, p, "contact_filter.id_prefix")) < 0 ||
	    (error = filter_number(f.number, "contact_filter.number")) < 0)
		return error;
	pf.email = f.email;
	pf.url = f.url;
	/* Two statements: C does not order the evaluation of arguments. */
	error = db->be->contact_list(&bi, db->be, &f);
	error = iter_make(&it, db, &contact_kind, bi, error, IV__ST_CONTACT_FILTER, &f, &pf);
	*out = it;
	return error;
}

int iv_contact_list(iv_contact_iter **out, iv_db *db, const iv_contact_filter *filter)
{
	IV__GUARDED(db, "iv_contact_list", contact_list_unguarded(out, db, filter));
}

static int intro_list_unguarded(iv_intro_iter **out, iv_db *db, const iv_intro_filter *filter)
{
	char a[IV_ID_LEN + 1], b[IV_ID_LEN + 1], p[IV_ID_LEN + 1];

	IV__LIST_BEGIN(iv_intro_filter, IV_INTRO_FILTER_INIT, IV__ST_INTRO_FILTER, "iv_intro_list");
	if ((error = filter_id(&f.introducer, a, "intro_filter.introducer")) < 0 ||
	    (error = filter_id(&f.introduced, b, "intro_filter.introduced")) < 0 ||
	    (error = filter_id_prefix(&f.id_prefix, p, "intro_filter.id_prefix")) < 0 ||
	    (error = filter_number(f.number, "intro_filter.number")) < 0 ||
	    (error = filter_enum(f.status, "intro_filter.status", "intro_status")) < 0)
		return error;
	/* Two statements: C does not order the evaluation of arguments. */
	error = db->be->intro_list(&bi, db->be, &f);
	error = iter_make(&it, db, &intro_kind, bi, error, IV__ST_INTRO_FILTER, &f, &pf);
	*out = it;
	return error;
}

int iv_intro_list(iv_intro_iter **out, iv_db *db, const iv_intro_filter *filter)
{
	IV__GUARDED(db, "iv_intro_list", intro_list_unguarded(out, db, filter));
}

static int interview_list_unguarded(iv_interview_iter **out, iv_db *db, const iv_interview_filter *filter)
{
	char a[IV_ID_LEN + 1], b[IV_ID_LEN + 1], p[IV_ID_LEN + 1];

	IV__LIST_BEGIN(iv_interview_filter, IV_INTERVIEW_FILTER_INIT, IV__ST_INTERVIEW_FILTER, "iv_interview_list");
	if ((error = filter_id(&f.contact, a, "interview_filter.contact")) < 0 ||
	    (error = filter_id(&f.intro, b, "interview_filter.intro")) < 0 ||
	    (error = filter_id_prefix(&f.id_prefix, p, "interview_filter.id_prefix")) < 0 ||
	    (error = filter_number(f.number, "interview_filter.number")) < 0 ||
	    (error = filter_enum(f.status, "interview_filter.status", "interview_status")) < 0)
		return error;
	/* Two statements: C does not order the evaluation of arguments. */
	error = db->be->interview_list(&bi, db->be, &f);
	error = iter_make(&it, db, &interview_kind, bi, error, IV__ST_INTERVIEW_FILTER, &f, &pf);
	*out = it;
	return error;
}

int iv_interview_list(iv_interview_iter **out, iv_db *db, const iv_interview_filter *filter)
{
	IV__GUARDED(db, "iv_interview_list", interview_list_unguarded(out, db, filter));
}

static int followup_list_unguarded(iv_followup_iter **out, iv_db *db, const iv_followup_filter *filter)
{
	char a[IV_ID_LEN + 1], b[IV_ID_LEN + 1], p[IV_ID_LEN + 1];

	IV__LIST_BEGIN(iv_followup_filter, IV_FOLLOWUP_FILTER_INIT, IV__ST_FOLLOWUP_FILTER, "iv_followup_list");
	if ((error = filter_id(&f.contact, a, "followup_filter.contact")) < 0 ||
	    (error = filter_id(&f.interview, b, "followup_filter.interview")) < 0 ||
	    (f.rule && (error = iv__check_text("followup_filter.rule", f.rule, IV_LIMIT_SHORT, IV__ONELINE | IV__NOSPACE)) < 0) ||
	    (error = filter_id_prefix(&f.id_prefix, p, "followup_filter.id_prefix")) < 0 ||
	    (error = filter_number(f.number, "followup_filter.number")) < 0 ||
	    (error = filter_enum(f.status, "followup_filter.status", "followup_status")) < 0)
		return error;
	/* Two statements: C does not order the evaluation of arguments. */
	if (db->with_contacts && db->be->version >= 5 && db->be->followup_list_contacts)
		error = db->be->followup_list_contacts(&bi, db->be, &f);
	else
		error = db->be->followup_list(&bi, db->be, &f);
	error = iter_make(&it, db, &followup_kind, bi, error, IV__ST_FOLLOWUP_FILTER, &f, &pf);
	*out = it;
	return error;
}

int iv_followup_list(iv_followup_iter **out, iv_db *db, const iv_followup_filter *filter)
{
	IV__GUARDED(db, "iv_followup_list", followup_list_unguarded(out, db, filter));
}

/* --- Filter initialisers -------------------------------------------------- */

IV__DEFINE_INIT(iv_contact_filter_init, iv_contact_filter, IV_CONTACT_FILTER_INIT, IV__ST_CONTACT_FILTER)
IV__DEFINE_INIT(iv_intro_filter_init, iv_intro_filter, IV_INTRO_FILTER_INIT, IV__ST_INTRO_FILTER)
IV__DEFINE_INIT(iv_interview_filter_init, iv_interview_filter, IV_INTERVIEW_FILTER_INIT, IV__ST_INTERVIEW_FILTER)
IV__DEFINE_INIT(iv_followup_filter_init, iv_followup_filter, IV_FOLLOWUP_FILTER_INIT, IV__ST_FOLLOWUP_FILTER)
