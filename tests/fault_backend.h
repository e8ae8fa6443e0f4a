/*
 * A backend for tests that wraps any other and makes its k-th call fail
 * (tests/fault_backend.c): the fault-injection sweep of tests/test_fault.c.
 */
#ifndef IV_TEST_FAULT_BACKEND_H
#define IV_TEST_FAULT_BACKEND_H

#include <infoview/sys/backend.h>

typedef struct fault_backend fault_backend;

/*
 * How the armed call fails. FAULT_BEFORE: nothing is done, the code is
 * returned. FAULT_AFTER: for a write (insert, update, delete, setting_set)
 * the wrapped backend does it and the code is returned all the same, as a
 * backend that fails half-way through a change may (the vtable does not
 * promise that a failed write wrote nothing; the core's savepoint must
 * undo it); for a rollback the wrapped backend rolls back and the code is
 * returned (the contract: a rollback closes its transaction even when it
 * fails); for other calls as FAULT_BEFORE.
 */
enum { FAULT_BEFORE = 0, FAULT_AFTER = 1 };
/*
 * Or'ed into the mode: every call from the k-th on fails, not only the
 * k-th (a server that stays unreachable; IV_ERETRY that never clears).
 */
enum { FAULT_EVERY = 2 };

/*
 * Wraps `inner` (owned from now on, freed with the wrapper) in a backend
 * of the same version with the same optional operations. `*ctl` is the
 * wrapper itself, for fault_arm() and friends; *out is what to give
 * iv_db_open_backend().
 */
int fault_wrap(iv_backend **out, fault_backend **ctl, iv_backend *inner);
/*
 * As fault_wrap(), the wrapper claiming `version` (at most the wrapped
 * backend's) and offering only that version's operations: a third
 * party's older backend in front of a newer one.
 */
int fault_wrap_version(iv_backend **out, fault_backend **ctl, iv_backend *inner, unsigned int version);

/*
 * Counts calls from 0 again and makes call number `k` (1 for the next)
 * fail with `code` as `mode` says; k = 0 only counts. Every call counts:
 * each vtable operation and each next() of an iterator it made.
 */
void fault_arm(fault_backend *f, long k, int code, int mode);
/* Stops counting and failing (for the test's own reads). */
void fault_disarm(fault_backend *f);
/* Calls counted since fault_arm(). */
long fault_calls(const fault_backend *f);
/* Whether the armed call was reached (and failed). */
int fault_hit(const fault_backend *f);
/* Whether the call that failed is one FAULT_AFTER does before failing. */
int fault_hit_write(const fault_backend *f);
/* The wrapped backend, for reading it directly (settings). */
iv_backend *fault_inner(fault_backend *f);
/* The name of the operation that failed last, for messages. */
const char *fault_where(const fault_backend *f);

#endif
