/*
 * infoview admin: setting up a shared PostgreSQL database and giving each
 * person their own space in it.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"

#include <stdio.h>
#include <string.h>

static const char help_group[] =
	"Usage: infoview --db URI admin COMMAND [ARGS...]\n"
	"\n"
	"Sets up a PostgreSQL database that many people share, each in a space\n"
	"of their own, as its administrator (the database's owner or a superuser)\n"
	"with --db postgresql://ADMIN@HOST/DATABASE. Each person then uses\n"
	"--db postgresql://THEIR_ROLE@HOST/DATABASE and sees only their own\n"
	"records.\n"
	"\n"
	"Commands:\n"
	"  init                create the schema (or bring it up to date)\n"
	"  add-user ROLE       give an existing login role its own space\n"
	"  remove-user ROLE    delete every record of ROLE and take back its\n"
	"                      space (the role itself stays)\n";

static const char help_init[] =
	"Usage: infoview --db URI admin init\n"
	"\n"
	"Creates the schema 'infoview' (tables, indexes, row-level security) in the\n"
	"database, or brings it up to date; running it again changes nothing.\n";

static const char help_add[] =
	"Usage: infoview --db URI admin add-user ROLE\n"
	"\n"
	"Gives ROLE, an existing login role (CREATE ROLE name LOGIN ...), its own\n"
	"space in the database: it can then open the store as itself and sees and\n"
	"changes only its own records. Running it again changes nothing.\n";

static const char help_remove[] =
	"Usage: infoview --db URI admin remove-user ROLE\n"
	"\n"
	"Deletes every record of ROLE and takes back its space; the role itself\n"
	"stays (DROP ROLE it afterwards if it should go). Cannot be undone.\n";

/* The database the administrator named: a PostgreSQL one, or a usage error. */
static int admin_db(struct args *a, const char **conninfo)
{
	const char *db = a->ctx->db_path;

	if (!db || (strncmp(db, "postgresql://", 13) != 0 && strncmp(db, "postgres://", 11) != 0))
		return args_error(a, "admin works on a PostgreSQL database: name it with "
				     "--db postgresql://USER@HOST/DATABASE (or $INFOVIEW_DB)");
	*conninfo = db;
	return 0;
}

static void print_done(struct cli *ctx, const char *action, const char *role, const char *text)
{
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "action", action);
		if (role)
			jw_kstring(&j, "role", role);
		jw_object_end(&j);
		jw_finish(&j);
		return;
	}
	puts(text);
}

static int admin_init(struct cli *ctx, int argc, char **argv)
{
	const char *conninfo = NULL;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "admin init", help_init, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, NULL))
		return a.status;
	parsed_free(&p);
	if ((rc = admin_db(&a, &conninfo)) != 0)
		return rc;
	if (iv_postgres_init(conninfo) < 0)
		return cli_fail();
	print_done(ctx, "init", NULL,
		   "The database is ready. Give each person their space with\n"
		   "  infoview --db URI admin add-user ROLE");
	return CLI_OK;
}

static int admin_user(struct cli *ctx, int argc, char **argv, int add)
{
	const char *conninfo = NULL, *role;
	char text[512];
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, add ? "admin add-user" : "admin remove-user", add ? help_add : help_remove, argc, argv);
	if (args_parse(&a, NULL, &p, 1, 1, "ROLE"))
		return a.status;
	role = p.pos[0];
	if ((rc = admin_db(&a, &conninfo)) == 0 && !*role)
		rc = args_error(&a, "the role's name is empty");
	if (rc == 0 && (add ? iv_postgres_add_user(conninfo, role) : iv_postgres_remove_user(conninfo, role)) < 0)
		rc = cli_fail();
	if (rc == 0) {
		if (add)
			snprintf(text, sizeof(text), "%s has a space of its own: it opens it with\n"
				 "  infoview --db postgresql://%s@HOST/DATABASE", role, role);
		else
			snprintf(text, sizeof(text), "%s has no space any more: its records are deleted.", role);
		print_done(ctx, add ? "add-user" : "remove-user", role, text);
	}
	parsed_free(&p);
	return rc;
}

static int admin_add(struct cli *ctx, int argc, char **argv)
{
	return admin_user(ctx, argc, argv, 1);
}

static int admin_remove(struct cli *ctx, int argc, char **argv)
{
	return admin_user(ctx, argc, argv, 0);
}

int cmd_admin(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "init", admin_init }, { "add-user", admin_add }, { "remove-user", admin_remove }, { NULL, NULL },
	};

	return run_group(ctx, "admin", help_group, subs, NULL, argc, argv);
}
