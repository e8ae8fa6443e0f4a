/**
 * @file infoview/network.h
 * @brief Your network: degrees of separation and introduction paths.
 *
 * @par Paths
 * You are the root. Contacts known directly (IV_KNOWN_DIRECT) are at degree
 * 1; an introduction from A to B (in any status but declined) leads from A
 * to B, so B is at most one degree further than A. A path is the shortest
 * chain from you: a contact you know directly, then each contact introduced
 * by the one before. Among equally short paths the one whose people you
 * interacted with most recently wins: last-interaction times are compared
 * hop by hop from the first (never counts as oldest), and paths with the
 * same times are ordered by their contacts' ids, the same way, so that the
 * answer is always the same. Where one contact introduced another several
 * times, the path names the introduction that was made (else any), the most
 * recent first.
 *
 * @par Threads
 * As in db.h for iv_network_load(). A snapshot, a path and a path iterator
 * are independent of the store; each may be used by one thread at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_network_h__
#define INCLUDE_infoview_network_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/** A snapshot of the network, taken once and queried many times. */
typedef struct iv_network iv_network;
/** One path from you to a contact. */
typedef struct iv_path iv_path;
/** An iterator over paths; see iv_path_iter_next(). */
typedef struct iv_path_iter iv_path_iter;

/**
 * Reads the contacts and introductions of a store into a snapshot; later
 * changes to the store are not seen.
 * @param out the snapshot, free with iv_network_free()
 * @param db the store
 * @return 0, or the store's error
 */
IV_EXTERN(int) iv_network_load(iv_network **out, iv_db *db);
/**
 * Frees a snapshot; accepts NULL.
 * @param net the snapshot, or NULL
 */
IV_EXTERN(void) iv_network_free(iv_network *net);

/**
 * The degree of separation of a contact.
 * @param out 1 for known directly, 2 for one person removed, ...; 0 if no
 *        path reaches the contact
 * @param net the snapshot
 * @param contact_id the contact's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND for an unknown contact
 */
IV_EXTERN(int) iv_network_degree(int *out, const iv_network *net, const char *contact_id);

/**
 * The introduction chain behind a contact: the shortest path to it.
 * @param out the path, free with iv_path_free()
 * @param net the snapshot
 * @param contact_id the contact's id
 * @return 0; IV_EINVALID for a malformed id; IV_ENOTFOUND if the contact is
 *         unknown or unreachable (the message says which)
 */
IV_EXTERN(int) iv_network_path(iv_path **out, const iv_network *net, const char *contact_id);

/**
 * Who can introduce me to someone at a company: the shortest path to each
 * reachable contact whose company matches (ASCII case-insensitively),
 * shortest first, then by most recent interaction (as for one path), then
 * by the contact's id. Unreachable contacts there are left out. The paths
 * are found by this call: the iterator may outlive `net`.
 * @param out the iterator, free with iv_path_iter_free()
 * @param net the snapshot
 * @param company the company's name
 * @return 0, or IV_EINVALID for a NULL or empty company
 */
IV_EXTERN(int) iv_network_company_paths(iv_path_iter **out, const iv_network *net, const char *company);
/**
 * The introduction chain behind a contact, as iv_network_path() gives it on
 * a snapshot taken now, found without one: by going back from the contact
 * through the introductions to it, reading only the contacts within its
 * degree of it, not the whole store.
 * @param out the path, free with iv_path_free()
 * @param db the store
 * @param contact_id the contact's id
 * @return 0; IV_EINVALID for a malformed id; IV_ENOTFOUND if the contact is
 *         unknown or unreachable (the message says which); or the store's error
 */
IV_EXTERN(int) iv_db_path(iv_path **out, iv_db *db, const char *contact_id);
/**
 * The degree of separation of a contact, as iv_network_degree() gives it on
 * a snapshot taken now, found as iv_db_path() finds a path. An unreachable
 * contact costs a walk back through everyone who leads to it.
 * @param out 1 for known directly, 2 for one person removed, ...; 0 if no
 *        path reaches the contact
 * @param db the store
 * @param contact_id the contact's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND for an unknown
 *         contact, or the store's error
 */
IV_EXTERN(int) iv_db_degree(int *out, iv_db *db, const char *contact_id);
/**
 * Who can introduce me to someone at a company, as
 * iv_network_company_paths() answers it on a snapshot taken now, found from
 * the contacts at the company (ASCII case-insensitively) by going back from
 * each as iv_db_path() does. The paths are found by this call: the iterator
 * is independent of the store.
 * @param out the iterator, free with iv_path_iter_free()
 * @param db the store
 * @param company the company's name
 * @return 0, IV_EINVALID for a NULL or empty company, or the store's error
 */
IV_EXTERN(int) iv_db_company_paths(iv_path_iter **out, iv_db *db, const char *company);
/**
 * The next path.
 * @param out the path, free with iv_path_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end
 */
IV_EXTERN(int) iv_path_iter_next(iv_path **out, iv_path_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_path_iter_free(iv_path_iter *it);

/* Every iv_path_*() getter accepts NULL and then returns NULL or 0. */

/**
 * Number of contacts on the path.
 * @param p the path, or NULL
 * @return the length; 1 for someone you know directly
 */
IV_EXTERN(size_t) iv_path_length(const iv_path *p);
/**
 * The id of the i-th contact from you.
 * @param p the path, or NULL
 * @param i the index; 0 is the contact you know directly
 * @return the id; borrowed, valid until `p` is freed; NULL if out of range
 */
IV_EXTERN(const char *) iv_path_contact_at(const iv_path *p, size_t i);
/**
 * The id of the introduction by which contact i-1 introduced contact i.
 * @param p the path, or NULL
 * @param i the index of the contact introduced
 * @return the id; borrowed, valid until `p` is freed; NULL for i == 0 or
 *         out of range
 */
IV_EXTERN(const char *) iv_path_intro_at(const iv_path *p, size_t i);
/**
 * The last contact of the path (the target).
 * @param p the path, or NULL
 * @return its id; borrowed, valid until `p` is freed
 */
IV_EXTERN(const char *) iv_path_target(const iv_path *p);
/**
 * Frees a path; accepts NULL.
 * @param p the path, or NULL
 */
IV_EXTERN(void) iv_path_free(iv_path *p);

IV_END_DECL

#endif
