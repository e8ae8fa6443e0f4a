/*
 * Private: the store handle and the core's access to its backend.
 */
#ifndef IV_DB_H
#define IV_DB_H

#include "infoview/sys/backend.h"

struct iv_db {
	iv_backend *be;
	iv_clock_cb clock;
	void *clock_payload;
	int depth; /* transactions open, the caller's and the core's */
};

/*
 * The core's own transactions around a multi-step change: iv__tx_end()
 * commits when `error` is 0 and rolls back otherwise, returning the error
 * to report (the first one).
 */
int iv__tx_begin(iv_db *db);

/*
 * The store's time from its clock: 0, or the clock's error (the caller must
 * then write nothing). `db` is not NULL.
 */
int iv__now(iv_time *out, iv_db *db);
int iv__tx_end(iv_db *db, int error);

#endif
