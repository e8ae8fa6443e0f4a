/*
 * infoview: naming records on the command line: id prefixes (like git's
 * short hashes) and, for contacts, names; short ids for display.
 *
 * References are resolved by reading every id of the kind once per run:
 * a personal store holds hundreds of records, not millions, and the same
 * sorted set gives each record its shortest unique prefix for display.
 * SPDX-License-Identifier: MIT
 */
#include "ref.h"
#include "args.h"
#include "out.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Candidates listed in an ambiguity message before "and N more". */
#define MAX_LISTED 8

struct entry {
	char id[IV_ID_LEN + 1];
	char *name;  /* contacts: the name */
	char *label; /* what a candidate is called in messages */
};

struct idset {
	size_t n, cap;
	struct entry *e;
};

/* ------------------------------------------------------------------------ */
/* Listing every record of a kind through one interface                      */

struct kind_ops {
	int (*open)(void **it, iv_db *db);
	int (*next)(void **rec, void *it);
	void (*iter_free)(void *it);
	void (*rec_free)(void *rec);
	const char *(*id)(const void *rec);
	int (*lookup)(void **rec, iv_db *db, const char *id);
	void (*label)(char *buf, size_t n, struct cli *ctx, const void *rec);
};

/* The four kinds share the shape of their list functions; adapt them once. */
#define KIND_ADAPTERS(T)                                                        \
	static int T##_open(void **out, iv_db *db)                              \
	{                                                                       \
		iv_##T##_iter *it = NULL;                                       \
		int rc = iv_##T##_list(&it, db, NULL);                          \
		*out = it;                                                      \
		return rc;                                                      \
	}                                                                       \
	static int T##_next(void **out, void *it)                               \
	{                                                                       \
		iv_##T *rec = NULL;                                             \
		int rc = iv_##T##_iter_next(&rec, it);                          \
		*out = rec;                                                     \
		return rc;                                                      \
	}                                                                       \
	static void T##_iter_free(void *it) { iv_##T##_iter_free(it); }         \
	static void T##_rec_free(void *rec) { iv_##T##_free(rec); }             \
	static const char *T##_id(const void *rec) { return iv_##T##_id(rec); }  \
	static int T##_lookup(void **out, iv_db *db, const char *id)            \
	{                                                                       \
		iv_##T *rec = NULL;                                             \
		int rc = iv_##T##_lookup(&rec, db, id);                         \
		*out = rec;                                                     \
		return rc;                                                      \
	}

KIND_ADAPTERS(contact)
KIND_ADAPTERS(intro)
KIND_ADAPTERS(interview)
KIND_ADAPTERS(followup)

static void contact_label(char *buf, size_t n, struct cli *ctx, const void *rec)
{
	const char *company = iv_contact_company(rec);

	(void)ctx;
	snprintf(buf, n, "%s%s%s", iv_contact_name(rec), company ? ", " : "", company ? company : "");
}

static void intro_label(char *buf, size_t n, struct cli *ctx, const void *rec)
{
	/* Two names from the same cache: copy the first before asking for the second. */
	char by[IV_LIMIT_SHORT + 1];

	snprintf(by, sizeof(by), "%s", contact_name(ctx, iv_intro_introducer(rec)));
	snprintf(buf, n, "%s -> %s", by, contact_name(ctx, iv_intro_introduced(rec)));
}

static void interview_label(char *buf, size_t n, struct cli *ctx, const void *rec)
{
	char status[32];

	snprintf(buf, n, "%s, %s", contact_name(ctx, iv_interview_contact(rec)),
		 enum_label(status, sizeof(status), "interview_status", iv_interview_status(rec)));
}

static void followup_label(char *buf, size_t n, struct cli *ctx, const void *rec)
{
	char kind[32];

	snprintf(buf, n, "%s to %s", enum_label(kind, sizeof(kind), "followup_kind", iv_followup_kind(rec)),
		 contact_name(ctx, iv_followup_contact(rec)));
}

#define OPS(T) { T##_open, T##_next, T##_iter_free, T##_rec_free, T##_id, T##_lookup, T##_label }

static const struct kind_ops kinds[] = {
	[REF_CONTACT] = OPS(contact),
	[REF_INTRO] = OPS(intro),
	[REF_INTERVIEW] = OPS(interview),
	[REF_FOLLOWUP] = OPS(followup),
};

static const char *const nouns[] = {
	[REF_CONTACT] = "contact",
	[REF_INTRO] = "introduction",
	[REF_INTERVIEW] = "interview",
	[REF_FOLLOWUP] = "follow-up",
};

/* ------------------------------------------------------------------------ */
/* The sorted sets of ids                                                     */

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
}

static void set_free(struct idset *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->e[i].name);
		free(s->e[i].label);
	}
	free(s->e);
	free(s);
}

static struct idset *build(struct cli *ctx, enum ref_kind kind)
{
	const struct kind_ops *k = &kinds[kind];
	struct idset *s = xmalloc(sizeof(*s));
	char label[2 * IV_LIMIT_SHORT + 64];
	void *it = NULL, *rec = NULL;
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = k->open(&it, ctx->db)) < 0)
		goto fail;
	while ((rc = k->next(&rec, it)) == 0) {
		struct entry *e;

		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 64;
			s->e = xrealloc(s->e, s->cap * sizeof(*s->e));
		}
		e = &s->e[s->n++];
		snprintf(e->id, sizeof(e->id), "%s", k->id(rec));
		e->name = kind == REF_CONTACT ? xstrdup(iv_contact_name(rec)) : NULL;
		/* Labels of other kinds name contacts, whose set is complete by now. */
		e->label = NULL;
		if (kind == REF_CONTACT) {
			k->label(label, sizeof(label), ctx, rec);
			e->label = xstrdup(label);
		}
		k->rec_free(rec);
	}
	k->iter_free(it);
	if (rc != IV_ITEROVER)
		goto fail;
	qsort(s->e, s->n, sizeof(*s->e), by_id);
	return s;
fail:
	cli_fail();
	set_free(s);
	return NULL;
}

static struct idset *ids_of(struct cli *ctx, enum ref_kind kind)
{
	if (!ctx->ids[kind])
		ctx->ids[kind] = build(ctx, kind);
	return ctx->ids[kind];
}

void ref_forget(struct cli *ctx)
{
	size_t i;

	for (i = 0; i < sizeof(ctx->ids) / sizeof(ctx->ids[0]); i++) {
		set_free(ctx->ids[i]);
		ctx->ids[i] = NULL;
	}
}

static struct entry *find(struct idset *s, const char *id)
{
	struct entry key = { .name = NULL };

	if (!s || !id)
		return NULL;
	snprintf(key.id, sizeof(key.id), "%s", id);
	return bsearch(&key, s->e, s->n, sizeof(*s->e), by_id);
}

const char *contact_name(struct cli *ctx, const char *id)
{
	struct entry *e = find(ids_of(ctx, REF_CONTACT), id);

	return e ? e->name : "(unknown)";
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return i;
}

char *short_id(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, const char *id)
{
	struct idset *s = ids_of(ctx, kind);
	struct entry *e = find(s, id);
	size_t len = 0, i, hex = 0;

	snprintf(buf, IV_ID_LEN + 1, "%s", id ? id : "");
	if (e) {
		i = (size_t)(e - s->e);
		if (i > 0)
			len = common_prefix(e->id, s->e[i - 1].id);
		if (i + 1 < s->n && common_prefix(e->id, s->e[i + 1].id) > len)
			len = common_prefix(e->id, s->e[i + 1].id);
		len++;
	}
	/* At least SHORT_ID_MIN hex digits, and never ending on a hyphen. */
	for (i = 0; buf[i] && (i < len || hex < SHORT_ID_MIN || (i > 0 && buf[i - 1] == '-')); i++)
		if (buf[i] != '-')
			hex++;
	buf[i] = '\0';
	return buf;
}

/* ------------------------------------------------------------------------ */
/* Resolving                                                                  */

/* Hex digits and hyphens only; returns the count of hex digits, or -1. */
static int hex_digits(const char *ref)
{
	int n = 0;

	for (; *ref; ref++) {
		if (isxdigit((unsigned char)*ref))
			n++;
		else if (*ref != '-')
			return -1;
	}
	return n;
}

static int prefix_of(const char *ref, const char *id)
{
	for (; *ref; ref++, id++)
		if (tolower((unsigned char)*ref) != *id)
			return 0;
	return 1;
}

static const char *label_of(struct cli *ctx, enum ref_kind kind, struct entry *e)
{
	char buf[2 * IV_LIMIT_SHORT + 64];
	void *rec = NULL;

	if (e->label)
		return e->label;
	if (kinds[kind].lookup(&rec, ctx->db, e->id) < 0)
		return "?";
	kinds[kind].label(buf, sizeof(buf), ctx, rec);
	kinds[kind].rec_free(rec);
	e->label = xstrdup(buf);
	return e->label;
}

static int ambiguous(struct cli *ctx, enum ref_kind kind, const char *what, const char *ref,
		     struct entry **m, size_t n)
{
	char sid[IV_ID_LEN + 1];
	size_t i;

	fprintf(stderr, "infoview: ambiguous %s '%s': ", what, ref);
	for (i = 0; i < n && i < MAX_LISTED; i++)
		fprintf(stderr, "%s%s.. (%s)", i ? ", " : "",
			short_id(sid, ctx, kind, m[i]->id), label_of(ctx, kind, m[i]));
	if (n > MAX_LISTED)
		fprintf(stderr, ", and %zu more", n - MAX_LISTED);
	fputc('\n', stderr);
	return CLI_FAIL;
}

/* 1 if `needle` occurs in `hay`, ASCII case aside. */
static int contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* After "no contact matches 'ann'": the names that contain it, if any. */
static void suggest_names(struct idset *s, const char *ref)
{
	size_t i, shown = 0;

	for (i = 0; i < s->n && shown < 3; i++) {
		if (!contains_nocase(s->e[i].name, ref))
			continue;
		fprintf(stderr, "%s'%s'", shown ? ", " : "hint: did you mean ", s->e[i].name);
		shown++;
	}
	if (shown)
		fputs("? (a contact is named by its whole name or an id prefix)\n", stderr);
}

/* The id of the one record `ref` names, in *out; or reported. */
static int resolve(const char **out, struct cli *ctx, enum ref_kind kind, const char *ref)
{
	struct idset *s = ids_of(ctx, kind);
	int hex = hex_digits(ref);
	struct entry **m;
	size_t n = 0, i;
	int rc = CLI_OK;

	if (!s)
		return CLI_FAIL;
	if (kind != REF_CONTACT && hex >= 0 && hex < REF_MIN_HEX)
		return usage_error(ctx->cmd, "%s id prefix '%s' is too short: give at least %d hex digits",
				   nouns[kind], ref, REF_MIN_HEX);
	m = xmalloc((s->n + 1) * sizeof(*m));
	if (hex >= REF_MIN_HEX)
		for (i = 0; i < s->n; i++)
			if (prefix_of(ref, s->e[i].id))
				m[n++] = &s->e[i];
	if (n == 0 && kind == REF_CONTACT) {
		for (i = 0; i < s->n; i++)
			if (strcasecmp(ref, s->e[i].name) == 0)
				m[n++] = &s->e[i];
		if (n > 1)
			rc = ambiguous(ctx, kind, "name", ref, m, n);
	} else if (n > 1) {
		rc = ambiguous(ctx, kind, "id prefix", ref, m, n);
	}
	if (n == 0) {
		rc = cli_failf("no %s matches '%s'", nouns[kind], ref);
		if (kind == REF_CONTACT && *ref)
			suggest_names(s, ref);
	}
	if (rc == CLI_OK)
		*out = m[0]->id;
	free(m);
	return rc;
}

/* The record `ref` names, looked up; or reported. */
static int resolve_record(void **out, struct cli *ctx, enum ref_kind kind, const char *ref)
{
	const char *id = NULL;
	int rc = resolve(&id, ctx, kind, ref);

	if (rc == CLI_OK && kinds[kind].lookup(out, ctx->db, id) < 0)
		rc = cli_fail();
	return rc;
}

/* The typed faces of resolve_record(). */
#define REF_FN(T, KIND)                                                         \
	int ref_##T(iv_##T **out, struct cli *ctx, const char *ref)             \
	{                                                                       \
		void *rec = NULL;                                               \
		int rc = resolve_record(&rec, ctx, KIND, ref);                  \
                                                                                \
		*out = rec;                                                     \
		return rc;                                                      \
	}

REF_FN(contact, REF_CONTACT)
REF_FN(intro, REF_INTRO)
REF_FN(interview, REF_INTERVIEW)
REF_FN(followup, REF_FOLLOWUP)

int ref_contact_option(struct cli *ctx, const char *ref, iv_contact **hold, const char **id)
{
	int rc;

	*id = NULL;
	if (!ref)
		return CLI_OK;
	if ((rc = ref_contact(hold, ctx, ref)) == CLI_OK)
		*id = iv_contact_id(*hold);
	return rc;
}
