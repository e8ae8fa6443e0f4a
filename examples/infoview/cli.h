/*
 * infoview: what every command shares: the run's context, exit codes,
 * opening the store, reporting failures.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_CLI_H
#define INFOVIEW_CLI_H

#include <infoview/infoview.h>

#include <stddef.h>

/* Exit statuses, as the man page documents them. */
#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

struct refcache;
struct jw;

/* One run of the program. */
struct cli {
	/* --db or $INFOVIEW_DB; NULL lets the library pick (and create) its default */
	const char *db_path;
	iv_db *db;
	int json;
	/* -q: a command that stores a record prints only its id */
	int quiet;
	int color;
	/* the moment the command runs at: --now, $INFOVIEW_NOW or the system clock */
	iv_time now;
	/* when --now was given the store's clock is pinned to `now` */
	int now_fixed;
	/* the command running ("contact add"), named in usage hints */
	const char *cmd;
	/* contact names looked up for display (ref.c); made on demand */
	struct refcache *refs;
	/* the network, for degrees of separation; loaded on demand */
	iv_network *net;
	/* how many degrees were found without it, walking back from each contact */
	int degree_walks;
};

/* The kinds of record a reference can name. */
enum ref_kind { REF_CONTACT, REF_INTRO, REF_INTERVIEW, REF_FOLLOWUP };

/*
 * Opens the store. A command that writes passes `write`: everything it does
 * then happens in one transaction, which cli_commit() ends and main() rolls
 * back if the command fails, so that a failed command writes nothing.
 * Returns CLI_OK or CLI_FAIL (reported).
 */
int cli_open(struct cli *ctx, int write);
int cli_commit(struct cli *ctx);
/* Forgets the cached names and network after a command inserted or deleted records. */
void cli_ids_changed(struct cli *ctx);
/* The network of the store, loaded once; NULL (reported) if it cannot be. */
const iv_network *cli_network(struct cli *ctx);

/* Reports the library's last error ("infoview: <message>"); returns CLI_FAIL. */
int cli_fail(void);
/* Reports a failure in the program's own words; returns CLI_FAIL. */
int cli_failf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* A warning on stderr ("infoview: warning: ..."). */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Allocation that cannot fail: a command-line program just stops. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Joins `n` words with `sep` between them; free with free(). */
char *join_words(char **words, int n, const char *sep);

/* The command groups, each given its own argv (argv[0] is the group's name). */
int cmd_contact(struct cli *ctx, int argc, char **argv);
int cmd_intro(struct cli *ctx, int argc, char **argv);
int cmd_path(struct cli *ctx, int argc, char **argv);
int cmd_interview(struct cli *ctx, int argc, char **argv);
int cmd_followup(struct cli *ctx, int argc, char **argv);
int cmd_agenda(struct cli *ctx, int argc, char **argv);
int cmd_search(struct cli *ctx, int argc, char **argv);
int cmd_import(struct cli *ctx, int argc, char **argv);
int cmd_export(struct cli *ctx, int argc, char **argv);
int cmd_note(struct cli *ctx, int argc, char **argv);
int cmd_target(struct cli *ctx, int argc, char **argv);
/* A target's next step in words, "ask Bea Ruiz to introduce you to Cy Tan" (target.c). */
void target_step_words(char *buf, size_t n, const iv_target_plan_item *item);
int cmd_draft(struct cli *ctx, int argc, char **argv);
int cmd_template(struct cli *ctx, int argc, char **argv);
int cmd_profile(struct cli *ctx, int argc, char **argv);
int cmd_rules(struct cli *ctx, int argc, char **argv);
int cmd_admin(struct cli *ctx, int argc, char **argv);
int cmd_demo(struct cli *ctx, int argc, char **argv);
int cmd_week(struct cli *ctx, int argc, char **argv);
/*
 * The week ahead (week.c): the top targets where you know nobody yet, with
 * who could introduce you; `j` NULL for words, else a JSON array into it.
 */
int week_ahead(struct cli *ctx, struct jw *j);
/* The review of the week holding `at`, then the week ahead; `j` NULL for words, else an object into it. */
int week_show(struct cli *ctx, iv_time at, struct jw *j);
/*
 * What the demo shows, as the agenda and path commands print it; `j` NULL
 * for words, else values written into it.
 */
int agenda_show(struct cli *ctx, int days, struct jw *j);
int path_show(struct cli *ctx, const iv_contact *to, const char *company, struct jw *j);

/* Reads a whole file ("-": standard input), NUL-terminated, into *out (free with free()); in draft.c. */
int draft_read_text(char **out, const char *path);

/* `interview questions`, in questions.c. */
int cmd_questions(struct cli *ctx, int argc, char **argv);

#endif
