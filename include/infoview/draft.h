/**
 * @file infoview/draft.h
 * @brief Your profile, message drafts and the request checker.
 *
 * @par Threads
 * As in db.h; a profile is an independent copy. iv_draft_default_template(),
 * iv_draft_check(), iv_draft_word_count() and iv_draft_warning_message() are
 * thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_draft_h__
#define INCLUDE_infoview_draft_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * Your profile. The store keeps one profile of its owner, used by the drafts. Setters
 * copy and check their argument like those of contact.h (IV_EINVALID naming
 * the field, "profile.name: ...", leaving the profile as it was); NULL or ""
 * clears a field.
 */
typedef struct iv_profile iv_profile;

/**
 * Creates an empty profile.
 * @param out the profile, free with iv_profile_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_profile_new(iv_profile **out);
/**
 * Frees a profile; accepts NULL.
 * @param p the profile, or NULL
 */
IV_EXTERN(void) iv_profile_free(iv_profile *p);
/**
 * Reads the store's profile (fields never set are NULL).
 * @param out the profile, free with iv_profile_free()
 * @param db the store
 * @return 0, or the store's error
 */
IV_EXTERN(int) iv_profile_get(iv_profile **out, iv_db *db);
/**
 * Replaces the store's profile, every field at once (unset fields are removed).
 * @param db the store
 * @param p the profile; borrowed for this call
 * @return 0, or the store's error
 */
IV_EXTERN(int) iv_profile_set(iv_db *db, const iv_profile *p);
/* Every iv_profile_*() getter accepts NULL and then returns NULL. */
/**
 * Your name: one line, at most IV_LIMIT_SHORT bytes.
 * @param p the profile, or NULL
 * @return the name; borrowed, valid until `p` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_profile_name(const iv_profile *p);
/**
 * Sets your name.
 * @param p the profile
 * @param name the name, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_profile_set_name(iv_profile *p, const char *name);
/**
 * One line about your background, at most IV_LIMIT_TEXT bytes; the
 * built-in requests read "After {me.background}, I am {me.exploring}.", so
 * "eight years as a hospital pharmacist" fits.
 * @param p the profile, or NULL
 * @return the text; borrowed, valid until `p` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_profile_background(const iv_profile *p);
/**
 * Sets your background.
 * @param p the profile
 * @param background the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_profile_set_background(iv_profile *p, const char *background);
/**
 * What you are exploring, one line, at most IV_LIMIT_TEXT bytes
 * ("moving into regulatory affairs").
 * @param p the profile, or NULL
 * @return the text; borrowed, valid until `p` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_profile_exploring(const iv_profile *p);
/**
 * Sets what you are exploring.
 * @param p the profile
 * @param exploring the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_profile_set_exploring(iv_profile *p, const char *exploring);

/**
 * @name Drafts
 * Drafts are filled from templates: UTF-8 text (at most IV_LIMIT_TEXT bytes,
 * no control characters but tab and line breaks) in which {name} stands for
 * a value. Known names:
 * - me.name, me.background, me.exploring: your profile;
 * - contact.name, contact.first_name, contact.company, contact.title: the
 *   person the message is to (the interviewee of a request, the recipient of
 *   a thank-you);
 * - purpose: the interview's purpose;
 * - introducer.name, introducer.first_name: who introduced you to the
 *   interviewee, through the introduction the interview names;
 * - introduced.name, introduced.first_name: the interviewee (in a thanks to
 *   an introducer: whom they introduced you to);
 * - advice: the interview's first advice item; advice.list: every advice
 *   item, one per line, "- " first, no final line break.
 * A first name is the name up to its first space. me.background,
 * me.exploring, purpose and advice lose surrounding spaces and a final full
 * stop, so that a template can carry on the sentence. A value that is unset
 * (or has no record to come from) is empty, except me.name: while your
 * profile has no name, drafts say "[your name]" so that you see what to fill
 * in. "{{" gives a literal "{"; a "}" outside a placeholder is itself. An
 * unknown name or an unclosed "{" is refused with IV_EINVALID naming it
 * ("template: unknown placeholder {foo}").
 * @{
 */

/** Which built-in template. */
typedef enum {
	IV_TEMPLATE_REQUEST = 1,          /**< asking for an interview */
	IV_TEMPLATE_REQUEST_INTRODUCED = 2, /**< asking, after an introduction */
	IV_TEMPLATE_THANKS = 3,           /**< thanking the interviewee */
	IV_TEMPLATE_THANKS_INTRODUCER = 4 /**< thanking an introducer */
} iv_template_t;

/**
 * The built-in template text.
 * @param which one of iv_template_t
 * @return the text, static; NULL for an unknown kind
 */
IV_EXTERN(const char *) iv_draft_default_template(int which);

/** How a draft is made. */
typedef struct iv_draft_options {
	/** the struct's version: IV_DRAFT_OPTIONS_VERSION */
	unsigned int version;
	/** a template replacing the built-in one; NULL for the built-in */
	const char *template_text;
} iv_draft_options;

/** The current version of iv_draft_options. */
#define IV_DRAFT_OPTIONS_VERSION 1
/** A static initialiser for iv_draft_options holding the defaults. */
#define IV_DRAFT_OPTIONS_INIT { IV_DRAFT_OPTIONS_VERSION, NULL }
/**
 * Initialises options to their defaults (the built-in template).
 * @param opts the options
 * @param version IV_DRAFT_OPTIONS_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know (the
 *         drafting functions refuse such options the same way)
 */
IV_EXTERN(int) iv_draft_options_init(iv_draft_options *opts, unsigned int version);

/**
 * Drafts the request for an interview, in three parts: who you are (from
 * your profile), why them (the contact and the purpose; the introducer if
 * the interview came through an introduction), and whether they would be
 * willing to talk. The built-in template is IV_TEMPLATE_REQUEST_INTRODUCED
 * when the interview names an introduction, else IV_TEMPLATE_REQUEST.
 * @param out the text, free with iv_free()
 * @param db the store
 * @param interview_id the interview's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID for a malformed id or template; IV_ENOTFOUND
 *         naming a missing interview; IV_EVERSION for unknown options
 */
IV_EXTERN(int) iv_draft_request(char **out, iv_db *db, const char *interview_id, const iv_draft_options *opts);

/**
 * Drafts the message of a thank-you follow-up: to the interviewee
 * (IV_FOLLOWUP_THANK_YOU, template IV_TEMPLATE_THANKS), citing the advice
 * recorded in the interview; to an introducer (IV_FOLLOWUP_THANK_INTRODUCER,
 * template IV_TEMPLATE_THANKS_INTRODUCER), naming whom they introduced you
 * to. When the interview recorded no advice, the built-in thank-you uses a
 * variant that does not mention advice.
 * @param out the text, free with iv_free()
 * @param db the store
 * @param followup_id the follow-up's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID if the follow-up is not a thank-you, names no
 *         interview, or the template is malformed; IV_ENOTFOUND
 */
IV_EXTERN(int) iv_draft_thanks(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts);
/** @} */

/** What the checker flags in a request. */
typedef enum {
	IV_DRAFT_TOO_LONG = 1u << 0,      /**< over 100 words */
	IV_DRAFT_ASKS_FOR_JOB = 1u << 1,  /**< asks for a job, a referral or an opening */
	IV_DRAFT_NO_QUESTION = 1u << 2    /**< asks no question */
} iv_draft_warning_t;

/** The longest request the checker accepts, in words. */
#define IV_DRAFT_MAX_WORDS 100

/**
 * Checks a request text.
 *
 * IV_DRAFT_TOO_LONG: more than IV_DRAFT_MAX_WORDS words (iv_draft_word_count()).
 * IV_DRAFT_NO_QUESTION: no "?" (nor the full-width U+FF1F).
 * IV_DRAFT_ASKS_FOR_JOB: one of these words or phrases, as whole words
 * compared ASCII case-insensitively, where a hyphen or an apostrophe
 * separates words (so "job-hunting" and "job's" have "job", "jobless" and
 * "Jobson" do not): job, jobs, opening, openings, vacancy, vacancies,
 * hiring, referral, referrals, employment, resume (also with accents), CV, CVs,
 * "hire me", "refer me", "open role(s)", "to work for you", "to work for
 * your", "working for your", and position(s) after "a", "any", "open",
 * "available" or "vacant" (but not "in a position to"; "your position" is
 * not an ask). "Would Tuesday work for you?" is not flagged.
 *
 * @param warnings set to the iv_draft_warning_t flags found (0 if none)
 * @param text the request; borrowed for this call
 * @return 0, or IV_EINVALID for invalid UTF-8 or control characters other
 *         than tab and line breaks
 */
IV_EXTERN(int) iv_draft_check(unsigned int *warnings, const char *text);
/**
 * Number of words: runs of letters and digits (every byte of a non-ASCII
 * character counts as a letter) joined by single in-word apostrophes or
 * hyphens ("don't", "20-30" and "well-known" are one word each).
 * @param text the text, or NULL
 * @return the number of words; 0 for NULL
 */
IV_EXTERN(size_t) iv_draft_word_count(const char *text);
/**
 * A one-line explanation of one warning flag.
 * @param warning one iv_draft_warning_t flag
 * @return the explanation, static; NULL for anything else
 */
IV_EXTERN(const char *) iv_draft_warning_message(unsigned int warning);

IV_END_DECL

#endif
