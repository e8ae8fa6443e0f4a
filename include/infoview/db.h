/**
 * @file infoview/db.h
 * @brief Opening a store, transactions, the clock, settings.
 *
 * @par Threads
 * A store and its iterators may be used by one thread at a time; records
 * are independent copies, free to move between threads. Open one store per
 * thread to work in parallel. A call made on a store while another thread
 * is inside a call on it is refused with IV_EMISUSE (nothing is read or
 * written): put a lock around a store shared between threads. The last
 * error is kept per thread. iv_backend_register() may be called from any
 * thread. Every other header
 * follows this rule and notes only its exceptions.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_db_h__
#define INCLUDE_infoview_db_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * Opens the default embedded store: an SQLite file at `path`, created (with
 * its schema) if it does not exist, migrated if it is older.
 *
 * A write waits up to 5 seconds for another connection's lock, or as many
 * milliseconds as $INFOVIEW_SQLITE_BUSY_TIMEOUT_MS says (0 to 600000) when
 * the store is opened; then it is refused with IV_EBUSY and has written
 * nothing. Readers neither wait for writers nor make them wait. Commits
 * are as durable as iv_db_set_durability() says (by default, safe from a
 * crash of the program, not from a power cut).
 *
 * Before anything is written, the file is checked against the schema
 * version it claims: every table, column, index, trigger and search table
 * that version has. A damaged store (one of them missing or altered, or
 * the file cut short) is refused with IV_ESTORAGE and a message naming what
 * is wrong, and is left as it was; tables and indexes of the user's own
 * are allowed. A read-only file, or a store in a directory that cannot be
 * written (where its WAL's -wal and -shm files cannot be made), is opened
 * for reading: reads work, writes fail with IV_ESTORAGE and a message
 * saying why. An empty file is a new store.
 *
 * @param out the store, free with iv_db_free()
 * @param path the file; NULL means the default path (see iv_db_default_path())
 * @return 0, IV_EVERSION if the file was written by a newer library,
 *         IV_EINVALID if it is not an infoview store (or is a directory),
 *         IV_ESTORAGE (damaged, unreadable, or read-only and in need of a
 *         new schema), IV_EBUSY
 */
IV_EXTERN(int) iv_db_open(iv_db **out, const char *path);

/**
 * Opens a store on a registered backend by name ("sqlite", "memory", or one
 * registered with iv_backend_register()).
 *
 * @param out the store, free with iv_db_free()
 * @param backend the backend's registered name
 * @param location backend-specific (a file path for "sqlite"; ignored by
 *        "memory"); may be NULL
 * @return 0, IV_ENOTFOUND if no backend has that name, or the backend's error
 */
IV_EXTERN(int) iv_db_open_with(iv_db **out, const char *backend, const char *location);

/**
 * Opens a new, empty store held in memory; it vanishes with iv_db_free().
 * @param out the store, free with iv_db_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_db_open_memory(iv_db **out);

/**
 * Closes a store and frees it. A transaction still open is rolled back.
 * Iterators still open on it (contacts, introductions, interviews,
 * follow-ups, agenda, search) are detached: their *_iter_next() then
 * returns IV_EMISUSE, and they must still be freed. Accepts NULL.
 *
 * An SQLite store that this handle wrote to copies its write-ahead log
 * into the file first. Where that fails (a full disk), iv_error_last()
 * afterwards holds IV_ESTORAGE and a message saying that the changes stay
 * in the file's "-wal" beside it: nothing is lost, and they are copied
 * once there is room. Otherwise the last error is left as it was; call
 * iv_error_clear() before to tell the two apart.
 * @param db the store, or NULL
 */
IV_EXTERN(void) iv_db_free(iv_db *db);

/**
 * The default store path: $XDG_DATA_HOME/infoview/infoview.db, or
 * $HOME/.local/share/infoview/infoview.db when XDG_DATA_HOME is unset or
 * not absolute. The directory is not created.
 *
 * @param out the path, free with iv_free()
 * @return 0, or IV_ENOTFOUND when neither variable gives a location
 */
IV_EXTERN(int) iv_db_default_path(char **out);

/**
 * Starts a transaction. Transactions nest: an inner one commits into the
 * outer one or rolls back alone. Every single call that writes is atomic on
 * its own; transactions group several.
 *
 * On a store shared by many connections (a server store), a call that
 * opens its own transaction and meets a transient failure is done again
 * by the library (see IV_ERETRY and iv_db_retry_count()); inside a
 * transaction of yours it returns IV_ERETRY instead: roll back and do the
 * transaction's work again.
 * @param db the store
 * @return 0, or the store's error (IV_EBUSY, IV_ESTORAGE, IV_ERETRY)
 */
IV_EXTERN(int) iv_db_begin(iv_db *db);

/**
 * Commits the innermost open transaction. When it fails the transaction
 * is still counted open: roll it back with iv_db_rollback(). Only after
 * IV_EBUSY may the commit be tried again instead (SQLite keeps the
 * transaction); after any other error the store may have ended it.
 * @param db the store
 * @return 0; IV_EMISUSE if none is open; the store's error (IV_EBUSY,
 *         IV_ESTORAGE, IV_ERETRY)
 */
IV_EXTERN(int) iv_db_commit(iv_db *db);

/**
 * Rolls back the innermost open transaction.
 * @param db the store
 * @return 0; IV_EMISUSE if none is open; the store's error
 */
IV_EXTERN(int) iv_db_rollback(iv_db *db);

/**
 * How many transactions are open.
 * @param db the store, or NULL
 * @return the depth; 0 outside any transaction, and for NULL
 */
IV_EXTERN(int) iv_db_transaction_depth(const iv_db *db);

/**
 * How many times calls on this store were done again after a transient
 * failure of the store (IV_ERETRY) since it was opened: 0 on SQLite and
 * memory stores, which have none.
 * @param db the store, or NULL
 * @return the count; 0 for NULL
 */
IV_EXTERN(uint64_t) iv_db_retry_count(const iv_db *db);

/**
 * A clock: stores the current time in UTC seconds in *now.
 *
 * @param now where to store the time; it must be after 1970-01-01T00:00:00Z
 *        and at most IV_TIME_MAX
 * @param payload as given to iv_db_set_clock()
 * @return 0, or a negative IV_E* code when the time cannot be had (a
 *         binding's clock that raised): the call that asked for the time
 *         then fails with that code and writes nothing. A clock may set its
 *         own message with iv_error_set().
 */
typedef int (*iv_clock_cb)(iv_time *now, void *payload);

/**
 * Replaces the store's clock, from which every time the library stamps
 * ("created", "updated", and the workflow's rules) is read.
 *
 * @param db the store
 * @param cb the clock; NULL restores the system clock
 * @param payload passed to cb, borrowed until the clock is replaced or the
 *        store freed
 * @return 0, IV_EINVALID when `db` is NULL
 */
IV_EXTERN(int) iv_db_set_clock(iv_db *db, iv_clock_cb cb, void *payload);

/**
 * The store's current time, from its clock.
 *
 * @param out the time
 * @param db the store
 * @return 0; the clock's error when it fails, IV_EINVALID when it gives a
 *         time that is not after 1970 or beyond IV_TIME_MAX
 */
IV_EXTERN(int) iv_db_now(iv_time *out, iv_db *db);

/**
 * Reads a per-store setting.
 * @param out the value, free with iv_free()
 * @param db the store
 * @param key the setting's name
 * @return 0, or IV_ENOTFOUND if the key has no value
 */
IV_EXTERN(int) iv_db_setting_get(char **out, iv_db *db, const char *key);

/**
 * Writes a per-store setting; value NULL removes it. Keys are non-empty
 * ASCII of letters, digits, '.', '_' and '-', at most 64 bytes; keys
 * beginning with "iv." are reserved for the library.
 * @param db the store
 * @param key the setting's name
 * @param value the value, copied; NULL removes the setting
 * @return 0; IV_EINVALID for a malformed or reserved key; the store's error
 */
IV_EXTERN(int) iv_db_setting_set(iv_db *db, const char *key, const char *value);

/**
 * How durable a store's commits are (iv_db_set_durability()). The store
 * is an SQLite file in WAL mode; these are SQLite's `synchronous` settings.
 */
typedef enum {
	/**
	 * Commits are not flushed to the disk one by one, only at checkpoints
	 * (the default). A crash of the program, even SIGKILL in the middle of
	 * a call, loses nothing that was acknowledged; a power cut or an
	 * operating-system crash may lose the last commits (never half of one,
	 * and the file stays sound).
	 */
	IV_DURABILITY_NORMAL = 0,
	/**
	 * Each commit is flushed to the disk before the call returns: a power
	 * cut loses nothing acknowledged either. Slower: one flush (fsync) per
	 * write call.
	 */
	IV_DURABILITY_FULL = 1
} iv_durability_t;

/**
 * Sets how durable the store's commits are, for this handle at once and
 * for every later opening of the store: it is kept in the store, as the
 * setting "iv.durability" ("full"; unset for the default, normal), which
 * iv_db_setting_get() reads. Other handles already open on the store keep
 * theirs until they are opened again. Inside a transaction it takes effect
 * when the outermost one ends (and not at all if it is rolled back).
 *
 * The memory backend has nothing to make durable: the setting is kept and
 * changes nothing. Another backend keeps it as a setting and decides what
 * it means.
 *
 * @param db the store
 * @param durability an iv_durability_t
 * @return 0; IV_EINVALID for a value that is not an iv_durability_t; the
 *         store's error
 */
IV_EXTERN(int) iv_db_set_durability(iv_db *db, int durability);

IV_END_DECL

#endif
