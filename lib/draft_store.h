/*
 * Private: what a store keeps for the drafts (draft_store.c).
 */
#ifndef IV_DRAFT_STORE_H
#define IV_DRAFT_STORE_H

#include "infoview/infoview.h"

/*
 * The store's own template for `which` (an iv_template_t) through out,
 * free with free(); NULL when it has none. IV_EINVALID for an unknown kind.
 */
int iv__store_template(char **out, iv_db *db, int which);

/* Forgets the request saved for an interview (when it is deleted); none saved is no error. */
int iv__saved_request_remove(iv_db *db, const char *interview_id);

#endif
