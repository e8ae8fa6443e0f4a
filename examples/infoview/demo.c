/*
 * infoview demo: a realistic story in a temporary store, told through the
 * public API, then its agenda (with the week's plan of the target
 * employers), who can introduce you at Pfizer, and the review of the week
 * just ended.
 *
 * The story runs on a clock of its own, pinned like --now, so that what it
 * prints is the same on every run (but for ids): it ends on Monday 2 March
 * 2026 at 09:00 local time, or at --now when that is given.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "when.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
	"Usage: infoview demo [--keep]\n"
	"\n"
	"Makes a temporary store (under $TMPDIR, else /tmp) and fills it with a\n"
	"story: your profile; a dozen contacts across several companies; an\n"
	"e-mail introduction chain of two hops to Dana Smith at Pfizer; and\n"
	"interviews in several states: declined, completed (with notes, advice\n"
	"and thank-yous owed, and a referral to someone new), scheduled, waiting\n"
	"for a reply (nudges) and planned; and five target employers. Then\n"
	"prints the agenda (on a Monday, with the week's plan of the targets),\n"
	"'path --company Pfizer' and the review of the week just ended.\n"
	"\n"
	"The story ends on Monday 2 March 2026 at 09:00 (or at --now), so its\n"
	"output is the same on every run. The store is removed at exit.\n"
	"\n"
	"Options:\n"
	"  --keep   keep the store, and print commands to explore it\n";

#define STORY_END "2026-03-02T09:00"
#define DB_NAME "infoview.db"

enum { ALEX, PRIYA, MARCUS, BLAKE, DANA, ELENA, FARID, GRACE, HUGO, IRENE, JON, KIM, NPEOPLE };

static const struct person {
	const char *name, *company, *title, *email, *tag, *notes;
	int known, cadence, last; /* last: days before the end of the story, 0 for none */
} people[NPEOPLE] = {
	[ALEX] = { "Alex Kim", "Northwind Labs", "Data Engineer", "alex.kim@example.com",
		   "former colleague", "Worked together in the hospital lab for three years.",
		   IV_KNOWN_DIRECT, 90, 20 },
	[PRIYA] = { "Priya Natarajan", "St. Mary's Hospital", "Pharmacy Manager", "priya.n@example.org",
		    "former colleague", NULL, IV_KNOWN_DIRECT, 0, 0 },
	[MARCUS] = { "Marcus Oyelaran", "Riverside University", "Career Adviser", "m.oyelaran@example.edu",
		     "adviser", "Runs the alumni careers service.", IV_KNOWN_DIRECT, 0, 0 },
	[BLAKE] = { "Blake Chen", "Medisol Consulting", "Regulatory Consultant", "blake@medisol.example",
		    "regulatory", "Moved from the lab into regulatory consulting.", IV_KNOWN_INTRODUCED, 0, 0 },
	[DANA] = { "Dana Smith", "Pfizer", "Director, Regulatory Affairs", "dana.smith@pfizer.example",
		   "regulatory", NULL, IV_KNOWN_INTRODUCED, 0, 0 },
	[ELENA] = { "Elena Petrova", "Novartis", "Clinical Research Associate", "elena.p@novartis.example",
		    "clinical", NULL, IV_KNOWN_INTRODUCED, 0, 0 },
	[FARID] = { "Farid Haddad", "Pfizer", "Medical Science Liaison", NULL, "conference",
		    "Met briefly at a conference; no introduction yet.", IV_KNOWN_COLD, 0, 0 },
	[GRACE] = { "Grace Liu", "AstraZeneca", "Regulatory Affairs Specialist", "grace.liu@example.com",
		    "regulatory", "A friend from pharmacy school.", IV_KNOWN_DIRECT, 0, 0 },
	[HUGO] = { "Hugo Martins", "European Medicines Agency", "Scientific Officer", "hugo.m@ema.example",
		   "regulatory", NULL, IV_KNOWN_INTRODUCED, 0, 0 },
	[IRENE] = { "Irene Walsh", "St. Mary's Hospital", "Chief Pharmacist", "irene.walsh@example.org",
		    "mentor", "My first manager; likes a call every couple of months.", IV_KNOWN_DIRECT, 60, 58 },
	[JON] = { "Jon Baker", "Roche", "Quality Assurance Lead", "jon.baker@roche.example", "quality",
		  NULL, IV_KNOWN_INTRODUCED, 0, 0 },
	[KIM] = { "Kim Novak", "GSK", "Regulatory Writer", "kim.novak@gsk.example", "regulatory", NULL,
		  IV_KNOWN_DIRECT, 0, 0 },
};

enum { ALEX_BLAKE, BLAKE_DANA, PRIYA_ELENA, GRACE_HUGO, MARCUS_JON, NLINKS };

static const struct link {
	int by, to, channel, status, day;
	const char *note;
} links[NLINKS] = {
	[ALEX_BLAKE] = { ALEX, BLAKE, IV_CHANNEL_EMAIL, IV_INTRO_MADE, -18,
			 "Alex's e-mail: \"you two should talk about regulatory work\"" },
	[BLAKE_DANA] = { BLAKE, DANA, IV_CHANNEL_EMAIL, IV_INTRO_MADE, -6, "Blake copied me on a note to Dana" },
	[PRIYA_ELENA] = { PRIYA, ELENA, IV_CHANNEL_EMAIL, IV_INTRO_MADE, -12, NULL },
	[GRACE_HUGO] = { GRACE, HUGO, IV_CHANNEL_IN_PERSON, IV_INTRO_MADE, -10, "At the DIA meeting" },
	[MARCUS_JON] = { MARCUS, JON, IV_CHANNEL_EMAIL, IV_INTRO_REQUESTED, -9, NULL },
};

struct story {
	struct cli *ctx;
	iv_time end;
	char person[NPEOPLE][IV_ID_LEN + 1];
	char link[NLINKS][IV_ID_LEN + 1];
	char dana[IV_ID_LEN + 1];
};

/* Moves the story's clock to hh:mm, `day` days from its end. */
static void at(struct story *s, int day, int hh, int mm)
{
	s->ctx->now = when_local(s->end, day, hh, mm);
}

static int ok(int rc)
{
	return rc >= 0 ? 0 : cli_fail();
}

static int add_person(struct story *s, int i)
{
	const struct person *p = &people[i];
	iv_contact *c = NULL;
	int rc;

	if ((rc = ok(iv_contact_new(&c))) == 0 && (rc = ok(iv_contact_set_name(c, p->name))) == 0 &&
	    (rc = ok(iv_contact_set_company(c, p->company))) == 0 &&
	    (rc = ok(iv_contact_set_title(c, p->title))) == 0 &&
	    (rc = ok(iv_contact_add_tag(c, p->tag))) == 0 &&
	    (rc = ok(iv_contact_set_notes(c, p->notes))) == 0 &&
	    (rc = ok(iv_contact_set_known(c, p->known))) == 0 &&
	    (rc = ok(iv_contact_set_cadence_days(c, p->cadence))) == 0 &&
	    (!p->email || (rc = ok(iv_contact_add_email(c, p->email))) == 0) &&
	    (!p->last ||
	     (rc = ok(iv_contact_set_last_interaction(c, when_local(s->end, -p->last, 12, 0)))) == 0) &&
	    (rc = ok(iv_contact_insert(s->ctx->db, c))) == 0)
		snprintf(s->person[i], IV_ID_LEN + 1, "%s", iv_contact_id(c));
	iv_contact_free(c);
	return rc;
}

static int add_link(struct story *s, int i)
{
	const struct link *l = &links[i];
	iv_intro *in = NULL;
	int rc;

	at(s, l->day, 11, 0);
	if ((rc = ok(iv_intro_new(&in))) == 0 &&
	    (rc = ok(iv_intro_set_introducer(in, s->person[l->by]))) == 0 &&
	    (rc = ok(iv_intro_set_introduced(in, s->person[l->to]))) == 0 &&
	    (rc = ok(iv_intro_set_channel(in, l->channel))) == 0 &&
	    (rc = ok(iv_intro_set_status(in, l->status))) == 0 &&
	    (rc = ok(iv_intro_set_requested_at(in, when_local(s->end, l->day - 2, 10, 0)))) == 0 &&
	    (l->status != IV_INTRO_MADE || (rc = ok(iv_intro_set_made_at(in, s->ctx->now))) == 0) &&
	    (rc = ok(iv_intro_set_note(in, l->note))) == 0 && (rc = ok(iv_intro_insert(s->ctx->db, in))) == 0)
		snprintf(s->link[i], IV_ID_LEN + 1, "%s", iv_intro_id(in));
	iv_intro_free(in);
	return rc;
}

static int set_profile(struct story *s)
{
	iv_profile *p = NULL;
	int rc;

	if ((rc = ok(iv_profile_new(&p))) == 0 && (rc = ok(iv_profile_set_name(p, "Sam Rivera"))) == 0 &&
	    (rc = ok(iv_profile_set_background(p, "eight years as a hospital pharmacist"))) == 0 &&
	    (rc = ok(iv_profile_set_exploring(p, "exploring a move into regulatory affairs"))) == 0)
		rc = ok(iv_profile_set(s->ctx->db, p));
	iv_profile_free(p);
	return rc;
}

/* Plans an interview (with four questions from the bank) at the story's current time. */
static int plan(struct story *s, char id[IV_ID_LEN + 1], int who, int link, const char *purpose)
{
	iv_interview *iv = NULL;
	int rc;

	if ((rc = ok(iv_interview_new(&iv))) == 0 &&
	    (rc = ok(iv_interview_set_contact(iv, s->person[who]))) == 0 &&
	    (link < 0 || (rc = ok(iv_interview_set_intro(iv, s->link[link]))) == 0) &&
	    (rc = ok(iv_interview_set_purpose(iv, purpose))) == 0 &&
	    (rc = ok(iv_interview_seed_questions(iv, 4))) == 0 &&
	    (rc = ok(iv_interview_insert(s->ctx->db, iv))) == 0)
		snprintf(id, IV_ID_LEN + 1, "%s", iv_interview_id(iv));
	iv_interview_free(iv);
	return rc;
}

static int step(const struct story *s, const char *id, int status)
{
	return ok(iv_interview_move(NULL, s->ctx->db, id, status));
}

/* Schedules at hh:00 `day` days from the end of the story. */
static int schedule(struct story *s, const char *id, int day, int hh, int medium)
{
	iv_interview *iv = NULL;
	int rc;

	if ((rc = ok(iv_interview_lookup(&iv, s->ctx->db, id))) == 0 &&
	    (rc = ok(iv_interview_set_scheduled_at(iv, when_local(s->end, day, hh, 0)))) == 0 &&
	    (rc = ok(iv_interview_set_medium(iv, medium))) == 0 &&
	    (rc = ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED))) == 0)
		rc = ok(iv_interview_update(s->ctx->db, iv));
	iv_interview_free(iv);
	return rc;
}

/* Completes with notes, two pieces of advice and answers to the first two questions. */
static int complete(struct story *s, const char *id, const char *notes, const char *const advice[2],
		    const char *const answers[2])
{
	iv_interview *iv = NULL;
	int rc;

	if ((rc = ok(iv_interview_lookup(&iv, s->ctx->db, id))) == 0 &&
	    (rc = ok(iv_interview_set_notes(iv, notes))) == 0 &&
	    (rc = ok(iv_interview_add_advice(iv, advice[0]))) == 0 &&
	    (rc = ok(iv_interview_add_advice(iv, advice[1]))) == 0 &&
	    (rc = ok(iv_interview_set_answer(iv, 0, answers[0]))) == 0 &&
	    (rc = ok(iv_interview_set_answer(iv, 1, answers[1]))) == 0 &&
	    (rc = ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED))) == 0)
		rc = ok(iv_interview_update(s->ctx->db, iv));
	iv_interview_free(iv);
	return rc;
}

/* Marks the pending thank-yous of an interview done. */
static int thank(struct story *s, const char *id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char ids[8][IV_ID_LEN + 1];
	int rc, n = 0, i;

	f.interview = id;
	f.status = IV_FOLLOWUP_PENDING;
	if (iv_followup_list(&it, s->ctx->db, &f) < 0)
		return cli_fail();
	/* Closing writes: collect first, so that nothing changes under the iterator. */
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		if (iv_followup_kind(fu) == IV_FOLLOWUP_THANK_YOU && n < 8)
			snprintf(ids[n++], IV_ID_LEN + 1, "%s", iv_followup_id(fu));
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	if (rc != IV_ITEROVER)
		return cli_fail();
	for (i = 0, rc = 0; rc == 0 && i < n; i++)
		rc = ok(iv_followup_close(NULL, s->ctx->db, ids[i], IV_FOLLOWUP_DONE));
	return rc;
}

static const char *const grace_advice[2] = {
	"Take a regulatory affairs certificate course before applying anywhere",
	"Ask Hugo at the EMA how scientific advice procedures work",
};
static const char *const grace_answers[2] = {
	"Four years in hospital pharmacy, then a junior post in a regulatory team.",
	"Most of the week is dossiers and meetings with the agencies.",
};
static const char *const hugo_advice[2] = {
	"Read the EMA's guidance on scientific advice, then the last three EPARs in oncology",
	"Join TOPRA and go to the next evening meeting",
};
static const char *const hugo_answers[2] = {
	"From a hospital pharmacy to the agency's assessment team.",
	"More applications for advanced therapies, and closer work with HTA bodies.",
};

/* The employers you aim at: name, motivation, posting. */
static const struct aim {
	const char *name;
	int motivation, posting;
} aims[] = {
	{ "Pfizer", 3, 1 }, { "Novartis", 3, 0 }, { "Sanofi", 2, 0 }, { "Roche", 2, 0 }, { "Bayer", 1, 1 },
};

static int add_targets(struct story *s)
{
	iv_target *t = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < sizeof(aims) / sizeof(aims[0]); i++) {
		if ((rc = ok(iv_target_new(&t))) == 0 && (rc = ok(iv_target_set_name(t, aims[i].name))) == 0 &&
		    (rc = ok(iv_target_set_motivation(t, aims[i].motivation))) == 0 &&
		    (rc = ok(iv_target_set_posting(t, aims[i].posting))) == 0)
			rc = ok(iv_target_insert(s->ctx->db, t));
		iv_target_free(t);
		t = NULL;
	}
	return rc;
}

/* The story, in the order it happened. */
static int tell(struct story *s)
{
	char kim[IV_ID_LEN + 1], grace[IV_ID_LEN + 1], hugo[IV_ID_LEN + 1];
	char blake[IV_ID_LEN + 1], elena[IV_ID_LEN + 1];
	int rc = 0, i;

	at(s, -21, 10, 0);
	if ((rc = set_profile(s)) != 0)
		return rc;
	for (i = 0; rc == 0 && i < NPEOPLE; i++)
		rc = add_person(s, i);
	for (i = 0; rc == 0 && i < NLINKS; i++)
		rc = add_link(s, i);
	if (rc || (rc = add_targets(s)) != 0)
		return rc;
	/* Kim said no. */
	at(s, -20, 9, 30);
	if ((rc = plan(s, kim, KIM, -1, "what a regulatory writer's week looks like")) ||
	    (rc = step(s, kim, IV_INTERVIEW_REQUESTED)))
		return rc;
	at(s, -17, 14, 0);
	if ((rc = step(s, kim, IV_INTERVIEW_DECLINED)))
		return rc;
	/* Grace: the whole craft, thank-you sent; a report-back is still ahead. */
	at(s, -16, 10, 0);
	if ((rc = plan(s, grace, GRACE, -1, "how a pharmacist moves into regulatory affairs")))
		return rc;
	at(s, -15, 10, 0);
	if ((rc = step(s, grace, IV_INTERVIEW_REQUESTED)))
		return rc;
	at(s, -14, 16, 0);
	if ((rc = schedule(s, grace, -9, 14, IV_MEDIUM_VIDEO)))
		return rc;
	at(s, -9, 14, 45);
	if ((rc = complete(s, grace, "Warm and practical. Her team is hiring juniors next year.", grace_advice,
			   grace_answers)))
		return rc;
	at(s, -9, 19, 30);
	if ((rc = thank(s, grace)))
		return rc;
	/* Hugo, whom Grace introduced: talked yesterday, thank-yous owed to both. */
	at(s, -8, 9, 0);
	if ((rc = plan(s, hugo, HUGO, GRACE_HUGO, "what the agency looks for in a scientific advice request")) ||
	    (rc = step(s, hugo, IV_INTERVIEW_REQUESTED)))
		return rc;
	at(s, -6, 11, 0);
	if ((rc = schedule(s, hugo, -1, 16, IV_MEDIUM_PHONE)))
		return rc;
	at(s, -1, 16, 40);
	if ((rc = complete(s, hugo, "Generous with time; suggested I write up what I learn.", hugo_advice,
			   hugo_answers)))
		return rc;
	/* He also named someone to talk to next: a referral, and a follow-up to ask him for the introduction. */
	if ((rc = ok(iv_interview_refer(NULL, s->ctx->db, hugo, "Lena Vogel", "Sanofi"))))
		return rc;
	/* Blake, whom Alex introduced: tomorrow. */
	at(s, -7, 10, 0);
	if ((rc = plan(s, blake, BLAKE, ALEX_BLAKE, "what regulatory consulting is like day to day")) ||
	    (rc = step(s, blake, IV_INTERVIEW_REQUESTED)))
		return rc;
	at(s, -3, 15, 0);
	if ((rc = schedule(s, blake, 1, 15, IV_MEDIUM_VIDEO)))
		return rc;
	/* Elena has not answered: the first nudge is overdue. */
	at(s, -6, 10, 0);
	if ((rc = plan(s, elena, ELENA, PRIYA_ELENA, "how clinical research connects with regulatory work")) ||
	    (rc = step(s, elena, IV_INTERVIEW_REQUESTED)))
		return rc;
	/* Dana at Pfizer, two introductions away: the request is still to write. */
	at(s, -1, 18, 0);
	return plan(s, s->dana, DANA, BLAKE_DANA,
		    "how regulatory affairs work is organised at a large drug company");
}

/* Removes the temporary store and its directory. */
static void remove_store(const char *dir)
{
	static const char *const files[] = { DB_NAME, DB_NAME "-wal", DB_NAME "-shm", DB_NAME "-journal" };
	char path[4200];
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if (unlink(path) < 0 && errno != ENOENT)
			cli_warn("cannot remove %s: %s", path, strerror(errno));
	}
	if (rmdir(dir) < 0)
		cli_warn("cannot remove %s: %s", dir, strerror(errno));
}

static int show(struct story *s, const char *db, int keep)
{
	char day[16], month[16], when[64], iso[32], week[16], sid[IV_ID_LEN + 1];
	time_t t = (time_t)s->end, last;
	struct tm tm;
	struct jw j;
	int rc;

	localtime_r(&t, &tm);
	strftime(day, sizeof(day), "%A", &tm);
	strftime(month, sizeof(month), "%B", &tm);
	snprintf(when, sizeof(when), "%s %d %s %d at %02d:%02d", day, tm.tm_mday, month, tm.tm_year + 1900,
		 tm.tm_hour, tm.tm_min);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M", &tm);
	if (s->ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "store", db);
		jw_kbool(&j, "kept", keep);
		jw_ktime(&j, "now", s->end);
		jw_key(&j, "agenda");
		if ((rc = agenda_show(s->ctx, 7, &j)) == 0) {
			jw_key(&j, "path");
			rc = path_show(s->ctx, NULL, "Pfizer", &j);
		}
		if (rc == 0) {
			jw_key(&j, "week");
			rc = week_show(s->ctx, iv_time_add_days(s->end, -7), &j);
		}
		jw_object_end(&j);
		if (rc == 0)
			jw_finish(&j);
		return rc;
	}
	printf("A demo store: a dozen contacts, six introductions, six interviews, five\n"
	       "target employers, as things stand on %s:\n  %s\n\n", when, db);
	printf("%s$ infoview agenda%s\n", color_on(s->ctx, C_DIM), color_off(s->ctx, C_DIM));
	if ((rc = agenda_show(s->ctx, 7, NULL)) != 0)
		return rc;
	printf("\n%s$ infoview path --company Pfizer%s\n", color_on(s->ctx, C_DIM), color_off(s->ctx, C_DIM));
	if ((rc = path_show(s->ctx, NULL, "Pfizer", NULL)) != 0)
		return rc;
	last = (time_t)iv_time_add_days(s->end, -7);
	localtime_r(&last, &tm);
	strftime(week, sizeof(week), "%G-W%V", &tm);
	printf("\n%s$ infoview week --week %s%s\n", color_on(s->ctx, C_DIM), week, color_off(s->ctx, C_DIM));
	if ((rc = week_show(s->ctx, iv_time_add_days(s->end, -7), NULL)) != 0)
		return rc;
	short_id(sid, s->ctx, REF_INTERVIEW, s->dana);
	if (keep)
		printf("\nThe store is kept. Explore it as of the story's end, for instance:\n"
		       "  infoview --db %s --now %s interview list\n"
		       "  infoview --db %s --now %s draft request %s\n"
		       "  infoview --db %s --now %s contact show 'Dana Smith'\n"
		       "  infoview --db %s --now %s target list\n",
		       db, iso, db, iso, sid, db, iso, db, iso);
	else
		printf("\nThe store is removed now; 'infoview demo --keep' keeps it to explore.\n");
	return CLI_OK;
}

int cmd_demo(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "keep", 1, 0 }, { NULL, 0, 0 } };
	const char *tmp = getenv("TMPDIR"), *why;
	char dir[4096], db[4200];
	struct story s;
	struct parsed p;
	struct args a;
	int rc, keep;

	args_init(&a, ctx, "demo", help, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	keep = p.nset > 0;
	parsed_free(&p);
	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	if (ctx->now_fixed)
		s.end = ctx->now;
	else if (when_parse(&s.end, STORY_END, ctx->now, &why) < 0)
		return cli_failf("the story's time: %s", why);
	snprintf(dir, sizeof(dir), "%s/infoview-demo.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return cli_failf("cannot make a directory under %s: %s", tmp && *tmp ? tmp : "/tmp",
				 strerror(errno));
	snprintf(db, sizeof(db), "%s/%s", dir, DB_NAME);
	ctx->db_path = db;
	ctx->now_fixed = 1;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = tell(&s)) == 0 && (rc = cli_commit(ctx)) == 0) {
		ctx->now = s.end;
		cli_ids_changed(ctx);
		rc = show(&s, db, keep);
	}
	/* The store is closed here, before its files go. */
	while (ctx->db && iv_db_transaction_depth(ctx->db) > 0 && iv_db_rollback(ctx->db) == 0)
		;
	cli_ids_changed(ctx);
	iv_db_free(ctx->db);
	ctx->db = NULL;
	ctx->db_path = NULL;
	if (!keep || rc != 0)
		remove_store(dir);
	return rc;
}
