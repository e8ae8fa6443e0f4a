/*
 * Private: what the drafts learn from the network around a message: the
 * introduction chain behind an interview, whether an introducer was thanked
 * already, and whom to reach out to instead of someone who does not reply.
 */
#ifndef IV_COMPOSE_H
#define IV_COMPOSE_H

#include "infoview/infoview.h"
#include "util.h"

/*
 * The introduction chain that led to interview `iv`, as the thank-you rule
 * walks it (workflow.h): people->items[0] is the interviewee, items[k] who
 * introduced you to items[k - 1]. It starts at the introduction the
 * interview names, else at the most recently made one to the interviewee,
 * and goes on through the most recently made introduction to each
 * introducer, stopping at someone already on it. `people` must be empty.
 */
int iv__intro_chain(iv__strlist *people, iv_db *db, const iv_interview *iv);

/*
 * The most recently made introduction of `introduced` to you, or NULL: the
 * one the thank-you rule (workflow.c) and the drafts walk up through.
 */
int iv__latest_intro_to(iv_intro **out, iv_db *db, const char *introduced);

/* The most recently made introduction by `introducer` (to anyone), or NULL. */
int iv__latest_intro_by(iv_intro **out, iv_db *db, const char *introducer);

/*
 * Whether `introducer` has a done thank-you for introducing you to
 * `introduced` already: a done thank_introducer follow-up to them about an
 * interview other than `interview_id` whose chain runs through that
 * introduction.
 */
int iv__introducer_thanked(int *thanked, iv_db *db, const char *introducer, const char *introduced,
			   const char *interview_id);

/* One person suggested to reach out to. */
typedef struct {
	char id[IV_ID_LEN + 1];
	int degree;                 /* 1 known directly, 2 one introduction away */
	char via[IV_ID_LEN + 1];    /* for degree 2 through a made introduction: its introducer; else "" */
} iv__suggestion;

/*
 * Up to `max` people to reach out to instead of `interviewee`: known
 * directly or one introduction away, at the interviewee's company first,
 * then elsewhere; never the interviewee nor anyone you have an interview
 * requested or scheduled with. Within each group: nearer first, then the
 * network's order (most recent interaction), then by name.
 */
int iv__suggest_others(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const iv_contact *interviewee);

#endif
