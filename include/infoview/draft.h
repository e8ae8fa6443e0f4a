/**
 * @file infoview/draft.h
 * @brief Your profile, message drafts and the request checker.
 *
 * @par Threads
 * As in db.h; a profile and a draft are independent copies. iv_draft_default_template(),
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
 * - me.name, me.background, me.exploring: your profile; me.first_name:
 *   your name up to its first space;
 * - contact.name, contact.first_name, contact.company, contact.title: the
 *   person the message is to (the interviewee of a request, the recipient of
 *   a follow-up, the person asked to introduce you, the person suggested by
 *   a nudge to reach out to someone else); contact.a_title: the title with
 *   an article ("a Clinical Trial Manager", "an Associate", "an MSL"; none
 *   added to a title that starts with "a", "an" or "the");
 *   contact.direct: "yes" when you know them directly (IV_KNOWN_DIRECT),
 *   else empty, for sections; greeting: "Hi Priya" to someone you know
 *   directly, else "Dear Sara" ("Hello" when a message has nobody to go to);
 * - purpose: the interview's purpose; medium: how you would talk, from the
 *   interview's medium: "by phone", "by video call", "in person, perhaps
 *   over coffee", or "by phone or video" when unset;
 * - interviewee.name, interviewee.first_name: the person the interview is
 *   with;
 * - introducer.name, introducer.first_name: who introduced you to the
 *   interviewee, through the introduction the interview names (in a nudge
 *   to reach out to someone else: who introduced you to the person
 *   suggested; in an introduction request: the person asked);
 * - introduced.name, introduced.first_name, introduced.company,
 *   introduced.title, introduced.a_title: the interviewee; in a thanks to
 *   an introducer, whom that introducer introduced you to (for Priya, who
 *   introduced you to Tom, who introduced you to Sara: Tom); in an
 *   introduction request, the person you ask to be introduced to;
 * - chain: in a thanks to an introducer further up the chain, the rest of
 *   it from `introduced` on: "put me in touch with Sara Klein", or "put me
 *   in touch with Carl Diaz, who introduced me to Sara Klein"; empty for the
 *   one who introduced you to the interviewee;
 * - advice: the interview's first advice item; advice.list: every advice
 *   item, one per line, "- " first, no final line break; resources: the
 *   interview's resources in a sentence ("TOPRA, the RAC guide and EPARs");
 *   resources.list: one per line as advice.list;
 * - outcome: "[what you did, and how it went]", for you to replace.
 *
 * A first name is the name up to its first space. me.background,
 * me.exploring, purpose, advice and each resource lose surrounding spaces and
 * a final full stop, so that a template can carry on the sentence. A value
 * that is unset (or has no record to come from) is empty, except me.name
 * and me.first_name: while your profile has no name, drafts say "[your
 * name]" so that you see what to fill in.
 *
 * Sections keep text or leave it out: "{?name}...{/name}" keeps what is
 * between when the value of name is not empty, "{^name}...{/name}" when it
 * is; sections nest, and each ends with the {/name} of its own name. The
 * built-in templates use them so that an empty field never leaves a hole
 * ("your experience as a Director at Pfizer", "your experience at Pfizer",
 * "your experience").
 *
 * A template whose first line starts with "Subject:" gives the subject in
 * the rest of that line (filled the same way, made one line); the message
 * starts on the next line, after one empty line if there is one. A template
 * without that line takes the subject of the built-in template of its kind.
 *
 * "{{" gives a literal "{"; a "}" outside a placeholder is itself. An
 * unknown name, an unclosed "{" or a section not closed by its own {/name}
 * is refused with IV_EINVALID naming it ("template: unknown placeholder
 * {foo}").
 *
 * Which template is used: the one in the options if given, else the
 * store's own for the kind (iv_draft_template_set()), else the built-in.
 * @{
 */

/** Which built-in template. */
typedef enum {
	IV_TEMPLATE_REQUEST = 1,          /**< asking for an interview */
	IV_TEMPLATE_REQUEST_INTRODUCED = 2, /**< asking, after an introduction */
	IV_TEMPLATE_THANKS = 3,           /**< thanking the interviewee */
	IV_TEMPLATE_THANKS_INTRODUCER = 4, /**< thanking an introducer */
	/** telling an introducer already thanked for the introduction what came of it since */
	IV_TEMPLATE_INTRODUCER_UPDATE = 5,
	IV_TEMPLATE_NUDGE_FOLLOWUP = 6,   /**< following up once with someone who has not replied */
	IV_TEMPLATE_NUDGE_OTHER = 7,      /**< a request to someone else, when the first has not replied */
	IV_TEMPLATE_CHECK_IN = 8,         /**< staying in touch */
	IV_TEMPLATE_REPORT_BACK = 9,      /**< telling them what you did with their advice */
	IV_TEMPLATE_CUSTOM = 10,          /**< a greeting and a signature, for anything else */
	IV_TEMPLATE_INTRO_REQUEST = 11    /**< asking someone to introduce you, with a note to forward */
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
	/** a template replacing the store's and the built-in one; NULL for those */
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
 * when the interview names an introduction, else IV_TEMPLATE_REQUEST. This
 * gives the message alone; iv_draft_interview_request() gives the same with
 * its subject, recipient and warnings.
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
 * to and, for one further up the chain, how that led to the interviewee; to
 * an introducer already thanked for that same introduction, a note about
 * what came of it since (IV_TEMPLATE_INTRODUCER_UPDATE). When the interview
 * recorded no advice, the built-in thank-you uses a variant that does not
 * mention advice. This gives the message alone, as iv_draft_followup() makes
 * it.
 * @param out the text, free with iv_free()
 * @param db the store
 * @param followup_id the follow-up's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID if the follow-up is not a thank-you, names no
 *         interview, or the template is malformed; IV_ENOTFOUND
 */
IV_EXTERN(int) iv_draft_thanks(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts);

/**
 * A draft: the message, its subject and recipient, and what to fill in
 * before sending it. Made by iv_draft_followup(), iv_draft_interview_request()
 * and iv_draft_intro_request(); every getter accepts NULL and then returns
 * NULL or 0. A draft is independent of the store.
 */
typedef struct iv_draft iv_draft;

/**
 * Drafts the message a follow-up calls for, by its kind (and rule, see
 * workflow.h):
 * - a thank-you (IV_TEMPLATE_THANKS) and a thanks to an introducer
 *   (IV_TEMPLATE_THANKS_INTRODUCER or IV_TEMPLATE_INTRODUCER_UPDATE), as
 *   iv_draft_thanks() describes; a thanks to an introducer that names no
 *   interview thanks them for the latest introduction they made;
 * - a nudge made by the rule "nudge_other": a request to someone else
 *   (IV_TEMPLATE_NUDGE_OTHER) to the first of up to three people suggested
 *   (iv_draft_suggestion_at()): people known directly or one introduction
 *   away, at the interviewee's company first, then elsewhere, nearer first;
 *   never the interviewee nor anyone with an interview requested or
 *   scheduled. Through a made introduction, the introducer is named;
 * - any other nudge: following up once with the recipient
 *   (IV_TEMPLATE_NUDGE_FOLLOWUP);
 * - a check-in (IV_TEMPLATE_CHECK_IN), a report-back citing the advice and
 *   resources of the interview (IV_TEMPLATE_REPORT_BACK), a custom one
 *   (IV_TEMPLATE_CUSTOM: a greeting and a signature).
 *
 * A text saved on the follow-up (iv_followup_draft()) is not read: this
 * always drafts anew; a program shows the saved text where there is one.
 * @param out the draft, free with iv_draft_free()
 * @param db the store
 * @param followup_id the follow-up's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID for a malformed id or template, or a thanks to an
 *         introducer with no interview and no introduction made; IV_ENOTFOUND;
 *         IV_EVERSION for unknown options
 */
IV_EXTERN(int) iv_draft_followup(iv_draft **out, iv_db *db, const char *followup_id, const iv_draft_options *opts);
/**
 * Drafts the request for an interview, as iv_draft_request() does.
 * @param out the draft, free with iv_draft_free()
 * @param db the store
 * @param interview_id the interview's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID for a malformed id or template; IV_ENOTFOUND;
 *         IV_EVERSION for unknown options
 */
IV_EXTERN(int) iv_draft_interview_request(iv_draft **out, iv_db *db, const char *interview_id, const iv_draft_options *opts);
/**
 * Drafts a request for an introduction (IV_TEMPLATE_INTRO_REQUEST) to the
 * introducer of a suggested or requested introduction: whether they would
 * introduce you, with a short note they can forward (who you are, why the
 * person).
 * @param out the draft, free with iv_draft_free()
 * @param db the store
 * @param intro_id the introduction's id
 * @param opts NULL for the defaults; borrowed for this call only
 * @return 0; IV_EINVALID for a malformed id or template, or an introduction
 *         already made or declined; IV_ENOTFOUND; IV_EVERSION
 */
IV_EXTERN(int) iv_draft_intro_request(iv_draft **out, iv_db *db, const char *intro_id, const iv_draft_options *opts);
/**
 * Frees a draft; accepts NULL.
 * @param d the draft, or NULL
 */
IV_EXTERN(void) iv_draft_free(iv_draft *d);
/**
 * The message.
 * @param d the draft, or NULL
 * @return the text; borrowed, valid until `d` is freed
 */
IV_EXTERN(const char *) iv_draft_text(const iv_draft *d);
/**
 * The subject, one line.
 * @param d the draft, or NULL
 * @return the subject; borrowed, valid until `d` is freed
 */
IV_EXTERN(const char *) iv_draft_subject(const iv_draft *d);
/**
 * Where to send it: the recipient's primary (first) e-mail address.
 * @param d the draft, or NULL
 * @return the address; borrowed, valid until `d` is freed; NULL when the
 *         recipient has none (a warning says so) or there is no recipient
 */
IV_EXTERN(const char *) iv_draft_to(const iv_draft *d);
/**
 * The recipient: the contact the message is to.
 * @param d the draft, or NULL
 * @return the contact's id; borrowed, valid until `d` is freed; NULL when
 *         there is nobody to send it to (a nudge to reach out to someone
 *         else when nobody is near)
 */
IV_EXTERN(const char *) iv_draft_contact(const iv_draft *d);
/**
 * The kind of template the draft was made from.
 * @param d the draft, or NULL
 * @return one of iv_template_t; 0 for NULL
 */
IV_EXTERN(int) iv_draft_kind(const iv_draft *d);
/**
 * Number of warnings: each names something to fill in before sending, such
 * as an empty field the draft would have used (the sentence was written
 * without it).
 * @param d the draft, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_draft_warning_count(const iv_draft *d);
/**
 * The i-th warning, one line naming the field first ("profile.background
 * is empty: set it with your background").
 * @param d the draft, or NULL
 * @param i the index, from 0
 * @return the message; borrowed, valid until `d` is freed; NULL if out of range
 */
IV_EXTERN(const char *) iv_draft_warning_at(const iv_draft *d, size_t i);
/**
 * The field the i-th warning is about: "profile.name",
 * "profile.background", "profile.exploring", "contact.title",
 * "contact.company", "contact.email", "interview.purpose",
 * "interview.advice"; "text" for a part of the message left for you to
 * write; "intro" when the draft could not tell whom an introducer
 * introduced you to; "network" when nobody could be suggested.
 * @param d the draft, or NULL
 * @param i the index, from 0
 * @return the field; borrowed, valid until `d` is freed; NULL if out of range
 */
IV_EXTERN(const char *) iv_draft_warning_field_at(const iv_draft *d, size_t i);
/**
 * The id of the record holding the field of the i-th warning: the
 * contact's for contact.* and intro, the interview's for interview.*.
 * @param d the draft, or NULL
 * @param i the index, from 0
 * @return the id; borrowed, valid until `d` is freed; NULL for the profile,
 *         the text, the network, or out of range
 */
IV_EXTERN(const char *) iv_draft_warning_record_at(const iv_draft *d, size_t i);
/**
 * Number of people suggested by a nudge to reach out to someone else (at
 * most 3; the draft is to the first); 0 for other drafts.
 * @param d the draft, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_draft_suggestion_count(const iv_draft *d);
/**
 * The i-th person suggested.
 * @param d the draft, or NULL
 * @param i the index, from 0
 * @return the contact's id; borrowed, valid until `d` is freed; NULL if out of range
 */
IV_EXTERN(const char *) iv_draft_suggestion_at(const iv_draft *d, size_t i);

/**
 * Sets the store's own template for one kind of draft, used instead of the
 * built-in one from then on (unless options name a template).
 * @param db the store
 * @param which one of iv_template_t
 * @param text the template, copied and checked as a template; NULL or ""
 *        removes it (as iv_draft_template_clear())
 * @return 0; IV_EINVALID for an unknown kind or a malformed template (the
 *         message names what is wrong, as for a draft); the store's error
 */
IV_EXTERN(int) iv_draft_template_set(iv_db *db, int which, const char *text);
/**
 * The store's own template for one kind of draft.
 * @param out the template, free with iv_free(); NULL when the store has
 *        none (the built-in one is used: iv_draft_default_template())
 * @param db the store
 * @param which one of iv_template_t
 * @return 0; IV_EINVALID for an unknown kind; the store's error
 */
IV_EXTERN(int) iv_draft_template_get(char **out, iv_db *db, int which);
/**
 * Removes the store's own template for one kind of draft: the built-in one
 * is used again. Removing one never set is no error.
 * @param db the store
 * @param which one of iv_template_t
 * @return 0; IV_EINVALID for an unknown kind; the store's error
 */
IV_EXTERN(int) iv_draft_template_clear(iv_db *db, int which);

/**
 * Keeps a request text (as edited by you) for an interview, so that a
 * program can show it again instead of a new draft. It is removed with the
 * interview. A follow-up's text is kept on the follow-up instead
 * (iv_followup_set_draft()).
 * @param db the store
 * @param interview_id the interview's id
 * @param text the text, copied (at most IV_LIMIT_TEXT bytes of UTF-8, no
 *        control characters but tab and line breaks); NULL or "" removes it
 * @return 0; IV_EINVALID for a malformed id or text; IV_ENOTFOUND naming a
 *         missing interview
 */
IV_EXTERN(int) iv_draft_save_request(iv_db *db, const char *interview_id, const char *text);
/**
 * The request text kept for an interview.
 * @param out the text, free with iv_free(); NULL when none is kept
 * @param db the store
 * @param interview_id the interview's id
 * @return 0; IV_EINVALID for a malformed id; IV_ENOTFOUND naming a missing
 *         interview
 */
IV_EXTERN(int) iv_draft_saved_request(char **out, iv_db *db, const char *interview_id);
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
