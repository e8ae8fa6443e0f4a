/**
 * @file infoview/errors.h
 * @brief Error codes and the thread-local last error.
 *
 * @par Threads
 * Every function here is thread-safe: the last error is kept per thread.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_errors_h__
#define INCLUDE_infoview_errors_h__

#include "common.h"

IV_BEGIN_DECL

/**
 * Return codes. Every function returning int returns 0 (IV_OK) on success
 * or one of these negative values; details are in iv_error_last().
 * The values are part of the ABI and never change.
 */
typedef enum {
	IV_OK = 0,            /**< success */
	IV_ERROR = -1,        /**< generic failure (see the message) */
	IV_ENOTFOUND = -3,    /**< the record or file asked for does not exist */
	IV_EEXISTS = -4,      /**< a record with that id already exists */
	IV_EINVALID = -5,     /**< an argument or field is invalid; the message names it */
	IV_ECONSTRAINT = -6,  /**< the change would break the store's integrity */
	IV_EBUSY = -7,        /**< the store is locked by another connection */
	IV_ENOMEM = -8,       /**< out of memory */
	IV_EVERSION = -9,     /**< a version this library does not support */
	IV_ESTORAGE = -10,    /**< the storage layer failed (I/O, corruption) */
	IV_EMISUSE = -11,     /**< the API was called in a wrong state */
	/**
	 * a transient failure of a server store (a serialisation failure, a
	 * deadlock, a dropped connection): the transaction is gone and the
	 * same work may succeed if done again. A call that opens its own
	 * transaction is retried by the library a few times first; inside the
	 * caller's transaction, roll it back and do it again.
	 */
	IV_ERETRY = -12,
	IV_ITEROVER = -31     /**< an iterator has no more items (not an error) */
} iv_error_code_t;

/** The last error raised on the calling thread. */
typedef struct iv_error {
	int code;            /**< one of iv_error_code_t */
	const char *message; /**< a human-readable message, never NULL */
} iv_error;

/**
 * The last error raised by a libinfoview call on this thread.
 *
 * Never returns NULL: when no error happened the code is IV_OK and the
 * message is "no error". Borrowed: valid until the next libinfoview call on
 * this thread.
 *
 * @return the last error; never NULL; borrowed
 */
IV_EXTERN(const iv_error *) iv_error_last(void);

/**
 * The code of the last error on this thread (for FFI callers).
 * @return one of iv_error_code_t; IV_OK when no error happened
 */
IV_EXTERN(int) iv_error_code(void);

/**
 * The message of the last error on this thread.
 * @return the message; never NULL; borrowed, valid until the next
 *         libinfoview call on this thread
 */
IV_EXTERN(const char *) iv_error_message(void);

/** Resets the last error on this thread to IV_OK. */
IV_EXTERN(void) iv_error_clear(void);

/**
 * Sets the last error on this thread. Meant for backends and callbacks that
 * want their message shown to the caller.
 * @param code one of iv_error_code_t; IV_OK clears the last error
 * @param message the message, copied; NULL uses the code's name
 * @return code, so that `return iv_error_set(IV_EINVALID, "...")` works
 */
IV_EXTERN(int) iv_error_set(int code, const char *message);

/**
 * The symbolic name of an error code.
 * @param code one of iv_error_code_t
 * @return its name ("IV_ENOTFOUND"); static, never NULL
 */
IV_EXTERN(const char *) iv_error_name(int code);

IV_END_DECL

#endif
