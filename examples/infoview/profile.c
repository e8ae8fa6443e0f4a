/*
 * infoview profile: who you are, for the drafts.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"

#include <stdio.h>

static const char help_group[] =
	"Usage: infoview profile [show | set OPTIONS]\n"
	"\n"
	"Your own profile, which drafts introduce you with.\n"
	"\n"
	"Commands:\n"
	"  show                 print it (the default)\n"
	"  set [--name N] [--background B] [--exploring E]\n"
	"                       change it; an empty value clears a field\n";

static const char help_show[] =
	"Usage: infoview profile show\n"
	"\n"
	"Prints your profile.\n";

static const char help_set[] =
	"Usage: infoview profile set [--name N] [--background B] [--exploring E]\n"
	"\n"
	"Changes your profile; an empty value clears a field.\n"
	"\n"
	"Options:\n"
	"  --name N         your name\n"
	"  --background B   one line about you (\"eight years as a hospital pharmacist\")\n"
	"  --exploring E    what you are exploring (\"moving into regulatory affairs\")\n";

enum { O_NAME = 1, O_BACKGROUND, O_EXPLORING };

static void print_profile(struct cli *ctx, const iv_profile *pr)
{
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "name", iv_profile_name(pr));
		jw_kstring(&j, "background", iv_profile_background(pr));
		jw_kstring(&j, "exploring", iv_profile_exploring(pr));
		jw_object_end(&j);
		jw_finish(&j);
		return;
	}
	if (!iv_profile_name(pr) && !iv_profile_background(pr) && !iv_profile_exploring(pr)) {
		printf("No profile yet. Set one with\n"
		       "  infoview profile set --name N --background B --exploring E\n");
		return;
	}
	out_field(ctx, "Name", iv_profile_name(pr));
	out_field(ctx, "Background", iv_profile_background(pr));
	out_field(ctx, "Exploring", iv_profile_exploring(pr));
}

static int apply(struct args *a, iv_profile *pr, const struct parsed *p)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < p->nset; i++) {
		const struct setting *s = &p->set[i];

		if (s->id == O_NAME)
			rc = args_check(a, s->opt, iv_profile_set_name(pr, s->val));
		else if (s->id == O_BACKGROUND)
			rc = args_check(a, s->opt, iv_profile_set_background(pr, s->val));
		else
			rc = args_check(a, s->opt, iv_profile_set_exploring(pr, s->val));
	}
	return rc;
}

static int profile_show(struct cli *ctx, int argc, char **argv)
{
	iv_profile *pr = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "profile show", help_show, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, NULL))
		return a.status;
	parsed_free(&p);
	if ((rc = cli_open(ctx, 0)) == 0 && iv_profile_get(&pr, ctx->db) < 0)
		rc = cli_fail();
	if (rc == 0)
		print_profile(ctx, pr);
	iv_profile_free(pr);
	return rc;
}

static int profile_set(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "name", O_NAME, 1 }, { "background", O_BACKGROUND, 1 }, { "exploring", O_EXPLORING, 1 },
		{ NULL, 0, 0 },
	};
	iv_profile *pr = NULL;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "profile set", help_set, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	if (p.nset == 0)
		rc = args_error(&a, "nothing to change: give --name, --background or --exploring");
	/* Bad values are usage errors, found before the store is opened. */
	iv_profile_new(&pr);
	if (rc == 0)
		rc = apply(&a, pr, &p);
	iv_profile_free(pr);
	pr = NULL;
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0) {
		if (iv_profile_get(&pr, ctx->db) < 0)
			rc = cli_fail();
		else if ((rc = apply(&a, pr, &p)) == 0 && iv_profile_set(ctx->db, pr) < 0)
			rc = cli_fail();
		else if (rc == 0 && (rc = cli_commit(ctx)) == 0)
			print_profile(ctx, pr);
	}
	iv_profile_free(pr);
	parsed_free(&p);
	return rc;
}

int cmd_profile(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "show", profile_show }, { "set", profile_set }, { NULL, NULL },
	};

	return run_group(ctx, "profile", help_group, subs, "show", argc, argv);
}
