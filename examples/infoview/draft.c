/*
 * infoview draft: an interview request (checked) or a thank-you, from the
 * library's templates or your own.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A template or a text to check is a message, not a book. */
#define MAX_TEXT (1024 * 1024)

static const char help_group[] =
	"Usage: infoview draft COMMAND [ARGS...]\n"
	"\n"
	"Drafts messages from your profile (see 'infoview profile'), the contact\n"
	"and the interview.\n"
	"\n"
	"Commands:\n"
	"  request INTERVIEW [--template FILE]\n"
	"                     the request: who you are, why them, would they be\n"
	"                     willing to talk; then the checker's warnings\n"
	"  thanks FOLLOWUP [--template FILE] [--save]\n"
	"                     a thank-you citing their advice, or to an introducer\n"
	"                     naming whom they introduced you to\n"
	"  check [FILE]       check a request you wrote (standard input without FILE)\n";

#define TEMPLATE_HELP \
	"A template is UTF-8 text in which {name} stands for a value: me.name,\n" \
	"me.background, me.exploring, contact.name, contact.first_name,\n" \
	"contact.company, contact.title, purpose, introducer.name,\n" \
	"introducer.first_name, introduced.name, introduced.first_name, advice\n" \
	"(the first piece), advice.list (all, one per line); {{ is a literal {.\n" \
	"FILE - reads standard input.\n"

static const char help_request[] =
	"Usage: infoview draft request INTERVIEW [--template FILE]\n"
	"\n"
	"Prints a request for the interview, then on standard error what the\n"
	"checker finds (see 'infoview draft check --help'). Warnings do not change\n"
	"the exit status. With --json: {\"text\": ..., \"words\": N, \"parts\": {...},\n"
	"\"warnings\": [...]}, as draft check gives them.\n"
	"\n"
	TEMPLATE_HELP;

static const char help_thanks[] =
	"Usage: infoview draft thanks FOLLOWUP [--template FILE] [--save]\n"
	"\n"
	"Prints the thank-you of a thank-you follow-up: to the person you talked\n"
	"to, citing the advice you noted; to an introducer, naming whom they\n"
	"introduced you to.\n"
	"\n"
	"Options:\n"
	"  --template FILE   your own template\n"
	"  --save            also keep the text as the follow-up's draft\n"
	"\n"
	TEMPLATE_HELP;

static const char help_check[] =
	"Usage: infoview draft check [FILE]\n"
	"\n"
	"Checks a request you wrote yourself (FILE, or standard input) as a reader\n"
	"would: its words (at most 100), its three parts (who you are, why them,\n"
	"and the ask: a question asking whether they would talk) and whether it\n"
	"asks for a job, a referral, an opening or a CV. Prints the count and the\n"
	"parts, and each warning on standard error; warnings do not change the\n"
	"exit status. With --json: {\"words\": N, \"parts\": {\"who\": true,\n"
	"\"why\": false, \"ask\": true}, \"warnings\": [{\"code\": ..., \"message\": ...}]}.\n";

enum { O_TEMPLATE = 1, O_SAVE };

/* The warnings in the order of a request: its parts, then what it should not do. */
static const unsigned int warning_order[] = {
	IV_DRAFT_NO_INTRODUCTION, IV_DRAFT_NO_REASON, IV_DRAFT_NO_QUESTION,
	IV_DRAFT_ASKS_FOR_JOB, IV_DRAFT_TOO_LONG,
};

#define NWARNINGS (sizeof(warning_order) / sizeof(warning_order[0]))

/* The three parts, as the checker's output names them. */
static const struct {
	unsigned int part;
	const char *label;
} parts[] = {
	{ IV_DRAFT_PART_WHO, "who you are" },
	{ IV_DRAFT_PART_WHY, "why them" },
	{ IV_DRAFT_PART_ASK, "the ask" },
};

#define NPARTS (sizeof(parts) / sizeof(parts[0]))

/* Reads a whole file ("-": standard input) into *out, NUL-terminated; free with free(). */
static int read_text(char **out, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t len = 0, cap = 4096, got;
	char *buf;

	if (!f)
		return cli_failf("cannot read %s: %s", path, strerror(errno));
	buf = xmalloc(cap);
	while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (len > MAX_TEXT)
			break;
		if (cap - len - 1 == 0)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	if (ferror(f) || len > MAX_TEXT) {
		free(buf);
		if (f != stdin)
			fclose(f);
		return cli_failf("cannot read %s: %s", path, len > MAX_TEXT ? "too long" : strerror(errno));
	}
	if (f != stdin)
		fclose(f);
	*out = buf;
	return CLI_OK;
}

enum { SHOW_TEXT = 1, CHECK = 2 };

/*
 * What the checker found, for a person: with the draft shown, one line on
 * standard error (standard output is the draft); alone, a block on
 * standard output. Then each warning on standard error.
 */
static void print_report(const iv_draft_report *r, int with_text)
{
	size_t i;

	if (with_text) {
		out_eprintf("infoview: check: %zu words (at most %d)", r->words, IV_DRAFT_MAX_WORDS);
		for (i = 0; i < NPARTS; i++)
			fprintf(stderr, "; %s: %s", parts[i].label, r->parts & parts[i].part ? "found" : "missing");
		fputc('\n', stderr);
	} else {
		printf("%-12s %zu (at most %d)\n", "words", r->words, IV_DRAFT_MAX_WORDS);
		for (i = 0; i < NPARTS; i++)
			printf("%-12s %s\n", parts[i].label, r->parts & parts[i].part ? "found" : "missing");
		if (!r->warnings)
			printf("No problems found.\n");
		fflush(stdout);
	}
	for (i = 0; i < NWARNINGS; i++)
		if (r->warnings & warning_order[i])
			cli_warn("%s", iv_draft_warning_message(warning_order[i]));
}

/*
 * Prints a draft (SHOW_TEXT) and what the checker finds in it (CHECK): the
 * text on standard output, the findings as print_report() says; or one
 * JSON object.
 */
static int print_draft(struct cli *ctx, const char *text, int what, const char *followup)
{
	iv_draft_report r = IV_DRAFT_REPORT_INIT;
	struct json j;
	size_t i;

	if ((what & CHECK) && iv_draft_check_report(&r, text) < 0)
		return cli_fail();
	if (!ctx->json) {
		if (what & SHOW_TEXT) {
			out_printf("%s", text);
			if (*text && text[strlen(text) - 1] != '\n')
				putchar('\n');
			fflush(stdout);
		}
		if (what & CHECK)
			print_report(&r, what & SHOW_TEXT);
		return CLI_OK;
	}
	json_init(&j, stdout);
	json_object(&j);
	if (what & SHOW_TEXT)
		json_kstring(&j, "text", text);
	if (followup)
		json_kstring(&j, "followup", followup);
	json_kint(&j, "words", (long long)((what & CHECK) ? r.words : iv_draft_word_count(text)));
	if (what & CHECK) {
		json_key(&j, "parts");
		json_object(&j);
		for (i = 0; i < NPARTS; i++)
			json_kbool(&j, iv_enum_name("draft_part", (int)parts[i].part), (r.parts & parts[i].part) != 0);
		json_object_end(&j);
		json_key(&j, "warnings");
		json_array(&j);
		for (i = 0; i < NWARNINGS; i++) {
			if (!(r.warnings & warning_order[i]))
				continue;
			json_object(&j);
			json_kstring(&j, "code", iv_enum_name("draft_warning", (int)warning_order[i]));
			json_kstring(&j, "message", iv_draft_warning_message(warning_order[i]));
			json_object_end(&j);
		}
		json_array_end(&j);
	}
	json_object_end(&j);
	json_finish(&j);
	return CLI_OK;
}

/* Reads the command's one reference and its --template; returns 0 or 1 as args_parse() does. */
static int read_template(struct args *a, const struct opt *opts, struct parsed *p,
			 iv_draft_options *o, char **template_text, const char *what)
{
	const char *file;

	*template_text = NULL;
	if (args_parse(a, opts, p, 1, 1, what))
		return 1;
	if ((file = parsed_option(p, O_TEMPLATE)) && read_text(template_text, file) != CLI_OK) {
		a->status = CLI_FAIL;
		parsed_free(p);
		return 1;
	}
	o->template_text = *template_text;
	return 0;
}

static int draft_request(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "template", O_TEMPLATE, 1 }, { NULL, 0, 0 } };
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	iv_interview *iv = NULL;
	char *template_text, *text = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "draft request", help_request, argc, argv);
	if (read_template(&a, opts, &p, &o, &template_text, "INTERVIEW"))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0 && (rc = ref_interview(&iv, ctx, p.pos[0])) == 0) {
		if (iv_draft_request(&text, ctx->db, iv_interview_id(iv), &o) < 0)
			rc = cli_fail();
		else
			rc = print_draft(ctx, text, SHOW_TEXT | CHECK, NULL);
	}
	iv_free(text);
	iv_interview_free(iv);
	free(template_text);
	parsed_free(&p);
	return rc;
}

static int draft_thanks(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "template", O_TEMPLATE, 1 }, { "save", O_SAVE, 0 }, { NULL, 0, 0 } };
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	char *template_text, *text = NULL;
	iv_followup *fu = NULL;
	struct parsed p;
	struct args a;
	size_t i;
	int rc, save = 0;

	args_init(&a, ctx, "draft thanks", help_thanks, argc, argv);
	if (read_template(&a, opts, &p, &o, &template_text, "FOLLOWUP"))
		return a.status;
	for (i = 0; i < p.nset; i++)
		save |= p.set[i].id == O_SAVE;
	if ((rc = cli_open(ctx, save)) == 0 && (rc = ref_followup(&fu, ctx, p.pos[0])) == 0) {
		if (iv_draft_thanks(&text, ctx->db, iv_followup_id(fu), &o) < 0)
			rc = cli_fail();
		else if (save && (iv_followup_set_draft(fu, text) < 0 || iv_followup_update(ctx->db, fu) < 0))
			rc = cli_fail();
		else if (save)
			rc = cli_commit(ctx);
		if (rc == 0)
			rc = print_draft(ctx, text, SHOW_TEXT, iv_followup_id(fu));
	}
	iv_free(text);
	iv_followup_free(fu);
	free(template_text);
	parsed_free(&p);
	return rc;
}

static int draft_check(struct cli *ctx, int argc, char **argv)
{
	char *text = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "draft check", help_check, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 1, NULL))
		return a.status;
	if ((rc = read_text(&text, p.npos ? p.pos[0] : "-")) == 0)
		rc = print_draft(ctx, text, CHECK, NULL);
	free(text);
	parsed_free(&p);
	return rc;
}

int cmd_draft(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "request", draft_request }, { "thanks", draft_thanks }, { "check", draft_check },
		{ NULL, NULL },
	};

	return run_group(ctx, "draft", help_group, subs, NULL, argc, argv);
}
