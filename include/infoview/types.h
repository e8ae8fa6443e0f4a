/**
 * @file infoview/types.h
 * @brief The opaque handles and the enumerations of the domain.
 *
 * Enumerations: values are stored, so they never change; new values are
 * only ever added. Functions take and return them as int.
 *
 * @par Threads
 * The functions here are thread-safe and read only static tables.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_types_h__
#define INCLUDE_infoview_types_h__

#include "common.h"

IV_BEGIN_DECL

/** An open store. */
typedef struct iv_db iv_db;
/** A person. */
typedef struct iv_contact iv_contact;
/** One person introducing you to another. */
typedef struct iv_intro iv_intro;
/** An informational interview with one contact. */
typedef struct iv_interview iv_interview;
/** Something to do for a contact at a given time (thank, nudge, check in). */
typedef struct iv_followup iv_followup;

/** An iterator over contacts; see iv_contact_iter_next(). */
typedef struct iv_contact_iter iv_contact_iter;
/** An iterator over introductions; see iv_intro_iter_next(). */
typedef struct iv_intro_iter iv_intro_iter;
/** An iterator over interviews; see iv_interview_iter_next(). */
typedef struct iv_interview_iter iv_interview_iter;
/** An iterator over follow-ups; see iv_followup_iter_next(). */
typedef struct iv_followup_iter iv_followup_iter;

/** How you know a contact. */
typedef enum {
	IV_KNOWN_DIRECT = 1,     /**< you know them yourself (the default) */
	IV_KNOWN_INTRODUCED = 2, /**< someone introduced you */
	IV_KNOWN_COLD = 3        /**< you reached out with no introduction */
} iv_known_t;

/** How an introduction is made. */
typedef enum {
	IV_CHANNEL_EMAIL = 1,    /**< the default */
	IV_CHANNEL_IN_PERSON = 2, /**< face to face */
	IV_CHANNEL_PHONE = 3,    /**< a phone call */
	IV_CHANNEL_MESSAGE = 4,  /**< a chat or social-network message */
	IV_CHANNEL_OTHER = 5     /**< any other way */
} iv_channel_t;

/** Where an introduction stands. */
typedef enum {
	IV_INTRO_SUGGESTED = 1,  /**< someone could introduce you (the default) */
	IV_INTRO_REQUESTED = 2,  /**< you asked them to */
	IV_INTRO_MADE = 3,       /**< the introduction happened */
	IV_INTRO_DECLINED = 4    /**< they would not or could not */
} iv_intro_status_t;

/** How an interview is held. */
typedef enum {
	IV_MEDIUM_UNSET = 0,     /**< not decided yet (the default) */
	IV_MEDIUM_PHONE = 1,     /**< a phone call */
	IV_MEDIUM_VIDEO = 2,     /**< a video call */
	IV_MEDIUM_IN_PERSON = 3  /**< face to face */
} iv_medium_t;

/** Where an interview stands. */
typedef enum {
	IV_INTERVIEW_PLANNED = 1,     /**< you intend to ask (the default) */
	IV_INTERVIEW_REQUESTED = 2,   /**< you asked, waiting for a reply */
	IV_INTERVIEW_SCHEDULED = 3,   /**< a time is agreed */
	IV_INTERVIEW_COMPLETED = 4,   /**< it took place */
	IV_INTERVIEW_DECLINED = 5,    /**< they said no */
	IV_INTERVIEW_NO_RESPONSE = 6, /**< they never answered */
	IV_INTERVIEW_CANCELLED = 7    /**< called off */
} iv_interview_status_t;

/** What a follow-up is for. */
typedef enum {
	IV_FOLLOWUP_THANK_YOU = 1,        /**< thank the person you talked to */
	IV_FOLLOWUP_THANK_INTRODUCER = 2, /**< thank who introduced you */
	IV_FOLLOWUP_NUDGE = 3,            /**< no reply yet: act again */
	IV_FOLLOWUP_CHECK_IN = 4,         /**< stay in touch */
	IV_FOLLOWUP_REPORT_BACK = 5,      /**< tell them what you did with their advice */
	IV_FOLLOWUP_CUSTOM = 6            /**< anything else (the default) */
} iv_followup_kind_t;

/** Where a follow-up stands. */
typedef enum {
	IV_FOLLOWUP_PENDING = 1,   /**< still to do (the default) */
	IV_FOLLOWUP_DONE = 2,      /**< done */
	IV_FOLLOWUP_SKIPPED = 3,   /**< deliberately not done */
	IV_FOLLOWUP_CANCELLED = 4  /**< no longer needed (e.g. a nudge after a reply) */
} iv_followup_status_t;

/** Flags for the *_delete() functions. */
typedef enum {
	IV_DELETE_DEFAULT = 0,   /**< refuse to delete a record others depend on */
	/**
	 * Also delete what depends on the record instead of refusing with
	 * IV_ECONSTRAINT (see each delete function for what that is).
	 */
	IV_DELETE_CASCADE = 1u << 0
} iv_delete_flags_t;

/**
 * @name Names of enumerations
 * For callers that cannot read these headers (FFI
 * bindings, text formats). Each public enumeration is a `type` here:
 *
 *   "known" (iv_known_t), "channel" (iv_channel_t), "intro_status",
 *   "medium", "interview_status", "followup_kind", "followup_status",
 *   "delete_flags" (iv_delete_flags_t), "agenda_kind" (agenda.h),
 *   "search_kind", "search_flags" (search.h), "template" (iv_template_t),
 *   "draft_warning" (draft.h), "question_category" (workflow.h),
 *   "error" (the iv_error_code_t return codes of errors.h), and (since
 *   0.2) "timeline_kind" (note.h), "durability" (iv_durability_t, db.h),
 *   "target_step" (iv_target_step_t, target.h).
 *
 * A value's name is its symbol in lower case without the prefix naming the
 * type: IV_INTERVIEW_NO_RESPONSE is "no_response", IV_SEARCH_UNRANKED
 * "unranked", IV_ENOTFOUND "enotfound". Flag enumerations name each single
 * flag, never a combination. Names and types are static strings, never
 * freed; like the values, they never change and are only ever added.
 * @{
 */

/**
 * The name of an enumeration value.
 * @param type one of the types listed above
 * @param value a value of that enumeration
 * @return a static string, never freed ("direct", "thank_introducer"...);
 *         NULL for an unknown type or a value the enumeration does not have
 */
IV_EXTERN(const char *) iv_enum_name(const char *type, int value);

/**
 * The value of an enumeration from its name as iv_enum_name() gives it,
 * ASCII case-insensitively, '-' being accepted for '_'. For "error" the
 * name may also carry the prefix "IV_", so that iv_error_name()'s
 * "IV_ENOTFOUND" reads back.
 * @param out the value; unchanged on failure
 * @param type one of the types listed above
 * @param name the name; borrowed for this call
 * @return 0, or IV_EINVALID for an unknown type or name (the message names
 *         both)
 */
IV_EXTERN(int) iv_enum_value(int *out, const char *type, const char *name);

/**
 * Lists the enumeration types, so that a binding can build every
 * enumeration at import: call with 0, 1, 2... until it returns NULL.
 * @param i the index of the type; the order never changes, new types are
 *          appended
 * @return the type's name (a static string, never freed), or NULL when `i`
 *         is past the last type
 */
IV_EXTERN(const char *) iv_enum_type_name(size_t i);

/**
 * Lists the values of one enumeration, in the order of its header: call
 * with i = 0, 1, 2... until it returns IV_ITEROVER.
 * @param value where to store the i-th value; may be NULL
 * @param name where to store its name (a static string, never freed); may
 *        be NULL
 * @param type one of the types iv_enum_type_name() lists
 * @param i the index of the value
 * @return 0; IV_ITEROVER when `i` is past the last value (nothing stored);
 *         IV_EINVALID for an unknown type
 */
IV_EXTERN(int) iv_enum_at(int *value, const char **name, const char *type, size_t i);
/** @} */

IV_END_DECL

#endif
