/**
 * @file infoview/target.h
 * @brief Target employers, and the ranked plan computed from your network.
 *
 * A target is an employer you are aiming at: its name (matched to the
 * contacts' company fields ASCII case-insensitively), other names it goes
 * by (aliases, such as "Pfizer Inc." for "Pfizer"), how much you want to
 * work there (motivation, 1 to 3), whether it has a relevant job posting,
 * a note and an order of your own (rank). What you cannot type is
 * computed: iv_target_plan() ranks the targets in the LAMP order and says,
 * from the introductions you recorded, how you reach someone there and
 * what to do next.
 *
 * Conventions as in contact.h: setters copy and check their arguments;
 * every getter accepts NULL and then returns NULL or 0.
 *
 * Targets need a backend of version 6 or later (both built-in backends
 * are); with an older backend the functions that store, list or plan
 * targets fail with IV_EVERSION, and everything else keeps working.
 *
 * @par Threads
 * As in db.h; a target, a plan iterator and a plan item are independent
 * of the store once made.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_target_h__
#define INCLUDE_infoview_target_h__

#include "common.h"
#include "types.h"
#include "network.h"

IV_BEGIN_DECL

/** A target employer. */
typedef struct iv_target iv_target;
/** An iterator over targets; see iv_target_iter_next(). */
typedef struct iv_target_iter iv_target_iter;

/**
 * Creates an empty target: no name, motivation 2, no posting, rank 0.
 * @param out the target, free with iv_target_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_target_new(iv_target **out);
/**
 * A deep copy of a target.
 * @param out the copy, free with iv_target_free()
 * @param t the target
 * @return 0, IV_EINVALID when `t` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_target_dup(iv_target **out, const iv_target *t);
/**
 * Frees a target; accepts NULL.
 * @param t the target, or NULL
 */
IV_EXTERN(void) iv_target_free(iv_target *t);

/**
 * The target's id.
 * @param t the target, or NULL
 * @return the id; borrowed, valid until `t` is freed or its id set; NULL before it is stored
 */
IV_EXTERN(const char *) iv_target_id(const iv_target *t);
/**
 * Sets the id a new target will be stored under (as iv_contact_set_id()).
 * @param t the target
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_target_set_id(iv_target *t, const char *id);
/**
 * The target's number, as iv_contact_number().
 * @param t the target, or NULL
 * @return the number; 0 before it is stored
 */
IV_EXTERN(int64_t) iv_target_number(const iv_target *t);
/**
 * When the target was stored.
 * @param t the target, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_target_created(const iv_target *t);
/**
 * When the target was last updated.
 * @param t the target, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_target_updated(const iv_target *t);

/**
 * The employer's name (required): one line, at most IV_LIMIT_SHORT bytes.
 * Contacts whose company equals it, or one of the aliases, ASCII
 * case-insensitively, work there.
 * @param t the target, or NULL
 * @return the name; borrowed, valid until `t` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_target_name(const iv_target *t);
/**
 * Sets the employer's name.
 * @param t the target
 * @param name the name, copied; not blank
 * @return 0, or IV_EINVALID (blank, several lines, too long, or equal to
 *         one of the target's aliases)
 */
IV_EXTERN(int) iv_target_set_name(iv_target *t, const char *name);
/**
 * How much you want to work there: 1 (some), 2 (the default), 3 (most).
 * @param t the target, or NULL
 * @return 1 to 3; 0 for NULL
 */
IV_EXTERN(int) iv_target_motivation(const iv_target *t);
/**
 * Sets the motivation.
 * @param t the target
 * @param motivation 1 to 3
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_target_set_motivation(iv_target *t, int motivation);
/**
 * Whether the employer has a relevant job posting.
 * @param t the target, or NULL
 * @return 1 or 0
 */
IV_EXTERN(int) iv_target_posting(const iv_target *t);
/**
 * Sets whether the employer has a relevant job posting.
 * @param t the target
 * @param posting 0 or 1
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_target_set_posting(iv_target *t, int posting);
/**
 * A note about the target: several lines allowed, at most IV_LIMIT_TEXT bytes.
 * @param t the target, or NULL
 * @return the note; borrowed, valid until `t` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_target_note(const iv_target *t);
/**
 * Sets the note.
 * @param t the target
 * @param note the note, copied; NULL or "" clears it
 * @return 0, or IV_EINVALID (invalid UTF-8, control characters or too long)
 */
IV_EXTERN(int) iv_target_set_note(iv_target *t, const char *note);
/**
 * Your own order among targets of the same motivation, advocacy and
 * posting: 1 first, then 2...; 0 (the default) for none, after every
 * ranked one.
 * @param t the target, or NULL
 * @return the rank, 0 or more
 */
IV_EXTERN(int) iv_target_rank(const iv_target *t);
/**
 * Sets the rank.
 * @param t the target
 * @param rank 0 (none) to 1000000
 * @return 0, or IV_EINVALID for a negative or larger rank
 */
IV_EXTERN(int) iv_target_set_rank(iv_target *t, int rank);

/*
 * Aliases, in the order added: other names the employer goes by. An alias
 * is one line, not blank, at most IV_LIMIT_SHORT bytes; aliases compare
 * ASCII case-insensitively, and none may equal the name.
 */
/**
 * The number of aliases.
 * @param t the target, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_target_alias_count(const iv_target *t);
/**
 * The i-th alias.
 * @param t the target, or NULL
 * @param i the index, from 0
 * @return the alias; borrowed, valid until `t` is freed or its aliases
 *         change; NULL if `i` is out of range
 */
IV_EXTERN(const char *) iv_target_alias_at(const iv_target *t, size_t i);
/**
 * Appends an alias (at most IV_LIMIT_LIST of them).
 * @param t the target
 * @param alias the alias, copied
 * @return 0; IV_EINVALID for a blank, multi-line or too long alias, one
 *         equal to the name, or a full list; IV_EEXISTS for one already
 *         there (ASCII case-insensitively)
 */
IV_EXTERN(int) iv_target_add_alias(iv_target *t, const char *alias);
/**
 * Removes an alias (ASCII case-insensitively).
 * @param t the target
 * @param alias the alias
 * @return 0, or IV_ENOTFOUND if it is not there
 */
IV_EXTERN(int) iv_target_remove_alias(iv_target *t, const char *alias);
/**
 * Removes every alias.
 * @param t the target; NULL does nothing
 */
IV_EXTERN(void) iv_target_clear_aliases(iv_target *t);

/**
 * Stores a new target, assigning its id (unless set), number and times.
 * @param db the store
 * @param t the target; its id, number and times are set on success
 * @return 0; IV_EINVALID for a target without a name; IV_EEXISTS for a
 *         taken id, or a name or alias another target already has (ASCII
 *         case-insensitively; the message names it); IV_EVERSION when the
 *         store's backend keeps no targets
 */
IV_EXTERN(int) iv_target_insert(iv_db *db, iv_target *t);
/**
 * Replaces a stored target with `t` (found by its id), keeping its number
 * and created time.
 * @param db the store
 * @param t the target; its updated time is set on success
 * @return 0; IV_EINVALID for a target without id or name; IV_ENOTFOUND;
 *         IV_EEXISTS for a name or alias another target has; IV_EVERSION
 */
IV_EXTERN(int) iv_target_update(iv_db *db, iv_target *t);
/**
 * Reads one target.
 * @param out the target, free with iv_target_free()
 * @param db the store
 * @param id the target's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND, IV_EVERSION
 */
IV_EXTERN(int) iv_target_lookup(iv_target **out, iv_db *db, const char *id);
/**
 * Deletes a target. Nothing else refers to one.
 * @param db the store
 * @param id the target's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND, IV_EVERSION
 */
IV_EXTERN(int) iv_target_delete(iv_db *db, const char *id);

/** Which targets iv_target_list() returns. */
typedef struct iv_target_filter {
	/** the struct's version: IV_TARGET_FILTER_VERSION */
	unsigned int version;
	/** only records whose id begins with this (as in iv_contact_filter); NULL for any */
	const char *id_prefix;
	/** only the target with this number; 0 for any */
	int64_t number;
	/**
	 * only the target whose name or one of whose aliases equals this,
	 * ASCII case-insensitively; NULL for any
	 */
	const char *name;
} iv_target_filter;

/** The current version of iv_target_filter. */
#define IV_TARGET_FILTER_VERSION 1
/** A static initialiser for iv_target_filter matching everything. */
#define IV_TARGET_FILTER_INIT { IV_TARGET_FILTER_VERSION, NULL, 0, NULL }
/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_TARGET_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_target_filter_init(iv_target_filter *filter, unsigned int version);
/**
 * Lists targets by name (ASCII case-insensitively), then by id.
 * @param out the iterator, free with iv_target_iter_free()
 * @param db the store
 * @param filter NULL for every target; borrowed for this call only
 * @return 0, IV_EINVALID for a malformed filter, IV_EVERSION
 */
IV_EXTERN(int) iv_target_list(iv_target_iter **out, iv_db *db, const iv_target_filter *filter);
/**
 * The next target.
 * @param out the target, free with iv_target_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_target_iter_next(iv_target **out, iv_target_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_target_iter_free(iv_target_iter *it);

/**
 * @name The ranked plan
 * Every target, with its advocacy computed from your network and what to
 * do next there.
 * @{
 */

/** An iterator over the plan; see iv_target_plan_next(). */
typedef struct iv_target_plan_iter iv_target_plan_iter;
/** One target of the plan. */
typedef struct iv_target_plan_item iv_target_plan_item;

/** What to do next at a target. */
typedef enum {
	/** nobody there is in your network: find a contact there */
	IV_TARGET_STEP_FIND = 1,
	/** you know someone there: request an informational interview with them */
	IV_TARGET_STEP_REQUEST = 2,
	/** ask the contact to introduce you to the next person of the path */
	IV_TARGET_STEP_ASK_INTRO = 3,
	/**
	 * wait: the interview with that person is requested or scheduled, or
	 * the introduction needed is requested
	 */
	IV_TARGET_STEP_WAIT = 4
} iv_target_step_t;

/**
 * The plan: every target, in the LAMP order: motivation (3 first), then
 * advocacy (degree 1 before 2 before 3...; nobody last), then posting
 * (with a posting first), then rank (1 first; none last), then name (ASCII
 * case-insensitively), then id.
 *
 * A target's people are the contacts whose company equals its name or an
 * alias, ASCII case-insensitively. Each one's path is the one
 * iv_db_company_paths() finds (shortest, then most recent interaction);
 * its degree is where you stand on that path: 1 for someone you know
 * directly or were introduced to (an introduction to them was made), one
 * more for each introduction still to be made before them. The target's
 * advocacy is the best degree of its people (0 when nobody is reachable),
 * its people the number at that degree, its path the best one's, and the
 * next step follows from them: FIND when nobody is reachable; REQUEST (an
 * interview with the person at degree 1) unless an interview with them is
 * requested or scheduled (then WAIT); ASK_INTRO (ask the last person of
 * the path you know to introduce you to the next one) unless an
 * introduction between them is already requested (then WAIT).
 *
 * The plan is computed by this call from the contacts at each target and
 * the people who lead to them, not from the whole network; the iterator is
 * independent of the store.
 * @param out the iterator, free with iv_target_plan_iter_free()
 * @param db the store
 * @return 0, IV_EVERSION when the store's backend keeps no targets, or the
 *         store's error
 */
IV_EXTERN(int) iv_target_plan(iv_target_plan_iter **out, iv_db *db);
/**
 * The next target of the plan.
 * @param out the item, free with iv_target_plan_item_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end
 */
IV_EXTERN(int) iv_target_plan_next(iv_target_plan_item **out, iv_target_plan_iter *it);
/**
 * Frees a plan iterator and the items it has not given; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_target_plan_iter_free(iv_target_plan_iter *it);
/**
 * Frees a plan item; accepts NULL.
 * @param item the item, or NULL
 */
IV_EXTERN(void) iv_target_plan_item_free(iv_target_plan_item *item);
/**
 * The target.
 * @param item the item, or NULL
 * @return borrowed, valid until `item` is freed; NULL for NULL
 */
IV_EXTERN(const iv_target *) iv_target_plan_item_target(const iv_target_plan_item *item);
/**
 * The target's advocacy: the best degree of its people (see iv_target_plan()).
 * @param item the item, or NULL
 * @return 1, 2, ...; 0 when nobody there is reachable
 */
IV_EXTERN(int) iv_target_plan_item_degree(const iv_target_plan_item *item);
/**
 * How many of the target's people are at its degree.
 * @param item the item, or NULL
 * @return the count; 0 when nobody there is reachable
 */
IV_EXTERN(size_t) iv_target_plan_item_people(const iv_target_plan_item *item);
/**
 * The best path to someone there, from the person you know directly.
 * @param item the item, or NULL
 * @return borrowed, valid until `item` is freed; NULL when nobody there is reachable
 */
IV_EXTERN(const iv_path *) iv_target_plan_item_path(const iv_target_plan_item *item);
/**
 * What to do next.
 * @param item the item, or NULL
 * @return one of iv_target_step_t; 0 for NULL
 */
IV_EXTERN(int) iv_target_plan_item_step(const iv_target_plan_item *item);
/**
 * Whom the next step is with: the person to request an interview of (or
 * whose interview you wait for), or the person to ask for an introduction
 * (or whose introduction you wait for).
 * @param item the item, or NULL
 * @return the contact's id; borrowed, valid until `item` is freed; NULL for FIND
 */
IV_EXTERN(const char *) iv_target_plan_item_step_contact(const iv_target_plan_item *item);
/**
 * The name of iv_target_plan_item_step_contact()'s contact.
 * @param item the item, or NULL
 * @return the name; borrowed, valid until `item` is freed; NULL for FIND
 */
IV_EXTERN(const char *) iv_target_plan_item_step_contact_name(const iv_target_plan_item *item);
/**
 * Whom to be introduced to, when the step is about an introduction.
 * @param item the item, or NULL
 * @return the contact's id; borrowed, valid until `item` is freed; NULL
 *         unless the step is ASK_INTRO or a WAIT for an introduction
 */
IV_EXTERN(const char *) iv_target_plan_item_step_about(const iv_target_plan_item *item);
/**
 * The name of iv_target_plan_item_step_about()'s contact.
 * @param item the item, or NULL
 * @return the name; borrowed, valid until `item` is freed; NULL when there is none
 */
IV_EXTERN(const char *) iv_target_plan_item_step_about_name(const iv_target_plan_item *item);
/** @} */

IV_END_DECL

#endif
