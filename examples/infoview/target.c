/*
 * infoview target: the employers you aim at, and the plan the library
 * computes for them from your network (the LAMP order).
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_group[] =
	"Usage: infoview target COMMAND [ARGS...]\n"
	"\n"
	"The employers you are aiming at, ranked in the LAMP order: motivation\n"
	"first, then advocacy (how close you are to someone there, computed from\n"
	"the introductions you recorded: 1 = you know someone there, 2 = one\n"
	"introduction away...), then whether they have a posting, then your own\n"
	"rank. For each, 'target list' says what to do next.\n"
	"\n"
	"Commands:\n"
	"  add NAME... [OPTIONS]     add a target employer\n"
	"  list                      the plan, in the LAMP order (the default)\n"
	"  edit TARGET [OPTIONS]     change a target\n"
	"  rm TARGET                 remove a target\n"
	"\n"
	"TARGET is its number as 'target list' shows it (#3, typed 3), an id\n"
	"prefix, or its name or an alias, case-insensitively.\n";

#define TARGET_OPTIONS_HELP \
	"  --motivation N   how much you want to work there: 1, 2 (default) or 3 (most)\n" \
	"  --posting        they have a relevant job posting (--no-posting: not)\n" \
	"  --alias NAME     another name contacts' companies give it (repeatable)\n" \
	"  --rank N         your own order among equals: 1 first; 0 for none\n" \
	"  --note TEXT      a note about it\n"

static const char help_add[] =
	"Usage: infoview target add NAME... [OPTIONS]\n"
	"\n"
	"Adds a target employer. Contacts whose company is NAME or one of its\n"
	"aliases (case-insensitively) work there.\n"
	"\n"
	"Options:\n"
	TARGET_OPTIONS_HELP
	"\n"
	"Example: infoview target add Pfizer --alias \"Pfizer Inc.\" --motivation 3\n";

static const char help_list[] =
	"Usage: infoview target list\n"
	"\n"
	"The plan: every target in the LAMP order (motivation, then advocacy,\n"
	"then posting, then your rank, then name), with the best degree at which\n"
	"you reach someone there, how many people at that degree, the best path\n"
	"(as 'path --company' finds it) and the next step: find a contact there,\n"
	"request an interview with someone you know there, ask someone to\n"
	"introduce you to the next person of the path, or wait for an answer\n"
	"already asked for. Someone an introduction was made to counts as known.\n";

static const char help_edit[] =
	"Usage: infoview target edit TARGET [OPTIONS]\n"
	"\n"
	"Changes a target.\n"
	"\n"
	"Options:\n"
	"  --name NAME      its name\n"
	TARGET_OPTIONS_HELP
	"  --no-alias NAME  remove an alias (repeatable)\n"
	"  --note ''        removes the note\n";

static const char help_rm[] =
	"Usage: infoview target rm TARGET\n"
	"\n"
	"Removes a target (nothing else refers to one).\n";

enum { O_NAME = 1, O_MOTIVATION, O_POSTING, O_NO_POSTING, O_ALIAS, O_NO_ALIAS, O_RANK, O_NOTE };

static const struct opt target_opts[] = {
	{ "name", O_NAME, 1 }, { "motivation", O_MOTIVATION, 1 }, { "posting", O_POSTING, 0 },
	{ "no-posting", O_NO_POSTING, 0 }, { "alias", O_ALIAS, 1 }, { "no-alias", O_NO_ALIAS, 1 },
	{ "rank", O_RANK, 1 }, { "note", O_NOTE, 1 }, { NULL, 0, 0 },
};

/* Applies the options in the order given; a refused value is a usage error. */
static int apply(struct args *a, iv_target *t, const struct parsed *p, int edit)
{
	size_t i;
	int v;

	for (i = 0; i < p->nset; i++) {
		const struct setting *s = &p->set[i];

		switch (s->id) {
		case O_NAME:
			if (!edit)
				return args_error(a, "--name: give the name as the first argument");
			if (args_check(a, "name", iv_target_set_name(t, s->val)))
				return a->status;
			break;
		case O_MOTIVATION:
			if (args_int(a, "motivation", s->val, 1, 3, &v) ||
			    args_check(a, "motivation", iv_target_set_motivation(t, v)))
				return a->status;
			break;
		case O_POSTING:
		case O_NO_POSTING:
			iv_target_set_posting(t, s->id == O_POSTING);
			break;
		case O_ALIAS:
			if (args_check(a, "alias", iv_target_add_alias(t, s->val)))
				return a->status;
			break;
		case O_NO_ALIAS:
			if (!edit)
				return args_error(a, "--no-alias: only 'target edit' removes aliases");
			if (args_check(a, "no-alias", iv_target_remove_alias(t, s->val)))
				return a->status;
			break;
		case O_RANK:
			if (args_int(a, "rank", s->val, 0, 1000000, &v) || args_check(a, "rank", iv_target_set_rank(t, v)))
				return a->status;
			break;
		case O_NOTE:
			if (args_check(a, "note", iv_target_set_note(t, s->val)))
				return a->status;
			break;
		}
	}
	return 0;
}

static void json_target_fields(struct jw *j, const iv_target *t)
{
	size_t i;

	jw_kstring(j, "id", iv_target_id(t));
	jw_kint(j, "number", (long long)iv_target_number(t));
	jw_kstring(j, "name", iv_target_name(t));
	jw_key(j, "aliases");
	jw_array(j);
	for (i = 0; i < iv_target_alias_count(t); i++)
		jw_string(j, iv_target_alias_at(t, i));
	jw_array_end(j);
	jw_kint(j, "motivation", iv_target_motivation(t));
	jw_kbool(j, "posting", iv_target_posting(t));
	jw_kint(j, "rank", iv_target_rank(t));
	jw_kstring(j, "note", iv_target_note(t));
	jw_ktime(j, "created", iv_target_created(t));
	jw_ktime(j, "updated", iv_target_updated(t));
}

static void print_target(struct cli *ctx, const iv_target *t, const char *verb)
{
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		json_target_fields(&j, t);
		jw_object_end(&j);
		jw_finish(&j);
	} else {
		out_printf("%s target #%lld %s.\n", verb, (long long)iv_target_number(t), iv_target_name(t));
	}
}

/* The one target `ref` names: "#3", "3", an id prefix, or its name or an alias. */
static int ref_target(iv_target **out, struct cli *ctx, const char *ref)
{
	iv_target_filter f = IV_TARGET_FILTER_INIT;
	iv_target_iter *it = NULL;
	iv_target *second = NULL;
	const char *digits = ref[0] == '#' ? ref + 1 : ref;
	char *end = NULL;
	long long number = strtoll(digits, &end, 10);
	int rc, pass;

	*out = NULL;
	/* A number, else an id prefix, else a name: the first that names one. */
	for (pass = 0; pass < 3; pass++) {
		f = (iv_target_filter)IV_TARGET_FILTER_INIT;
		if (pass == 0 && *digits >= '1' && *digits <= '9' && end && !*end && number > 0)
			f.number = number;
		else if (pass == 1 && strlen(ref) >= REF_MIN_HEX && strspn(ref, "0123456789abcdefABCDEF-") == strlen(ref))
			f.id_prefix = ref;
		else if (pass == 2 && *ref)
			f.name = ref;
		else
			continue;
		if ((rc = iv_target_list(&it, ctx->db, &f)) < 0)
			return cli_fail();
		rc = iv_target_iter_next(out, it);
		if (rc == 0 && iv_target_iter_next(&second, it) == 0) {
			iv_target_free(second);
			iv_target_free(*out);
			*out = NULL;
			iv_target_iter_free(it);
			return cli_failf("ambiguous target '%s': give more of its id, or its number", ref);
		}
		iv_target_iter_free(it);
		if (rc == 0)
			return CLI_OK;
		if (rc != IV_ITEROVER)
			return cli_fail();
	}
	return cli_failf("no target matches '%s' (see 'infoview target list')", ref);
}

static int target_add(struct cli *ctx, int argc, char **argv)
{
	iv_target *t = NULL;
	struct parsed p;
	struct args a;
	char *name;
	int rc = 0;

	args_init(&a, ctx, "target add", help_add, argc, argv);
	if (args_parse(&a, target_opts, &p, 1, -1, "NAME"))
		return a.status;
	name = parsed_words(&p, 0);
	iv_target_new(&t);
	if (args_check(&a, "name", iv_target_set_name(t, name)) || apply(&a, t, &p, 0))
		rc = a.status;
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0) {
		if (iv_target_insert(ctx->db, t) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_target(ctx, t, "Added");
	}
	iv_target_free(t);
	free(name);
	parsed_free(&p);
	return rc;
}

static int target_edit(struct cli *ctx, int argc, char **argv)
{
	iv_target *t = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "target edit", help_edit, argc, argv);
	if (args_parse(&a, target_opts, &p, 1, 1, "TARGET"))
		return a.status;
	if (p.nset == 0) {
		rc = args_error(&a, "nothing to change: give an option such as --motivation");
		parsed_free(&p);
		return rc;
	}
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_target(&t, ctx, p.pos[0])) == 0) {
		if (apply(&a, t, &p, 1))
			rc = a.status;
		else if (iv_target_update(ctx->db, t) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_target(ctx, t, "Updated");
	}
	iv_target_free(t);
	parsed_free(&p);
	return rc;
}

static int target_rm(struct cli *ctx, int argc, char **argv)
{
	iv_target *t = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "target rm", help_rm, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "TARGET"))
		return a.status;
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = ref_target(&t, ctx, p.pos[0])) == 0) {
		if (iv_target_delete(ctx->db, iv_target_id(t)) < 0)
			rc = cli_fail();
		else if ((rc = cli_commit(ctx)) == 0)
			print_removed(ctx, "target", iv_target_id(t), iv_target_name(t));
	}
	iv_target_free(t);
	parsed_free(&p);
	return rc;
}

/* The next step in words: "ask Bea Ruiz to introduce you to Cy Tan". */
static void step_words(char *buf, size_t n, const iv_target_plan_item *item)
{
	const char *who = iv_target_plan_item_step_contact_name(item);
	const char *about = iv_target_plan_item_step_about_name(item);

	switch (iv_target_plan_item_step(item)) {
	case IV_TARGET_STEP_REQUEST:
		snprintf(buf, n, "request an interview with %s", who);
		break;
	case IV_TARGET_STEP_ASK_INTRO:
		snprintf(buf, n, "ask %s to introduce you to %s", who, about);
		break;
	case IV_TARGET_STEP_WAIT:
		if (about)
			snprintf(buf, n, "wait for %s to introduce you to %s", who, about);
		else
			snprintf(buf, n, "wait for %s's answer to your interview request", who);
		break;
	default:
		snprintf(buf, n, "find someone who works there");
	}
}

static struct table *plan_table(void)
{
	static const char *const heads[] = { "ID", "TARGET", "MOTIVATION", "DEGREE", "PEOPLE", "POSTING", "PATH",
					     "NEXT STEP" };

	return table_new(8, heads);
}

static void plan_row(struct table *t, struct cli *ctx, const iv_target_plan_item *item)
{
	const iv_target *tg = iv_target_plan_item_target(item);
	const iv_path *path = iv_target_plan_item_path(item);
	char step[3 * IV_LIMIT_SHORT + 64];
	char *line;

	table_row(t);
	table_cellf(t, C_YELLOW, "#%lld", (long long)iv_target_number(tg));
	table_cell(t, C_BOLD, iv_target_name(tg));
	table_cellf(t, C_NONE, "%d", iv_target_motivation(tg));
	if (iv_target_plan_item_degree(item))
		table_cellf(t, C_NONE, "%d", iv_target_plan_item_degree(item));
	else
		table_cell(t, C_NONE, "-");
	table_cellf(t, C_NONE, "%zu", iv_target_plan_item_people(item));
	table_cell(t, C_NONE, iv_target_posting(tg) ? "yes" : "no");
	if (path) {
		line = path_line(ctx, path);
		table_cell(t, C_NONE, line);
		free(line);
	} else {
		table_cell(t, C_NONE, "-");
	}
	step_words(step, sizeof(step), item);
	table_cell(t, C_NONE, step);
}

static void plan_json(struct jw *j, struct cli *ctx, const iv_target_plan_item *item)
{
	char step[3 * IV_LIMIT_SHORT + 64];

	jw_object(j);
	json_target_fields(j, iv_target_plan_item_target(item));
	jw_kint(j, "degree", iv_target_plan_item_degree(item));
	jw_kint(j, "people", (long long)iv_target_plan_item_people(item));
	jw_key(j, "path");
	if (iv_target_plan_item_path(item))
		json_path(j, ctx, iv_target_plan_item_path(item));
	else
		jw_null(j);
	jw_kenum(j, "step", "target_step", iv_target_plan_item_step(item));
	jw_kstring(j, "step_contact", iv_target_plan_item_step_contact(item));
	jw_kstring(j, "step_contact_name", iv_target_plan_item_step_contact_name(item));
	jw_kstring(j, "step_about", iv_target_plan_item_step_about(item));
	jw_kstring(j, "step_about_name", iv_target_plan_item_step_about_name(item));
	step_words(step, sizeof(step), item);
	jw_kstring(j, "next", step);
	jw_object_end(j);
}

static int target_list(struct cli *ctx, int argc, char **argv)
{
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	int rc, err = IV_ITEROVER;

	args_init(&a, ctx, "target list", help_list, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, ""))
		return a.status;
	if ((rc = cli_open(ctx, 0)) == 0) {
		listing_begin(&l, ctx, plan_table);
		if (iv_target_plan(&it, ctx->db) < 0)
			rc = cli_fail();
		while (rc == 0 && (err = iv_target_plan_next(&item, it)) == 0) {
			if (l.j)
				plan_json(l.j, ctx, item);
			else
				plan_row(l.t, ctx, item);
			l.n++;
			iv_target_plan_item_free(item);
		}
		if (rc == 0 && err != IV_ITEROVER)
			rc = cli_fail();
		iv_target_plan_iter_free(it);
		rc = listing_end(&l, ctx, rc, "No targets. Add the employers you aim at with 'infoview target add NAME'.");
	}
	parsed_free(&p);
	return rc;
}

int cmd_target(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "add", target_add }, { "list", target_list }, { "edit", target_edit }, { "rm", target_rm },
		{ NULL, NULL },
	};

	return run_group(ctx, "target", help_group, subs, "list", argc, argv);
}
