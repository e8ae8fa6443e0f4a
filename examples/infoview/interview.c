/*
 * infoview interview: plan, request, schedule and complete interviews.
 * SPDX-License-Identifier: MIT
 */
#include "interview.h"
#include "args.h"
#include "cascade.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"
#include "summary.h"
#include "when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_group[] =
	"Usage: infoview interview COMMAND [ARGS...]\n"
	"\n"
	"Informational interviews: planned -> requested -> scheduled -> completed,\n"
	"or declined, no-response or cancelled from any of the first three.\n"
	"Each move applies the library's rules: a request sets two nudges (after 3\n"
	"and 7 business days) that a reply cancels; completing sets a thank-you to\n"
	"the person (from 3 hours, due within 24) and to everyone on the chain of\n"
	"introductions that led to them, and a report-back when advice was noted.\n"
	"\n"
	"Commands:\n"
	"  add CONTACT --purpose TEXT [--via INTRO] [--seed N] ...\n"
	"                               plan an interview; prints its id\n"
	"  list [--status S] [--contact CONTACT]\n"
	"                               list interviews (the default)\n"
	"  show INTERVIEW               everything about an interview\n"
	"  request INTERVIEW            you asked them\n"
	"  schedule INTERVIEW --at WHEN [--medium M] [--minutes N] [--past]\n"
	"                               a time is agreed (a time already past\n"
	"                               needs --past)\n"
	"  reschedule INTERVIEW [--at WHEN] [--medium M] [--minutes N] [--past]\n"
	"                               change the agreed time, medium or length\n"
	"  unschedule INTERVIEW         the time fell through: back to requested,\n"
	"                               its nudges pending again\n"
	"  complete INTERVIEW [--notes TEXT] [--advice TEXT]... [--resource TEXT]...\n"
	"           [--referral \"NAME[, COMPANY]\"]...\n"
	"                               it took place\n"
	"  refer INTERVIEW \"NAME[, COMPANY]\"\n"
	"                               they suggested you talk to someone\n"
	"  decline INTERVIEW            they said no\n"
	"  no-response INTERVIEW        they never answered\n"
	"  cancel INTERVIEW             called off\n"
	"  edit INTERVIEW [OPTIONS]     change purpose, notes, medium, length, advice\n"
	"  questions INTERVIEW [add|answer|set|remove|move|seed ...]\n"
	"                               the prepared questions and their answers\n"
	"  rm INTERVIEW [--cascade] [--yes]\n"
	"                               remove an interview\n"
	"\n"
	"INTERVIEW is an id prefix; CONTACT an id prefix or a name.\n";

static const char help_add[] =
	"Usage: infoview interview add CONTACT --purpose TEXT [OPTIONS]\n"
	"\n"
	"Plans an interview with CONTACT and prints a line about it (with -q only\n"
	"its id, with --json the interview). Four questions from\n"
	"the built-in bank (how they got there, insights, trends, advice) are\n"
	"added unless --seed or --question says otherwise.\n"
	"\n"
	"Options:\n"
	"  --purpose TEXT   what you want to learn from them (required)\n"
	"  --via INTRO      the introduction that led to it; by default the one\n"
	"                   introduction to CONTACT that was not declined, if\n"
	"                   there is exactly one\n"
	"  --seed N         add N questions from the bank (0 for none)\n"
	"  --question TEXT  add a question of your own (repeatable)\n"
	"  --medium M       phone, video or in-person\n"
	"  --minutes N      planned length (default 30)\n"
	"  -q, --quiet      print only the new interview's id\n";

static const char help_list[] =
	"Usage: infoview interview list [--status S] [--contact CONTACT]\n"
	"\n"
	"Lists interviews in the order they were planned. S is one of planned,\n"
	"requested, scheduled, completed, declined, no-response, cancelled.\n";

static const char help_show[] =
	"Usage: infoview interview show INTERVIEW\n"
	"\n"
	"Shows an interview: its status history, time, introduction, purpose,\n"
	"notes, questions and answers, advice, resources and follow-ups.\n";

static const char help_request[] =
	"Usage: infoview interview request INTERVIEW\n"
	"\n"
	"Records that you asked for the interview (planned -> requested). Two\n"
	"nudges follow if no reply comes: after 3 business days, reach out to\n"
	"another contact; after 7, follow up once with this one.\n";

static const char help_schedule[] =
	"Usage: infoview interview schedule INTERVIEW --at WHEN [--medium M] [--minutes N] [--past]\n"
	"\n"
	"Records the agreed time (requested -> scheduled), which cancels the\n"
	"nudges. A planned interview is first moved to requested, in the same\n"
	"transaction, as the reply came before you recorded the request. On an\n"
	"interview already scheduled, changes its time (as reschedule does).\n"
	"A time before now is refused unless --past is given, to log a talk\n"
	"that was already arranged or held.\n"
	"\n"
	"Options:\n"
	"  --at WHEN        when (required)\n"
	"  --medium M       phone, video or in-person\n"
	"  --minutes N      planned length (1 to 600)\n"
	"  --past           accept a time before now\n"
	"\n"
	WHEN_HELP;

static const char help_reschedule[] =
	"Usage: infoview interview reschedule INTERVIEW [--at WHEN] [--medium M] [--minutes N] [--past]\n"
	"\n"
	"Changes the agreed time, medium or length of a scheduled interview. It\n"
	"stays scheduled; when you asked and when it was first agreed are kept.\n"
	"Prints a line about it (with -q only its id, with --json the interview).\n"
	"\n"
	"Options:\n"
	"  --at WHEN        the new time (before now only with --past)\n"
	"  --medium M       phone, video or in-person\n"
	"  --minutes N      planned length (1 to 600)\n"
	"  --past           accept a time before now\n"
	"  -q, --quiet      print only the interview's id\n"
	"\n"
	WHEN_HELP;

static const char help_unschedule[] =
	"Usage: infoview interview unschedule INTERVIEW\n"
	"\n"
	"The agreed time fell through: moves a scheduled interview back to\n"
	"requested, keeping the date of the request. Its nudges, cancelled when\n"
	"it was scheduled, are pending again: each is due when the request put\n"
	"it if that is still ahead, else the same number of business days from\n"
	"now (3 to reach out to someone else, 7 to follow up once). A nudge you\n"
	"already marked done or skipped stays so.\n";

static const char help_complete[] =
	"Usage: infoview interview complete INTERVIEW [--notes TEXT] [--advice TEXT]... [--resource TEXT]...\n"
	"                                   [--referral \"NAME[, COMPANY]\"]...\n"
	"\n"
	"Records that the interview took place (scheduled -> completed), with\n"
	"your notes and what came out of it. Thank-yous follow: to the person and\n"
	"to each introducer on the chain that led to them, from 3 hours after,\n"
	"due within 24; with advice, a report-back after 30 days. Each referral\n"
	"is recorded as 'infoview interview refer' does.\n"
	"\n"
	"Options:\n"
	"  --notes TEXT     notes of the talk\n"
	"  --advice TEXT    a piece of advice (repeatable)\n"
	"  --resource TEXT  a resource they pointed to (repeatable)\n"
	"  --referral \"NAME[, COMPANY]\"\n"
	"                   someone they suggested you talk to (repeatable)\n";

static const char help_refer[] =
	"Usage: infoview interview refer INTERVIEW \"NAME[, COMPANY]\"\n"
	"\n"
	"Records that the person you talked to suggested you talk to NAME (at\n"
	"COMPANY: the text after the first comma). NAME becomes a contact (an\n"
	"existing one with that name, and company if given, is reused), with a\n"
	"suggested introduction by them and a follow-up to ask them for it, whose\n"
	"draft is the introduction request. Marking the introduction requested\n"
	"or made closes the follow-up; declined cancels it. Referring the same\n"
	"person again changes nothing.\n";

static const char help_decline[] =
	"Usage: infoview interview decline INTERVIEW\n"
	"\n"
	"Records that they said no; pending nudges are cancelled.\n";

static const char help_no_response[] =
	"Usage: infoview interview no-response INTERVIEW\n"
	"\n"
	"Records that they never answered; pending nudges are cancelled.\n";

static const char help_cancel[] =
	"Usage: infoview interview cancel INTERVIEW\n"
	"\n"
	"Calls the interview off; pending nudges are cancelled.\n";

static const char help_edit[] =
	"Usage: infoview interview edit INTERVIEW [OPTIONS]\n"
	"\n"
	"Changes an interview without moving it, and prints a line about it (with\n"
	"-q only its id, with --json the interview). An empty value clears a\n"
	"text. To change the agreed time, see 'infoview interview reschedule'.\n"
	"\n"
	"Options:\n"
	"  --purpose TEXT   what you want to learn\n"
	"  --notes TEXT     notes of the talk (replaces them)\n"
	"  --medium M       phone, video, in-person or unset\n"
	"  --minutes N      planned length (1 to 600)\n"
	"  --advice TEXT    add a piece of advice (repeatable)\n"
	"  --resource TEXT  add a resource (repeatable)\n"
	"  -q, --quiet      print only the interview's id\n";

static const char help_rm[] =
	"Usage: infoview interview rm INTERVIEW [--cascade] [--yes]\n"
	"\n"
	"Removes an interview. One with follow-ups is kept (the message counts\n"
	"them) unless --cascade is given, which removes them too. They are\n"
	"listed, by short reference; on a terminal the command asks first.\n"
	"\n"
	"Options:\n"
	"  --cascade   remove its follow-ups too\n"
	"  --yes       do not ask (runs without a terminal never ask)\n";

enum {
	O_PURPOSE = 1, O_NOTES, O_MEDIUM, O_MINUTES, O_ADVICE, O_RESOURCE, O_QUESTION,
	O_AT, O_VIA, O_SEED, O_STATUS, O_CONTACT, O_CASCADE, O_YES, O_PAST, O_QUIET, O_REFERRAL
};

/* "Name[, Company]": the company is what follows the first comma; spaces around either go. */
static int split_referral(struct args *a, const char *val, char *name, char *company)
{
	const char *comma = strchr(val, ',');
	size_t n = comma ? (size_t)(comma - val) : strlen(val);

	if (n > IV_LIMIT_SHORT || (comma && strlen(comma + 1) > IV_LIMIT_SHORT))
		return args_error(a, "--referral: \"%.40s...\" is too long", val);
	memcpy(name, val, n);
	name[n] = '\0';
	snprintf(company, IV_LIMIT_SHORT + 1, "%s", comma ? comma + 1 : "");
	return 0;
}

/* Records the referral "Name[, Company]" `val` from `interview_id`; CLI_FAIL reported. */
static int refer(struct args *a, struct cli *ctx, const char *interview_id, const char *val, iv_intro **out)
{
	char name[IV_LIMIT_SHORT + 1], company[IV_LIMIT_SHORT + 1];
	int rc;

	if ((rc = split_referral(a, val, name, company)) != 0)
		return rc;
	if (iv_interview_refer(out, ctx->db, interview_id, name, company) < 0)
		return cli_fail();
	return CLI_OK;
}

/* "Referral: Ella Marsh (Novartis); ask Priya Shah to introduce you." */
static void print_referral(struct cli *ctx, const iv_intro *in)
{
	iv_contact *c = NULL;
	const char *by = contact_name(ctx, iv_intro_introducer(in));
	char status[32];

	if (iv_contact_lookup(&c, ctx->db, iv_intro_introduced(in)) < 0)
		return;
	out_printf("Referral: %s", iv_contact_name(c));
	if (iv_contact_company(c))
		printf(" (%s)", iv_contact_company(c));
	if (iv_intro_status(in) == IV_INTRO_SUGGESTED)
		printf("; ask %s to introduce you.\n", by);
	else
		printf("; the introduction by %s is %s.\n", by,
		       enum_label(status, sizeof(status), "intro_status", iv_intro_status(in)));
	iv_contact_free(c);
}

/* Applies the options that describe an interview; the others are the caller's. */
static int apply(struct args *a, iv_interview *iv, const struct parsed *p)
{
	iv_time when;
	size_t i;
	int v, rc = 0;

	for (i = 0; rc == 0 && i < p->nset; i++) {
		const struct setting *s = &p->set[i];

		switch (s->id) {
		case O_PURPOSE:
			rc = args_check(a, s->opt, iv_interview_set_purpose(iv, s->val));
			break;
		case O_NOTES:
			rc = args_check(a, s->opt, iv_interview_set_notes(iv, s->val));
			break;
		case O_MEDIUM:
			if ((rc = args_enum(a, s->opt, "medium", s->val, &v)) == 0)
				rc = args_check(a, s->opt, iv_interview_set_medium(iv, v));
			break;
		case O_MINUTES:
			if ((rc = args_int(a, s->opt, s->val, 1, 600, &v)) == 0)
				rc = args_check(a, s->opt, iv_interview_set_minutes(iv, v));
			break;
		case O_ADVICE:
			rc = args_check(a, s->opt, iv_interview_add_advice(iv, s->val));
			break;
		case O_RESOURCE:
			rc = args_check(a, s->opt, iv_interview_add_resource(iv, s->val));
			break;
		case O_QUESTION:
			rc = args_check(a, s->opt, iv_interview_add_question(iv, s->val));
			break;
		case O_AT:
			if ((rc = args_time(a, s->opt, s->val, &when)) == 0)
				rc = args_check(a, s->opt, iv_interview_set_scheduled_at(iv, when));
			break;
		default:
			break;
		}
	}
	return rc;
}

/* Checks the options on a blank interview, so that bad values are usage errors found early. */
static int validate(struct args *a, const struct parsed *p)
{
	iv_interview *scratch = NULL;
	int rc;

	iv_interview_new(&scratch);
	rc = apply(a, scratch, p);
	iv_interview_free(scratch);
	return rc;
}

/* The one introduction to `contact` that was not declined, if there is exactly one. */
static int default_via(struct cli *ctx, const char *contact, char id[IV_ID_LEN + 1])
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int rc, n = 0;

	id[0] = '\0';
	f.introduced = contact;
	if (iv_intro_list(&it, ctx->db, &f) < 0)
		return cli_fail();
	while ((rc = iv_intro_iter_next(&in, it)) == 0) {
		if (iv_intro_status(in) != IV_INTRO_DECLINED && n++ == 0)
			snprintf(id, IV_ID_LEN + 1, "%s", iv_intro_id(in));
		iv_intro_free(in);
	}
	iv_intro_iter_free(it);
	if (n != 1)
		id[0] = '\0';
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

/* ------------------------------------------------------------------------ */
/* Showing                                                                    */

static void print_list(struct cli *ctx, const char *title, size_t n,
		       const char *(*at)(const iv_interview *, size_t), const iv_interview *iv)
{
	size_t i;

	if (!n)
		return;
	printf("\n");
	out_heading(ctx, title);
	for (i = 0; i < n; i++)
		out_printf("  - %s\n", at(iv, i));
}

static void print_history(struct cli *ctx, const iv_interview *iv)
{
	char line[512], when[64], name[32];
	size_t used = 0;
	int s;

	line[0] = '\0';
	for (s = IV_INTERVIEW_PLANNED; iv_enum_name("interview_status", s); s++) {
		if (!iv_interview_status_at(iv, s))
			continue;
		fmt_when(when, sizeof(when), iv_interview_status_at(iv, s), ctx->now);
		used += (size_t)snprintf(line + used, sizeof(line) - used, "%s%s %s", used ? "; " : "",
					 enum_label(name, sizeof(name), "interview_status", s), when);
		if (used >= sizeof(line))
			break;
	}
	out_field(ctx, "History", line);
}

static void print_details(struct cli *ctx, const iv_interview *iv)
{
	char title[IV_LIMIT_SHORT + 32], when[64], medium[32], status[32];

	snprintf(title, sizeof(title), "Interview with %s", contact_name(ctx, iv_interview_contact(iv)));
	out_heading(ctx, title);
	out_field(ctx, "Id", iv_interview_id(iv));
	out_field(ctx, "Status", enum_label(status, sizeof(status), "interview_status", iv_interview_status(iv)));
	print_history(ctx, iv);
	if (iv_interview_scheduled_at(iv)) {
		fmt_when(when, sizeof(when), iv_interview_scheduled_at(iv), ctx->now);
		out_field(ctx, "When", when);
	}
	out_fieldf(ctx, "Length", "%d minutes", iv_interview_minutes(iv));
	if (iv_interview_medium(iv) != IV_MEDIUM_UNSET)
		out_field(ctx, "Medium", enum_label(medium, sizeof(medium), "medium", iv_interview_medium(iv)));
	if (iv_interview_intro(iv)) {
		iv_intro *in = NULL;

		if (iv_intro_lookup(&in, ctx->db, iv_interview_intro(iv)) == 0)
			out_fieldf(ctx, "Via", "an introduction by %s",
				   contact_name(ctx, iv_intro_introducer(in)));
		iv_intro_free(in);
	}
	out_field(ctx, "Purpose", iv_interview_purpose(iv));
	out_field(ctx, "Notes", iv_interview_notes(iv));
	if (iv_interview_question_count(iv)) {
		printf("\n");
		out_heading(ctx, "Questions");
		questions_print(ctx, iv, 2);
	}
	print_list(ctx, "Advice", iv_interview_advice_count(iv), iv_interview_advice_at, iv);
	print_list(ctx, "Resources", iv_interview_resource_count(iv), iv_interview_resource_at, iv);
}

/*
 * An interview and its follow-ups (only the pending ones when `pending`):
 * {"interview": {...}, "followups": [...]} or in words.
 */
static int show(struct cli *ctx, const iv_interview *iv, int pending)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	struct table *t = NULL;
	struct jw j;
	size_t n = 0;
	int rc;

	f.interview = iv_interview_id(iv);
	f.status = pending ? IV_FOLLOWUP_PENDING : 0;
	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_key(&j, "interview");
		json_interview(&j, ctx, iv);
		jw_key(&j, "followups");
		jw_array(&j);
		rc = list_followups(ctx, &f, &j, NULL, NULL);
		jw_array_end(&j);
		jw_object_end(&j);
		if (rc == 0)
			jw_finish(&j);
		return rc;
	}
	t = followup_table();
	if ((rc = list_followups(ctx, &f, NULL, t, &n)) == 0 && n) {
		printf("\n");
		out_heading(ctx, pending ? "Pending follow-ups" : "Follow-ups");
		table_print(t, ctx, 2);
	}
	table_free(t);
	return rc;
}

/* Looks the interview up again, as stored, and shows it. */
static int show_stored(struct cli *ctx, const char *id, int details)
{
	iv_interview *iv = NULL;
	int rc;

	if (iv_interview_lookup(&iv, ctx->db, id) < 0)
		return cli_fail();
	if (details && !ctx->json)
		print_details(ctx, iv);
	rc = show(ctx, iv, !details);
	iv_interview_free(iv);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Commands                                                                   */

static int interview_add(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "purpose", O_PURPOSE, 1 }, { "via", O_VIA, 1 }, { "seed", O_SEED, 1 },
		{ "question", O_QUESTION, 1 }, { "medium", O_MEDIUM, 1 }, { "minutes", O_MINUTES, 1 },
		{ "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
	};
	const char *via, *seed;
	char via_id[IV_ID_LEN + 1];
	iv_interview *iv = NULL;
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	struct parsed p;
	struct args a;
	char *ref;
	int rc = 0, nseed;

	via_id[0] = '\0';
	args_init(&a, ctx, "interview add", help_add, argc, argv);
	if (args_parse(&a, opts, &p, 1, -1, "CONTACT"))
		return a.status;
	ref = parsed_words(&p, 0);
	via = parsed_option(&p, O_VIA);
	seed = parsed_option(&p, O_SEED);
	nseed = parsed_option(&p, O_QUESTION) ? 0 : 4;
	if (!parsed_option(&p, O_PURPOSE))
		rc = args_error(&a, "missing --purpose TEXT");
	if (rc == 0 && seed)
		rc = args_int(&a, "seed", seed, 0, 50, &nseed);
	iv_interview_new(&iv);
	if (rc == 0)
		rc = apply(&a, iv, &p);
	if (rc == 0 && nseed)
		rc = args_check(&a, "seed", iv_interview_seed_questions(iv, (size_t)nseed));
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0) {
		if (via && (rc = ref_intro(&in, ctx, via)) == 0)
			snprintf(via_id, sizeof(via_id), "%s", iv_intro_id(in));
		else if (!via)
			rc = default_via(ctx, iv_contact_id(c), via_id);
	}
	if (rc == 0) {
		iv_interview_set_contact(iv, iv_contact_id(c));
		if (via_id[0])
			iv_interview_set_intro(iv, via_id);
		if (iv_interview_insert(ctx->db, iv) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0) {
			cli_ids_changed(ctx);
			if (ctx->json && !ctx->quiet)
				rc = show_stored(ctx, iv_interview_id(iv), 0);
			else
				summary_interview(ctx, "Added", iv);
		}
	}
	iv_interview_free(iv);
	iv_contact_free(c);
	iv_intro_free(in);
	free(ref);
	parsed_free(&p);
	return rc;
}

static int interview_list(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "status", O_STATUS, 1 }, { "contact", O_CONTACT, 1 }, { NULL, 0, 0 },
	};
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	const char *status;
	iv_contact *c = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "interview list", help_list, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	if ((status = parsed_option(&p, O_STATUS)))
		rc = args_enum(&a, "status", "interview_status", status, &f.status);
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0 &&
	    (rc = ref_contact_option(ctx, parsed_option(&p, O_CONTACT), &c, &f.contact)) == 0) {
		listing_begin(&l, ctx, interview_table);
		rc = list_interviews(ctx, &f, l.j, l.t, &l.n);
		rc = listing_end(&l, ctx, rc, status || c ? "No interviews match." : "No interviews yet. "
				 "Plan one with 'infoview interview add CONTACT --purpose TEXT'.");
	}
	iv_contact_free(c);
	parsed_free(&p);
	return rc;
}

static int interview_show(struct cli *ctx, int argc, char **argv)
{
	iv_interview *iv = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "interview show", help_show, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "INTERVIEW"))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0) {
		if (!ctx->json)
			print_details(ctx, iv);
		rc = show(ctx, iv, 0);
	}
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}

/* A move of the lifecycle: its command, options and target status. */
struct move {
	const char *cmd;
	const char *help;
	const struct opt *opts;
	int status;
	/* re-timing: the interview must be scheduled already, and stays so */
	int retime;
};

/*
 * A talk agreed for a time already past is most often a typo ("mon" for
 * next Monday read as today's): refused unless --past says it is meant.
 */
static int refuse_past(struct args *a, const struct parsed *p)
{
	const char *at = parsed_option(p, O_AT);
	char when[64];
	iv_time t;

	if (!at || parsed_flag(p, O_PAST) || args_time(a, "at", at, &t) != 0 || t >= a->ctx->now)
		return 0;
	fmt_when(when, sizeof(when), t, a->ctx->now);
	return args_error(a, "--at: %s is in the past; give --past to record a talk arranged for then "
			  "(or held already)", when);
}

static void print_moved(struct cli *ctx, const iv_interview *iv)
{
	char status[32], when[64], medium[32];
	int s = iv_interview_status(iv);

	out_printf("Interview with %s: %s", contact_name(ctx, iv_interview_contact(iv)),
	           enum_label(status, sizeof(status), "interview_status", s));
	if (s == IV_INTERVIEW_SCHEDULED) {
		fmt_when(when, sizeof(when), iv_interview_scheduled_at(iv), ctx->now);
		printf(" for %s, %d minutes", when, iv_interview_minutes(iv));
		if (iv_interview_medium(iv) != IV_MEDIUM_UNSET)
			printf(" by %s", enum_label(medium, sizeof(medium), "medium", iv_interview_medium(iv)));
	}
	printf(".\n");
}

static int move(struct cli *ctx, int argc, char **argv, const struct move *m)
{
	char id[IV_ID_LEN + 1];
	iv_interview *iv = NULL;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, m->cmd, m->help, argc, argv);
	if (args_parse(&a, m->opts, &p, 1, 1, "INTERVIEW"))
		return a.status;
	if (m->retime && !parsed_option(&p, O_AT) && !parsed_option(&p, O_MEDIUM) && !parsed_option(&p, O_MINUTES))
		rc = args_error(&a, "nothing to change: give --at, --medium or --minutes");
	else if (!m->retime && m->status == IV_INTERVIEW_SCHEDULED && !parsed_option(&p, O_AT))
		rc = args_error(&a, "missing --at WHEN");
	if (rc == 0)
		rc = validate(&a, &p);
	if (rc == 0)
		rc = refuse_past(&a, &p);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0) {
		char status[32];

		if (m->retime && iv_interview_status(iv) != IV_INTERVIEW_SCHEDULED)
			rc = cli_failf("interview %s is %s, not scheduled: give it a time with "
				       "'infoview interview schedule'", p.pos[0],
				       enum_label(status, sizeof(status), "interview_status", iv_interview_status(iv)));
		/* A reply can come before the request was recorded: record both. */
		else if (m->status == IV_INTERVIEW_SCHEDULED && iv_interview_status(iv) == IV_INTERVIEW_PLANNED) {
			snprintf(id, sizeof(id), "%s", iv_interview_id(iv));
			iv_interview_free(iv);
			iv = NULL;
			if (iv_interview_move(&iv, ctx->db, id, IV_INTERVIEW_REQUESTED) < 0)
				rc = cli_fail();
		}
	}
	if (rc == 0 && (rc = apply(&a, iv, &p)) == 0) {
		size_t i, n = 0;
		iv_intro **made = xmalloc((p.nset + 1) * sizeof(*made));

		iv_interview_set_status(iv, m->status);
		if (iv_interview_update(ctx->db, iv) < 0)
			rc = cli_fail();
		for (i = 0; rc == 0 && i < p.nset; i++)
			if (p.set[i].id == O_REFERRAL && (rc = refer(&a, ctx, iv_interview_id(iv), p.set[i].val, &made[n])) == 0)
				n++;
		if (rc == 0 && n)
			cli_ids_changed(ctx);
		if (rc == 0 && (rc = cli_commit(ctx)) == 0 && m->retime && (ctx->quiet || !ctx->json)) {
			summary_interview(ctx, "Rescheduled", iv);
		} else if (rc == 0) {
			if (!ctx->json)
				print_moved(ctx, iv);
			for (i = 0; !ctx->json && !ctx->quiet && i < n; i++)
				print_referral(ctx, made[i]);
			rc = show_stored(ctx, iv_interview_id(iv), 0);
		}
		for (i = 0; i < n; i++)
			iv_intro_free(made[i]);
		free(made);
	}
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}

static int interview_request(struct cli *ctx, int argc, char **argv)
{
	static const struct move m = { "interview request", help_request, NULL, IV_INTERVIEW_REQUESTED, 0 };

	return move(ctx, argc, argv, &m);
}

static int interview_schedule(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "at", O_AT, 1 }, { "medium", O_MEDIUM, 1 }, { "minutes", O_MINUTES, 1 }, { "past", O_PAST, 0 },
		{ NULL, 0, 0 },
	};
	static const struct move m = { "interview schedule", help_schedule, opts, IV_INTERVIEW_SCHEDULED, 0 };

	return move(ctx, argc, argv, &m);
}

static int interview_reschedule(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "at", O_AT, 1 }, { "medium", O_MEDIUM, 1 }, { "minutes", O_MINUTES, 1 }, { "past", O_PAST, 0 },
		{ "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
	};
	static const struct move m = { "interview reschedule", help_reschedule, opts, IV_INTERVIEW_SCHEDULED, 1 };

	return move(ctx, argc, argv, &m);
}

static int interview_unschedule(struct cli *ctx, int argc, char **argv)
{
	iv_interview *iv = NULL, *back = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "interview unschedule", help_unschedule, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "INTERVIEW"))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0) {
		if (iv_interview_unschedule(&back, ctx->db, iv_interview_id(iv)) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0) {
			if (!ctx->json)
				out_printf("Interview with %s: back to requested; its nudges are pending again.\n",
					   contact_name(ctx, iv_interview_contact(back)));
			rc = show_stored(ctx, iv_interview_id(back), 0);
		}
	}
	iv_interview_free(iv);
	iv_interview_free(back);
	parsed_free(&p);
	return rc;
}

static int interview_complete(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "notes", O_NOTES, 1 }, { "advice", O_ADVICE, 1 }, { "resource", O_RESOURCE, 1 },
		{ "referral", O_REFERRAL, 1 }, { NULL, 0, 0 },
	};
	static const struct move m = { "interview complete", help_complete, opts, IV_INTERVIEW_COMPLETED, 0 };

	return move(ctx, argc, argv, &m);
}

static int interview_refer(struct cli *ctx, int argc, char **argv)
{
	iv_interview *iv = NULL;
	iv_intro *in = NULL;
	struct parsed p;
	struct args a;
	struct jw j;
	int rc;

	args_init(&a, ctx, "interview refer", help_refer, argc, argv);
	if (args_parse(&a, NULL, &p, 2, 2, "INTERVIEW and \"NAME[, COMPANY]\""))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0 &&
	    (rc = refer(&a, ctx, iv_interview_id(iv), p.pos[1], &in)) == 0) {
		cli_ids_changed(ctx);
		if ((rc = cli_commit(ctx)) == 0 && ctx->json) {
			jw_init(&j, stdout);
			json_intro(&j, ctx, in);
			jw_finish(&j);
		} else if (rc == 0 && ctx->quiet) {
			printf("%s\n", iv_intro_id(in));
		} else if (rc == 0) {
			print_referral(ctx, in);
		}
	}
	iv_intro_free(in);
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}

static int interview_decline(struct cli *ctx, int argc, char **argv)
{
	static const struct move m = { "interview decline", help_decline, NULL, IV_INTERVIEW_DECLINED, 0 };

	return move(ctx, argc, argv, &m);
}

static int interview_no_response(struct cli *ctx, int argc, char **argv)
{
	static const struct move m = {
		"interview no-response", help_no_response, NULL, IV_INTERVIEW_NO_RESPONSE, 0
	};

	return move(ctx, argc, argv, &m);
}

static int interview_cancel(struct cli *ctx, int argc, char **argv)
{
	static const struct move m = { "interview cancel", help_cancel, NULL, IV_INTERVIEW_CANCELLED, 0 };

	return move(ctx, argc, argv, &m);
}

static int interview_edit(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "purpose", O_PURPOSE, 1 }, { "notes", O_NOTES, 1 }, { "medium", O_MEDIUM, 1 },
		{ "minutes", O_MINUTES, 1 }, { "advice", O_ADVICE, 1 }, { "resource", O_RESOURCE, 1 },
		{ "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
	};
	iv_interview *iv = NULL;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "interview edit", help_edit, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "INTERVIEW"))
		return a.status;
	if (p.nset == 0)
		rc = args_error(&a, "nothing to change: give at least one option");
	if (rc == 0)
		rc = validate(&a, &p);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0 &&
	    (rc = apply(&a, iv, &p)) == 0) {
		if (iv_interview_update(ctx->db, iv) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0 && ctx->json && !ctx->quiet)
			rc = show_stored(ctx, iv_interview_id(iv), 1);
		else if (rc == 0)
			summary_interview(ctx, "Updated", iv);
	}
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}

static int interview_rm(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "cascade", O_CASCADE, 0 }, { "yes", O_YES, 0 }, { NULL, 0, 0 },
	};
	char label[IV_LIMIT_SHORT + 32], what[IV_LIMIT_SHORT + 64], sid[IV_ID_LEN + 1], counts[256];
	struct cascade cas = { 0 };
	iv_interview *iv = NULL;
	struct parsed p;
	struct args a;
	int cascade, rc;

	args_init(&a, ctx, "interview rm", help_rm, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "INTERVIEW"))
		return a.status;
	cascade = parsed_flag(&p, O_CASCADE);
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0 &&
	    (rc = cascade_find(&cas, ctx, REF_INTERVIEW, iv_interview_id(iv))) == 0) {
		snprintf(label, sizeof(label), "with %s", contact_name(ctx, iv_interview_contact(iv)));
		snprintf(what, sizeof(what), "interview %s %s", short_id(sid, ctx, REF_INTERVIEW, iv_interview_id(iv)),
			 label);
		if (!cascade && cas.removed)
			rc = cli_failf("%s is still named by %s; add --cascade to remove them too", what,
				       cascade_counts(counts, sizeof(counts), &cas, 0));
		else
			rc = cascade_confirm(&cas, ctx, what, parsed_flag(&p, O_YES));
	}
	if (rc == 0) {
		if (iv_interview_delete(ctx->db, iv_interview_id(iv), cascade ? IV_DELETE_CASCADE : 0) < 0) {
			rc = cli_fail();
			if (iv_error_code() == IV_ECONSTRAINT)
				fprintf(stderr, "infoview: add --cascade to remove its follow-ups too\n");
		} else if ((rc = cli_commit(ctx)) == 0) {
			cascade_done(&cas, ctx, cascade, "interview", iv_interview_id(iv), label);
		}
	}
	cascade_free(&cas);
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}

int cmd_interview(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "add", interview_add }, { "list", interview_list }, { "show", interview_show },
		{ "request", interview_request }, { "schedule", interview_schedule },
		{ "reschedule", interview_reschedule }, { "unschedule", interview_unschedule },
		{ "complete", interview_complete }, { "refer", interview_refer }, { "decline", interview_decline },
		{ "no-response", interview_no_response }, { "cancel", interview_cancel },
		{ "edit", interview_edit }, { "questions", cmd_questions }, { "rm", interview_rm },
		{ NULL, NULL },
	};

	return run_group(ctx, "interview", help_group, subs, "list", argc, argv);
}
