/*
 * iv-quickstart: a first tour of libinfoview.
 *
 * Opens a store (argv[1], else $INFOVIEW_DB, else the default embedded
 * store), makes sure it holds a small story, and prints it back:
 *
 *   Alex, whom you know directly, introduces you by e-mail to Dana at
 *   Pfizer; you interview Dana with four questions; then you owe Dana a
 *   thank-you and Alex a thank-you for the introduction.
 *
 * The story is found again by its tag, so running the program twice adds
 * nothing the second time. Every failing call prints the library's own
 * message (iv_error_last()) and the program exits with status 1.
 *
 * SPDX-License-Identifier: MIT
 */
#include <infoview/infoview.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Marks every contact of the story, which is how a second run finds it. */
#define STORY_TAG "iv-quickstart"
#define ALEX "Alex Rivera"
#define DANA "Dana Okafor"

#define HOUR ((iv_time)3600)
#define DAY (24 * HOUR)

/*
 * Reports a failed call with the library's message, which names the field
 * or id at fault. Returns 1 when the call succeeded, so that callers read
 * `if (!ok(...)) goto out;`.
 */
static int ok(int rc, const char *what)
{
	if (rc >= 0)
		return 1;
	fprintf(stderr, "iv-quickstart: %s: %s\n", what, iv_error_last()->message);
	return 0;
}

/* The story's records, by id, once created or found. */
struct story {
	char alex[IV_ID_LEN + 1];
	char dana[IV_ID_LEN + 1];
	char intro[IV_ID_LEN + 1];
	char interview[IV_ID_LEN + 1];
};

static void copy_id(char dst[IV_ID_LEN + 1], const char *id)
{
	snprintf(dst, IV_ID_LEN + 1, "%s", id ? id : "");
}

/* ------------------------------------------------------------------------ */
/* Making the story                                                          */

static int add_contacts(iv_db *db, struct story *s)
{
	iv_contact *alex = NULL, *dana = NULL;
	int good = 0;

	if (!ok(iv_contact_new(&alex), "new contact") ||
	    !ok(iv_contact_set_name(alex, ALEX), "name") ||
	    !ok(iv_contact_set_known(alex, IV_KNOWN_DIRECT), "known") ||
	    !ok(iv_contact_set_company(alex, "Northwind Labs"), "company") ||
	    !ok(iv_contact_set_title(alex, "Data Engineer"), "title") ||
	    !ok(iv_contact_add_email(alex, "alex.rivera@example.com"), "e-mail") ||
	    !ok(iv_contact_add_tag(alex, STORY_TAG), "tag") ||
	    !ok(iv_contact_add_tag(alex, "former colleague"), "tag") ||
	    !ok(iv_contact_set_cadence_days(alex, 90), "cadence") ||
	    !ok(iv_contact_set_notes(alex, "Worked together in the lab for three years."), "notes") ||
	    !ok(iv_contact_insert(db, alex), "insert " ALEX))
		goto out;

	if (!ok(iv_contact_new(&dana), "new contact") ||
	    !ok(iv_contact_set_name(dana, DANA), "name") ||
	    !ok(iv_contact_set_known(dana, IV_KNOWN_INTRODUCED), "known") ||
	    !ok(iv_contact_set_company(dana, "Pfizer"), "company") ||
	    !ok(iv_contact_set_title(dana, "Clinical Data Manager"), "title") ||
	    !ok(iv_contact_set_location(dana, "New York, NY"), "location") ||
	    !ok(iv_contact_set_url(dana, "https://www.example.org/in/dana-okafor"), "url") ||
	    !ok(iv_contact_add_email(dana, "dana.okafor@example.org"), "e-mail") ||
	    !ok(iv_contact_add_tag(dana, STORY_TAG), "tag") ||
	    !ok(iv_contact_add_tag(dana, "pharma"), "tag") ||
	    !ok(iv_contact_set_cadence_days(dana, 60), "cadence") ||
	    !ok(iv_contact_insert(db, dana), "insert " DANA))
		goto out;

	copy_id(s->alex, iv_contact_id(alex));
	copy_id(s->dana, iv_contact_id(dana));
	good = 1;
out:
	iv_contact_free(alex);
	iv_contact_free(dana);
	return good;
}

static int add_intro(iv_db *db, struct story *s, iv_time now)
{
	iv_intro *in = NULL;
	int good = 0;

	if (!ok(iv_intro_new(&in), "new introduction") ||
	    !ok(iv_intro_set_introducer(in, s->alex), "introducer") ||
	    !ok(iv_intro_set_introduced(in, s->dana), "introduced") ||
	    !ok(iv_intro_set_channel(in, IV_CHANNEL_EMAIL), "channel") ||
	    !ok(iv_intro_set_status(in, IV_INTRO_MADE), "status") ||
	    !ok(iv_intro_set_requested_at(in, now - 6 * DAY), "requested at") ||
	    !ok(iv_intro_set_made_at(in, now - 5 * DAY), "made at") ||
	    !ok(iv_intro_set_note(in, "Alex wrote to us both: \"Dana, meet a friend moving from "
				  "lab work into clinical data; I think you two should talk.\""), "note") ||
	    !ok(iv_intro_insert(db, in), "insert introduction"))
		goto out;
	copy_id(s->intro, iv_intro_id(in));
	good = 1;
out:
	iv_intro_free(in);
	return good;
}

static int add_interview(iv_db *db, struct story *s, iv_time start)
{
	/* About four questions, drawn from the TIARA set and the job itself. */
	static const char *const qa[4][2] = {
		{ "How did you get from the lab into clinical data management?",
		  "Volunteered to clean up trial data, then took a data-management contract." },
		{ "What does a typical week look like in your role?",
		  "Query review, edit-check specs, and a lot of meetings with sites." },
		{ "Which trends are changing the work over the next few years?",
		  "Decentralised trials and direct data capture from devices." },
		{ "What would you advise someone making this move to do first?",
		  "Learn CDISC standards; SDTM comes up in every interview." },
	};
	iv_interview *iv = NULL;
	size_t i;
	int good = 0;

	if (!ok(iv_interview_new(&iv), "new interview") ||
	    !ok(iv_interview_set_contact(iv, s->dana), "contact") ||
	    !ok(iv_interview_set_intro(iv, s->intro), "introduction") ||
	    !ok(iv_interview_set_purpose(iv, "Learn what clinical data management is like day "
				     "to day, and how people move into it from lab work."), "purpose") ||
	    !ok(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO), "medium") ||
	    !ok(iv_interview_set_scheduled_at(iv, start), "scheduled at") ||
	    !ok(iv_interview_set_minutes(iv, IV_INTERVIEW_DEFAULT_MINUTES), "minutes") ||
	    !ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED), "status") ||
	    !ok(iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, start - 5 * DAY), "requested at") ||
	    !ok(iv_interview_set_status_at(iv, IV_INTERVIEW_SCHEDULED, start - 4 * DAY), "scheduled at") ||
	    !ok(iv_interview_set_status_at(iv, IV_INTERVIEW_COMPLETED, start + 30 * 60), "completed at"))
		goto out;
	for (i = 0; i < 4; i++) {
		if (!ok(iv_interview_add_question(iv, qa[i][0]), "question") ||
		    !ok(iv_interview_set_answer(iv, i, qa[i][1]), "answer"))
			goto out;
	}
	if (!ok(iv_interview_set_notes(iv, "Friendly, generous with time.\n"
				       "Offered to pass on my CV when a junior role opens."), "notes") ||
	    !ok(iv_interview_add_advice(iv, "Take a CDISC SDTM course before applying."), "advice") ||
	    !ok(iv_interview_add_advice(iv, "Ask CROs about contract roles: they hire career changers."), "advice") ||
	    !ok(iv_interview_add_resource(iv, "Society for Clinical Data Management webinars"), "resource") ||
	    !ok(iv_interview_insert(db, iv), "insert interview"))
		goto out;
	copy_id(s->interview, iv_interview_id(iv));
	good = 1;
out:
	iv_interview_free(iv);
	return good;
}

/*
 * Writes the whole story in one transaction: a failure half-way leaves the
 * store as it was, so the next run starts over instead of finding half a
 * story.
 */
static int create_story(iv_db *db, struct story *s)
{
	iv_time now = 0, start;

	if (!ok(iv_db_now(&now, db), "the clock"))
		return 0;
	/* The talk started three and a half hours ago and lasted 30 minutes. */
	start = now - 3 * HOUR - HOUR / 2;

	if (!ok(iv_db_begin(db), "begin"))
		return 0;
	/*
	 * No follow-up is written by hand: storing the completed interview makes
	 * the library add the thank-yous (to Dana, and to Alex who introduced
	 * you), a report-back on Dana's advice, and the stay-in-touch check-ins.
	 */
	if (add_contacts(db, s) && add_intro(db, s, now) && add_interview(db, s, start) &&
	    ok(iv_db_commit(db), "commit"))
		return 1;
	iv_db_rollback(db);
	return 0;
}

/*
 * Looks for the story by its tag. Returns 1 with `s` filled if both people
 * are there, 0 if neither is, -1 on an error or a story someone has cut
 * short (which the program will not try to repair).
 */
static int find_story(iv_db *db, struct story *s)
{
	iv_contact_filter filter;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int rc, found = -1;

	memset(s, 0, sizeof(*s));
	if (!ok(iv_contact_filter_init(&filter, IV_CONTACT_FILTER_VERSION), "contact filter"))
		return -1;
	filter.tag = STORY_TAG;
	if (!ok(iv_contact_list(&it, db, &filter), "list contacts"))
		return -1;
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		if (strcmp(iv_contact_name(c), ALEX) == 0)
			copy_id(s->alex, iv_contact_id(c));
		else if (strcmp(iv_contact_name(c), DANA) == 0)
			copy_id(s->dana, iv_contact_id(c));
		iv_contact_free(c);
	}
	if (rc != IV_ITEROVER) {
		ok(rc, "list contacts");
		goto out;
	}
	if (!*s->alex && !*s->dana) {
		found = 0;
	} else if (*s->alex && *s->dana) {
		found = 1;
	} else {
		fprintf(stderr, "iv-quickstart: the store holds only part of the story "
			"(contacts tagged \"%s\"); remove them to start over\n", STORY_TAG);
	}
out:
	iv_contact_iter_free(it);
	return found;
}

/* ------------------------------------------------------------------------ */
/* Printing                                                                  */

static const char *when(iv_time t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm *tm;

	if (t == 0)
		return "-";
	tm = gmtime(&tt);
	if (tm == NULL || strftime(buf, 32, "%Y-%m-%d %H:%M UTC", tm) == 0)
		snprintf(buf, 32, "@%lld", (long long)t);
	return buf;
}

static const char *enum_name(const char *type, int value)
{
	const char *name = iv_enum_name(type, value);

	return name ? name : "?";
}

/* One "label: value" line; multi-line text is indented under its label. */
static void field(const char *label, const char *value)
{
	const char *p;

	if (value == NULL || *value == '\0')
		return;
	printf("    %-13s ", label);
	for (p = value; *p; p++) {
		putchar(*p);
		/* Blank lines stay empty: no trailing spaces. */
		if (*p == '\n' && p[1] != '\0' && p[1] != '\n')
			printf("    %-13s ", "");
	}
	if (p[-1] != '\n')
		putchar('\n');
}

static void time_field(const char *label, iv_time t)
{
	char buf[32];

	if (t != 0)
		field(label, when(t, buf));
}

/* A contact's name for display; "?" if the id names nobody. */
static void name_of(iv_db *db, const char *id, char *buf, size_t size)
{
	iv_contact *c = NULL;

	if (id && iv_contact_lookup(&c, db, id) == 0)
		snprintf(buf, size, "%s", iv_contact_name(c));
	else
		snprintf(buf, size, "?");
	iv_contact_free(c);
	iv_error_clear();
}

static void plural(size_t n, const char *one, const char *many)
{
	printf("  (%zu %s)\n\n", n, n == 1 ? one : many);
}

static int print_contacts(iv_db *db)
{
	iv_contact_filter filter;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0, i;
	char buf[64];
	int rc;

	printf("Contacts tagged \"%s\"\n", STORY_TAG);
	if (!ok(iv_contact_filter_init(&filter, IV_CONTACT_FILTER_VERSION), "contact filter"))
		return 0;
	filter.tag = STORY_TAG;
	if (!ok(iv_contact_list(&it, db, &filter), "list contacts"))
		return 0;
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		printf("  %s\n", iv_contact_name(c));
		field("id", iv_contact_id(c));
		field("known", enum_name("known", iv_contact_known(c)));
		field("company", iv_contact_company(c));
		field("title", iv_contact_title(c));
		field("location", iv_contact_location(c));
		field("phone", iv_contact_phone(c));
		field("url", iv_contact_url(c));
		for (i = 0; i < iv_contact_email_count(c); i++)
			field(i == 0 ? "e-mail" : "", iv_contact_email_at(c, i));
		for (i = 0; i < iv_contact_tag_count(c); i++)
			field(i == 0 ? "tags" : "", iv_contact_tag_at(c, i));
		if (iv_contact_cadence_days(c) > 0) {
			snprintf(buf, sizeof(buf), "every %d days", iv_contact_cadence_days(c));
			field("keep in touch", buf);
		}
		time_field("last contact", iv_contact_last_interaction(c));
		field("notes", iv_contact_notes(c));
		time_field("created", iv_contact_created(c));
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	if (rc != IV_ITEROVER)
		return ok(rc, "list contacts");
	plural(n, "contact", "contacts");
	return 1;
}

static int print_intros(iv_db *db, const struct story *s)
{
	iv_intro_filter filter;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	char who[IV_LIMIT_SHORT + 1], whom[IV_LIMIT_SHORT + 1];
	size_t n = 0;
	int rc;

	printf("Introductions made by %s\n", ALEX);
	if (!ok(iv_intro_filter_init(&filter, IV_INTRO_FILTER_VERSION), "introduction filter"))
		return 0;
	filter.introducer = s->alex;
	if (!ok(iv_intro_list(&it, db, &filter), "list introductions"))
		return 0;
	while ((rc = iv_intro_iter_next(&in, it)) == 0) {
		n++;
		name_of(db, iv_intro_introducer(in), who, sizeof(who));
		name_of(db, iv_intro_introduced(in), whom, sizeof(whom));
		printf("  %s introduces you to %s\n", who, whom);
		field("id", iv_intro_id(in));
		field("channel", enum_name("channel", iv_intro_channel(in)));
		field("status", enum_name("intro_status", iv_intro_status(in)));
		time_field("requested", iv_intro_requested_at(in));
		time_field("made", iv_intro_made_at(in));
		field("note", iv_intro_note(in));
		iv_intro_free(in);
	}
	iv_intro_iter_free(it);
	if (rc != IV_ITEROVER)
		return ok(rc, "list introductions");
	plural(n, "introduction", "introductions");
	return 1;
}

static int print_interviews(iv_db *db, const struct story *s)
{
	iv_interview_filter filter;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	char who[IV_LIMIT_SHORT + 1], buf[64];
	size_t n = 0, i;
	int rc;

	printf("Interviews with %s\n", DANA);
	if (!ok(iv_interview_filter_init(&filter, IV_INTERVIEW_FILTER_VERSION), "interview filter"))
		return 0;
	filter.contact = s->dana;
	if (!ok(iv_interview_list(&it, db, &filter), "list interviews"))
		return 0;
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		n++;
		name_of(db, iv_interview_contact(iv), who, sizeof(who));
		printf("  with %s\n", who);
		field("id", iv_interview_id(iv));
		field("introduction", iv_interview_intro(iv));
		field("purpose", iv_interview_purpose(iv));
		field("medium", enum_name("medium", iv_interview_medium(iv)));
		time_field("scheduled", iv_interview_scheduled_at(iv));
		snprintf(buf, sizeof(buf), "%d minutes", iv_interview_minutes(iv));
		field("length", buf);
		field("status", enum_name("interview_status", iv_interview_status(iv)));
		time_field("completed", iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED));
		for (i = 0; i < iv_interview_question_count(iv); i++) {
			snprintf(buf, sizeof(buf), "Q%zu", i + 1);
			field(buf, iv_interview_question_at(iv, i));
			field("A", iv_interview_answer_at(iv, i));
		}
		field("notes", iv_interview_notes(iv));
		for (i = 0; i < iv_interview_advice_count(iv); i++)
			field(i == 0 ? "advice" : "", iv_interview_advice_at(iv, i));
		for (i = 0; i < iv_interview_resource_count(iv); i++)
			field(i == 0 ? "resources" : "", iv_interview_resource_at(iv, i));
		iv_interview_free(iv);
	}
	iv_interview_iter_free(it);
	if (rc != IV_ITEROVER)
		return ok(rc, "list interviews");
	plural(n, "interview", "interviews");
	return 1;
}

static int print_followups(iv_db *db)
{
	iv_followup_filter filter;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char who[IV_LIMIT_SHORT + 1];
	size_t n = 0;
	int rc;

	/* An agenda: what is still to do, the soonest due first. */
	printf("Pending follow-ups\n");
	if (!ok(iv_followup_filter_init(&filter, IV_FOLLOWUP_FILTER_VERSION), "follow-up filter"))
		return 0;
	filter.status = IV_FOLLOWUP_PENDING;
	if (!ok(iv_followup_list(&it, db, &filter), "list follow-ups"))
		return 0;
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		n++;
		name_of(db, iv_followup_contact(fu), who, sizeof(who));
		printf("  %s: %s\n", who, enum_name("followup_kind", iv_followup_kind(fu)));
		field("id", iv_followup_id(fu));
		field("interview", iv_followup_interview(fu));
		field("status", enum_name("followup_status", iv_followup_status(fu)));
		time_field("not before", iv_followup_earliest(fu));
		time_field("due", iv_followup_due(fu));
		field("note", iv_followup_note(fu));
		field("draft", iv_followup_draft(fu));
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	if (rc != IV_ITEROVER)
		return ok(rc, "list follow-ups");
	plural(n, "follow-up", "follow-ups");
	return 1;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	char *default_path = NULL;
	iv_db *db = NULL;
	struct story story;
	int found, status = 1;

	if (argc > 2 || (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))) {
		fprintf(argc > 2 ? stderr : stdout,
			"usage: iv-quickstart [STORE]\n"
			"Adds a small example story to an infoview store (once) and lists it.\n"
			"STORE defaults to $INFOVIEW_DB, else the default store.\n");
		return argc > 2 ? 2 : 0;
	}
	if (argc == 2)
		path = argv[1];
	else if (getenv("INFOVIEW_DB") && *getenv("INFOVIEW_DB"))
		path = getenv("INFOVIEW_DB");
	else if (!ok(iv_db_default_path(&default_path), "default store"))
		return 1;

	/* NULL opens the default store, creating its directory if needed. */
	if (!ok(iv_db_open(&db, path), "open store"))
		goto out;
	printf("libinfoview %s\nstore: %s\n", iv_version(NULL, NULL, NULL),
	       path ? path : default_path);

	found = find_story(db, &story);
	if (found < 0)
		goto out;
	if (found == 0) {
		if (!create_story(db, &story))
			goto out;
		printf("story: created\n\n");
	} else {
		printf("story: already in the store, nothing added\n\n");
	}

	if (print_contacts(db) && print_intros(db, &story) &&
	    print_interviews(db, &story) && print_followups(db))
		status = 0;
out:
	iv_db_free(db);
	iv_free(default_path);
	return status;
}
