/*
 * Private helpers shared by the core: errors, text checks, string lists.
 * Nothing here is exported.
 */
#ifndef IV_UTIL_H
#define IV_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include "infoview/infoview.h"
#include "abi.h"

#if defined(__GNUC__)
# define IV_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
# define IV_PRINTF(a, b)
#endif

/** Sets the thread's last error to `code` with a formatted message; returns code. */
int iv__error(int code, const char *fmt, ...) IV_PRINTF(2, 3);
/** Checks a pointer argument; IV_EINVALID naming it if NULL. */
#define IV__ARG(p) do { if (!(p)) return iv__error(IV_EINVALID, "%s: argument '%s' is NULL", __func__, #p); } while (0)

/** The same, in a helper of the public function `fn`, which the message names. */
#define IV__ARG_OF(fn, p) do { if (!(p)) return iv__error(IV_EINVALID, "%s: argument '%s' is NULL", fn, #p); } while (0)

/** Sets IV_ENOMEM; returns it. */
int iv__oom(void);
/**
 * Makes sure a failing call leaves a message: if the thread's last error is
 * not `code` (a backend returned an error without setting one), sets a
 * generic message naming `what`. Returns code.
 */
int iv__error_ensure(int code, const char *what);
/* What an error code means in words, for messages: never the C name. */
const char *iv__error_words(int code);

/* Flags for iv__check_text(). */
#define IV__ONELINE  0x1u  /* no control characters at all (else \t \n \r allowed) */
#define IV__NONBLANK 0x2u  /* must contain a non-space character */
#define IV__NOSPACE  0x4u  /* no spaces (urls, e-mails) */
#define IV__TRIMMED  0x8u  /* no leading or trailing space */

/**
 * Checks a string (not NULL: callers check) for a field: valid UTF-8, at most `max` bytes, and the
 * flags. On failure sets IV_EINVALID naming `field` and returns it.
 */
int iv__check_text(const char *field, const char *s, size_t max, unsigned int flags);

/**
 * Replaces *dst with a checked copy of `s`. NULL or "" clears *dst (sets it
 * to NULL) unless IV__NONBLANK is given, in which case it is refused.
 * On failure *dst is unchanged.
 */
int iv__set_text(char **dst, const char *field, const char *s, size_t max, unsigned int flags);

/**
 * Checks and copies a UUID for `field` into `out` in lower case.
 * IV_EINVALID naming the field if `id` is NULL or malformed.
 */
int iv__parse_id(char out[IV_ID_LEN + 1], const char *field, const char *id);

/**
 * Replaces *dst with a lower-case copy of the UUID `id`, or clears it when
 * `id` is NULL or "" and `optional` is non-zero.
 */
int iv__set_id(char **dst, const char *field, const char *id, int optional);

/** Generates a new time-ordered UUID (version 7 layout) in lower-case text. */
void iv__id_generate(char out[IV_ID_LEN + 1]);
/* `n` random bytes (at most 16), from the same per-thread pool as the ids. */
void iv__random_bytes(void *out, size_t n);
/** An id's 16 bytes (RFC 9562's binary form) as its lower-case text. */
void iv__id_format(char out[IV_ID_LEN + 1], const unsigned char u[16]);

/*
 * Checks the start of a UUID's text form (hex digits in either case,
 * hyphens where a UUID has them; 1 to 36 characters) and writes it in
 * lower case to `out`; IV_EINVALID naming `field` otherwise.
 */
int iv__parse_id_prefix(char out[IV_ID_LEN + 1], const char *field, const char *prefix);

/** strdup() that sets IV_ENOMEM on failure. NULL in gives NULL out. */
char *iv__strdup(const char *s);
/** ASCII case-insensitive comparison, independent of the locale. */
int iv__ascii_casecmp(const char *a, const char *b);

/** A growable array of owned strings; NULL entries are allowed (answers). */
typedef struct {
	char **items;
	size_t count;
	size_t alloc;
} iv__strlist;

void iv__strlist_free(iv__strlist *l);
/** Deep copy into an empty `dst`. */
int iv__strlist_copy(iv__strlist *dst, const iv__strlist *src);
/** Inserts a copy of `s` (may be NULL) at index i (0..count). */
int iv__strlist_insert(iv__strlist *l, size_t i, const char *s);
/** Removes and frees item i; caller checks the range. */
void iv__strlist_remove(iv__strlist *l, size_t i);
/** Moves item `from` to index `to`; caller checks the ranges. */
void iv__strlist_move(iv__strlist *l, size_t from, size_t to);
/** Index of `s` by ASCII case-insensitive comparison, or -1. */
long iv__strlist_find_nocase(const iv__strlist *l, const char *s);
/** Checks that `i` < count for `field`; IV_EINVALID with a message otherwise. */
int iv__check_index(const char *field, size_t i, size_t count);

/** IV_EVERSION naming `what` unless 1 <= version <= current. */
int iv__check_version(const char *what, unsigned int version, unsigned int current);

/*
 * Defines FN(T *opts, unsigned int version), which fills a versioned options
 * or filter struct with its defaults (the public *_init() functions),
 * touching only the bytes of the caller's version (ST is its IV__ST_*).
 */
#define IV__DEFINE_INIT(FN, T, INIT, ST) \
	int FN(T *opts, unsigned int version) \
	{ \
		T defaults = INIT; \
		IV__ARG(opts); \
		return iv__struct_write(opts, ST, &defaults, version); \
	}

/**
 * The last second of the local calendar day (TZ honoured) that holds `t`:
 * one second before the next local midnight.
 */
iv_time iv__local_day_last(iv_time t);

/** `t` brought into IV_TIME_MIN..IV_TIME_MAX. */
iv_time iv__time_clamp(iv_time t);

/** `t` plus `seconds`, saturated at IV_TIME_MIN and IV_TIME_MAX. */
iv_time iv__time_add_seconds(iv_time t, int64_t seconds);

/**
 * Checks that `t` is a time a record may hold (IV_TIME_MIN to IV_TIME_MAX):
 * 0, or IV_EINVALID with a message naming `field`.
 */
int iv__check_time(const char *field, iv_time t);

/** Checks an enum value for `field`, using iv_enum_name(type, value). */
int iv__check_enum(const char *field, const char *type, int value);

#endif
