/*
 * infoview: what removing a record takes with it. The library's delete
 * with cascade removes (or unlinks) what names the record, as its header
 * documents; the rm commands find the same records through list filters
 * first, so that they can say what goes and ask before it does.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_CASCADE_H
#define INFOVIEW_CASCADE_H

#include "cli.h"
#include "json.h"

#include <stddef.h>

/* One record a cascade touches. */
struct cascade_item {
	enum ref_kind kind;
	char id[IV_ID_LEN + 1];
	char ref[IV_ID_LEN + 1]; /* its short reference, taken before anything is removed */
	char *words;   /* "Alex Kim introduces you to Blake Chen (email, made)" */
	int unlinked;  /* kept, but no longer names the removed record */
};

struct cascade {
	struct cascade_item *items;
	size_t n, cap;
	size_t removed, unlinked; /* how many of each */
	int shown;                /* listed already, before asking */
};

/*
 * Finds what deleting record `id` of `kind` with cascade would remove or
 * unlink: for a contact, the introductions naming them, their interviews
 * and every follow-up to them or about those interviews, and the
 * interviews of others that came from those introductions (unlinked); for
 * an introduction, the interviews that came from it (unlinked); for an
 * interview, its follow-ups. Returns CLI_OK or CLI_FAIL (reported).
 */
int cascade_find(struct cascade *c, struct cli *ctx, enum ref_kind kind, const char *id);
void cascade_free(struct cascade *c);

/*
 * "1 introduction, 2 interviews and 3 follow-ups" (what is removed), into
 * `buf`; "" when nothing is.
 */
const char *cascade_counts(char *buf, size_t n, const struct cascade *c, int unlinked);

/*
 * Shows what the cascade takes (on standard output, or standard error in
 * JSON mode) and, when standard input is a terminal and `yes` is 0, asks
 * before going on. Returns CLI_OK to go on, or CLI_FAIL (reported: nothing
 * removed) when the answer is not yes. `what` names the record: "contact
 * 0193ab12 Priya Shah".
 */
int cascade_confirm(struct cascade *c, struct cli *ctx, const char *what, int yes);

/*
 * After the removal: "Removed contact Priya Shah, and with it ..." and, in
 * words, the records that went (unless shown before asking); in JSON,
 * {"removed": id}, with "also_removed" and "unlinked" lists when `cascade`
 * (the command's --cascade) was given.
 */
void cascade_done(const struct cascade *c, struct cli *ctx, int cascade, const char *kind, const char *id,
		  const char *name);

#endif
