/*
 * Private: the workflow rules the core applies around each write. Every
 * hook runs inside the write's transaction; an error from it rolls the
 * write back.
 */
#ifndef IV_WORKFLOW_H
#define IV_WORKFLOW_H

#include "infoview/infoview.h"

/*
 * Before a record is stored: `old` is the stored version (NULL on insert),
 * `r` the one about to be stored, which the hook may complete (times).
 * After: the same, once `r` is stored.
 */
int iv__interview_before(iv_db *db, const iv_interview *old, iv_interview *iv);
int iv__interview_after(iv_db *db, const iv_interview *old, const iv_interview *iv);
int iv__followup_before(iv_db *db, const iv_followup *old, iv_followup *fu);
int iv__followup_after(iv_db *db, const iv_followup *old, const iv_followup *fu);
/*
 * The rule of referrals (review.c): an introduction moved to requested or
 * made closes the pending follow-up asking for it (rule
 * IV__RULE_ASK_INTRO "<intro id>") as done, one declined as cancelled.
 */
int iv__intro_after(iv_db *db, const iv_intro *old, const iv_intro *in);
/* The prefix of the rule key of the follow-up asking for an introduction. */
#define IV__RULE_ASK_INTRO "ask_intro:"
int iv__contact_after(iv_db *db, const iv_contact *old, const iv_contact *c);
/*
 * Records an interaction with contact `contact_id` at `when` (its last
 * interaction, its check-in), appending `note` to its notes field when not
 * NULL; inside a transaction the caller opened.
 */
int iv__interaction(iv_db *db, const char *contact_id, iv_time when, const char *note);

/*
 * The moment from which requested interview `iv` counts as not answered:
 * its last nudge has passed without a reply (the rule iv_agenda()
 * documents), under the store's `rules` (a full struct of the current
 * version). Sets *out; returns 0 or the store's error.
 */
int iv__no_reply_from(iv_time *out, iv_db *db, const iv_interview *iv, const iv_rules *rules);

/*
 * The store's rule times (every member of the current version), as
 * iv_rules_get() reads them; on failure *damaged says whether what is
 * stored is not valid rule times (IV_ESTORAGE) rather than the backend
 * failing to read it (its own error).
 */
int iv__rules_load(iv_rules *out, iv_db *db, int *damaged);

#endif
