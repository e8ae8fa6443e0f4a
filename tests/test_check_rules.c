/*
 * The request checker's rules as draft.h documents them (the @verbatim list
 * of iv_draft_check_report()) are exactly the rules lib/check.c applies, in
 * the same order, and so are its word lists: users read what is flagged in
 * the header, so the header may not drift from the code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "check.h"
#include "check_rules.h"

#ifndef IV_DRAFT_H
# error "IV_DRAFT_H must name include/infoview/draft.h"
#endif

#define MAX_LINES 512

typedef struct {
	char *key[MAX_LINES];
	char *value[MAX_LINES];
	size_t n;
	char *text;
} documented;

/* Reads the @verbatim list of draft.h: "key  value", continued by lines starting with spaces. */
static void read_documented(documented *d)
{
	FILE *f = fopen(IV_DRAFT_H, "rb");
	char *p, *end, *line, *next;
	size_t len;

	assert_non_null(f);
	d->text = malloc(1 << 20);
	assert_non_null(d->text);
	len = fread(d->text, 1, (1 << 20) - 1, f);
	fclose(f);
	d->text[len] = '\0';
	assert_non_null(p = strstr(d->text, " * @verbatim\n"));
	p += strlen(" * @verbatim\n");
	assert_non_null(end = strstr(p, " * @endverbatim"));
	*end = '\0';
	d->n = 0;
	for (line = p; *line; line = next) {
		next = strchr(line, '\n');
		assert_non_null(next);
		*next++ = '\0';
		if (strncmp(line, " * ", 3) != 0)
			FAIL("a line of the list does not start with \" * \": \"%s\"\n", line);
		line += 3;
		if (*line == ' ') {
			char *joined;

			assert_true(d->n > 0);
			line += strspn(line, " ");
			joined = malloc(strlen(d->value[d->n - 1]) + strlen(line) + 1);
			assert_non_null(joined);
			strcpy(joined, d->value[d->n - 1]);
			strcat(joined, line);
			free(d->value[d->n - 1]);
			d->value[d->n - 1] = joined;
			continue;
		}
		assert_true(d->n < MAX_LINES);
		d->key[d->n] = line;
		line += strcspn(line, " ");
		if (*line)
			*line++ = '\0';
		line += strspn(line, " ");
		d->value[d->n] = malloc(strlen(line) + 1);
		assert_non_null(d->value[d->n]);
		strcpy(d->value[d->n], line);
		d->n++;
	}
}

static void documented_free(documented *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->value[i]);
	free(d->text);
}

static void the_header_lists_exactly_the_checkers_rules(void **state)
{
	documented d;
	size_t i;

	(void)state;
	read_documented(&d);
	assert_int_equal(d.n, iv__check_rule_count + iv__check_list_count);
	for (i = 0; i < iv__check_rule_count; i++) {
		const iv__check_rule *r = &iv__check_rules[i];

		if (strcmp(d.key[i], r->part) != 0 || strcmp(d.value[i], r->phrase) != 0)
			FAIL("rule %zu: draft.h says\n  %s %s\nlib/check.c applies\n  %s %s\n", i + 1,
			     d.key[i], d.value[i], r->part, r->phrase);
	}
	for (i = 0; i < iv__check_list_count; i++) {
		const iv__check_list *l = &iv__check_lists[i];
		size_t at = iv__check_rule_count + i;

		if (strcmp(d.key[at], l->name) != 0 || strcmp(d.value[at], l->words) != 0)
			FAIL("list %s: draft.h says\n  %s %s\nlib/check.c has\n  %s\n", l->name,
			     d.key[at], d.value[at], l->words);
	}
	documented_free(&d);
}

static void every_rule_is_well_formed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < iv__check_rule_count; i++) {
		const char *p = iv__check_rules[i].phrase, *part = iv__check_rules[i].part;

		if (strcmp(part, "who") && strcmp(part, "why") && strcmp(part, "ask") && strcmp(part, "job"))
			FAIL("rule %zu finds \"%s\"\n", i + 1, part);
		/* Lower case (rules compare lower-cased words), single spaces, no empty alternative. */
		if (!*p || *p == ' ' || p[strlen(p) - 1] == ' ' || strstr(p, "  ") || strstr(p, "||") ||
		    strstr(p, "| ") || strstr(p, " |"))
			FAIL("rule %zu is malformed: \"%s\"\n", i + 1, p);
		for (; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				FAIL("rule %zu has a capital: \"%s\"\n", i + 1, iv__check_rules[i].phrase);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_header_lists_exactly_the_checkers_rules),
		cmocka_unit_test(every_rule_is_well_formed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
