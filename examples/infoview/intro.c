/*
 * infoview intro: who introduced you to whom.
 * SPDX-License-Identifier: MIT
 */
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
	"Usage: infoview intro COMMAND [ARGS...]\n"
	"\n"
	"Introductions: one person introducing you to another. A chain of them is\n"
	"a path through your network (see 'infoview path').\n"
	"\n"
	"Commands:\n"
	"  add --by CONTACT --to CONTACT [OPTIONS]\n"
	"                              record an introduction\n"
	"  list [--by C] [--to C] [--status S]\n"
	"                              list introductions (the default)\n"
	"  show INTRO                  one introduction\n"
	"  set INTRO [OPTIONS]         change its status, channel, note or dates\n"
	"  rm INTRO [--cascade] [--yes]\n"
	"                              remove an introduction\n"
	"\n"
	"INTRO is an id prefix; CONTACT an id prefix or a name.\n";

#define INTRO_OPTIONS \
	"  --channel C      email (default), in-person, phone, message or other\n" \
	"  --status S       suggested (default), requested, made or declined\n" \
	"  --note N         a note\n" \
	"  --requested WHEN when you asked for it (default: now, once requested)\n" \
	"  --made WHEN      when it was made (default: now, once made)\n"

static const char help_add[] =
	"Usage: infoview intro add --by CONTACT --to CONTACT [OPTIONS]\n"
	"\n"
	"Records that CONTACT --by introduces (or could introduce) you to CONTACT\n"
	"--to, and prints a line about the introduction with its short reference\n"
	"(with -q only its id, with --json the introduction).\n"
	"\n"
	"Options:\n"
	"  --by CONTACT     who introduces you (required)\n"
	"  --to CONTACT     whom they introduce you to (required)\n"
	INTRO_OPTIONS
	"  -q, --quiet      print only the new introduction's id\n"
	"\n"
	WHEN_HELP;

static const char help_list[] =
	"Usage: infoview intro list [--by CONTACT] [--to CONTACT] [--status S]\n"
	"\n"
	"Lists introductions in the order they were recorded.\n";

static const char help_show[] =
	"Usage: infoview intro show INTRO\n"
	"\n"
	"Shows one introduction.\n";

static const char help_set[] =
	"Usage: infoview intro set INTRO [OPTIONS]\n"
	"\n"
	"Changes an introduction and prints a line about it (with -q only its id,\n"
	"with --json the introduction).\n"
	"\n"
	"Options:\n"
	INTRO_OPTIONS
	"  -q, --quiet      print only the introduction's id\n"
	"\n"
	WHEN_HELP;

static const char help_rm[] =
	"Usage: infoview intro rm INTRO [--cascade] [--yes]\n"
	"\n"
	"Removes an introduction. One that an interview names is kept unless\n"
	"--cascade is given; the interviews then stay and no longer name it.\n"
	"They are listed, by short reference; on a terminal the command asks\n"
	"first.\n"
	"\n"
	"Options:\n"
	"  --cascade   remove it even though interviews name it\n"
	"  --yes       do not ask (runs without a terminal never ask)\n";

enum { O_BY = 1, O_TO, O_CHANNEL, O_STATUS, O_NOTE, O_REQUESTED, O_MADE, O_CASCADE, O_YES, O_QUIET };

#define INTRO_OPTS \
	{ "channel", O_CHANNEL, 1 }, { "status", O_STATUS, 1 }, { "note", O_NOTE, 1 }, \
	{ "requested", O_REQUESTED, 1 }, { "made", O_MADE, 1 }

/* Applies the options that describe an introduction (all but --by and --to). */
static int apply(struct args *a, iv_intro *in, const struct parsed *p)
{
	iv_time when;
	size_t i;
	int v;

	for (i = 0; i < p->nset; i++) {
		const struct setting *s = &p->set[i];
		int rc = 0;

		switch (s->id) {
		case O_CHANNEL:
			if ((rc = args_enum(a, s->opt, "channel", s->val, &v)) == 0)
				rc = args_check(a, s->opt, iv_intro_set_channel(in, v));
			break;
		case O_STATUS:
			if ((rc = args_enum(a, s->opt, "intro_status", s->val, &v)) == 0)
				rc = args_check(a, s->opt, iv_intro_set_status(in, v));
			break;
		case O_NOTE:
			rc = args_check(a, s->opt, iv_intro_set_note(in, s->val));
			break;
		case O_REQUESTED:
			if ((rc = args_time(a, s->opt, s->val, &when)) == 0)
				rc = args_check(a, s->opt, iv_intro_set_requested_at(in, when));
			break;
		case O_MADE:
			if ((rc = args_time(a, s->opt, s->val, &when)) == 0)
				rc = args_check(a, s->opt, iv_intro_set_made_at(in, when));
			break;
		default:
			break;
		}
		if (rc)
			return rc;
	}
	/* A status reached now is dated now, unless a date was given. */
	if (iv_intro_status(in) == IV_INTRO_MADE && !iv_intro_made_at(in))
		iv_intro_set_made_at(in, a->ctx->now);
	if (iv_intro_status(in) >= IV_INTRO_REQUESTED && !iv_intro_requested_at(in) &&
	    iv_intro_status(in) != IV_INTRO_DECLINED)
		iv_intro_set_requested_at(in, iv_intro_made_at(in) ? iv_intro_made_at(in) : a->ctx->now);
	return 0;
}

/* `verb` NULL: the whole introduction; else what add and set print (a line, -q the id). */
static void print_intro(struct cli *ctx, const iv_intro *in, const char *verb)
{
	char when[64], channel[32], status[32], sid[IV_ID_LEN + 1];
	struct jw j;

	if (verb && ctx->quiet) {
		printf("%s\n", iv_intro_id(in));
		return;
	}
	if (ctx->json) {
		jw_init(&j, stdout);
		json_intro(&j, ctx, in);
		jw_finish(&j);
		return;
	}
	if (verb) {
		summary_intro(ctx, verb, in);
		return;
	}
	out_heading(ctx, short_id(sid, ctx, REF_INTRO, iv_intro_id(in)));
	out_field(ctx, "Id", iv_intro_id(in));
	out_field(ctx, "By", contact_name(ctx, iv_intro_introducer(in)));
	out_field(ctx, "To", contact_name(ctx, iv_intro_introduced(in)));
	out_field(ctx, "Channel", enum_label(channel, sizeof(channel), "channel", iv_intro_channel(in)));
	out_field(ctx, "Status", enum_label(status, sizeof(status), "intro_status", iv_intro_status(in)));
	if (iv_intro_requested_at(in)) {
		fmt_when(when, sizeof(when), iv_intro_requested_at(in), ctx->now);
		out_field(ctx, "Requested", when);
	}
	if (iv_intro_made_at(in)) {
		fmt_when(when, sizeof(when), iv_intro_made_at(in), ctx->now);
		out_field(ctx, "Made", when);
	}
	out_field(ctx, "Note", iv_intro_note(in));
}

static int intro_add(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "by", O_BY, 1 }, { "to", O_TO, 1 }, INTRO_OPTS, { "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
	};
	iv_contact *by = NULL, *to = NULL;
	const char *by_ref, *to_ref;
	iv_intro *in = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "intro add", help_add, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	by_ref = parsed_option(&p, O_BY);
	to_ref = parsed_option(&p, O_TO);
	iv_intro_new(&in);
	if (!by_ref)
		rc = args_error(&a, "missing --by INTRODUCER");
	else if (!to_ref)
		rc = args_error(&a, "missing --to CONTACT");
	else
		rc = apply(&a, in, &p);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&by, ctx, by_ref)) == 0 &&
	    (rc = ref_contact(&to, ctx, to_ref)) == 0) {
		iv_intro_set_introducer(in, iv_contact_id(by));
		iv_intro_set_introduced(in, iv_contact_id(to));
		if (iv_intro_insert(ctx->db, in) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0) {
			cli_ids_changed(ctx);
			print_intro(ctx, in, "Added");
		}
	}
	iv_contact_free(by);
	iv_contact_free(to);
	iv_intro_free(in);
	parsed_free(&p);
	return rc;
}

static int intro_list(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "by", O_BY, 1 }, { "to", O_TO, 1 }, { "status", O_STATUS, 1 }, { NULL, 0, 0 },
	};
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_contact *by = NULL, *to = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "intro list", help_list, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	if (parsed_option(&p, O_STATUS))
		rc = args_enum(&a, "status", "intro_status", parsed_option(&p, O_STATUS), &f.status);
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0 &&
	    (rc = ref_contact_option(ctx, parsed_option(&p, O_BY), &by, &f.introducer)) == 0 &&
	    (rc = ref_contact_option(ctx, parsed_option(&p, O_TO), &to, &f.introduced)) == 0) {
		listing_begin(&l, ctx, intro_table);
		rc = list_intros(ctx, &f, l.j, l.t, &l.n);
		rc = listing_end(&l, ctx, rc,
				 "No introductions. Record one with 'infoview intro add --by A --to B'.");
	}
	iv_contact_free(by);
	iv_contact_free(to);
	parsed_free(&p);
	return rc;
}

static int intro_show(struct cli *ctx, int argc, char **argv)
{
	iv_intro *in = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "intro show", help_show, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "INTRO"))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0 && (rc = ref_intro(&in, ctx, p.pos[0])) == 0)
		print_intro(ctx, in, NULL);
	iv_intro_free(in);
	parsed_free(&p);
	return rc;
}

static int intro_set(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { INTRO_OPTS, { "quiet", O_QUIET, 0 }, { NULL, 0, 0 } };
	iv_intro *in = NULL, *scratch = NULL;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "intro set", help_set, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "INTRO"))
		return a.status;
	if (p.nset == 0)
		rc = args_error(&a, "nothing to change: give at least one option");
	/* Bad values are usage errors, found before the store is opened. */
	iv_intro_new(&scratch);
	if (rc == 0)
		rc = apply(&a, scratch, &p);
	iv_intro_free(scratch);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_intro(&in, ctx, p.pos[0])) == 0 &&
	    (rc = apply(&a, in, &p)) == 0) {
		if (iv_intro_update(ctx->db, in) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_intro(ctx, in, "Updated");
	}
	iv_intro_free(in);
	parsed_free(&p);
	return rc;
}

static int intro_rm(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "cascade", O_CASCADE, 0 }, { "yes", O_YES, 0 }, { NULL, 0, 0 },
	};
	char label[2 * IV_LIMIT_SHORT + 8], what[2 * IV_LIMIT_SHORT + 64], sid[IV_ID_LEN + 1], counts[256];
	struct cascade cas = { 0 };
	iv_intro *in = NULL;
	struct parsed p;
	struct args a;
	int cascade, rc;

	args_init(&a, ctx, "intro rm", help_rm, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "INTRO"))
		return a.status;
	cascade = parsed_flag(&p, O_CASCADE);
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_intro(&in, ctx, p.pos[0])) == 0 &&
	    (rc = cascade_find(&cas, ctx, REF_INTRO, iv_intro_id(in))) == 0) {
		snprintf(label, sizeof(label), "%s", contact_name(ctx, iv_intro_introducer(in)));
		snprintf(label + strlen(label), sizeof(label) - strlen(label), " -> %s",
			 contact_name(ctx, iv_intro_introduced(in)));
		snprintf(what, sizeof(what), "introduction %s %s", short_id(sid, ctx, REF_INTRO, iv_intro_id(in)), label);
		if (!cascade && cas.unlinked)
			rc = cli_failf("%s is still named by %s; add --cascade to remove it anyway "
				       "(they stay, no longer linked to it)", what,
				       cascade_counts(counts, sizeof(counts), &cas, 1));
		else
			rc = cascade_confirm(&cas, ctx, what, parsed_flag(&p, O_YES));
	}
	if (rc == 0) {
		if (iv_intro_delete(ctx->db, iv_intro_id(in), cascade ? IV_DELETE_CASCADE : 0) < 0) {
			rc = cli_fail();
			if (iv_error_code() == IV_ECONSTRAINT)
				fprintf(stderr, "infoview: add --cascade to remove it anyway\n");
		} else if ((rc = cli_commit(ctx)) == 0) {
			cascade_done(&cas, ctx, cascade, "introduction", iv_intro_id(in), label);
		}
	}
	cascade_free(&cas);
	iv_intro_free(in);
	parsed_free(&p);
	return rc;
}

int cmd_intro(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "add", intro_add }, { "list", intro_list }, { "show", intro_show },
		{ "set", intro_set }, { "rm", intro_rm }, { NULL, NULL },
	};

	return run_group(ctx, "intro", help_group, subs, "list", argc, argv);
}
