/*
 * libinfoview: informational interviews.
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_interview_h__
#define INCLUDE_infoview_interview_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/*
 * An interview is a short talk with one contact (the interviewee), possibly
 * arranged through an introduction. It holds an ordered list of questions,
 * each with an optional answer, notes, and the advice and resources that came
 * out of it. Conventions as in contact.h: every getter accepts NULL and
 * then returns NULL for a string, 0 for a number, time, count or enumeration
 * (so iv_interview_medium(NULL) is IV_MEDIUM_UNSET).
 */

/** The planned length of a new interview, in minutes. */
#define IV_INTERVIEW_DEFAULT_MINUTES 30

/**
 * Creates an empty interview: planned, 30 minutes, medium unset.
 * @param out free with iv_interview_free()
 */
IV_EXTERN(int) iv_interview_new(iv_interview **out);
IV_EXTERN(int) iv_interview_dup(iv_interview **out, const iv_interview *iv);
IV_EXTERN(void) iv_interview_free(iv_interview *iv);

IV_EXTERN(const char *) iv_interview_id(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_id(iv_interview *iv, const char *id);
IV_EXTERN(iv_time) iv_interview_created(const iv_interview *iv);
IV_EXTERN(iv_time) iv_interview_updated(const iv_interview *iv);

/** The interviewee's contact id (required); borrowed. */
IV_EXTERN(const char *) iv_interview_contact(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_contact(iv_interview *iv, const char *contact_id);
/**
 * The introduction that led to the interview, or NULL; it must introduce the
 * interviewee. Borrowed.
 */
IV_EXTERN(const char *) iv_interview_intro(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_intro(iv_interview *iv, const char *intro_id);

/** What you want to learn from them; text, at most IV_LIMIT_TEXT bytes. */
IV_EXTERN(const char *) iv_interview_purpose(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_purpose(iv_interview *iv, const char *purpose);
/** Notes taken during or after the talk. */
IV_EXTERN(const char *) iv_interview_notes(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_notes(iv_interview *iv, const char *notes);

/** One of iv_medium_t. */
IV_EXTERN(int) iv_interview_medium(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_medium(iv_interview *iv, int medium);
/** When it is to take place; 0 if not scheduled. */
IV_EXTERN(iv_time) iv_interview_scheduled_at(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_scheduled_at(iv_interview *iv, iv_time when);
/** Planned length in minutes, 1 to 600. */
IV_EXTERN(int) iv_interview_minutes(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_minutes(iv_interview *iv, int minutes);

/** One of iv_interview_status_t. */
IV_EXTERN(int) iv_interview_status(const iv_interview *iv);
IV_EXTERN(int) iv_interview_set_status(iv_interview *iv, int status);
/**
 * When the interview entered `status` (0 if it never did or it was not
 * recorded); IV_INTERVIEW_PLANNED gives the creation time.
 */
IV_EXTERN(iv_time) iv_interview_status_at(const iv_interview *iv, int status);
/** Records when the interview entered `status`; IV_EINVALID for an unknown status. */
IV_EXTERN(int) iv_interview_set_status_at(iv_interview *iv, int status, iv_time when);

/*
 * Questions: an ordered list; each has text (required, not blank) and an
 * answer (NULL until answered). Indices start at 0; an index out of range is
 * IV_EINVALID ("question: index 7 out of range (4 questions)").
 */
IV_EXTERN(size_t) iv_interview_question_count(const iv_interview *iv);
/** The i-th question's text, borrowed; NULL if out of range. */
IV_EXTERN(const char *) iv_interview_question_at(const iv_interview *iv, size_t i);
/** The i-th question's answer, borrowed; NULL if unanswered or out of range. */
IV_EXTERN(const char *) iv_interview_answer_at(const iv_interview *iv, size_t i);
/** Appends a question. */
IV_EXTERN(int) iv_interview_add_question(iv_interview *iv, const char *question);
/** Inserts a question before index `i` (i == count appends). */
IV_EXTERN(int) iv_interview_insert_question(iv_interview *iv, size_t i, const char *question);
/** Replaces the text of question `i`, keeping its answer. */
IV_EXTERN(int) iv_interview_set_question(iv_interview *iv, size_t i, const char *question);
/** Sets (or with NULL clears) the answer to question `i`. */
IV_EXTERN(int) iv_interview_set_answer(iv_interview *iv, size_t i, const char *answer);
/** Moves question `from` so that it ends up at index `to`. */
IV_EXTERN(int) iv_interview_move_question(iv_interview *iv, size_t from, size_t to);
IV_EXTERN(int) iv_interview_remove_question(iv_interview *iv, size_t i);

/*
 * Advice and resources: ordered lists of short texts (not blank, at most
 * IV_LIMIT_TEXT bytes each) that came out of the talk.
 */
IV_EXTERN(size_t) iv_interview_advice_count(const iv_interview *iv);
IV_EXTERN(const char *) iv_interview_advice_at(const iv_interview *iv, size_t i);
IV_EXTERN(int) iv_interview_add_advice(iv_interview *iv, const char *advice);
IV_EXTERN(int) iv_interview_remove_advice(iv_interview *iv, size_t i);
IV_EXTERN(size_t) iv_interview_resource_count(const iv_interview *iv);
IV_EXTERN(const char *) iv_interview_resource_at(const iv_interview *iv, size_t i);
IV_EXTERN(int) iv_interview_add_resource(iv_interview *iv, const char *resource);
IV_EXTERN(int) iv_interview_remove_resource(iv_interview *iv, size_t i);

/**
 * Stores a new interview, assigning its id and times (and the planned time
 * of its status if unset).
 * @return 0; IV_EINVALID if the contact is unset or the introduction does
 *         not introduce the interviewee; IV_ENOTFOUND naming a missing
 *         contact or introduction; IV_EEXISTS
 */
IV_EXTERN(int) iv_interview_insert(iv_db *db, iv_interview *iv);
/** @param out free with iv_interview_free() */
IV_EXTERN(int) iv_interview_lookup(iv_interview **out, iv_db *db, const char *id);
/** Replaces the stored interview; same checks as iv_interview_insert(). */
IV_EXTERN(int) iv_interview_update(iv_db *db, iv_interview *iv);
/**
 * Deletes an interview with its questions. One that follow-ups name is
 * refused with IV_ECONSTRAINT unless `flags` has IV_DELETE_CASCADE, which
 * deletes those follow-ups too.
 */
IV_EXTERN(int) iv_interview_delete(iv_db *db, const char *id, unsigned int flags);

/** Which interviews iv_interview_list() returns. */
typedef struct iv_interview_filter {
	unsigned int version;
	/** only interviews with this contact id; NULL for any */
	const char *contact;
	/** only interviews in this iv_interview_status_t; 0 for any */
	int status;
	/** only interviews that came from this introduction id; NULL for any */
	const char *intro;
	/**
	 * only records whose id begins with this: 1 to 36 characters of the
	 * UUID text form (hex digits in either case, hyphens only where a UUID
	 * has them); NULL for any
	 */
	const char *id_prefix;
} iv_interview_filter;

#define IV_INTERVIEW_FILTER_VERSION 1
#define IV_INTERVIEW_FILTER_INIT { IV_INTERVIEW_FILTER_VERSION, NULL, 0, NULL, NULL }
IV_EXTERN(int) iv_interview_filter_init(iv_interview_filter *filter, unsigned int version);

/**
 * Lists interviews ordered by creation time, then id.
 * @param out free with iv_interview_iter_free()
 */
IV_EXTERN(int) iv_interview_list(iv_interview_iter **out, iv_db *db, const iv_interview_filter *filter);
IV_EXTERN(int) iv_interview_iter_next(iv_interview **out, iv_interview_iter *it);
IV_EXTERN(void) iv_interview_iter_free(iv_interview_iter *it);

IV_END_DECL

#endif
