/*
 * infoview contact: add, list, show, edit, touch and remove contacts.
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
	"Usage: infoview contact COMMAND [ARGS...]\n"
	"\n"
	"The people in your network.\n"
	"\n"
	"Commands:\n"
	"  add NAME [OPTIONS]          add a contact; prints a line with its reference\n"
	"  list [--company C] [--tag T]\n"
	"                              list contacts (the default)\n"
	"  show CONTACT                everything about a contact\n"
	"  edit CONTACT [OPTIONS]      change a contact\n"
	"  touch CONTACT [--note TEXT] [--at WHEN]\n"
	"                              record an interaction (moves its check-in)\n"
	"  rm CONTACT [--cascade] [--yes]\n"
	"                              remove a contact (listing what goes with it)\n"
	"\n"
	"CONTACT is its number (12, as lists show #12), an id prefix, or the exact\n"
	"name (case-insensitive).\n"
	"Run 'infoview contact COMMAND --help' for the options.\n";

#define FIELD_OPTIONS \
	"  --email E            an e-mail address (repeatable; the first is primary)\n" \
	"  --phone P            a phone number\n" \
	"  --company C          where they work\n" \
	"  --title T            their job title\n" \
	"  --location L         where they are\n" \
	"  --url U              a profile URL\n" \
	"  --tag T              a tag (repeatable)\n" \
	"  --note N             a dated note about them (repeatable); notes are\n" \
	"                       kept, never replaced (see 'infoview note')\n" \
	"  --about TEXT         what you know about them, one free text that an\n" \
	"                       edit replaces ('' clears it)\n" \
	"  --direct             you know them yourself (the default for a new contact)\n" \
	"  --introduced         someone introduced you\n" \
	"  --cold               you have no connection yet\n" \
	"  --known K            direct, introduced or cold\n" \
	"  --cadence DAYS       stay in touch every DAYS days (0 for never); a\n" \
	"                       check-in follow-up is kept due that long after the\n" \
	"                       last interaction\n"

static const char help_add[] =
	"Usage: infoview contact add NAME [OPTIONS]\n"
	"\n"
	"Adds a contact and prints a line about it with its short reference\n"
	"(with -q only its id, with --json the contact). NAME may be several\n"
	"words. A contact whose name (case-insensitively) or one of whose e-mail\n"
	"addresses another contact has already is named and not added, unless\n"
	"--force is given: two contacts of one name make that name ambiguous.\n"
	"\n"
	"Options:\n"
	FIELD_OPTIONS
	"  --force              add it even if a contact has the name or an e-mail\n"
	"  -q, --quiet          print only the new contact's id\n";

static const char help_edit[] =
	"Usage: infoview contact edit CONTACT [OPTIONS]\n"
	"\n"
	"Changes a contact. An empty value clears a field (--company '').\n"
	"\n"
	"Options:\n"
	"  --name NAME          rename\n"
	FIELD_OPTIONS
	"  --remove-email E     remove one address\n"
	"  --remove-tag T       remove one tag\n"
	"  --clear-emails       remove every address (before any --email)\n"
	"  --clear-tags         remove every tag (before any --tag)\n"
	"  -q, --quiet          print only the contact's id\n"
	"\n"
	"Prints a line about the contact (with --json, the contact). A new name\n"
	"or e-mail that another contact has too is warned about.\n";

static const char help_list[] =
	"Usage: infoview contact list [--company C] [--tag T]\n"
	"\n"
	"Lists contacts by name, with their degree of separation (1: you know them\n"
	"directly, 2: one introduction away, ...).\n"
	"\n"
	"Options:\n"
	"  --company C   only contacts at company C (case-insensitive)\n"
	"  --tag T       only contacts with tag T\n";

static const char help_show[] =
	"Usage: infoview contact show CONTACT\n"
	"\n"
	"Shows every field of a contact, how you reach them, the introductions to\n"
	"and from them, their interviews and the follow-ups pending for them.\n";

static const char help_touch[] =
	"Usage: infoview contact touch CONTACT [--note TEXT] [--at WHEN]\n"
	"\n"
	"Records an interaction with a contact: their last interaction becomes\n"
	"WHEN (default now), TEXT is kept as a note dated WHEN, and\n"
	"their stay-in-touch check-in moves.\n"
	"\n"
	WHEN_HELP;

static const char help_rm[] =
	"Usage: infoview contact rm CONTACT [--cascade] [--yes]\n"
	"\n"
	"Removes a contact. One that introductions, interviews or follow-ups name\n"
	"is kept (the message counts them) unless --cascade is given, which\n"
	"removes those too, with the follow-ups of those interviews; interviews\n"
	"of other people that came from those introductions stay, no longer\n"
	"linked to them. Everything that goes is listed, by short reference; on\n"
	"a terminal the command asks before removing it.\n"
	"\n"
	"Options:\n"
	"  --cascade   remove what names the contact too\n"
	"  --yes       do not ask (runs without a terminal never ask)\n";

enum {
	O_EMAIL = 1, O_PHONE, O_COMPANY, O_TITLE, O_LOCATION, O_URL, O_TAG, O_NOTE,
	O_DIRECT, O_INTRODUCED, O_COLD, O_KNOWN, O_CADENCE,
	O_NAME, O_REMOVE_EMAIL, O_REMOVE_TAG, O_CLEAR_EMAILS, O_CLEAR_TAGS,
	O_CASCADE, O_AT, O_YES, O_FORCE, O_QUIET, O_ABOUT
};

#define FIELD_OPTS \
	{ "email", O_EMAIL, 1 }, { "phone", O_PHONE, 1 }, { "company", O_COMPANY, 1 }, \
	{ "title", O_TITLE, 1 }, { "location", O_LOCATION, 1 }, { "url", O_URL, 1 }, \
	{ "tag", O_TAG, 1 }, { "note", O_NOTE, 1 }, { "direct", O_DIRECT, 0 }, \
	{ "introduced", O_INTRODUCED, 0 }, { "cold", O_COLD, 0 }, { "known", O_KNOWN, 1 }, \
	{ "cadence", O_CADENCE, 1 }, { "about", O_ABOUT, 1 }

static const struct opt add_opts[] = {
	FIELD_OPTS, { "force", O_FORCE, 0 }, { "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
};
static const struct opt edit_opts[] = {
	FIELD_OPTS,
	{ "name", O_NAME, 1 }, { "remove-email", O_REMOVE_EMAIL, 1 },
	{ "remove-tag", O_REMOVE_TAG, 1 }, { "clear-emails", O_CLEAR_EMAILS, 0 },
	{ "clear-tags", O_CLEAR_TAGS, 0 }, { "quiet", O_QUIET, 0 }, { NULL, 0, 0 },
};

static int apply(struct args *a, iv_contact *c, const struct setting *s)
{
	int v;

	switch (s->id) {
	case O_EMAIL:
		return args_check(a, s->opt, iv_contact_add_email(c, s->val));
	case O_PHONE:
		return args_check(a, s->opt, iv_contact_set_phone(c, s->val));
	case O_COMPANY:
		return args_check(a, s->opt, iv_contact_set_company(c, s->val));
	case O_TITLE:
		return args_check(a, s->opt, iv_contact_set_title(c, s->val));
	case O_LOCATION:
		return args_check(a, s->opt, iv_contact_set_location(c, s->val));
	case O_URL:
		return args_check(a, s->opt, iv_contact_set_url(c, s->val));
	case O_TAG:
		return args_check(a, s->opt, iv_contact_add_tag(c, s->val));
	case O_ABOUT:
		return args_check(a, s->opt, iv_contact_set_notes(c, s->val));
	case O_NOTE:
		/* A dated note of its own, stored once the contact is (add_notes()). */
		if (!s->val[0]) {
			args_error(a, "%s: a note needs some text", s->opt);
			return CLI_USAGE;
		}
		return 0;
	case O_NAME:
		return args_check(a, s->opt, iv_contact_set_name(c, s->val));
	case O_DIRECT:
		return args_check(a, s->opt, iv_contact_set_known(c, IV_KNOWN_DIRECT));
	case O_INTRODUCED:
		return args_check(a, s->opt, iv_contact_set_known(c, IV_KNOWN_INTRODUCED));
	case O_COLD:
		return args_check(a, s->opt, iv_contact_set_known(c, IV_KNOWN_COLD));
	case O_KNOWN:
		if (args_enum(a, s->opt, "known", s->val, &v))
			return CLI_USAGE;
		return args_check(a, s->opt, iv_contact_set_known(c, v));
	case O_CADENCE:
		if (args_int(a, s->opt, s->val, 0, 3650, &v))
			return CLI_USAGE;
		return args_check(a, s->opt, iv_contact_set_cadence_days(c, v));
	case O_REMOVE_EMAIL:
		return args_check(a, s->opt, iv_contact_remove_email(c, s->val));
	case O_REMOVE_TAG:
		return args_check(a, s->opt, iv_contact_remove_tag(c, s->val));
	case O_CLEAR_EMAILS:
		iv_contact_clear_emails(c);
		return 0;
	case O_CLEAR_TAGS:
		iv_contact_clear_tags(c);
		return 0;
	default:
		return 0;
	}
}

/* Reads a command whose positional arguments are the words of one NAME or CONTACT. */
static int read_named(struct args *a, const struct opt *opts, struct parsed *p, char **words,
		      const char *what)
{
	if (args_parse(a, opts, p, 1, -1, what))
		return 1;
	*words = parsed_words(p, 0);
	return 0;
}

/* Stores each --note of `p` as a dated note about contact `c`. */
static int add_notes(struct cli *ctx, const struct parsed *p, const iv_contact *c)
{
	size_t i;

	for (i = 0; i < p->nset; i++) {
		iv_note *n = NULL;
		int rc;

		if (p->set[i].id != O_NOTE)
			continue;
		if ((rc = iv_note_new(&n)) == 0 && (rc = iv_note_set_contact(n, iv_contact_id(c))) == 0 &&
		    (rc = iv_note_set_text(n, p->set[i].val)) == 0)
			rc = iv_note_insert(ctx->db, n);
		iv_note_free(n);
		if (rc < 0)
			return cli_fail();
	}
	return CLI_OK;
}

/* Prints a contact with --json: the record. */
static void print_stored(struct cli *ctx, const iv_contact *c)
{
	struct jw j;

	jw_init(&j, stdout);
	json_contact(&j, ctx, c);
	jw_finish(&j);
}

/* What add and edit print: a line about the contact, its id (-q) or the record (--json). */
static void print_saved(struct cli *ctx, const char *verb, const iv_contact *c)
{
	if (ctx->json && !ctx->quiet)
		print_stored(ctx, c);
	else
		summary_contact(ctx, verb, c);
}

/*
 * Reports the other contacts that `f` finds (any but `self`, which may be
 * NULL): each one named, as a warning when `warn`, else as the reason of a
 * failure. Adds how many to *found. Returns CLI_OK or CLI_FAIL (reported).
 */
static int report_same(struct cli *ctx, const iv_contact_filter *f, const char *self, const char *what,
		       const char *sep, int warn, int *found)
{
	char words[3 * IV_LIMIT_SHORT], sid[IV_ID_LEN + 1];
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int rc;

	if (iv_contact_list(&it, ctx->db, f) < 0)
		return cli_fail();
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		if (!self || strcmp(iv_contact_id(c), self) != 0) {
			short_id(sid, ctx, REF_CONTACT, iv_contact_id(c));
			words_contact(words, sizeof(words), ctx, c);
			if (warn)
				cli_warn("%s%s%s %s", what, sep, sid, words);
			else
				cli_failf("%s%s%s %s", what, sep, sid, words);
			++*found;
		}
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

/*
 * Another contact with the same name (ASCII case-insensitively) or one of
 * the same e-mail addresses makes every later reference by name ambiguous,
 * or is the same person twice: named, and refused unless `warn` (--force,
 * or an edit). `self` is the contact's own id on an edit. `name` and
 * `emails` say which of its fields to compare.
 */
static int check_same(struct cli *ctx, const iv_contact *c, const char *self, int name, int emails, int warn)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	char what[IV_LIMIT_SHORT + 64];
	int found = 0, rc = CLI_OK;
	size_t i;

	if (name) {
		f.name = iv_contact_name(c);
		snprintf(what, sizeof(what), "a contact named '%s' already exists", f.name);
		rc = report_same(ctx, &f, self, what, ": ", warn, &found);
		f.name = NULL;
	}
	for (i = 0; emails && rc == CLI_OK && i < iv_contact_email_count(c); i++) {
		f.email = iv_contact_email_at(c, i);
		snprintf(what, sizeof(what), "%s is already the e-mail of", f.email);
		rc = report_same(ctx, &f, self, what, " ", warn, &found);
	}
	if (rc == CLI_OK && found && !warn)
		rc = cli_failf("nothing added; give --force to add this contact anyway");
	return rc;
}

static int contact_add(struct cli *ctx, int argc, char **argv)
{
	iv_contact *c = NULL;
	struct parsed p;
	struct args a;
	char *name;
	size_t i;
	int rc = 0;

	args_init(&a, ctx, "contact add", help_add, argc, argv);
	if (read_named(&a, add_opts, &p, &name, "NAME"))
		return a.status;
	iv_contact_new(&c);
	if (iv_contact_set_name(c, name) < 0)
		rc = args_error(&a, "NAME: %s", iv_error_message());
	for (i = 0; rc == 0 && i < p.nset; i++)
		rc = apply(&a, c, &p.set[i]);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 &&
	    (rc = check_same(ctx, c, NULL, 1, 1, parsed_flag(&p, O_FORCE))) == 0) {
		if (iv_contact_insert(ctx->db, c) < 0)
			rc = cli_fail();
		else if ((rc = add_notes(ctx, &p, c)) == 0 && (rc = cli_commit(ctx)) == 0) {
			cli_ids_changed(ctx);
			print_saved(ctx, "Added", c);
		}
	}
	iv_contact_free(c);
	free(name);
	parsed_free(&p);
	return rc;
}

static int contact_edit(struct cli *ctx, int argc, char **argv)
{
	iv_contact *c = NULL, *scratch = NULL;
	struct parsed p;
	struct args a;
	char *ref;
	size_t i;
	int rc = 0;

	args_init(&a, ctx, "contact edit", help_edit, argc, argv);
	if (read_named(&a, edit_opts, &p, &ref, "CONTACT"))
		return a.status;
	/* Bad values are usage errors, found before the store is opened. */
	iv_contact_new(&scratch);
	for (i = 0; rc == 0 && i < p.nset; i++)
		if (p.set[i].id != O_REMOVE_EMAIL && p.set[i].id != O_REMOVE_TAG)
			rc = apply(&a, scratch, &p.set[i]);
	iv_contact_free(scratch);
	if (rc == 0 && p.nset == 0)
		rc = args_error(&a, "nothing to change: give at least one option");
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0) {
		for (i = 0; rc == 0 && i < p.nset; i++)
			rc = apply(&a, c, &p.set[i]);
		/* An edit only warns: the contact exists either way. */
		if (rc == 0)
			rc = check_same(ctx, c, iv_contact_id(c), parsed_flag(&p, O_NAME), parsed_flag(&p, O_EMAIL), 1);
		if (rc == 0 && iv_contact_update(ctx->db, c) < 0)
			rc = cli_fail();
		if (rc == 0)
			rc = add_notes(ctx, &p, c);
		if (rc == 0 && (rc = cli_commit(ctx)) == 0) {
			cli_ids_changed(ctx);
			print_saved(ctx, "Updated", c);
		}
	}
	iv_contact_free(c);
	free(ref);
	parsed_free(&p);
	return rc;
}

static int contact_list(struct cli *ctx, int argc, char **argv)
{
	enum { L_COMPANY = 1, L_TAG };
	static const struct opt opts[] = { { "company", L_COMPANY, 1 }, { "tag", L_TAG, 1 }, { NULL, 0, 0 } };
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	struct listing l;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "contact list", help_list, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	f.company = parsed_option(&p, L_COMPANY);
	f.tag = parsed_option(&p, L_TAG);
	if ((rc = cli_open(ctx, 0)) == 0) {
		listing_begin(&l, ctx, contact_table);
		rc = list_contacts(ctx, &f, l.j, l.t, &l.n);
		rc = listing_end(&l, ctx, rc, f.company || f.tag ? "No contacts match."
				 : "No contacts yet. Add one with 'infoview contact add NAME'.");
	}
	parsed_free(&p);
	return rc;
}

static void show_path(struct cli *ctx, struct jw *j, const char *id)
{
	iv_path *p = NULL;
	char *line;

	if (iv_db_path(&p, ctx->db, id) < 0)
		p = NULL;
	if (j) {
		jw_key(j, "path");
		if (p)
			json_path(j, ctx, p);
		else
			jw_null(j);
	} else if (p) {
		line = path_line(ctx, p);
		out_field(ctx, "Path", line);
		free(line);
	} else {
		out_field(ctx, "Path", "nobody you know leads to them yet");
	}
	iv_path_free(p);
}

static void show_fields(struct cli *ctx, const iv_contact *c)
{
	char buf[128], known[32];
	size_t i;
	int degree = contact_degree(ctx, iv_contact_id(c));

	out_heading(ctx, iv_contact_name(c));
	if (iv_contact_number(c))
		out_fieldf(ctx, "Id", "#%lld  %s", (long long)iv_contact_number(c), iv_contact_id(c));
	else
		out_field(ctx, "Id", iv_contact_id(c));
	out_field(ctx, "Company", iv_contact_company(c));
	out_field(ctx, "Title", iv_contact_title(c));
	for (i = 0; i < iv_contact_email_count(c); i++)
		out_field(ctx, i ? "" : "E-mail", iv_contact_email_at(c, i));
	out_field(ctx, "Phone", iv_contact_phone(c));
	out_field(ctx, "Location", iv_contact_location(c));
	out_field(ctx, "URL", iv_contact_url(c));
	if (iv_contact_tag_count(c)) {
		char **tags = xmalloc(iv_contact_tag_count(c) * sizeof(*tags));
		char *joined;

		for (i = 0; i < iv_contact_tag_count(c); i++)
			tags[i] = (char *)iv_contact_tag_at(c, i);
		joined = join_words(tags, (int)i, ", ");
		out_field(ctx, "Tags", joined);
		free(joined);
		free(tags);
	}
	enum_label(known, sizeof(known), "known", iv_contact_known(c));
	if (degree)
		out_fieldf(ctx, "Known", "%s, degree %d", known, degree);
	else
		out_fieldf(ctx, "Known", "%s, not reachable through your network", known);
	show_path(ctx, NULL, iv_contact_id(c));
	if (iv_contact_cadence_days(c))
		out_fieldf(ctx, "Stay in touch", "every %d days", iv_contact_cadence_days(c));
	fmt_when(buf, sizeof(buf), iv_contact_last_interaction(c), ctx->now);
	out_field(ctx, "Last contact", iv_contact_last_interaction(c) ? buf : "never recorded");
	out_field(ctx, "About", iv_contact_notes(c));
	fmt_when(buf, sizeof(buf), iv_contact_created(c), ctx->now);
	out_field(ctx, "Added", buf);
}

/* A titled table of what a contact is part of, skipped when empty. */
static void print_section(struct cli *ctx, const char *title, struct table *t)
{
	if (table_rows(t)) {
		printf("\n");
		out_heading(ctx, title);
		table_print(t, ctx, 2);
	}
	table_free(t);
}

static int show_related(struct cli *ctx, struct jw *j, const char *id)
{
	iv_intro_filter by = IV_INTRO_FILTER_INIT, to = IV_INTRO_FILTER_INIT;
	iv_interview_filter ivf = IV_INTERVIEW_FILTER_INIT;
	iv_followup_filter fuf = IV_FOLLOWUP_FILTER_INIT;
	struct table *intros = j ? NULL : intro_table();
	struct table *interviews = j ? NULL : interview_table();
	struct table *followups = j ? NULL : followup_table();
	int rc;

	to.introduced = id;
	by.introducer = id;
	ivf.contact = id;
	fuf.contact = id;
	fuf.status = IV_FOLLOWUP_PENDING;
	if (j) {
		jw_key(j, "introductions");
		jw_array(j);
	}
	rc = list_intros(ctx, &to, j, intros, NULL);
	if (rc == 0)
		rc = list_intros(ctx, &by, j, intros, NULL);
	if (j && rc == 0) {
		jw_array_end(j);
		jw_key(j, "interviews");
		jw_array(j);
	}
	if (rc == 0)
		rc = list_interviews(ctx, &ivf, j, interviews, NULL);
	if (j && rc == 0) {
		jw_array_end(j);
		jw_key(j, "followups");
		jw_array(j);
	}
	if (rc == 0)
		rc = list_followups(ctx, &fuf, j, followups, NULL);
	if (j && rc == 0)
		jw_array_end(j);
	if (!j && rc == 0) {
		print_section(ctx, "Introductions", intros);
		print_section(ctx, "Interviews", interviews);
		print_section(ctx, "Pending follow-ups", followups);
	} else {
		table_free(intros);
		table_free(interviews);
		table_free(followups);
	}
	return rc;
}

static int contact_show(struct cli *ctx, int argc, char **argv)
{
	iv_contact *c = NULL;
	struct parsed p;
	struct args a;
	struct jw j;
	char *ref;
	int rc;

	args_init(&a, ctx, "contact show", help_show, argc, argv);
	if (read_named(&a, NULL, &p, &ref, "CONTACT"))
		return a.status;
	parsed_free(&p);
	if ((rc = cli_open(ctx, 0)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0) {
		if (ctx->json) {
			/* The contact's fields, then what it is part of, in one object. */
			jw_init(&j, stdout);
			jw_object(&j);
			jw_key(&j, "contact");
			json_contact(&j, ctx, c);
			show_path(ctx, &j, iv_contact_id(c));
			rc = show_related(ctx, &j, iv_contact_id(c));
			if (rc == 0)
				rc = show_timeline(ctx, &j, iv_contact_id(c));
			jw_object_end(&j);
			if (rc == 0)
				jw_finish(&j);
		} else {
			show_fields(ctx, c);
			rc = show_related(ctx, NULL, iv_contact_id(c));
			if (rc == 0)
				rc = show_timeline(ctx, NULL, iv_contact_id(c));
		}
	}
	iv_contact_free(c);
	free(ref);
	return rc;
}

static int contact_touch(struct cli *ctx, int argc, char **argv)
{
	enum { T_NOTE = 1, T_AT };
	static const struct opt opts[] = { { "note", T_NOTE, 1 }, { "at", T_AT, 1 }, { NULL, 0, 0 } };
	const char *note = NULL;
	iv_contact *c = NULL;
	struct parsed p;
	iv_time at = 0;
	struct args a;
	char *ref;
	size_t i;
	int rc = 0;

	args_init(&a, ctx, "contact touch", help_touch, argc, argv);
	if (read_named(&a, opts, &p, &ref, "CONTACT"))
		return a.status;
	for (i = 0; rc == 0 && i < p.nset; i++) {
		if (p.set[i].id == T_NOTE)
			note = p.set[i].val;
		else
			rc = args_time(&a, p.set[i].opt, p.set[i].val, &at);
	}
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0) {
		if (iv_contact_interact(NULL, ctx->db, iv_contact_id(c), at, note) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0 && !ctx->json)
			out_printf("Noted an interaction with %s.\n", iv_contact_name(c));
	}
	if (rc == 0 && ctx->json) {
		iv_contact *now = NULL;

		if (iv_contact_lookup(&now, ctx->db, iv_contact_id(c)) < 0) {
			rc = cli_fail();
		} else {
			print_stored(ctx, now);
			iv_contact_free(now);
		}
	}
	iv_contact_free(c);
	free(ref);
	parsed_free(&p);
	return rc;
}

static int contact_rm(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "cascade", O_CASCADE, 0 }, { "yes", O_YES, 0 }, { NULL, 0, 0 },
	};
	char what[IV_LIMIT_SHORT + 64], sid[IV_ID_LEN + 1], counts[256];
	struct cascade cas = { 0 };
	iv_contact *c = NULL;
	struct parsed p;
	struct args a;
	int cascade, rc;
	char *ref;

	args_init(&a, ctx, "contact rm", help_rm, argc, argv);
	if (read_named(&a, opts, &p, &ref, "CONTACT"))
		return a.status;
	cascade = parsed_flag(&p, O_CASCADE);
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_contact(&c, ctx, ref)) == 0 &&
	    (rc = cascade_find(&cas, ctx, REF_CONTACT, iv_contact_id(c))) == 0) {
		snprintf(what, sizeof(what), "contact %s %s", short_id(sid, ctx, REF_CONTACT, iv_contact_id(c)),
			 iv_contact_name(c));
		if (!cascade && cas.removed)
			rc = cli_failf("%s is still named by %s; add --cascade to remove them too", what,
				       cascade_counts(counts, sizeof(counts), &cas, 0));
		else
			rc = cascade_confirm(&cas, ctx, what, parsed_flag(&p, O_YES));
	}
	if (rc == 0) {
		if (iv_contact_delete(ctx->db, iv_contact_id(c), cascade ? IV_DELETE_CASCADE : 0) < 0) {
			rc = cli_fail();
			if (iv_error_code() == IV_ECONSTRAINT)
				fprintf(stderr, "infoview: add --cascade to remove its introductions, "
						"interviews and follow-ups too\n");
		} else if ((rc = cli_commit(ctx)) == 0) {
			cascade_done(&cas, ctx, cascade, "contact", iv_contact_id(c), iv_contact_name(c));
		}
	}
	cascade_free(&cas);
	iv_contact_free(c);
	free(ref);
	parsed_free(&p);
	return rc;
}

int cmd_contact(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "add", contact_add }, { "list", contact_list }, { "show", contact_show },
		{ "edit", contact_edit }, { "touch", contact_touch }, { "rm", contact_rm },
		{ NULL, NULL },
	};

	return run_group(ctx, "contact", help_group, subs, "list", argc, argv);
}
