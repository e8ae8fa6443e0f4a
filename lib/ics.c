/*
 * iCalendar export (RFC 5545): each scheduled interview as a VEVENT and each
 * pending follow-up as a VTODO, in one VCALENDAR.
 *
 * What a calendar needs to take a second export as an update, not a copy:
 * - UIDs made of the record's id ("<id>@infoview"), which never changes;
 * - a DTSTAMP that moves only when the record does: the record's updated
 *   time. With no METHOD property, RFC 5545 defines DTSTAMP as the time the
 *   information was last revised in the calendar store, which it is. (A
 *   METHOD:PUBLISH would bring iTIP's rules, which forbid ATTENDEE.)
 * - SEQUENCE, which clients compare to accept a revision, grows with the
 *   updated time: seconds between creation and the last update.
 * Every time is UTC ("...Z"), so the export means the same instants in any
 * time zone and needs no VTIMEZONE.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

#define ICS_PRODID "-//infoview//libinfoview//EN"
/* RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
#define ICS_FOLD 75

/* The output: the writer and how many octets the current physical line holds. */
struct ics {
	struct iv__writer *w;
	size_t col;
};

/*
 * The length of the UTF-8 character at s (the library's text is valid
 * UTF-8); never past the end of the string.
 */
static size_t seq_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, i;

	for (i = 1; i < n; i++)
		if (s[i] == '\0')
			return i;
	return n;
}

/*
 * Writes one unit that must not be split (a character, or an escape such as
 * "\n"), folding the line first when the unit would pass 75 octets.
 */
static void put_unit(struct ics *x, const char *s, size_t n)
{
	if (x->col + n > ICS_FOLD) {
		iv__put(x->w, "\r\n ", 3);
		x->col = 1;
	}
	iv__put(x->w, s, n);
	x->col += n;
}

/* Text written as it is, folded between characters. */
static void put_raw(struct ics *x, const char *s)
{
	size_t n;

	for (; *s; s += n) {
		n = seq_len(s);
		put_unit(x, s, n);
	}
}

/*
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline
 * escaped. A CRLF is one newline; other control characters but tab cannot
 * be written in TEXT and are left out.
 */
static void put_text(struct ics *x, const char *s)
{
	size_t n;

	for (; *s; s += n) {
		unsigned char c = (unsigned char)*s;

		n = seq_len(s);
		if (c == '\\' || c == ';' || c == ',') {
			char esc[2] = { '\\', (char)c };

			put_unit(x, esc, 2);
		} else if (c == '\n' || (c == '\r' && s[1] != '\n')) {
			put_unit(x, "\\n", 2);
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			continue;
		} else {
			put_unit(x, s, n);
		}
	}
}

/*
 * A parameter value, always quoted (a name may hold ',' ';' ':'). A quote
 * cannot appear inside one; RFC 6868 writes it "^'", a caret "^^" and a
 * newline "^n". Other control characters are left out.
 */
static void put_param(struct ics *x, const char *s)
{
	size_t n;

	put_unit(x, "\"", 1);
	for (; *s; s += n) {
		unsigned char c = (unsigned char)*s;

		n = seq_len(s);
		if (c == '"')
			put_unit(x, "^'", 2);
		else if (c == '^')
			put_unit(x, "^^", 2);
		else if (c == '\n')
			put_unit(x, "^n", 2);
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			continue;
		else
			put_unit(x, s, n);
	}
	put_unit(x, "\"", 1);
}

static int end_line(struct ics *x)
{
	x->col = 0;
	return iv__put(x->w, "\r\n", 2);
}

/* "NAME:value" for a value that needs no escaping (ASCII words, numbers). */
static int prop_raw(struct ics *x, const char *name, const char *value)
{
	put_raw(x, name);
	put_unit(x, ":", 1);
	put_raw(x, value);
	return end_line(x);
}

static int prop_text(struct ics *x, const char *name, const char *value)
{
	put_raw(x, name);
	put_unit(x, ":", 1);
	put_text(x, value);
	return end_line(x);
}

static int prop_time(struct ics *x, const char *name, iv_time t)
{
	char text[17];

	iv__time_ical(text, t);
	return prop_raw(x, name, text);
}

static int prop_uid(struct ics *x, const char *name, const char *id)
{
	char uid[IV_ID_LEN + sizeof("@infoview")];

	snprintf(uid, sizeof(uid), "%s@infoview", id);
	return prop_raw(x, name, uid);
}

/* The times every component carries: DTSTAMP, CREATED, LAST-MODIFIED and SEQUENCE. */
static int put_stamps(struct ics *x, iv_time created, iv_time updated)
{
	char seq[24];
	/* A backend's times are not checked as a setter's are: no overflow whatever they are. */
	int64_t d = iv__time_clamp(updated) - iv__time_clamp(created);

	if (updated == 0)
		updated = created;
	prop_time(x, "DTSTAMP", updated);
	if (created)
		prop_time(x, "CREATED", created);
	prop_time(x, "LAST-MODIFIED", updated);
	/* A non-negative INTEGER (RFC 5545 3.3.8); a restored clock running backwards gives 0. */
	snprintf(seq, sizeof(seq), "%lld", (long long)(d < 0 ? 0 : d > INT32_MAX ? INT32_MAX : d));
	return prop_raw(x, "SEQUENCE", seq);
}

/* ------------------------------------------------------------------ */
/* Interviews                                                           */

static const char *medium_words(int medium)
{
	switch (medium) {
	case IV_MEDIUM_PHONE:
		return "Phone call";
	case IV_MEDIUM_VIDEO:
		return "Video call";
	case IV_MEDIUM_IN_PERSON:
		return "In person";
	default:
		return NULL;
	}
}

/* "Purpose: ...", then the questions numbered from 1; nothing when there is neither. */
static int put_description(struct ics *x, const iv_interview *iv)
{
	const char *purpose = iv_interview_purpose(iv);
	size_t i, n = iv_interview_question_count(iv);
	char num[32];

	if (!purpose && n == 0)
		return 0;
	put_raw(x, "DESCRIPTION:");
	if (purpose) {
		put_text(x, "Purpose: ");
		put_text(x, purpose);
	}
	if (n)
		put_text(x, purpose ? "\n\nQuestions:" : "Questions:");
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof(num), "\n%zu. ", i + 1);
		put_text(x, num);
		put_text(x, iv_interview_question_at(iv, i));
	}
	return end_line(x);
}

static int put_summary(struct ics *x, const char *what, const iv_contact *c)
{
	const char *company = iv_contact_company(c);

	put_raw(x, "SUMMARY:");
	put_text(x, what);
	put_text(x, iv_contact_name(c));
	if (company) {
		put_text(x, " (");
		put_text(x, company);
		put_text(x, ")");
	}
	return end_line(x);
}

static int put_event(struct ics *x, const iv_interview *iv, const iv_contact *c)
{
	int minutes = iv_interview_minutes(iv);
	const char *medium = medium_words(iv_interview_medium(iv));
	char duration[32];

	if (minutes <= 0)
		minutes = IV_INTERVIEW_DEFAULT_MINUTES;
	snprintf(duration, sizeof(duration), "PT%dM", minutes);
	prop_raw(x, "BEGIN", "VEVENT");
	prop_uid(x, "UID", iv_interview_id(iv));
	put_stamps(x, iv_interview_created(iv), iv_interview_updated(iv));
	prop_time(x, "DTSTART", iv_interview_scheduled_at(iv));
	prop_raw(x, "DURATION", duration);
	put_summary(x, "Informational interview with ", c);
	put_description(x, iv);
	if (medium)
		prop_text(x, "LOCATION", medium);
	if (iv_contact_email_count(c) > 0) {
		put_raw(x, "ATTENDEE;CN=");
		put_param(x, iv_contact_name(c));
		put_raw(x, ";ROLE=REQ-PARTICIPANT:mailto:");
		put_raw(x, iv_contact_email_at(c, 0));
		end_line(x);
	}
	prop_raw(x, "STATUS", "CONFIRMED");
	prop_raw(x, "TRANSP", "OPAQUE");
	return prop_raw(x, "END", "VEVENT");
}

static int export_interviews(struct ics *x, iv_db *db)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	iv_contact *c = NULL;
	int error;

	f.status = IV_INTERVIEW_SCHEDULED;
	if ((error = iv_interview_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		/* Scheduled with no time (an old or hand-made record): nothing to put on a calendar. */
		if (iv_interview_scheduled_at(iv) != 0 &&
		    (error = iv_contact_lookup(&c, db, iv_interview_contact(iv))) == 0) {
			put_event(x, iv, c);
			error = iv__record_done(x->w);
		}
		iv_contact_free(c);
		iv_interview_free(iv);
		c = NULL;
		iv = NULL;
		if (error)
			break;
	}
	iv_interview_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

/* ------------------------------------------------------------------ */
/* Follow-ups                                                           */

/* What to do, in the imperative, before and after the recipient's name. */
static void followup_words(int kind, const char **before, const char **after)
{
	*after = "";
	switch (kind) {
	case IV_FOLLOWUP_THANK_YOU:
		*before = "Thank ";
		break;
	case IV_FOLLOWUP_THANK_INTRODUCER:
		*before = "Thank ";
		*after = " for the introduction";
		break;
	case IV_FOLLOWUP_NUDGE:
		*before = "Nudge ";
		break;
	case IV_FOLLOWUP_CHECK_IN:
		*before = "Check in with ";
		break;
	case IV_FOLLOWUP_REPORT_BACK:
		*before = "Report back to ";
		break;
	case IV_FOLLOWUP_ASK_INTRO:
		*before = "Ask ";
		*after = " for an introduction";
		break;
	default:
		*before = "Follow up with ";
		break;
	}
}

static int put_todo(struct ics *x, const iv_followup *fu, const iv_contact *c)
{
	iv_time earliest = iv_followup_earliest(fu), due = iv_followup_due(fu);
	const char *before, *after;

	followup_words(iv_followup_kind(fu), &before, &after);
	prop_raw(x, "BEGIN", "VTODO");
	prop_uid(x, "UID", iv_followup_id(fu));
	put_stamps(x, iv_followup_created(fu), iv_followup_updated(fu));
	/*
	 * RFC 5545 wants DUE later than DTSTART. A follow-up due the moment it
	 * may be done (a report-back) or, from an older store, before it, keeps
	 * its due time alone: the due time is what a to-do list sorts by.
	 */
	if (earliest != 0 && (due == 0 || earliest < due))
		prop_time(x, "DTSTART", earliest);
	if (due != 0)
		prop_time(x, "DUE", due);
	put_raw(x, "SUMMARY:");
	put_text(x, before);
	put_text(x, iv_contact_name(c));
	put_text(x, after);
	end_line(x);
	if (iv_followup_note(fu))
		prop_text(x, "DESCRIPTION", iv_followup_note(fu));
	if (iv_followup_interview(fu))
		prop_uid(x, "RELATED-TO", iv_followup_interview(fu));
	prop_raw(x, "STATUS", "NEEDS-ACTION");
	return prop_raw(x, "END", "VTODO");
}

static int export_followups(struct ics *x, iv_db *db)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_contact *c = NULL;
	int error;

	f.status = IV_FOLLOWUP_PENDING;
	if ((error = iv_followup_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_followup_iter_next(&fu, it)) == 0) {
		if ((error = iv_contact_lookup(&c, db, iv_followup_contact(fu))) == 0) {
			put_todo(x, fu, c);
			error = iv__record_done(x->w);
		}
		iv_contact_free(c);
		iv_followup_free(fu);
		c = NULL;
		fu = NULL;
		if (error)
			break;
	}
	iv_followup_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

int iv__ics_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	struct ics x = { w, 0 };
	int error;

	(void)opts;
	prop_raw(&x, "BEGIN", "VCALENDAR");
	prop_raw(&x, "VERSION", "2.0");
	prop_raw(&x, "PRODID", ICS_PRODID);
	prop_raw(&x, "CALSCALE", "GREGORIAN");
	prop_text(&x, "X-WR-CALNAME", "Informational interviews");
	if ((error = export_interviews(&x, db)) != 0 || (error = export_followups(&x, db)) != 0)
		return error;
	prop_raw(&x, "END", "VCALENDAR");
	return w->error;
}
