/*
 * Private: the request checker's rules (lib/check.c), exposed so that a test
 * can hold them against the list draft.h documents.
 */
#ifndef IV_CHECK_RULES_H
#define IV_CHECK_RULES_H

#include <stddef.h>

/* One rule: what it finds ("who", "why", "ask", "job") and its phrase. */
typedef struct {
	const char *part;
	const char *phrase;
} iv__check_rule;

extern const iv__check_rule iv__check_rules[];
extern const size_t iv__check_rule_count;

/* The word lists the rules use, by the names draft.h gives them. */
typedef struct {
	const char *name;
	const char *words;
} iv__check_list;

extern const iv__check_list iv__check_lists[];
extern const size_t iv__check_list_count;

#endif
