/*
 * Private: the store handle and the core's access to its backend.
 */
#ifndef IV_DB_H
#define IV_DB_H

#include <stdint.h>
#include "infoview/sys/backend.h"

/*
 * An open iterator that reads from a store. The store keeps a list of them
 * so that iv_db_free() can release what they hold of the backend before
 * freeing it: the iterators stay valid objects that answer IV_EMISUSE and
 * can still be freed.
 */
typedef struct iv__live iv__live;
struct iv__live {
	iv__live *prev, *next;
	/*
	 * Releases what the iterator holds of the store; called once, by
	 * iv_db_free(). NULL when it holds nothing of its own.
	 */
	void (*detach)(iv__live *l);
	int detached;
};

/* Adds `l` to the store's open iterators. */
void iv__live_add(iv_db *db, iv__live *l);
/* Removes `l` when its iterator is freed first (no-op once detached). */
void iv__live_remove(iv_db *db, iv__live *l);
/* IV_EMISUSE naming the function, for an iterator whose store was freed. */
int iv__live_gone(const char *fn);

/*
 * A public iterator that hands out a backend iterator's records as they
 * are (notes, targets): the first member of iv_<kind>_iter.
 */
typedef struct iv__biter {
	iv__live live; /* first: detach() gets the iterator from it */
	iv_db *db;
	iv_backend_iter *bi;
	int over;
} iv__biter;
/*
 * Makes *out (`size` bytes, beginning with an iv__biter) around `bi`, what
 * the backend's list of `kind` ("note") gave with `error`, and registers
 * it with the store; on failure frees `bi` and says why.
 */
int iv__biter_make(void **out, size_t size, iv_db *db, iv_backend_iter *bi, int error, const char *kind);
/* The next record (freed with `free_record` when next() fails), or IV_ITEROVER. */
int iv__biter_next(void **out, iv__biter *it, void (*free_record)(void *), const char *kind);
/* Frees the iterator and what it holds of the backend; accepts NULL. */
void iv__biter_free(iv__biter *it);

struct iv_db {
	iv_backend *be;
	iv__live *live; /* open iterators */
	/*
	 * The thread inside a call on this store (0 for none) and how deeply:
	 * a second thread entering at the same time is refused (IV_EMISUSE)
	 * instead of corrupting the backend's state.
	 */
	_Atomic uintptr_t owner;
	unsigned int entries;
	iv_clock_cb clock;
	void *clock_payload;
	int depth; /* transactions open, the caller's and the core's */
	uint64_t retries; /* public calls done again after IV_ERETRY */
	/*
	 * Set by the agenda around its follow-up list: a backend that can
	 * (followup_list_contacts) reads each follow-up's contact with it
	 * (iv__followup_take_contact()) instead of a lookup per item.
	 */
	int with_contacts;
	/*
	 * Set by iv_interview_unschedule() around its update: the one way
	 * back in the lifecycle (scheduled -> requested), which the update
	 * hooks allow only then.
	 */
	int unscheduling;
	/*
	 * The last numbers given, per kind (store.c), while a quiet insert
	 * inside the caller's transaction keeps them here rather than in their
	 * settings: known says the value is the store's, pending that its
	 * setting is not written yet. Pending ones are written before anything
	 * else can read them (db.c): at the start of any call but such an
	 * insert, and at every begin and commit; a rollback drops them.
	 */
	int64_t number_last[5];
	unsigned char number_known[5], number_pending[5];
	int numbers_pending;
};

/*
 * The core's own transactions around a multi-step change: iv__tx_end()
 * commits when `error` is 0 and rolls back otherwise, returning the error
 * to report (the first one).
 */
int iv__tx_begin(iv_db *db);

/*
 * Brackets a public call on `db` (NULL: nothing to guard, the call reports
 * the argument): IV_EMISUSE naming `fn` when another thread is inside a
 * call on the same store. Calls nest on one thread.
 */
int iv__enter(iv_db *db, const char *fn);
/* As iv__enter(), for an insert, which leaves pending numbers pending. */
int iv__enter_insert(iv_db *db, const char *fn);
void iv__leave(iv_db *db);

/*
 * Whether a public call that failed with IV_ERETRY is done again: only the
 * outermost call on the store, with no transaction left open (the call
 * opened and ended its own), and at most IV__RETRY_MAX times, after a
 * short random pause; counts the retry. When it gives up it says so in the
 * message. `attempt` is 1 for the first retry.
 */
int iv__retry(iv_db *db, const char *fn, int attempt);
#define IV__RETRY_MAX 8

/*
 * The body of public function `fn`: `call` with store `db` guarded, done
 * again while a server store asks for it (IV_ERETRY; see iv__retry()).
 * `call` must leave nothing behind when it fails: every public call is
 * all-or-nothing, and its outputs are set only on success.
 */
#define IV__GUARDED(db, fn, call) IV__GUARDED_WITH(iv__enter, db, fn, call)
#define IV__GUARDED_WITH(enter, db, fn, call) do { \
	iv_db *guarded_ = (db); \
	int error_ = enter(guarded_, fn), attempt_ = 0; \
	if (error_ < 0) \
		return error_; \
	while ((error_ = (call)) == IV_ERETRY && iv__retry(guarded_, fn, ++attempt_)) \
		; \
	iv__leave(guarded_); \
	return error_; \
} while (0)
/*
 * As IV__GUARDED, never done again: a call that reads or writes a stream
 * of the caller's, or ends a transaction.
 */
#define IV__GUARDED_ONCE(db, fn, call) IV__GUARDED_ONCE_WITH(iv__enter, db, fn, call)
#define IV__GUARDED_ONCE_WITH(enter, db, fn, call) do { \
	iv_db *guarded_ = (db); \
	int error_ = enter(guarded_, fn); \
	if (error_ < 0) \
		return error_; \
	error_ = (call); \
	iv__leave(guarded_); \
	return error_; \
} while (0)

/*
 * The store's time from its clock: 0, or the clock's error (the caller must
 * then write nothing). `db` is not NULL.
 */
int iv__now(iv_time *out, iv_db *db);
int iv__tx_end(iv_db *db, int error);

/*
 * The next number of a kind of record ("contact", "note"...), kept in the
 * setting "iv.number.<kind>" (store.c); 0 with a backend of version 1,
 * which stores none. Call inside a transaction.
 */
int iv__number_next(int64_t *out, iv_db *db, const char *what);
/*
 * The next number of a kind, kept pending in the handle (above); `which`
 * indexes number_last. Only inside a transaction, with a backend whose
 * write lock the transaction holds.
 */
int iv__number_take(int64_t *out, iv_db *db, int which, const char *what);
/* Records that kind `which` gave number `n` (the insert that used it succeeded). */
void iv__number_given(iv_db *db, int which, int64_t n);
/* Writes the pending numbers and forgets the known ones. */
int iv__numbers_flush(iv_db *db);
/* Forgets the known numbers and drops the pending ones (after a rollback). */
void iv__numbers_forget(iv_db *db);

/*
 * Whether `be` is the built-in SQLite backend itself (lib/backends/sqlite.c),
 * whose inserts the core can rely on beyond the vtable's contract: each is
 * atomic (a failed one writes nothing, so inside the caller's transaction
 * it needs no savepoint of the core's), and its foreign keys refuse a
 * reference to a missing record (so the core need not look the record up
 * first, only after a failure, to say which reference it was).
 */
int iv__backend_is_sqlite(const iv_backend *be);

/*
 * IV_EEXISTS naming the other target when another target than `t` goes by
 * t's name or one of its aliases (target.c); the backend keeps targets.
 */
int iv__target_names_check(iv_db *db, const iv_target *t);

/* Deletes the notes of contact `contact_id` (note.c); nothing with a version-1 backend. */
int iv__notes_delete_of(iv_db *db, const char *contact_id);

#endif
