/*
 * infoview: parsing a command's arguments, and usage errors.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_ARGS_H
#define INFOVIEW_ARGS_H

#include "cli.h"

/* One long option a command accepts ("--name" or "--name=value"). */
struct opt {
	const char *name;  /* without the leading "--" */
	int id;            /* > 0, returned by args_next() */
	int value;         /* 1 if the option takes a value */
};

/*
 * A command that lists { "quiet", O_QUIET, 0 } among its options accepts
 * --quiet and -q, which set the run's quiet mode (ctx->quiet) as --json
 * sets its JSON mode; args_next() never returns them. One that lists
 * "output" also accepts -o for --output.
 */

/* What args_next() returns besides an option's id. */
enum {
	ARG_END = 0,   /* no more arguments */
	ARG_POS = -1,  /* a positional argument, in *val */
	ARG_STOP = -2  /* --help was shown or a usage error reported: exit with a.status */
};

/*
 * A command's arguments being read. Options and positional arguments may
 * come in any order; "--" ends the options. --help (or -h) prints the
 * command's help on stdout, and --json, accepted by every command, sets the
 * run's JSON mode as the global option does.
 */
struct args {
	struct cli *ctx;
	const char *cmd;   /* "contact add": named in messages and hints */
	const char *help;  /* the --help text */
	int argc;
	char **argv;
	int i;
	int only_pos;
	int status;
	/* the name of the option args_next() returned last */
	const char *opt;
};

/* `argv[0]` is the command's own name; reading starts after it. */
void args_init(struct args *a, struct cli *ctx, const char *cmd, const char *help,
	       int argc, char **argv);
int args_next(struct args *a, const struct opt *opts, const char **val);

/*
 * Reports a usage error ("infoview: <message>" and a hint naming the
 * command's --help) on stderr; returns CLI_USAGE, also kept in a->status.
 */
int args_error(struct args *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* An option as given on the command line. */
struct setting {
	int id;
	const char *opt; /* its name, for messages */
	const char *val; /* its value, or NULL for a flag */
};

/* Every argument of a command, read before acting on any. */
struct parsed {
	char **pos;         /* the positional arguments, in order */
	int npos;
	struct setting *set; /* the options, in order */
	size_t nset;
};

/*
 * Reads all of a command's arguments into `p`. Returns 0 to go on (free `p`
 * with parsed_free()), or 1 when the command must stop: --help was shown or
 * a usage error reported; a->status is then the exit status and `p` holds
 * nothing.
 */
int args_read(struct args *a, const struct opt *opts, struct parsed *p);
/*
 * args_read(), then checks there are `min` to `max` (-1: any) positional
 * arguments, naming `what` when some are missing. Returns 0 or 1 as
 * args_read() does.
 */
int args_parse(struct args *a, const struct opt *opts, struct parsed *p, int min, int max,
	       const char *what);
void parsed_free(struct parsed *p);
/* The value of the last option `id` given, or NULL. */
const char *parsed_option(const struct parsed *p, int id);
/* Whether option `id` (a flag or not) was given. */
int parsed_flag(const struct parsed *p, int id);
/* The positional arguments from `from` on, joined by spaces ("Dana Smith"); free with free(). */
char *parsed_words(const struct parsed *p, int from);

/*
 * Option values, `opt` being the option's name without "--". Each returns
 * 0, or reports a usage error naming the option and returns CLI_USAGE.
 */
int args_int(struct args *a, const char *opt, const char *val, long min, long max, int *out);
int args_time(struct args *a, const char *opt, const char *val, iv_time *out);
/* A value of one of the library's enumerations (iv_enum_value()'s `type`). */
int args_enum(struct args *a, const char *opt, const char *type, const char *val, int *out);
/* A setter's result: a refused value is the user's bad argument. */
int args_check(struct args *a, const char *opt, int rc);
/*
 * Checks the number of positional arguments `pos[0..n)`: at least `min`
 * (else "missing <what>"), at most `max` (-1 for any).
 */
int args_count(struct args *a, char **pos, int n, int min, int max, const char *what);

/* A group of subcommands ("contact add", "contact list", ...). */
struct subcommand {
	const char *name;
	int (*run)(struct cli *ctx, int argc, char **argv);
};

/*
 * Runs the subcommand argv[1] of `group`. With no subcommand, or when the
 * first argument is an option, runs `dflt` (e.g. "list") with the rest; a
 * NULL `dflt` makes that a usage error.
 */
int run_group(struct cli *ctx, const char *group, const char *help,
	      const struct subcommand *subs, const char *dflt, int argc, char **argv);

#endif
