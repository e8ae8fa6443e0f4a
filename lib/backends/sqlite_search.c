/*
 * The SQLite backend: full-text search through the FTS5 indexes of the
 * schema (sqlite_schema.c). Each kind is asked for its best hits, ranked by
 * its weighted bm25 and cut at the limit inside SQLite; the iterator merges
 * the two ranked streams by score as it goes, so it holds one row of each
 * and never the whole match set.
 */
#include <stdlib.h>
#include <string.h>

#include "sqlite_internal.h"

/* One ranked stream: the hits of one kind. */
struct source {
	struct sq_put p; /* the statement */
	int slot;        /* as iv__sq_borrow() gave it */
	int kind;        /* iv_search_kind_t */
	int ready;       /* a row is waiting to be returned */
	int over;
};

struct search_iter {
	iv_backend_iter base;
	struct sq *b;
	struct source src[2];
	int nsrc;
	size_t left; /* hits still wanted; 0 without a limit */
	int limited;
};

static const struct {
	int kind;
	int stmt, unranked; /* the ranked and the search-as-you-type statement */
	const char *name;   /* in messages */
} kinds_searched[] = {
	{ IV_SEARCH_CONTACT, SQ_SEARCH_CONTACT, SQ_SEARCH_CONTACT_UNRANKED, "contacts" },
	{ IV_SEARCH_INTERVIEW, SQ_SEARCH_INTERVIEW, SQ_SEARCH_INTERVIEW_UNRANKED, "interviews" },
};

/*
 * The FTS5 query: every term a quoted prefix, "pfi"* "dana"*, which FTS5
 * joins with AND. Terms are words of letters, digits and non-ASCII bytes,
 * so they hold no quote; one is doubled all the same, as FTS5 escapes it.
 */
static char *fts_query(const char *const *terms, size_t nterms)
{
	size_t i, len = 1;
	const char *t;
	char *q, *p;

	for (i = 0; i < nterms; i++)
		for (len += 4, t = terms[i]; *t; t++)
			len += *t == '"' ? 2 : 1;
	if (!(q = p = malloc(len)))
		return NULL;
	for (i = 0; i < nterms; i++) {
		if (i)
			*p++ = ' ';
		*p++ = '"';
		for (t = terms[i]; *t; t++) {
			if (*t == '"')
				*p++ = '"';
			*p++ = *t;
		}
		*p++ = '"';
		*p++ = '*';
	}
	*p = '\0';
	return q;
}

/* Makes sure `s` holds its next row, unless it has run out. */
static int source_fill(struct sq *b, struct source *s)
{
	int rc;

	if (s->ready || s->over)
		return 0;
	if ((rc = iv__sq_step(b, &s->p, "searching", NULL, NULL)) > 0) {
		s->ready = 1;
		return 0;
	}
	/* A finished read gives its snapshot back. */
	s->over = 1;
	sqlite3_reset(s->p.st);
	return rc;
}

static double source_score(const struct source *s)
{
	return sqlite3_column_double(s->p.st, 1);
}

/* The source whose waiting row ranks first; ties go to the kind listed first. */
static struct source *source_best(struct search_iter *it)
{
	struct source *best = NULL;
	int i;

	for (i = 0; i < it->nsrc; i++)
		if (it->src[i].ready && (!best || source_score(&it->src[i]) > source_score(best)))
			best = &it->src[i];
	return best;
}

static int search_next(void **out, iv_backend_iter *base)
{
	struct search_iter *it = (struct search_iter *)base;
	char id[IV_ID_LEN + 1];
	iv_search_hit *hit = NULL;
	struct source *s;
	int i, rc;

	*out = NULL;
	if (it->limited && it->left == 0)
		return IV_ITEROVER;
	for (i = 0; i < it->nsrc; i++)
		if ((rc = source_fill(it->b, &it->src[i])) < 0)
			return rc;
	if (!(s = source_best(it)))
		return IV_ITEROVER;
	if ((rc = iv_search_hit_new(&hit, s->kind, iv__sq_uuid_text(id, s->p.st, 0), source_score(s))) < 0)
		return rc;
	s->ready = 0;
	if (it->limited)
		it->left--;
	*out = hit;
	return 0;
}

static void search_free(iv_backend_iter *base)
{
	struct search_iter *it = (struct search_iter *)base;
	int i;

	for (i = 0; i < it->nsrc; i++)
		iv__sq_give_back(it->b, &it->src[i].p, it->src[i].slot);
	free(it);
}

/* Starts the search of one kind: its statement, bound to the query and the limit. */
static int source_start(struct search_iter *it, int which, const char *query, size_t limit, int unranked)
{
	struct source *s = &it->src[it->nsrc];
	int stmt = unranked ? kinds_searched[which].unranked : kinds_searched[which].stmt;
	int rc;

	if ((rc = iv__sq_borrow(&s->p, &s->slot, it->b, stmt)) < 0)
		return rc;
	it->nsrc++;
	s->kind = kinds_searched[which].kind;
	iv__sq_put_text(&s->p, query);
	iv__sq_put_int(&s->p, limit ? (sqlite3_int64)limit : -1);
	return iv__sq_put_check(it->b, &s->p, "searching", kinds_searched[which].name, NULL);
}

int iv__sq_search(iv_backend_iter **out, iv_backend *be, const char *const *terms, size_t nterms,
		  unsigned int kinds, size_t limit, unsigned int flags)
{
	/* Without a limit every match is read anyway, so ranking costs nothing extra. */
	int unranked = (flags & IV_SEARCH_UNRANKED) && limit > 0;
	struct search_iter *it;
	char *query;
	int i, rc = 0;

	*out = NULL;
	if (!(query = fts_query(terms, nterms)))
		return iv__sq_oom();
	if (!(it = calloc(1, sizeof(*it)))) {
		free(query);
		return iv__sq_oom();
	}
	it->base.version = SQ_BACKEND_ITER_VERSION;
	it->base.next = search_next;
	it->base.free = search_free;
	it->b = (struct sq *)be;
	it->left = limit;
	it->limited = limit > 0;
	for (i = 0; i < (int)(sizeof(kinds_searched) / sizeof(kinds_searched[0])) && rc == 0; i++)
		if (kinds & (unsigned int)kinds_searched[i].kind)
			rc = source_start(it, i, query, limit, unranked);
	free(query);
	if (rc < 0) {
		search_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}
