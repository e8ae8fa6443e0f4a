/*
 * Fault injection (issue 12): every public call is all-or-nothing.
 *
 * A scripted story (inserts of each kind, updates, every interview move
 * with the rules it applies, follow-up closes, notes, targets and the
 * plan, rule application,
 * settings, CSV and vCard imports, a caller's transaction, cascade
 * deletes, a backup restore, and reads) runs on the backend named on the
 * command line wrapped in tests/fault_backend.c. For
 * each call of the story and each k until the call succeeds without
 * reaching k, the call runs with the backend's k-th call failing; it must
 * return the injected code with a message, and the store must then equal
 * what it was before the call (every record of every kind, every field,
 * every setting). Then the call runs without failure, and the store must
 * equal what the same story gives with no fault at all (ids aside): a
 * failure must not leave the handle in a state that changes later calls.
 * A read must not absorb a failure (a short answer). An import with a
 * transaction per row may keep the whole rows before the failing one.
 *
 * Each k fails with one code, in turn, before the wrapped backend does
 * anything; when that call is a write, also after the wrapped backend did
 * it (a failure half-way through a change). IV_FAULT_ALL=1 tries every
 * code both ways for every k (slower). IV_FAULT_VERBOSE=1 prints each
 * step's count of backend calls and the failures absorbed.
 *
 * Usage: test_fault memory|sqlite [v1]; with v1 the wrapper is a
 * version-1 backend (no numbers, notes nor optional operations of later
 * versions), as a third party's older backend: the core's fallbacks.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <infoview/infoview.h>
#include <infoview/interop.h>
#include <infoview/sys/backend.h>

#include "fault_backend.h"

/* Monday 2026-03-02 09:00:00 UTC, as the fixture's clock. */
#define T0 ((iv_time)1772442000)
#define HOUR ((iv_time)3600)
#define DAY (24 * HOUR)
#define TEMPLATE IV_TEMPLATE_THANKS

static const char *backend_name;
static unsigned int version; /* the wrapper's: the wrapped backend's, or 1 */
static char dir[512];
static int failures;
static int verbose;
static long runs; /* runs of a step with a fault armed */

static void failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	failures++;
}

#define DIE_UNLESS(expr) do { \
	int rc_ = (expr); \
	if (rc_ != 0) { \
		fprintf(stderr, "%s:%d: %s returned %d: %s\n", __FILE__, __LINE__, #expr, rc_, \
			iv_error_last()->message); \
		exit(1); \
	} \
} while (0)

/* --- A growable text buffer -------------------------------------------------- */

typedef struct {
	char *p;
	size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if (!(b->p = realloc(b->p, b->cap))) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void bprintf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(buf *b, const char *fmt, ...)
{
	char tmp[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		fprintf(stderr, "dump line too long\n");
		exit(1);
	}
	buf_add(b, tmp, (size_t)n);
}

/* Text fields on one line: line breaks and bars escaped. */
static void bstr(buf *b, const char *s)
{
	if (!s) {
		buf_add(b, "|-", 2);
		return;
	}
	buf_add(b, "|'", 2);
	for (; *s; s++) {
		if (*s == '\n')
			buf_add(b, "\\n", 2);
		else if (*s == '|' || *s == '\\') {
			buf_add(b, "\\", 1);
			buf_add(b, s, 1);
		} else
			buf_add(b, s, 1);
	}
}

/* --- The store under test ------------------------------------------------------ */

typedef struct {
	iv_db *db;
	fault_backend *f;
	iv_time now;
} store;

static int clock_cb(iv_time *out, void *payload)
{
	*out = ((store *)payload)->now;
	return 0;
}

static void store_open(store *s, const char *file)
{
	iv_backend *inner = NULL, *outer = NULL;
	char path[600];

	if (strcmp(backend_name, "memory") == 0) {
		DIE_UNLESS(iv_backend_memory_new(&inner));
	} else {
		snprintf(path, sizeof(path), "%s/%s", dir, file);
		DIE_UNLESS(iv_backend_sqlite_new(&inner, path));
	}
	DIE_UNLESS(fault_wrap_version(&outer, &s->f, inner, version));
	DIE_UNLESS(iv_db_open_backend(&s->db, outer));
	s->now = T0;
	DIE_UNLESS(iv_db_set_clock(s->db, clock_cb, s));
}

/* --- The dump: every record of every kind, every setting ------------------------ */

static void dump_contact(buf *b, const iv_contact *c)
{
	size_t i;

	bprintf(b, "contact|%s|%lld|%lld|%lld", iv_contact_id(c), (long long)iv_contact_number(c),
		(long long)iv_contact_created(c), (long long)iv_contact_updated(c));
	bstr(b, iv_contact_name(c));
	bstr(b, iv_contact_phone(c));
	bstr(b, iv_contact_company(c));
	bstr(b, iv_contact_title(c));
	bstr(b, iv_contact_location(c));
	bstr(b, iv_contact_url(c));
	bstr(b, iv_contact_notes(c));
	bprintf(b, "|%d|%d|%lld", iv_contact_known(c), iv_contact_cadence_days(c),
		(long long)iv_contact_last_interaction(c));
	for (i = 0; i < iv_contact_email_count(c); i++)
		bstr(b, iv_contact_email_at(c, i));
	buf_add(b, "|tags", 5);
	for (i = 0; i < iv_contact_tag_count(c); i++)
		bstr(b, iv_contact_tag_at(c, i));
	buf_add(b, "\n", 1);
}

static void dump_intro(buf *b, const iv_intro *in)
{
	bprintf(b, "intro|%s|%lld|%lld|%lld|%s|%s|%d|%d|%lld|%lld", iv_intro_id(in),
		(long long)iv_intro_number(in), (long long)iv_intro_created(in), (long long)iv_intro_updated(in),
		iv_intro_introducer(in), iv_intro_introduced(in), iv_intro_channel(in), iv_intro_status(in),
		(long long)iv_intro_requested_at(in), (long long)iv_intro_made_at(in));
	bstr(b, iv_intro_note(in));
	buf_add(b, "\n", 1);
}

static void dump_interview(buf *b, const iv_interview *iv)
{
	size_t i;
	int st;

	bprintf(b, "interview|%s|%lld|%lld|%lld|%s", iv_interview_id(iv), (long long)iv_interview_number(iv),
		(long long)iv_interview_created(iv), (long long)iv_interview_updated(iv), iv_interview_contact(iv));
	bstr(b, iv_interview_intro(iv));
	bstr(b, iv_interview_purpose(iv));
	bstr(b, iv_interview_notes(iv));
	bprintf(b, "|%d|%lld|%d|%d", iv_interview_medium(iv), (long long)iv_interview_scheduled_at(iv),
		iv_interview_minutes(iv), iv_interview_status(iv));
	for (st = IV_INTERVIEW_PLANNED; st <= IV_INTERVIEW_CANCELLED; st++)
		bprintf(b, "|%lld", (long long)iv_interview_status_at(iv, st));
	for (i = 0; i < iv_interview_question_count(iv); i++) {
		bstr(b, iv_interview_question_at(iv, i));
		bstr(b, iv_interview_answer_at(iv, i));
	}
	buf_add(b, "|advice", 7);
	for (i = 0; i < iv_interview_advice_count(iv); i++)
		bstr(b, iv_interview_advice_at(iv, i));
	buf_add(b, "|resources", 10);
	for (i = 0; i < iv_interview_resource_count(iv); i++)
		bstr(b, iv_interview_resource_at(iv, i));
	buf_add(b, "\n", 1);
}

static void dump_followup(buf *b, const iv_followup *fu)
{
	bprintf(b, "followup|%s|%lld|%lld|%lld|%s", iv_followup_id(fu), (long long)iv_followup_number(fu),
		(long long)iv_followup_created(fu), (long long)iv_followup_updated(fu), iv_followup_contact(fu));
	bstr(b, iv_followup_interview(fu));
	bprintf(b, "|%d|%d|%lld|%lld|%lld", iv_followup_kind(fu), iv_followup_status(fu),
		(long long)iv_followup_earliest(fu), (long long)iv_followup_due(fu),
		(long long)iv_followup_closed_at(fu));
	bstr(b, iv_followup_note(fu));
	bstr(b, iv_followup_rule(fu));
	bstr(b, iv_followup_draft(fu));
	buf_add(b, "\n", 1);
}

static void dump_note(buf *b, const iv_note *n)
{
	bprintf(b, "note|%s|%lld|%lld|%s|%lld", iv_note_id(n), (long long)iv_note_number(n),
		(long long)iv_note_created(n), iv_note_contact(n), (long long)iv_note_at(n));
	bstr(b, iv_note_text(n));
	buf_add(b, "\n", 1);
}

static void dump_target(buf *b, const iv_target *t)
{
	size_t i;

	bprintf(b, "target|%s|%lld|%lld|%lld|%d|%d|%d", iv_target_id(t), (long long)iv_target_number(t),
		(long long)iv_target_created(t), (long long)iv_target_updated(t), iv_target_motivation(t),
		iv_target_posting(t), iv_target_rank(t));
	bstr(b, iv_target_name(t));
	bstr(b, iv_target_note(t));
	for (i = 0; i < iv_target_alias_count(t); i++)
		bstr(b, iv_target_alias_at(t, i));
	buf_add(b, "\n", 1);
}

#define DUMP_KIND(K) do { \
	iv_##K##_iter *li_ = NULL; \
	iv_##K *r_ = NULL; \
	int e_; \
	DIE_UNLESS(iv_##K##_list(&li_, s->db, NULL)); \
	while ((e_ = iv_##K##_iter_next(&r_, li_)) == 0) { \
		dump_##K(b, r_); \
		iv_##K##_free(r_); \
	} \
	iv_##K##_iter_free(li_); \
	if (e_ != IV_ITEROVER) \
		DIE_UNLESS(e_); \
} while (0)

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the lines of `b` in place (the order of ties in a list is the ids'). */
static void sort_lines(buf *b)
{
	char **lines = NULL, *p, *out;
	size_t n = 0, i, at = 0;

	if (!b->len)
		return;
	for (p = b->p; *p; p++)
		n += *p == '\n';
	lines = calloc(n, sizeof(*lines));
	out = malloc(b->len + 1);
	if (!lines || !out)
		exit(1);
	for (p = b->p, i = 0; i < n; i++) {
		lines[i] = p;
		p = strchr(p, '\n');
		*p++ = '\0';
	}
	qsort(lines, n, sizeof(*lines), cmp_lines);
	for (i = 0; i < n; i++) {
		size_t l = strlen(lines[i]);
		memcpy(out + at, lines[i], l);
		out[at + l] = '\n';
		at += l + 1;
	}
	out[at] = '\0';
	memcpy(b->p, out, at + 1);
	free(out);
	free(lines);
}

static void dump_records(buf *b, store *s)
{
	DUMP_KIND(contact);
	DUMP_KIND(intro);
	DUMP_KIND(interview);
	DUMP_KIND(followup);
	/* A version-1 backend keeps no notes. */
	if (version >= 2)
		DUMP_KIND(note);
	/* Nor does one older than version 6 keep targets. */
	if (version >= 6)
		DUMP_KIND(target);
}

/* The whole store as text, the backend's counting and failing off. */
static char *dump(store *s)
{
	iv_backend *in = fault_inner(s->f);
	iv_backend_iter *it = NULL;
	void *key = NULL;
	buf b = { 0 };
	int e;

	fault_disarm(s->f);
	dump_records(&b, s);
	/* Every setting, the library's own ("iv.") included. */
	DIE_UNLESS(in->setting_list(&it, in, ""));
	while ((e = it->next(&key, it)) == 0) {
		char *value = NULL;
		DIE_UNLESS(in->setting_get(&value, in, key));
		bprintf(&b, "setting|%s", (char *)key);
		bstr(&b, value);
		buf_add(&b, "\n", 1);
		free(value);
		free(key);
	}
	it->free(it);
	if (e != IV_ITEROVER)
		DIE_UNLESS(e);
	buf_add(&b, "", 0);
	sort_lines(&b);
	return b.p;
}

/*
 * The dump with each record's id replaced by its kind and number, so that
 * two runs of the story compare equal whatever ids they generated.
 */
static char *normalise(const char *text)
{
	char *out = strdup(text), *p;
	const char *line;

	for (line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		char kind[16], id[40], label[64];
		long long number;
		if (sscanf(line, "%15[a-z]|%36[0-9a-f-]|%lld", kind, id, &number) != 3 || strlen(id) != 36)
			continue;
		/* Padded to the id's length: replaced in place. */
		snprintf(label, sizeof(label), "%s#%lld....................................", kind, number);
		label[36] = '\0';
		for (p = out; (p = strstr(p, id)) != NULL; p += 36)
			memcpy(p, label, 36);
	}
	{
		/* In the order of the labels, which does not depend on the ids. */
		buf b = { out, strlen(out), strlen(out) + 1 };
		sort_lines(&b);
	}
	return out;
}

static void show_difference(const char *want, const char *got)
{
	const char *a = want, *b = got;

	while (*a && *a == *b)
		a++, b++;
	while (a > want && a[-1] != '\n')
		a--, b--;
	fprintf(stderr, "  expected: %.*s\n  got:      %.*s\n", (int)strcspn(a, "\n"), a,
		(int)strcspn(b, "\n"), b);
}

/* --- The story --------------------------------------------------------------------- */

typedef struct story story;
typedef struct step {
	const char *name;
	/* Optional, run before the sweep without faults: finds what run() needs. */
	void (*prepare)(story *st);
	/* The public call under test; may run many times, each on the same store. */
	int (*run)(story *st);
	/*
	 * A read: its answer is not in the store, so a failure it absorbs
	 * (returning 0) could be a short answer, and is refused.
	 */
	int read;
} step;

struct story {
	store main, restored, *s; /* s: the store the current step writes */
	char ana[40], ben[40], cy[40], dee[40];
	char intro_bc[40], intro_db[40];
	char iv_cy[40], iv_ana[40], iv_ben[40], iv_dee[40];
	char fu[40], note[40], custom[40], intro_ij[40], iv_jon[40], target[40];
	char *backup;
	size_t backup_len, backup_at;
};

static void copy_id(char *dst, const char *id)
{
	snprintf(dst, 40, "%s", id);
}

static int contact(story *st, char *out, const char *name, const char *company, const char *email,
		   int cadence)
{
	iv_contact *c = NULL;
	int e;

	if ((e = iv_contact_new(&c)) < 0)
		return e;
	if ((e = iv_contact_set_name(c, name)) >= 0 && (e = iv_contact_set_company(c, company)) >= 0 &&
	    (!email || (e = iv_contact_add_email(c, email)) >= 0) && (e = iv_contact_add_tag(c, "fault")) >= 0 &&
	    (e = iv_contact_set_cadence_days(c, cadence)) >= 0 && (e = iv_contact_insert(st->s->db, c)) >= 0)
		copy_id(out, iv_contact_id(c));
	iv_contact_free(c);
	return e;
}

static int add_ana(story *st) { return contact(st, st->ana, "Ana Alvarez", "Acme", "ana@acme.example", 30); }
static int add_ben(story *st) { return contact(st, st->ben, "Ben Brown", "Globex", NULL, 0); }
static int add_cy(story *st) { return contact(st, st->cy, "Cy Chen", "Initech", "cy@initech.example", 14); }
static int add_dee(story *st) { return contact(st, st->dee, "Dee Diaz", NULL, NULL, 0); }

static int intro(story *st, char *out, const char *by, const char *to)
{
	iv_intro *in = NULL;
	int e;

	if ((e = iv_intro_new(&in)) < 0)
		return e;
	if ((e = iv_intro_set_introducer(in, by)) >= 0 && (e = iv_intro_set_introduced(in, to)) >= 0 &&
	    (e = iv_intro_set_status(in, IV_INTRO_MADE)) >= 0 && (e = iv_intro_set_made_at(in, T0)) >= 0 &&
	    (e = iv_intro_insert(st->s->db, in)) >= 0)
		copy_id(out, iv_intro_id(in));
	iv_intro_free(in);
	return e;
}

static int add_intro_bc(story *st) { return intro(st, st->intro_bc, st->ben, st->cy); }
static int add_intro_db(story *st) { return intro(st, st->intro_db, st->dee, st->ben); }

static int interview(story *st, char *out, const char *who, const char *intro_id, int status)
{
	iv_interview *iv = NULL;
	int e;

	if ((e = iv_interview_new(&iv)) < 0)
		return e;
	if ((e = iv_interview_set_contact(iv, who)) >= 0 && (!intro_id || (e = iv_interview_set_intro(iv, intro_id)) >= 0) &&
	    (e = iv_interview_set_purpose(iv, "Learn the trade")) >= 0 &&
	    (e = iv_interview_seed_questions(iv, 3)) >= 0 && (e = iv_interview_set_status(iv, status)) >= 0 &&
	    (status != IV_INTERVIEW_COMPLETED || (e = iv_interview_add_advice(iv, "Write more")) >= 0) &&
	    (e = iv_interview_insert(st->s->db, iv)) >= 0)
		copy_id(out, iv_interview_id(iv));
	iv_interview_free(iv);
	return e;
}

static int add_iv_cy(story *st) { return interview(st, st->iv_cy, st->cy, st->intro_bc, IV_INTERVIEW_PLANNED); }
static int add_iv_ana(story *st) { return interview(st, st->iv_ana, st->ana, NULL, IV_INTERVIEW_REQUESTED); }
static int add_iv_ben(story *st) { return interview(st, st->iv_ben, st->ben, NULL, IV_INTERVIEW_PLANNED); }
/* Inserted completed: the rules of completion (thanks, report-back) apply at once. */
static int add_iv_dee(story *st) { return interview(st, st->iv_dee, st->dee, NULL, IV_INTERVIEW_COMPLETED); }

static int move(story *st, const char *id, int status)
{
	iv_interview *iv = NULL;
	int e = iv_interview_move(&iv, st->s->db, id, status);

	iv_interview_free(iv);
	return e;
}

static int cy_requested(story *st) { return move(st, st->iv_cy, IV_INTERVIEW_REQUESTED); }
static int cy_scheduled(story *st) { return move(st, st->iv_cy, IV_INTERVIEW_SCHEDULED); }
static int cy_completed(story *st) { return move(st, st->iv_cy, IV_INTERVIEW_COMPLETED); }
static int ana_declined(story *st) { return move(st, st->iv_ana, IV_INTERVIEW_DECLINED); }
static int ben_requested(story *st) { return move(st, st->iv_ben, IV_INTERVIEW_REQUESTED); }
static int ben_no_response(story *st) { return move(st, st->iv_ben, IV_INTERVIEW_NO_RESPONSE); }

static int cy_unschedule(story *st)
{
	iv_interview *iv = NULL;
	int e = iv_interview_unschedule(&iv, st->s->db, st->iv_cy);

	iv_interview_free(iv);
	return e;
}

/* A re-timing and more questions: an update without a move. */
static int cy_update(story *st)
{
	iv_interview *iv = NULL;
	int e;

	if ((e = iv_interview_lookup(&iv, st->s->db, st->iv_cy)) < 0)
		return e;
	if ((e = iv_interview_set_scheduled_at(iv, T0 + 3 * DAY)) >= 0 &&
	    (e = iv_interview_set_medium(iv, IV_MEDIUM_VIDEO)) >= 0 &&
	    (e = iv_interview_set_minutes(iv, 30)) >= 0 && (e = iv_interview_add_question(iv, "What next?")) >= 0)
		e = iv_interview_update(st->s->db, iv);
	iv_interview_free(iv);
	return e;
}

/* Advice recorded after completion: the report-back rule applies. */
static int cy_advice(story *st)
{
	iv_interview *iv = NULL;
	int e;

	if ((e = iv_interview_lookup(&iv, st->s->db, st->iv_cy)) < 0)
		return e;
	if ((e = iv_interview_add_advice(iv, "Read the classics")) >= 0 &&
	    (e = iv_interview_set_answer(iv, 0, "By accident")) >= 0)
		e = iv_interview_update(st->s->db, iv);
	iv_interview_free(iv);
	return e;
}

/* The first follow-up made by rule `prefix` + `id`. */
static void find_followup(story *st, const char *prefix, const char *id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char rule[128];

	snprintf(rule, sizeof(rule), "%s%s", prefix, id);
	f.rule = rule;
	DIE_UNLESS(iv_followup_list(&it, st->s->db, &f));
	DIE_UNLESS(iv_followup_iter_next(&fu, it));
	copy_id(st->fu, iv_followup_id(fu));
	iv_followup_free(fu);
	iv_followup_iter_free(it);
}

static void find_thank_you(story *st) { find_followup(st, "thank_you:", st->iv_cy); }
static void find_check_in(story *st) { find_followup(st, "check_in:", st->ana); }
/* Dee's thank-you for introducing Ben, who introduced Cy. */
static void find_thank_dee(story *st)
{
	char rest[128];

	snprintf(rest, sizeof(rest), "%s:%s", st->iv_cy, st->dee);
	find_followup(st, "thank_introducer:", rest);
}

static int close_fu(story *st, int status)
{
	iv_followup *fu = NULL;
	int e = iv_followup_close(&fu, st->s->db, st->fu, status);

	iv_followup_free(fu);
	return e;
}

static int close_done(story *st) { return close_fu(st, IV_FOLLOWUP_DONE); }
static int close_skipped(story *st) { return close_fu(st, IV_FOLLOWUP_SKIPPED); }

static int delete_fu(story *st) { return iv_followup_delete(st->s->db, st->fu, 0); }

static int add_custom(story *st)
{
	iv_followup *fu = NULL;
	int e;

	if ((e = iv_followup_new(&fu)) < 0)
		return e;
	if ((e = iv_followup_set_contact(fu, st->dee)) >= 0 && (e = iv_followup_set_note(fu, "Send the article")) >= 0 &&
	    (e = iv_followup_set_due(fu, T0 + 5 * DAY)) >= 0 && (e = iv_followup_insert(st->s->db, fu)) >= 0)
		copy_id(st->custom, iv_followup_id(fu));
	iv_followup_free(fu);
	return e;
}

/* Inserted done: an interaction with its contact, who is updated. */
static int add_done(story *st)
{
	iv_followup *fu = NULL;
	int e;

	if ((e = iv_followup_new(&fu)) < 0)
		return e;
	if ((e = iv_followup_set_contact(fu, st->ana)) >= 0 && (e = iv_followup_set_note(fu, "Lunch")) >= 0 && (e = iv_followup_set_due(fu, T0 + DAY)) >= 0 &&
	    (e = iv_followup_set_status(fu, IV_FOLLOWUP_DONE)) >= 0)
		e = iv_followup_insert(st->s->db, fu);
	iv_followup_free(fu);
	return e;
}

static int update_custom(story *st)
{
	iv_followup *fu = NULL;
	int e;

	if ((e = iv_followup_lookup(&fu, st->s->db, st->custom)) < 0)
		return e;
	if ((e = iv_followup_set_draft(fu, "Dear Dee, here it is.")) >= 0 && (e = iv_followup_set_status(fu, IV_FOLLOWUP_DONE)) >= 0)
		e = iv_followup_update(st->s->db, fu);
	iv_followup_free(fu);
	return e;
}

/* A cadence changed and an interaction: the check-in moves. */
static int ana_update(story *st)
{
	iv_contact *c = NULL;
	int e;

	if ((e = iv_contact_lookup(&c, st->s->db, st->ana)) < 0)
		return e;
	if ((e = iv_contact_set_cadence_days(c, 60)) >= 0 && (e = iv_contact_set_title(c, "CTO")) >= 0 &&
	    (e = iv_contact_add_email(c, "ana@home.example")) >= 0)
		e = iv_contact_update(st->s->db, c);
	iv_contact_free(c);
	return e;
}

static int cy_cadence_off(story *st)
{
	iv_contact *c = NULL;
	int e;

	if ((e = iv_contact_lookup(&c, st->s->db, st->cy)) < 0)
		return e;
	if ((e = iv_contact_set_cadence_days(c, 0)) >= 0)
		e = iv_contact_update(st->s->db, c);
	iv_contact_free(c);
	return e;
}

static int ana_touch(story *st) { return iv_contact_touch(st->s->db, st->ana, 0, "Coffee"); }

static int ana_interact(story *st)
{
	iv_note *n = NULL;
	int e = iv_contact_interact(&n, st->s->db, st->ana, T0 + 2 * DAY, "Talked about the move");

	if (e >= 0 && n)
		copy_id(st->note, iv_note_id(n));
	iv_note_free(n);
	return e;
}

static int add_note(story *st)
{
	iv_note *n = NULL;
	int e;

	if ((e = iv_note_new(&n)) < 0)
		return e;
	if ((e = iv_note_set_contact(n, st->cy)) >= 0 && (e = iv_note_set_text(n, "Likes tea")) >= 0)
		e = iv_note_insert(st->s->db, n);
	iv_note_free(n);
	return e;
}

static int delete_note(story *st) { return iv_note_delete(st->s->db, st->note); }

static int add_target(story *st, const char *name, const char *alias, int keep)
{
	iv_target *t = NULL;
	int e;

	if ((e = iv_target_new(&t)) < 0)
		return e;
	if ((e = iv_target_set_name(t, name)) >= 0 && (!alias || (e = iv_target_add_alias(t, alias)) >= 0) &&
	    (e = iv_target_set_motivation(t, 3)) >= 0 && (e = iv_target_insert(st->s->db, t)) >= 0 && keep)
		copy_id(st->target, iv_target_id(t));
	iv_target_free(t);
	return e;
}

static int add_target_acme(story *st) { return add_target(st, "Acme", "Acme Corp", 1); }
static int add_target_other(story *st) { return add_target(st, "Initech", NULL, 0); }

/* Its aliases replaced: the SQLite backend rewrites the alias rows. */
static int update_target(story *st)
{
	iv_target *t = NULL;
	int e;

	if ((e = iv_target_lookup(&t, st->s->db, st->target)) < 0)
		return e;
	iv_target_clear_aliases(t);
	if ((e = iv_target_add_alias(t, "Acme Inc")) >= 0 && (e = iv_target_add_alias(t, "ACME Ltd")) >= 0 &&
	    (e = iv_target_set_posting(t, 1)) >= 0)
		e = iv_target_update(st->s->db, t);
	iv_target_free(t);
	return e;
}

static int delete_target(story *st) { return iv_target_delete(st->s->db, st->target); }

static int read_plan(story *st)
{
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item = NULL;
	int e;

	if ((e = iv_target_plan(&it, st->s->db)) < 0)
		return e;
	while ((e = iv_target_plan_next(&item, it)) == 0)
		iv_target_plan_item_free(item);
	iv_target_plan_iter_free(it);
	return e == IV_ITEROVER ? 0 : e;
}

static int intro_update(story *st)
{
	iv_intro *in = NULL;
	int e;

	if ((e = iv_intro_lookup(&in, st->s->db, st->intro_db)) < 0)
		return e;
	if ((e = iv_intro_set_note(in, "Met at a conference")) >= 0 && (e = iv_intro_set_channel(in, IV_CHANNEL_IN_PERSON)) >= 0)
		e = iv_intro_update(st->s->db, in);
	iv_intro_free(in);
	return e;
}

static int rules_set(story *st)
{
	iv_rules r = IV_RULES_INIT;

	r.nudge_other_days = 2;
	r.report_back_days = 20;
	return iv_rules_set(st->s->db, &r);
}

static int rules_apply(story *st) { return iv_rules_apply(st->s->db); }

static int save_request(story *st)
{
	return iv_draft_save_request(st->s->db, st->iv_ben, "Dear Ben, could we talk?");
}

static int setting(story *st) { return iv_db_setting_set(st->s->db, "app.theme", "dark"); }
static int template_set(story *st) { return iv_draft_template_set(st->s->db, TEMPLATE, "Hi {{contact.name}},\n\nThanks."); }
static int template_clear(story *st) { return iv_draft_template_clear(st->s->db, TEMPLATE); }

static int profile(story *st)
{
	iv_profile *p = NULL;
	int e;

	if ((e = iv_profile_new(&p)) < 0)
		return e;
	if ((e = iv_profile_set_name(p, "Sam")) >= 0 && (e = iv_profile_set_exploring(p, "data work")) >= 0)
		e = iv_profile_set(st->s->db, p);
	iv_profile_free(p);
	return e;
}

typedef struct {
	const char *text;
	size_t at;
} reader;

static int read_text(char *out, size_t size, size_t *got, void *payload)
{
	reader *r = payload;
	size_t n = strlen(r->text + r->at);

	if (n > size)
		n = size;
	memcpy(out, r->text + r->at, n);
	r->at += n;
	*got = n;
	return 0;
}

static int import(story *st, int format, const char *text)
{
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *rep = NULL;
	reader r = { text, 0 };
	int e;

	o.tag = "imported";
	e = iv_import(&rep, st->s->db, format, read_text, &r, &o);
	iv_import_report_free(rep);
	return e;
}

/* A new contact, one merged with Ana by address, one unchanged row... */
static int import_csv(story *st)
{
	return import(st, IV_FORMAT_CSV,
		      "Name,Email,Company,Title\n"
		      "Eve Evans,eve@example.org,Hooli,Engineer\n"
		      "Ana Alvarez,ana@acme.example,Acme,Chief Technology Officer\n");
}

/* ...and vCards, one with a UID the store remembers (a setting). */
static int import_vcard(story *st)
{
	return import(st, IV_FORMAT_VCARD,
		      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\r\n"
		      "FN:Fay Fox\r\nEMAIL:fay@example.net\r\nORG:Umbrella\r\nEND:VCARD\r\n"
		      "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:fay-2\r\nFN:Gus Grey\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n");
}

/* Rows of an import with IV_IMPORT_PER_ROW: each is its own transaction. */
static const char *const per_row_rows[] = {
	"Kim Kerr,kim@example.org,Hooli\n",
	"Ana Alvarez,ana@acme.example,Acme Corp\n",
	"Lee Lam,lee@example.org,\n",
};
#define PER_ROW_COUNT (sizeof(per_row_rows) / sizeof(per_row_rows[0]))

/* The CSV of the first `n` rows. */
static void per_row_csv(char *out, size_t size, size_t n)
{
	size_t i;

	snprintf(out, size, "Name,Email,Company\n");
	for (i = 0; i < n; i++)
		strncat(out, per_row_rows[i], size - strlen(out) - 1);
}

static int import_rows(story *st, size_t n)
{
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	char csv[512];
	reader r = { csv, 0 };

	per_row_csv(csv, sizeof(csv), n);
	o.flags = IV_IMPORT_PER_ROW;
	return iv_import(NULL, st->s->db, IV_FORMAT_CSV, read_text, &r, &o);
}

static int import_per_row(story *st) { return import_rows(st, PER_ROW_COUNT); }

/* A dry run writes inside a transaction it rolls back: never anything. */
static int import_dry(story *st)
{
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	reader r = { "Name,Email\nHal Hill,hal@example.org\nAna Alvarez,ana@acme.example\n", 0 };

	o.flags = IV_IMPORT_DRY_RUN;
	return iv_import(NULL, st->s->db, IV_FORMAT_CSV, read_text, &r, &o);
}

/* The caller's own transaction around several calls: a failure rolls it all back. */
static int caller_transaction(story *st)
{
	char a[40], b[40];
	int e;

	if ((e = iv_db_begin(st->s->db)) < 0)
		return e;
	if ((e = contact(st, a, "Ivy Ito", "Acme", "ivy@acme.example", 7)) >= 0 &&
	    (e = contact(st, b, "Jon Jay", NULL, NULL, 0)) >= 0 &&
	    (e = intro(st, st->intro_ij, a, b)) >= 0 && (e = iv_contact_touch(st->s->db, a, 0, NULL)) >= 0)
		e = iv_db_commit(st->s->db);
	if (e < 0) {
		char msg[512];
		snprintf(msg, sizeof(msg), "%s", iv_error_last()->message);
		iv_db_rollback(st->s->db);
		iv_error_set(e, msg);
	}
	return e;
}

static int add_iv_jon(story *st)
{
	int e = interview(st, st->iv_jon, st->ben, NULL, IV_INTERVIEW_PLANNED);

	return e;
}

static int jon_cancelled(story *st) { return move(st, st->iv_jon, IV_INTERVIEW_CANCELLED); }

/* --- Reads: a failure is an error with its code, never a short answer ---------- */

static int read_agenda(story *st)
{
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	int e;

	o.at = T0 + 2 * DAY;
	if ((e = iv_agenda(&it, st->s->db, &o)) < 0)
		return e;
	while ((e = iv_agenda_iter_next(&item, it)) == 0)
		iv_agenda_item_free(item);
	iv_agenda_iter_free(it);
	return e == IV_ITEROVER ? 0 : e;
}

static int read_search(story *st)
{
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	int e;

	if ((e = iv_search(&it, st->s->db, "acme", NULL)) < 0)
		return e;
	while ((e = iv_search_iter_next(&hit, it)) == 0)
		iv_search_hit_free(hit);
	iv_search_iter_free(it);
	return e == IV_ITEROVER ? 0 : e;
}

static int read_timeline(story *st)
{
	iv_timeline_iter *it = NULL;
	iv_timeline_entry *en = NULL;
	int e;

	if ((e = iv_timeline(&it, st->s->db, st->cy)) < 0)
		return e;
	while ((e = iv_timeline_iter_next(&en, it)) == 0)
		iv_timeline_entry_free(en);
	iv_timeline_iter_free(it);
	return e == IV_ITEROVER ? 0 : e;
}

static int read_network(story *st)
{
	iv_network *net = NULL;
	iv_path *p = NULL;
	int e, degree = 0;

	if ((e = iv_network_load(&net, st->s->db)) < 0)
		return e;
	iv_network_free(net);
	if ((e = iv_db_path(&p, st->s->db, st->cy)) < 0)
		return e;
	iv_path_free(p);
	return iv_db_degree(&degree, st->s->db, st->cy);
}

static int discard(const char *data, size_t len, void *payload)
{
	(void)data;
	(void)len;
	(void)payload;
	return 0;
}

static int read_export(story *st)
{
	int e;

	if ((e = iv_export(st->s->db, IV_FORMAT_JSON, discard, NULL, NULL)) < 0 ||
	    (e = iv_export(st->s->db, IV_FORMAT_VCARD, discard, NULL, NULL)) < 0)
		return e;
	return iv_export(st->s->db, IV_FORMAT_ICALENDAR, discard, NULL, NULL);
}

static int read_draft(story *st)
{
	char *text = NULL;
	int e = iv_draft_request(&text, st->s->db, st->iv_ben, NULL);

	iv_free(text);
	return e;
}

static int delete_intro_cascade(story *st) { return iv_intro_delete(st->s->db, st->intro_db, IV_DELETE_CASCADE); }
static int delete_iv_cascade(story *st) { return iv_interview_delete(st->s->db, st->iv_ben, IV_DELETE_CASCADE); }
static int delete_cy_cascade(story *st) { return iv_contact_delete(st->s->db, st->cy, IV_DELETE_CASCADE); }
static int delete_dee_refused(story *st) { return iv_contact_delete(st->s->db, st->dee, 0); }

static int write_backup(const char *data, size_t len, void *payload)
{
	story *st = payload;
	char *p = realloc(st->backup, st->backup_len + len + 1);

	if (!p)
		return IV_ENOMEM;
	memcpy(p + st->backup_len, data, len);
	st->backup = p;
	st->backup_len += len;
	p[st->backup_len] = '\0';
	return 0;
}

/* The backup of the story's store, restored into a new one. */
static void prepare_restore(story *st)
{
	free(st->backup);
	st->backup = NULL;
	st->backup_len = 0;
	fault_disarm(st->main.f);
	DIE_UNLESS(iv_export(st->main.db, IV_FORMAT_JSON, write_backup, st, NULL));
	st->s = &st->restored;
}

static int restore(story *st)
{
	reader r = { st->backup, 0 };
	iv_import_report *rep = NULL;
	int e = iv_import(&rep, st->s->db, IV_FORMAT_JSON, read_text, &r, NULL);

	iv_import_report_free(rep);
	return e;
}

static const step steps[] = {
	{ "insert a contact with a cadence", NULL, add_ana, 0 },
	{ "insert a contact", NULL, add_ben, 0 },
	{ "insert a contact (2)", NULL, add_cy, 0 },
	{ "insert a contact (3)", NULL, add_dee, 0 },
	{ "insert an introduction", NULL, add_intro_bc, 0 },
	{ "insert an introduction (2)", NULL, add_intro_db, 0 },
	{ "insert a planned interview", NULL, add_iv_cy, 0 },
	{ "insert a requested interview", NULL, add_iv_ana, 0 },
	{ "insert a planned interview (2)", NULL, add_iv_ben, 0 },
	{ "insert a completed interview", NULL, add_iv_dee, 0 },
	{ "move: requested", NULL, cy_requested, 0 },
	{ "move: scheduled", NULL, cy_scheduled, 0 },
	{ "update: re-time", NULL, cy_update, 0 },
	{ "unschedule", NULL, cy_unschedule, 0 },
	{ "move: scheduled again", NULL, cy_scheduled, 0 },
	{ "move: completed", NULL, cy_completed, 0 },
	{ "update: advice after completion", NULL, cy_advice, 0 },
	{ "move: declined", NULL, ana_declined, 0 },
	{ "move: requested (2)", NULL, ben_requested, 0 },
	{ "save a request text", NULL, save_request, 0 },
	{ "move: no response", NULL, ben_no_response, 0 },
	{ "close a follow-up as done", find_thank_you, close_done, 0 },
	{ "close a check-in as skipped", find_check_in, close_skipped, 0 },
	{ "insert a follow-up", NULL, add_custom, 0 },
	{ "insert a follow-up done", NULL, add_done, 0 },
	{ "update a follow-up to done", NULL, update_custom, 0 },
	{ "update a contact's cadence", NULL, ana_update, 0 },
	{ "turn a cadence off", NULL, cy_cadence_off, 0 },
	{ "touch a contact", NULL, ana_touch, 0 },
	{ "interact with a note", NULL, ana_interact, 0 },
	{ "insert a note", NULL, add_note, 0 },
	{ "delete a note", NULL, delete_note, 0 },
	{ "insert a target", NULL, add_target_acme, 0 },
	{ "insert a target (2)", NULL, add_target_other, 0 },
	{ "update a target's aliases", NULL, update_target, 0 },
	{ "read the plan", NULL, read_plan, 1 },
	{ "update an introduction", NULL, intro_update, 0 },
	{ "set the rule times", NULL, rules_set, 0 },
	{ "set a setting", NULL, setting, 0 },
	{ "set a template", NULL, template_set, 0 },
	{ "clear a template", NULL, template_clear, 0 },
	{ "set a template again", NULL, template_set, 0 },
	{ "set the profile", NULL, profile, 0 },
	{ "delete a rule's follow-up", find_thank_dee, delete_fu, 0 },
	{ "apply the rules", NULL, rules_apply, 0 },
	{ "import CSV", NULL, import_csv, 0 },
	{ "import vCard", NULL, import_vcard, 0 },
	{ "import CSV, dry run", NULL, import_dry, 0 },
	{ "import CSV, a transaction per row", NULL, import_per_row, 0 },
	{ "a caller's transaction", NULL, caller_transaction, 0 },
	{ "insert a planned interview (3)", NULL, add_iv_jon, 0 },
	{ "move: cancelled", NULL, jon_cancelled, 0 },
	{ "read the agenda", NULL, read_agenda, 1 },
	{ "search", NULL, read_search, 1 },
	{ "read a timeline", NULL, read_timeline, 1 },
	{ "read the network", NULL, read_network, 1 },
	{ "export", NULL, read_export, 1 },
	{ "draft a request", NULL, read_draft, 1 },
	{ "delete an introduction with cascade", NULL, delete_intro_cascade, 0 },
	{ "delete an interview with cascade", NULL, delete_iv_cascade, 0 },
	{ "refuse to delete a referenced contact", NULL, delete_dee_refused, 0 },
	{ "delete a contact with cascade", NULL, delete_cy_cascade, 0 },
	{ "delete a target", NULL, delete_target, 0 },
	{ "restore a backup", prepare_restore, restore, 0 },
};

#define NSTEPS (sizeof(steps) / sizeof(steps[0]))

/* --- The sweep --------------------------------------------------------------------- */

/* Steps an older backend cannot take (version 1 keeps no notes; before 6, no targets). */
static int skipped(size_t i)
{
	if (version < 6 && (steps[i].run == add_target_acme || steps[i].run == add_target_other ||
			    steps[i].run == update_target || steps[i].run == read_plan ||
			    steps[i].run == delete_target))
		return 1;
	return version < 2 && (steps[i].run == add_note || steps[i].run == delete_note);
}

static const int codes[] = { IV_ESTORAGE, IV_EBUSY, IV_ENOMEM, IV_ECONSTRAINT, IV_ERROR };
#define NCODES (sizeof(codes) / sizeof(codes[0]))

static void story_open(story *st, const char *tag)
{
	char name[64];

	memset(st, 0, sizeof(*st));
	snprintf(name, sizeof(name), "%s-main.db", tag);
	store_open(&st->main, name);
	snprintf(name, sizeof(name), "%s-restored.db", tag);
	store_open(&st->restored, name);
	st->s = &st->main;
}

static void story_close(story *st)
{
	iv_db_free(st->main.db);
	iv_db_free(st->restored.db);
	free(st->backup);
}

/* The step's clock: an hour apart, so that every step's times differ. */
static void step_time(story *st, size_t i)
{
	st->main.now = st->restored.now = T0 + (iv_time)(i + 1) * HOUR;
}

/*
 * The story with no fault: the store after each step, normalised; the
 * expected result of a step (refusals included).
 */
static char *reference[NSTEPS];
static int reference_rc[NSTEPS];

static void run_reference(void)
{
	story st;
	size_t i;

	story_open(&st, "reference");
	for (i = 0; i < NSTEPS; i++) {
		char *d;
		if (skipped(i))
			continue;
		step_time(&st, i);
		if (steps[i].prepare)
			steps[i].prepare(&st);
		fault_arm(st.s->f, 0, 0, 0);
		reference_rc[i] = steps[i].run(&st);
		/* Only the refusal is expected; a version-1 backend also refuses notes. */
		if (reference_rc[i] < 0 && reference_rc[i] != IV_ECONSTRAINT && !(version == 1 && reference_rc[i] == IV_EVERSION)) {
			fprintf(stderr, "step '%s' fails with no fault: %s\n", steps[i].name, iv_error_last()->message);
			exit(1);
		}
		d = dump(st.s);
		reference[i] = normalise(d);
		free(d);
	}
	story_close(&st);
}

/*
 * What a failed import with IV_IMPORT_PER_ROW may leave: the store with
 * its first j rows imported, for each j (normalised); found by importing
 * them in a transaction rolled back after the dump.
 */
static char *per_row_states[PER_ROW_COUNT + 1];

static void per_row_prepare(story *st)
{
	size_t j;

	fault_disarm(st->s->f);
	for (j = 0; j <= PER_ROW_COUNT; j++) {
		char *d;
		DIE_UNLESS(iv_db_begin(st->s->db));
		DIE_UNLESS(import_rows(st, j));
		d = dump(st->s);
		per_row_states[j] = normalise(d);
		free(d);
		DIE_UNLESS(iv_db_rollback(st->s->db));
	}
}

static void per_row_free(void)
{
	size_t j;

	for (j = 0; j <= PER_ROW_COUNT; j++) {
		free(per_row_states[j]);
		per_row_states[j] = NULL;
	}
}

/* Whether `after` is the store with some first rows imported, all of each. */
static int per_row_whole(const char *after)
{
	char *norm = normalise(after);
	size_t j;
	int found = 0;

	for (j = 0; j < PER_ROW_COUNT && !found; j++)
		found = strcmp(norm, per_row_states[j]) == 0;
	free(norm);
	return found;
}

/* One failing run of step `i` with call `k` failing; 1 when the step is done. */
static int try_fault(story *st, size_t i, long k, int code, int mode, const char *before, long *calls)
{
	char msg[600];
	char *after, *norm;
	/*
	 * An import with a transaction per row keeps the rows before a
	 * failure: it runs in a transaction of the test's, rolled back after,
	 * so that each k starts from the same store.
	 */
	int wrap = steps[i].run == import_per_row;
	int rc, done = 0;

	if (wrap)
		DIE_UNLESS(iv_db_begin(st->s->db));
	fault_arm(st->s->f, k, code, mode);
	runs++;
	rc = steps[i].run(st);
	fault_disarm(st->s->f);
	*calls = fault_calls(st->s->f);
	snprintf(msg, sizeof(msg), "%s", iv_error_last()->message);
	if (!fault_hit(st->s->f)) {
		/* k is past the call's last backend call: it ran without failure. */
		if (rc != reference_rc[i])
			failf("%s: step '%s' returned %d with no fault (%s), not %d\n", backend_name,
			      steps[i].name, rc, msg, reference_rc[i]);
		done = 1;
	} else if (rc == 0 && steps[i].read) {
		failf("%s: step '%s', call %ld (%s) failing with %s: the read returned 0 all the same\n",
		      backend_name, steps[i].name, k, fault_where(st->s->f), iv_error_name(code));
		done = 1;
	} else if (rc == reference_rc[i]) {
		if (verbose)
			printf("%s: step '%s', call %ld (%s) failing with %s: absorbed\n", backend_name,
			       steps[i].name, k, fault_where(st->s->f), iv_error_name(code));
		/*
		 * The failure was absorbed (a fallback; a failed rollback after a
		 * refusal): the result must be right all the same.
		 */
		done = 1;
	} else if (rc != code) {
		failf("%s: step '%s', call %ld (%s) failing with %s: returned %s (%s)\n", backend_name,
		      steps[i].name, k, fault_where(st->s->f), iv_error_name(code), iv_error_name(rc), msg);
	} else if (!msg[0] || strcmp(msg, "no error") == 0) {
		failf("%s: step '%s', call %ld (%s): error without a message\n", backend_name, steps[i].name,
		      k, fault_where(st->s->f));
	}
	if (iv_db_transaction_depth(st->s->db) != wrap) {
		failf("%s: step '%s', call %ld (%s): %d transaction(s) left open\n", backend_name,
		      steps[i].name, k, fault_where(st->s->f), iv_db_transaction_depth(st->s->db) - wrap);
		exit(1);
	}
	after = dump(st->s);
	if (done) {
		norm = normalise(after);
		if (strcmp(norm, reference[i]) != 0) {
			failf("%s: step '%s' (after call %ld, %s, failed with %s): the store differs from the story "
			      "with no fault\n", backend_name, steps[i].name, k, fault_where(st->s->f),
			      iv_error_name(code));
			show_difference(reference[i], norm);
		}
		free(norm);
	} else if (steps[i].run == import_per_row && strcmp(after, before) != 0) {
		/* Each row is its own transaction: the rows before the failing one stay, whole. */
		if (verbose)
			printf("%s: step '%s', call %ld (%s) failing: the rows before it stay\n", backend_name,
			       steps[i].name, k, fault_where(st->s->f));
		if (!per_row_whole(after)) {
			failf("%s: step '%s', call %ld (%s) failing with %s (%s): the store is not the one before "
			      "with some rows imported whole\n", backend_name, steps[i].name, k,
			      fault_where(st->s->f), iv_error_name(code),
			      mode == FAULT_AFTER ? "after the write" : "before");
			exit(1);
		}
	} else if (strcmp(after, before) != 0) {
		failf("%s: step '%s', call %ld (%s) failing with %s (%s): the store changed\n", backend_name,
		      steps[i].name, k, fault_where(st->s->f), iv_error_name(code),
		      mode == FAULT_AFTER ? "after the write" : "before");
		show_difference(before, after);
		/* Every later comparison would show the same change again. */
		exit(1);
	}
	free(after);
	if (wrap) {
		DIE_UNLESS(iv_db_rollback(st->s->db));
		after = dump(st->s);
		if (strcmp(after, before) != 0) {
			failf("%s: step '%s': the test's rollback did not restore the store\n", backend_name,
			      steps[i].name);
			exit(1);
		}
		free(after);
		if (done) {
			/* And once for good, outside any transaction. */
			fault_arm(st->s->f, 0, 0, 0);
			if ((rc = steps[i].run(st)) != reference_rc[i])
				failf("%s: step '%s' returned %d with no fault (%s)\n", backend_name, steps[i].name,
				      rc, iv_error_last()->message);
			after = dump(st->s);
			norm = normalise(after);
			if (strcmp(norm, reference[i]) != 0) {
				failf("%s: step '%s': the store differs from the story with no fault\n",
				      backend_name, steps[i].name);
				show_difference(reference[i], norm);
			}
			free(norm);
			free(after);
		}
	}
	return done;
}

static void sweep(int all)
{
	story st;
	size_t i;

	story_open(&st, "sweep");
	for (i = 0; i < NSTEPS; i++) {
		char *before;
		long k, calls = 0;
		int done = 0;

		if (skipped(i))
			continue;
		step_time(&st, i);
		if (steps[i].prepare)
			steps[i].prepare(&st);
		before = dump(st.s);
		if (steps[i].run == import_per_row)
			per_row_prepare(&st);
		for (k = 1; !done; k++) {
			if (all) {
				size_t c;
				int m;
				for (c = 0; c < NCODES && !done; c++)
					for (m = FAULT_BEFORE; m <= FAULT_AFTER && !done; m++)
						done = try_fault(&st, i, k, codes[c], m, before, &calls);
			} else {
				/*
				 * The codes in turn; both ways when the call that
				 * failed is a write.
				 */
				done = try_fault(&st, i, k, codes[k % NCODES], FAULT_BEFORE, before, &calls);
				if (!done && fault_hit_write(st.s->f))
					done = try_fault(&st, i, k, codes[(k + 2) % NCODES], FAULT_AFTER, before, &calls);
			}
			if (k > 100000) {
				failf("step '%s' never ends\n", steps[i].name);
				break;
			}
		}
		if (verbose)
			printf("%-40s %ld backend calls\n", steps[i].name, calls);
		per_row_free();
		free(before);
	}
	printf("%s: %zu steps, %ld runs with a fault armed, %d failure(s)\n", backend_name, NSTEPS, runs, failures);
	story_close(&st);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];

	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < sizeof(path))
				unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	size_t i;

	if (argc < 2 || (strcmp(argv[1], "memory") != 0 && strcmp(argv[1], "sqlite") != 0) ||
	    (argc > 2 && strcmp(argv[2], "v1") != 0)) {
		fprintf(stderr, "usage: %s memory|sqlite [v1]\n", argv[0]);
		return 2;
	}
	backend_name = argv[1];
	version = argc > 2 ? 1 : IV_BACKEND_VERSION;
	setenv("TZ", "UTC", 1);
	tzset();
	verbose = getenv("IV_FAULT_VERBOSE") && *getenv("IV_FAULT_VERBOSE") == '1';
	if (strcmp(backend_name, "sqlite") == 0) {
		snprintf(dir, sizeof(dir), "%s/iv-fault-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			return 1;
		}
		/* Also when a failure ends the run early. */
		atexit(remove_dir);
	}
	run_reference();
	sweep(getenv("IV_FAULT_ALL") && *getenv("IV_FAULT_ALL") == '1');
	for (i = 0; i < NSTEPS; i++)
		free(reference[i]);
	return failures ? 1 : 0;
}
