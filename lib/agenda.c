/*
 * The agenda: what to do at a moment, assembled from the public lists so
 * that every backend gives the same answer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "records.h"
#include "util.h"
#include "workflow.h"

#define DEFAULT_HORIZON ((int64_t)7 * 24 * 3600)
/* How many targets' next steps the weekly plan lists: the top of the list is what to work on. */
#define PLAN_STEPS 5

struct iv_agenda_item {
	int kind;
	iv_time time;
	int overdue;
	int64_t waiting;
	iv_followup *followup;
	iv_interview *interview;
	iv_contact *contact;
	iv_target_plan_item *plan;
};

/* An interview of the second or third section, with the time it is sorted by. */
typedef struct entry {
	iv_time time;
	iv_interview *iv;    /* NULL once handed to an item */
} entry;

typedef struct section {
	entry *items;
	size_t n;
	size_t pos;
} section;

/* Which follow-ups the iterator is handing out. */
enum { READ_NOW, READ_LATER, READ_DONE };

/* The follow-ups doable later today, kept while those doable now are handed out. */
typedef struct later_list {
	iv_followup **items;
	size_t n, alloc, pos;
} later_list;

struct iv_agenda_iter {
	iv__live live; /* first */
	iv_db *db;
	iv_time at;
	/* Version 2: follow-ups doable after `at` up to `until` are listed too; else until == at. */
	iv_time until;
	/*
	 * The follow-ups can be many, so those doable at `at` stream, from one
	 * list of the pending ones doable by `until` (an index range of what
	 * is due, whatever else is pending); those doable after `at` (a day's
	 * worth at most) are kept aside and handed out after them.
	 */
	int reading;
	iv_followup_iter *followups;
	later_list later;
	section scheduled;
	section no_reply;
	section waiting;
	/* The plan's next steps (version 3, on the plan's day), handed out last. */
	iv_target_plan_item *plan[PLAN_STEPS];
	size_t nplan, plan_pos;
};


IV__DEFINE_INIT(iv_agenda_options_init, iv_agenda_options, IV_AGENDA_OPTIONS_INIT, IV__ST_AGENDA_OPTIONS)

/* --- Collecting the interviews ------------------------------------------- */

static iv_time interview_time(const iv_interview *iv)
{
	iv_time t;

	if (iv_interview_status(iv) == IV_INTERVIEW_SCHEDULED)
		return iv_interview_scheduled_at(iv);
	/* A request stored without its time counts from when it was recorded. */
	t = iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED);
	return t ? t : iv_interview_created(iv);
}

static int entry_cmp(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;

	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return strcmp(iv_interview_id(a->iv), iv_interview_id(b->iv));
}

static int section_add(section *s, size_t *alloc, iv_interview *iv)
{
	if (s->n == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 8;
		entry *grown = n <= SIZE_MAX / sizeof(entry) ? realloc(s->items, n * sizeof(entry)) : NULL;
		if (!grown)
			return iv__oom();
		s->items = grown;
		*alloc = n;
	}
	s->items[s->n].time = interview_time(iv);
	s->items[s->n++].iv = iv;
	return 0;
}

/* Reads the interviews in `status` whose time is at most `limit`, in time order. */
static int section_load(section *s, iv_db *db, int status, iv_time limit)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	size_t alloc = 0;
	int error;

	f.status = status;
	if ((error = iv_interview_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		if (interview_time(iv) > limit)
			iv_interview_free(iv);
		else if ((error = section_add(s, &alloc, iv)) < 0) {
			iv_interview_free(iv);
			break;
		}
	}
	iv_interview_iter_free(it);
	if (error != IV_ITEROVER)
		return error;
	if (s->n)
		qsort(s->items, s->n, sizeof(entry), entry_cmp);
	return 0;
}

/*
 * Moves the requests of `waiting` whose last nudge has passed by `at` to
 * `no_reply`, keeping the order of both.
 */
static int section_split_no_reply(section *no_reply, section *waiting, iv_db *db, iv_time at)
{
	iv_rules rules = IV_RULES_INIT;
	size_t i, kept = 0, alloc = 0;
	iv_time from;
	int error;

	if (!waiting->n)
		return 0;
	if ((error = iv_rules_get(&rules, db)) < 0)
		return error;
	/* Each interview is owned by exactly one slot at every step, so an error frees each once. */
	for (i = 0; i < waiting->n; i++) {
		entry e = waiting->items[i];
		if ((error = iv__no_reply_from(&from, db, e.iv, &rules)) < 0)
			return error;
		waiting->items[i].iv = NULL;
		if (from > at)
			waiting->items[kept++] = e;
		else if ((error = section_add(no_reply, &alloc, e.iv)) < 0) {
			waiting->items[i].iv = e.iv;
			return error;
		}
	}
	waiting->n = kept;
	return 0;
}

static void section_free(section *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		iv_interview_free(s->items[i].iv);
	free(s->items);
}

/* --- The weekly plan ------------------------------------------------------- */

/* Whether the plan's steps are listed at `at`: always, never, or on the store's plan day. */
static int plan_today(int *yes, iv_db *db, int plan, iv_time at)
{
	iv_rules rules = IV_RULES_INIT;
	time_t t = (time_t)at;
	struct tm tm;
	int error;

	*yes = plan > 0;
	if (plan != 0)
		return 0;
	if ((error = iv_rules_get(&rules, db)) < 0)
		return error;
	/* tm_wday counts from Sunday (0); plan_day from Monday (1) to Sunday (7). */
	*yes = rules.plan_day && localtime_r(&t, &tm) && (tm.tm_wday == 0 ? 7 : tm.tm_wday) == rules.plan_day;
	return 0;
}

/* The first PLAN_STEPS targets of the plan with a step to take; none from a backend without targets. */
static int plan_load(iv_agenda_iter *it)
{
	iv_target_plan_iter *pi = NULL;
	iv_target_plan_item *item = NULL;
	int error;

	if ((error = iv_target_plan(&pi, it->db)) == IV_EVERSION) {
		iv_error_clear();
		return 0;
	}
	if (error < 0)
		return error;
	while (it->nplan < PLAN_STEPS && (error = iv_target_plan_next(&item, pi)) == 0) {
		if (iv_target_plan_item_step(item) == IV_TARGET_STEP_WAIT)
			iv_target_plan_item_free(item);
		else
			it->plan[it->nplan++] = item;
		item = NULL;
	}
	iv_target_plan_iter_free(pi);
	return error == IV_ITEROVER || it->nplan == PLAN_STEPS ? 0 : error;
}

/* --- The iterator ---------------------------------------------------------- */

static int agenda_unguarded(iv_agenda_iter **out, iv_db *db, const iv_agenda_options *opts)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it;
	int64_t horizon = DEFAULT_HORIZON;
	/* NULL options are version 1's defaults: the agenda of 0.1.0. */
	unsigned int version = opts ? opts->version : 1;
	iv_time limit;
	int error, plan = 0;

	IV__ARG_OF("iv_agenda", out);
	*out = NULL;
	IV__ARG_OF("iv_agenda", db);
	/* Only as much of the caller's options as its version has. */
	if (opts && (error = iv__struct_read(&o, IV__ST_AGENDA_OPTIONS, opts)) < 0)
		return error;
	if (o.horizon < 0)
		return iv__error(IV_EINVALID, "iv_agenda_options.horizon: must not be negative (got %lld)",
				 (long long)o.horizon);
	if (o.until < 0)
		return iv__error(IV_EINVALID, "iv_agenda_options.until: must not be negative (got %lld)",
				 (long long)o.until);
	if (o.plan < IV_AGENDA_PLAN_NEVER || o.plan > IV_AGENDA_PLAN_ALWAYS)
		return iv__error(IV_EINVALID, "iv_agenda_options.plan: %d is not -1 (never), 0 (on the plan's day) "
				 "or 1 (always)", o.plan);
	/* The waiting times are `at` minus a record's time: both in range, no overflow. */
	if ((error = iv__check_time("iv_agenda_options.at", o.at)) < 0)
		return error;
	if (o.horizon)
		horizon = o.horizon;
	if (!(it = calloc(1, sizeof(*it))))
		return iv__oom();
	it->db = db;
	/*
	 * No detach(): nothing of its own to release when the store goes; the
	 * follow-up iterator inside is an open iterator of the store itself.
	 */
	iv__live_add(db, &it->live);
	it->at = o.at;
	if (!it->at && (error = iv__now(&it->at, db)) < 0) {
		iv_agenda_iter_free(it);
		return error;
	}
	limit = it->at > INT64_MAX - horizon ? INT64_MAX : it->at + horizon;
	it->until = it->at;
	if (version >= 2)
		it->until = o.until ? o.until : iv__local_day_last(it->at);
	f.status = IV_FOLLOWUP_PENDING;
	f.earliest_before = it->until;
	/* Each item is a follow-up and its contact: one join where the backend can. */
	db->with_contacts = 1;
	error = iv_followup_list(&it->followups, db, &f);
	db->with_contacts = 0;
	if (error < 0 ||
	    (error = section_load(&it->scheduled, db, IV_INTERVIEW_SCHEDULED, limit)) < 0 ||
	    (error = section_load(&it->waiting, db, IV_INTERVIEW_REQUESTED, INT64_MAX)) < 0 ||
	    (version >= 2 && (error = section_split_no_reply(&it->no_reply, &it->waiting, db, it->at)) < 0) ||
	    (version >= 3 && (error = plan_today(&plan, db, o.plan, it->at)) < 0) ||
	    (plan && (error = plan_load(it)) < 0)) {
		iv_agenda_iter_free(it);
		return error;
	}
	*out = it;
	return 0;
}

int iv_agenda(iv_agenda_iter **out, iv_db *db, const iv_agenda_options *opts)
{
	IV__GUARDED(db, "iv_agenda", agenda_unguarded(out, db, opts));
}

/*
 * Completes an item with the contact concerned, and hands it out. On
 * failure the item is freed.
 */
static int item_finish(iv_agenda_item **out, iv_agenda_item *item, iv_db *db, const char *contact_id)
{
	int error = iv_contact_lookup(&item->contact, db, contact_id);

	if (error < 0) {
		iv_agenda_item_free(item);
		return error;
	}
	*out = item;
	return 0;
}

/* Keeps `fu`, doable after `at`, for when those doable at `at` are all out; takes it. */
static int later_add(later_list *l, iv_followup *fu)
{
	if (l->n == l->alloc) {
		size_t n = l->alloc ? l->alloc * 2 : 8;
		iv_followup **grown = n <= SIZE_MAX / sizeof(*grown) ? realloc(l->items, n * sizeof(*grown)) : NULL;
		if (!grown) {
			iv_followup_free(fu);
			return iv__oom();
		}
		l->items = grown;
		l->alloc = n;
	}
	l->items[l->n++] = fu;
	return 0;
}

static void later_free(later_list *l)
{
	size_t i;

	for (i = l->pos; i < l->n; i++)
		iv_followup_free(l->items[i]);
	free(l->items);
}

/*
 * The next follow-up of the list being handed out: doable at `at` from the
 * stream (those doable later are kept aside on the way), or doable later
 * up to `until` from what was kept.
 */
static int take_followup(iv_followup **out, iv_agenda_iter *it)
{
	iv_followup *fu = NULL;
	iv_time earliest;
	int error;

	*out = NULL;
	if (it->reading == READ_LATER) {
		if (it->later.pos == it->later.n)
			return IV_ITEROVER;
		*out = it->later.items[it->later.pos];
		it->later.items[it->later.pos++] = NULL;
		return 0;
	}
	for (;;) {
		if ((error = iv_followup_iter_next(&fu, it->followups)) < 0)
			return error;
		/* Checked here too: a backend older than the earliest_before filter ignores it. */
		earliest = iv_followup_earliest(fu);
		if (earliest <= it->at) {
			*out = fu;
			return 0;
		}
		if (earliest <= it->until) {
			if ((error = later_add(&it->later, fu)) < 0)
				return error;
		} else {
			iv_followup_free(fu);
		}
	}
}

static int next_followup(iv_agenda_item **out, iv_agenda_iter *it)
{
	iv_agenda_item *item;
	iv_followup *fu = NULL;
	const char *interview_id;
	int error;

	if ((error = take_followup(&fu, it)) < 0)
		return error;
	if (!(item = calloc(1, sizeof(*item)))) {
		iv_followup_free(fu);
		return iv__oom();
	}
	item->kind = it->reading == READ_NOW ? IV_AGENDA_FOLLOWUP : IV_AGENDA_LATER;
	item->followup = fu;
	item->time = iv_followup_due(fu);
	item->overdue = item->time < it->at;
	interview_id = iv_followup_interview(fu);
	if (interview_id && (error = iv_interview_lookup(&item->interview, it->db, interview_id)) < 0) {
		iv_agenda_item_free(item);
		return error;
	}
	if ((item->contact = iv__followup_take_contact(fu))) {
		*out = item;
		return 0;
	}
	return item_finish(out, item, it->db, iv_followup_contact(fu));
}

static int next_interview(iv_agenda_item **out, iv_agenda_iter *it, section *s, int kind)
{
	iv_agenda_item *item = calloc(1, sizeof(*item));
	entry *e = &s->items[s->pos];

	if (!item)
		return iv__oom();
	s->pos++;
	item->kind = kind;
	item->time = e->time;
	item->interview = e->iv;
	e->iv = NULL;
	if (kind == IV_AGENDA_INTERVIEW)
		item->overdue = e->time && e->time < it->at; /* 0: scheduled, time not recorded */
	else
		item->waiting = it->at > e->time ? it->at - e->time : 0;
	return item_finish(out, item, it->db, iv_interview_contact(item->interview));
}

/* The next target's step: the item takes the plan's item, with the contact the step is with. */
static int next_plan(iv_agenda_item **out, iv_agenda_iter *it)
{
	iv_agenda_item *item = calloc(1, sizeof(*item));
	const char *with;

	if (!item)
		return iv__oom();
	item->kind = IV_AGENDA_PLAN;
	item->plan = it->plan[it->plan_pos];
	it->plan[it->plan_pos++] = NULL;
	if (!(with = iv_target_plan_item_step_contact(item->plan))) {
		*out = item;
		return 0;
	}
	return item_finish(out, item, it->db, with);
}

static int next_any(iv_agenda_item **out, iv_agenda_iter *it)
{
	int error;

	while (it->reading != READ_DONE) {
		if ((error = next_followup(out, it)) != IV_ITEROVER)
			return error;
		/* The stream is read to its end before the kept ones go out. */
		iv_followup_iter_free(it->followups);
		it->followups = NULL;
		it->reading++;
	}
	if (it->scheduled.pos < it->scheduled.n)
		return next_interview(out, it, &it->scheduled, IV_AGENDA_INTERVIEW);
	if (it->no_reply.pos < it->no_reply.n)
		return next_interview(out, it, &it->no_reply, IV_AGENDA_NO_REPLY);
	if (it->waiting.pos < it->waiting.n)
		return next_interview(out, it, &it->waiting, IV_AGENDA_WAITING);
	if (it->plan_pos < it->nplan)
		return next_plan(out, it);
	return iv__error(IV_ITEROVER, "no more agenda items");
}

static int agenda_iter_next_unguarded(iv_agenda_item **out, iv_agenda_iter *it)
{
	int error;

	IV__ARG_OF("iv_agenda_iter_next", out);
	*out = NULL;
	IV__ARG_OF("iv_agenda_iter_next", it);
	if (it->live.detached)
		return iv__live_gone("iv_agenda_iter_next");
	/*
	 * A record the item needs was deleted since the lists were read (by
	 * another connection): the item is moot, so move on to the next.
	 */
	while ((error = next_any(out, it)) == IV_ENOTFOUND)
		;
	return error;
}

int iv_agenda_iter_next(iv_agenda_item **out, iv_agenda_iter *it)
{
	IV__GUARDED(it && !it->live.detached ? it->db : NULL, "iv_agenda_iter_next", agenda_iter_next_unguarded(out, it));
}

void iv_agenda_iter_free(iv_agenda_iter *it)
{
	if (!it)
		return;
	iv__live_remove(it->db, &it->live);
	iv_followup_iter_free(it->followups);
	later_free(&it->later);
	section_free(&it->scheduled);
	section_free(&it->no_reply);
	section_free(&it->waiting);
	while (it->plan_pos < it->nplan)
		iv_target_plan_item_free(it->plan[it->plan_pos++]);
	free(it);
}

/* --- Items ------------------------------------------------------------------ */

void iv_agenda_item_free(iv_agenda_item *item)
{
	if (!item)
		return;
	iv_followup_free(item->followup);
	iv_interview_free(item->interview);
	iv_contact_free(item->contact);
	iv_target_plan_item_free(item->plan);
	free(item);
}

int iv_agenda_item_kind(const iv_agenda_item *item)
{
	return item ? item->kind : 0;
}

iv_time iv_agenda_item_time(const iv_agenda_item *item)
{
	return item ? item->time : 0;
}

int iv_agenda_item_overdue(const iv_agenda_item *item)
{
	return item ? item->overdue : 0;
}

int64_t iv_agenda_item_waiting(const iv_agenda_item *item)
{
	return item ? item->waiting : 0;
}

const iv_followup *iv_agenda_item_followup(const iv_agenda_item *item)
{
	return item ? item->followup : NULL;
}

const iv_interview *iv_agenda_item_interview(const iv_agenda_item *item)
{
	return item ? item->interview : NULL;
}

const iv_contact *iv_agenda_item_contact(const iv_agenda_item *item)
{
	return item ? item->contact : NULL;
}

const iv_target_plan_item *iv_agenda_item_plan(const iv_agenda_item *item)
{
	return item ? item->plan : NULL;
}
