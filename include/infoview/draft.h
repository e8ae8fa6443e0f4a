/**
 * @file infoview/draft.h
 * @brief Your profile, message drafts and the request checker.
 *
 * @par Threads
 * As in db.h; a profile and a draft are independent copies. iv_draft_default_template(),
 * iv_draft_check(), iv_draft_word_count() and iv_draft_warning_message() are
 * thread-safe, and so are iv_draft_check_report() and iv_draft_report_init().
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
	IV_DRAFT_NO_QUESTION = 1u << 2,   /**< asks no question */
	/** says nothing about who you are (only iv_draft_check_report() reports it) */
	IV_DRAFT_NO_INTRODUCTION = 1u << 3,
	/** gives them no reason why they are the one you write to (only iv_draft_check_report()) */
	IV_DRAFT_NO_REASON = 1u << 4
} iv_draft_warning_t;

/** The longest request the checker accepts, in words. */
#define IV_DRAFT_MAX_WORDS 100

/**
 * Checks a request text.
 *
 * IV_DRAFT_TOO_LONG: more than IV_DRAFT_MAX_WORDS words (iv_draft_word_count()).
 * IV_DRAFT_NO_QUESTION: no "?" (nor the full-width U+FF1F).
 * IV_DRAFT_ASKS_FOR_JOB: a job ask, by the rules of iv_draft_check_report()
 * ("Could you refer me?", "Are there any openings?"); a negated one ("I am
 * not asking for a job") or "job" as a topic ("the CRA job market") is not
 * one. (Up to 0.1.0 the words job, hiring, position... were flagged
 * wherever they stood.)
 *
 * This function reports only the three flags above, and keeps the 0.1.0
 * rules for the first two; iv_draft_check_report() reads the whole request.
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

/** The parts of a request that iv_draft_check_report() looks for. */
typedef enum {
	IV_DRAFT_PART_WHO = 1u << 0, /**< who you are: a self-introduction or your background */
	IV_DRAFT_PART_WHY = 1u << 1, /**< why them: their work, role or story, or who sent you */
	IV_DRAFT_PART_ASK = 1u << 2  /**< the ask: a question asking whether they would talk */
} iv_draft_part_t;

/**
 * What iv_draft_check_report() finds in a request. The library writes it
 * only as far as the version the caller set reaches.
 */
typedef struct iv_draft_report {
	/** the struct's version: IV_DRAFT_REPORT_VERSION; set it before the call */
	unsigned int version;
	/** the number of words (see iv_draft_check_report()) */
	size_t words;
	/** the iv_draft_warning_t flags found, 0 if none */
	unsigned int warnings;
	/** the iv_draft_part_t flags of the parts found */
	unsigned int parts;
} iv_draft_report;

/** The current version of iv_draft_report. */
#define IV_DRAFT_REPORT_VERSION 1
/** A static initialiser for iv_draft_report: the current version, nothing found. */
#define IV_DRAFT_REPORT_INIT { IV_DRAFT_REPORT_VERSION, 0, 0, 0 }
/**
 * Initialises a report: `version` set, nothing found.
 * @param report the report
 * @param version IV_DRAFT_REPORT_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_draft_report_init(iv_draft_report *report, unsigned int version);

/**
 * Reads a request as a person would: counts its words, looks for its three
 * parts (who you are, why them, the ask) and for a job ask.
 *
 * Warnings: IV_DRAFT_TOO_LONG over IV_DRAFT_MAX_WORDS words;
 * IV_DRAFT_NO_INTRODUCTION, IV_DRAFT_NO_REASON and IV_DRAFT_NO_QUESTION
 * when the part who, why or ask is missing; IV_DRAFT_ASKS_FOR_JOB for a job
 * ask. A later version of the report may bring new flags: they are given
 * only to callers that set that version.
 *
 * @par Words
 * A word is a run of letters and digits, where a single apostrophe (' ’ ʼ)
 * or hyphen (- ‐ ‑) between two letters joins the run ("don't", "20-30"
 * and "job-hunting" are one word each). Every character is a letter but
 * ASCII punctuation and spaces and these: U+00A0 to U+00BF (but ª µ º),
 * U+00D7, U+00F7, U+037E, U+060C, U+061B, U+061F, U+06D4, U+2000 to U+206F
 * (but ‐ ‑ and ’), U+3000 to U+303F, U+FF01 to U+FF0F, U+FF1A to U+FF20,
 * U+FF3B to U+FF40 and U+FF5B to U+FF65. (iv_draft_word_count() keeps
 * 0.1.0's count, in which these are letters.) The rules match the parts of
 * a word either side of an apostrophe or hyphen separately: "I'm" is i m,
 * "don't" is don t, "job-hunting" is job hunting.
 *
 * @par Sentences and clauses
 * A sentence ends at . ! ? … 。 ！ ． ？ ؟ ۔ or U+037E (the Greek question
 * mark) when no letter or digit follows ("3.5" and a URL's "?q=" end
 * none), and at a blank line; but not inside quotation marks ("...",
 * “...”, „...“, «...», 「...」, 『...』; a blank line closes them), nor at
 * the full stop after a one-letter word ("J.", "e.g.") or a word of the
 * list abbreviations below ("Dr."). A question is a sentence that ends in
 * ?, ？, ؟ or U+037E: a "?" inside quotation marks asks nothing.
 * A clause ends where its sentence does, at , ; : ( ) [ ] { } – — ―
 * 、 ， ： ； （ ） ، ؛, at a quotation mark, at a hyphen that joins no word
 * ("--", " - "), before a word of the list clause-words, and before and, or
 * or so followed by I, we or you.
 *
 * @par The rules
 * Each rule below is a phrase, matched ASCII case-insensitively within one
 * clause: "a|b" is either word, "word*" any word starting so, "~N" up to N
 * words of any kind, "!a|b" any word but these (or the clause's end), "$"
 * the clause's end, "<name>" a word starting with a capital A to Z, "^"
 * (first) the start of a sentence or of a line, "<job>" a job. A rule who
 * or why finds that part. A rule ask finds the ask when its sentence is a
 * question. A rule job is a job ask, unless a negation comes before it in
 * its clause.
 * - A job is at most three words, none of the list job-words, then a word
 *   of job-nouns not followed by a word of job-topics: "a job", "any open
 *   CRA roles" and "employment" are jobs; "the job", "your role", "the CRA
 *   job market", "job titles" and "job-hunting" are not.
 * - A negation is a word of negations, n't (the t after an apostrophe that
 *   follows a word ending in n), "rather than", "instead of" or "as opposed
 *   to". It reaches the end of its clause; when nothing follows it there
 *   ("I am not, to be clear, asking for a job") it reaches the end of its
 *   sentence, or a clause that starts with a word of clause-words or with
 *   and, or or so before I, we or you. A negation followed (after at most one word of hedge-adverbs)
 *   by a word of hedges is a hedge, which negates nothing: "I'm not sure
 *   whether your team is hiring" is a job ask.
 *
 * Lines that start with spaces continue the line before. The ctest
 * check_rules holds this list against the checker's own.
 * @verbatim
 * who           my name is|s
 * who           i am|m <name>
 * who           i am|m a|an !fan|admirer|follower|reader|listener|big|huge|
 *               great|long|longtime|avid|regular
 * who           i am|m currently|now|studying|completing|finishing|pursuing|
 *               training|transitioning|moving|switching|changing|retraining|
 *               exploring|graduating|working|employed|based|part
 * who           i am|m in my|the|a|an
 * who           i am|m looking|hoping|trying|planning|keen|eager to move|
 *               transition|switch|pivot|change|break|get|make
 * who           i was a|an|working|trained|employed
 * who           i work|worked as|in|at|for|on|with
 * who           i have|ve been a|an|working|teaching|studying|doing|in|at|
 *               with|training|practising|practicing|employed|part|leading|
 *               managing|running
 * who           i have|ve worked|spent|studied|trained|taught|completed|
 *               finished|earned|led|managed|run
 * who           i have|ve a|an phd|degree|background|master*|msc|bsc|ba|mba|
 *               doctorate|diploma|certificate
 * who           i have|ve ~2 years|months|decade*
 * who           after ~3 years|months|decade*|stint|phd|degree|master*|msc|
 *               bsc|mba|doctorate|postdoc*|residency|graduation|graduating
 * who           i ~1 recently
 * who           i ~1 just finished|completed|graduated|defended|left|moved|
 *               earned
 * who           i studied|graduated|trained|qualified|completed|finished|
 *               earned|hold|spent|retrained|lead|led|manage|managed|run|ran|
 *               teach|taught|joined|left|moved|switched|specialise*|
 *               specialize*
 * who           my background|phd|degree|master*|research|career|training|
 *               experience|studies|thesis|dissertation|current|previous|
 *               former|work|lab|team|field|years|time|undergrad*|postdoc*|
 *               role|job
 * who           background in|as
 * who           as someone who|with
 * who           ^ as a|an
 * who           ^ this is <name>
 * why           your ~1 experience*|work|works|career*|path*|journey*|role*|
 *               title|position*|job|jobs|team*|group*|lab|labs|company|
 *               companies|firm|organi*|department|field|background|
 *               transition*|move|moves|switch|story|stories|article*|post|
 *               posts|talk|talks|presentation*|paper*|research|book*|
 *               podcast*|blog*|webinar*|panel|profile|project*|expertise|
 *               name|newsletter*|interview*|thread*|trajectory|pivot|
 *               publication*|study|studies|trial*|program*|programme*|
 *               keynote*|lecture*|speech*|seminar*|course*|video*|episode*|
 *               column*|essay*|tweet*|piece|pieces|review*|report*|letter*
 * why           you work*|worked|lead|led|run|ran|manage*|moved|made|
 *               switched|transitioned|went|started|joined|built|wrote|
 *               posted|spoke|presented|founded|spent|published|shared|gave|
 *               changed|pivoted|left|took|trained|teach|taught|studied|
 *               specialise*|specialize*|oversee|oversaw|coordinate*|mentor*
 * why           you are|re|were at|in|the|now|currently|one|someone|both|
 *               also|based|responsible|leading|working|part|running|
 *               managing|known
 * why           you are|re|were a|an !busy|very|really|bit|little
 * why           you have|ve been|worked|spent|built|made|led|moved|done|
 *               written|helped|mentored|navigated|gone|published|had|taken|
 *               managed|run|experience|years|decades
 * why           saw|noticed|read|heard|learned|learnt|gather ~1 you|your
 * why           found ~1 you|your
 * why           came|come across|upon ~1 you|your
 * why           admire|admired|enjoyed|loved|liked|follow|followed ~1 your|
 *               you|how
 * why           suggested|suggests|recommended|recommends|mentioned|
 *               mentions|told|tells|advised|encouraged|urged ~1 i|me|you|
 *               that|we|your|contacting|reaching|speaking|talking|getting|
 *               connecting|writing|to
 * why           thought|said|says|thinks you|your
 * why           referred|pointed|directed|sent|introduced|connected|put me|
 *               us|you
 * why           gave|passed|shared|forwarded|sent ~1 your
 * why           s|the|kind|warm|mail|via|through|your introduction|intro
 * why           mutual friend*|colleague*|contact*|connection*|acquaintance*
 * why           fellow !at|in|with|of|and
 * why           alumni|alumnus|alumna|alum|alums
 * why           we met|worked|studied|spoke|talked|both|share|shared|
 *               overlapped|were|served|trained|sat|collaborated
 * ask           talk*|chat|chats|chatting|meet|meeting|meetup|call|calls|
 *               coffee|conversation*|speak*|phone|video|zoom|connect|
 *               connecting|interview|minute|minutes|moment|moments|
 *               availability|brain
 * ask           you mind
 * ask           ask|asked you
 * ask           you|be|re willing|open|available|free|able|up
 * ask           have|spare|find|got ~2 time
 * job           refer|hire|sponsor me
 * job           recommend me for|to
 * job           interview me
 * job           referral|referrals|cv|cvs|résumé|résumés|resumé|resumés|
 *               vacancy|vacancies|openings
 * job           my|a|the|attached resume|resumes
 * job           good word
 * job           my ~1 name|details|profile|application|information|
 *               info forward|in|along|on
 * job           to|with|from your ~1 recruiter*|recruiting|recruitment|hr|
 *               talent
 * job           foot in the door
 * job           keep me in mind
 * job           opens|opened up
 * job           is|are|re|s|be|been ~2 hiring !manager*|process*|practice*|
 *               trend*|freeze*|criteria|committee*|decision*|side|season*|
 *               market*|team*|bar|pipeline*|outlook|landscape|climate|
 *               cycle*|timeline*|plan*|strateg*|challenge*|needs
 * job           to work for|at|with you|your
 * job           working for your
 * job           join your ~1 team*|company|group*|lab|labs|firm|department*|
 *               organi*|practice|office|site|unit|division|staff|ranks
 * job           looking|searching|hunting|applying|competing|hoping|asking|
 *               angling|fishing|interviewing for <job>
 * job           seeking|seek|want|wanted|need|needed|land|secure|
 *               obtain <job>
 * job           get|give|offer|find me <job>
 * job           help me find|get|land|secure <job>
 * job           considered|candidate|apply|applying|applied|application|
 *               interview|interviewing for <job>
 * job           considered|candidate|apply|applying|applied|application|
 *               interview|interviewing for the|this|that <job>
 * job           consider|considering me for
 * job           apply|applying|applied to <job>
 * job           apply|applying|applied to|at your
 * job           am|m|re|is|s after <job>
 * job           is|are|re|s there <job> $
 * job           is|are|re|s there <job> on|in|at|with|within|open|available|
 *               going|coming|currently
 * job           you|team|group|company|lab|department|firm have|has|
 *               got <job>
 * job           know|hear|heard|aware of <job>
 * job           open|available|vacant|unfilled <job>
 * job           a|an|any <job> on|in|at|with|within your team*|group*|
 *               company|lab|labs|firm|department*|organi*|office|division|
 *               unit|site
 * job-words     the|your|my|his|her|their|our|its|this|that|these|those|
 *               what|which|whose|how|who|why|where|when|whether|if|to|of|
 *               for|on|in|at|about|with|from|by|into|like|than|and|or|but|
 *               as|is|are|was|were|be|been|being|am|s|m|re|ve|d|ll|t|you|i|
 *               me|we|us|they|them|it|he|she
 * job-nouns     job|jobs|position|positions|role|roles|opening|openings|
 *               vacancy|vacancies|employment|internship|internships|
 *               placement|placements|opportunity|opportunities|work
 * job-topics    market*|search*|seek*|hunt*|title*|description*|board*|
 *               site*|posting*|ad|ads|advert*|fair*|interview*|satisfaction|
 *               security|ladder|famil*|level*|function*|requirement*|skill*|
 *               offer*|application*|shadow*|itself|trend*|growth|outlook|
 *               prospects|type*|duties|responsibilit*|content|detail*|
 *               mobility|change*|switch*|hop*|rotation*|shar*|task*|model*|
 *               play*|reversal|statement*|paper*|life|experience*|history|
 *               loss*|cut*|creation|scene|landscape|culture|spec*|profile*|
 *               categor*|ethic*|balance|environment*
 * negations     not|never|no|nor|neither|cannot|without|dont|doesnt|didnt|
 *               isnt|arent|wasnt|werent|wont|cant|wouldnt|couldnt|shouldnt|
 *               havent|hasnt
 * hedge-adverbs really|quite|entirely|totally|completely|exactly|yet
 * hedges        sure|certain|know|knowing|aware|clear|positive|confident
 * clause-words  but|although|though|however|yet|whereas|except
 * abbreviations dr|mr|mrs|ms|prof|st|jr|sr|vs|eg|ie|cf|approx|dept
 * @endverbatim
 *
 * @param report set its version first (IV_DRAFT_REPORT_INIT or
 *        iv_draft_report_init()); filled as far as that version reaches,
 *        with nothing found when the call fails
 * @param text the request; borrowed for this call
 * @return 0; IV_EINVALID for a NULL argument, invalid UTF-8 or control
 *         characters other than tab and line breaks; IV_EVERSION when
 *         report->version is not one this library knows
 */
IV_EXTERN(int) iv_draft_check_report(iv_draft_report *report, const char *text);

IV_END_DECL

#endif
