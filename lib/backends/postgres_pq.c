/*
 * The PostgreSQL backend: libpq, loaded when it is first needed.
 *
 * The library does not link libpq: libpq.so.5 is opened with dlopen() the
 * first time a PostgreSQL store is opened or administered, and each
 * function the backend calls (PG_LIBPQ_FUNCTIONS in postgres_internal.h) is
 * looked up once. Programs that never open such a store load neither libpq
 * nor what it needs. libpq.so.5 is the name of libpq's ABI since
 * PostgreSQL 8.3; the headers the backend is compiled against declare the
 * types the pointers are called through. The environment variable
 * INFOVIEW_LIBPQ names another file to load instead (read once).
 *
 * SPDX-License-Identifier: MIT
 */
#define PG_LIBPQ_LOADER 1

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postgres_internal.h"

#define PG_LIBPQ_SONAME "libpq.so.5"
/* Another file to load instead (a path, or a name the loader finds), read once. */
#define PG_LIBPQ_ENV "INFOVIEW_LIBPQ"

struct iv__pq_api iv__pq;

_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "dlsym's result holds a function pointer");

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char why[256]; /* empty once loaded */

static void load(void)
{
	const char *file = getenv(PG_LIBPQ_ENV), *e;
	void *h;

	if (!file || !*file)
		file = PG_LIBPQ_SONAME;
	if (!(h = dlopen(file, RTLD_NOW | RTLD_LOCAL))) {
		e = dlerror();
		snprintf(why, sizeof(why), "%s", e ? e : "not found");
		return;
	}
	/*
	 * ISO C has no conversion from void * to a function pointer; POSIX
	 * requires dlsym()'s result to be usable as one, which copying its bytes
	 * does without the cast -Wpedantic warns about.
	 */
#define PG_LIBPQ_LOOKUP(name) \
	{ \
		void *f = dlsym(h, #name); \
		if (!f) { \
			snprintf(why, sizeof(why), "%s has no function %s", file, #name); \
			dlclose(h); \
			memset(&iv__pq, 0, sizeof(iv__pq)); \
			return; \
		} \
		memcpy(&iv__pq.name, &f, sizeof(f)); \
	}
	PG_LIBPQ_FUNCTIONS(PG_LIBPQ_LOOKUP)
#undef PG_LIBPQ_LOOKUP
	why[0] = '\0';
}

int iv__pq_loaded(void)
{
	/* Unloaded: a reason is set before anything is looked up. */
	return pthread_once(&once, load) == 0 && !why[0] && iv__pq.PQconnectdb;
}

int iv__pq_load(void)
{
	if (!iv__pq_loaded())
		return iv__pg_error(IV_ENOTFOUND,
				    "postgresql: libpq cannot be loaded (%s); install libpq (Debian: libpq5)",
				    why[0] ? why : "pthread_once failed");
	return 0;
}
