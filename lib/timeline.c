/*
 * A contact's timeline: their notes, introductions, interviews and
 * follow-ups, merged by time. One contact's records are few, so they are
 * read through the indexed per-contact lists and sorted here.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

struct iv_timeline_entry {
	int kind;
	iv_time time;
	const char *id; /* borrowed from the record */
	void *rec;
};

struct iv_timeline_iter {
	iv_timeline_entry **e;
	size_t n, cap, next;
};

static void entry_free_rec(iv_timeline_entry *e)
{
	switch (e->kind) {
	case IV_TIMELINE_NOTE: iv_note_free(e->rec); break;
	case IV_TIMELINE_INTRO: iv_intro_free(e->rec); break;
	case IV_TIMELINE_INTERVIEW: iv_interview_free(e->rec); break;
	case IV_TIMELINE_FOLLOWUP: iv_followup_free(e->rec); break;
	default: break;
	}
}

void iv_timeline_entry_free(iv_timeline_entry *e)
{
	if (!e)
		return;
	entry_free_rec(e);
	free(e);
}

void iv_timeline_iter_free(iv_timeline_iter *it)
{
	size_t i;

	if (!it)
		return;
	for (i = it->next; i < it->n; i++)
		iv_timeline_entry_free(it->e[i]);
	free(it->e);
	free(it);
}

/* Takes `rec` (freed on failure). */
static int add(iv_timeline_iter *it, int kind, iv_time time, const char *id, void *rec)
{
	iv_timeline_entry *e;

	if (it->n == it->cap) {
		size_t cap = it->cap ? it->cap * 2 : 16;
		iv_timeline_entry **grown = realloc(it->e, cap * sizeof(*grown));
		if (!grown)
			goto oom;
		it->e = grown;
		it->cap = cap;
	}
	if (!(e = malloc(sizeof(*e))))
		goto oom;
	e->kind = kind;
	e->time = time;
	e->id = id;
	e->rec = rec;
	it->e[it->n++] = e;
	return 0;
oom:
	{
		iv_timeline_entry tmp = { kind, 0, NULL, rec };
		entry_free_rec(&tmp);
	}
	return iv__oom();
}

static iv_time intro_time(const iv_intro *in)
{
	if (iv_intro_made_at(in))
		return iv_intro_made_at(in);
	if (iv_intro_requested_at(in))
		return iv_intro_requested_at(in);
	return iv_intro_created(in);
}

static iv_time interview_time(const iv_interview *iv)
{
	int status = iv_interview_status(iv);
	iv_time t = iv_interview_status_at(iv, status);

	if ((status == IV_INTERVIEW_SCHEDULED || status == IV_INTERVIEW_COMPLETED) && iv_interview_scheduled_at(iv))
		t = iv_interview_scheduled_at(iv);
	return t ? t : iv_interview_created(iv);
}

static iv_time followup_time(const iv_followup *fu)
{
	if (iv_followup_status(fu) != IV_FOLLOWUP_PENDING && iv_followup_closed_at(fu))
		return iv_followup_closed_at(fu);
	return iv_followup_due(fu);
}

static int by_time(const void *a, const void *b)
{
	const iv_timeline_entry *x = *(iv_timeline_entry *const *)a;
	const iv_timeline_entry *y = *(iv_timeline_entry *const *)b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->id, y->id);
}

/*
 * The intros on one side (`introducer` or `introduced` set in `f`); an
 * intro of the contact to themself cannot exist, so no record comes twice.
 */
static int add_intros(iv_timeline_iter *it, iv_db *db, const iv_intro_filter *f)
{
	iv_intro_iter *ii = NULL;
	iv_intro *in = NULL;
	int error;

	if ((error = iv_intro_list(&ii, db, f)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, ii)) == 0) {
		if ((error = add(it, IV_TIMELINE_INTRO, intro_time(in), iv_intro_id(in), in)) < 0)
			break;
		in = NULL;
	}
	iv_intro_iter_free(ii);
	return error == IV_ITEROVER ? 0 : error;
}

static int collect(iv_timeline_iter *it, iv_db *db, const char *id)
{
	iv_intro_filter fi = IV_INTRO_FILTER_INIT;
	iv_interview_filter fv = IV_INTERVIEW_FILTER_INIT;
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_interview_iter *vi = NULL;
	iv_followup_iter *fit = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	int error;

	if (db->be->version >= 2) {
		iv_note_filter fn = IV_NOTE_FILTER_INIT;
		iv_note_iter *ni = NULL;
		iv_note *n = NULL;

		fn.contact = id;
		if ((error = iv_note_list(&ni, db, &fn)) < 0)
			return error;
		while ((error = iv_note_iter_next(&n, ni)) == 0) {
			if ((error = add(it, IV_TIMELINE_NOTE, iv_note_at(n), iv_note_id(n), n)) < 0)
				break;
			n = NULL;
		}
		iv_note_iter_free(ni);
		if (error != IV_ITEROVER)
			return error;
	}
	fi.introducer = id;
	if ((error = add_intros(it, db, &fi)) < 0)
		return error;
	fi.introducer = NULL;
	fi.introduced = id;
	if ((error = add_intros(it, db, &fi)) < 0)
		return error;
	fv.contact = id;
	if ((error = iv_interview_list(&vi, db, &fv)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, vi)) == 0) {
		if ((error = add(it, IV_TIMELINE_INTERVIEW, interview_time(iv), iv_interview_id(iv), iv)) < 0)
			break;
		iv = NULL;
	}
	iv_interview_iter_free(vi);
	if (error != IV_ITEROVER)
		return error;
	ff.contact = id;
	if ((error = iv_followup_list(&fit, db, &ff)) < 0)
		return error;
	while ((error = iv_followup_iter_next(&fu, fit)) == 0) {
		if ((error = add(it, IV_TIMELINE_FOLLOWUP, followup_time(fu), iv_followup_id(fu), fu)) < 0)
			break;
		fu = NULL;
	}
	iv_followup_iter_free(fit);
	return error == IV_ITEROVER ? 0 : error;
}

static int timeline_unguarded(iv_timeline_iter **out, iv_db *db, const char *contact_id)
{
	iv_timeline_iter *it;
	iv_contact *c = NULL;
	int error;

	IV__ARG_OF("iv_timeline", out);
	*out = NULL;
	IV__ARG_OF("iv_timeline", db);
	IV__ARG_OF("iv_timeline", contact_id);
	if ((error = iv_contact_lookup(&c, db, contact_id)) < 0)
		return error;
	if (!(it = calloc(1, sizeof(*it)))) {
		iv_contact_free(c);
		return iv__oom();
	}
	/* One snapshot of the contact's records. */
	if ((error = iv__tx_begin(db)) >= 0)
		error = iv__tx_end(db, collect(it, db, iv_contact_id(c)));
	iv_contact_free(c);
	if (error < 0) {
		iv_timeline_iter_free(it);
		return error;
	}
	if (it->n)
		qsort(it->e, it->n, sizeof(*it->e), by_time);
	*out = it;
	return 0;
}

int iv_timeline(iv_timeline_iter **out, iv_db *db, const char *contact_id)
{
	IV__GUARDED(db, "iv_timeline", timeline_unguarded(out, db, contact_id));
}

int iv_timeline_iter_next(iv_timeline_entry **out, iv_timeline_iter *it)
{
	IV__ARG(out);
	*out = NULL;
	IV__ARG(it);
	if (it->next >= it->n)
		return iv__error(IV_ITEROVER, "no more timeline entries");
	*out = it->e[it->next];
	it->e[it->next++] = NULL;
	return 0;
}

int iv_timeline_entry_kind(const iv_timeline_entry *e)
{
	return e ? e->kind : 0;
}

iv_time iv_timeline_entry_time(const iv_timeline_entry *e)
{
	return e ? e->time : 0;
}

const iv_note *iv_timeline_entry_note(const iv_timeline_entry *e)
{
	return e && e->kind == IV_TIMELINE_NOTE ? e->rec : NULL;
}

const iv_intro *iv_timeline_entry_intro(const iv_timeline_entry *e)
{
	return e && e->kind == IV_TIMELINE_INTRO ? e->rec : NULL;
}

const iv_interview *iv_timeline_entry_interview(const iv_timeline_entry *e)
{
	return e && e->kind == IV_TIMELINE_INTERVIEW ? e->rec : NULL;
}

const iv_followup *iv_timeline_entry_followup(const iv_timeline_entry *e)
{
	return e && e->kind == IV_TIMELINE_FOLLOWUP ? e->rec : NULL;
}
