/*
 * Referrals (the people an interviewee suggests you talk to next) and the
 * weekly review of the search. Both work through the public API only, so
 * every backend gets the same behaviour.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "db.h"
#include "util.h"
#include "workflow.h"

#define NAME_MAX_ (IV_LIMIT_SHORT + 1)

/* --- Referrals ----------------------------------------------------------- */

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Copies `s` without surrounding spaces into `buf` (NAME_MAX_ bytes; `s` was checked to fit). */
static void trimmed(char *buf, const char *s)
{
	size_t n;

	while (is_space(*s))
		s++;
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

/* The first contact named `name` working at `company` ("" for any), or NULL. */
static int find_person(iv_contact **out, iv_db *db, const char *name, const char *company)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	char theirs[NAME_MAX_];
	int error;

	*out = NULL;
	f.name = name;
	if ((error = iv_contact_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		trimmed(theirs, iv_contact_company(c) ? iv_contact_company(c) : "");
		if (!*company || iv__ascii_casecmp(theirs, company) == 0)
			break;
		iv_contact_free(c);
		c = NULL;
	}
	iv_contact_iter_free(it);
	*out = c;
	return error == IV_ITEROVER ? 0 : error;
}

static int add_person(iv_contact **out, iv_db *db, const char *name, const char *company)
{
	iv_contact *c = NULL;
	int error;

	*out = NULL;
	if ((error = iv_contact_new(&c)) >= 0 && (error = iv_contact_set_name(c, name)) >= 0 &&
	    (error = iv_contact_set_company(c, *company ? company : NULL)) >= 0 &&
	    (error = iv_contact_set_known(c, IV_KNOWN_INTRODUCED)) >= 0)
		error = iv_contact_insert(db, c);
	if (error < 0) {
		iv_contact_free(c);
		return error;
	}
	*out = c;
	return 0;
}

/* The introduction of `to` by `by` already stored (the first listed), or NULL. */
static int find_intro(iv_intro **out, iv_db *db, const char *by, const char *to)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	int error;

	*out = NULL;
	f.introducer = by;
	f.introduced = to;
	if ((error = iv_intro_list(&it, db, &f)) < 0)
		return error;
	error = iv_intro_iter_next(out, it);
	iv_intro_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int add_intro(iv_intro **out, iv_db *db, const char *by, const char *to, const iv_interview *iv)
{
	char note[64 + IV_ID_LEN];
	iv_intro *in = NULL;
	int error;

	*out = NULL;
	if (iv_interview_number(iv))
		snprintf(note, sizeof(note), "Suggested in interview #%" PRId64, iv_interview_number(iv));
	else
		snprintf(note, sizeof(note), "Suggested in interview %s", iv_interview_id(iv));
	if ((error = iv_intro_new(&in)) >= 0 && (error = iv_intro_set_introducer(in, by)) >= 0 &&
	    (error = iv_intro_set_introduced(in, to)) >= 0 && (error = iv_intro_set_note(in, note)) >= 0)
		error = iv_intro_insert(db, in);
	if (error < 0) {
		iv_intro_free(in);
		return error;
	}
	*out = in;
	return 0;
}

/* The follow-up asking the introducer of `in` for it, unless its rule made one already. */
static int ensure_ask(iv_db *db, const iv_intro *in, const iv_interview *iv, const char *by_name,
		      const char *to_name)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char key[IV_LIMIT_SHORT + 1], note[3 * NAME_MAX_];
	iv_rules rules;
	iv_time now;
	int error, damaged;

	snprintf(key, sizeof(key), "%s%s", IV__RULE_ASK_INTRO, iv_intro_id(in));
	f.rule = key;
	if ((error = iv_followup_list(&it, db, &f)) < 0)
		return error;
	error = iv_followup_iter_next(&fu, it);
	iv_followup_iter_free(it);
	iv_followup_free(fu);
	if (error != IV_ITEROVER)
		return error;
	if ((error = iv__now(&now, db)) < 0 || (error = iv__rules_load(&rules, db, &damaged)) < 0 ||
	    (error = iv_followup_new(&fu)) < 0)
		return error;
	snprintf(note, sizeof(note), "Ask %s to introduce you to %s", by_name, to_name);
	if ((error = iv_followup_set_contact(fu, iv_intro_introducer(in))) >= 0 &&
	    (error = iv_followup_set_interview(fu, iv_interview_id(iv))) >= 0 &&
	    (error = iv_followup_set_kind(fu, IV_FOLLOWUP_ASK_INTRO)) >= 0 &&
	    (error = iv_followup_set_rule(fu, key)) >= 0 && (error = iv_followup_set_note(fu, note)) >= 0 &&
	    (error = iv_followup_set_earliest(fu, now)) >= 0 &&
	    (error = iv_followup_set_due(fu, iv__time_add_seconds(now, rules.thank_due))) >= 0)
		error = iv_followup_insert(db, fu);
	iv_followup_free(fu);
	return error;
}

static int refer(iv_intro **out, iv_db *db, const char *interview_id, const char *name, const char *company)
{
	iv_interview *iv = NULL;
	iv_contact *interviewee = NULL, *person = NULL;
	iv_intro *in = NULL;
	const char *by;
	int error, status;

	if ((error = iv_interview_lookup(&iv, db, interview_id)) < 0 ||
	    (error = iv_contact_lookup(&interviewee, db, iv_interview_contact(iv))) < 0)
		goto done;
	by = iv_contact_id(interviewee);
	if ((error = find_person(&person, db, name, company)) < 0 ||
	    (!person && (error = add_person(&person, db, name, company)) < 0))
		goto done;
	if (strcmp(iv_contact_id(person), by) == 0) {
		error = iv__error(IV_EINVALID, "name: %s is the interviewee of interview %s; a referral is someone "
				  "else", name, iv_interview_id(iv));
		goto done;
	}
	if ((error = find_intro(&in, db, by, iv_contact_id(person))) < 0 ||
	    (!in && (error = add_intro(&in, db, by, iv_contact_id(person), iv)) < 0))
		goto done;
	status = iv_intro_status(in);
	if (status == IV_INTRO_SUGGESTED || status == IV_INTRO_REQUESTED)
		error = ensure_ask(db, in, iv, iv_contact_name(interviewee), iv_contact_name(person));
done:
	if (error >= 0 && out) {
		*out = in;
		in = NULL;
	}
	iv_intro_free(in);
	iv_contact_free(person);
	iv_contact_free(interviewee);
	iv_interview_free(iv);
	return error;
}

static int refer_unguarded(iv_intro **out, iv_db *db, const char *interview_id, const char *name,
			   const char *company)
{
	char id[IV_ID_LEN + 1], who[NAME_MAX_], where[NAME_MAX_];
	int error;

	if (out)
		*out = NULL;
	IV__ARG_OF("iv_interview_refer", db);
	IV__ARG_OF("iv_interview_refer", interview_id);
	IV__ARG_OF("iv_interview_refer", name);
	if ((error = iv__parse_id(id, "interview_id", interview_id)) < 0 ||
	    (error = iv__check_text("name", name, IV_LIMIT_SHORT, IV__ONELINE | IV__NONBLANK)) < 0 ||
	    (company && (error = iv__check_text("company", company, IV_LIMIT_SHORT, IV__ONELINE)) < 0))
		return error;
	trimmed(who, name);
	trimmed(where, company ? company : "");
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	return iv__tx_end(db, refer(out, db, id, who, where));
}

int iv_interview_refer(iv_intro **out, iv_db *db, const char *interview_id, const char *name, const char *company)
{
	IV__GUARDED(db, "iv_interview_refer", refer_unguarded(out, db, interview_id, name, company));
}

/* --- Weeks ------------------------------------------------------------------ */

#define IV_DAY 86400

/* Local midnight of the day `mday` days after the date in `tm` (which it changes). */
static iv_time local_midnight(struct tm *tm, int mday)
{
	time_t r;

	tm->tm_mday = mday;
	tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
	tm->tm_isdst = -1;
	r = mktime(tm);
	return (iv_time)r;
}

int iv_week_bounds(iv_time *start, iv_time *end, iv_time at)
{
	struct tm tm, copy;
	time_t tt;
	int error, monday;

	IV__ARG(start);
	IV__ARG(end);
	*start = *end = 0;
	if ((error = iv__check_time("at", at)) < 0)
		return error;
	tt = (time_t)at;
	if (!localtime_r(&tt, &tm))
		return iv__error(IV_EINVALID, "at: %" PRId64 " is not a representable date", at);
	monday = tm.tm_mday - (tm.tm_wday + 6) % 7;
	copy = tm;
	*start = iv__time_clamp(local_midnight(&tm, monday));
	*end = iv__time_clamp(local_midnight(&copy, monday + 7));
	return 0;
}

/* Monday 00:00 local of ISO week 1 of `year`: the week holding 4 January. */
static iv_time week_one(int year)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mday = 4;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	/* mktime() gives the weekday of 4 January. */
	(void)mktime(&tm);
	return local_midnight(&tm, 4 - (tm.tm_wday + 6) % 7);
}

int iv_week_start(iv_time *out, int year, int week)
{
	struct tm tm;
	iv_time first, next;
	time_t tt;

	IV__ARG(out);
	*out = 0;
	if (year < 1 || year > 9999)
		return iv__error(IV_EINVALID, "year: %d is not between 1 and 9999", year);
	first = week_one(year);
	next = year < 9999 ? week_one(year + 1) : IV_TIME_MAX;
	if (week < 1 || week > 53 || (week == 53 && next - first < 53 * 7 * (iv_time)IV_DAY - 2 * 3600))
		return iv__error(IV_EINVALID, "week: %d is not a week of %d (1 to %d)", week, year,
				 next - first < 53 * 7 * (iv_time)IV_DAY - 2 * 3600 ? 52 : 53);
	tt = (time_t)first;
	if (!localtime_r(&tt, &tm))
		return iv__error(IV_EINVALID, "year: %d is not a representable year", year);
	*out = local_midnight(&tm, tm.tm_mday + 7 * (week - 1));
	if (*out < IV_TIME_MIN || *out > IV_TIME_MAX) {
		*out = 0;
		return iv__error(IV_EINVALID, "week: week %d of %d starts outside 0001-01-01 to 9999-12-31", week, year);
	}
	return 0;
}

/* --- The weekly review ------------------------------------------------------ */

/*
 * When the way in that `p` is appeared: the latest creation time of the
 * contacts and introductions on it (each link has been there since it was
 * stored, in any status but declined, which no path takes).
 */
static int path_appeared(iv_time *out, iv_db *db, const iv_path *p)
{
	size_t i, n = iv_path_length(p);
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	int error = 0;

	*out = 0;
	for (i = 0; i < n && error >= 0; i++) {
		if ((error = iv_contact_lookup(&c, db, iv_path_contact_at(p, i))) >= 0 && iv_contact_created(c) > *out)
			*out = iv_contact_created(c);
		iv_contact_free(c);
		c = NULL;
		if (error >= 0 && i > 0 && (error = iv_intro_lookup(&in, db, iv_path_intro_at(p, i))) >= 0 &&
		    iv_intro_created(in) > *out)
			*out = iv_intro_created(in);
		iv_intro_free(in);
		in = NULL;
	}
	return error;
}

/*
 * The targets that gained a way in from `start` to `end` (see
 * iv_week_review_get()): reachable now, by a best path whose last link
 * appeared in the week. A store whose backend keeps no targets has none.
 */
static int week_targets(size_t *out, iv_db *db, iv_time start, iv_time end)
{
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item = NULL;
	iv_time appeared;
	int error;

	*out = 0;
	if ((error = iv_target_plan(&it, db)) == IV_EVERSION) {
		iv_error_clear();
		return 0;
	}
	if (error < 0)
		return error;
	while ((error = iv_target_plan_next(&item, it)) == 0) {
		if (iv_target_plan_item_degree(item) > 0 &&
		    (error = path_appeared(&appeared, db, iv_target_plan_item_path(item))) >= 0)
			*out += appeared >= start && appeared < end;
		iv_target_plan_item_free(item);
		item = NULL;
		if (error < 0)
			break;
	}
	iv_target_plan_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

IV__DEFINE_INIT(iv_week_review_init, iv_week_review, IV_WEEK_REVIEW_INIT, IV__ST_WEEK_REVIEW)

typedef struct {
	iv_week_review r;
	int64_t *waits; /* reply times, for the median */
	size_t nwaits, cap;
} tally;

static int in_week(const tally *t, iv_time when)
{
	return when && when >= t->r.start && when < t->r.end;
}

static int add_wait(tally *t, int64_t wait)
{
	if (t->nwaits == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		int64_t *p = realloc(t->waits, cap * sizeof(*p));
		if (!p)
			return iv__oom();
		t->waits = p;
		t->cap = cap;
	}
	t->waits[t->nwaits++] = wait;
	return 0;
}

static int cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int count_interview(tally *t, const iv_interview *iv)
{
	iv_time asked = iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED);
	iv_time yes = iv_interview_status_at(iv, IV_INTERVIEW_SCHEDULED);
	iv_time no = iv_interview_status_at(iv, IV_INTERVIEW_DECLINED), reply;

	t->r.requests_sent += in_week(t, asked);
	t->r.talks_held += in_week(t, iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED));
	/* The first answer is the reply: declined after being scheduled is not a second one. */
	reply = yes && (!no || yes <= no) ? yes : no;
	if (!asked || !in_week(t, reply))
		return 0;
	t->r.replies++;
	return add_wait(t, reply > asked ? reply - asked : 0);
}

static int count_interviews(tally *t, iv_db *db)
{
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	int error;

	if ((error = iv_interview_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		error = count_interview(t, iv);
		iv_interview_free(iv);
		iv = NULL;
		if (error < 0)
			break;
	}
	iv_interview_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int count_intros(tally *t, iv_db *db)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	if ((error = iv_intro_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		t->r.intros_asked += in_week(t, iv_intro_requested_at(in));
		t->r.intros_made += in_week(t, iv_intro_made_at(in));
		iv_intro_free(in);
		in = NULL;
	}
	iv_intro_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int count_followups(tally *t, iv_db *db)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int error, kind;

	if ((error = iv_followup_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_followup_iter_next(&fu, it)) == 0) {
		kind = iv_followup_kind(fu);
		if ((kind == IV_FOLLOWUP_THANK_YOU || kind == IV_FOLLOWUP_THANK_INTRODUCER) &&
		    iv_followup_status(fu) == IV_FOLLOWUP_DONE && in_week(t, iv_followup_closed_at(fu))) {
			t->r.thanks_sent++;
			t->r.thanks_late += iv_followup_closed_at(fu) > iv_followup_due(fu);
		}
		if (kind == IV_FOLLOWUP_ASK_INTRO && in_week(t, iv_followup_created(fu)))
			t->r.referrals++;
		iv_followup_free(fu);
		fu = NULL;
	}
	iv_followup_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int review(tally *t, iv_db *db)
{
	int error;

	if ((error = count_interviews(t, db)) < 0 || (error = count_intros(t, db)) < 0 ||
	    (error = count_followups(t, db)) < 0 || (error = week_targets(&t->r.targets_reached, db, t->r.start,
									    t->r.end)) < 0)
		return error;
	if (t->nwaits) {
		qsort(t->waits, t->nwaits, sizeof(*t->waits), cmp_int64);
		t->r.reply_median = t->waits[(t->nwaits - 1) / 2];
	}
	return 0;
}

static int week_review_unguarded(iv_week_review *out, iv_db *db, iv_time at)
{
	tally t;
	unsigned int version;
	int error;

	IV__ARG_OF("iv_week_review_get", out);
	version = out->version;
	if ((error = iv__struct_check(IV__ST_WEEK_REVIEW, version)) < 0)
		return error;
	IV__ARG_OF("iv_week_review_get", db);
	memset(&t, 0, sizeof(t));
	if ((error = iv_week_review_init(&t.r, IV_WEEK_REVIEW_VERSION)) < 0 ||
	    (!at && (error = iv__now(&at, db)) < 0) ||
	    (error = iv_week_bounds(&t.r.start, &t.r.end, at)) < 0)
		return error;
	/* One snapshot of the records counted. */
	if ((error = iv__tx_begin(db)) >= 0)
		error = iv__tx_end(db, review(&t, db));
	free(t.waits);
	if (error < 0)
		return error;
	return iv__struct_write(out, IV__ST_WEEK_REVIEW, &t.r, version);
}

int iv_week_review_get(iv_week_review *out, iv_db *db, iv_time at)
{
	IV__GUARDED(db, "iv_week_review_get", week_review_unguarded(out, db, at));
}
