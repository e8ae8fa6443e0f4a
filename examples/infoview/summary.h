/*
 * infoview: what a command that stores a record prints: one line with the
 * record's short reference and a few words, only its id with -q, or the
 * whole record with --json (which the command writes itself).
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_SUMMARY_H
#define INFOVIEW_SUMMARY_H

#include "cli.h"

/*
 * "Added contact 0193ab12 Priya Shah (Acme, known directly)"; `verb` is
 * "Added", "Updated"... With -q, only the record's id. Not for --json.
 */
void summary_contact(struct cli *ctx, const char *verb, const iv_contact *c);
/* "Added introduction 0193ab13: Alex Kim introduces you to Blake Chen (email, made)" */
void summary_intro(struct cli *ctx, const char *verb, const iv_intro *in);
/* "Added interview 0193ab14 with Dana Smith (planned, 30 minutes, 4 questions)" */
void summary_interview(struct cli *ctx, const char *verb, const iv_interview *iv);
/* "Added follow-up 0193ab15 for Dana Smith: call Dana (due tomorrow 09:00)" */
void summary_followup(struct cli *ctx, const char *verb, const iv_followup *fu);

/*
 * The words of the summaries without the verb and reference, for lists of
 * records ("Priya Shah (Acme, known directly)"); written to `buf`.
 */
const char *words_contact(char *buf, size_t n, struct cli *ctx, const iv_contact *c);
const char *words_intro(char *buf, size_t n, struct cli *ctx, const iv_intro *in);
const char *words_interview(char *buf, size_t n, struct cli *ctx, const iv_interview *iv);
const char *words_followup(char *buf, size_t n, struct cli *ctx, const iv_followup *fu);

#endif
