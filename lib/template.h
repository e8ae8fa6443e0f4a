/*
 * Private: the template engine behind the drafts, and a growable text
 * buffer it shares with them.
 */
#ifndef IV_TEMPLATE_H
#define IV_TEMPLATE_H

#include <stddef.h>

/* A growable string; `failed` is set once an allocation fails. */
typedef struct {
	char *p;
	size_t len;
	size_t alloc;
	int failed;
} iv__buf;

/* Appends n bytes of s. */
void iv__buf_put(iv__buf *b, const char *s, size_t n);
/* Hands the NUL-terminated text to *out (or sets IV_ENOMEM); the buffer is emptied. */
int iv__buf_finish(char **out, iv__buf *b);

/* The placeholders of draft.h, in its order. */
enum iv__tvar {
	IV__T_ME_NAME, IV__T_ME_BACKGROUND, IV__T_ME_EXPLORING,
	IV__T_CONTACT_NAME, IV__T_CONTACT_FIRST_NAME, IV__T_CONTACT_COMPANY, IV__T_CONTACT_TITLE,
	IV__T_PURPOSE,
	IV__T_INTRODUCER_NAME, IV__T_INTRODUCER_FIRST_NAME,
	IV__T_INTRODUCED_NAME, IV__T_INTRODUCED_FIRST_NAME,
	IV__T_ADVICE, IV__T_ADVICE_LIST,
	IV__T_COUNT
};

/* A placeholder's value: `len` bytes at `s` (s may be NULL when len is 0). */
typedef struct {
	const char *s;
	size_t len;
} iv__tval;

/*
 * Fills `tmpl` (checked as UTF-8 text of at most IV_LIMIT_TEXT bytes) with
 * the values; the result is returned through out, free with free().
 * IV_EINVALID naming an unknown placeholder or an unclosed "{".
 */
int iv__template_fill(char **out, const char *tmpl, const iv__tval values[IV__T_COUNT]);

#endif
