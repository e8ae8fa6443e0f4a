/*
 * infoview note: dated notes about a contact, and a contact's timeline.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"
#include "when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_group[] =
	"Usage: infoview note COMMAND [ARGS...]\n"
	"\n"
	"Dated notes about a contact. A note is kept as written: editing the\n"
	"contact never replaces it; only 'note rm' removes one.\n"
	"\n"
	"Commands:\n"
	"  add CONTACT TEXT... [--at WHEN]  add a note (dated now, or WHEN)\n"
	"  list [CONTACT]                   notes, oldest first (the default)\n"
	"  rm NOTE                          remove a note\n"
	"\n"
	"CONTACT is a number (12), an id prefix or the exact name; NOTE is the\n"
	"note's number as 'note list' shows it (#3, typed 3) or an id prefix.\n";

static const char help_add[] =
	"Usage: infoview note add CONTACT TEXT... [--at WHEN]\n"
	"\n"
	"Adds a note about CONTACT, dated WHEN (default now). Recording that you\n"
	"were in touch is 'infoview contact touch CONTACT --note TEXT' instead,\n"
	"which also moves their check-in.\n"
	"\n"
	WHEN_HELP;

static const char help_list[] =
	"Usage: infoview note list [CONTACT]\n"
	"\n"
	"Lists notes, oldest first: CONTACT's, or everyone's.\n";

static const char help_rm[] =
	"Usage: infoview note rm NOTE\n"
	"\n"
	"Removes one note.\n";

static void json_note(struct jw *j, struct cli *ctx, const iv_note *n)
{
	jw_object(j);
	jw_kstring(j, "id", iv_note_id(n));
	jw_kint(j, "number", (long long)iv_note_number(n));
	jw_kstring(j, "contact", iv_note_contact(n));
	jw_kstring(j, "contact_name", contact_name(ctx, iv_note_contact(n)));
	jw_ktime(j, "at", iv_note_at(n));
	jw_kstring(j, "text", iv_note_text(n));
	jw_ktime(j, "created", iv_note_created(n));
	jw_object_end(j);
}

static struct table *note_table(void)
{
	static const char *const heads[] = { "ID", "WHEN", "CONTACT", "NOTE" };

	return table_new(4, heads);
}

static void note_row(struct table *t, struct cli *ctx, const iv_note *n)
{
	char when[64];

	table_row(t);
	table_cellf(t, C_YELLOW, "#%lld", (long long)iv_note_number(n));
	fmt_when(when, sizeof(when), iv_note_at(n), ctx->now);
	table_cell(t, C_NONE, when);
	table_cell(t, C_BOLD, contact_name(ctx, iv_note_contact(n)));
	table_cell(t, C_NONE, iv_note_text(n));
}

static int note_add(struct cli *ctx, int argc, char **argv)
{
	enum { A_AT = 1 };
	static const struct opt opts[] = { { "at", A_AT, 1 }, { NULL, 0, 0 } };
	iv_contact *c = NULL;
	iv_note *n = NULL;
	struct parsed p;
	struct args a;
	iv_time at = 0;
	char *text = NULL;
	const char *when;
	int rc = 0;

	args_init(&a, ctx, "note add", help_add, argc, argv);
	if (args_parse(&a, opts, &p, 2, -1, "CONTACT TEXT"))
		return a.status;
	if ((when = parsed_option(&p, A_AT)) && args_time(&a, "--at", when, &at))
		rc = a.status;
	text = parsed_words(&p, 1);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, p.pos[0])) == 0) {
		iv_note_new(&n);
		if (iv_note_set_contact(n, iv_contact_id(c)) < 0 || iv_note_set_text(n, text) < 0 ||
		    iv_note_set_at(n, at) < 0 || iv_note_insert(ctx->db, n) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0 && ctx->json) {
			struct jw j;

			jw_init(&j, stdout);
			json_note(&j, ctx, n);
			jw_finish(&j);
		} else if (rc == 0) {
			out_printf("Added note #%lld about %s.\n", (long long)iv_note_number(n), iv_contact_name(c));
		}
	}
	iv_note_free(n);
	iv_contact_free(c);
	free(text);
	parsed_free(&p);
	return rc;
}

static int note_list(struct cli *ctx, int argc, char **argv)
{
	iv_note_filter f = IV_NOTE_FILTER_INIT;
	iv_note_iter *it = NULL;
	iv_contact *c = NULL;
	iv_note *n = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	int rc, err;

	args_init(&a, ctx, "note list", help_list, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 1, "CONTACT"))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0 && p.npos && (rc = ref_contact(&c, ctx, p.pos[0])) == 0)
		f.contact = iv_contact_id(c);
	if (rc == 0) {
		listing_begin(&l, ctx, note_table);
		if (iv_note_list(&it, ctx->db, &f) < 0)
			rc = cli_fail();
		while (rc == 0 && (err = iv_note_iter_next(&n, it)) == 0) {
			if (l.j)
				json_note(l.j, ctx, n);
			else
				note_row(l.t, ctx, n);
			l.n++;
			iv_note_free(n);
		}
		if (rc == 0 && err != IV_ITEROVER)
			rc = cli_fail();
		iv_note_iter_free(it);
		rc = listing_end(&l, ctx, rc, "No notes.");
	}
	iv_contact_free(c);
	parsed_free(&p);
	return rc;
}

/* The one note `ref` names: "#3", "3", or an id prefix of 4 hex digits or more. */
static int ref_note(iv_note **out, struct cli *ctx, const char *ref)
{
	iv_note_filter f = IV_NOTE_FILTER_INIT;
	iv_note_iter *it = NULL;
	iv_note *second = NULL;
	const char *digits = ref[0] == '#' ? ref + 1 : ref;
	char *end = NULL;
	long long number = strtoll(digits, &end, 10);
	int rc;

	*out = NULL;
	if (*digits >= '1' && *digits <= '9' && end && !*end && number > 0)
		f.number = number;
	else if (strlen(ref) >= REF_MIN_HEX)
		f.id_prefix = ref;
	else
		return usage_error(ctx->cmd, "'%s' names no note: give its number (as 'note list' shows it) or an id prefix", ref);
	if ((rc = iv_note_list(&it, ctx->db, &f)) == IV_EINVALID)
		return cli_failf("no note matches '%s'", ref);
	if (rc < 0)
		return cli_fail();
	rc = iv_note_iter_next(out, it);
	if (rc == 0 && iv_note_iter_next(&second, it) == 0) {
		iv_note_free(second);
		iv_note_free(*out);
		*out = NULL;
		rc = cli_failf("ambiguous note '%s': give more of its id, or its number", ref);
	} else if (rc == IV_ITEROVER) {
		rc = cli_failf("no note matches '%s'", ref);
	} else if (rc < 0) {
		rc = cli_fail();
	}
	iv_note_iter_free(it);
	return rc;
}

static int note_rm(struct cli *ctx, int argc, char **argv)
{
	iv_note *n = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "note rm", help_rm, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "NOTE"))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_note(&n, ctx, p.pos[0])) == 0) {
		if (iv_note_delete(ctx->db, iv_note_id(n)) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_removed(ctx, "note", iv_note_id(n), iv_note_text(n));
	}
	iv_note_free(n);
	parsed_free(&p);
	return rc;
}

int cmd_note(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "add", note_add }, { "list", note_list }, { "rm", note_rm }, { NULL, NULL },
	};

	return run_group(ctx, "note", help_group, subs, "list", argc, argv);
}

/* --- A contact's timeline ------------------------------------------------- */

/* What one entry says, in a few words, and the reference that acts on it. */
static void entry_words(char *what, size_t n, char ref[IV_ID_LEN + 1], struct cli *ctx,
			const iv_timeline_entry *e, const char *contact_id)
{
	char label[48], other[IV_LIMIT_SHORT + 1];

	ref[0] = '\0';
	switch (iv_timeline_entry_kind(e)) {
	case IV_TIMELINE_NOTE: {
		const iv_note *no = iv_timeline_entry_note(e);
		snprintf(what, n, "Note: %s", iv_note_text(no));
		snprintf(ref, IV_ID_LEN + 1, "#%lld", (long long)iv_note_number(no));
		break;
	}
	case IV_TIMELINE_INTRO: {
		const iv_intro *in = iv_timeline_entry_intro(e);
		int by_them = strcmp(iv_intro_introducer(in), contact_id) == 0;
		snprintf(other, sizeof(other), "%s",
			 contact_name(ctx, by_them ? iv_intro_introduced(in) : iv_intro_introducer(in)));
		enum_label(label, sizeof(label), "intro_status", iv_intro_status(in));
		snprintf(what, n, "Introduction %s %s (%s)", by_them ? "to" : "by", other, label);
		short_ref(ref, ctx, REF_INTRO, iv_intro_number(in), iv_intro_id(in));
		break;
	}
	case IV_TIMELINE_INTERVIEW: {
		const iv_interview *iv = iv_timeline_entry_interview(e);
		enum_label(label, sizeof(label), "interview_status", iv_interview_status(iv));
		snprintf(what, n, "Interview %s%s%s", label, iv_interview_purpose(iv) ? ": " : "",
			 iv_interview_purpose(iv) ? iv_interview_purpose(iv) : "");
		short_ref(ref, ctx, REF_INTERVIEW, iv_interview_number(iv), iv_interview_id(iv));
		break;
	}
	default: {
		const iv_followup *fu = iv_timeline_entry_followup(e);
		char buf[256];
		enum_label(label, sizeof(label), "followup_status", iv_followup_status(fu));
		snprintf(what, n, "Follow-up %s: %s", label, followup_what(buf, sizeof(buf), fu));
		short_ref(ref, ctx, REF_FOLLOWUP, iv_followup_number(fu), iv_followup_id(fu));
		break;
	}
	}
}

int show_timeline(struct cli *ctx, struct jw *j, const char *contact_id)
{
	static const char *const heads[] = { "WHEN", "WHAT", "REF" };
	iv_timeline_iter *it = NULL;
	iv_timeline_entry *e = NULL;
	struct table *t = j ? NULL : table_new(3, heads);
	char what[512], when[64], ref[IV_ID_LEN + 1];
	int rc = CLI_OK, err;

	if (iv_timeline(&it, ctx->db, contact_id) < 0) {
		table_free(t);
		return cli_fail();
	}
	if (j) {
		jw_key(j, "timeline");
		jw_array(j);
	}
	while ((err = iv_timeline_iter_next(&e, it)) == 0) {
		entry_words(what, sizeof(what), ref, ctx, e, contact_id);
		if (j) {
			jw_object(j);
			jw_kenum(j, "kind", "timeline_kind", iv_timeline_entry_kind(e));
			jw_ktime(j, "time", iv_timeline_entry_time(e));
			jw_kstring(j, "ref", ref);
			jw_kstring(j, "what", what);
			jw_object_end(j);
		} else {
			table_row(t);
			fmt_when(when, sizeof(when), iv_timeline_entry_time(e), ctx->now);
			table_cell(t, C_NONE, when);
			table_cell(t, C_NONE, what);
			table_cell(t, C_YELLOW, ref);
		}
		iv_timeline_entry_free(e);
	}
	if (err != IV_ITEROVER)
		rc = cli_fail();
	iv_timeline_iter_free(it);
	if (j) {
		jw_array_end(j);
	} else {
		if (rc == CLI_OK && table_rows(t)) {
			printf("\n");
			out_heading(ctx, "Timeline");
			table_print(t, ctx, 2);
		}
		table_free(t);
	}
	return rc;
}
