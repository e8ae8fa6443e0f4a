/*
 * infoview followup: what you owe people, and when.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"
#include "summary.h"
#include "when.h"

#include <stdio.h>
#include <stdlib.h>

static const char help_group[] =
	"Usage: infoview followup COMMAND [ARGS...]\n"
	"\n"
	"Follow-ups: a thank-you, a thank-you to an introducer, a nudge, a check-in,\n"
	"a report-back, or one of your own. Most are made by the rules when an\n"
	"interview moves (see 'infoview interview --help'); each should not be done\n"
	"before its earliest time and is due at its due time.\n"
	"\n"
	"Commands:\n"
	"  list [--all | --due] [--contact C] [--status S]\n"
	"                          pending follow-ups by due time (the default)\n"
	"  show FOLLOWUP           one follow-up, with its draft if any\n"
	"  done FOLLOWUP           mark it done (an interaction with the person,\n"
	"                          but for a nudge to reach out to someone else)\n"
	"  skip FOLLOWUP           mark it deliberately not done\n"
	"  add CONTACT --due WHEN [--earliest WHEN] [--note TEXT] [--interview I]\n"
	"                          a follow-up of your own\n"
	"  rm FOLLOWUP             remove a follow-up\n"
	"\n"
	"FOLLOWUP and I are id prefixes; CONTACT an id prefix or a name.\n";

static const char help_list[] =
	"Usage: infoview followup list [--all | --due] [--contact CONTACT] [--status S]\n"
	"\n"
	"Lists pending follow-ups by due time; STATE says whether each is overdue,\n"
	"to do, or not yet (before its earliest time).\n"
	"\n"
	"Options:\n"
	"  --all              every follow-up, whatever its status\n"
	"  --due              only those to do now: pending, their earliest time\n"
	"                     passed (the agenda's To do)\n"
	"  --contact CONTACT  only those to CONTACT\n"
	"  --status S         only pending, done, skipped or cancelled ones\n";

static const char help_show[] =
	"Usage: infoview followup show FOLLOWUP\n"
	"\n"
	"Shows a follow-up.\n";

static const char help_done[] =
	"Usage: infoview followup done FOLLOWUP\n"
	"\n"
	"Marks a pending follow-up done. That counts as an interaction with the\n"
	"person, which moves their stay-in-touch check-in; except for the nudge\n"
	"to reach out to another contact, which is done without writing to the\n"
	"person who has not replied.\n";

static const char help_skip[] =
	"Usage: infoview followup skip FOLLOWUP\n"
	"\n"
	"Marks a pending follow-up as deliberately not done.\n";

static const char help_add[] =
	"Usage: infoview followup add CONTACT --due WHEN [OPTIONS]\n"
	"\n"
	"Adds a follow-up of your own and prints a line about it with its short\n"
	"reference (with -q only its id, with --json the follow-up).\n"
	"\n"
	"Options:\n"
	"  --due WHEN          when it is due (required)\n"
	"  --earliest WHEN     not before then\n"
	"  --note TEXT         what to do\n"
	"  --kind K            custom (default), thank-you, thank-introducer, nudge,\n"
	"                      check-in or report-back\n"
	"  --interview I       the interview it is about\n"
	"  -q, --quiet         print only the new follow-up's id\n"
	"\n"
	WHEN_HELP;

static const char help_rm[] =
	"Usage: infoview followup rm FOLLOWUP\n"
	"\n"
	"Removes a follow-up.\n";

enum { O_ALL = 1, O_CONTACT, O_STATUS, O_DUE, O_EARLIEST, O_NOTE, O_KIND, O_INTERVIEW, O_QUIET };

static void print_followup(struct cli *ctx, const iv_followup *fu)
{
	char buf[128], what[256];
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		json_followup(&j, ctx, fu);
		jw_finish(&j);
		return;
	}
	out_heading(ctx, followup_what(what, sizeof(what), fu));
	out_field(ctx, "Id", iv_followup_id(fu));
	out_field(ctx, "To", followup_contact_name(ctx, fu));
	out_field(ctx, "Kind", enum_label(buf, sizeof(buf), "followup_kind", iv_followup_kind(fu)));
	out_field(ctx, "Status", enum_label(buf, sizeof(buf), "followup_status", iv_followup_status(fu)));
	if (iv_followup_earliest(fu)) {
		fmt_when(buf, sizeof(buf), iv_followup_earliest(fu), ctx->now);
		out_field(ctx, "Not before", buf);
	}
	fmt_when(buf, sizeof(buf), iv_followup_due(fu), ctx->now);
	out_field(ctx, "Due", buf);
	if (iv_followup_closed_at(fu)) {
		fmt_when(buf, sizeof(buf), iv_followup_closed_at(fu), ctx->now);
		out_field(ctx, "Closed", buf);
	}
	if (iv_followup_interview(fu))
		out_field(ctx, "Interview", short_id(buf, ctx, REF_INTERVIEW, iv_followup_interview(fu)));
	out_field(ctx, "Rule", iv_followup_rule(fu));
	out_field(ctx, "Draft", iv_followup_draft(fu));
}

static int followup_list(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "all", O_ALL, 0 }, { "due", O_DUE, 0 }, { "contact", O_CONTACT, 1 }, { "status", O_STATUS, 1 },
		{ NULL, 0, 0 },
	};
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	const char *status;
	iv_contact *c = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	size_t i;
	int rc = 0, all = 0, due = 0;

	args_init(&a, ctx, "followup list", help_list, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	f.status = IV_FOLLOWUP_PENDING;
	for (i = 0; i < p.nset; i++)
		if (p.set[i].id == O_ALL)
			all = 1;
		else if (p.set[i].id == O_DUE)
			due = 1;
	if (all)
		f.status = 0;
	if ((status = parsed_option(&p, O_STATUS)))
		rc = args_enum(&a, "status", "followup_status", status, &f.status);
	if (rc == 0 && due && (all || (status && f.status != IV_FOLLOWUP_PENDING)))
		rc = args_error(&a, "--due lists pending follow-ups only: leave out --all and --status");
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0 &&
	    (rc = ref_contact_option(ctx, parsed_option(&p, O_CONTACT), &c, &f.contact)) == 0) {
		if (due)
			f.earliest_before = ctx->now;
		listing_begin(&l, ctx, followup_table);
		rc = list_followups(ctx, &f, l.j, l.t, &l.n);
		rc = listing_end(&l, ctx, rc, due ? "Nothing to do now." : f.status == IV_FOLLOWUP_PENDING ? "No pending follow-ups."
				 : "No follow-ups.");
	}
	iv_contact_free(c);
	parsed_free(&p);
	return rc;
}

static int followup_show(struct cli *ctx, int argc, char **argv)
{
	iv_followup *fu = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "followup show", help_show, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "FOLLOWUP"))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0 && (rc = ref_followup(&fu, ctx, p.pos[0])) == 0)
		print_followup(ctx, fu);
	iv_followup_free(fu);
	parsed_free(&p);
	return rc;
}

static int close_followup(struct cli *ctx, int argc, char **argv, const char *cmd, const char *help,
			  int status)
{
	iv_followup *fu = NULL, *closed = NULL;
	char what[256], verb[32];
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, cmd, help, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "FOLLOWUP"))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_followup(&fu, ctx, p.pos[0])) == 0) {
		if (iv_followup_close(&closed, ctx->db, iv_followup_id(fu), status) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0 && ctx->json)
			print_followup(ctx, closed);
		else if (rc == 0)
			out_printf("Marked %s: %s (%s).\n", enum_label(verb, sizeof(verb), "followup_status", status),
			           followup_what(what, sizeof(what), closed),
			           contact_name(ctx, iv_followup_contact(closed)));
	}
	iv_followup_free(fu);
	iv_followup_free(closed);
	parsed_free(&p);
	return rc;
}

static int followup_done(struct cli *ctx, int argc, char **argv)
{
	return close_followup(ctx, argc, argv, "followup done", help_done, IV_FOLLOWUP_DONE);
}

static int followup_skip(struct cli *ctx, int argc, char **argv)
{
	return close_followup(ctx, argc, argv, "followup skip", help_skip, IV_FOLLOWUP_SKIPPED);
}

/* A time option set through `set`. */
static int time_option(struct args *a, iv_followup *fu, const struct setting *s,
		       int (*set)(iv_followup *, iv_time))
{
	iv_time when;
	int rc = args_time(a, s->opt, s->val, &when);

	return rc ? rc : args_check(a, s->opt, set(fu, when));
}

/* Applies add's options but --interview (which needs the store). */
static int apply(struct args *a, iv_followup *fu, const struct parsed *p)
{
	size_t i;
	int kind, rc = 0;

	for (i = 0; rc == 0 && i < p->nset; i++) {
		const struct setting *s = &p->set[i];

		if (s->id == O_DUE)
			rc = time_option(a, fu, s, iv_followup_set_due);
		else if (s->id == O_EARLIEST)
			rc = time_option(a, fu, s, iv_followup_set_earliest);
		else if (s->id == O_NOTE)
			rc = args_check(a, s->opt, iv_followup_set_note(fu, s->val));
		else if (s->id == O_KIND && (rc = args_enum(a, s->opt, "followup_kind", s->val, &kind)) == 0)
			rc = args_check(a, s->opt, iv_followup_set_kind(fu, kind));
	}
	return rc;
}

static int followup_add(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "due", O_DUE, 1 }, { "earliest", O_EARLIEST, 1 }, { "note", O_NOTE, 1 },
		{ "kind", O_KIND, 1 }, { "interview", O_INTERVIEW, 1 }, { "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
	};
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_contact *c = NULL;
	const char *about;
	struct parsed p;
	struct args a;
	char *ref;
	int rc = 0;

	args_init(&a, ctx, "followup add", help_add, argc, argv);
	if (args_parse(&a, opts, &p, 1, -1, "CONTACT"))
		return a.status;
	ref = parsed_words(&p, 0);
	about = parsed_option(&p, O_INTERVIEW);
	iv_followup_new(&fu);
	if (!parsed_option(&p, O_DUE))
		rc = args_error(&a, "missing --due WHEN");
	if (rc == 0)
		rc = apply(&a, fu, &p);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0 &&
	    (!about || (rc = ref_interview(&iv, ctx, about)) == 0)) {
		iv_followup_set_contact(fu, iv_contact_id(c));
		if (iv)
			iv_followup_set_interview(fu, iv_interview_id(iv));
		if (iv_followup_insert(ctx->db, fu) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0) {
			cli_ids_changed(ctx);
			if (ctx->json && !ctx->quiet)
				print_followup(ctx, fu);
			else
				summary_followup(ctx, "Added", fu);
		}
	}
	iv_followup_free(fu);
	iv_interview_free(iv);
	iv_contact_free(c);
	free(ref);
	parsed_free(&p);
	return rc;
}

static int followup_rm(struct cli *ctx, int argc, char **argv)
{
	char what[256 + IV_LIMIT_SHORT];
	iv_followup *fu = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "followup rm", help_rm, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "FOLLOWUP"))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_followup(&fu, ctx, p.pos[0])) == 0) {
		followup_what(what, 256, fu);
		if (iv_followup_delete(ctx->db, iv_followup_id(fu), 0) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_removed(ctx, "follow-up", iv_followup_id(fu), what);
	}
	iv_followup_free(fu);
	parsed_free(&p);
	return rc;
}

int cmd_followup(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "list", followup_list }, { "show", followup_show }, { "done", followup_done },
		{ "skip", followup_skip }, { "add", followup_add }, { "rm", followup_rm },
		{ NULL, NULL },
	};

	return run_group(ctx, "followup", help_group, subs, "list", argc, argv);
}
