/*
 * Private: the versioned structs callers and backends hand the library, and
 * how the core reads and writes them only as far as their version reaches.
 *
 * A caller built against an older header has a shorter struct. The core
 * never touches a byte past the end of the caller's version: it reads a
 * caller's struct into a full-sized local copy already holding the
 * defaults (iv__struct_read) and writes back only the caller's version's
 * bytes (iv__struct_write).
 */
#ifndef IV_ABI_H
#define IV_ABI_H

#include <stddef.h>

enum {
	IV__ST_CONTACT_FILTER,
	IV__ST_INTRO_FILTER,
	IV__ST_INTERVIEW_FILTER,
	IV__ST_FOLLOWUP_FILTER,
	IV__ST_AGENDA_OPTIONS,
	IV__ST_SEARCH_OPTIONS,
	IV__ST_DRAFT_OPTIONS,
	IV__ST_RULES,
	IV__ST_BACKEND,
	IV__ST_BACKEND_ITER,
	IV__ST_NOTE_FILTER,
	IV__ST_DRAFT_REPORT,
	IV__ST_IMPORT_OPTIONS,
	IV__ST_EXPORT_OPTIONS,
	IV__ST_TARGET_FILTER,
	IV__ST_COUNT
};

/* The newest version of struct `st` the library knows. */
unsigned int iv__struct_current(int st);

/* The bytes version `version` of struct `st` covers; 0 for an unknown version. */
size_t iv__struct_size(int st, unsigned int version);

/*
 * IV_EVERSION naming the struct and the versions known, unless `version`
 * is one of them.
 */
int iv__struct_check(int st, unsigned int version);

/*
 * Reads the caller's struct `src` into `dst`, a full struct of the newest
 * version already holding the defaults: checks src's version, copies only
 * its bytes and sets dst's version to the newest (every member of dst is
 * now meaningful).
 */
int iv__struct_read(void *dst, int st, const void *src);

/*
 * Writes the newest-version struct `src` into the caller's `dst` of
 * version `version`: that version's bytes only, with `version` in the
 * version member.
 */
int iv__struct_write(void *dst, int st, const void *src, unsigned int version);

/*
 * The newest version of the filter struct `st` whose members a backend of
 * version `backend_version` applies. Filter members newer than that are
 * applied by the core on what the backend returns.
 */
unsigned int iv__filter_version_for_backend(int st, unsigned int backend_version);

/*
 * The oldest version of filter `st` that holds every member set (non-zero)
 * in `f`, a struct of the newest version.
 */
unsigned int iv__filter_version_needed(int st, const void *f);

/* The version of filter `st` that introduced member `name`; 0 if it has none so named. */
unsigned int iv__filter_member_since(int st, const char *name);

/*
 * The name of the first member set (non-zero) in `f`, a filter `st` of the
 * newest version, that a backend applying version `known` does not apply
 * and that is not named in `handled` (NULL-terminated; may be NULL): a
 * member nobody would apply. NULL when there is none.
 */
const char *iv__filter_unapplied(int st, const void *f, unsigned int known, const char *const *handled);

#endif
