/*
 * libinfoview: the agenda: what to do now.
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_agenda_h__
#define INCLUDE_infoview_agenda_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

typedef struct iv_agenda_iter iv_agenda_iter;
/** One thing on the agenda. */
typedef struct iv_agenda_item iv_agenda_item;

/** What an agenda item is. */
typedef enum {
	IV_AGENDA_FOLLOWUP = 1,  /**< a pending follow-up whose earliest time has passed */
	IV_AGENDA_INTERVIEW = 2, /**< an interview scheduled within the horizon */
	IV_AGENDA_WAITING = 3    /**< a request still waiting for a reply */
} iv_agenda_kind_t;

typedef struct iv_agenda_options {
	unsigned int version;
	/** the moment to plan for; 0 for the store's clock */
	iv_time at;
	/** how far ahead scheduled interviews are shown, in seconds; 0 for 7 days */
	int64_t horizon;
} iv_agenda_options;

#define IV_AGENDA_OPTIONS_VERSION 1
#define IV_AGENDA_OPTIONS_INIT { IV_AGENDA_OPTIONS_VERSION, 0, 0 }
/**
 * Initialises options to their defaults.
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_agenda_options_init(iv_agenda_options *opts, unsigned int version);

/**
 * The agenda at a moment: first the follow-ups to do (pending, earliest time
 * at or before `at`) by due time; then interviews scheduled from `at` to
 * `at` + horizon (and ones scheduled earlier but not yet marked completed,
 * or scheduled with no time recorded), by time; then requests waiting for a
 * reply, longest waiting first. Equal times are ordered by id. The
 * follow-ups are read as the iterator goes; the interviews when it is made.
 * @param out free with iv_agenda_iter_free()
 * @param opts NULL for the defaults
 * @return 0; IV_EVERSION for an options version this library does not
 *         know; IV_EINVALID for a negative horizon
 */
IV_EXTERN(int) iv_agenda(iv_agenda_iter **out, iv_db *db, const iv_agenda_options *opts);
/** @param out free with iv_agenda_item_free(); @return 0, IV_ITEROVER, or an error */
IV_EXTERN(int) iv_agenda_iter_next(iv_agenda_item **out, iv_agenda_iter *it);
IV_EXTERN(void) iv_agenda_iter_free(iv_agenda_iter *it);
IV_EXTERN(void) iv_agenda_item_free(iv_agenda_item *item);

/* Every iv_agenda_item_*() getter accepts NULL and then returns NULL or 0. */

/** One of iv_agenda_kind_t. */
IV_EXTERN(int) iv_agenda_item_kind(const iv_agenda_item *item);
/** The item's time: a follow-up's due time, an interview's scheduled time, a request's time. */
IV_EXTERN(iv_time) iv_agenda_item_time(const iv_agenda_item *item);
/** 1 if a follow-up is past due or a scheduled interview's time has passed, else 0. */
IV_EXTERN(int) iv_agenda_item_overdue(const iv_agenda_item *item);
/** For a waiting request, how long it has waited, in seconds; else 0. */
IV_EXTERN(int64_t) iv_agenda_item_waiting(const iv_agenda_item *item);
/** The follow-up, for IV_AGENDA_FOLLOWUP; else NULL. Borrowed from the item. */
IV_EXTERN(const iv_followup *) iv_agenda_item_followup(const iv_agenda_item *item);
/** The interview, for IV_AGENDA_INTERVIEW and IV_AGENDA_WAITING (and a follow-up's, if any); borrowed. */
IV_EXTERN(const iv_interview *) iv_agenda_item_interview(const iv_agenda_item *item);
/** The contact concerned (the recipient or interviewee); borrowed. */
IV_EXTERN(const iv_contact *) iv_agenda_item_contact(const iv_agenda_item *item);

IV_END_DECL

#endif
