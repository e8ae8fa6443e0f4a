/*
 * infoview: listing what a removal with cascade takes, and asking first.
 * SPDX-License-Identifier: MIT
 */
#include "cascade.h"
#include "out.h"
#include "ref.h"
#include "summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const kind_names[] = { "contact", "introduction", "interview", "follow-up" };
/* In JSON, as the library names the kinds. */
static const char *const json_kinds[] = { "contact", "intro", "interview", "followup" };

/* Whether the cascade holds `id` already (a follow-up to the contact about one of its interviews). */
static int holds(const struct cascade *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->items[i].id, id) == 0)
			return 1;
	return 0;
}

static void add(struct cascade *c, struct cli *ctx, enum ref_kind kind, const char *id, const char *words,
		int unlinked)
{
	struct cascade_item *it;

	if (holds(c, id))
		return;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->items = xrealloc(c->items, c->cap * sizeof(*c->items));
	}
	it = &c->items[c->n++];
	it->kind = kind;
	snprintf(it->id, sizeof(it->id), "%s", id);
	short_id(it->ref, ctx, kind, id);
	it->words = xstrdup(words);
	it->unlinked = unlinked;
	if (unlinked)
		c->unlinked++;
	else
		c->removed++;
}

static int add_followups(struct cascade *c, struct cli *ctx, const iv_followup_filter *f)
{
	char words[3 * IV_LIMIT_SHORT];
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int rc;

	if (iv_followup_list(&it, ctx->db, f) < 0)
		return cli_fail();
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		add(c, ctx, REF_FOLLOWUP, iv_followup_id(fu), words_followup(words, sizeof(words), ctx, fu), 0);
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

/* Interviews `f` selects: removed with their follow-ups, or unlinked. */
static int add_interviews(struct cascade *c, struct cli *ctx, const iv_interview_filter *f, int unlinked)
{
	char words[3 * IV_LIMIT_SHORT];
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	size_t first = c->n, i;
	int rc;

	if (iv_interview_list(&it, ctx->db, f) < 0)
		return cli_fail();
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		add(c, ctx, REF_INTERVIEW, iv_interview_id(iv), words_interview(words, sizeof(words), ctx, iv), unlinked);
		iv_interview_free(iv);
	}
	iv_interview_iter_free(it);
	if (rc != IV_ITEROVER)
		return cli_fail();
	/* An interview that goes takes its follow-ups, whoever they are to. */
	for (i = first, rc = CLI_OK; !unlinked && rc == CLI_OK && i < c->n; i++) {
		iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;

		if (c->items[i].kind != REF_INTERVIEW)
			continue;
		ff.interview = c->items[i].id;
		rc = add_followups(c, ctx, &ff);
	}
	return rc;
}

/* The introductions naming contact `id` on either side, then the interviews that came from them. */
static int add_intros(struct cascade *c, struct cli *ctx, const char *id)
{
	char words[3 * IV_LIMIT_SHORT];
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t first = c->n, i;
	int side, rc = CLI_OK;

	for (side = 0; side < 2 && rc == CLI_OK; side++) {
		f.introducer = side == 0 ? id : NULL;
		f.introduced = side == 1 ? id : NULL;
		if (iv_intro_list(&it, ctx->db, &f) < 0)
			return cli_fail();
		while ((rc = iv_intro_iter_next(&in, it)) == 0) {
			add(c, ctx, REF_INTRO, iv_intro_id(in), words_intro(words, sizeof(words), ctx, in), 0);
			iv_intro_free(in);
		}
		iv_intro_iter_free(it);
		rc = rc == IV_ITEROVER ? CLI_OK : cli_fail();
	}
	for (i = first; rc == CLI_OK && i < c->n; i++) {
		iv_interview_filter fv = IV_INTERVIEW_FILTER_INIT;

		if (c->items[i].kind != REF_INTRO)
			continue;
		fv.intro = c->items[i].id;
		rc = add_interviews(c, ctx, &fv, 1);
	}
	return rc;
}

int cascade_find(struct cascade *c, struct cli *ctx, enum ref_kind kind, const char *id)
{
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_interview_filter fv = IV_INTERVIEW_FILTER_INIT;
	int rc = CLI_OK;

	memset(c, 0, sizeof(*c));
	switch (kind) {
	case REF_CONTACT:
		ff.contact = id;
		fv.contact = id;
		if ((rc = add_followups(c, ctx, &ff)) == CLI_OK && (rc = add_interviews(c, ctx, &fv, 0)) == CLI_OK)
			rc = add_intros(c, ctx, id);
		break;
	case REF_INTRO:
		fv.intro = id;
		rc = add_interviews(c, ctx, &fv, 1);
		break;
	case REF_INTERVIEW:
		ff.interview = id;
		rc = add_followups(c, ctx, &ff);
		break;
	case REF_FOLLOWUP:
		break;
	}
	return rc;
}

void cascade_free(struct cascade *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->items[i].words);
	free(c->items);
	memset(c, 0, sizeof(*c));
}

const char *cascade_counts(char *buf, size_t n, const struct cascade *c, int unlinked)
{
	static const char *const plural[] = { "contacts", "introductions", "interviews", "follow-ups" };
	size_t count[4] = { 0, 0, 0, 0 }, i, parts = 0, done = 0, used = 0;
	int k;

	buf[0] = '\0';
	for (i = 0; i < c->n; i++)
		if (c->items[i].unlinked == unlinked)
			count[c->items[i].kind]++;
	for (k = 0; k < 4; k++)
		parts += count[k] != 0;
	for (k = 0; k < 4 && used < n; k++) {
		if (!count[k])
			continue;
		done++;
		used += (size_t)snprintf(buf + used, n - used, "%s%zu %s",
					 done == 1 ? "" : done == parts ? " and " : ", ", count[k],
					 count[k] == 1 ? kind_names[k] : plural[k]);
	}
	return buf;
}

/* The records of one sort (removed or unlinked), one a line: introductions, interviews, follow-ups. */
static void list(FILE *f, const struct cascade *c, int unlinked)
{
	static const enum ref_kind order[] = { REF_INTRO, REF_INTERVIEW, REF_FOLLOWUP };
	size_t i, k;
	char *safe;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (i = 0; i < c->n; i++) {
			const struct cascade_item *it = &c->items[i];

			if (it->unlinked != unlinked || it->kind != order[k])
				continue;
			safe = out_safe(it->words, 0);
			fprintf(f, "  %-12s %s  %s\n", kind_names[it->kind], it->ref, safe);
			free(safe);
		}
	}
}

/* What the cascade takes, under `what` ("contact 0193ab12 Priya Shah"). */
static void show(FILE *f, const struct cascade *c, const char *what)
{
	char *safe = out_safe(what, 0);

	if (c->removed) {
		fprintf(f, "Removing %s also removes:\n", safe);
		list(f, c, 0);
	}
	if (c->unlinked) {
		if (c->removed)
			fprintf(f, "and keeps, no longer linked to it:\n");
		else
			fprintf(f, "Removing %s keeps, no longer linked to it:\n", safe);
		list(f, c, 1);
	}
	free(safe);
}

int cascade_confirm(struct cascade *c, struct cli *ctx, const char *what, int yes)
{
	char answer[64];
	FILE *f = ctx->json ? stderr : stdout;

	if (c->n == 0 || yes || !isatty(STDIN_FILENO))
		return CLI_OK;
	show(f, c, what);
	fflush(f);
	fputs("Go ahead? [y/N] ", stderr);
	fflush(stderr);
	if (!fgets(answer, sizeof(answer), stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
		return cli_failf("nothing removed");
	/* Shown once is enough: cascade_done() then only confirms. */
	c->shown = 1;
	return CLI_OK;
}

static void json_items(struct jw *j, const struct cascade *c, int unlinked)
{
	size_t i;

	jw_array(j);
	for (i = 0; i < c->n; i++) {
		const struct cascade_item *it = &c->items[i];

		if (it->unlinked != unlinked)
			continue;
		jw_object(j);
		jw_kstring(j, "kind", json_kinds[it->kind]);
		jw_kstring(j, "id", it->id);
		jw_kstring(j, "ref", it->ref);
		jw_kstring(j, "what", it->words);
		jw_object_end(j);
	}
	jw_array_end(j);
}

void cascade_done(const struct cascade *c, struct cli *ctx, int cascade, const char *kind, const char *id,
		  const char *name)
{
	struct jw j;
	char counts[256];

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "removed", id);
		if (cascade) {
			jw_key(&j, "also_removed");
			json_items(&j, c, 0);
			jw_key(&j, "unlinked");
			json_items(&j, c, 1);
		}
		jw_object_end(&j);
		jw_finish(&j);
		return;
	}
	if (!c->removed) {
		out_printf("Removed %s %s.\n", kind, name);
	} else {
		cascade_counts(counts, sizeof(counts), c, 0);
		out_printf("Removed %s %s, and with it %s%s\n", kind, name, counts, c->shown ? "." : ":");
	}
	if (!c->shown) {
		if (c->removed)
			list(stdout, c, 0);
		if (c->unlinked) {
			printf("Kept, no longer linked to it:\n");
			list(stdout, c, 1);
		}
	}
}
