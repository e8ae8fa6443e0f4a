/**
 * @file infoview/common.h
 * @brief Shared definitions: the export macro, versions, memory, times,
 *        ids and field limits.
 *
 * @par Threads
 * Every function here is thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_common_h__
#define INCLUDE_infoview_common_h__

#include <stddef.h>
#include <stdint.h>

/**
 * @def IV_BEGIN_DECL
 * Opens C linkage for the declarations of a header (`extern "C" {` in C++).
 * @def IV_END_DECL
 * Closes what IV_BEGIN_DECL opened.
 */
#ifdef __cplusplus
# define IV_BEGIN_DECL extern "C" {
# define IV_END_DECL }
#else
# define IV_BEGIN_DECL
# define IV_END_DECL
#endif

/**
 * @def IV_EXTERN(type)
 * Declares a function returning `type` as part of the exported ABI.
 */
#if defined(_WIN32) && defined(IV_BUILDING_DLL)
# define IV_EXTERN(type) __declspec(dllexport) type
#elif defined(__GNUC__) || defined(__clang__)
# define IV_EXTERN(type) __attribute__((visibility("default"))) type
#else
# define IV_EXTERN(type) type
#endif

IV_BEGIN_DECL

/** Compile-time major version of the headers. */
#define IV_VERSION_MAJOR 0
/** Compile-time minor version of the headers. */
#define IV_VERSION_MINOR 1
/** Compile-time patch version of the headers. */
#define IV_VERSION_PATCH 0
/** Compile-time version of the headers as a string. */
#define IV_VERSION "0.1.0"
/** MAJOR * 10000 + MINOR * 100 + PATCH, for numeric comparison. */
#define IV_VERSION_NUMBER (IV_VERSION_MAJOR * 10000 + IV_VERSION_MINOR * 100 + IV_VERSION_PATCH)

/**
 * Runtime version of the library actually linked.
 *
 * @param major where to store the major version; may be NULL
 * @param minor where to store the minor version; may be NULL
 * @param patch where to store the patch version; may be NULL
 * @return the version as a static string such as "0.1.0"
 */
IV_EXTERN(const char *) iv_version(int *major, int *minor, int *patch);

/**
 * IV_VERSION_NUMBER of the linked library (for FFI callers).
 * @return MAJOR * 10000 + MINOR * 100 + PATCH
 */
IV_EXTERN(int) iv_version_number(void);

/**
 * Frees memory the library returned to the caller (strings documented as
 * "free with iv_free()"). Accepts NULL.
 * @param ptr the memory, or NULL
 */
IV_EXTERN(void) iv_free(void *ptr);

/**
 * Allocates memory that iv_free() frees: what a backend hands to the
 * library to own (see <infoview/sys/backend.h>) comes from here, so that a
 * backend built with another allocator or runtime (another language, a
 * separate C runtime) gives the library memory it can free.
 * @param size the bytes wanted; 0 gives a unique pointer or NULL
 * @return the memory, or NULL when out of memory
 */
IV_EXTERN(void *) iv_malloc(size_t size);

/**
 * Copies a string into memory from iv_malloc().
 * @param s the string; NULL gives NULL
 * @return the copy, free with iv_free(); NULL for NULL or when out of memory
 */
IV_EXTERN(char *) iv_strdup(const char *s);

/**
 * A UTC time: seconds since 1970-01-01T00:00:00Z. The value 0 means
 * "not set" wherever a time is optional.
 */
typedef int64_t iv_time;

/**
 * The latest time the library accepts: 9999-12-31T23:59:59Z.
 *
 * Every time a record holds is from IV_TIME_MIN to IV_TIME_MAX (the years 1
 * to 9999): the setters of times refuse others with IV_EINVALID naming the
 * field, and the arithmetic on times (iv_time_add_days(), the rules'
 * follow-ups, a contact's check-in after its cadence) saturates at these
 * bounds instead of overflowing. The store's clock is narrower: after 1970.
 */
#define IV_TIME_MAX INT64_C(253402300799)

/** The earliest time the library accepts: 0001-01-01T00:00:00Z (see IV_TIME_MAX). */
#define IV_TIME_MIN INT64_C(-62135596800)

/** Length of a UUID in its text form, without the terminating NUL. */
#define IV_ID_LEN 36

/**
 * Checks that a string is a UUID in text form (8-4-4-4-12 hex digits, either
 * case).
 * @param id the string; NULL is not valid
 * @return 1 if valid, 0 otherwise
 */
IV_EXTERN(int) iv_id_valid(const char *id);

/**
 * @name Limits
 * Limits on what a record may hold; longer input is refused with
 * IV_EINVALID naming the field. Lengths are in bytes of UTF-8.
 * @{
 */
#define IV_LIMIT_SHORT 256      /**< names, e-mails, phone, company, title, location */
#define IV_LIMIT_TAG 64         /**< one tag */
#define IV_LIMIT_URL 2048       /**< profile URL */
#define IV_LIMIT_TEXT 65536     /**< notes, purpose, drafts, questions, answers, items */
#define IV_LIMIT_LIST 256       /**< e-mails, tags, questions, advice or resources in one record */
/** One record of an import's input (a CSV row, a vCard, a backup's record): 64 MiB */
#define IV_LIMIT_RECORD 67108864
/** @} */

/**
 * The value of a limit by name, for callers that cannot read macros:
 * "short", "tag", "url", "text", "list", "record".
 * @param name the limit's name
 * @return the limit in bytes (or items for "list"); -1 for an unknown name
 */
IV_EXTERN(int) iv_limit(const char *name);

IV_END_DECL

#endif
