/*
 * infoview path: who can introduce you to someone, or to anyone at a company.
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

static const char help[] =
	"Usage: infoview path --to CONTACT\n"
	"       infoview path --company NAME\n"
	"\n"
	"Who can introduce you: the shortest chains of introductions from people\n"
	"you know directly to a contact, or to each reachable contact at a company\n"
	"(shortest first, then by most recent interaction). Declined\n"
	"introductions do not count. Each chain is printed as a line such as\n"
	"\n"
	"  You -> Alex Kim -> Blake Chen -> Dana Smith (Pfizer)\n"
	"\n"
	"followed by how each introduction is made.\n"
	"\n"
	"Options:\n"
	"  --to CONTACT    a contact (id prefix or name)\n"
	"  --company NAME  anyone at a company (case-insensitive)\n";

enum { O_TO = 1, O_COMPANY };

struct found {
	iv_path **paths;
	size_t n;
};

static void found_add(struct found *f, iv_path *p)
{
	f->paths = xrealloc(f->paths, (f->n + 1) * sizeof(*f->paths));
	f->paths[f->n++] = p;
}

static void found_free(struct found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		iv_path_free(f->paths[i]);
	free(f->paths);
}

static int company_paths(struct cli *ctx, const char *company, struct found *f)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	int rc;

	if (iv_db_company_paths(&it, ctx->db, company) < 0)
		return cli_fail();
	while ((rc = iv_path_iter_next(&p, it)) == 0)
		found_add(f, p);
	iv_path_iter_free(it);
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

/* Whether one of the paths found leads to `id`. */
static int found_has(const struct found *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(iv_path_target(f->paths[i]), id) == 0)
			return 1;
	return 0;
}

/* Contacts at the company that no chain reaches (none of `found`'s): worth knowing about. */
static int unreachable_at(struct cli *ctx, const char *company, const struct found *found, struct jw *j)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	f.company = company;
	if (iv_contact_list(&it, ctx->db, &f) < 0)
		return cli_fail();
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		if (!found_has(found, iv_contact_id(c))) {
			if (j)
				jw_string(j, iv_contact_id(c));
			else
				out_printf("%s%s%s", n ? ", " : "\nAlso there, not reachable through your network yet: ",
				           iv_contact_name(c),
				           iv_contact_known(c) == IV_KNOWN_COLD ? " (cold)" : "");
			n++;
		}
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	if (n && !j)
		printf(".\n");
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

static void print_paths(struct cli *ctx, const struct found *f, const char *target)
{
	size_t i;

	if (f->n == 0) {
		out_printf("Nobody you know can introduce you to %s yet.\n", target);
		return;
	}
	out_printf("Who can introduce you to %s:\n", target);
	for (i = 0; i < f->n; i++) {
		char *line = path_line(ctx, f->paths[i]);

		printf("\n  %s", color_on(ctx, C_BOLD));
		out_printf("%s", line);
		printf("%s\n", color_off(ctx, C_BOLD));
		if (iv_path_length(f->paths[i]) == 1)
			out_printf("    you know %s directly\n", contact_name(ctx, iv_path_target(f->paths[i])));
		path_details(ctx, f->paths[i], 4);
		free(line);
	}
}

int path_show(struct cli *ctx, const iv_contact *to, const char *company, struct jw *j)
{
	char target[IV_LIMIT_SHORT + 32];
	struct found f = { NULL, 0 };
	iv_path *one = NULL;
	size_t i;
	int rc = CLI_OK;

	if (to) {
		/* Unreachable is an answer, not a failure. */
		int error = iv_db_path(&one, ctx->db, iv_contact_id(to));

		if (error == 0)
			found_add(&f, one);
		else if (error != IV_ENOTFOUND)
			return cli_fail();
		snprintf(target, sizeof(target), "%s", iv_contact_name(to));
	} else {
		rc = company_paths(ctx, company, &f);
		snprintf(target, sizeof(target), "anyone at %s", company);
	}
	if (rc == 0 && j) {
		jw_object(j);
		jw_kstring(j, "to", to ? iv_contact_id(to) : NULL);
		jw_kstring(j, "company", to ? NULL : company);
		jw_key(j, "paths");
		jw_array(j);
		for (i = 0; i < f.n; i++)
			json_path(j, ctx, f.paths[i]);
		jw_array_end(j);
		jw_key(j, "unreachable");
		jw_array(j);
		if (!to)
			rc = unreachable_at(ctx, company, &f, j);
		jw_array_end(j);
		jw_object_end(j);
	} else if (rc == 0) {
		print_paths(ctx, &f, target);
		if (!to)
			rc = unreachable_at(ctx, company, &f, NULL);
	}
	found_free(&f);
	return rc;
}

int cmd_path(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "to", O_TO, 1 }, { "company", O_COMPANY, 1 }, { NULL, 0, 0 } };
	const char *to, *company;
	iv_contact *c = NULL;
	struct parsed p;
	struct args a;
	struct jw j;
	int rc = 0;

	args_init(&a, ctx, "path", help, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	to = parsed_option(&p, O_TO);
	company = parsed_option(&p, O_COMPANY);
	if (!to == !company)
		rc = args_error(&a, "%s", to ? "give --to or --company, not both"
					      : "missing --to CONTACT or --company NAME");
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0 && (!to || (rc = ref_contact(&c, ctx, to)) == 0)) {
		jw_init(&j, stdout);
		if ((rc = path_show(ctx, c, company, ctx->json ? &j : NULL)) == 0 && ctx->json)
			jw_finish(&j);
	}
	iv_contact_free(c);
	parsed_free(&p);
	return rc;
}
