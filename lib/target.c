/*
 * Target employers: records of their own, stored by backends of version 6,
 * and the ranked plan computed from the network (the LAMP order).
 */
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "db.h"
#include "util.h"

enum { T_ID, T_NAME, T_NOTE, T_NTEXT };

#define RANK_MAX 1000000

struct iv_target {
	int64_t number;
	iv__strlist text; /* T_NTEXT entries, NULL when unset */
	iv__strlist aliases;
	int motivation, posting, rank;
	iv_time created, updated;
};

static char *no_text[T_NTEXT];
static const iv_target blank = { .text = { no_text, T_NTEXT, T_NTEXT }, .motivation = 2 };

int iv_target_new(iv_target **out)
{
	IV__ARG(out);
	return iv_target_dup(out, &blank);
}

int iv_target_dup(iv_target **out, const iv_target *t)
{
	iv_target *d;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(t);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *t;
	d->text = d->aliases = (iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &t->text) < 0 || iv__strlist_copy(&d->aliases, &t->aliases) < 0) {
		iv__strlist_free(&d->text);
		free(d);
		return IV_ENOMEM;
	}
	*out = d;
	return 0;
}

void iv_target_free(iv_target *t)
{
	if (!t)
		return;
	iv__strlist_free(&t->text);
	iv__strlist_free(&t->aliases);
	free(t);
}

const char *iv_target_id(const iv_target *t)
{
	return t ? t->text.items[T_ID] : NULL;
}

int iv_target_set_id(iv_target *t, const char *id)
{
	IV__ARG(t);
	return iv__set_id(&t->text.items[T_ID], "target.id", id, 1);
}

int64_t iv_target_number(const iv_target *t)
{
	return t ? t->number : 0;
}

int iv_target_set_number(iv_target *t, int64_t number)
{
	IV__ARG(t);
	if (number < 0)
		return iv__error(IV_EINVALID, "target.number: %lld is negative", (long long)number);
	t->number = number;
	return 0;
}

iv_time iv_target_created(const iv_target *t)
{
	return t ? t->created : 0;
}

iv_time iv_target_updated(const iv_target *t)
{
	return t ? t->updated : 0;
}

void iv_target_set_times(iv_target *t, iv_time created, iv_time updated)
{
	if (t) {
		t->created = created;
		t->updated = updated;
	}
}

const char *iv_target_name(const iv_target *t)
{
	return t ? t->text.items[T_NAME] : NULL;
}

int iv_target_set_name(iv_target *t, const char *name)
{
	int error;

	IV__ARG(t);
	if (!name || !*name)
		return iv__error(IV_EINVALID, "target.name: a target needs a name");
	if ((error = iv__check_text("target.name", name, IV_LIMIT_SHORT, IV__ONELINE | IV__NONBLANK)) < 0)
		return error;
	if (iv__strlist_find_nocase(&t->aliases, name) >= 0)
		return iv__error(IV_EINVALID, "target.name: '%.60s' is already one of the target's aliases; "
				 "remove the alias first", name);
	return iv__set_text(&t->text.items[T_NAME], "target.name", name, IV_LIMIT_SHORT, IV__ONELINE | IV__NONBLANK);
}

int iv_target_motivation(const iv_target *t)
{
	return t ? t->motivation : 0;
}

int iv_target_set_motivation(iv_target *t, int motivation)
{
	IV__ARG(t);
	if (motivation < 1 || motivation > 3)
		return iv__error(IV_EINVALID, "target.motivation: %d is not 1, 2 or 3 (3 is the most)", motivation);
	t->motivation = motivation;
	return 0;
}

int iv_target_posting(const iv_target *t)
{
	return t ? t->posting : 0;
}

int iv_target_set_posting(iv_target *t, int posting)
{
	IV__ARG(t);
	if (posting != 0 && posting != 1)
		return iv__error(IV_EINVALID, "target.posting: %d is not 0 (no posting) or 1 (a posting)", posting);
	t->posting = posting;
	return 0;
}

const char *iv_target_note(const iv_target *t)
{
	return t ? t->text.items[T_NOTE] : NULL;
}

int iv_target_set_note(iv_target *t, const char *note)
{
	IV__ARG(t);
	return iv__set_text(&t->text.items[T_NOTE], "target.note", note, IV_LIMIT_TEXT, 0);
}

int iv_target_rank(const iv_target *t)
{
	return t ? t->rank : 0;
}

int iv_target_set_rank(iv_target *t, int rank)
{
	IV__ARG(t);
	if (rank < 0 || rank > RANK_MAX)
		return iv__error(IV_EINVALID, "target.rank: %d is out of range (0 for none, else 1 to %d)", rank,
				 RANK_MAX);
	t->rank = rank;
	return 0;
}

size_t iv_target_alias_count(const iv_target *t)
{
	return t ? t->aliases.count : 0;
}

const char *iv_target_alias_at(const iv_target *t, size_t i)
{
	return t && i < t->aliases.count ? t->aliases.items[i] : NULL;
}

int iv_target_add_alias(iv_target *t, const char *alias)
{
	int error;

	IV__ARG(t);
	if (!alias || !*alias)
		return iv__error(IV_EINVALID, "target.alias: an alias cannot be empty");
	if ((error = iv__check_text("target.alias", alias, IV_LIMIT_SHORT, IV__ONELINE | IV__NONBLANK)) < 0)
		return error;
	if (iv_target_name(t) && iv__ascii_casecmp(iv_target_name(t), alias) == 0)
		return iv__error(IV_EINVALID, "target.alias: '%.60s' is the target's name; an alias is another name",
				 alias);
	if (iv__strlist_find_nocase(&t->aliases, alias) >= 0)
		return iv__error(IV_EEXISTS, "target.alias: '%.60s' is already an alias of the target", alias);
	if (t->aliases.count >= IV_LIMIT_LIST)
		return iv__error(IV_EINVALID, "target.alias: too many (at most %d)", IV_LIMIT_LIST);
	return iv__strlist_insert(&t->aliases, t->aliases.count, alias);
}

int iv_target_remove_alias(iv_target *t, const char *alias)
{
	long i;

	IV__ARG(t);
	if ((i = alias ? iv__strlist_find_nocase(&t->aliases, alias) : -1) < 0)
		return iv__error(IV_ENOTFOUND, "target.alias: '%.60s' is not an alias of the target",
				 alias ? alias : "");
	iv__strlist_remove(&t->aliases, (size_t)i);
	return 0;
}

void iv_target_clear_aliases(iv_target *t)
{
	if (t)
		iv__strlist_free(&t->aliases);
}

/* --- Storing -------------------------------------------------------------- */

/* IV_EVERSION unless the store's backend keeps targets. */
static int targets_kept(iv_db *db, const char *fn)
{
	if (db->be->version < 6)
		return iv__error(IV_EVERSION, "%s: targets need a backend of version 6; this store's is version %u",
				 fn, db->be->version);
	return 0;
}

/*
 * IV_EEXISTS if another target than `t` has `name` as its name or an alias:
 * each company matches one target at most.
 */
static int name_free(iv_db *db, const iv_target *t, const char *name)
{
	iv_target_filter f = IV_TARGET_FILTER_INIT;
	iv_backend_iter *bi = NULL;
	void *r = NULL;
	int error;

	f.name = name;
	if ((error = db->be->target_list(&bi, db->be, &f)) < 0)
		return iv__error_ensure(error, "listing targets");
	while ((error = bi->next(&r, bi)) == 0) {
		const iv_target *o = r;
		int other = !iv_target_id(t) || strcmp(iv_target_id(o), iv_target_id(t)) != 0;

		if (other)
			error = iv__error(IV_EEXISTS, "target '%.60s' already goes by '%.60s'; a company can be one "
					  "target only", iv_target_name(o), name);
		iv_target_free(r);
		r = NULL;
		if (error < 0)
			break;
	}
	bi->free(bi);
	if (error == IV_ITEROVER)
		return 0;
	return error < 0 ? iv__error_ensure(error, "listing targets") : 0;
}

int iv__target_names_check(iv_db *db, const iv_target *t)
{
	size_t i;
	int error;

	if ((error = name_free(db, t, iv_target_name(t))) < 0)
		return error;
	for (i = 0; i < t->aliases.count; i++)
		if ((error = name_free(db, t, t->aliases.items[i])) < 0)
			return error;
	return 0;
}

static int target_insert_unguarded(iv_db *db, iv_target *t)
{
	char id[IV_ID_LEN + 1];
	iv_time now;
	int64_t number;
	int generated = 0, error;

	IV__ARG_OF("iv_target_insert", db);
	IV__ARG_OF("iv_target_insert", t);
	if ((error = targets_kept(db, "iv_target_insert")) < 0)
		return error;
	if (!iv_target_name(t))
		return iv__error(IV_EINVALID, "target.name: a target needs a name");
	number = t->number;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if (!iv_target_id(t)) {
		iv__id_generate(id);
		generated = (error = iv_target_set_id(t, id)) >= 0;
	}
	if (error >= 0 && (error = iv__target_names_check(db, t)) >= 0 && (error = iv__number_next(&t->number, db, "target")) >= 0 &&
	    (error = iv__now(&now, db)) >= 0) {
		t->created = t->updated = now;
		if ((error = db->be->target_insert(db->be, t)) == IV_EEXISTS)
			error = iv__error(IV_EEXISTS, "target %s already exists", iv_target_id(t));
		else if (error < 0)
			error = iv__error_ensure(error, "storing a target");
	}
	if ((error = iv__tx_end(db, error)) < 0) {
		t->created = t->updated = 0;
		t->number = number;
		if (generated)
			iv_target_set_id(t, NULL);
	}
	return error;
}

int iv_target_insert(iv_db *db, iv_target *t)
{
	IV__GUARDED(db, "iv_target_insert", target_insert_unguarded(db, t));
}

static int target_get(iv_target **out, iv_db *db, const char *id)
{
	int error = db->be->target_get(out, db->be, id);

	if (error >= 0)
		return 0;
	iv_target_free(*out);
	*out = NULL;
	if (error == IV_ENOTFOUND)
		return iv__error(IV_ENOTFOUND, "target %s not found", id);
	return iv__error_ensure(error, "reading a target");
}

static int target_update_unguarded(iv_db *db, iv_target *t)
{
	char id[IV_ID_LEN + 1];
	iv_target *old = NULL;
	iv_time now, updated, created;
	int64_t number;
	int error;

	IV__ARG_OF("iv_target_update", db);
	IV__ARG_OF("iv_target_update", t);
	if ((error = targets_kept(db, "iv_target_update")) < 0)
		return error;
	if (!iv_target_id(t))
		return iv__error(IV_EINVALID, "iv_target_update: the target has no id; store it with iv_target_insert()");
	if (!iv_target_name(t))
		return iv__error(IV_EINVALID, "target.name: a target needs a name");
	memcpy(id, iv_target_id(t), sizeof(id));
	updated = t->updated;
	created = t->created;
	number = t->number;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = target_get(&old, db, id)) >= 0 && (error = iv__target_names_check(db, t)) >= 0 &&
	    (error = iv__now(&now, db)) >= 0) {
		t->created = old->created;
		t->number = old->number;
		t->updated = now;
		if ((error = db->be->target_update(db->be, t)) == IV_ENOTFOUND)
			error = iv__error(IV_ENOTFOUND, "target %s not found", id);
		else if (error < 0)
			error = iv__error_ensure(error, "updating a target");
	}
	iv_target_free(old);
	if ((error = iv__tx_end(db, error)) < 0) {
		t->updated = updated;
		t->created = created;
		t->number = number;
	}
	return error;
}

int iv_target_update(iv_db *db, iv_target *t)
{
	IV__GUARDED(db, "iv_target_update", target_update_unguarded(db, t));
}

static int target_lookup_unguarded(iv_target **out, iv_db *db, const char *id)
{
	char buf[IV_ID_LEN + 1];
	int error;

	IV__ARG_OF("iv_target_lookup", out);
	*out = NULL;
	IV__ARG_OF("iv_target_lookup", db);
	IV__ARG_OF("iv_target_lookup", id);
	if ((error = iv__parse_id(buf, "id", id)) < 0 || (error = targets_kept(db, "iv_target_lookup")) < 0)
		return error;
	return target_get(out, db, buf);
}

int iv_target_lookup(iv_target **out, iv_db *db, const char *id)
{
	IV__GUARDED(db, "iv_target_lookup", target_lookup_unguarded(out, db, id));
}

static int target_delete_unguarded(iv_db *db, const char *id)
{
	char buf[IV_ID_LEN + 1];
	iv_target *t = NULL;
	int error;

	IV__ARG_OF("iv_target_delete", db);
	IV__ARG_OF("iv_target_delete", id);
	if ((error = iv__parse_id(buf, "id", id)) < 0 || (error = targets_kept(db, "iv_target_delete")) < 0 ||
	    (error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = target_get(&t, db, buf)) >= 0 && (error = db->be->target_delete(db->be, buf)) < 0)
		error = iv__error_ensure(error, "deleting a target");
	iv_target_free(t);
	return iv__tx_end(db, error);
}

int iv_target_delete(iv_db *db, const char *id)
{
	IV__GUARDED(db, "iv_target_delete", target_delete_unguarded(db, id));
}

/* --- Listing ---------------------------------------------------------------- */

struct iv_target_iter {
	iv__biter b; /* first */
};

IV__DEFINE_INIT(iv_target_filter_init, iv_target_filter, IV_TARGET_FILTER_INIT, IV__ST_TARGET_FILTER)

static int target_list_unguarded(iv_target_iter **out, iv_db *db, const iv_target_filter *filter)
{
	iv_target_filter f = IV_TARGET_FILTER_INIT;
	char prefix[IV_ID_LEN + 1];
	iv_backend_iter *bi = NULL;
	void *it = NULL;
	int error;

	IV__ARG_OF("iv_target_list", out);
	*out = NULL;
	IV__ARG_OF("iv_target_list", db);
	if (filter && (error = iv__struct_read(&f, IV__ST_TARGET_FILTER, filter)) < 0)
		return error;
	if ((error = targets_kept(db, "iv_target_list")) < 0)
		return error;
	if (f.id_prefix) {
		if ((error = iv__parse_id_prefix(prefix, "target_filter.id_prefix", f.id_prefix)) < 0)
			return error;
		f.id_prefix = prefix;
	}
	if (f.number < 0)
		return iv__error(IV_EINVALID, "target_filter.number: %lld is negative (0 for any)", (long long)f.number);
	if (f.name && !*f.name)
		f.name = NULL;
	/* Two statements: C does not order the evaluation of arguments. */
	error = db->be->target_list(&bi, db->be, &f);
	if ((error = iv__biter_make(&it, sizeof(iv_target_iter), db, bi, error, "target")) == 0)
		*out = it;
	return error;
}

int iv_target_list(iv_target_iter **out, iv_db *db, const iv_target_filter *filter)
{
	IV__GUARDED(db, "iv_target_list", target_list_unguarded(out, db, filter));
}

static void target_free_(void *r)
{
	iv_target_free(r);
}

static int target_iter_next_unguarded(iv_target **out, iv_target_iter *it)
{
	void *r = NULL;
	int error;

	if ((error = iv__biter_next(&r, &it->b, target_free_, "target")) == 0)
		*out = r;
	return error;
}

int iv_target_iter_next(iv_target **out, iv_target_iter *it)
{
	iv_db *db;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(it);
	/* A detached iterator's store is gone: say so without it. */
	db = it->b.live.detached ? NULL : it->b.db;
	if (!db)
		return target_iter_next_unguarded(out, it);
	IV__GUARDED(db, "iv_target_iter_next", target_iter_next_unguarded(out, it));
}

void iv_target_iter_free(iv_target_iter *it)
{
	iv__biter_free(it ? &it->b : NULL);
}

/* --- The ranked plan ------------------------------------------------------ */

struct iv_target_plan_item {
	iv_target *target;
	int degree;
	size_t people;
	iv_path *path;
	int step;
	char *contact, *contact_name, *about, *about_name;
};

struct iv_target_plan_iter {
	iv_target_plan_item **items;
	size_t count, next;
};

void iv_target_plan_item_free(iv_target_plan_item *item)
{
	if (!item)
		return;
	iv_target_free(item->target);
	iv_path_free(item->path);
	free(item->contact);
	free(item->contact_name);
	free(item->about);
	free(item->about_name);
	free(item);
}

void iv_target_plan_iter_free(iv_target_plan_iter *it)
{
	size_t i;

	if (!it)
		return;
	for (i = it->next; i < it->count; i++)
		iv_target_plan_item_free(it->items[i]);
	free(it->items);
	free(it);
}

const iv_target *iv_target_plan_item_target(const iv_target_plan_item *item)
{
	return item ? item->target : NULL;
}

int iv_target_plan_item_degree(const iv_target_plan_item *item)
{
	return item ? item->degree : 0;
}

size_t iv_target_plan_item_people(const iv_target_plan_item *item)
{
	return item ? item->people : 0;
}

const iv_path *iv_target_plan_item_path(const iv_target_plan_item *item)
{
	return item ? item->path : NULL;
}

int iv_target_plan_item_step(const iv_target_plan_item *item)
{
	return item ? item->step : 0;
}

const char *iv_target_plan_item_step_contact(const iv_target_plan_item *item)
{
	return item ? item->contact : NULL;
}

const char *iv_target_plan_item_step_contact_name(const iv_target_plan_item *item)
{
	return item ? item->contact_name : NULL;
}

const char *iv_target_plan_item_step_about(const iv_target_plan_item *item)
{
	return item ? item->about : NULL;
}

const char *iv_target_plan_item_step_about_name(const iv_target_plan_item *item)
{
	return item ? item->about_name : NULL;
}

/* Whether an introduction to contact `id` was made: then you know them. */
static int introduced_to(int *out, iv_db *db, const char *id)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	*out = 0;
	f.introduced = id;
	f.status = IV_INTRO_MADE;
	if ((error = iv_intro_list(&it, db, &f)) < 0)
		return error;
	if ((error = iv_intro_iter_next(&in, it)) == 0)
		*out = 1;
	iv_intro_free(in);
	iv_intro_iter_free(it);
	return error == 0 || error == IV_ITEROVER ? 0 : error;
}

/*
 * Where you stand on path `p`: the index of its last contact you know, the
 * first (known directly) or one an introduction was made to (by whoever,
 * not only by the one before on the path). Only the contacts after the one
 * found are asked about.
 */
static int known_index(size_t *out, iv_db *db, const iv_path *p)
{
	size_t i = iv_path_length(p);
	int error, made;

	*out = 0;
	while (--i > 0) {
		if ((error = introduced_to(&made, db, iv_path_contact_at(p, i))) < 0)
			return error;
		if (made) {
			*out = i;
			return 0;
		}
	}
	return 0;
}

/* The best path among those to the people at `company`, as `item` holds it so far. */
static int take_company(iv_target_plan_item *item, size_t *known, iv_db *db, const char *company)
{
	iv_path_iter *pit = NULL;
	iv_path *p = NULL;
	size_t j;
	int error, degree;

	if ((error = iv_db_company_paths(&pit, db, company)) < 0)
		return error;
	while ((error = iv_path_iter_next(&p, pit)) == 0) {
		if ((error = known_index(&j, db, p)) < 0)
			break;
		degree = (int)(iv_path_length(p) - j);
		if (item->degree && degree > item->degree) {
			iv_path_free(p);
		} else if (item->degree == degree) {
			item->people++;
			/* Equal degrees: the shorter path, else the first found. */
			if (iv_path_length(p) < iv_path_length(item->path)) {
				iv_path_free(item->path);
				item->path = p;
				*known = j;
			} else {
				iv_path_free(p);
			}
		} else {
			iv_path_free(item->path);
			item->path = p;
			*known = j;
			item->degree = degree;
			item->people = 1;
		}
		p = NULL;
	}
	iv_path_free(p);
	iv_path_iter_free(pit);
	return error == IV_ITEROVER ? 0 : error;
}

/* The id and name of contact `id`, copied. */
static int name_of(char **id_out, char **name_out, iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	int error;

	if ((error = iv_contact_lookup(&c, db, id)) < 0)
		return error;
	*id_out = iv__strdup(id);
	*name_out = iv__strdup(iv_contact_name(c));
	iv_contact_free(c);
	return *id_out && *name_out ? 0 : IV_ENOMEM;
}

/* Whether an interview with contact `id` has one of the `n` statuses in `open`. */
static int interview_in(int *out, iv_db *db, const char *id, const int *open, size_t n)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	size_t i;
	int error = 0;

	*out = 0;
	f.contact = id;
	for (i = 0; i < n && !*out; i++) {
		f.status = open[i];
		if ((error = iv_interview_list(&it, db, &f)) < 0)
			return error;
		if ((error = iv_interview_iter_next(&iv, it)) == 0)
			*out = 1;
		iv_interview_free(iv);
		iv = NULL;
		iv_interview_iter_free(it);
		if (error < 0 && error != IV_ITEROVER)
			return error;
	}
	return 0;
}

/* Whether an interview with contact `id` is requested or scheduled. */
static int interview_open(int *out, iv_db *db, const char *id)
{
	static const int open[] = { IV_INTERVIEW_REQUESTED, IV_INTERVIEW_SCHEDULED };

	return interview_in(out, db, id, open, sizeof(open) / sizeof(open[0]));
}

/* Whether you have talked with contact `id`: an interview with them completed. */
static int interview_held(int *out, iv_db *db, const char *id)
{
	static const int held[] = { IV_INTERVIEW_COMPLETED };

	return interview_in(out, db, id, held, 1);
}

/* Whether `from` was asked to introduce you to `to` and has not answered. */
static int intro_open(int *out, iv_db *db, const char *from, const char *to)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	*out = 0;
	f.introducer = from;
	f.introduced = to;
	f.status = IV_INTRO_REQUESTED;
	if ((error = iv_intro_list(&it, db, &f)) < 0)
		return error;
	if ((error = iv_intro_iter_next(&in, it)) == 0)
		*out = 1;
	iv_intro_free(in);
	iv_intro_iter_free(it);
	return error == 0 || error == IV_ITEROVER ? 0 : error;
}

/* Advocacy, people, path and next step of the target in `item`. */
static int plan_target(iv_target_plan_item *item, iv_db *db)
{
	const iv_target *t = item->target;
	size_t known = 0, i, last;
	int error, open, held = 0;

	if ((error = take_company(item, &known, db, iv_target_name(t))) < 0)
		return error;
	for (i = 0; i < iv_target_alias_count(t); i++)
		if ((error = take_company(item, &known, db, iv_target_alias_at(t, i))) < 0)
			return error;
	if (!item->path) {
		item->step = IV_TARGET_STEP_FIND;
		return 0;
	}
	last = iv_path_length(item->path) - 1;
	if (known == last) {
		if ((error = name_of(&item->contact, &item->contact_name, db, iv_path_contact_at(item->path, last))) < 0 ||
		    (error = interview_open(&open, db, item->contact)) < 0 ||
		    (!open && (error = interview_held(&held, db, item->contact)) < 0))
			return error;
		item->step = open ? IV_TARGET_STEP_WAIT : held ? IV_TARGET_STEP_FOLLOW_UP : IV_TARGET_STEP_REQUEST;
		return 0;
	}
	if ((error = name_of(&item->contact, &item->contact_name, db, iv_path_contact_at(item->path, known))) < 0 ||
	    (error = name_of(&item->about, &item->about_name, db, iv_path_contact_at(item->path, known + 1))) < 0 ||
	    (error = intro_open(&open, db, item->contact, item->about)) < 0)
		return error;
	item->step = open ? IV_TARGET_STEP_WAIT : IV_TARGET_STEP_ASK_INTRO;
	return 0;
}

/* The LAMP order: motivation, advocacy, posting, then the user's rank, name and id. */
static int lamp_order(const void *pa, const void *pb)
{
	const iv_target_plan_item *a = *(iv_target_plan_item *const *)pa, *b = *(iv_target_plan_item *const *)pb;
	const iv_target *x = a->target, *y = b->target;
	int d;

	if ((d = iv_target_motivation(y) - iv_target_motivation(x)) != 0)
		return d;
	if (a->degree != b->degree)
		return !a->degree ? 1 : !b->degree ? -1 : a->degree - b->degree;
	if ((d = iv_target_posting(y) - iv_target_posting(x)) != 0)
		return d;
	if (iv_target_rank(x) != iv_target_rank(y))
		return !iv_target_rank(x) ? 1 : !iv_target_rank(y) ? -1 : iv_target_rank(x) - iv_target_rank(y);
	if ((d = iv__ascii_casecmp(iv_target_name(x), iv_target_name(y))) != 0)
		return d;
	return strcmp(iv_target_id(x), iv_target_id(y));
}

static int target_plan_unguarded(iv_target_plan_iter **out, iv_db *db)
{
	iv_target_filter f = IV_TARGET_FILTER_INIT;
	iv_target_plan_iter *it;
	iv_backend_iter *bi = NULL;
	void *r = NULL;
	size_t cap = 0, i;
	int error;

	IV__ARG_OF("iv_target_plan", out);
	*out = NULL;
	IV__ARG_OF("iv_target_plan", db);
	if ((error = targets_kept(db, "iv_target_plan")) < 0)
		return error;
	if (!(it = calloc(1, sizeof(*it))))
		return iv__oom();
	if ((error = db->be->target_list(&bi, db->be, &f)) < 0) {
		free(it);
		return iv__error_ensure(error, "listing targets");
	}
	while ((error = bi->next(&r, bi)) == 0) {
		iv_target_plan_item *item;

		if (it->count == cap) {
			iv_target_plan_item **grown = realloc(it->items, (cap ? cap * 2 : 8) * sizeof(*grown));
			if (!grown) {
				error = iv__oom();
				break;
			}
			it->items = grown;
			cap = cap ? cap * 2 : 8;
		}
		if (!(item = calloc(1, sizeof(*item)))) {
			error = iv__oom();
			break;
		}
		item->target = r;
		r = NULL;
		it->items[it->count++] = item;
	}
	iv_target_free(r);
	bi->free(bi);
	if (error == IV_ITEROVER)
		error = 0;
	else
		error = iv__error_ensure(error, "listing targets");
	for (i = 0; error >= 0 && i < it->count; i++)
		error = plan_target(it->items[i], db);
	if (error < 0) {
		iv_target_plan_iter_free(it);
		return error == IV_ENOMEM ? iv__oom() : error;
	}
	if (it->count > 1)
		qsort(it->items, it->count, sizeof(*it->items), lamp_order);
	*out = it;
	return 0;
}

int iv_target_plan(iv_target_plan_iter **out, iv_db *db)
{
	IV__GUARDED(db, "iv_target_plan", target_plan_unguarded(out, db));
}

int iv_target_plan_next(iv_target_plan_item **out, iv_target_plan_iter *it)
{
	IV__ARG(out);
	*out = NULL;
	IV__ARG(it);
	if (it->next >= it->count)
		return iv__error(IV_ITEROVER, "no more targets in the plan");
	*out = it->items[it->next];
	it->items[it->next++] = NULL;
	return 0;
}
