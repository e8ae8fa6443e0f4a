/*
 * infoview: naming records on the command line: id prefixes (like git's
 * short hashes) and, for contacts, names; short ids for display.
 *
 * Everything here asks the store's indexes (lists by id prefix or by name,
 * lookups by id), so a command costs about the same in a store of a million
 * records as in one of a hundred. Only a name that matches nothing reads
 * every contact, to hint at the names it may have meant.
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

/* Candidates listed in an ambiguity message before "and more". */
#define MAX_LISTED 8

/* Contact names kept for display; a name stays valid this many lookups later. */
#define NAME_CACHE 64

struct cached_name {
	char id[IV_ID_LEN + 1];
	char *name; /* NULL while the slot is free */
};

struct refcache {
	struct cached_name e[NAME_CACHE];
	size_t next; /* the slot to reuse next, the oldest */
};

/* ------------------------------------------------------------------------ */
/* Listing the records of a kind through one interface                       */

/* Opens a list of the records selected by `arg`: an id prefix, or a name. */
typedef int (*opener)(void **it, iv_db *db, const char *arg);

struct kind_ops {
	opener by_prefix;
	int (*next)(void **rec, void *it);
	void (*iter_free)(void *it);
	void (*rec_free)(void *rec);
	const char *(*id)(const void *rec);
	void (*label)(char *buf, size_t n, struct cli *ctx, const void *rec);
};

/* The four kinds share the shape of their list functions; adapt them once. */
#define KIND_ADAPTERS(T, INIT)                                                  \
	static int T##_by_prefix(void **out, iv_db *db, const char *prefix)     \
	{                                                                       \
		iv_##T##_filter f = INIT;                                       \
		iv_##T##_iter *it = NULL;                                       \
		int rc;                                                         \
                                                                                \
		f.id_prefix = prefix;                                           \
		rc = iv_##T##_list(&it, db, &f);                                \
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
	static const char *T##_id(const void *rec) { return iv_##T##_id(rec); }

KIND_ADAPTERS(contact, IV_CONTACT_FILTER_INIT)
KIND_ADAPTERS(intro, IV_INTRO_FILTER_INIT)
KIND_ADAPTERS(interview, IV_INTERVIEW_FILTER_INIT)
KIND_ADAPTERS(followup, IV_FOLLOWUP_FILTER_INIT)

/* Contacts named `name` (ASCII case aside), or every contact for NULL. */
static int contact_by_name(void **out, iv_db *db, const char *name)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	int rc;

	f.name = name;
	rc = iv_contact_list(&it, db, name ? &f : NULL);
	*out = it;
	return rc;
}

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
		 followup_contact_name(ctx, rec));
}

#define OPS(T) { T##_by_prefix, T##_next, T##_iter_free, T##_rec_free, T##_id, T##_label }

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

/*
 * The first `max` records `open` selects by `arg`, in m[] (free each with
 * the kind's rec_free), or only counted when m is NULL; *n says how many.
 * Reading stops there, however many more there are. An argument the store
 * refuses as malformed (a reference that cannot be an id prefix) selects
 * nothing. Returns CLI_OK, or CLI_FAIL reported.
 */
static int collect(size_t *n, void **m, size_t max, struct cli *ctx, const struct kind_ops *k,
		   opener open, const char *arg)
{
	void *it = NULL, *rec = NULL;
	int rc;

	*n = 0;
	if ((rc = open(&it, ctx->db, arg)) == IV_EINVALID)
		return CLI_OK;
	if (rc < 0)
		return cli_fail();
	while (*n < max && (rc = k->next(&rec, it)) == 0) {
		if (m)
			m[*n] = rec;
		else
			k->rec_free(rec);
		(*n)++;
	}
	k->iter_free(it);
	return rc < 0 && rc != IV_ITEROVER ? cli_fail() : CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* Names and short ids for display                                            */

const char *contact_name(struct cli *ctx, const char *id)
{
	struct cached_name *e;
	iv_contact *c = NULL;
	size_t i;
	int rc;

	if (!id)
		return "(unknown)";
	if (!ctx->refs) {
		ctx->refs = xmalloc(sizeof(*ctx->refs));
		memset(ctx->refs, 0, sizeof(*ctx->refs));
	}
	for (i = 0; i < NAME_CACHE; i++)
		if (ctx->refs->e[i].name && strcmp(ctx->refs->e[i].id, id) == 0)
			return ctx->refs->e[i].name;
	if ((rc = iv_contact_lookup(&c, ctx->db, id)) < 0) {
		/* A dangling or malformed id shows as unknown; anything else is worth saying. */
		if (rc != IV_ENOTFOUND && rc != IV_EINVALID)
			cli_fail();
		return "(unknown)";
	}
	e = &ctx->refs->e[ctx->refs->next];
	ctx->refs->next = (ctx->refs->next + 1) % NAME_CACHE;
	free(e->name);
	snprintf(e->id, sizeof(e->id), "%s", id);
	e->name = xstrdup(iv_contact_name(c));
	iv_contact_free(c);
	return e->name;
}

const char *followup_contact_name(struct cli *ctx, const iv_followup *fu)
{
	const char *name = iv_followup_contact_name(fu);

	return name ? name : contact_name(ctx, iv_followup_contact(fu));
}

void ref_forget(struct cli *ctx)
{
	size_t i;

	if (!ctx->refs)
		return;
	for (i = 0; i < NAME_CACHE; i++)
		free(ctx->refs->e[i].name);
	free(ctx->refs);
	ctx->refs = NULL;
}

/* 1 if no other record of the kind has an id beginning with id[0..len). */
static int names_one(struct cli *ctx, enum ref_kind kind, const char *id, size_t len)
{
	char prefix[IV_ID_LEN + 1];
	size_t n = 0;

	snprintf(prefix, sizeof(prefix), "%.*s", (int)len, id);
	/* On failure (reported) any length will do: stop looking. */
	if (collect(&n, NULL, 2, ctx, &kinds[kind], kinds[kind].by_prefix, prefix) != CLI_OK)
		return 1;
	return n <= 1;
}

/* The shortest prefix of `id` naming no other record of its kind (a store without numbers). */
static char *short_prefix(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, const char *id)
{
	size_t len = 0, hex = 0, lo, hi;

	snprintf(buf, IV_ID_LEN + 1, "%s", id ? id : "");
	while (buf[len] && hex < SHORT_ID_MIN)
		if (buf[len++] != '-')
			hex++;
	/*
	 * Most ids are told apart by that much. Otherwise a longer prefix never
	 * names more records than a shorter one: halve the lengths left.
	 */
	if (buf[len] && !names_one(ctx, kind, buf, len)) {
		lo = len + 1;
		hi = strlen(buf);
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (names_one(ctx, kind, buf, mid))
				hi = mid;
			else
				lo = mid + 1;
		}
		len = lo;
	}
	/* Never ending on a hyphen. */
	while (buf[len] && len > 0 && buf[len - 1] == '-')
		len++;
	buf[len] = '\0';
	return buf;
}

char *short_ref(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, int64_t number, const char *id)
{
	if (number > 0) {
		snprintf(buf, IV_ID_LEN + 1, "#%lld", (long long)number);
		return buf;
	}
	return short_prefix(buf, ctx, kind, id);
}

/* The number of record `id` of a kind, by one lookup; 0 if it has none. */
static int64_t number_of(struct cli *ctx, enum ref_kind kind, const char *id)
{
	int64_t n = 0;

	switch (kind) {
	case REF_CONTACT: {
		iv_contact *r = NULL;
		if (iv_contact_lookup(&r, ctx->db, id) == 0)
			n = iv_contact_number(r);
		iv_contact_free(r);
		break;
	}
	case REF_INTRO: {
		iv_intro *r = NULL;
		if (iv_intro_lookup(&r, ctx->db, id) == 0)
			n = iv_intro_number(r);
		iv_intro_free(r);
		break;
	}
	case REF_INTERVIEW: {
		iv_interview *r = NULL;
		if (iv_interview_lookup(&r, ctx->db, id) == 0)
			n = iv_interview_number(r);
		iv_interview_free(r);
		break;
	}
	case REF_FOLLOWUP: {
		iv_followup *r = NULL;
		if (iv_followup_lookup(&r, ctx->db, id) == 0)
			n = iv_followup_number(r);
		iv_followup_free(r);
		break;
	}
	}
	return n;
}

const char *ref_typed(const char *shown)
{
	return shown[0] == '#' ? shown + 1 : shown;
}

char *short_id(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, const char *id)
{
	return short_ref(buf, ctx, kind, id ? number_of(ctx, kind, id) : 0, id);
}

/* ------------------------------------------------------------------------ */
/* Resolving                                                                  */

/*
 * A record number as typed: "#12" (*hash set), or "12" (digits, no leading
 * zero, at most 15 of them). Returns the number, or 0 if `ref` is neither.
 */
static int64_t typed_number(const char *ref, int *hash)
{
	int64_t n = 0;
	size_t i;

	*hash = ref[0] == '#';
	ref += *hash;
	if (ref[0] < '1' || ref[0] > '9')
		return 0;
	for (i = 0; ref[i]; i++) {
		if (ref[i] < '0' || ref[i] > '9' || i >= 15)
			return 0;
		n = n * 10 + (ref[i] - '0');
	}
	return n;
}

/* The record of a kind with number `number`, as collect() would give it. */
static int by_number(size_t *n, void **m, struct cli *ctx, enum ref_kind kind, int64_t number)
{
	const struct kind_ops *k = &kinds[kind];
	void *it = NULL, *rec = NULL;
	int rc;

	*n = 0;
	switch (kind) {
	case REF_CONTACT: {
		iv_contact_filter f = IV_CONTACT_FILTER_INIT;
		iv_contact_iter *i = NULL;
		f.number = number;
		rc = iv_contact_list(&i, ctx->db, &f);
		it = i;
		break;
	}
	case REF_INTRO: {
		iv_intro_filter f = IV_INTRO_FILTER_INIT;
		iv_intro_iter *i = NULL;
		f.number = number;
		rc = iv_intro_list(&i, ctx->db, &f);
		it = i;
		break;
	}
	case REF_INTERVIEW: {
		iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
		iv_interview_iter *i = NULL;
		f.number = number;
		rc = iv_interview_list(&i, ctx->db, &f);
		it = i;
		break;
	}
	default: {
		iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
		iv_followup_iter *i = NULL;
		f.number = number;
		rc = iv_followup_list(&i, ctx->db, &f);
		it = i;
		break;
	}
	}
	if (rc < 0)
		return cli_fail();
	if ((rc = k->next(&rec, it)) == 0) {
		m[0] = rec;
		*n = 1;
	}
	k->iter_free(it);
	return rc < 0 && rc != IV_ITEROVER ? cli_fail() : CLI_OK;
}

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

/* Candidates are listed by id, whatever order the store gives them in. */
static void sort_by_id(const struct kind_ops *k, void **m, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(k->id(m[j - 1]), k->id(m[j])) > 0; j--) {
			void *t = m[j];

			m[j] = m[j - 1];
			m[j - 1] = t;
		}
}

/* `m` holds up to MAX_LISTED + 1 candidates: more is "and more". */
static int ambiguous(struct cli *ctx, enum ref_kind kind, const char *what, const char *ref,
		     void **m, size_t n)
{
	const struct kind_ops *k = &kinds[kind];
	char sid[IV_ID_LEN + 1], label[2 * IV_LIMIT_SHORT + 64];
	size_t i;

	sort_by_id(k, m, n);
	out_eprintf("infoview: ambiguous %s '%s': ", what, ref);
	for (i = 0; i < n && i < MAX_LISTED; i++) {
		k->label(label, sizeof(label), ctx, m[i]);
		out_eprintf("%s%s.. (%s)", i ? ", " : "", short_id(sid, ctx, kind, k->id(m[i])), label);
	}
	if (n > MAX_LISTED)
		fputs(", and more", stderr);
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

struct hint {
	char id[IV_ID_LEN + 1];
	char name[IV_LIMIT_SHORT + 1];
};

/* Keeps the contact among the first three by id in h[0..*n). */
static void hint_add(struct hint h[3], size_t *n, const iv_contact *c)
{
	size_t pos = *n;

	while (pos > 0 && strcmp(iv_contact_id(c), h[pos - 1].id) < 0)
		pos--;
	if (pos >= 3)
		return;
	memmove(&h[pos + 1], &h[pos], ((*n < 3 ? *n : 2) - pos) * sizeof(*h));
	snprintf(h[pos].id, sizeof(h[pos].id), "%s", iv_contact_id(c));
	snprintf(h[pos].name, sizeof(h[pos].name), "%s", iv_contact_name(c));
	if (*n < 3)
		(*n)++;
}

/*
 * After "no contact matches 'ann'": the names that contain it, if any (the
 * first three by id). It reads every contact, but only when a command fails.
 */
static void suggest_names(struct cli *ctx, const char *ref)
{
	struct hint h[3];
	size_t n = 0, i;
	void *it = NULL, *rec = NULL;

	if (contact_by_name(&it, ctx->db, NULL) < 0)
		return;
	while (contact_next(&rec, it) == 0) {
		if (contains_nocase(iv_contact_name(rec), ref))
			hint_add(h, &n, rec);
		contact_rec_free(rec);
	}
	contact_iter_free(it);
	for (i = 0; i < n; i++)
		out_eprintf("%s'%s'", i ? ", " : "hint: did you mean ", h[i].name);
	if (n)
		fputs("? (a contact is named by its whole name or an id prefix)\n", stderr);
}

/* The one record `ref` names, in *out; or reported. */
static int resolve_record(void **out, struct cli *ctx, enum ref_kind kind, const char *ref)
{
	const struct kind_ops *k = &kinds[kind];
	int hex = hex_digits(ref), rc = CLI_OK, hash;
	int64_t number = typed_number(ref, &hash);
	void *m[MAX_LISTED + 1];
	size_t n = 0, i;

	*out = NULL;
	/* A number first: "12" or "#12", what the tables show. */
	if (number && (rc = by_number(&n, m, ctx, kind, number)) != CLI_OK)
		return rc;
	if (n == 1) {
		*out = m[0];
		return CLI_OK;
	}
	if (hash) {
		return cli_failf("no %s has the number %s", nouns[kind], ref);
	}
	if (kind != REF_CONTACT && hex >= 0 && hex < REF_MIN_HEX && !number)
		return usage_error(ctx->cmd, "%s id prefix '%s' is too short: give at least %d hex digits",
				   nouns[kind], ref, REF_MIN_HEX);
	if (hex >= REF_MIN_HEX)
		rc = collect(&n, m, MAX_LISTED + 1, ctx, k, k->by_prefix, ref);
	if (rc == CLI_OK && n == 0 && kind == REF_CONTACT) {
		rc = collect(&n, m, MAX_LISTED + 1, ctx, k, contact_by_name, ref);
		if (rc == CLI_OK && n > 1)
			rc = ambiguous(ctx, kind, "name", ref, m, n);
	} else if (rc == CLI_OK && n > 1) {
		rc = ambiguous(ctx, kind, "id prefix", ref, m, n);
	}
	if (rc == CLI_OK && n == 0 && number && hex < REF_MIN_HEX) {
		rc = cli_failf("no %s has the number %s", nouns[kind], ref);
	} else if (rc == CLI_OK && n == 0) {
		rc = cli_failf("no %s matches '%s'", nouns[kind], ref);
		if (kind == REF_CONTACT && *ref)
			suggest_names(ctx, ref);
	}
	if (rc == CLI_OK)
		*out = m[0];
	for (i = rc == CLI_OK ? 1 : 0; i < n; i++)
		k->rec_free(m[i]);
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
