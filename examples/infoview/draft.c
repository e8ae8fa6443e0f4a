/*
 * infoview draft: the message any follow-up calls for, an interview
 * request (checked), an introduction request; edited in your editor and
 * kept; from the library's templates, the store's or your own.
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
#include <sys/wait.h>
#include <unistd.h>

/* A template or a text to check is a message, not a book. */
#define MAX_TEXT (1024 * 1024)

static const char help_group[] =
	"Usage: infoview draft FOLLOWUP [--edit] [--save] [--fresh] [--template FILE]\n"
	"       infoview draft COMMAND [ARGS...]\n"
	"\n"
	"Drafts messages from your profile (see 'infoview profile'), the contact\n"
	"and the interview: a To: and a Subject: line, then the text. What the\n"
	"draft is missing (an empty field it wrote around) is named on standard\n"
	"error with the command that fills it in.\n"
	"\n"
	"Commands:\n"
	"  FOLLOWUP           the message the follow-up calls for: a thank-you, a\n"
	"                     thanks to an introducer, a nudge, a check-in, a\n"
	"                     report-back, a request for an introduction someone\n"
	"                     suggested, or a greeting for one of your own\n"
	"  request INTERVIEW [--edit] [--save] [--fresh] [--template FILE]\n"
	"                     the request: who you are, why them, would they be\n"
	"                     willing to talk; then the checker's warnings\n"
	"  thanks FOLLOWUP [--edit] [--save] [--fresh] [--template FILE]\n"
	"                     a thank-you, to the interviewee or an introducer\n"
	"  intro INTRO [--template FILE]\n"
	"                     asks the introducer of a suggested or requested\n"
	"                     introduction to make it, with a note to forward\n"
	"  check [FILE]       check a request you wrote (standard input without FILE)\n"
	"\n"
	"Options:\n"
	"  --edit            open the draft in $VISUAL or $EDITOR (else vi), then\n"
	"                    keep what you saved\n"
	"  --save            keep the text shown: on the follow-up, or for the\n"
	"                    interview; a kept text is what draft shows next time\n"
	"  --fresh           draft anew instead of showing a kept text\n"
	"  --template FILE   your own template (see 'infoview template')\n";

#define TEMPLATE_HELP \
	"A template is UTF-8 text in which {name} stands for a value (me.name,\n" \
	"contact.first_name, purpose, advice, ... as infoview(1) lists them),\n" \
	"{?name}...{/name} keeps text only when name has a value and\n" \
	"{^name}...{/name} only when it has none; a first line \"Subject: ...\"\n" \
	"gives the subject; {{ is a literal {. FILE - reads standard input.\n"

#define KEEP_HELP \
	"Options:\n" \
	"  --edit            open the draft in $VISUAL or $EDITOR (else vi), then\n" \
	"                    keep what you saved\n" \
	"  --save            keep the text shown\n" \
	"  --fresh           draft anew instead of showing a kept text\n" \
	"  --template FILE   your own template\n" \
	"\n"

static const char help_followup[] =
	"Usage: infoview draft FOLLOWUP [--edit] [--save] [--fresh] [--template FILE]\n"
	"\n"
	"Prints the message a follow-up calls for, under To: and Subject: lines:\n"
	"a thank-you citing their advice; a thanks to an introducer naming whom\n"
	"they introduced you to (or, thanked before, what came of it since); for a\n"
	"nudge to reach out to someone else, a request to the first of up to three\n"
	"people suggested; a one-time follow-up; a check-in; a report-back citing\n"
	"their advice and resources; a greeting and signature for one of your own.\n"
	"A text kept on the follow-up (--save, --edit) is shown instead, unless\n"
	"--fresh. With --json: {\"to\", \"subject\", \"text\", \"warnings\": [...], ...}.\n"
	"\n"
	KEEP_HELP
	TEMPLATE_HELP;

static const char help_request[] =
	"Usage: infoview draft request INTERVIEW [--edit] [--save] [--fresh] [--template FILE]\n"
	"\n"
	"Prints a request for the interview, then on standard error what the\n"
	"checker finds (see 'infoview draft check --help'). Warnings do not change\n"
	"the exit status. A text kept for the interview (--save, --edit) is shown\n"
	"instead, unless --fresh. With --json: {\"to\", \"subject\", \"text\",\n"
	"\"words\": N, \"parts\": {...}, \"warnings\": [...]}.\n"
	"\n"
	KEEP_HELP
	TEMPLATE_HELP;

static const char help_thanks[] =
	"Usage: infoview draft thanks FOLLOWUP [--edit] [--save] [--fresh] [--template FILE]\n"
	"\n"
	"Prints the thank-you of a thank-you follow-up: to the person you talked\n"
	"to, citing the advice you noted; to an introducer, naming whom they\n"
	"introduced you to. As 'infoview draft FOLLOWUP', for thank-yous only.\n"
	"\n"
	KEEP_HELP
	TEMPLATE_HELP;

static const char help_intro[] =
	"Usage: infoview draft intro INTRO [--template FILE]\n"
	"\n"
	"Prints a message to the introducer of a suggested or requested\n"
	"introduction, asking them to make it, with a short note about you they\n"
	"can forward to the person.\n"
	"\n"
	"Options:\n"
	"  --template FILE   your own template\n"
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

enum { O_TEMPLATE = 1, O_SAVE, O_EDIT, O_FRESH };

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

int draft_read_text(char **out, const char *path)
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

/* ------------------------------------------------------------------------ */
/* What a draft needs, shown with the command that fills it in               */

/* The command that fills in the field a library warning names. */
static void fill_hint(char *buf, size_t n, struct cli *ctx, const iv_draft *d, size_t i, const char *self)
{
	const char *field = iv_draft_warning_field_at(d, i), *record = iv_draft_warning_record_at(d, i);
	char ref[IV_ID_LEN + 1];

	if (record && strncmp(field, "contact.", 8) == 0)
		short_id(ref, ctx, REF_CONTACT, record);
	else if (record && strncmp(field, "interview.", 10) == 0)
		short_id(ref, ctx, REF_INTERVIEW, record);
	else if (record)
		short_id(ref, ctx, REF_CONTACT, record);
	else
		ref[0] = '\0';
	if (strcmp(field, "profile.name") == 0)
		snprintf(buf, n, "infoview profile set --name NAME");
	else if (strcmp(field, "profile.background") == 0)
		snprintf(buf, n, "infoview profile set --background TEXT");
	else if (strcmp(field, "profile.exploring") == 0)
		snprintf(buf, n, "infoview profile set --exploring TEXT");
	else if (strcmp(field, "contact.title") == 0)
		snprintf(buf, n, "infoview contact edit %s --title TITLE", ref_typed(ref));
	else if (strcmp(field, "contact.company") == 0)
		snprintf(buf, n, "infoview contact edit %s --company COMPANY", ref_typed(ref));
	else if (strcmp(field, "contact.email") == 0)
		snprintf(buf, n, "infoview contact edit %s --email ADDRESS", ref_typed(ref));
	else if (strcmp(field, "interview.purpose") == 0)
		snprintf(buf, n, "infoview interview edit %s --purpose TEXT", ref_typed(ref));
	else if (strcmp(field, "interview.advice") == 0)
		snprintf(buf, n, "infoview interview edit %s --advice TEXT", ref_typed(ref));
	else if (strcmp(field, "intro") == 0)
		snprintf(buf, n, "infoview intro add --by %s --to CONTACT --status made", ref_typed(ref));
	else if (strcmp(field, "network") == 0)
		snprintf(buf, n, "infoview contact add NAME --company COMPANY");
	else if (strcmp(field, "text") == 0 && self)
		snprintf(buf, n, "%s --edit", self);
	else
		buf[0] = '\0';
}

/* A drafted message and how it is shown. */
struct message {
	const iv_draft *d;
	const char *text;   /* the draft's, or the text kept before */
	int kept;           /* `text` is the kept one */
	const char *self;   /* the command that drafts it again ("infoview draft 01a2") */
	const char *key;    /* the JSON key naming the record ("followup") */
	const char *id;     /* its id */
};

/* "To: Priya Shah <priya@example.com>", or the name alone without an address. */
static void print_headers(struct cli *ctx, const struct message *m)
{
	const char *contact = iv_draft_contact(m->d), *to = iv_draft_to(m->d);

	if (contact && to)
		out_printf("To: %s <%s>\n", contact_name(ctx, contact), to);
	else if (contact)
		out_printf("To: %s\n", contact_name(ctx, contact));
	out_printf("Subject: %s\n\n", iv_draft_subject(m->d));
}

/* The draft's warnings: on standard error, or into the JSON warnings array. */
static void print_missing(struct cli *ctx, const struct message *m, struct jw *j)
{
	char hint[160];
	size_t i;

	/* A kept text was written by you: what the draft lacked may be in it. */
	if (m->kept) {
		if (!j)
			fputs("infoview: the text kept before; --fresh drafts it anew\n", stderr);
		return;
	}
	for (i = 0; i < iv_draft_warning_count(m->d); i++) {
		fill_hint(hint, sizeof(hint), ctx, m->d, i, m->self);
		if (j) {
			jw_object(j);
			jw_kstring(j, "code", "missing");
			jw_kstring(j, "field", iv_draft_warning_field_at(m->d, i));
			jw_kstring(j, "message", iv_draft_warning_at(m->d, i));
			jw_kstring(j, "hint", *hint ? hint : NULL);
			jw_object_end(j);
		} else if (*hint) {
			cli_warn("%s (%s)", iv_draft_warning_at(m->d, i), hint);
		} else {
			cli_warn("%s", iv_draft_warning_at(m->d, i));
		}
	}
}

/* The people a nudge suggests, after the draft (which goes to the first). */
static void print_suggestions(struct cli *ctx, const iv_draft *d, struct jw *j)
{
	char ref[IV_ID_LEN + 1];
	size_t i, n = iv_draft_suggestion_count(d);

	if (j) {
		jw_key(j, "suggestions");
		jw_array(j);
	}
	for (i = 0; i < n; i++) {
		const char *id = iv_draft_suggestion_at(d, i);
		iv_contact *c = NULL;

		if (iv_contact_lookup(&c, ctx->db, id) < 0) {
			cli_fail();
			continue;
		}
		if (j) {
			jw_object(j);
			jw_kstring(j, "id", id);
			jw_kstring(j, "name", iv_contact_name(c));
			jw_kstring(j, "company", iv_contact_company(c));
			jw_object_end(j);
		} else {
			out_eprintf("infoview: %s %s (%s)%s%s", i ? "also suggested:" : "suggested:",
				    iv_contact_name(c), short_id(ref, ctx, REF_CONTACT, id),
				    iv_contact_company(c) ? ", " : "",
				    iv_contact_company(c) ? iv_contact_company(c) : "");
			fputc('\n', stderr);
		}
		iv_contact_free(c);
	}
	if (j)
		jw_array_end(j);
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
 * JSON object. A message `m` adds its To: and Subject: lines and what it
 * is missing.
 */
static int print_draft(struct cli *ctx, const char *text, int what, const char *followup, const struct message *m)
{
	iv_draft_report r = IV_DRAFT_REPORT_INIT;
	struct jw j;
	size_t i;

	if ((what & CHECK) && iv_draft_check_report(&r, text) < 0)
		return cli_fail();
	if (!ctx->json) {
		if (what & SHOW_TEXT) {
			if (m)
				print_headers(ctx, m);
			out_printf("%s", text);
			if (*text && text[strlen(text) - 1] != '\n')
				putchar('\n');
			fflush(stdout);
		}
		if (what & CHECK)
			print_report(&r, what & SHOW_TEXT);
		if (m) {
			print_missing(ctx, m, NULL);
			print_suggestions(ctx, m->d, NULL);
		}
		return CLI_OK;
	}
	jw_init(&j, stdout);
	jw_object(&j);
	if (m) {
		jw_kstring(&j, m->key, m->id);
		jw_kenum(&j, "kind", "template", iv_draft_kind(m->d));
		jw_kstring(&j, "contact", iv_draft_contact(m->d));
		jw_kstring(&j, "to", iv_draft_to(m->d));
		jw_kstring(&j, "subject", iv_draft_subject(m->d));
		jw_kbool(&j, "kept", m->kept);
	}
	if (what & SHOW_TEXT)
		jw_kstring(&j, "text", text);
	if (followup && !m)
		jw_kstring(&j, "followup", followup);
	jw_kint(&j, "words", (long long)((what & CHECK) ? r.words : iv_draft_word_count(text)));
	if (what & CHECK) {
		jw_key(&j, "parts");
		jw_object(&j);
		for (i = 0; i < NPARTS; i++)
			jw_kbool(&j, iv_enum_name("draft_part", (int)parts[i].part), (r.parts & parts[i].part) != 0);
		jw_object_end(&j);
	}
	if ((what & CHECK) || m) {
		jw_key(&j, "warnings");
		jw_array(&j);
		for (i = 0; i < NWARNINGS; i++) {
			if (!(r.warnings & warning_order[i]))
				continue;
			jw_object(&j);
			jw_kstring(&j, "code", iv_enum_name("draft_warning", (int)warning_order[i]));
			jw_kstring(&j, "message", iv_draft_warning_message(warning_order[i]));
			jw_object_end(&j);
		}
		if (m)
			print_missing(ctx, m, &j);
		jw_array_end(&j);
	}
	if (m && iv_draft_kind(m->d) == IV_TEMPLATE_NUDGE_OTHER)
		print_suggestions(ctx, m->d, &j);
	jw_object_end(&j);
	jw_finish(&j);
	return CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* Editing in the user's editor                                               */

/* $VISUAL, else $EDITOR, else vi. */
static const char *editor(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

/* `s` in single quotes for sh, each ' written '\''. */
static char *sh_quote(const char *s)
{
	size_t n = 3, i, k = 0;
	char *q;

	for (i = 0; s[i]; i++)
		n += s[i] == '\'' ? 4 : 1;
	q = xmalloc(n);
	q[k++] = '\'';
	for (i = 0; s[i]; i++) {
		if (s[i] == '\'') {
			memcpy(q + k, "'\\''", 4);
			k += 4;
		} else {
			q[k++] = s[i];
		}
	}
	q[k++] = '\'';
	q[k] = '\0';
	return q;
}

/*
 * Writes `text` to a temporary file, runs the editor on it (through sh, so
 * that EDITOR may carry options: "code --wait"), and reads it back into
 * *out (free with free()). The file is removed either way.
 */
static int edit_text(char **out, const char *text)
{
	const char *tmp = getenv("TMPDIR"), *ed = editor();
	char path[4096], *quoted, *cmd;
	size_t len = strlen(text), n;
	int fd, status, rc;
	FILE *f;

	*out = NULL;
	if (!tmp || !*tmp)
		tmp = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/infoview-draft-XXXXXX", tmp) >= sizeof(path))
		return cli_failf("TMPDIR is too long");
	if ((fd = mkstemp(path)) < 0)
		return cli_failf("cannot create a file to edit in %s: %s", tmp, strerror(errno));
	if (!(f = fdopen(fd, "w"))) {
		close(fd);
		unlink(path);
		return cli_failf("cannot write %s: %s", path, strerror(errno));
	}
	if (fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		unlink(path);
		return cli_failf("cannot write %s: %s", path, strerror(errno));
	}
	quoted = sh_quote(path);
	n = strlen(ed) + strlen(quoted) + 2;
	cmd = xmalloc(n);
	snprintf(cmd, n, "%s %s", ed, quoted);
	fflush(stdout);
	status = system(cmd);
	free(cmd);
	free(quoted);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = cli_failf("the editor (%s) failed; nothing was kept", ed);
	else
		rc = draft_read_text(out, path);
	unlink(path);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* The commands                                                                */

/* What a drafting command was asked. */
struct job {
	const char *cmd;      /* "draft request" */
	const char *help;
	int kind;             /* REF_FOLLOWUP, REF_INTERVIEW or REF_INTRO */
	int thanks_only;      /* draft thanks */
	int keeps;            /* takes --edit, --save and --fresh */
	const char *what;     /* "FOLLOWUP", for usage messages */
};

/* The library's draft for the record `id`. */
static int make_draft(iv_draft **d, struct cli *ctx, const struct job *job, const char *id,
		      const iv_draft_options *o)
{
	int rc;

	if (job->kind == REF_FOLLOWUP)
		rc = iv_draft_followup(d, ctx->db, id, o);
	else if (job->kind == REF_INTERVIEW)
		rc = iv_draft_interview_request(d, ctx->db, id, o);
	else
		rc = iv_draft_intro_request(d, ctx->db, id, o);
	return rc < 0 ? cli_fail() : CLI_OK;
}

/* The text kept for the record, or NULL; free with iv_free(). */
static int kept_text(char **out, struct cli *ctx, const struct job *job, const iv_followup *fu, const char *id)
{
	*out = NULL;
	if (job->kind == REF_FOLLOWUP) {
		if (iv_followup_draft(fu))
			*out = xstrdup(iv_followup_draft(fu));
		return CLI_OK;
	}
	if (job->kind == REF_INTERVIEW && iv_draft_saved_request(out, ctx->db, id) < 0)
		return cli_fail();
	return CLI_OK;
}

/* Keeps `text` for the record, in a transaction of its own. */
static int keep(struct cli *ctx, const struct job *job, const char *id, const char *text)
{
	iv_followup *fu = NULL;
	int rc;

	if ((rc = cli_open(ctx, 1)) != CLI_OK)
		return rc;
	if (job->kind == REF_FOLLOWUP) {
		/* Read again inside the transaction: only the draft changes. */
		if (iv_followup_lookup(&fu, ctx->db, id) < 0 || iv_followup_set_draft(fu, text) < 0 ||
		    iv_followup_update(ctx->db, fu) < 0)
			rc = cli_fail();
		iv_followup_free(fu);
	} else if (iv_draft_save_request(ctx->db, id, text) < 0) {
		rc = cli_fail();
	}
	return rc == CLI_OK ? cli_commit(ctx) : rc;
}

/* A thank-you draft for anything else is refused as the library's iv_draft_thanks() words it. */
static int only_thanks(struct cli *ctx, const iv_followup *fu)
{
	char *text = NULL;
	int kind = iv_followup_kind(fu);

	if ((kind == IV_FOLLOWUP_THANK_YOU || kind == IV_FOLLOWUP_THANK_INTRODUCER) && iv_followup_interview(fu))
		return CLI_OK;
	if (iv_draft_thanks(&text, ctx->db, iv_followup_id(fu), NULL) < 0)
		return cli_fail();
	iv_free(text);
	return CLI_OK;
}

static int run_draft(struct cli *ctx, int argc, char **argv, const struct job *job)
{
	static const struct opt keep_opts[] = {
		{ "template", O_TEMPLATE, 1 }, { "save", O_SAVE, 0 }, { "edit", O_EDIT, 0 }, { "fresh", O_FRESH, 0 },
		{ NULL, 0, 0 },
	};
	static const struct opt template_opts[] = { { "template", O_TEMPLATE, 1 }, { NULL, 0, 0 } };
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	char *template_text = NULL, *kept = NULL, *edited = NULL, self[64], ref[IV_ID_LEN + 1];
	const char *file, *id = NULL;
	iv_followup *fu = NULL;
	iv_interview *iv = NULL;
	iv_intro *in = NULL;
	iv_draft *d = NULL;
	struct message m;
	struct parsed p;
	struct args a;
	int rc, save = 0, edit = 0, fresh = 0;
	size_t i;

	args_init(&a, ctx, job->cmd, job->help, argc, argv);
	if (args_parse(&a, job->keeps ? keep_opts : template_opts, &p, 1, 1, job->what))
		return a.status;
	for (i = 0; i < p.nset; i++) {
		save |= p.set[i].id == O_SAVE;
		edit |= p.set[i].id == O_EDIT;
		fresh |= p.set[i].id == O_FRESH;
	}
	if ((file = parsed_option(&p, O_TEMPLATE)) && (rc = draft_read_text(&template_text, file)) != CLI_OK)
		goto done;
	o.template_text = template_text;
	if ((rc = cli_open(ctx, 0)) != CLI_OK)
		goto done;
	if (job->kind == REF_FOLLOWUP && (rc = ref_followup(&fu, ctx, p.pos[0])) == CLI_OK) {
		id = iv_followup_id(fu);
		if (job->thanks_only)
			rc = only_thanks(ctx, fu);
	} else if (job->kind == REF_INTERVIEW && (rc = ref_interview(&iv, ctx, p.pos[0])) == CLI_OK) {
		id = iv_interview_id(iv);
	} else if (job->kind == REF_INTRO && (rc = ref_intro(&in, ctx, p.pos[0])) == CLI_OK) {
		id = iv_intro_id(in);
	}
	if (rc != CLI_OK || (rc = make_draft(&d, ctx, job, id, &o)) != CLI_OK)
		goto done;
	if (!fresh && !template_text && (rc = kept_text(&kept, ctx, job, fu, id)) != CLI_OK)
		goto done;
	memset(&m, 0, sizeof(m));
	m.d = d;
	m.kept = kept != NULL;
	m.text = kept ? kept : iv_draft_text(d);
	snprintf(self, sizeof(self), "infoview draft %s%s",
		 job->kind == REF_INTERVIEW ? "request " : job->kind == REF_INTRO ? "intro " : "",
		 ref_typed(short_id(ref, ctx, (enum ref_kind)job->kind, id)));
	m.self = self;
	m.key = job->kind == REF_FOLLOWUP ? "followup" : job->kind == REF_INTERVIEW ? "interview" : "intro";
	m.id = id;
	if (edit) {
		if ((rc = edit_text(&edited, m.text)) != CLI_OK)
			goto done;
		m.text = edited;
		m.kept = 1;
	}
	if ((save || edit) && (rc = keep(ctx, job, id, m.text)) != CLI_OK)
		goto done;
	rc = print_draft(ctx, m.text, job->kind == REF_INTERVIEW ? SHOW_TEXT | CHECK : SHOW_TEXT, NULL, &m);
done:
	iv_draft_free(d);
	free(edited);
	iv_free(kept);
	iv_followup_free(fu);
	iv_interview_free(iv);
	iv_intro_free(in);
	free(template_text);
	parsed_free(&p);
	return rc;
}

static int draft_followup(struct cli *ctx, int argc, char **argv)
{
	static const struct job job = { "draft", help_followup, REF_FOLLOWUP, 0, 1, "FOLLOWUP" };

	return run_draft(ctx, argc, argv, &job);
}

static int draft_request(struct cli *ctx, int argc, char **argv)
{
	static const struct job job = { "draft request", help_request, REF_INTERVIEW, 0, 1, "INTERVIEW" };

	return run_draft(ctx, argc, argv, &job);
}

static int draft_thanks(struct cli *ctx, int argc, char **argv)
{
	static const struct job job = { "draft thanks", help_thanks, REF_FOLLOWUP, 1, 1, "FOLLOWUP" };

	return run_draft(ctx, argc, argv, &job);
}

static int draft_intro(struct cli *ctx, int argc, char **argv)
{
	static const struct job job = { "draft intro", help_intro, REF_INTRO, 0, 0, "INTRO" };

	return run_draft(ctx, argc, argv, &job);
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
	if ((rc = draft_read_text(&text, p.npos ? p.pos[0] : "-")) == 0)
		rc = print_draft(ctx, text, CHECK, NULL, NULL);
	free(text);
	parsed_free(&p);
	return rc;
}

int cmd_draft(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "request", draft_request }, { "thanks", draft_thanks }, { "intro", draft_intro },
		{ "check", draft_check }, { NULL, NULL },
	};
	const struct subcommand *s;
	int i;

	/* "draft FOLLOWUP [OPTIONS]": the first word that is no option, if it names no command. */
	for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--help") != 0 && strcmp(argv[i], "-h") != 0; i++)
		;
	if (i < argc && argv[i][0] != '-') {
		for (s = subs; s->name && strcmp(s->name, argv[i]) != 0; s++)
			;
		if (!s->name)
			return draft_followup(ctx, argc, argv);
		if (i > 1)
			return usage_error("draft", "options go after the %s command", argv[i]);
	}
	return run_group(ctx, "draft", help_group, subs, NULL, argc, argv);
}
