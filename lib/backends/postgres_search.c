/*
 * The PostgreSQL backend: full-text search, and the network's operations
 * (backend version 4).
 *
 * Search: each record's words, split in C exactly as the core's own search
 * splits them (postgres_records.c), are written as a tsvector of quoted
 * lexemes weighted by field (A, B, C), which the schema's triggers copy to
 * a table of words with the field's weight (contact_word, interview_word),
 * indexed by (owner, word). (A GIN index of the tsvector would be faster
 * to keep, but row-level security lets an index serve only leakproof
 * operators, and @@ is not.) A term is a range of that index; a hit's
 * score is that of the core's own search (per term, the highest weight
 * among the fields it matched in, summed), so the hits and their order
 * are the memory backend's.
 * Each kind is asked for its best hits, cut at the limit by the server;
 * the iterator merges the two ranked streams as the SQLite backend does.
 */
#include <stdlib.h>
#include <string.h>

#include "postgres_internal.h"

const char *const iv__pg_fixed_sql[PG_FIXED_COUNT] = {
	[PG_SETTING_GET] = "SELECT value FROM infoview.setting WHERE owner = current_user AND key = $1",
	[PG_SETTING_SET] = "INSERT INTO infoview.setting (key, value) VALUES ($1, $2)"
			   " ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value",
	[PG_SETTING_DELETE] = "DELETE FROM infoview.setting WHERE owner = current_user AND key = $1",
	[PG_REFERENCED] = "SELECT EXISTS (SELECT 1 FROM infoview.intro WHERE owner = current_user AND introducer = $1)"
			  " OR EXISTS (SELECT 1 FROM infoview.intro WHERE owner = current_user AND introduced = $1)"
			  " OR EXISTS (SELECT 1 FROM infoview.interview WHERE owner = current_user AND contact = $1)"
			  " OR EXISTS (SELECT 1 FROM infoview.followup WHERE owner = current_user AND contact = $1)",
	/* The introductions to a contact (intro_introduced), not declined (4), with their introducers. */
	[PG_INTROS_TO] = "SELECT i.id, c.id, i.status, i.made_at, i.created, c.known, c.last_interaction"
			 " FROM infoview.intro i JOIN infoview.contact c ON c.owner = i.owner AND c.id = i.introducer"
			 " WHERE i.owner = current_user AND i.introduced = $1 AND i.status <> 4",
	[PG_NETWORK_NODE] = "SELECT rid, id, known, last_interaction, name, company FROM infoview.contact"
			    " WHERE owner = current_user AND id = $1",
	[PG_INTROS_TO_KEY] = "SELECT i.id, c.id, i.status, i.made_at, i.created, c.known, c.last_interaction, c.rid"
			     " FROM infoview.intro i JOIN infoview.contact c ON c.owner = i.owner AND c.id = i.introducer"
			     " WHERE i.owner = current_user AND i.status <> 4 AND i.introduced ="
			     " (SELECT id FROM infoview.contact WHERE owner = current_user AND rid = $1)",
	[PG_NETWORK_COMPANY] = "SELECT rid, id, known, last_interaction, name, company FROM infoview.contact"
			       " WHERE owner = current_user AND company_key = infoview.fold($1)",
};

#define PG(be) ((struct pg *)(be))

/* --- Search ------------------------------------------------------------- */

/* The searched kinds: their tables of words (weighted as search.h documents, by the schema's triggers). */
static const struct {
	int kind;
	const char *table, *name;
} kinds_searched[] = {
	{ IV_SEARCH_CONTACT, "contact_word", "contacts" },
	{ IV_SEARCH_INTERVIEW, "interview_word", "interviews" },
};

struct source {
	struct pg_cursor c;
	const PGresult *res;
	int row;
	int kind;
	int ready, over;
};

struct search_iter {
	iv_backend_iter base;
	struct pg *b;
	struct source src[2];
	int nsrc;
	size_t left;
	int limited;
};

/* The terms as a text[] literal ({"a","b"}), allocated. */
/*
 * The terms as a text[] literal; with `suffix`, each term followed by it
 * (the upper bound of the words it begins).
 */
static int terms_array(char **out, const char *const *terms, size_t nterms, const char *suffix)
{
	size_t i, len = 3;
	const char *c;
	char *t;

	for (i = 0; i < nterms; i++)
		len += 2 * strlen(terms[i]) + 3 + (suffix ? strlen(suffix) : 0);
	if (!(*out = t = malloc(len)))
		return iv__pg_oom();
	*t++ = '{';
	for (i = 0; i < nterms; i++) {
		if (i)
			*t++ = ',';
		*t++ = '"';
		for (c = terms[i]; *c; c++) {
			if (*c == '"' || *c == '\\')
				*t++ = '\\';
			*t++ = *c;
		}
		for (c = suffix; c && *c; c++)
			*t++ = *c;
		*t++ = '"';
	}
	*t++ = '}';
	*t = '\0';
	return 0;
}

static int source_fill(struct search_iter *it, struct source *s)
{
	int rc;

	if (s->ready || s->over)
		return 0;
	if ((rc = iv__pg_cursor_next(&s->c, it->b, &s->res, &s->row, "search")) > 0) {
		s->ready = 1;
		return 0;
	}
	s->over = 1;
	return rc;
}

static double source_score(const struct source *s)
{
	return strtod(PQgetvalue(s->res, s->row, 1), NULL);
}

static int search_next(void **out, iv_backend_iter *base)
{
	struct search_iter *it = (struct search_iter *)base;
	iv_search_hit *hit = NULL;
	struct source *best = NULL;
	int i, rc;

	*out = NULL;
	if (it->limited && it->left == 0)
		return IV_ITEROVER;
	for (i = 0; i < it->nsrc; i++)
		if ((rc = source_fill(it, &it->src[i])) < 0)
			return rc;
	/* The best waiting row; ties go to the kind listed first (contacts). */
	for (i = 0; i < it->nsrc; i++)
		if (it->src[i].ready && (!best || source_score(&it->src[i]) > source_score(best)))
			best = &it->src[i];
	if (!best)
		return IV_ITEROVER;
	if ((rc = iv_search_hit_new(&hit, best->kind, PQgetvalue(best->res, best->row, 0), source_score(best))) < 0)
		return rc;
	best->ready = 0;
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
		iv__pg_cursor_close(&it->src[i].c, it->b);
	free(it);
}

int iv__pg_search(iv_backend_iter **out, iv_backend *be, const char *const *terms, size_t nterms,
		  unsigned int kinds, size_t limit, unsigned int flags)
{
	/* Without a limit every match is read anyway, so ranking costs nothing extra. */
	int unranked = (flags & IV_SEARCH_UNRANKED) && limit > 0;
	struct search_iter *it;
	char *array = NULL, *bounds = NULL, sql[1024], lim[24], n[24];
	size_t i;
	int rc;

	*out = NULL;
	/*
	 * The words a term begins lie from it to it followed by U+10FFFF, the
	 * last character, in "C" order. The bound is computed here: under
	 * row-level security only leakproof operators may be index
	 * conditions, and text concatenation in the query is not, so the scan
	 * would read every word from the term to the end of the owner's.
	 */
	if ((rc = terms_array(&array, terms, nterms, NULL)) < 0)
		return rc;
	if ((rc = terms_array(&bounds, terms, nterms, "\xf4\x8f\xbf\xbf")) < 0) {
		free(array);
		return rc;
	}
	if (!(it = calloc(1, sizeof(*it)))) {
		free(array);
		free(bounds);
		return iv__pg_oom();
	}
	it->base.version = PG_BACKEND_ITER_VERSION;
	it->base.next = search_next;
	it->base.free = search_free;
	it->b = PG(be);
	it->left = limit;
	it->limited = limit > 0;
	snprintf(lim, sizeof(lim), "%zu", limit);
	snprintf(n, sizeof(n), "%zu", nterms);
	for (i = 0; i < sizeof(kinds_searched) / sizeof(kinds_searched[0]) && rc == 0; i++) {
		struct pg_args a = { 0 };
		struct source *s = &it->src[it->nsrc];

		if (!(kinds & (unsigned int)kinds_searched[i].kind))
			continue;
		/*
		 * Per record and term, the best weight of the words the term
		 * begins (a range of the word index, "C" order); records that
		 * every term matched, by the sum.
		 */
		snprintf(sql, sizeof(sql), "SELECT m.ref, sum(m.w) AS score FROM (SELECT w.ref, q.i, max(w.weight) AS w"
			 " FROM unnest($1::text[], $4::text[]) WITH ORDINALITY AS q(t, hi, i) JOIN infoview.%s w"
			 " ON w.owner = current_user AND w.word >= q.t COLLATE \"C\""
			 " AND w.word < q.hi COLLATE \"C\" AND starts_with(w.word, q.t)"
			 " GROUP BY w.ref, q.i) AS m GROUP BY m.ref HAVING count(*) = $2::bigint%s LIMIT $3::bigint",
			 kinds_searched[i].table, unranked ? "" : " ORDER BY score DESC, m.ref");
		iv__pg_put_text(&a, array);
		iv__pg_put_text(&a, n);
		iv__pg_put_text(&a, limit ? lim : NULL);
		iv__pg_put_text(&a, bounds);
		if ((rc = iv__pg_cursor_open(&s->c, it->b, sql, &a, kinds_searched[i].name)) == 0) {
			s->kind = kinds_searched[i].kind;
			it->nsrc++;
		}
	}
	free(array);
	free(bounds);
	if (rc < 0) {
		search_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}

/* --- The network -------------------------------------------------------- */

/* Columns 1 to 6 of PG_INTROS_TO and PG_INTROS_TO_KEY. */
static void edge_row(iv_backend_edge *e, const PGresult *res, int row)
{
	e->introducer = iv__pg_text(res, row, 1);
	e->status = (int)iv__pg_int(res, row, 2);
	e->made_at = iv__pg_int(res, row, 3);
	e->created = iv__pg_int(res, row, 4);
	e->introducer_known = (int)iv__pg_int(res, row, 5);
	e->introducer_last = iv__pg_int(res, row, 6);
}

int iv__pg_intros_to(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload)
{
	struct pg_args a = { 0 };
	PGresult *res;
	iv_backend_edge e;
	int i, rc;

	iv__pg_put_text(&a, id);
	if ((rc = iv__pg_run(&res, PG(be), PG_INTROS_TO, &a, "reading the introductions to", "contact", id)) < 0)
		return rc;
	memset(&e, 0, sizeof(e));
	for (i = 0; i < PQntuples(res) && rc >= 0; i++) {
		e.id = iv__pg_text(res, i, 0);
		edge_row(&e, res, i);
		rc = cb(&e, payload);
	}
	PQclear(res);
	return rc < 0 ? rc : 0;
}

int iv__pg_intros_to_key(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload)
{
	struct pg_args a = { 0 };
	PGresult *res;
	iv_backend_edge e;
	int i, rc;

	iv__pg_put_int(&a, key);
	if ((rc = iv__pg_run(&res, PG(be), PG_INTROS_TO_KEY, &a, "reading the introductions to", "contact", NULL)) < 0)
		return rc;
	memset(&e, 0, sizeof(e));
	for (i = 0; i < PQntuples(res) && rc >= 0; i++) {
		e.id = iv__pg_text(res, i, 0);
		edge_row(&e, res, i);
		e.introducer_key = iv__pg_int(res, i, 7);
		rc = cb(&e, payload);
	}
	PQclear(res);
	return rc < 0 ? rc : 0;
}

/* A row of PG_NETWORK_NODE or PG_NETWORK_COMPANY, given to `cb`. */
static int node_row(const PGresult *res, int row, iv_backend_node_cb cb, void *payload)
{
	iv_backend_node c;

	memset(&c, 0, sizeof(c));
	c.key = iv__pg_int(res, row, 0);
	c.id = iv__pg_text(res, row, 1);
	c.known = (int)iv__pg_int(res, row, 2);
	c.last_interaction = iv__pg_int(res, row, 3);
	c.name = iv__pg_text(res, row, 4);
	c.company = iv__pg_text(res, row, 5);
	return cb(&c, payload);
}

int iv__pg_network_node(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload)
{
	struct pg_args a = { 0 };
	PGresult *res;
	int rc;

	iv__pg_put_text(&a, id);
	if ((rc = iv__pg_run(&res, PG(be), PG_NETWORK_NODE, &a, "reading", "contact", id)) < 0)
		return rc;
	if (PQntuples(res) > 0)
		rc = node_row(res, 0, cb, payload);
	else
		rc = iv__pg_error(IV_ENOTFOUND, "postgresql: contact %s not found", id);
	PQclear(res);
	return rc < 0 ? rc : 0;
}

int iv__pg_network_company(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload)
{
	struct pg_args a = { 0 };
	PGresult *res;
	int i, rc;

	iv__pg_put_text(&a, company);
	if ((rc = iv__pg_run(&res, PG(be), PG_NETWORK_COMPANY, &a, "reading the contacts of", "company", company)) < 0)
		return rc;
	for (i = 0; i < PQntuples(res) && rc >= 0; i++)
		rc = node_row(res, i, cb, payload);
	PQclear(res);
	return rc < 0 ? rc : 0;
}

/* The whole network, in two scans through cursors: memory holds a batch at a time. */
int iv__pg_network_scan(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload)
{
	struct pg *b = PG(be);
	struct pg_cursor c;
	const PGresult *res;
	iv_backend_node n;
	iv_backend_edge e;
	int row, rc;

	if ((rc = iv__pg_cursor_open(&c, b, "SELECT rid, id, known, last_interaction, company FROM infoview.contact"
				     " WHERE owner = current_user", NULL, "the network")) < 0)
		return rc;
	memset(&n, 0, sizeof(n));
	while ((rc = iv__pg_cursor_next(&c, b, &res, &row, "the network")) > 0) {
		n.key = iv__pg_int(res, row, 0);
		n.id = iv__pg_text(res, row, 1);
		n.known = (int)iv__pg_int(res, row, 2);
		n.last_interaction = iv__pg_int(res, row, 3);
		n.company = iv__pg_text(res, row, 4);
		if ((rc = contact(&n, payload)) < 0)
			break;
	}
	iv__pg_cursor_close(&c, b);
	if (rc < 0)
		return rc;
	if ((rc = iv__pg_cursor_open(&c, b, "SELECT i.id, a.rid, z.rid, i.status, i.made_at, i.created"
				     " FROM infoview.intro i"
				     " JOIN infoview.contact a ON a.owner = i.owner AND a.id = i.introducer"
				     " JOIN infoview.contact z ON z.owner = i.owner AND z.id = i.introduced"
				     " WHERE i.owner = current_user AND i.status <> 4", NULL, "the network")) < 0)
		return rc;
	memset(&e, 0, sizeof(e));
	while ((rc = iv__pg_cursor_next(&c, b, &res, &row, "the network")) > 0) {
		e.id = iv__pg_text(res, row, 0);
		e.introducer_key = iv__pg_int(res, row, 1);
		e.introduced_key = iv__pg_int(res, row, 2);
		e.status = (int)iv__pg_int(res, row, 3);
		e.made_at = iv__pg_int(res, row, 4);
		e.created = iv__pg_int(res, row, 5);
		if ((rc = intro(&e, payload)) < 0)
			break;
	}
	iv__pg_cursor_close(&c, b);
	return rc < 0 ? rc : 0;
}
