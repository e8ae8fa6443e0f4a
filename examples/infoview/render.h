/*
 * infoview: how each kind of record looks: as JSON (stable snake_case field
 * names, ISO 8601 times, null for unset) and as a row of a table.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_RENDER_H
#define INFOVIEW_RENDER_H

#include "cli.h"
#include "json.h"
#include "out.h"

void json_contact(struct jw *j, struct cli *ctx, const iv_contact *c);
void json_intro(struct jw *j, struct cli *ctx, const iv_intro *in);
void json_interview(struct jw *j, struct cli *ctx, const iv_interview *iv);
void json_followup(struct jw *j, struct cli *ctx, const iv_followup *fu);

/* Tables of each kind: make one, add rows, print, free. */
struct table *contact_table(void);
void contact_row(struct table *t, struct cli *ctx, const iv_contact *c);
struct table *intro_table(void);
void intro_row(struct table *t, struct cli *ctx, const iv_intro *in);
struct table *interview_table(void);
void interview_row(struct table *t, struct cli *ctx, const iv_interview *iv);
struct table *followup_table(void);
void followup_row(struct table *t, struct cli *ctx, const iv_followup *fu);

/*
 * Lists the records a filter selects: as JSON values into `j` when it is
 * not NULL, else as rows of `t`. Sets *count (may be NULL) to how many.
 * Returns CLI_OK or CLI_FAIL (reported).
 */
int list_contacts(struct cli *ctx, const iv_contact_filter *f, struct jw *j, struct table *t, size_t *count);
int list_intros(struct cli *ctx, const iv_intro_filter *f, struct jw *j, struct table *t, size_t *count);
int list_interviews(struct cli *ctx, const iv_interview_filter *f, struct jw *j, struct table *t, size_t *count);
int list_followups(struct cli *ctx, const iv_followup_filter *f, struct jw *j, struct table *t, size_t *count);

/*
 * A listing command's output: a JSON array, or a table with a line saying
 * there is nothing when it stays empty. listing_end() prints it (if `rc` is
 * CLI_OK), frees it, and returns `rc`.
 */
struct listing {
	struct jw json;
	struct jw *j;   /* &json in JSON mode, else NULL */
	struct table *t;  /* the table otherwise */
	size_t n;         /* how many records were listed */
};
void listing_begin(struct listing *l, struct cli *ctx, struct table *(*make)(void));
int listing_end(struct listing *l, struct cli *ctx, int rc, const char *none);

/*
 * A path through your network as a line: "You -> Alex Kim -> Blake Chen ->
 * Dana Smith (Pfizer)"; free with free().
 */
char *path_line(struct cli *ctx, const iv_path *p);
/* Under the line, how each introduction on the path was made. */
void path_details(struct cli *ctx, const iv_path *p, int indent);
/* {"length": N, "hops": [{"contact": .., "name": .., "company": .., "intro": .., "channel": .., "status": ..}]} */
void json_path(struct jw *j, struct cli *ctx, const iv_path *p);

/* What a successful rm prints: "Removed contact Dana Smith." or {"removed": id}. */
void print_removed(struct cli *ctx, const char *what, const char *id, const char *name);

/*
 * A contact's timeline (note.c): notes, introductions, interviews and
 * follow-ups by time, as a "timeline" array into `j`, else as a section.
 */
int show_timeline(struct cli *ctx, struct jw *j, const char *contact_id);

/* A contact's degree of separation (0 when unreachable or unknown). */
int contact_degree(struct cli *ctx, const char *id);
/* The time that best dates an interview: when scheduled, else when it entered its status. */
iv_time interview_when(const iv_interview *iv);
/* What a follow-up asks: its note, else its kind. */
const char *followup_what(char *buf, size_t n, const iv_followup *fu);

#endif
