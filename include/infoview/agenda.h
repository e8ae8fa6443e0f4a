/**
 * @file infoview/agenda.h
 * @brief The agenda: what to do now.
 *
 * @par Threads
 * As in db.h: an agenda iterator belongs to its store; an item is an
 * independent copy.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_agenda_h__
#define INCLUDE_infoview_agenda_h__

#include "common.h"
#include "types.h"
#include "target.h"

IV_BEGIN_DECL

/** An iterator over the agenda; see iv_agenda_iter_next(). */
typedef struct iv_agenda_iter iv_agenda_iter;
/** One thing on the agenda. */
typedef struct iv_agenda_item iv_agenda_item;

/**
 * What an agenda item is. IV_AGENDA_LATER and IV_AGENDA_NO_REPLY are only
 * given to callers of options version 2 or later, so that a program built
 * against 0.1.0 never meets a kind it does not know.
 */
typedef enum {
	IV_AGENDA_FOLLOWUP = 1,  /**< a pending follow-up whose earliest time has passed */
	IV_AGENDA_INTERVIEW = 2, /**< an interview scheduled within the horizon */
	IV_AGENDA_WAITING = 3,   /**< a request still waiting for a reply */
	/**
	 * a pending follow-up that cannot be done yet but can later today: its
	 * earliest time is after `at` and at or before `until` (options
	 * version 2)
	 */
	IV_AGENDA_LATER = 4,
	/**
	 * a request whose last nudge has passed without a reply: time to mark
	 * the interview no_response (options version 2); see iv_agenda()
	 */
	IV_AGENDA_NO_REPLY = 5,
	/**
	 * the next step at a target employer, from the target plan
	 * (iv_agenda_item_plan(); options version 3), once a week: see the
	 * options' `plan`
	 */
	IV_AGENDA_PLAN = 6
} iv_agenda_kind_t;

/**
 * When iv_agenda() lists the target plan's next steps (the options' `plan`,
 * version 3): the values are those the field took before this type named
 * them (0.2).
 */
typedef enum {
	IV_AGENDA_PLAN_NEVER = -1,   /**< never */
	IV_AGENDA_PLAN_ON_DAY = 0,   /**< on the store's plan day (iv_rules' plan_day) */
	IV_AGENDA_PLAN_ALWAYS = 1    /**< on every agenda */
} iv_agenda_plan_t;

/** How iv_agenda() plans. */
typedef struct iv_agenda_options {
	/** the struct's version: IV_AGENDA_OPTIONS_VERSION */
	unsigned int version;
	/** the moment to plan for; 0 for the store's clock */
	iv_time at;
	/** how far ahead scheduled interviews are shown, in seconds; 0 for 7 days */
	int64_t horizon;
	/**
	 * (version 2) follow-ups whose earliest time is after `at` and at or
	 * before `until` are listed as IV_AGENDA_LATER; 0 for the end of the
	 * local day of `at` (its last second, TZ honoured); a time at or
	 * before `at` lists none
	 */
	iv_time until;
	/**
	 * (version 3) when the target plan's next steps are listed
	 * (IV_AGENDA_PLAN), an iv_agenda_plan_t: IV_AGENDA_PLAN_ON_DAY (0) on
	 * the store's plan day (iv_rules' plan_day, Monday unless set: the
	 * local weekday of `at`), IV_AGENDA_PLAN_ALWAYS (1) always,
	 * IV_AGENDA_PLAN_NEVER (-1) never
	 */
	int plan;
} iv_agenda_options;

/**
 * The current version of iv_agenda_options. Version 1 (0.1.0): `at`,
 * `horizon`. Version 2: `until`, and the kinds IV_AGENDA_LATER and
 * IV_AGENDA_NO_REPLY. Version 3 (0.2): `plan`, and the kind IV_AGENDA_PLAN.
 */
#define IV_AGENDA_OPTIONS_VERSION 3
/** A static initialiser for iv_agenda_options holding the defaults. */
#define IV_AGENDA_OPTIONS_INIT { IV_AGENDA_OPTIONS_VERSION, 0, 0, 0, 0 }
/**
 * Initialises options to their defaults.
 * @param opts the options
 * @param version IV_AGENDA_OPTIONS_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_agenda_options_init(iv_agenda_options *opts, unsigned int version);

/**
 * The agenda at a moment: first the follow-ups to do (pending, earliest time
 * at or before `at`) by due time; then, for options version 2, the
 * follow-ups that become doable later today (IV_AGENDA_LATER: earliest time
 * after `at`, at or before `until`), by due time; then interviews scheduled
 * from `at` to `at` + horizon (and ones scheduled earlier but not yet
 * marked completed, or scheduled with no time recorded), by time; then, for
 * options version 2, requests whose last nudge has passed without a reply
 * (IV_AGENDA_NO_REPLY), longest waiting first; then requests waiting for a
 * reply, longest waiting first; then, for options version 3 on the plan's
 * day (see `plan`), the next steps of the first five targets of the plan
 * (iv_target_plan(), in its LAMP order) that have one to take, leaving
 * out those waiting for an answer (IV_TARGET_STEP_WAIT); none with a
 * backend that keeps no targets. Equal times are ordered by id. The
 * follow-ups are read as the iterator goes; the interviews when it is made.
 *
 * A request's last nudge has passed (version 2; a request is then listed
 * as IV_AGENDA_NO_REPLY instead of IV_AGENDA_WAITING) when the interview is
 * still requested and its last nudge, the "nudge_followup" follow-up of the
 * store's rules (the "nudge_other" one when the rules make no follow-up
 * nudge; see iv_rules), is:
 * - skipped: from the moment it was closed (you chose not to follow up);
 * - done: from `grace` business days after it was closed (time for them to
 *   answer the follow-up);
 * - pending, or missing (the rules made none, or only cancelled ones):
 *   from `grace` business days after its due time (the request time plus
 *   the rule's days when it is missing);
 * where `grace` is the rules' nudge_other_days, the craft's time to wait
 * for an answer (3 if that rule is disabled). With both nudges disabled,
 * the missing last nudge counts as due 7 business days after the request.
 * Business days count in local time, as iv_time_add_business_days().
 * @param out the iterator, free with iv_agenda_iter_free() before the store
 * @param db the store
 * @param opts NULL for the defaults of version 1 (the agenda of 0.1.0: no
 *        IV_AGENDA_LATER nor IV_AGENDA_NO_REPLY items); borrowed for this
 *        call. Initialise with IV_AGENDA_OPTIONS_INIT or
 *        iv_agenda_options_init() for the current version.
 * @return 0; IV_EVERSION for an options version this library does not
 *         know; IV_EINVALID for a negative horizon or until, a `plan`
 *         other than -1, 0 or 1, or an `at` outside IV_TIME_MIN to
 *         IV_TIME_MAX; IV_ESTORAGE when the stored rule times are damaged
 *         (version 2)
 */
IV_EXTERN(int) iv_agenda(iv_agenda_iter **out, iv_db *db, const iv_agenda_options *opts);
/**
 * The next item.
 * @param out the item, free with iv_agenda_item_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_agenda_iter_next(iv_agenda_item **out, iv_agenda_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_agenda_iter_free(iv_agenda_iter *it);
/**
 * Frees an item and the records it holds; accepts NULL.
 * @param item the item, or NULL
 */
IV_EXTERN(void) iv_agenda_item_free(iv_agenda_item *item);

/* Every iv_agenda_item_*() getter accepts NULL and then returns NULL or 0. */

/**
 * What the item is.
 * @param item the item, or NULL
 * @return one of iv_agenda_kind_t
 */
IV_EXTERN(int) iv_agenda_item_kind(const iv_agenda_item *item);
/**
 * The item's time: a follow-up's due time (IV_AGENDA_FOLLOWUP,
 * IV_AGENDA_LATER), an interview's scheduled time, a request's time
 * (IV_AGENDA_WAITING, IV_AGENDA_NO_REPLY).
 * @param item the item, or NULL
 * @return the time
 */
IV_EXTERN(iv_time) iv_agenda_item_time(const iv_agenda_item *item);
/**
 * Whether the item is late.
 * @param item the item, or NULL
 * @return 1 if a follow-up is past due or a scheduled interview's time has
 *         passed, else 0
 */
IV_EXTERN(int) iv_agenda_item_overdue(const iv_agenda_item *item);
/**
 * How long a waiting request has waited.
 * @param item the item, or NULL
 * @return the wait in seconds since the request for IV_AGENDA_WAITING and
 *         IV_AGENDA_NO_REPLY; else 0
 */
IV_EXTERN(int64_t) iv_agenda_item_waiting(const iv_agenda_item *item);
/**
 * The follow-up, for IV_AGENDA_FOLLOWUP and IV_AGENDA_LATER.
 * @param item the item, or NULL
 * @return the follow-up; borrowed, valid until `item` is freed; NULL for
 *         other kinds
 */
IV_EXTERN(const iv_followup *) iv_agenda_item_followup(const iv_agenda_item *item);
/**
 * The interview, for IV_AGENDA_INTERVIEW, IV_AGENDA_WAITING and
 * IV_AGENDA_NO_REPLY (and a follow-up's, if any).
 * @param item the item, or NULL
 * @return the interview; borrowed, valid until `item` is freed; NULL if none
 */
IV_EXTERN(const iv_interview *) iv_agenda_item_interview(const iv_agenda_item *item);
/**
 * The contact concerned (the recipient or interviewee; for IV_AGENDA_PLAN,
 * whom the step is with, NULL for IV_TARGET_STEP_FIND).
 * @param item the item, or NULL
 * @return the contact; borrowed, valid until `item` is freed
 */
IV_EXTERN(const iv_contact *) iv_agenda_item_contact(const iv_agenda_item *item);
/**
 * The target and its next step, for IV_AGENDA_PLAN (target.h).
 * @param item the item, or NULL
 * @return the plan's item; borrowed, valid until `item` is freed; NULL for
 *         other kinds
 */
IV_EXTERN(const iv_target_plan_item *) iv_agenda_item_plan(const iv_agenda_item *item);

IV_END_DECL

#endif
