/**
 * @file infoview/workflow.h
 * @brief The craft's rules: interview lifecycle, follow-ups created by
 *        rules, stay-in-touch cadences, business days, the question bank.
 *
 * @par Threads
 * As in db.h. iv_interview_can_move(), the iv_time_add_*() functions and
 * the question bank's getters are thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_workflow_h__
#define INCLUDE_infoview_workflow_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * @name Interview lifecycle and rules
 *
 * planned -> requested -> scheduled -> completed; declined, no_response and
 * cancelled can be reached from each of the open states (planned, requested,
 * scheduled). Completed, declined, no_response and cancelled are final.
 * The one way back, scheduled -> requested (the agreed time fell through),
 * is not a move of this table: only iv_interview_unschedule() makes it.
 * A scheduled interview can be re-timed (its scheduled time, medium and
 * length changed by iv_interview_update() without a change of status),
 * which keeps every status time, the request's included.
 *
 * iv_interview_update() enforces this whenever the status it is given
 * differs from the stored one: an illegal move is refused with IV_EINVALID
 * naming both states, and nothing changes. A legal move records the time of
 * the new status (iv_interview_status_at()) from the store's clock and
 * applies the rules below, all in one transaction. iv_interview_insert()
 * accepts any status and applies the rules of that status.
 *
 * Rules (each idempotent: applying it again creates nothing new; times
 * configurable per store with iv_rules_set()):
 * - requested at T: two nudges to the interviewee, due T + 3 business days
 *   ("reach out to another contact") and T + 7 business days ("follow up
 *   once"); both are cancelled when the interview moves to scheduled,
 *   declined, completed, no_response or cancelled;
 * - completed at T: a thank-you to the interviewee, earliest T + 3 h, due
 *   T + 24 h; a thank-you to each introducer on the introduction chain that
 *   led to the interviewee (the one who introduced you to them, whoever
 *   introduced you to that person, and so on), same window; if advice was
 *   recorded, a report-back to the interviewee due T + 30 days (also made
 *   when advice is added to an interview already completed);
 *   completing also counts as an interaction with the interviewee.
 *   The chain starts at the introduction the interview names, else at the
 *   most recently made one to the interviewee, and goes on through the most
 *   recently made introduction to each introducer; it stops at someone
 *   nobody introduced or already on the chain, so cycles end.
 * - a contact with a cadence of N days has one pending check-in, due N days
 *   after the last interaction (or after it was added, if none); any
 *   interaction (a completed interview, a follow-up to them marked done,
 *   iv_contact_touch()) moves it; a cadence set to 0 cancels it.
 * - only contact with a person is an interaction with them. A follow-up
 *   marked done is one with its recipient for every kind (thank-you,
 *   thank-introducer, check-in, report-back, custom, and a nudge, including
 *   the "nudge_followup" rule's "follow up once"), except the follow-up made
 *   by the "nudge_other" rule: "reach out to another contact" is done
 *   without writing to the recipient, who has not replied, so their last
 *   interaction and check-in stay as they were.
 * - a request whose last nudge has passed without a reply is offered to be
 *   marked no_response by iv_agenda() (options version 2; the rule is
 *   documented there); nothing moves it by itself.
 * Day-based offsets are counted in the local time zone (TZ is honoured) and
 * keep the local wall-clock time across daylight-saving changes; business
 * days are Monday to Friday.
 *
 * Follow-ups made by rules carry a rule key (iv_followup_rule()):
 * "nudge_other:<interview id>", "nudge_followup:<interview id>",
 * "thank_you:<interview id>", "thank_introducer:<interview id>:<contact id>",
 * "report_back:<interview id>", "check_in:<contact id>". A rule creates
 * nothing when a follow-up with its key exists in any status (so one done,
 * skipped or cancelled is not made again); a check-in is made when its
 * contact has no pending one.
 * @{
 */

/**
 * Whether an interview may move from one status to another.
 * @param from an iv_interview_status_t
 * @param to an iv_interview_status_t
 * @return 1 if the move is legal, else 0
 */
IV_EXTERN(int) iv_interview_can_move(int from, int to);

/**
 * Moves a scheduled interview back to requested, when the agreed time
 * falls through and a new one is to be found. Its scheduled time is
 * cleared (as is the time it was scheduled, in iv_interview_status_at());
 * the time of the request is kept (set to now if it has none).
 *
 * Its nudges, cancelled when it was scheduled, are pending again
 * (follow-ups with the keys "nudge_other:<id>" and "nudge_followup:<id>",
 * reopened, never doubled; one the rules never made is made). Each is due
 * when the original request puts it (the request time plus its business
 * days) if that is still ahead of the store's clock, else the same number
 * of business days after now. A nudge already done or skipped stays so.
 *
 * iv_interview_can_move() and iv_interview_update() still refuse
 * scheduled -> requested: a program that relies on the table keeps seeing
 * the lifecycle it was written for.
 * @param out if not NULL, the interview as stored, free with iv_interview_free()
 * @param db the store
 * @param id the interview's id
 * @return 0; IV_EINVALID if the interview is not scheduled (the message
 *         names its status); IV_ENOTFOUND
 */
IV_EXTERN(int) iv_interview_unschedule(iv_interview **out, iv_db *db, const char *id);

/**
 * Moves a stored interview to `status`: loads it, sets the status and
 * stores it through iv_interview_update() (so the rules apply).
 * @param out if not NULL, the interview as stored, free with iv_interview_free()
 * @param db the store
 * @param id the interview's id
 * @param status the new iv_interview_status_t
 * @return 0; IV_EINVALID for an illegal move, including to the status it
 *         already has (the message names both states); IV_ENOTFOUND
 */
IV_EXTERN(int) iv_interview_move(iv_interview **out, iv_db *db, const char *id, int status);
/** @} */

/** Rule times of a store. */
typedef struct iv_rules {
	/** the struct's version: IV_RULES_VERSION */
	unsigned int version;
	/** seconds after completion before a thank-you should be sent (3 h) */
	int64_t thank_earliest;
	/** seconds after completion by which it is due (24 h) */
	int64_t thank_due;
	/** business days after a request to reach out to someone else (3); 0 disables */
	int nudge_other_days;
	/** business days after a request to follow up once (7); 0 disables */
	int nudge_followup_days;
	/** days after completion to report back on advice (30); 0 disables */
	int report_back_days;
	/**
	 * (version 2) the local weekday on which iv_agenda() lists the target
	 * plan's next steps (agenda.h, options version 3): 1 Monday to 7
	 * Sunday (1); 0 never
	 */
	int plan_day;
} iv_rules;

/** The current version of iv_rules. Version 2 (0.2): plan_day. */
#define IV_RULES_VERSION 2
/** A static initialiser for iv_rules holding the defaults. */
#define IV_RULES_INIT { IV_RULES_VERSION, 3 * 3600, 24 * 3600, 3, 7, 30, 1 }

/**
 * Initialises rule times to the defaults.
 * @param rules the rule times
 * @param version IV_RULES_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_rules_init(iv_rules *rules, unsigned int version);
/**
 * The store's rule times (the defaults where none were set).
 *
 * @param out set its version first (IV_RULES_INIT or iv_rules_init()): the
 *        library fills only the members that version has
 * @param db the store
 * @return 0; IV_EVERSION when out->version is not one this library knows;
 *         IV_ESTORAGE when the stored times are damaged
 */
IV_EXTERN(int) iv_rules_get(iv_rules *out, iv_db *db);
/**
 * Sets the store's rule times: the members `rules`' version has; newer
 * members keep their stored values.
 * @param db the store
 * @param rules the rule times; borrowed for this call
 * @return 0; IV_EINVALID naming the field unless 0 <= thank_earliest <=
 *         thank_due <= 30 days, each day count is 0..365 and plan_day is
 *         0..7; IV_EVERSION
 */
IV_EXTERN(int) iv_rules_set(iv_db *db, const iv_rules *rules);

/**
 * Applies every rule to the whole store once more (after an import, or after
 * changing the rule times for future follow-ups); creates only what is
 * missing. Follow-ups already made keep their times.
 * @param db the store
 * @return 0, or the store's error
 */
IV_EXTERN(int) iv_rules_apply(iv_db *db);

/**
 * Records an interaction with a contact: sets its last interaction to `when`
 * (0 for now) if later than the one stored, appends `note` (one line; may be
 * NULL) to its notes as a line "YYYY-MM-DD: note" dated `when` in local
 * time, and moves its check-in.
 * @param db the store
 * @param contact_id the contact's id
 * @param when the time of the interaction; 0 for now
 * @param note a one-line note, copied; may be NULL
 * @return 0; IV_EINVALID for a malformed id or note, a time outside
 *         IV_TIME_MIN to IV_TIME_MAX, or notes that would grow past
 *         IV_LIMIT_TEXT; IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_touch(iv_db *db, const char *contact_id, iv_time when, const char *note);

/**
 * Closes a pending follow-up as done, skipped or cancelled, recording when
 * (from the store's clock). Done counts as an interaction with the
 * recipient (their last interaction and check-in move), except for the
 * follow-up made by the "nudge_other" rule, which is about reaching out to
 * someone else (see the rules at the top of this header).
 * @param out if not NULL, the follow-up as stored, free with iv_followup_free()
 * @param db the store
 * @param id the follow-up's id
 * @param status IV_FOLLOWUP_DONE, IV_FOLLOWUP_SKIPPED or IV_FOLLOWUP_CANCELLED
 * @return 0; IV_EINVALID for another status or a follow-up already closed;
 *         IV_ENOTFOUND
 */
IV_EXTERN(int) iv_followup_close(iv_followup **out, iv_db *db, const char *id, int status);

/**
 * Adds calendar days in the local time zone (TZ honoured), keeping the
 * local wall-clock time.
 * @param t the time
 * @param days the number of days; may be negative
 * @return `t` plus `days` calendar days, saturated at IV_TIME_MIN and
 *         IV_TIME_MAX (a `t` outside them counts as the nearer bound)
 */
IV_EXTERN(iv_time) iv_time_add_days(iv_time t, int days);
/**
 * `t` plus `days` business days (Monday to Friday), keeping the local
 * wall-clock time: each day counted moves to the next weekday, so Friday
 * plus 1 and Saturday plus 1 are both Monday. Local time zone, as
 * iv_time_add_days().
 * @param t the time
 * @param days the number of business days
 * @return `t` plus `days` business days, saturated as iv_time_add_days()
 */
IV_EXTERN(iv_time) iv_time_add_business_days(iv_time t, int days);

/**
 * The categories of the question bank: prepared questions tagged by
 * category (the TIARA set: trends, insights, advice, resources,
 * assignments; plus how they got there).
 */
typedef enum {
	IV_QUESTION_JOURNEY = 1,     /**< how did you get there */
	IV_QUESTION_TRENDS = 2,      /**< where the field is going */
	IV_QUESTION_INSIGHTS = 3,    /**< what the work is really like */
	IV_QUESTION_ADVICE = 4,      /**< what they would advise */
	IV_QUESTION_RESOURCES = 5,   /**< what to read, whom to meet */
	IV_QUESTION_ASSIGNMENTS = 6  /**< what to try next */
} iv_question_category_t;

/**
 * Number of questions in the bank.
 * @return the count
 */
IV_EXTERN(size_t) iv_question_bank_count(void);
/**
 * The i-th question of the bank.
 * @param i the index, from 0
 * @return the text, static; NULL if out of range
 */
IV_EXTERN(const char *) iv_question_bank_text(size_t i);
/**
 * The category of the i-th question of the bank.
 * @param i the index, from 0
 * @return its iv_question_category_t, or 0 if out of range
 */
IV_EXTERN(int) iv_question_bank_category(size_t i);

/**
 * Appends `count` questions from the bank to `iv`, one per category in the
 * order journey, insights, trends, advice, resources, assignments (cycling,
 * from journey on each call), skipping any the interview already has and
 * categories with none left; fewer when the bank runs out. 4 is the usual
 * count.
 * @param iv the interview
 * @param count how many questions to add
 * @return 0; IV_EINVALID (changing nothing) if the interview would hold
 *         more than IV_LIMIT_LIST questions
 */
IV_EXTERN(int) iv_interview_seed_questions(iv_interview *iv, size_t count);

IV_END_DECL

#endif
