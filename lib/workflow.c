/*
 * The workflow rules: the interview lifecycle, the follow-ups rules make,
 * stay-in-touch check-ins and interactions, and the per-store rule times.
 *
 * The hooks run inside the transaction of the write that triggered them, so
 * anything they create or change commits or rolls back with it. They work
 * through the public API only, so every backend gets the same behaviour.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compose.h"
#include "db.h"
#include "util.h"
#include "workflow.h"

#define KEY_MAX (IV_LIMIT_SHORT + 1)
/* Two names of at most IV_LIMIT_SHORT bytes and some words. */
#define NOTE_MAX (3 * IV_LIMIT_SHORT)

/* --- Interview lifecycle -------------------------------------------------- */

static int is_open(int status)
{
	return status == IV_INTERVIEW_PLANNED || status == IV_INTERVIEW_REQUESTED ||
	       status == IV_INTERVIEW_SCHEDULED;
}

int iv_interview_can_move(int from, int to)
{
	if (!is_open(from))
		return 0;
	switch (to) {
	case IV_INTERVIEW_REQUESTED:
		return from == IV_INTERVIEW_PLANNED;
	case IV_INTERVIEW_SCHEDULED:
		return from == IV_INTERVIEW_REQUESTED;
	case IV_INTERVIEW_COMPLETED:
		return from == IV_INTERVIEW_SCHEDULED;
	case IV_INTERVIEW_DECLINED:
	case IV_INTERVIEW_NO_RESPONSE:
	case IV_INTERVIEW_CANCELLED:
		return 1;
	default:
		return 0;
	}
}

static int refuse_move(int from, int to)
{
	return iv__error(IV_EINVALID, "interview.status: cannot move from %s to %s",
			 iv_enum_name("interview_status", from), iv_enum_name("interview_status", to));
}

/* --- Rule times ------------------------------------------------------------ */

enum { R_THANK_EARLIEST, R_THANK_DUE, R_NUDGE_OTHER, R_NUDGE_FOLLOWUP, R_REPORT_BACK, R_COUNT };

/* Stored under reserved keys; the part after "iv." names the field in messages. */
static const char *const rule_keys[R_COUNT] = {
	"iv.rules.thank_earliest", "iv.rules.thank_due", "iv.rules.nudge_other_days",
	"iv.rules.nudge_followup_days", "iv.rules.report_back_days",
};

#define RULE_FIELD(i) (rule_keys[i] + 3)
#define MAX_THANK_SECONDS (30 * 24 * 3600)
#define MAX_RULE_DAYS 365

static void rules_to_values(int64_t v[R_COUNT], const iv_rules *r)
{
	v[R_THANK_EARLIEST] = r->thank_earliest;
	v[R_THANK_DUE] = r->thank_due;
	v[R_NUDGE_OTHER] = r->nudge_other_days;
	v[R_NUDGE_FOLLOWUP] = r->nudge_followup_days;
	v[R_REPORT_BACK] = r->report_back_days;
}

/* Only called with values check_rules() accepts, so the day counts fit an int. */
static void rules_from_values(iv_rules *r, const int64_t v[R_COUNT])
{
	r->version = IV_RULES_VERSION;
	r->thank_earliest = v[R_THANK_EARLIEST];
	r->thank_due = v[R_THANK_DUE];
	r->nudge_other_days = (int)v[R_NUDGE_OTHER];
	r->nudge_followup_days = (int)v[R_NUDGE_FOLLOWUP];
	r->report_back_days = (int)v[R_REPORT_BACK];
}

static int check_rule_values(const int64_t v[R_COUNT])
{
	int i;

	if (v[R_THANK_EARLIEST] < 0 || v[R_THANK_EARLIEST] > MAX_THANK_SECONDS)
		return iv__error(IV_EINVALID, "%s: %" PRId64 " is not between 0 and %d seconds (30 days)",
				 RULE_FIELD(R_THANK_EARLIEST), v[R_THANK_EARLIEST], MAX_THANK_SECONDS);
	if (v[R_THANK_DUE] < v[R_THANK_EARLIEST] || v[R_THANK_DUE] > MAX_THANK_SECONDS)
		return iv__error(IV_EINVALID, "%s: %" PRId64 " is not between thank_earliest (%" PRId64
				 ") and %d seconds (30 days)", RULE_FIELD(R_THANK_DUE), v[R_THANK_DUE],
				 v[R_THANK_EARLIEST], MAX_THANK_SECONDS);
	for (i = R_NUDGE_OTHER; i < R_COUNT; i++)
		if (v[i] < 0 || v[i] > MAX_RULE_DAYS)
			return iv__error(IV_EINVALID, "%s: %" PRId64 " is not between 0 and %d days",
					 RULE_FIELD(i), v[i], MAX_RULE_DAYS);
	return 0;
}

IV__DEFINE_INIT(iv_rules_init, iv_rules, IV_RULES_INIT, IV__ST_RULES)

static int parse_rule(int64_t *out, const char *s)
{
	char *end = NULL;
	long long v = strtoll(s, &end, 10);

	if (end == s || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

/*
 * The store's rules, every member of the newest version. IV_ESTORAGE with
 * *damaged set when what is stored is not rule times; else the backend's
 * own error when it cannot read them.
 */
static int rules_read(iv_rules *out, iv_db *db, int *damaged)
{
	iv_rules defaults = IV_RULES_INIT;
	int64_t v[R_COUNT];
	int i, error;

	*out = defaults;
	rules_to_values(v, &defaults);
	for (i = 0; i < R_COUNT; i++) {
		char *s = NULL;
		if ((error = db->be->setting_get(&s, db->be, rule_keys[i])) == IV_ENOTFOUND)
			continue;
		if (error < 0)
			return iv__error_ensure(error, "reading the rule times");
		error = parse_rule(&v[i], s);
		iv_free(s);
		if (error < 0) {
			*damaged = 1;
			return iv__error(IV_ESTORAGE, "setting %s: the stored value is not a number", rule_keys[i]);
		}
	}
	/* Only iv_rules_set() writes these keys; anything else means the store was tampered with. */
	if (check_rule_values(v) < 0) {
		char why[256];
		snprintf(why, sizeof(why), "%s", iv_error_message());
		*damaged = 1;
		return iv__error(IV_ESTORAGE, "stored rule times are invalid: %s", why);
	}
	rules_from_values(out, v);
	return 0;
}

static int rules_load(iv_rules *out, iv_db *db)
{
	int damaged = 0;

	return rules_read(out, db, &damaged);
}

int iv__rules_load(iv_rules *out, iv_db *db, int *damaged)
{
	*damaged = 0;
	return rules_read(out, db, damaged);
}

static int rules_get_unguarded(iv_rules *out, iv_db *db)
{
	iv_rules full;
	int error;

	IV__ARG_OF("iv_rules_get", out);
	IV__ARG_OF("iv_rules_get", db);
	/* The caller's version says how much of `out` there is to fill. */
	if ((error = iv__struct_check(IV__ST_RULES, out->version)) < 0 ||
	    (error = rules_load(&full, db)) < 0)
		return error;
	return iv__struct_write(out, IV__ST_RULES, &full, out->version);
}

int iv_rules_get(iv_rules *out, iv_db *db)
{
	IV__GUARDED(db, "iv_rules_get", rules_get_unguarded(out, db));
}

static int rules_set_unguarded(iv_db *db, const iv_rules *rules)
{
	iv_rules full;
	int64_t v[R_COUNT];
	char text[32];
	int i, error;

	IV__ARG_OF("iv_rules_set", db);
	IV__ARG_OF("iv_rules_set", rules);
	/* Members newer than the caller's version keep their stored values. */
	if ((error = iv__struct_check(IV__ST_RULES, rules->version)) < 0 ||
	    (error = rules_load(&full, db)) < 0 ||
	    (error = iv__struct_read(&full, IV__ST_RULES, rules)) < 0)
		return error;
	rules_to_values(v, &full);
	if ((error = check_rule_values(v)) < 0)
		return error;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	/* Straight to the backend: the public setter refuses the reserved "iv." keys. */
	for (i = 0; i < R_COUNT && error >= 0; i++) {
		snprintf(text, sizeof(text), "%" PRId64, v[i]);
		if ((error = db->be->setting_set(db->be, rule_keys[i], text)) < 0)
			error = iv__error_ensure(error, "writing the rule times");
	}
	return iv__tx_end(db, error);
}

int iv_rules_set(iv_db *db, const iv_rules *rules)
{
	IV__GUARDED(db, "iv_rules_set", rules_set_unguarded(db, rules));
}

/* --- Follow-ups made by rules ---------------------------------------------- */

/* What a rule wants to exist. */
typedef struct rule_followup {
	char key[KEY_MAX];
	char note[NOTE_MAX];
	const char *contact;
	const char *interview; /* NULL for a check-in */
	int kind;
	iv_time earliest, due;
} rule_followup;

/* The first follow-up (by due time) made by rule `key` in `status` (0: any), or NULL. */
static int find_rule(iv_followup **out, iv_db *db, const char *key, int status)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	int error;

	*out = NULL;
	f.rule = key;
	f.status = status;
	if ((error = iv_followup_list(&it, db, &f)) < 0)
		return error;
	error = iv_followup_iter_next(out, it);
	iv_followup_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int insert_rule_followup(iv_db *db, const rule_followup *r)
{
	iv_followup *fu = NULL;
	int error;

	if ((error = iv_followup_new(&fu)) < 0)
		return error;
	if ((error = iv_followup_set_contact(fu, r->contact)) >= 0 &&
	    (error = iv_followup_set_interview(fu, r->interview)) >= 0 &&
	    (error = iv_followup_set_kind(fu, r->kind)) >= 0 &&
	    (error = iv_followup_set_rule(fu, r->key)) >= 0 &&
	    (error = iv_followup_set_note(fu, r->note)) >= 0 &&
	    (error = iv_followup_set_earliest(fu, r->earliest)) >= 0 &&
	    (error = iv_followup_set_due(fu, r->due)) >= 0)
		error = iv_followup_insert(db, fu);
	iv_followup_free(fu);
	return error;
}

/*
 * Creates the follow-up unless the rule already made one, in any status: a
 * thank-you marked done or skipped must not come back.
 */
static int ensure_rule_followup(iv_db *db, const rule_followup *r)
{
	iv_followup *fu = NULL;
	int error = find_rule(&fu, db, r->key, 0);

	if (error < 0 || fu) {
		iv_followup_free(fu);
		return error;
	}
	return insert_rule_followup(db, r);
}

/* Closes `fu` as `status`; the follow-up hook records when. */
static int close_as(iv_db *db, iv_followup *fu, int status)
{
	int error = iv_followup_set_status(fu, status);

	return error < 0 ? error : iv_followup_update(db, fu);
}

/* Cancels every pending follow-up made by rule `key`. */
static int cancel_pending(iv_db *db, const char *key)
{
	iv_followup *fu = NULL;
	int error;

	/* One at a time: changing a record under an open iterator may show it again. */
	while ((error = find_rule(&fu, db, key, IV_FOLLOWUP_PENDING)) >= 0 && fu) {
		error = close_as(db, fu, IV_FOLLOWUP_CANCELLED);
		iv_followup_free(fu);
		fu = NULL;
		if (error < 0)
			break;
	}
	return error;
}

/* Reads the name of contact `id` into `buf` (KEY_MAX bytes). */
static int contact_name(char *buf, iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	int error = iv_contact_lookup(&c, db, id);

	if (error >= 0)
		snprintf(buf, KEY_MAX, "%s", iv_contact_name(c));
	iv_contact_free(c);
	return error;
}

/*
 * Starts the follow-up rule `rule` makes about interview `iv` (to the
 * interviewee, keyed by the interview), reading the interviewee's name
 * into `name` (KEY_MAX bytes) for the note.
 */
static int rule_about(rule_followup *r, char *name, iv_db *db, const iv_interview *iv, int kind, const char *rule)
{
	r->contact = iv_interview_contact(iv);
	r->interview = iv_interview_id(iv);
	r->kind = kind;
	snprintf(r->key, sizeof(r->key), "%s:%s", rule, r->interview);
	return contact_name(name, db, r->contact);
}

/* --- Stay in touch ---------------------------------------------------------- */

/* Keeps the one pending check-in of `c` where its cadence puts it (or cancels it). */
static int ensure_check_in(iv_db *db, const iv_contact *c)
{
	rule_followup r;
	iv_followup *fu = NULL;
	int days = iv_contact_cadence_days(c), error;
	iv_time base = iv_contact_last_interaction(c);

	snprintf(r.key, sizeof(r.key), "check_in:%s", iv_contact_id(c));
	if ((error = find_rule(&fu, db, r.key, IV_FOLLOWUP_PENDING)) < 0)
		return error;
	if (days == 0) {
		error = fu ? close_as(db, fu, IV_FOLLOWUP_CANCELLED) : 0;
		iv_followup_free(fu);
		return error;
	}
	r.due = r.earliest = iv_time_add_days(base ? base : iv_contact_created(c), days);
	if (!fu) {
		snprintf(r.note, sizeof(r.note), "Check in with %s", iv_contact_name(c));
		r.contact = iv_contact_id(c);
		r.interview = NULL;
		r.kind = IV_FOLLOWUP_CHECK_IN;
		return insert_rule_followup(db, &r);
	}
	if (iv_followup_due(fu) != r.due || iv_followup_earliest(fu) != r.earliest) {
		iv_followup_set_due(fu, r.due);
		iv_followup_set_earliest(fu, r.earliest);
		error = iv_followup_update(db, fu);
	}
	iv_followup_free(fu);
	return error;
}

/* Appends "YYYY-MM-DD: note" (the local date of `when`) to the contact's notes. */
static int append_note(iv_contact *c, iv_time when, const char *note)
{
	const char *old = iv_contact_notes(c);
	time_t tt = (time_t)when;
	char date[32], *text;
	struct tm tm;
	size_t n;
	int error;

	if (!localtime_r(&tt, &tm) || !strftime(date, sizeof(date), "%Y-%m-%d", &tm))
		return iv__error(IV_EINVALID, "when: %" PRId64 " is not a representable date", when);
	n = (old ? strlen(old) + 1 : 0) + strlen(date) + 2 + strlen(note) + 1;
	if (!(text = malloc(n)))
		return iv__oom();
	snprintf(text, n, "%s%s%s: %s", old ? old : "", old ? "\n" : "", date, note);
	error = iv_contact_set_notes(c, text);
	free(text);
	return error;
}

/*
 * An interaction with a contact at `when`: the last interaction moves
 * forward (never back) and the contact hook moves the check-in.
 */
static int interaction(iv_db *db, const char *contact_id, iv_time when, const char *note)
{
	iv_contact *c = NULL;
	int changed = 0, error;

	if ((error = iv__check_time("when", when)) < 0 || (error = iv_contact_lookup(&c, db, contact_id)) < 0)
		return error;
	if (when > iv_contact_last_interaction(c)) {
		iv_contact_set_last_interaction(c, when);
		changed = 1;
	}
	if (note && *note) {
		error = append_note(c, when, note);
		changed = 1;
	}
	/*
	 * Unchanged, the hook would not run; but a check-in just marked done
	 * still needs its successor.
	 */
	if (error >= 0 && changed)
		error = iv_contact_update(db, c);
	else if (error >= 0 && iv_contact_cadence_days(c) > 0)
		error = ensure_check_in(db, c);
	iv_contact_free(c);
	return error;
}

int iv__interaction(iv_db *db, const char *contact_id, iv_time when, const char *note)
{
	return interaction(db, contact_id, when, note);
}

int iv__contact_after(iv_db *db, const iv_contact *old, const iv_contact *c)
{
	int moved;

	/* A new contact has no check-in to cancel, so bulk inserts without a cadence cost nothing. */
	if (!old)
		moved = iv_contact_cadence_days(c) > 0;
	else
		moved = iv_contact_cadence_days(old) != iv_contact_cadence_days(c) ||
			iv_contact_last_interaction(old) != iv_contact_last_interaction(c);
	return moved ? ensure_check_in(db, c) : 0;
}

/* --- Interview rules --------------------------------------------------------- */

/* The "3B7" nudges: their rule names and the note around the interviewee's name. */
enum { NUDGE_OTHER, NUDGE_FOLLOWUP };
static const struct nudge {
	const char *rule;
	const char *before, *after;
} nudges[] = {
	[NUDGE_OTHER] = { "nudge_other", "No reply from ", " yet: reach out to another contact" },
	[NUDGE_FOLLOWUP] = { "nudge_followup", "Follow up once with ", "" },
};

#define NUDGES (sizeof(nudges) / sizeof(nudges[0]))

static int ensure_nudges(iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	const int days[NUDGES] = { rules->nudge_other_days, rules->nudge_followup_days };
	iv_time t = iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED);
	char name[KEY_MAX];
	rule_followup r;
	size_t i;
	int error;

	for (i = 0, error = 0; i < NUDGES && error >= 0; i++) {
		if (!days[i])
			continue;
		if ((error = rule_about(&r, name, db, iv, IV_FOLLOWUP_NUDGE, nudges[i].rule)) < 0)
			break;
		snprintf(r.note, sizeof(r.note), "%s%s%s", nudges[i].before, name, nudges[i].after);
		r.due = r.earliest = iv_time_add_business_days(t, days[i]);
		error = ensure_rule_followup(db, &r);
	}
	return error;
}

/* Whether `fu` was made by the rule of nudge `i`. */
static int made_by_nudge(const iv_followup *fu, size_t i)
{
	const char *rule = iv_followup_rule(fu);
	size_t n = strlen(nudges[i].rule);

	return rule && strncmp(rule, nudges[i].rule, n) == 0 && rule[n] == ':';
}

/*
 * Of the follow-ups made by rule `key`: a pending one if any (the nudge is
 * still to do), else the one closed as done or skipped last; cancelled
 * ones (a reply came before) do not count. NULL if none.
 */
static int last_nudge(iv_followup **out, iv_db *db, const char *key)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int error;

	*out = NULL;
	f.rule = key;
	if ((error = iv_followup_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_followup_iter_next(&fu, it)) == 0) {
		int status = iv_followup_status(fu), best = *out ? iv_followup_status(*out) : 0;
		int better = 0;

		if (status == IV_FOLLOWUP_PENDING)
			better = best != IV_FOLLOWUP_PENDING;
		else if (status == IV_FOLLOWUP_DONE || status == IV_FOLLOWUP_SKIPPED)
			better = !best || (best != IV_FOLLOWUP_PENDING &&
					   iv_followup_closed_at(fu) >= iv_followup_closed_at(*out));
		if (better) {
			iv_followup_free(*out);
			*out = fu;
		} else {
			iv_followup_free(fu);
		}
		fu = NULL;
	}
	iv_followup_iter_free(it);
	if (error != IV_ITEROVER) {
		iv_followup_free(*out);
		*out = NULL;
		return error;
	}
	return 0;
}

int iv__no_reply_from(iv_time *out, iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	const iv_rules defaults = IV_RULES_INIT;
	const int days[NUDGES] = { rules->nudge_other_days, rules->nudge_followup_days };
	/* The craft's time to wait for an answer: the "3" of 3B7. */
	int grace = days[NUDGE_OTHER] ? days[NUDGE_OTHER] : defaults.nudge_other_days;
	iv_time requested = iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), from;
	iv_followup *fu = NULL;
	char key[KEY_MAX];
	size_t i = NUDGES;
	int error;

	if (!requested)
		requested = iv_interview_created(iv);
	/* The last nudge the rules make; none when both are disabled. */
	while (i > 0 && !days[i - 1])
		i--;
	from = iv_time_add_business_days(requested, i ? days[i - 1] : defaults.nudge_followup_days);
	if (i) {
		snprintf(key, sizeof(key), "%s:%s", nudges[i - 1].rule, iv_interview_id(iv));
		if ((error = last_nudge(&fu, db, key)) < 0)
			return error;
	}
	if (fu && iv_followup_status(fu) == IV_FOLLOWUP_SKIPPED) {
		*out = iv_followup_closed_at(fu);
		iv_followup_free(fu);
		return 0;
	}
	if (fu)
		from = iv_followup_status(fu) == IV_FOLLOWUP_DONE ? iv_followup_closed_at(fu) : iv_followup_due(fu);
	iv_followup_free(fu);
	*out = iv_time_add_business_days(from, grace);
	return 0;
}

/*
 * The nudges of an interview moved back from scheduled to requested: each
 * one the scheduling cancelled is pending again (one never made is made),
 * due when the original request puts it if that is still ahead, else
 * counted from now. One done or skipped stays as it is: you already acted
 * on it. Keyed by rule, so nothing is ever doubled.
 */
static int reopen_nudges(iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	const int days[NUDGES] = { rules->nudge_other_days, rules->nudge_followup_days };
	iv_time asked = iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), now;
	iv_followup *fu = NULL;
	char name[KEY_MAX];
	rule_followup r;
	size_t i;
	int error;

	if ((error = iv__now(&now, db)) < 0)
		return error;
	for (i = 0; i < NUDGES && error >= 0; i++) {
		if (!days[i])
			continue;
		if ((error = rule_about(&r, name, db, iv, IV_FOLLOWUP_NUDGE, nudges[i].rule)) < 0 ||
		    (error = find_rule(&fu, db, r.key, 0)) < 0)
			break;
		r.due = r.earliest = asked ? iv_time_add_business_days(asked, days[i]) : 0;
		if (r.due <= now)
			r.due = r.earliest = iv_time_add_business_days(now, days[i]);
		if (!fu) {
			snprintf(r.note, sizeof(r.note), "%s%s%s", nudges[i].before, name, nudges[i].after);
			error = insert_rule_followup(db, &r);
		} else if (iv_followup_status(fu) == IV_FOLLOWUP_CANCELLED) {
			/* Pending again: the follow-up hook clears when it was closed. */
			if ((error = iv_followup_set_status(fu, IV_FOLLOWUP_PENDING)) >= 0 &&
			    (error = iv_followup_set_earliest(fu, r.earliest)) >= 0 &&
			    (error = iv_followup_set_due(fu, r.due)) >= 0)
				error = iv_followup_update(db, fu);
		}
		iv_followup_free(fu);
		fu = NULL;
	}
	return error;
}

static int cancel_nudges(iv_db *db, const char *interview_id)
{
	char key[KEY_MAX];
	size_t i;
	int error = 0;

	for (i = 0; i < NUDGES && error >= 0; i++) {
		snprintf(key, sizeof(key), "%s:%s", nudges[i].rule, interview_id);
		error = cancel_pending(db, key);
	}
	return error;
}

/*
 * Thanks each introducer on the chain that led to the interviewee, naming
 * whom they introduced you to. Starting from `in` (owned), it walks up
 * through the latest introduction to each introducer, never visiting anyone
 * twice, so cycles end. `r` holds the interview and the window.
 */
static int thank_introducers(iv_db *db, const iv_interview *iv, const char *name, iv_intro *in, rule_followup *r)
{
	char introduced[KEY_MAX], introducer[KEY_MAX], by[IV_ID_LEN + 1];
	iv__strlist seen = { 0 };
	int error;

	snprintf(introduced, sizeof(introduced), "%s", name);
	error = iv__strlist_insert(&seen, 0, iv_interview_contact(iv));
	r->kind = IV_FOLLOWUP_THANK_INTRODUCER;
	r->contact = by;
	while (error >= 0 && in && iv__strlist_find_nocase(&seen, iv_intro_introducer(in)) < 0) {
		snprintf(by, sizeof(by), "%s", iv_intro_introducer(in));
		iv_intro_free(in);
		in = NULL;
		if ((error = iv__strlist_insert(&seen, seen.count, by)) < 0 ||
		    (error = contact_name(introducer, db, by)) < 0)
			break;
		snprintf(r->key, sizeof(r->key), "thank_introducer:%s:%s", iv_interview_id(iv), by);
		snprintf(r->note, sizeof(r->note), "Thank %s for introducing you to %s", introducer, introduced);
		if ((error = ensure_rule_followup(db, r)) < 0)
			break;
		memcpy(introduced, introducer, sizeof(introduced));
		error = iv__latest_intro_to(&in, db, by);
	}
	iv_intro_free(in);
	iv__strlist_free(&seen);
	return error;
}

static int ensure_thanks(iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	iv_time t = iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED);
	const char *intro_id = iv_interview_intro(iv);
	char name[KEY_MAX];
	rule_followup r;
	iv_intro *in = NULL;
	int error;

	if ((error = rule_about(&r, name, db, iv, IV_FOLLOWUP_THANK_YOU, "thank_you")) < 0)
		return error;
	r.earliest = iv__time_add_seconds(t, rules->thank_earliest);
	r.due = iv__time_add_seconds(t, rules->thank_due);
	snprintf(r.note, sizeof(r.note), "Thank %s for the interview", name);
	if ((error = ensure_rule_followup(db, &r)) < 0)
		return error;
	/* The introduction the interview names, else the latest one made to the interviewee. */
	error = intro_id ? iv_intro_lookup(&in, db, intro_id) : iv__latest_intro_to(&in, db, r.contact);
	return error < 0 ? error : thank_introducers(db, iv, name, in, &r);
}

static int ensure_report_back(iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	char name[KEY_MAX];
	rule_followup r;
	int error;

	if (!rules->report_back_days || iv_interview_advice_count(iv) == 0)
		return 0;
	if ((error = rule_about(&r, name, db, iv, IV_FOLLOWUP_REPORT_BACK, "report_back")) < 0)
		return error;
	r.due = r.earliest = iv_time_add_days(iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED),
					      rules->report_back_days);
	snprintf(r.note, sizeof(r.note), "Tell %s what you did with their advice", name);
	return ensure_rule_followup(db, &r);
}

/* The follow-ups a completed interview calls for. */
static int ensure_completed(iv_db *db, const iv_interview *iv, const iv_rules *rules)
{
	int error = ensure_thanks(db, iv, rules);

	return error < 0 ? error : ensure_report_back(db, iv, rules);
}

/* Whether `from` -> `to` is the move back that iv_interview_unschedule() makes. */
static int moving_back(const iv_db *db, int from, int to)
{
	return db->unscheduling && from == IV_INTERVIEW_SCHEDULED && to == IV_INTERVIEW_REQUESTED;
}

int iv__interview_before(iv_db *db, const iv_interview *old, iv_interview *iv)
{
	int from, to, error;
	iv_time at, now;

	if (!old || (from = iv_interview_status(old)) == (to = iv_interview_status(iv)))
		return 0;
	/* Going back keeps the time of the request, which is still when you asked. */
	if (moving_back(db, from, to) && iv_interview_status_at(iv, to))
		return 0;
	if (!moving_back(db, from, to) && !iv_interview_can_move(from, to))
		return refuse_move(from, to);
	/* A time the caller chose for the move is kept; a missing or stale one is now. */
	at = iv_interview_status_at(iv, to);
	if (!at || at == iv_interview_status_at(old, to)) {
		if ((error = iv__now(&now, db)) < 0)
			return error;
		return iv_interview_set_status_at(iv, to, now);
	}
	return 0;
}

int iv__interview_after(iv_db *db, const iv_interview *old, const iv_interview *iv)
{
	int status = iv_interview_status(iv), error;
	iv_rules rules;

	if (old && iv_interview_status(old) == status) {
		/* Advice recorded after the talk still deserves a report-back. */
		if (status != IV_INTERVIEW_COMPLETED || iv_interview_advice_count(iv) == 0)
			return 0;
		error = rules_load(&rules, db);
		return error < 0 ? error : ensure_report_back(db, iv, &rules);
	}
	/* Any answer (or giving up) ends the nudging; a new interview has none yet. */
	if (old && status != IV_INTERVIEW_REQUESTED && (error = cancel_nudges(db, iv_interview_id(iv))) < 0)
		return error;
	if (status != IV_INTERVIEW_REQUESTED && status != IV_INTERVIEW_COMPLETED)
		return 0;
	if ((error = rules_load(&rules, db)) < 0)
		return error;
	if (old && moving_back(db, iv_interview_status(old), status))
		return reopen_nudges(db, iv, &rules);
	if (status == IV_INTERVIEW_REQUESTED)
		return ensure_nudges(db, iv, &rules);
	if ((error = ensure_completed(db, iv, &rules)) < 0)
		return error;
	return interaction(db, iv_interview_contact(iv), iv_interview_status_at(iv, status), NULL);
}

/* --- Follow-up hooks ---------------------------------------------------------- */

int iv__followup_before(iv_db *db, const iv_followup *old, iv_followup *fu)
{
	int was = old ? iv_followup_status(old) : IV_FOLLOWUP_PENDING;
	int is = iv_followup_status(fu);
	iv_time closed = iv_followup_closed_at(fu), now;
	int error;

	if (was == IV_FOLLOWUP_PENDING && is != IV_FOLLOWUP_PENDING) {
		/* Closing: keep a time the caller chose, else record now. */
		if (!closed || (old && closed == iv_followup_closed_at(old))) {
			if ((error = iv__now(&now, db)) < 0)
				return error;
			iv_followup_set_closed_at(fu, now);
		}
	} else if (was != IV_FOLLOWUP_PENDING && is == IV_FOLLOWUP_PENDING) {
		iv_followup_set_closed_at(fu, 0);
	}
	return 0;
}

int iv__followup_after(iv_db *db, const iv_followup *old, const iv_followup *fu)
{
	iv_time when = iv_followup_closed_at(fu);
	int error;

	if (iv_followup_status(fu) != IV_FOLLOWUP_DONE || (old && iv_followup_status(old) == IV_FOLLOWUP_DONE))
		return 0;
	/*
	 * Only contact with the recipient is an interaction with them. The
	 * nudge to reach out to another contact is done without writing to the
	 * recipient, who has not replied: their last interaction and check-in
	 * stay where they were.
	 */
	if (made_by_nudge(fu, NUDGE_OTHER))
		return 0;
	if (!when && (error = iv__now(&when, db)) < 0)
		return error;
	return interaction(db, iv_followup_contact(fu), when, NULL);
}

/* --- Public operations ------------------------------------------------------- */

static int apply_interviews(iv_db *db, const iv_rules *rules)
{
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	int error;

	if ((error = iv_interview_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		if (iv_interview_status(iv) == IV_INTERVIEW_REQUESTED)
			error = ensure_nudges(db, iv, rules);
		else if (iv_interview_status(iv) == IV_INTERVIEW_COMPLETED)
			error = ensure_completed(db, iv, rules);
		iv_interview_free(iv);
		iv = NULL;
		if (error < 0)
			break;
	}
	iv_interview_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int apply_contacts(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int error;

	if ((error = iv_contact_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		if (iv_contact_cadence_days(c) > 0)
			error = ensure_check_in(db, c);
		iv_contact_free(c);
		c = NULL;
		if (error < 0)
			break;
	}
	iv_contact_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int rules_apply_unguarded(iv_db *db)
{
	iv_rules rules;
	int error;

	IV__ARG_OF("iv_rules_apply", db);
	if ((error = rules_load(&rules, db)) < 0 || (error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = apply_interviews(db, &rules)) >= 0)
		error = apply_contacts(db);
	return iv__tx_end(db, error);
}

int iv_rules_apply(iv_db *db)
{
	IV__GUARDED(db, "iv_rules_apply", rules_apply_unguarded(db));
}

static int contact_touch_unguarded(iv_db *db, const char *contact_id, iv_time when, const char *note)
{
	char id[IV_ID_LEN + 1];
	int error;

	IV__ARG_OF("iv_contact_touch", db);
	if ((error = iv__parse_id(id, "contact_id", contact_id)) < 0 ||
	    (note && (error = iv__check_text("note", note, IV_LIMIT_TEXT, IV__ONELINE)) < 0) ||
	    (error = iv__tx_begin(db)) < 0)
		return error;
	if (!when && (error = iv__now(&when, db)) < 0)
		return iv__tx_end(db, error);
	return iv__tx_end(db, interaction(db, id, when, note));
}

int iv_contact_touch(iv_db *db, const char *contact_id, iv_time when, const char *note)
{
	IV__GUARDED(db, "iv_contact_touch", contact_touch_unguarded(db, contact_id, when, note));
}

static int followup_close_unguarded(iv_followup **out, iv_db *db, const char *id, int status)
{
	iv_followup *fu = NULL;
	const char *name = iv_enum_name("followup_status", status);
	int error;

	if (out)
		*out = NULL;
	IV__ARG_OF("iv_followup_close", db);
	IV__ARG_OF("iv_followup_close", id);
	if (status != IV_FOLLOWUP_DONE && status != IV_FOLLOWUP_SKIPPED && status != IV_FOLLOWUP_CANCELLED)
		return name ? iv__error(IV_EINVALID, "status: a follow-up is closed as done, skipped or cancelled, not %s", name)
			    : iv__error(IV_EINVALID, "status: %d is not a follow-up status", status);
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = iv_followup_lookup(&fu, db, id)) >= 0 && iv_followup_status(fu) != IV_FOLLOWUP_PENDING)
		error = iv__error(IV_EINVALID, "followup %s is already %s; only a pending one can be closed",
				  iv_followup_id(fu), iv_enum_name("followup_status", iv_followup_status(fu)));
	if (error >= 0)
		error = close_as(db, fu, status);
	if ((error = iv__tx_end(db, error)) >= 0 && out) {
		*out = fu;
		fu = NULL;
	}
	iv_followup_free(fu);
	return error;
}

int iv_followup_close(iv_followup **out, iv_db *db, const char *id, int status)
{
	IV__GUARDED(db, "iv_followup_close", followup_close_unguarded(out, db, id, status));
}

static int interview_move_unguarded(iv_interview **out, iv_db *db, const char *id, int status)
{
	iv_interview *iv = NULL;
	int error;

	if (out)
		*out = NULL;
	IV__ARG_OF("iv_interview_move", db);
	IV__ARG_OF("iv_interview_move", id);
	if ((error = iv__check_enum("status", "interview_status", status)) < 0 ||
	    (error = iv__tx_begin(db)) < 0)
		return error;
	/* The update only checks a change of status; staying put is no move either. */
	if ((error = iv_interview_lookup(&iv, db, id)) >= 0 && iv_interview_status(iv) == status)
		error = refuse_move(status, status);
	if (error >= 0 && (error = iv_interview_set_status(iv, status)) >= 0)
		error = iv_interview_update(db, iv);
	if ((error = iv__tx_end(db, error)) >= 0 && out) {
		*out = iv;
		iv = NULL;
	}
	iv_interview_free(iv);
	return error;
}

int iv_interview_move(iv_interview **out, iv_db *db, const char *id, int status)
{
	IV__GUARDED(db, "iv_interview_move", interview_move_unguarded(out, db, id, status));
}

static int interview_unschedule_unguarded(iv_interview **out, iv_db *db, const char *id)
{
	iv_interview *iv = NULL;
	int error;

	if (out)
		*out = NULL;
	IV__ARG_OF("iv_interview_unschedule", db);
	IV__ARG_OF("iv_interview_unschedule", id);
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = iv_interview_lookup(&iv, db, id)) >= 0 && iv_interview_status(iv) != IV_INTERVIEW_SCHEDULED)
		error = iv__error(IV_EINVALID, "interview.status: only a scheduled interview can go back to requested; "
				  "interview %s is %s", iv_interview_id(iv),
				  iv_enum_name("interview_status", iv_interview_status(iv)));
	/* The agreed time no longer holds; the request and its date do. */
	if (error >= 0 && (error = iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED)) >= 0 &&
	    (error = iv_interview_set_scheduled_at(iv, 0)) >= 0 &&
	    (error = iv_interview_set_status_at(iv, IV_INTERVIEW_SCHEDULED, 0)) >= 0) {
		db->unscheduling = 1;
		error = iv_interview_update(db, iv);
		db->unscheduling = 0;
	}
	if ((error = iv__tx_end(db, error)) >= 0 && out) {
		*out = iv;
		iv = NULL;
	}
	iv_interview_free(iv);
	return error;
}

int iv_interview_unschedule(iv_interview **out, iv_db *db, const char *id)
{
	IV__GUARDED(db, "iv_interview_unschedule", interview_unschedule_unguarded(out, db, id));
}
