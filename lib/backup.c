/*
 * The lossless JSON backup (IV_FORMAT_JSON): every record of every kind
 * with every field, and every setting, written and read one record at a
 * time with jansson, so that memory is bounded by the largest record.
 *
 * The document, format version 1, is one JSON object:
 *
 *   {"format": "infoview-backup", "version": 1,
 *   "settings": [
 *   {"key": "iv.number.contact", "value": "2"},
 *   ...
 *   ],
 *   "contacts": [
 *   {"id": "0190...", "number": 1, "created": "2026-03-02T09:00:00Z", ...},
 *   ...
 *   ],
 *   "intros": [...], "interviews": [...], "followups": [...], "notes": [...],
 *   "targets": [...]
 *   }
 *
 * "format" comes first and "version" second, so that a reader knows what
 * it holds before anything else; then the arrays, in the order a restore
 * needs them (settings give the numbering counters, contacts come before
 * what names them). Each record is on a line of its own, so the file is
 * both one JSON document and a line-oriented one (diff, grep).
 *
 * Order. Each kind is written in the order the store lists it, which
 * backend.h prescribes to every backend: contacts by name (ASCII
 * case-insensitively), then id; introductions and interviews by created
 * time, then id; follow-ups by due time, then id; notes by their time,
 * then id; targets by name, then id; settings in byte order of their keys. Number order would read
 * better, but no list is ordered by number and a backend can only be asked
 * for one number at a time (a scan of every record on the memory backend),
 * and sorting in memory would break the bound of one record.
 *
 * Fields. Every field of every record is written, unset ones as null:
 * text as JSON text, enumerations by their names (iv_enum_name()), times
 * as RFC 3339 UTC text with seconds ("2026-03-12T14:30:00Z") for
 * readability, null for 0 (unset). An iv_time is whole seconds, so the
 * text form is exact; a time outside the years 0001 to 9999, which the
 * text form cannot hold (and which the library itself never makes), is
 * written as its integer number of seconds, so that nothing is lost.
 *
 * Restore is strict, because a backup that restores differently from what
 * it says is worse than one refused: an unknown member (which would be
 * dropped), a wrong type, an unknown name, an id that is not a UUID, an id
 * or a number given twice, a reference to a record that is not in the
 * backup, or invalid JSON stops it with a message naming the line; the
 * caller (import.c) then rolls everything back.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "io.h"
#include "records.h"
#include "template.h"
#include "workflow.h"

#define BACKUP_FORMAT "infoview-backup"
#define BACKUP_VERSION 1

/* The document's arrays, in the order they are written and must be read. */
enum { S_SETTINGS, S_CONTACTS, S_INTROS, S_INTERVIEWS, S_FOLLOWUPS, S_NOTES, S_TARGETS, S_COUNT };

static const struct section {
	const char *array;   /* the member of the document */
	const char *what;    /* one record, in words */
	const char *plural;  /* several, in words */
	const char *counter; /* the kind in the setting "iv.number.<kind>"; NULL for settings */
} sections[S_COUNT] = {
	[S_SETTINGS] = { "settings", "setting", "settings", NULL },
	[S_CONTACTS] = { "contacts", "contact", "contacts", "contact" },
	[S_INTROS] = { "intros", "introduction", "introductions", "intro" },
	[S_INTERVIEWS] = { "interviews", "interview", "interviews", "interview" },
	[S_FOLLOWUPS] = { "followups", "follow-up", "follow-ups", "followup" },
	[S_NOTES] = { "notes", "note", "notes", "note" },
	[S_TARGETS] = { "targets", "target", "targets", "target" },
};

/* ------------------------------------------------------------------ */
/* Times: RFC 3339 text for the years 0001 to 9999, exact both ways.    */

/* The first second of 0001-01-01 UTC; IV_TIME_MAX is the last of 9999. */
#define TEXT_TIME_MIN INT64_C(-62135596800)
#define DAY INT64_C(86400)

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of a day since 1970-01-01 (the inverse of days_from_civil()). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/*
 * Writes "YYYY-MM-DDTHH:MM:SSZ" (20 bytes) for a time in the years 0001 to 9999 and
 * returns 1; returns 0 (nothing written) outside them.
 */
static int time_text(char out[64], iv_time t)
{
	int64_t days, secs, y;
	int m, d;

	if (t < TEXT_TIME_MIN || t > IV_TIME_MAX)
		return 0;
	days = t / DAY - (t % DAY < 0);
	secs = t - days * DAY;
	civil_from_days(days, &y, &m, &d);
	snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
	return 1;
}

/* Reads exactly the form time_text() writes: 0, or -1 for anything else. */
static int time_parse(iv_time *out, const char *s)
{
	static const int at[6] = { 0, 5, 8, 11, 14, 17 }, len[6] = { 4, 2, 2, 2, 2, 2 };
	char back[64];
	int v[6], i, j;
	iv_time t;

	if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != 'Z')
		return -1;
	for (i = 0; i < 6; i++) {
		v[i] = 0;
		for (j = at[i]; j < at[i] + len[i]; j++) {
			if (s[j] < '0' || s[j] > '9')
				return -1;
			v[i] = v[i] * 10 + (s[j] - '0');
		}
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59)
		return -1;
	t = days_from_civil(v[0], v[1], v[2]) * DAY + v[3] * 3600 + v[4] * 60 + v[5];
	/* A day past its month's end (02-30) or the year 0000 does not come back the same. */
	if (!time_text(back, t) || strcmp(back, s) != 0)
		return -1;
	*out = t;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

/* One record being built; the first member that could not be added is kept. */
struct jrec {
	json_t *o;
	const char *what, *id; /* for messages */
	const char *bad;       /* the member that failed, or NULL */
	int unknown;           /* the enumeration value without a name, when that was why */
};

static void jrec_init(struct jrec *r, const char *what, const char *id)
{
	r->o = json_object();
	r->what = what;
	r->id = id ? id : "";
	r->bad = r->o ? NULL : "the record";
	r->unknown = 0;
}

/* Adds member `key`; `v` is taken (NULL: no memory), as jansson's *_set_new() do. */
static void add(struct jrec *r, const char *key, json_t *v)
{
	if (json_object_set_new_nocheck(r->o, key, v) < 0 && !r->bad)
		r->bad = key;
}

static json_t *text(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *when(iv_time t)
{
	char s[64];

	if (t == 0)
		return json_null();
	if (time_text(s, t))
		return json_string(s);
	return json_integer((json_int_t)t);
}

static void add_enum(struct jrec *r, const char *key, const char *type, int value)
{
	const char *name = iv_enum_name(type, value);

	if (!name && !r->bad) {
		r->bad = key;
		r->unknown = value;
	}
	add(r, key, name ? json_string(name) : NULL);
}

/* Appends a string to a list being built; a failure marks the record. */
static void append(struct jrec *r, json_t *list, const char *key, json_t *v)
{
	if (json_array_append_new(list, v) < 0 && !r->bad)
		r->bad = key;
}

/* The members every stored record has. */
static void add_head(struct jrec *r, const char *id, int64_t number, iv_time created)
{
	add(r, "id", text(id));
	add(r, "number", json_integer((json_int_t)number));
	add(r, "created", when(created));
}

static void contact_json(struct jrec *r, const iv_contact *c)
{
	json_t *emails = json_array(), *tags = json_array();
	size_t i;

	jrec_init(r, "contact", iv_contact_id(c));
	for (i = 0; i < iv_contact_email_count(c); i++)
		append(r, emails, "emails", json_string(iv_contact_email_at(c, i)));
	for (i = 0; i < iv_contact_tag_count(c); i++)
		append(r, tags, "tags", json_string(iv_contact_tag_at(c, i)));
	add_head(r, iv_contact_id(c), iv_contact_number(c), iv_contact_created(c));
	add(r, "updated", when(iv_contact_updated(c)));
	add(r, "name", text(iv_contact_name(c)));
	add(r, "emails", emails);
	add(r, "phone", text(iv_contact_phone(c)));
	add(r, "company", text(iv_contact_company(c)));
	add(r, "title", text(iv_contact_title(c)));
	add(r, "location", text(iv_contact_location(c)));
	add(r, "url", text(iv_contact_url(c)));
	add(r, "tags", tags);
	add_enum(r, "known", "known", iv_contact_known(c));
	add(r, "cadence_days", json_integer(iv_contact_cadence_days(c)));
	add(r, "last_interaction", when(iv_contact_last_interaction(c)));
	add(r, "notes", text(iv_contact_notes(c)));
}

static void intro_json(struct jrec *r, const iv_intro *in)
{
	jrec_init(r, "introduction", iv_intro_id(in));
	add_head(r, iv_intro_id(in), iv_intro_number(in), iv_intro_created(in));
	add(r, "updated", when(iv_intro_updated(in)));
	add(r, "introducer", text(iv_intro_introducer(in)));
	add(r, "introduced", text(iv_intro_introduced(in)));
	add_enum(r, "channel", "channel", iv_intro_channel(in));
	add_enum(r, "status", "intro_status", iv_intro_status(in));
	add(r, "requested_at", when(iv_intro_requested_at(in)));
	add(r, "made_at", when(iv_intro_made_at(in)));
	add(r, "note", text(iv_intro_note(in)));
}

/* When the interview entered each status, by the status' name (every status, null when never). */
static json_t *status_times(struct jrec *r, const iv_interview *iv)
{
	json_t *o = json_object();
	const char *name;
	size_t i;
	int status;

	for (i = 0; iv_enum_at(&status, &name, "interview_status", i) == 0; i++)
		if (json_object_set_new_nocheck(o, name, when(iv_interview_status_at(iv, status))) < 0 && !r->bad)
			r->bad = "status_at";
	return o;
}

static json_t *questions(struct jrec *r, const iv_interview *iv)
{
	json_t *list = json_array(), *q;
	size_t i;

	for (i = 0; i < iv_interview_question_count(iv); i++) {
		q = json_object();
		if (json_object_set_new_nocheck(q, "question", text(iv_interview_question_at(iv, i))) < 0 ||
		    json_object_set_new_nocheck(q, "answer", text(iv_interview_answer_at(iv, i))) < 0) {
			json_decref(q);
			q = NULL;
		}
		append(r, list, "questions", q);
	}
	return list;
}

static void interview_json(struct jrec *r, const iv_interview *iv)
{
	json_t *advice = json_array(), *resources = json_array();
	size_t i;

	jrec_init(r, "interview", iv_interview_id(iv));
	for (i = 0; i < iv_interview_advice_count(iv); i++)
		append(r, advice, "advice", json_string(iv_interview_advice_at(iv, i)));
	for (i = 0; i < iv_interview_resource_count(iv); i++)
		append(r, resources, "resources", json_string(iv_interview_resource_at(iv, i)));
	add_head(r, iv_interview_id(iv), iv_interview_number(iv), iv_interview_created(iv));
	add(r, "updated", when(iv_interview_updated(iv)));
	add(r, "contact", text(iv_interview_contact(iv)));
	add(r, "intro", text(iv_interview_intro(iv)));
	add_enum(r, "status", "interview_status", iv_interview_status(iv));
	add(r, "status_at", status_times(r, iv));
	add_enum(r, "medium", "medium", iv_interview_medium(iv));
	add(r, "scheduled_at", when(iv_interview_scheduled_at(iv)));
	add(r, "minutes", json_integer(iv_interview_minutes(iv)));
	add(r, "purpose", text(iv_interview_purpose(iv)));
	add(r, "questions", questions(r, iv));
	add(r, "advice", advice);
	add(r, "resources", resources);
	add(r, "notes", text(iv_interview_notes(iv)));
}

static void followup_json(struct jrec *r, const iv_followup *fu)
{
	jrec_init(r, "follow-up", iv_followup_id(fu));
	add_head(r, iv_followup_id(fu), iv_followup_number(fu), iv_followup_created(fu));
	add(r, "updated", when(iv_followup_updated(fu)));
	add(r, "contact", text(iv_followup_contact(fu)));
	add(r, "interview", text(iv_followup_interview(fu)));
	add_enum(r, "kind", "followup_kind", iv_followup_kind(fu));
	add_enum(r, "status", "followup_status", iv_followup_status(fu));
	add(r, "earliest", when(iv_followup_earliest(fu)));
	add(r, "due", when(iv_followup_due(fu)));
	add(r, "closed_at", when(iv_followup_closed_at(fu)));
	add(r, "rule", text(iv_followup_rule(fu)));
	add(r, "note", text(iv_followup_note(fu)));
	add(r, "draft", text(iv_followup_draft(fu)));
}

static void note_json(struct jrec *r, const iv_note *n)
{
	jrec_init(r, "note", iv_note_id(n));
	add_head(r, iv_note_id(n), iv_note_number(n), iv_note_created(n));
	add(r, "contact", text(iv_note_contact(n)));
	add(r, "at", when(iv_note_at(n)));
	add(r, "text", text(iv_note_text(n)));
}

static void target_json(struct jrec *r, const iv_target *t)
{
	json_t *aliases = json_array();
	size_t i;

	jrec_init(r, "target", iv_target_id(t));
	for (i = 0; i < iv_target_alias_count(t); i++)
		append(r, aliases, "aliases", json_string(iv_target_alias_at(t, i)));
	add_head(r, iv_target_id(t), iv_target_number(t), iv_target_created(t));
	add(r, "updated", when(iv_target_updated(t)));
	add(r, "name", text(iv_target_name(t)));
	add(r, "aliases", aliases);
	add(r, "motivation", json_integer(iv_target_motivation(t)));
	add(r, "posting", json_boolean(iv_target_posting(t)));
	add(r, "rank", json_integer(iv_target_rank(t)));
	add(r, "note", text(iv_target_note(t)));
}

struct out {
	struct iv__writer *w;
	iv_db *db;
	int first; /* no record written yet in the current array */
};

static int dump_to_writer(const char *buf, size_t size, void *data)
{
	return iv__put(data, buf, size) ? -1 : 0;
}

/* Writes a built record on a line of its own (and frees it). */
static int emit(struct out *o, struct jrec *r)
{
	int error;

	if (r->bad) {
		json_decref(r->o);
		if (r->unknown)
			return iv__error(IV_ERROR, "export: %s %s: %s holds %d, which has no name", r->what, r->id,
					 r->bad, r->unknown);
		return iv__error(IV_ENOMEM, "export: %s %s: out of memory writing %s", r->what, r->id, r->bad);
	}
	if (!o->first && (error = iv__put(o->w, ",\n", 2)) != 0) {
		json_decref(r->o);
		return error;
	}
	o->first = 0;
	/* Fixed member order, one line (indent 0 keeps ", " and ": " for the reader's eye). */
	error = json_dump_callback(r->o, dump_to_writer, o->w, JSON_INDENT(0) | JSON_PRESERVE_ORDER);
	json_decref(r->o);
	if (o->w->error)
		return o->w->error;
	if (error)
		return iv__error(IV_ENOMEM, "export: %s %s: out of memory", r->what, r->id);
	return iv__record_done(o->w);
}

static int array_begin(struct out *o, int s)
{
	o->first = 1;
	return iv__printf(o->w, "%s\"%s\": [\n", s == S_SETTINGS ? "" : ",\n", sections[s].array);
}

static int array_end(struct out *o)
{
	return iv__puts(o->w, o->first ? "]" : "\n]");
}

static int setting_out(const char *key, const char *value, void *payload)
{
	struct jrec r;

	jrec_init(&r, "setting", key);
	add(&r, "key", text(key));
	add(&r, "value", text(value));
	return emit(payload, &r);
}

/*
 * Each kind: its list in the store's order, each record written as it is
 * read. A non-zero value of the writer or of the progress callback stops
 * the export and is returned as it is.
 */
#define EXPORT_KIND(K, T, S) \
	static int export_##K(struct out *o) \
	{ \
		iv_##K##_iter *it = NULL; \
		T *rec = NULL; \
		struct jrec r; \
		int error; \
		if ((error = array_begin(o, S)) != 0 || (error = iv_##K##_list(&it, o->db, NULL)) != 0) \
			return error; \
		while ((error = iv_##K##_iter_next(&rec, it)) == 0) { \
			K##_json(&r, rec); \
			error = emit(o, &r); \
			iv_##K##_free(rec); \
			rec = NULL; \
			if (error != 0) \
				break; \
		} \
		iv_##K##_iter_free(it); \
		return error == IV_ITEROVER ? array_end(o) : error; \
	}

EXPORT_KIND(contact, iv_contact, S_CONTACTS)
EXPORT_KIND(intro, iv_intro, S_INTROS)
EXPORT_KIND(interview, iv_interview, S_INTERVIEWS)
EXPORT_KIND(followup, iv_followup, S_FOLLOWUPS)
EXPORT_KIND(note, iv_note, S_NOTES)
EXPORT_KIND(target, iv_target, S_TARGETS)

int iv__backup_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	struct out o = { w, db, 1 };
	int error;

	(void)opts;
	if ((error = iv__printf(w, "{\"format\": \"%s\", \"version\": %d,\n", BACKUP_FORMAT, BACKUP_VERSION)) != 0 ||
	    (error = array_begin(&o, S_SETTINGS)) != 0 ||
	    (error = iv__settings_each(db, "", setting_out, &o)) != 0 ||
	    (error = array_end(&o)) != 0 ||
	    (error = export_contact(&o)) != 0 || (error = export_intro(&o)) != 0 ||
	    (error = export_interview(&o)) != 0 || (error = export_followup(&o)) != 0)
		return error;
	/* A version-1 backend keeps no notes: the array is there, empty. */
	if (db->be->version < 2) {
		if ((error = array_begin(&o, S_NOTES)) != 0 || (error = array_end(&o)) != 0)
			return error;
	} else if ((error = export_note(&o)) != 0) {
		return error;
	}
	/* Nor does one older than version 6 keep targets. */
	if (db->be->version < 6) {
		if ((error = array_begin(&o, S_TARGETS)) != 0 || (error = array_end(&o)) != 0)
			return error;
	} else if ((error = export_target(&o)) != 0) {
		return error;
	}
	return iv__puts(w, "\n}\n");
}

/* ------------------------------------------------------------------ */
/* Restore: the document's frame                                       */

/* Numbers up to this are checked for duplicates with a bitmap (8 MiB at most); above, by asking the store. */
#define NUMBERS_IN_MEMORY (INT64_C(1) << 26)

struct numbers {
	int64_t last;        /* the setting iv.number.<kind> of the backup; 0 when missing */
	unsigned char *seen; /* a bit per number given */
	size_t size;
};

/* The longest vCard UID an import remembers (UID_KEY_MAX in import.c). */
#define UID_MAX 200

struct in {
	iv_db *db;
	iv_backend *be;
	struct iv__reader *r;
	struct iv__import_ctx *ctx;
	iv_import_report *report;
	uint64_t records;
	uint64_t line;        /* where the last token read started */
	size_t fed;           /* bytes of the current record handed to jansson */
	int too_long;
	char last_key[7 + UID_MAX + 1]; /* the previous setting's key, for the order */
	int any_setting;
	struct numbers num[S_COUNT];
};

/* A record being restored, for messages: "line 12: contact <id>: ...". */
struct rec {
	struct in *in;
	uint64_t line;
	const char *what;
	char id[80];
};

static int rec_error(const struct rec *x, int code, const char *fmt, ...) IV_PRINTF(3, 4);

static int rec_error(const struct rec *x, int code, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (x->id[0])
		return iv__error(code, "line %llu: %s %s: %s", (unsigned long long)x->line, x->what, x->id, msg);
	return iv__error(code, "line %llu: %s: %s", (unsigned long long)x->line, x->what, msg);
}

/* A library call's error, its message prefixed with the record. */
static int lib(const struct rec *x, int error)
{
	char msg[768];

	if (error >= 0)
		return 0;
	iv__error_ensure(error, "restoring a record");
	snprintf(msg, sizeof(msg), "%s", iv_error_message());
	return rec_error(x, error, "%s", msg);
}

static const char *what_found(char buf[24], int c)
{
	if (c < 0)
		return "the end of the input";
	if (c >= 0x20 && c < 0x7F)
		snprintf(buf, 24, "'%c'", c);
	else if (c == '\n')
		return "the end of the line";
	else
		snprintf(buf, 24, "byte 0x%02X", (unsigned)c);
	return buf;
}

/* The next byte that is not JSON white space, taken; in->line is its line. */
static int next_token(struct in *in)
{
	int c;

	for (;;) {
		in->line = in->r->line;
		c = iv__reader_getc(in->r);
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return c;
	}
}

/* The same, left in the reader. */
static int peek_token(struct in *in)
{
	int c;

	for (;;) {
		in->line = in->r->line;
		c = iv__reader_peek(in->r);
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return c;
		iv__reader_getc(in->r);
	}
}

/* `c` was not what the document needs here: the reader's error, or one naming the line. */
static int unexpected(struct in *in, int c, const char *want, const char *where)
{
	char buf[24];

	if (c < 0 && in->r->error)
		return in->r->error;
	if (c < 0)
		return iv__error(IV_EINVALID, "line %llu: the backup ends too early, %s (is the file cut short?)",
				 (unsigned long long)in->line, where);
	return iv__error(IV_EINVALID, "line %llu: expected %s %s, found %s", (unsigned long long)in->line, want,
			 where, what_found(buf, c));
}

static int expect(struct in *in, int want, const char *what, const char *where)
{
	int c = next_token(in);

	return c == want ? 0 : unexpected(in, c, what, where);
}

/*
 * A member name or the format's text: a JSON string of at most 63
 * printable ASCII characters without escapes, which is all the frame holds.
 */
static int frame_string(struct in *in, char out[64], const char *want, const char *where)
{
	size_t n = 0;
	int c;

	if ((c = next_token(in)) != '"')
		return unexpected(in, c, want, where);
	while ((c = iv__reader_getc(in->r)) != '"') {
		if (c < 0x20 || c >= 0x7F || c == '\\' || n == 63)
			return c < 0 ? unexpected(in, c, want, where)
				     : iv__error(IV_EINVALID, "line %llu: expected %s %s",
						 (unsigned long long)in->line, want, where);
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return 0;
}

/* ------------------------------------------------------------------ */
/* Restore: reading members                                            */

static const char *type_words(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "a list";
	case JSON_STRING:
		return "text";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "true or false";
	default:
		return "null";
	}
}

static int wrong_type(const struct rec *x, const char *key, const char *want, const json_t *v)
{
	return rec_error(x, IV_EINVALID, "%s: expected %s, found %s", key, want, type_words(v));
}

/* Refuses a member the record's kind does not have: restoring would drop it. */
static int only_members(const struct rec *x, json_t *o, const char *const *names)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach(o, key, v) {
		for (i = 0; names[i] && strcmp(names[i], key) != 0; i++)
			;
		if (!names[i])
			return rec_error(x, IV_EINVALID,
					 "unknown member '%.64s': restoring would lose it, so the backup is refused "
					 "(is it from a newer version of the library?)", key);
	}
	return 0;
}

/* Text, or NULL for null or a missing member. */
static int get_text(const char **out, const struct rec *x, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return wrong_type(x, key, "text or null", v);
	*out = json_string_value(v);
	return 0;
}

/* A time as written by when(): null is 0 (unset). */
static int time_value(iv_time *out, const struct rec *x, json_t *v, const char *key)
{
	*out = 0;
	if (json_is_null(v))
		return 0;
	if (json_is_integer(v)) {
		*out = (iv_time)json_integer_value(v);
		return 0;
	}
	if (!json_is_string(v))
		return wrong_type(x, key, "a time (text such as \"2026-03-12T14:30:00Z\", or seconds) or null", v);
	if (time_parse(out, json_string_value(v)) < 0)
		return rec_error(x, IV_EINVALID, "%s: '%.40s' is not a UTC time such as 2026-03-12T14:30:00Z",
				 key, json_string_value(v));
	return 0;
}

/* A time member; missing is 0 (unset). */
static int get_time(iv_time *out, const struct rec *x, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	*out = 0;
	return v ? time_value(out, x, v, key) : 0;
}

/* A whole number; *out keeps its default when the member is null or missing. */
static int get_int(int64_t *out, const struct rec *x, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return wrong_type(x, key, "a whole number", v);
	*out = (int64_t)json_integer_value(v);
	return 0;
}

/* An enumeration by name; *out keeps its default when the member is null or missing. */
static int get_enum(int *out, const struct rec *x, json_t *o, const char *key, const char *type)
{
	json_t *v = json_object_get(o, key);
	char names[256];
	const char *name;
	size_t i, n = 0;

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return wrong_type(x, key, "a name", v);
	if (iv_enum_value(out, type, json_string_value(v)) == 0)
		return 0;
	names[0] = '\0';
	for (i = 0; iv_enum_at(NULL, &name, type, i) == 0 && n < sizeof(names); i++)
		n += (size_t)snprintf(names + n, sizeof(names) - n, "%s%s", i ? ", " : "", name);
	return rec_error(x, IV_EINVALID, "%s: unknown value '%.40s' (one of: %s)", key, json_string_value(v), names);
}

/* An id (lower-cased into out), or "" for null or missing unless required. */
static int get_id(char out[IV_ID_LEN + 1], const struct rec *x, json_t *o, const char *key, int required)
{
	const char *s;
	int error;

	out[0] = '\0';
	if ((error = get_text(&s, x, o, key)) < 0)
		return error;
	if (!s && !required)
		return 0;
	if (!s)
		return rec_error(x, IV_EINVALID, "%s: is required", key);
	return lib(x, iv__parse_id(out, key, s));
}

/* A list whose items are all text (or, with `objects`, all objects); NULL when null or missing. */
static int get_list(json_t **out, const struct rec *x, json_t *o, const char *key, int objects)
{
	json_t *v = json_object_get(o, key), *item;
	size_t i;

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return wrong_type(x, key, objects ? "a list of objects" : "a list of text", v);
	json_array_foreach(v, i, item)
		if (objects ? !json_is_object(item) : !json_is_string(item))
			return rec_error(x, IV_EINVALID, "%s: item %zu: expected %s, found %s", key, i + 1,
					 objects ? "an object" : "text", type_words(item));
	*out = v;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Restore: numbers and references                                     */

#define NUMBER_TAKEN(K, T, F, INIT) \
	static int K##_number_taken(int *taken, iv_db *db, int64_t number) \
	{ \
		F f = INIT; \
		iv_##K##_iter *it = NULL; \
		T *r = NULL; \
		int error; \
		f.number = number; \
		if ((error = iv_##K##_list(&it, db, &f)) < 0) \
			return error; \
		error = iv_##K##_iter_next(&r, it); \
		*taken = error == 0; \
		iv_##K##_free(r); \
		iv_##K##_iter_free(it); \
		return error == IV_ITEROVER ? 0 : error; \
	}

NUMBER_TAKEN(contact, iv_contact, iv_contact_filter, IV_CONTACT_FILTER_INIT)
NUMBER_TAKEN(intro, iv_intro, iv_intro_filter, IV_INTRO_FILTER_INIT)
NUMBER_TAKEN(interview, iv_interview, iv_interview_filter, IV_INTERVIEW_FILTER_INIT)
NUMBER_TAKEN(followup, iv_followup, iv_followup_filter, IV_FOLLOWUP_FILTER_INIT)
NUMBER_TAKEN(note, iv_note, iv_note_filter, IV_NOTE_FILTER_INIT)
NUMBER_TAKEN(target, iv_target, iv_target_filter, IV_TARGET_FILTER_INIT)

static int number_taken(int *taken, struct in *in, int s, int64_t number)
{
	switch (s) {
	case S_CONTACTS:
		return contact_number_taken(taken, in->db, number);
	case S_INTROS:
		return intro_number_taken(taken, in->db, number);
	case S_INTERVIEWS:
		return interview_number_taken(taken, in->db, number);
	case S_FOLLOWUPS:
		return followup_number_taken(taken, in->db, number);
	case S_TARGETS:
		return target_number_taken(taken, in->db, number);
	default:
		return note_number_taken(taken, in->db, number);
	}
}

/* Marks `number` given; 1 if it already was. */
static int number_seen(int *twice, struct numbers *n, int64_t number)
{
	size_t byte = (size_t)(number / 8), size;
	unsigned char bit = (unsigned char)(1u << (number % 8)), *grown;

	if (byte >= n->size) {
		size = n->size ? n->size : 1024;
		while (size <= byte)
			size *= 2;
		if (!(grown = realloc(n->seen, size)))
			return iv__oom();
		memset(grown + n->size, 0, size - n->size);
		n->seen = grown;
		n->size = size;
	}
	*twice = (n->seen[byte] & bit) != 0;
	n->seen[byte] |= bit;
	return 0;
}

/*
 * Checks a record's number: one the store gave (at most the backup's
 * counter), given once. A record without one (0: from a store whose
 * backend kept no numbers) is numbered now, as the store would have.
 */
static int take_number(int64_t *number, const struct rec *x, int s)
{
	struct in *in = x->in;
	struct numbers *n = &in->num[s];
	int twice = 0, error;

	if (*number < 0)
		return rec_error(x, IV_EINVALID, "number: %" PRId64 " is negative", *number);
	if (in->be->version < 2) {
		if (*number == 0)
			return 0;
		return rec_error(x, IV_EVERSION, "number: this store's backend keeps no numbers (it is of version %u)",
				 in->be->version);
	}
	if (*number == 0)
		return lib(x, iv__number_next(number, in->db, sections[s].counter));
	if (*number > n->last)
		return rec_error(x, IV_EINVALID, "number: %" PRId64 " is past the last number given to %s "
				 "(the setting iv.number.%s is %" PRId64 ")", *number, sections[s].plural,
				 sections[s].counter, n->last);
	if (*number < NUMBERS_IN_MEMORY)
		error = number_seen(&twice, n, *number);
	else
		error = number_taken(&twice, in, s, *number);
	if (error < 0)
		return lib(x, error);
	if (twice)
		return rec_error(x, IV_EINVALID, "number: %" PRId64 " is given to two %s in the backup", *number,
				 sections[s].plural);
	return 0;
}

/* Checks that record `id` of section `s`, named by member `key`, was restored. */
static int must_exist(const struct rec *x, const char *key, int s, const char *id)
{
	iv_backend *be = x->in->be;
	int error;

	switch (s) {
	case S_CONTACTS: {
		iv_contact *c = NULL;
		error = be->contact_get(&c, be, id);
		iv_contact_free(c);
		break;
	}
	case S_INTROS: {
		iv_intro *in = NULL;
		error = be->intro_get(&in, be, id);
		iv_intro_free(in);
		break;
	}
	default: {
		iv_interview *iv = NULL;
		error = be->interview_get(&iv, be, id);
		iv_interview_free(iv);
		break;
	}
	}
	if (error == IV_ENOTFOUND)
		return rec_error(x, IV_EINVALID, "%s: %s %s is not in the backup", key, sections[s].what, id);
	return lib(x, error < 0 ? iv__error_ensure(error, "reading a record") : 0);
}

/* A backend's insert: an id taken means the backup gives it twice. */
static int stored(const struct rec *x, int s, int error)
{
	if (error == IV_EEXISTS)
		return rec_error(x, IV_EINVALID, "the id is given to two %s in the backup", sections[s].plural);
	return lib(x, error < 0 ? iv__error_ensure(error, "storing a record") : 0);
}

/*
 * What every record has: its id (which messages name from then on), only
 * members of its kind, a number and the created (and updated) time.
 */
static int record_head(char id[IV_ID_LEN + 1], int64_t *number, iv_time *created, iv_time *updated,
		       struct rec *x, int s, json_t *j, const char *const *members)
{
	int error;

	*number = 0;
	if ((error = get_id(id, x, j, "id", 1)) < 0)
		return error;
	snprintf(x->id, sizeof(x->id), "%s", id);
	if ((error = only_members(x, j, members)) < 0 || (error = get_int(number, x, j, "number")) < 0 ||
	    (error = take_number(number, x, s)) < 0 || (error = get_time(created, x, j, "created")) < 0)
		return error;
	if (!*created)
		return rec_error(x, IV_EINVALID, "created: is required");
	if (!updated)
		return 0;
	if ((error = get_time(updated, x, j, "updated")) < 0)
		return error;
	return *updated ? 0 : rec_error(x, IV_EINVALID, "updated: is required");
}

/* ------------------------------------------------------------------ */
/* Restore: each kind                                                  */

static const char *const contact_members[] = {
	"id", "number", "created", "updated", "name", "emails", "phone", "company", "title", "location",
	"url", "tags", "known", "cadence_days", "last_interaction", "notes", NULL
};

static const struct {
	const char *key;
	int (*set)(iv_contact *c, const char *s);
} contact_texts[] = {
	{ "name", iv_contact_set_name }, { "phone", iv_contact_set_phone },
	{ "company", iv_contact_set_company }, { "title", iv_contact_set_title },
	{ "location", iv_contact_set_location }, { "url", iv_contact_set_url },
	{ "notes", iv_contact_set_notes },
};

static int contact_fields(iv_contact *c, const struct rec *x, json_t *j)
{
	int64_t cadence = 0;
	int known = IV_KNOWN_DIRECT, error;
	json_t *list, *item;
	const char *s;
	iv_time t;
	size_t i;

	for (i = 0; i < sizeof(contact_texts) / sizeof(contact_texts[0]); i++)
		if ((error = get_text(&s, x, j, contact_texts[i].key)) < 0 ||
		    (error = lib(x, contact_texts[i].set(c, s))) < 0)
			return error;
	if ((error = get_list(&list, x, j, "emails", 0)) < 0)
		return error;
	json_array_foreach(list, i, item)
		if ((error = lib(x, iv_contact_add_email(c, json_string_value(item)))) < 0)
			return error;
	/* The setter keeps one of two addresses equal ASCII case-insensitively: the other would be lost. */
	if (iv_contact_email_count(c) != json_array_size(list))
		return rec_error(x, IV_EINVALID, "emails: an address is given twice");
	if ((error = get_list(&list, x, j, "tags", 0)) < 0)
		return error;
	json_array_foreach(list, i, item)
		if ((error = lib(x, iv_contact_add_tag(c, json_string_value(item)))) < 0)
			return error;
	if (iv_contact_tag_count(c) != json_array_size(list))
		return rec_error(x, IV_EINVALID, "tags: a tag is given twice");
	if ((error = get_enum(&known, x, j, "known", "known")) < 0 ||
	    (error = lib(x, iv_contact_set_known(c, known))) < 0 ||
	    (error = get_int(&cadence, x, j, "cadence_days")) < 0)
		return error;
	if (cadence < 0 || cadence > 3650)
		return rec_error(x, IV_EINVALID, "cadence_days: %" PRId64 " is not 0 to 3650", cadence);
	if ((error = lib(x, iv_contact_set_cadence_days(c, (int)cadence))) < 0 ||
	    (error = get_time(&t, x, j, "last_interaction")) < 0)
		return error;
	return lib(x, iv_contact_set_last_interaction(c, t));
}

static int restore_contact(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1];
	iv_contact *c = NULL;
	int64_t number;
	iv_time created = 0, updated = 0;
	int error;

	if ((error = record_head(id, &number, &created, &updated, x, S_CONTACTS, j, contact_members)) < 0 ||
	    (error = lib(x, iv_contact_new(&c))) < 0)
		return error;
	if ((error = lib(x, iv_contact_set_id(c, id))) >= 0 && (error = contact_fields(c, x, j)) >= 0 &&
	    (error = lib(x, iv_contact_set_number(c, number))) >= 0) {
		iv_contact_set_times(c, created, updated);
		if ((error = lib(x, iv__contact_check(c))) >= 0)
			error = stored(x, S_CONTACTS, x->in->be->contact_insert(x->in->be, c));
	}
	iv_contact_free(c);
	return error;
}

static const char *const intro_members[] = {
	"id", "number", "created", "updated", "introducer", "introduced", "channel", "status",
	"requested_at", "made_at", "note", NULL
};

static int intro_fields(iv_intro *in, const struct rec *x, json_t *j)
{
	char by[IV_ID_LEN + 1], to[IV_ID_LEN + 1];
	int channel = IV_CHANNEL_EMAIL, status = IV_INTRO_SUGGESTED, error;
	iv_time requested, made;
	const char *note;

	if ((error = get_id(by, x, j, "introducer", 1)) < 0 ||
	    (error = must_exist(x, "introducer", S_CONTACTS, by)) < 0 ||
	    (error = lib(x, iv_intro_set_introducer(in, by))) < 0 ||
	    (error = get_id(to, x, j, "introduced", 1)) < 0 ||
	    (error = must_exist(x, "introduced", S_CONTACTS, to)) < 0 ||
	    (error = lib(x, iv_intro_set_introduced(in, to))) < 0 ||
	    (error = get_enum(&channel, x, j, "channel", "channel")) < 0 ||
	    (error = lib(x, iv_intro_set_channel(in, channel))) < 0 ||
	    (error = get_enum(&status, x, j, "status", "intro_status")) < 0 ||
	    (error = lib(x, iv_intro_set_status(in, status))) < 0 ||
	    (error = get_time(&requested, x, j, "requested_at")) < 0 ||
	    (error = lib(x, iv_intro_set_requested_at(in, requested))) < 0 ||
	    (error = get_time(&made, x, j, "made_at")) < 0 ||
	    (error = lib(x, iv_intro_set_made_at(in, made))) < 0 ||
	    (error = get_text(&note, x, j, "note")) < 0)
		return error;
	return lib(x, iv_intro_set_note(in, note));
}

static int restore_intro(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1];
	iv_intro *in = NULL;
	int64_t number;
	iv_time created = 0, updated = 0;
	int error;

	if ((error = record_head(id, &number, &created, &updated, x, S_INTROS, j, intro_members)) < 0 ||
	    (error = lib(x, iv_intro_new(&in))) < 0)
		return error;
	if ((error = lib(x, iv_intro_set_id(in, id))) >= 0 && (error = intro_fields(in, x, j)) >= 0 &&
	    (error = lib(x, iv_intro_set_number(in, number))) >= 0) {
		iv_intro_set_times(in, created, updated);
		if ((error = lib(x, iv__intro_check(in))) >= 0)
			error = stored(x, S_INTROS, x->in->be->intro_insert(x->in->be, in));
	}
	iv_intro_free(in);
	return error;
}

static const char *const interview_members[] = {
	"id", "number", "created", "updated", "contact", "intro", "status", "status_at", "medium",
	"scheduled_at", "minutes", "purpose", "questions", "advice", "resources", "notes", NULL
};

/* The introduction must exist and have introduced the interviewee. */
static int interview_intro(iv_interview *iv, const struct rec *x, json_t *j, const char *contact)
{
	char id[IV_ID_LEN + 1];
	iv_intro *in = NULL;
	int error;

	if ((error = get_id(id, x, j, "intro", 0)) < 0 || !id[0])
		return error;
	if ((error = x->in->be->intro_get(&in, x->in->be, id)) == IV_ENOTFOUND)
		return rec_error(x, IV_EINVALID, "intro: introduction %s is not in the backup", id);
	if (error < 0)
		return lib(x, iv__error_ensure(error, "reading an introduction"));
	if (strcmp(iv_intro_introduced(in), contact) != 0)
		error = rec_error(x, IV_EINVALID, "intro: introduction %s introduced contact %s, not the interviewee %s",
				  id, iv_intro_introduced(in), contact);
	iv_intro_free(in);
	return error < 0 ? error : lib(x, iv_interview_set_intro(iv, id));
}

/* "status_at": when the interview entered each status, by name. */
static int interview_status_times(iv_interview *iv, const struct rec *x, json_t *j)
{
	json_t *o = json_object_get(j, "status_at"), *v;
	const char *name;
	char key[80];
	iv_time t;
	int status, error;

	if (!o || json_is_null(o))
		return 0;
	if (!json_is_object(o))
		return wrong_type(x, "status_at", "an object of times by status", o);
	json_object_foreach(o, name, v) {
		snprintf(key, sizeof(key), "status_at.%.40s", name);
		if (iv_enum_value(&status, "interview_status", name) < 0 || strcmp(iv_enum_name("interview_status", status), name) != 0)
			return rec_error(x, IV_EINVALID, "%s: there is no interview status '%.40s'", key, name);
		if ((error = time_value(&t, x, v, key)) < 0 ||
		    (error = lib(x, iv_interview_set_status_at(iv, status, t))) < 0)
			return error;
	}
	return 0;
}

static const char *const question_members[] = { "question", "answer", NULL };

static int interview_questions(iv_interview *iv, const struct rec *x, json_t *j)
{
	json_t *list, *q;
	const char *question, *answer;
	size_t i;
	int error;

	if ((error = get_list(&list, x, j, "questions", 1)) < 0)
		return error;
	json_array_foreach(list, i, q) {
		/* Messages name the question: "interview <id>, question 2: ...". */
		struct rec qx = *x;

		snprintf(qx.id, sizeof(qx.id), "%.40s, question %zu", x->id, i + 1);
		if ((error = only_members(&qx, q, question_members)) < 0 ||
		    (error = get_text(&question, &qx, q, "question")) < 0 ||
		    (error = get_text(&answer, &qx, q, "answer")) < 0 ||
		    (error = lib(&qx, iv_interview_add_question(iv, question))) < 0 ||
		    (error = lib(&qx, iv_interview_set_answer(iv, i, answer))) < 0)
			return error;
	}
	return 0;
}

static int interview_items(iv_interview *iv, const struct rec *x, json_t *j)
{
	json_t *list, *item;
	size_t i;
	int error;

	if ((error = get_list(&list, x, j, "advice", 0)) < 0)
		return error;
	json_array_foreach(list, i, item)
		if ((error = lib(x, iv_interview_add_advice(iv, json_string_value(item)))) < 0)
			return error;
	if ((error = get_list(&list, x, j, "resources", 0)) < 0)
		return error;
	json_array_foreach(list, i, item)
		if ((error = lib(x, iv_interview_add_resource(iv, json_string_value(item)))) < 0)
			return error;
	return 0;
}

static int interview_fields(iv_interview *iv, const struct rec *x, json_t *j)
{
	char contact[IV_ID_LEN + 1];
	int status = IV_INTERVIEW_PLANNED, medium = IV_MEDIUM_UNSET, error;
	int64_t minutes = IV_INTERVIEW_DEFAULT_MINUTES;
	const char *purpose, *notes;
	iv_time scheduled;

	if ((error = get_id(contact, x, j, "contact", 1)) < 0 ||
	    (error = must_exist(x, "contact", S_CONTACTS, contact)) < 0 ||
	    (error = lib(x, iv_interview_set_contact(iv, contact))) < 0 ||
	    (error = interview_intro(iv, x, j, contact)) < 0 ||
	    (error = get_enum(&status, x, j, "status", "interview_status")) < 0 ||
	    (error = lib(x, iv_interview_set_status(iv, status))) < 0 ||
	    (error = interview_status_times(iv, x, j)) < 0 ||
	    (error = get_enum(&medium, x, j, "medium", "medium")) < 0 ||
	    (error = lib(x, iv_interview_set_medium(iv, medium))) < 0 ||
	    (error = get_time(&scheduled, x, j, "scheduled_at")) < 0 ||
	    (error = lib(x, iv_interview_set_scheduled_at(iv, scheduled))) < 0 ||
	    (error = get_int(&minutes, x, j, "minutes")) < 0)
		return error;
	if (minutes < 1 || minutes > 600)
		return rec_error(x, IV_EINVALID, "minutes: %" PRId64 " is not 1 to 600", minutes);
	if ((error = lib(x, iv_interview_set_minutes(iv, (int)minutes))) < 0 ||
	    (error = get_text(&purpose, x, j, "purpose")) < 0 ||
	    (error = lib(x, iv_interview_set_purpose(iv, purpose))) < 0 ||
	    (error = interview_questions(iv, x, j)) < 0 || (error = interview_items(iv, x, j)) < 0 ||
	    (error = get_text(&notes, x, j, "notes")) < 0)
		return error;
	return lib(x, iv_interview_set_notes(iv, notes));
}

static int restore_interview(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1];
	iv_interview *iv = NULL;
	int64_t number;
	iv_time created = 0, updated = 0;
	int error;

	if ((error = record_head(id, &number, &created, &updated, x, S_INTERVIEWS, j, interview_members)) < 0 ||
	    (error = lib(x, iv_interview_new(&iv))) < 0)
		return error;
	if ((error = lib(x, iv_interview_set_id(iv, id))) >= 0 && (error = interview_fields(iv, x, j)) >= 0 &&
	    (error = lib(x, iv_interview_set_number(iv, number))) >= 0) {
		iv_interview_set_times(iv, created, updated);
		if ((error = lib(x, iv__interview_check(iv))) >= 0)
			error = stored(x, S_INTERVIEWS, x->in->be->interview_insert(x->in->be, iv));
	}
	iv_interview_free(iv);
	return error;
}

static const char *const followup_members[] = {
	"id", "number", "created", "updated", "contact", "interview", "kind", "status", "earliest",
	"due", "closed_at", "rule", "note", "draft", NULL
};

static const struct {
	const char *key;
	int (*set)(iv_followup *fu, iv_time t);
} followup_times[] = {
	{ "earliest", iv_followup_set_earliest }, { "due", iv_followup_set_due },
	{ "closed_at", iv_followup_set_closed_at },
};

static const struct {
	const char *key;
	int (*set)(iv_followup *fu, const char *s);
} followup_texts[] = {
	{ "rule", iv_followup_set_rule }, { "note", iv_followup_set_note }, { "draft", iv_followup_set_draft },
};

static int followup_fields(iv_followup *fu, const struct rec *x, json_t *j)
{
	char contact[IV_ID_LEN + 1], interview[IV_ID_LEN + 1];
	int kind = IV_FOLLOWUP_CUSTOM, status = IV_FOLLOWUP_PENDING, error;
	const char *s;
	iv_time t;
	size_t i;

	if ((error = get_id(contact, x, j, "contact", 1)) < 0 ||
	    (error = must_exist(x, "contact", S_CONTACTS, contact)) < 0 ||
	    (error = lib(x, iv_followup_set_contact(fu, contact))) < 0 ||
	    (error = get_id(interview, x, j, "interview", 0)) < 0 ||
	    (interview[0] && (error = must_exist(x, "interview", S_INTERVIEWS, interview)) < 0) ||
	    (error = lib(x, iv_followup_set_interview(fu, interview[0] ? interview : NULL))) < 0 ||
	    (error = get_enum(&kind, x, j, "kind", "followup_kind")) < 0 ||
	    (error = lib(x, iv_followup_set_kind(fu, kind))) < 0 ||
	    (error = get_enum(&status, x, j, "status", "followup_status")) < 0 ||
	    (error = lib(x, iv_followup_set_status(fu, status))) < 0)
		return error;
	for (i = 0; i < sizeof(followup_times) / sizeof(followup_times[0]); i++)
		if ((error = get_time(&t, x, j, followup_times[i].key)) < 0 ||
		    (error = lib(x, followup_times[i].set(fu, t))) < 0)
			return error;
	for (i = 0; i < sizeof(followup_texts) / sizeof(followup_texts[0]); i++)
		if ((error = get_text(&s, x, j, followup_texts[i].key)) < 0 ||
		    (error = lib(x, followup_texts[i].set(fu, s))) < 0)
			return error;
	return 0;
}

static int restore_followup(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1];
	iv_followup *fu = NULL;
	int64_t number;
	iv_time created = 0, updated = 0;
	int error;

	if ((error = record_head(id, &number, &created, &updated, x, S_FOLLOWUPS, j, followup_members)) < 0 ||
	    (error = lib(x, iv_followup_new(&fu))) < 0)
		return error;
	if ((error = lib(x, iv_followup_set_id(fu, id))) >= 0 && (error = followup_fields(fu, x, j)) >= 0 &&
	    (error = lib(x, iv_followup_set_number(fu, number))) >= 0) {
		iv_followup_set_times(fu, created, updated);
		if ((error = lib(x, iv__followup_check(fu))) >= 0)
			error = stored(x, S_FOLLOWUPS, x->in->be->followup_insert(x->in->be, fu));
	}
	iv_followup_free(fu);
	return error;
}

static const char *const note_members[] = { "id", "number", "created", "contact", "at", "text", NULL };

static int restore_note(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1], contact[IV_ID_LEN + 1];
	iv_note *n = NULL;
	int64_t number;
	iv_time created = 0, at;
	const char *text_;
	int error;

	if (x->in->be->version < 2)
		return rec_error(x, IV_EVERSION, "this store's backend keeps no notes (it is of version %u)",
				 x->in->be->version);
	if ((error = record_head(id, &number, &created, NULL, x, S_NOTES, j, note_members)) < 0 ||
	    (error = lib(x, iv_note_new(&n))) < 0)
		return error;
	if ((error = lib(x, iv_note_set_id(n, id))) >= 0 &&
	    (error = get_id(contact, x, j, "contact", 1)) >= 0 &&
	    (error = must_exist(x, "contact", S_CONTACTS, contact)) >= 0 &&
	    (error = lib(x, iv_note_set_contact(n, contact))) >= 0 &&
	    (error = get_time(&at, x, j, "at")) >= 0 &&
	    (error = lib(x, iv_note_set_at(n, at))) >= 0 &&
	    (error = get_text(&text_, x, j, "text")) >= 0 &&
	    (error = lib(x, iv_note_set_text(n, text_))) >= 0 &&
	    (error = lib(x, iv_note_set_number(n, number))) >= 0) {
		iv_note_set_created(n, created);
		if (!at)
			error = rec_error(x, IV_EINVALID, "at: is required");
		else
			error = stored(x, S_NOTES, x->in->be->note_insert(x->in->be, n));
	}
	iv_note_free(n);
	return error;
}

static const char *const target_members[] = {
	"id", "number", "created", "updated", "name", "aliases", "motivation", "posting", "rank", "note", NULL
};

static int target_fields(iv_target *t, const struct rec *x, json_t *j)
{
	int64_t motivation = 2, rank = 0;
	json_t *list, *item, *posting;
	const char *s;
	size_t i;
	int error;

	if ((error = get_text(&s, x, j, "name")) < 0 || (error = lib(x, iv_target_set_name(t, s))) < 0 ||
	    (error = get_list(&list, x, j, "aliases", 0)) < 0)
		return error;
	json_array_foreach(list, i, item)
		if ((error = lib(x, iv_target_add_alias(t, json_string_value(item)))) < 0)
			return error;
	if ((error = get_int(&motivation, x, j, "motivation")) < 0)
		return error;
	if (motivation < 1 || motivation > 3)
		return rec_error(x, IV_EINVALID, "motivation: %" PRId64 " is not 1, 2 or 3", motivation);
	if ((posting = json_object_get(j, "posting")) && !json_is_null(posting) && !json_is_boolean(posting))
		return rec_error(x, IV_EINVALID, "posting: expected true, false or null");
	if ((error = lib(x, iv_target_set_motivation(t, (int)motivation))) < 0 ||
	    (error = lib(x, iv_target_set_posting(t, posting && json_is_true(posting)))) < 0 ||
	    (error = get_int(&rank, x, j, "rank")) < 0)
		return error;
	if (rank < 0 || rank > INT_MAX)
		return rec_error(x, IV_EINVALID, "rank: %" PRId64 " is out of range", rank);
	if ((error = lib(x, iv_target_set_rank(t, (int)rank))) < 0 || (error = get_text(&s, x, j, "note")) < 0)
		return error;
	return lib(x, iv_target_set_note(t, s));
}

static int restore_target(struct rec *x, json_t *j)
{
	char id[IV_ID_LEN + 1];
	iv_target *t = NULL;
	int64_t number;
	iv_time created = 0, updated = 0;
	int error;

	if (x->in->be->version < 6)
		return rec_error(x, IV_EVERSION, "this store's backend keeps no targets (it is of version %u; "
				 "targets need version 6)", x->in->be->version);
	if ((error = record_head(id, &number, &created, &updated, x, S_TARGETS, j, target_members)) < 0 ||
	    (error = lib(x, iv_target_new(&t))) < 0)
		return error;
	if ((error = lib(x, iv_target_set_id(t, id))) >= 0 && (error = target_fields(t, x, j)) >= 0 &&
	    (error = lib(x, iv_target_set_number(t, number))) >= 0) {
		iv_target_set_times(t, created, updated);
		if (!iv_target_name(t))
			error = rec_error(x, IV_EINVALID, "name: is required");
		else if ((error = lib(x, iv__target_names_check(x->in->db, t))) >= 0)
			error = stored(x, S_TARGETS, x->in->be->target_insert(x->in->be, t));
	}
	iv_target_free(t);
	return error;
}

/* ------------------------------------------------------------------ */
/* Restore: settings                                                   */

static const char *const setting_members[] = { "key", "value", NULL };

/*
 * As iv_db_setting_set() checks keys, for the library's keys too; but a
 * key "iv.uid.<UID>", where an import remembers a vCard's UID, holds the
 * UID as the card gave it ("urn:uuid:...", "...@google.com"): one line of
 * text, which iv_export() writes and must read back.
 */
static int setting_key_check(const struct rec *x, const char *key)
{
	size_t i, n = strlen(key);

	if (strncmp(key, "iv.uid.", 7) == 0) {
		if (n == 7 || n > 7 + UID_MAX)
			return rec_error(x, IV_EINVALID, "key: a remembered UID must be 1 to %d bytes", UID_MAX);
		return lib(x, iv__check_text("key", key + 7, UID_MAX, IV__ONELINE));
	}
	if (n == 0 || n > 64)
		return rec_error(x, IV_EINVALID, "key: must be 1 to 64 bytes");
	for (i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= 'A' && key[i] <= 'Z') ||
		      (key[i] >= '0' && key[i] <= '9') || key[i] == '.' || key[i] == '_' || key[i] == '-'))
			return rec_error(x, IV_EINVALID, "key: may only hold letters, digits, '.', '_' and '-'");
	return 0;
}

/* A decimal integer, as the library writes its counters and rule times. */
static int setting_integer(int64_t *out, const struct rec *x, const char *value)
{
	char *end = NULL;
	long long v = 0;

	/* strtoll() would also take leading spaces and '+', which the library never writes. */
	if (value[0] == '-' || (value[0] >= '0' && value[0] <= '9'))
		v = strtoll(value, &end, 10);
	if (!end || end == value || *end || v == LLONG_MIN || v == LLONG_MAX)
		return rec_error(x, IV_EINVALID, "value: '%.40s' is not a whole number", value);
	*out = v;
	return 0;
}

/* The library's own settings hold what their setters would accept. */
static int setting_value_check(struct in *in, const struct rec *x, const char *key, const char *value)
{
	iv_profile *p = NULL;
	char id[IV_ID_LEN + 1];
	int64_t v = 0;
	int which, error = 0, s;

	if (strncmp(key, "iv.number.", 10) == 0) {
		if ((error = setting_integer(&v, x, value)) < 0)
			return error;
		if (v < 0)
			return rec_error(x, IV_EINVALID, "value: a last number given cannot be negative");
		for (s = S_CONTACTS; s < S_COUNT; s++)
			if (strcmp(key + 10, sections[s].counter) == 0)
				in->num[s].last = v;
		return 0;
	}
	if (strncmp(key, "iv.rules.", 9) == 0)
		return setting_integer(&v, x, value);
	if (strncmp(key, "iv.template.", 12) == 0) {
		if (iv_enum_value(&which, "template", key + 12) < 0 ||
		    strcmp(iv_enum_name("template", which), key + 12) != 0)
			return rec_error(x, IV_EINVALID, "key: there is no template '%s'", key + 12);
		return lib(x, iv__template_check(value));
	}
	if (strncmp(key, "iv.draft.request.", 17) == 0) {
		if ((error = lib(x, iv__parse_id(id, "key", key + 17))) < 0)
			return error;
		/* The library finds it by the lower-case id; the interview is checked once restored. */
		return strcmp(id, key + 17) == 0 ? 0 : rec_error(x, IV_EINVALID, "key: the id must be in lower case");
	}
	if (strncmp(key, "iv.profile.", 11) != 0)
		return 0;
	if ((error = lib(x, iv_profile_new(&p))) < 0)
		return error;
	if (strcmp(key, "iv.profile.name") == 0)
		error = iv_profile_set_name(p, value);
	else if (strcmp(key, "iv.profile.background") == 0)
		error = iv_profile_set_background(p, value);
	else if (strcmp(key, "iv.profile.exploring") == 0)
		error = iv_profile_set_exploring(p, value);
	error = lib(x, error);
	iv_profile_free(p);
	return error;
}

static int restore_setting(struct rec *x, json_t *j)
{
	struct in *in = x->in;
	json_t *k = json_object_get(j, "key"), *v = json_object_get(j, "value");
	const char *key, *value;
	int order, error;

	if (!k || !json_is_string(k))
		return k ? wrong_type(x, "key", "text", k) : rec_error(x, IV_EINVALID, "key: is required");
	key = json_string_value(k);
	snprintf(x->id, sizeof(x->id), "'%.64s'", key);
	if ((error = only_members(x, j, setting_members)) < 0)
		return error;
	if (!v || !json_is_string(v))
		return v ? wrong_type(x, "value", "text", v) : rec_error(x, IV_EINVALID, "value: is required");
	value = json_string_value(v);
	if ((error = setting_key_check(x, key)) < 0)
		return error;
	/* Written in byte order of the key: a key given twice (which would be lost) is next to itself. */
	order = in->any_setting ? strcmp(key, in->last_key) : 1;
	if (order == 0)
		return rec_error(x, IV_EINVALID, "the key is given twice in the backup");
	if (order < 0)
		return rec_error(x, IV_EINVALID, "comes after '%s': a backup lists its settings in byte order of "
				 "their keys", in->last_key);
	if ((error = lib(x, iv__check_text("value", value, IV_LIMIT_TEXT, 0))) < 0 ||
	    (error = setting_value_check(in, x, key, value)) < 0)
		return error;
	snprintf(in->last_key, sizeof(in->last_key), "%s", key);
	in->any_setting = 1;
	error = in->be->setting_set(in->be, key, value);
	return lib(x, error < 0 ? iv__error_ensure(error, "writing a setting") : 0);
}

/* Once every setting is in: the rule times must make sense together, as iv_rules_set() requires. */
static int settings_done(struct in *in)
{
	iv_rules rules = IV_RULES_INIT;
	char msg[512];
	int damaged = 0, error;

	/* Rule times that do not fit together are the backup's fault; a failing backend is not. */
	if ((error = iv__rules_load(&rules, in->db, &damaged)) < 0 && damaged) {
		snprintf(msg, sizeof(msg), "%s", iv_error_message());
		return iv__error(IV_EINVALID, "line %llu: settings: %s", (unsigned long long)in->line, msg);
	}
	return error;
}

static int request_check(const char *key, const char *value, void *payload)
{
	struct in *in = payload;
	iv_interview *iv = NULL;
	int error;

	(void)value;
	if (strncmp(key, "iv.draft.request.", 17) != 0)
		return 0;
	error = in->be->interview_get(&iv, in->be, key + 17);
	iv_interview_free(iv);
	if (error == IV_ENOTFOUND)
		return iv__error(IV_EINVALID, "setting '%s': the request is saved for interview %s, which is not in "
				 "the backup", key, key + 17);
	return error < 0 ? iv__error_ensure(error, "reading an interview") : 0;
}

/* ------------------------------------------------------------------ */
/* Restore: records                                                    */

static int (*const restorers[S_COUNT])(struct rec *x, json_t *j) = {
	restore_setting, restore_contact, restore_intro, restore_interview, restore_followup, restore_note,
	restore_target,
};

/*
 * jansson's reader. It takes what it is given into a buffer of its own, so
 * each call hands it bytes only up to the next '}' (any may be the record's
 * last): JSON_DISABLE_EOF_CHECK then stops it right after the record's
 * closing brace, and the frame goes on from the very next byte. The bytes
 * are taken from the reader's buffer as iv__reader_getc() would take them,
 * counting lines.
 */
static size_t feed(void *buf, size_t len, void *data)
{
	struct in *in = data;
	struct iv__reader *r = in->r;
	const char *start, *end, *nl;
	size_t n;

	if (in->fed > (size_t)IV_LIMIT_RECORD) {
		in->too_long = 1;
		return (size_t)-1;
	}
	if (r->pos == r->len && iv__reader_fill(r) <= 0)
		return r->error ? (size_t)-1 : 0;
	start = r->buf + r->pos;
	n = r->len - r->pos < len ? r->len - r->pos : len;
	if ((end = memchr(start, '}', n)) != NULL)
		n = (size_t)(end - start) + 1;
	for (nl = start; (nl = memchr(nl, '\n', n - (size_t)(nl - start))) != NULL; nl++)
		r->line++;
	memcpy(buf, start, n);
	r->pos += n;
	r->offset += n;
	in->fed += n;
	return n;
}

/*
 * jansson's message, fit for ours: its "near '...'" quotes the input,
 * which may hold control characters (blanked) or bytes that are not UTF-8
 * (then the quote is left out).
 */
static const char *json_words(char *text)
{
	char *near;
	size_t i;

	for (i = 0; text[i]; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7F)
			text[i] = ' ';
	if (iv__check_utf8_line(text, i, 1) < 0 && (near = strstr(text, " near ")) != NULL)
		*near = '\0';
	return text;
}

static int restore_record(struct in *in, int s)
{
	struct rec x = { in, in->line, sections[s].what, "" };
	json_error_t jerr;
	json_t *j;
	uint64_t line;
	int error;

	in->fed = 0;
	in->too_long = 0;
	/* Duplicate members are refused: one of the two would be lost. */
	j = json_load_callback(feed, in, JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &jerr);
	if (!j) {
		if (in->r->error)
			return in->r->error;
		if (in->too_long)
			return iv__error(IV_EINVALID, "line %llu: a record longer than %d bytes (is this the right file?)",
					 (unsigned long long)x.line, IV_LIMIT_RECORD);
		line = x.line + (jerr.line > 0 ? (uint64_t)jerr.line - 1 : 0);
		return iv__error(IV_EINVALID, "line %llu: invalid JSON in %s: %s", (unsigned long long)line,
				 sections[s].array, json_words(jerr.text));
	}
	error = restorers[s](&x, j);
	json_decref(j);
	if (error != 0)
		return error;
	in->records++;
	if (s != S_SETTINGS && in->report)
		in->report->added++;
	return in->ctx ? iv__import_progress(in->ctx, in->records, 0) : 0;
}

/* The records of one array, the '[' read. */
static int restore_array(struct in *in, int s)
{
	char where[64];
	int c, error;

	snprintf(where, sizeof(where), "in \"%s\"", sections[s].array);
	if (peek_token(in) == ']') {
		next_token(in);
		return 0;
	}
	for (;;) {
		if (peek_token(in) != '{')
			return unexpected(in, next_token(in), "a record ('{')", where);
		if ((error = restore_record(in, s)) != 0)
			return error;
		if ((c = next_token(in)) == ']')
			return 0;
		if (c != ',')
			return unexpected(in, c, "',' or ']'", where);
	}
}

/* {"format": "infoview-backup", "version": 1 */
static int restore_head(struct in *in)
{
	char s[64];
	int c, error;
	long version = 0;

	/* A byte order mark, which some editors add, is not part of the JSON. */
	if (iv__reader_peek(in->r) == 0xEF) {
		iv__reader_getc(in->r);
		if (iv__reader_getc(in->r) != 0xBB || iv__reader_getc(in->r) != 0xBF)
			return iv__error(IV_EINVALID, "line 1: invalid UTF-8 (byte 0xEF); save the file as UTF-8");
	}
	if ((c = next_token(in)) != '{')
		return c < 0 && in->r->error ? in->r->error
		       : iv__error(IV_EINVALID, "line %llu: this is not an infoview backup (it does not start with '{')",
				   (unsigned long long)in->line);
	if ((error = frame_string(in, s, "\"format\"", "first in the backup")) != 0)
		return error;
	if (strcmp(s, "format") != 0)
		return iv__error(IV_EINVALID, "line %llu: this is not an infoview backup (its first member is not "
				 "\"format\")", (unsigned long long)in->line);
	if ((error = expect(in, ':', "':'", "after \"format\"")) != 0 ||
	    (error = frame_string(in, s, "the text \"" BACKUP_FORMAT "\"", "as the format")) != 0)
		return error;
	if (strcmp(s, BACKUP_FORMAT) != 0)
		return iv__error(IV_EINVALID, "line %llu: this is not an infoview backup (its format is \"%s\", not "
				 "\"" BACKUP_FORMAT "\")", (unsigned long long)in->line, s);
	if ((error = expect(in, ',', "','", "after the format")) != 0 ||
	    (error = frame_string(in, s, "\"version\"", "after the format")) != 0)
		return error;
	if (strcmp(s, "version") != 0)
		return iv__error(IV_EINVALID, "line %llu: expected \"version\" after the format, found \"%s\"",
				 (unsigned long long)in->line, s);
	if ((error = expect(in, ':', "':'", "after \"version\"")) != 0)
		return error;
	c = next_token(in);
	while (c >= '0' && c <= '9' && version < 100000) {
		version = version * 10 + (c - '0');
		c = iv__reader_peek(in->r);
		if (c >= '0' && c <= '9')
			iv__reader_getc(in->r);
	}
	if (c == '.' || c == 'e' || c == 'E' || version < 1)
		return iv__error(IV_EINVALID, "line %llu: the backup's version is not a whole number from 1",
				 (unsigned long long)in->line);
	if (version > BACKUP_VERSION)
		return iv__error(IV_EVERSION, "line %llu: the backup is of format version %ld; this library reads "
				 "version %d (a newer libinfoview wrote it)", (unsigned long long)in->line, version,
				 BACKUP_VERSION);
	return 0;
}

/* The arrays, each at most once and in their order, then '}' and the end. */
static int restore_body(struct in *in)
{
	char name[64];
	int next = 0, checked = 0, s, c, error;

	while ((c = next_token(in)) != '}') {
		if (c != ',')
			return unexpected(in, c, "',' or '}'", next ? "after a list" : "after the version");
		if ((error = frame_string(in, name, "a member name such as \"contacts\"", "in the backup")) != 0)
			return error;
		for (s = 0; s < S_COUNT && strcmp(sections[s].array, name) != 0; s++)
			;
		if (s == S_COUNT)
			return iv__error(IV_EINVALID, "line %llu: unknown member \"%s\" in the backup (is it from a "
					 "newer version of the library?)", (unsigned long long)in->line, name);
		if (s < next)
			return iv__error(IV_EINVALID, "line %llu: \"%s\" is out of place: a backup holds settings, "
					 "contacts, intros, interviews, followups, notes and targets, each once and in this order",
					 (unsigned long long)in->line, name);
		if (s > S_SETTINGS && !checked++ && (error = settings_done(in)) != 0)
			return error;
		if ((error = expect(in, ':', "':'", "after a member name")) != 0 ||
		    (error = expect(in, '[', "a list ('[')", "after a member name")) != 0 ||
		    (error = restore_array(in, s)) != 0)
			return error;
		next = s + 1;
	}
	if (!checked && (error = settings_done(in)) != 0)
		return error;
	if ((c = next_token(in)) >= 0)
		return iv__error(IV_EINVALID, "line %llu: more after the end of the backup", (unsigned long long)in->line);
	if (in->r->error)
		return in->r->error;
	/* Saved requests name interviews, which come after the settings. */
	return iv__settings_each(in->db, "iv.draft.request.", request_check, in);
}

int iv__backup_restore(struct iv__import_ctx *ctx, iv_db *db, struct iv__reader *r,
		       iv_import_report *report)
{
	struct in *in;
	int s, error;

	if (!(in = calloc(1, sizeof(*in))))
		return iv__oom();
	in->db = db;
	in->be = db->be;
	in->r = r;
	in->ctx = ctx;
	in->report = report;
	in->line = 1;
	if ((error = restore_head(in)) == 0)
		error = restore_body(in);
	for (s = 0; s < S_COUNT; s++)
		free(in->num[s].seen);
	free(in);
	return error;
}
