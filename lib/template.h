/*
 * Private: the template engine behind the drafts, and a growable text
 * buffer it shares with them.
 */
#ifndef IV_TEMPLATE_H
#define IV_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

/* A growable string; `failed` is set once an allocation fails. */
typedef struct {
	char *p;
	size_t len;
	size_t alloc;
	int failed;
} iv__buf;

/* Appends n bytes of s. */
void iv__buf_put(iv__buf *b, const char *s, size_t n);
/* Appends a NUL-terminated string (NULL appends nothing). */
void iv__buf_puts(iv__buf *b, const char *s);
/* Hands the NUL-terminated text to *out (or sets IV_ENOMEM); the buffer is emptied. */
int iv__buf_finish(char **out, iv__buf *b);

/* The placeholders of draft.h, in its order; new ones only ever at the end. */
enum iv__tvar {
	IV__T_ME_NAME, IV__T_ME_BACKGROUND, IV__T_ME_EXPLORING,
	IV__T_CONTACT_NAME, IV__T_CONTACT_FIRST_NAME, IV__T_CONTACT_COMPANY, IV__T_CONTACT_TITLE,
	IV__T_PURPOSE,
	IV__T_INTRODUCER_NAME, IV__T_INTRODUCER_FIRST_NAME,
	IV__T_INTRODUCED_NAME, IV__T_INTRODUCED_FIRST_NAME,
	IV__T_ADVICE, IV__T_ADVICE_LIST,
	/* 0.2 */
	IV__T_ME_FIRST_NAME, IV__T_CONTACT_A_TITLE, IV__T_CONTACT_DIRECT, IV__T_GREETING,
	IV__T_MEDIUM, IV__T_INTERVIEWEE_NAME, IV__T_INTERVIEWEE_FIRST_NAME,
	IV__T_INTRODUCED_COMPANY, IV__T_INTRODUCED_TITLE, IV__T_INTRODUCED_A_TITLE,
	IV__T_CHAIN, IV__T_RESOURCES, IV__T_RESOURCES_LIST, IV__T_OUTCOME,
	IV__T_COUNT
};

/* A set of placeholders, one bit each (1 << IV__T_...). */
typedef uint64_t iv__tmask;
#define IV__TBIT(v) ((iv__tmask)1 << (v))

/* A placeholder's value: `len` bytes at `s` (s may be NULL when len is 0). */
typedef struct {
	const char *s;
	size_t len;
} iv__tval;

/*
 * Fills `tmpl` (checked as UTF-8 text of at most IV_LIMIT_TEXT bytes) with
 * the values. A first line "Subject: ..." is the subject's template: its
 * text goes to *subject (NULL when the template has no such line; one line,
 * surrounding spaces trimmed) and the body starts after it (and after one
 * empty line there). *used gets the placeholders consulted (shown or tested
 * by a section) in the parts of the template kept. Both strings are
 * returned through their pointers, free with free(). IV_EINVALID naming an
 * unknown placeholder, an unclosed "{" or a section not closed properly.
 */
int iv__template_fill(char **subject, char **body, iv__tmask *used, const char *tmpl,
		      const iv__tval values[IV__T_COUNT]);

/* Checks a template as iv__template_fill() would read it; 0 or IV_EINVALID. */
int iv__template_check(const char *tmpl);

#endif
