/*
 * infoview template: the store's own templates for the drafts, one per
 * kind of message, used instead of the built-in ones.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help_group[] =
	"Usage: infoview template [list | show KIND | set KIND FILE | reset KIND]\n"
	"\n"
	"The templates drafts are made from, one per KIND of message: request,\n"
	"request-introduced, thanks, thanks-introducer, introducer-update,\n"
	"nudge-followup, nudge-other, check-in, report-back, custom,\n"
	"intro-request. A template of the store's own replaces the built-in one.\n"
	"\n"
	"Commands:\n"
	"  list              each kind, and whether the store has its own (the default)\n"
	"  show KIND         the template in use for KIND\n"
	"  set KIND FILE     use the template in FILE (- for standard input),\n"
	"                    checked first\n"
	"  reset KIND        go back to the built-in template\n"
	"\n"
	"Start from the built-in one: infoview template show KIND > FILE.\n";

static const char help_list[] =
	"Usage: infoview template list\n"
	"\n"
	"Lists each kind of template and whether the store has its own.\n";

static const char help_show[] =
	"Usage: infoview template show KIND [--built-in]\n"
	"\n"
	"Prints the template in use for KIND: the store's own, else the built-in.\n"
	"\n"
	"Options:\n"
	"  --built-in   the built-in one, even if the store has its own\n";

static const char help_set[] =
	"Usage: infoview template set KIND FILE\n"
	"\n"
	"Makes the template in FILE (- for standard input) the store's own for\n"
	"KIND. It is checked first: an unknown {placeholder}, an unclosed { or a\n"
	"section not closed changes nothing. See infoview(1) for the placeholders.\n";

static const char help_reset[] =
	"Usage: infoview template reset KIND\n"
	"\n"
	"Removes the store's own template for KIND: drafts use the built-in one.\n";

enum { O_BUILT_IN = 1 };

/* KIND as iv_enum_value() reads it ("check-in" or "check_in"); 1 after a usage error. */
static int read_kind(struct args *a, const char *val, int *which)
{
	char names[512], label[64];
	const char *name;
	size_t i, used = 0;
	int v;

	if (iv_enum_value(which, "template", val) == 0)
		return 0;
	names[0] = '\0';
	for (i = 0; iv_enum_at(&v, &name, "template", i) == 0 && used < sizeof(names); i++)
		used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s", i ? ", " : "",
					 enum_label(label, sizeof(label), "template", v));
	args_error(a, "unknown kind of template '%s' (one of: %s)", val, names);
	return 1;
}

/* The store's template for `which` into *out (NULL if none). */
static int store_template(char **out, struct cli *ctx, int which)
{
	return iv_draft_template_get(out, ctx->db, which) < 0 ? cli_fail() : CLI_OK;
}

static int template_list(struct cli *ctx, int argc, char **argv)
{
	char label[64], *own = NULL;
	const char *name;
	struct parsed p;
	struct args a;
	struct jw j;
	int rc, which;
	size_t i;

	args_init(&a, ctx, "template list", help_list, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, NULL))
		return a.status;
	parsed_free(&p);
	if ((rc = cli_open(ctx, 0)) != CLI_OK)
		return rc;
	if (ctx->json) {
		jw_init(&j, stdout);
		jw_array(&j);
	}
	for (i = 0; iv_enum_at(&which, &name, "template", i) == 0 && rc == CLI_OK; i++) {
		if ((rc = store_template(&own, ctx, which)) != CLI_OK)
			break;
		if (ctx->json) {
			jw_object(&j);
			jw_kstring(&j, "kind", name);
			jw_kbool(&j, "custom", own != NULL);
			jw_object_end(&j);
		} else {
			out_printf("%-20s %s\n", enum_label(label, sizeof(label), "template", which),
				   own ? "the store's own" : "built-in");
		}
		iv_free(own);
		own = NULL;
	}
	if (ctx->json) {
		jw_array_end(&j);
		jw_finish(&j);
	}
	return rc;
}

static void print_template(struct cli *ctx, int which, const char *text, int own)
{
	struct jw j;

	if (!ctx->json) {
		out_printf("%s", text);
		if (*text && text[strlen(text) - 1] != '\n')
			putchar('\n');
		return;
	}
	jw_init(&j, stdout);
	jw_object(&j);
	jw_kenum(&j, "kind", "template", which);
	jw_kbool(&j, "custom", own);
	jw_kstring(&j, "text", text);
	jw_object_end(&j);
	jw_finish(&j);
}

static int template_show(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "built-in", O_BUILT_IN, 0 }, { NULL, 0, 0 } };
	char *own = NULL;
	struct parsed p;
	struct args a;
	int rc, which;

	args_init(&a, ctx, "template show", help_show, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "KIND"))
		return a.status;
	if (read_kind(&a, p.pos[0], &which)) {
		parsed_free(&p);
		return a.status;
	}
	if ((rc = cli_open(ctx, 0)) == CLI_OK && !p.nset)
		rc = store_template(&own, ctx, which);
	if (rc == CLI_OK)
		print_template(ctx, which, own ? own : iv_draft_default_template(which), own != NULL);
	iv_free(own);
	parsed_free(&p);
	return rc;
}

static int template_set(struct cli *ctx, int argc, char **argv)
{
	char *text = NULL;
	struct parsed p;
	struct args a;
	int rc, which;

	args_init(&a, ctx, "template set", help_set, argc, argv);
	if (args_parse(&a, NULL, &p, 2, 2, "KIND FILE"))
		return a.status;
	if (read_kind(&a, p.pos[0], &which)) {
		parsed_free(&p);
		return a.status;
	}
	if ((rc = draft_read_text(&text, p.pos[1])) == CLI_OK && (rc = cli_open(ctx, 1)) == CLI_OK) {
		if (iv_draft_template_set(ctx->db, which, text) < 0)
			rc = cli_fail();
		else
			rc = cli_commit(ctx);
	}
	if (rc == CLI_OK && ctx->json)
		print_template(ctx, which, text, 1);
	else if (rc == CLI_OK)
		printf("Drafts of kind %s now use your template.\n", p.pos[0]);
	free(text);
	parsed_free(&p);
	return rc;
}

static int template_reset(struct cli *ctx, int argc, char **argv)
{
	struct parsed p;
	struct args a;
	int rc, which;

	args_init(&a, ctx, "template reset", help_reset, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "KIND"))
		return a.status;
	if (read_kind(&a, p.pos[0], &which)) {
		parsed_free(&p);
		return a.status;
	}
	if ((rc = cli_open(ctx, 1)) == CLI_OK) {
		if (iv_draft_template_clear(ctx->db, which) < 0)
			rc = cli_fail();
		else
			rc = cli_commit(ctx);
	}
	if (rc == CLI_OK && ctx->json)
		print_template(ctx, which, iv_draft_default_template(which), 0);
	else if (rc == CLI_OK)
		printf("Drafts of kind %s use the built-in template again.\n", p.pos[0]);
	parsed_free(&p);
	return rc;
}

int cmd_template(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "list", template_list }, { "show", template_show }, { "set", template_set },
		{ "reset", template_reset }, { NULL, NULL },
	};

	return run_group(ctx, "template", help_group, subs, "list", argc, argv);
}
