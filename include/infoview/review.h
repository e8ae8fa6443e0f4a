/**
 * @file infoview/review.h
 * @brief Referrals (the names an interviewee suggests) and the weekly
 *        review of the search.
 *
 * @par Threads
 * As in db.h. iv_week_review_init() is thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_review_h__
#define INCLUDE_infoview_review_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * Records that the interviewee of an interview suggested you talk to
 * someone (a referral), all in one transaction, all or nothing:
 * - the person: an existing contact whose name is `name` and, when
 *   `company` is given, whose company is `company` (both compared ASCII
 *   case-insensitively, ignoring surrounding spaces), else a new contact
 *   with that name and company, known as introduced (IV_KNOWN_INTRODUCED:
 *   the way you are to meet them), whom you do not know yet;
 * - a suggested introduction (IV_INTRO_SUGGESTED) of that person by the
 *   interviewee, noting the interview; an introduction by the interviewee
 *   to that person already stored (in any status) is kept instead;
 * - a follow-up to the interviewee, kind IV_FOLLOWUP_ASK_INTRO, made by
 *   the rule "ask_intro:<introduction id>", to do from now and due when a
 *   thank-you would be (iv_rules' thank_due, 24 hours by default: ask in
 *   or soon after your thanks): ask them to introduce you. Its draft (iv_draft_followup()) is the introduction request
 *   (IV_TEMPLATE_INTRO_REQUEST) of iv_draft_intro_request(). When the
 *   introduction is marked made, the follow-up closes as done; marked
 *   declined, as cancelled. One already made or declined gets no
 *   follow-up.
 *
 * Referring the same person again (from this interview or another by the
 * same interviewee) creates nothing new and gives the same introduction.
 * The new person's degree follows the network's rules (network.h): one
 * further than the interviewee.
 * @param out if not NULL, the introduction, free with iv_intro_free()
 * @param db the store
 * @param interview_id the interview's id; any status (a referral usually
 *        comes out of a completed one)
 * @param name the person's name, one line, at most IV_LIMIT_SHORT bytes
 * @param company where they work, or NULL or "" for unknown
 * @return 0; IV_EINVALID for a malformed id, an empty or malformed name or
 *         company, or a name that is the interviewee's own; IV_ENOTFOUND
 *         naming a missing interview
 */
IV_EXTERN(int) iv_interview_refer(iv_intro **out, iv_db *db, const char *interview_id, const char *name, const char *company);

/**
 * The weekly review (iv_week_review_get()): what happened in one local calendar week, Monday
 * 00:00 to the next Monday 00:00 in local time (TZ honoured; a week with a
 * daylight-saving change is an hour shorter or longer). Each count is of
 * events whose stored time falls in the week, start included, end not:
 * - requests_sent: interviews moved to requested (their requested time);
 * - replies: interviews that had been requested and were then scheduled
 *   or declined, counted at the first of those two times;
 *   reply_median: the median of (reply time - requested time) of those,
 *   in seconds (the lower of the two middle ones for an even count); -1
 *   when there is none;
 * - talks_held: interviews completed;
 * - thanks_sent: thank-you follow-ups (IV_FOLLOWUP_THANK_YOU and
 *   IV_FOLLOWUP_THANK_INTRODUCER) marked done; thanks_late: of those, the
 *   ones marked done after their due time (the window of the rules,
 *   iv_rules);
 * - intros_asked: introductions asked for (their requested time);
 *   intros_made: introductions made (their made time);
 * - referrals: referrals recorded (follow-ups IV_FOLLOWUP_ASK_INTRO
 *   created, one per iv_interview_refer() that created one);
 * - targets_reached: target employers that gained a way in (their
 *   advocacy went from nobody to someone): those with someone reachable
 *   there now (iv_target_plan(), degree 1 or more) whose way in appeared
 *   in the week, judged from stored times: the latest of the creation
 *   times of the contacts on the target's best path and of the
 *   introductions on it (a suggested introduction is a way in already, as
 *   in network.h). The best path decides: a target whose new best path
 *   replaced an older, longer one is counted, though it had a way in
 *   before. What stored
 *   times do not show is not seen: a contact's company or how you know
 *   them changed later, a path lost since. 0 with a backend that keeps no
 *   targets.
 */
typedef struct iv_week_review {
	/** the struct's version: IV_WEEK_REVIEW_VERSION; set it before the call */
	unsigned int version;
	/** the first second of the week (Monday 00:00 local time) */
	iv_time start;
	/** the first second after it (the next Monday 00:00 local time) */
	iv_time end;
	/** interviews moved to requested */
	size_t requests_sent;
	/** requested interviews scheduled or declined */
	size_t replies;
	/** the median reply time in seconds; -1 when there was no reply */
	int64_t reply_median;
	/** interviews completed */
	size_t talks_held;
	/** thank-yous marked done */
	size_t thanks_sent;
	/** of those, done after their due time */
	size_t thanks_late;
	/** introductions asked for */
	size_t intros_asked;
	/** introductions made */
	size_t intros_made;
	/** referrals recorded */
	size_t referrals;
	/** target employers that gained a way in */
	size_t targets_reached;
} iv_week_review;

/** The current version of iv_week_review. */
#define IV_WEEK_REVIEW_VERSION 1
/** A static initialiser for iv_week_review: the current version, nothing counted. */
#define IV_WEEK_REVIEW_INIT { IV_WEEK_REVIEW_VERSION, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0 }
/**
 * Initialises a review to nothing counted (reply_median -1).
 * @param review the review
 * @param version IV_WEEK_REVIEW_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_week_review_init(iv_week_review *review, unsigned int version);

/**
 * Reviews the local calendar week holding `at` (the struct iv_week_review
 * says what is counted; the function's name is not that of the struct,
 * which C would not allow).
 * @param out set its version first (IV_WEEK_REVIEW_INIT or
 *        iv_week_review_init()); filled as far as that version reaches
 * @param db the store
 * @param at a moment in the week; 0 for the store's clock
 * @return 0; IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX;
 *         IV_EVERSION for an unknown version of `out`; the store's error
 */
IV_EXTERN(int) iv_week_review_get(iv_week_review *out, iv_db *db, iv_time at);

/**
 * The local calendar week holding a moment (TZ honoured): Monday 00:00
 * and the next Monday 00:00.
 * @param start the first second of the week
 * @param end the first second after it
 * @param at the moment
 * @return 0, IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_week_bounds(iv_time *start, iv_time *end, iv_time at);

/**
 * The moment an ISO 8601 week starts: Monday 00:00 local time of week
 * `week` of ISO year `year` (week 1 holds the year's first Thursday).
 * @param out the moment
 * @param year the ISO year, 1 to 9999
 * @param week the week, 1 to 52 or 53 (as the year has)
 * @return 0, IV_EINVALID naming the field out of range
 */
IV_EXTERN(int) iv_week_start(iv_time *out, int year, int week);

IV_END_DECL

#endif
