/*
 * infoview: the command-line program of libinfoview. This file reads the
 * global options and runs the command; each command group has its own file.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "out.h"
#include "ref.h"
#include "when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
	"Usage: infoview [--db PATH|URI] [--json] [--now WHEN] [COMMAND [ARGS...]]\n"
	"\n"
	"Keeps track of informational interviews: the people you know and who\n"
	"introduced you to whom, the interviews you ask for and hold, and the\n"
	"thank-yous and follow-ups you owe. With no command, shows the agenda.\n"
	"\n"
	"Commands:\n"
	"  agenda      what to do now (the default)\n"
	"  contact     add, list, show, edit, touch and remove contacts\n"
	"  intro       record who introduced you to whom\n"
	"  path        who can introduce you to someone, or to anyone at a company\n"
	"  interview   plan, request, schedule and complete interviews; questions\n"
	"  followup    list follow-ups, add one, mark them done or skipped\n"
	"  search      search contacts and interviews\n"
	"  import      bring contacts in: LinkedIn, Google, CSV, vCard; a backup\n"
	"  export      take everything out: vCard, iCalendar, a JSON backup, a\n"
	"              Graphviz picture of your network\n"
	"  note        dated notes about a contact\n"
	"  target      the employers you aim at, ranked, with the next step at each\n"
	"  draft       draft the message a follow-up calls for, an interview\n"
	"              request (checked) or an introduction request\n"
	"  template    the store's own templates for drafts\n"
	"  profile     your name, background and what you are exploring (for drafts)\n"
	"  rules       the timing of the follow-up rules; apply them again\n"
	"  week        the weekly review: how the week went, the week ahead\n"
	"  admin       set up a shared PostgreSQL database and its users\n"
	"  demo        a realistic example in a temporary store\n"
	"  help CMD    the help of a command (as 'infoview CMD --help')\n"
	"\n"
	"Options (before the command):\n"
	"  --db PATH   the store; default $INFOVIEW_DB, else\n"
	"              $XDG_DATA_HOME/infoview/infoview.db (~/.local/share/...),\n"
	"              created on first use; or your space in a shared PostgreSQL\n"
	"              database: postgresql://ROLE@HOST/DATABASE (or postgres://)\n"
	"  --json      print one JSON document (also accepted after the command)\n"
	"  --now WHEN  run as if it were WHEN; default $INFOVIEW_NOW, else the clock\n"
	"  --help      show this help\n"
	"  --version   show the versions of the program and the library\n"
	"\n"
	"Records are named by an id prefix of at least 4 hex digits (as tables show\n"
	"them), or contacts by their exact name, case-insensitively.\n"
	"\n"
	WHEN_HELP
	"\n"
	"Exit status: 0 success, 1 failure, 2 usage error. See infoview(1).\n";

struct command {
	const char *name;
	int (*run)(struct cli *ctx, int argc, char **argv);
};

static const struct command commands[] = {
	{ "agenda", cmd_agenda },
	{ "contact", cmd_contact },
	{ "intro", cmd_intro },
	{ "path", cmd_path },
	{ "interview", cmd_interview },
	{ "followup", cmd_followup },
	{ "search", cmd_search },
	{ "import", cmd_import },
	{ "export", cmd_export },
	{ "note", cmd_note },
	{ "target", cmd_target },
	{ "draft", cmd_draft },
	{ "template", cmd_template },
	{ "profile", cmd_profile },
	{ "rules", cmd_rules },
	{ "week", cmd_week },
	{ "admin", cmd_admin },
	{ "demo", cmd_demo },
	{ NULL, NULL },
};

static const struct command *find_command(const char *name)
{
	const struct command *c;

	for (c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* `--name VALUE` or `--name=VALUE` at argv[*i]; NULL if argv[*i] is not it. */
static const char *global_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	const char *arg = argv[*i];
	size_t len = strlen(name);

	if (strncmp(arg, name, len) != 0)
		return NULL;
	if (arg[len] == '=')
		return arg + len + 1;
	if (arg[len] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

/* `infoview help CMD`: the command's own --help. */
static int help_command(struct cli *ctx, int argc, char **argv)
{
	static char help_opt[] = "--help";
	const struct command *c;
	char *args[3];

	if (argc < 2) {
		fputs(help, stdout);
		return CLI_OK;
	}
	if (!(c = find_command(argv[1])))
		return usage_error("", "unknown command '%s'", argv[1]);
	args[0] = argv[1];
	args[1] = help_opt;
	args[2] = NULL;
	return c->run(ctx, 2, args);
}

static int run(struct cli *ctx, int argc, char **argv)
{
	const char *now_text = NULL, *now_from = "--now", *v, *why;
	const struct command *c;
	static char agenda[] = "agenda";
	char *dflt[] = { agenda, NULL };
	int i, missing = 0;

	ctx->db_path = nonempty_env("INFOVIEW_DB");
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(help, stdout);
			return CLI_OK;
		} else if (strcmp(arg, "--version") == 0) {
			printf("infoview %s (libinfoview %s)\n", IV_VERSION, iv_version(NULL, NULL, NULL));
			return CLI_OK;
		} else if (strcmp(arg, "--json") == 0) {
			ctx->json = 1;
		} else if ((v = global_value(argc, argv, &i, "--db", &missing))) {
			if (!*v)
				return usage_error("", "--db: the path is empty");
			ctx->db_path = v;
		} else if ((v = global_value(argc, argv, &i, "--now", &missing))) {
			now_text = v;
		} else if (missing) {
			return usage_error("", "option '%s' needs a value", arg);
		} else {
			return usage_error("", "unknown option '%s'", arg);
		}
	}
	if (!now_text && (now_text = nonempty_env("INFOVIEW_NOW")))
		now_from = "INFOVIEW_NOW";
	ctx->now = (iv_time)time(NULL);
	if (now_text) {
		if (when_parse(&ctx->now, now_text, ctx->now, &why) < 0)
			return usage_error("", "%s: cannot read '%s' as a time (%s); %s", now_from, now_text, why,
					   WHEN_FORMS);
		ctx->now_fixed = 1;
	}
	if (i >= argc)
		return cmd_agenda(ctx, 1, dflt);
	if (strcmp(argv[i], "help") == 0)
		return help_command(ctx, argc - i, argv + i);
	if (!(c = find_command(argv[i])))
		return usage_error("", "unknown command '%s'", argv[i]);
	return c->run(ctx, argc - i, argv + i);
}

int main(int argc, char **argv)
{
	struct cli ctx;
	int rc;

	memset(&ctx, 0, sizeof(ctx));
	ctx.color = out_want_color();
	rc = run(&ctx, argc, argv);
	if (ctx.db) {
		/* A command that failed leaves its transaction open: nothing it did stays. */
		while (iv_db_transaction_depth(ctx.db) > 0)
			if (iv_db_rollback(ctx.db) < 0)
				break;
	}
	cli_ids_changed(&ctx);
	/* Closing can fail only to copy the log into the file (a full disk): say so, nothing is lost. */
	iv_error_clear();
	iv_db_free(ctx.db);
	if (ctx.db && iv_error_code() < 0)
		fprintf(stderr, "infoview: warning: %s\n", iv_error_message());
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("infoview: cannot write the output\n", stderr);
		rc = CLI_FAIL;
	}
	return rc;
}
