/*
 * Full-text search: parsing the query, and answering it either through the
 * backend's search operation or, when a backend has none, by scanning the
 * contacts and interviews through the public API with the same tokenizer
 * and the weights search.h documents.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

struct iv_search_hit {
	int kind;
	double score;
	char id[IV_ID_LEN + 1];
};

/* A hit the scan keeps, before it is handed out. */
typedef struct iv_search_hit kept;

struct iv_search_iter {
	iv__live live; /* first: see search_detach() */
	iv_db *db;
	iv_backend_iter *bi; /* the backend's stream, or NULL for the scan's hits */
	kept *hits;           /* the scan's, best first */
	size_t nhits, next;
	size_t left;         /* hits still to give; 0 without a limit */
	int limited, over;
};

/* --- Hits ------------------------------------------------------------------ */

static int kind_valid(int kind)
{
	return kind == IV_SEARCH_CONTACT || kind == IV_SEARCH_INTERVIEW;
}

int iv_search_hit_new(iv_search_hit **out, int kind, const char *id, double score)
{
	char buf[IV_ID_LEN + 1];
	iv_search_hit *h;
	int error;

	IV__ARG(out);
	*out = NULL;
	if (!kind_valid(kind))
		return iv__error(IV_EINVALID, "search_hit.kind: %d is not one iv_search_kind_t flag", kind);
	if ((error = iv__parse_id(buf, "search_hit.id", id)) < 0)
		return error;
	/* Hits are sorted by score: NaN has no place in that order. */
	if (isnan(score))
		return iv__error(IV_EINVALID, "search_hit.score: not a number");
	if (!(h = malloc(sizeof(*h))))
		return iv__oom();
	h->kind = kind;
	h->score = score;
	memcpy(h->id, buf, sizeof(buf));
	*out = h;
	return 0;
}

void iv_search_hit_free(iv_search_hit *hit)
{
	free(hit);
}

int iv_search_hit_kind(const iv_search_hit *hit)
{
	return hit ? hit->kind : 0;
}

const char *iv_search_hit_id(const iv_search_hit *hit)
{
	return hit ? hit->id : NULL;
}

double iv_search_hit_score(const iv_search_hit *hit)
{
	return hit ? hit->score : 0;
}

IV__DEFINE_INIT(iv_search_options_init, iv_search_options, IV_SEARCH_OPTIONS_INIT, IV__ST_SEARCH_OPTIONS)

/* --- The query ------------------------------------------------------------- */

/*
 * Word characters, as SQLite FTS5's unicode61 tokenizer sees ASCII: letters
 * and digits; every byte of a non-ASCII character counts too, so that
 * "café" and "Zoë" are one word each.
 */
static int word_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

static unsigned char lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

/* The query's words, lower-cased in place in one copy of it. */
typedef struct {
	char *text;
	const char **terms;
	size_t nterms;
} query_words;

static void query_free(query_words *q)
{
	free(q->text);
	free(q->terms);
}

static int query_parse(query_words *q, const char *s)
{
	size_t len, n = 0;
	char *p;
	int error;

	if ((error = iv__check_text("query", s, IV_LIMIT_TEXT, 0)) < 0)
		return error;
	len = strlen(s);
	/* At most one word per two bytes, plus one. */
	if (!(q->text = iv__strdup(s)) || !(q->terms = malloc((len / 2 + 1) * sizeof(*q->terms))))
		return iv__oom();
	for (p = q->text; *p; ) {
		if (!word_char((unsigned char)*p)) {
			*p++ = '\0';
			continue;
		}
		q->terms[n++] = p;
		for (; *p && word_char((unsigned char)*p); p++)
			*p = (char)lower((unsigned char)*p);
	}
	q->nterms = n;
	if (n == 0)
		return iv__error(IV_EINVALID, "query: no word to search for");
	return 0;
}

/* --- The core's own search ------------------------------------------------- */

/*
 * A scan: the terms, the best weight each has matched with in the record at
 * hand (0 while unmatched), and the best hits so far. With a limit the hits
 * are a heap of at most `limit` whose root is the worst kept, so that memory
 * stays with the limit, not the store.
 */
typedef struct {
	const char *const *terms;
	size_t nterms;
	double *best;
	kept *hits;
	size_t nhits, alloc, limit;
	int unranked; /* stop at the first `limit` hits (IV_SEARCH_UNRANKED) */
} scan;

/* 1 if `term` (lower case) begins the word of `len` bytes at `w`, ASCII case-insensitively. */
static int begins(const char *w, size_t len, const char *term)
{
	size_t i;

	for (i = 0; term[i]; i++)
		if (i == len || lower((unsigned char)w[i]) != (unsigned char)term[i])
			return 0;
	return 1;
}

/* Marks the terms that begin some word of `text` as matched with `weight`. */
static void scan_text(scan *s, const char *text, double weight)
{
	const char *p = text, *w;
	size_t t;

	if (!text)
		return;
	while (*p) {
		if (!word_char((unsigned char)*p)) {
			p++;
			continue;
		}
		for (w = p; *p && word_char((unsigned char)*p); p++)
			;
		for (t = 0; t < s->nterms; t++)
			if (s->best[t] < weight && begins(w, (size_t)(p - w), s->terms[t]))
				s->best[t] = weight;
	}
}

typedef const char *(*item_at)(const void *r, size_t i);

static void scan_items(scan *s, const void *r, size_t n, item_at at, double weight)
{
	size_t i;

	for (i = 0; i < n; i++)
		scan_text(s, at(r, i), weight);
}

/* The weights of the fields, as search.h documents them. */
enum {
	W_CONTACT_NAME = 10, W_CONTACT_COMPANY = 5, W_CONTACT_TITLE = 5, W_CONTACT_TAGS = 5, W_CONTACT_NOTES = 1,
	W_INTERVIEW_PURPOSE = 3, W_INTERVIEW_ANSWERS = 2, W_INTERVIEW_ADVICE = 2, W_INTERVIEW_RESOURCES = 2,
	W_INTERVIEW_NOTES = 1
};

static const char *tag_at(const void *r, size_t i) { return iv_contact_tag_at(r, i); }
static const char *answer_at(const void *r, size_t i) { return iv_interview_answer_at(r, i); }
static const char *advice_at(const void *r, size_t i) { return iv_interview_advice_at(r, i); }
static const char *resource_at(const void *r, size_t i) { return iv_interview_resource_at(r, i); }

static void scan_contact(scan *s, const void *r)
{
	scan_text(s, iv_contact_name(r), W_CONTACT_NAME);
	scan_text(s, iv_contact_company(r), W_CONTACT_COMPANY);
	scan_text(s, iv_contact_title(r), W_CONTACT_TITLE);
	scan_items(s, r, iv_contact_tag_count(r), tag_at, W_CONTACT_TAGS);
	scan_text(s, iv_contact_notes(r), W_CONTACT_NOTES);
}

static void scan_interview(scan *s, const void *r)
{
	scan_text(s, iv_interview_purpose(r), W_INTERVIEW_PURPOSE);
	scan_items(s, r, iv_interview_question_count(r), answer_at, W_INTERVIEW_ANSWERS);
	scan_items(s, r, iv_interview_advice_count(r), advice_at, W_INTERVIEW_ADVICE);
	scan_items(s, r, iv_interview_resource_count(r), resource_at, W_INTERVIEW_RESOURCES);
	scan_text(s, iv_interview_notes(r), W_INTERVIEW_NOTES);
}

/* Best first: higher score, then contacts before interviews, then by id. */
static int hit_cmp(const kept *a, const kept *b)
{
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int hit_qsort_cmp(const void *a, const void *b)
{
	return hit_cmp(a, b);
}

/* Restores the heap below index i, whose root is the worst hit. */
static void heap_down(kept *h, size_t n, size_t i)
{
	for (;;) {
		size_t worst = i, l = 2 * i + 1, r = l + 1;
		kept tmp;

		if (l < n && hit_cmp(&h[l], &h[worst]) > 0)
			worst = l;
		if (r < n && hit_cmp(&h[r], &h[worst]) > 0)
			worst = r;
		if (worst == i)
			return;
		tmp = h[i];
		h[i] = h[worst];
		h[worst] = tmp;
		i = worst;
	}
}

static void heap_up(kept *h, size_t i)
{
	while (i > 0 && hit_cmp(&h[i], &h[(i - 1) / 2]) > 0) {
		size_t parent = (i - 1) / 2;
		kept tmp = h[i];

		h[i] = h[parent];
		h[parent] = tmp;
		i = parent;
	}
}

/* Keeps the record just scanned if every term matched, and resets the matches. */
static int scan_keep(scan *s, int kind, const char *id)
{
	kept h = { kind, 0, { 0 } };
	size_t t;
	int all = 1;

	for (t = 0; t < s->nterms; t++) {
		all = all && s->best[t] > 0;
		h.score += s->best[t];
		s->best[t] = 0;
	}
	if (!all)
		return 0;
	memcpy(h.id, id, IV_ID_LEN + 1);
	if (s->limit && s->nhits == s->limit) {
		if (hit_cmp(&h, &s->hits[0]) < 0) {
			s->hits[0] = h;
			heap_down(s->hits, s->nhits, 0);
		}
		return 0;
	}
	if (s->nhits == s->alloc) {
		size_t n = s->alloc ? s->alloc * 2 : 16;
		kept *grown;

		if (s->limit && n > s->limit)
			n = s->limit;
		if (!(grown = realloc(s->hits, n * sizeof(*grown))))
			return iv__oom();
		s->hits = grown;
		s->alloc = n;
	}
	s->hits[s->nhits++] = h;
	if (s->limit)
		heap_up(s->hits, s->nhits - 1);
	return 0;
}

/*
 * How the scan reads one kind of record through the public API. The
 * wrappers exist because calling the typed functions through void-pointer
 * prototypes would be undefined behaviour.
 */
typedef struct {
	int kind;
	int (*list)(void **it, iv_db *db);
	int (*next)(void **r, void *it);
	void (*iter_free)(void *it);
	const char *(*id)(const void *r);
	void (*free)(void *r);
	void (*fields)(scan *s, const void *r);
} searched;

#define IV__SEARCHED(K, KIND) \
	static int K##_list_(void **it, iv_db *db) \
	{ iv_##K##_iter *i = NULL; int e = iv_##K##_list(&i, db, NULL); *it = i; return e; } \
	static int K##_next_(void **r, void *it) \
	{ iv_##K *x = NULL; int e = iv_##K##_iter_next(&x, it); *r = x; return e; } \
	static void K##_iter_free_(void *it) { iv_##K##_iter_free(it); } \
	static const char *K##_id_(const void *r) { return iv_##K##_id(r); } \
	static void K##_free_(void *r) { iv_##K##_free(r); } \
	static const searched K##_searched = { KIND, K##_list_, K##_next_, K##_iter_free_, K##_id_, \
		K##_free_, scan_##K };

IV__SEARCHED(contact, IV_SEARCH_CONTACT)
IV__SEARCHED(interview, IV_SEARCH_INTERVIEW)

static int scan_kind(scan *s, iv_db *db, const searched *k)
{
	void *it = NULL, *r = NULL;
	int error;

	if ((error = k->list(&it, db)) < 0)
		return error;
	while ((error = k->next(&r, it)) == 0) {
		if (s->unranked && s->nhits == s->limit) {
			k->free(r);
			break;
		}
		k->fields(s, r);
		error = scan_keep(s, k->kind, k->id(r));
		k->free(r);
		r = NULL;
		if (error < 0)
			break;
	}
	k->iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int scan_store(iv_search_iter *it, iv_db *db, const query_words *q, unsigned int kinds, size_t limit,
		      unsigned int flags)
{
	scan s = { q->terms, q->nterms, NULL, NULL, 0, 0, limit, (flags & IV_SEARCH_UNRANKED) && limit > 0 };
	int error = 0;

	if (!(s.best = calloc(q->nterms, sizeof(*s.best))))
		return iv__oom();
	if (kinds & IV_SEARCH_CONTACT)
		error = scan_kind(&s, db, &contact_searched);
	if (error >= 0 && (kinds & IV_SEARCH_INTERVIEW) && !(s.unranked && s.nhits == s.limit))
		error = scan_kind(&s, db, &interview_searched);
	free(s.best);
	if (error < 0) {
		free(s.hits);
		return error;
	}
	if (s.nhits)
		qsort(s.hits, s.nhits, sizeof(*s.hits), hit_qsort_cmp);
	it->hits = s.hits;
	it->nhits = s.nhits;
	return 0;
}

/* --- Searching ------------------------------------------------------------- */

static int check_options(iv_search_options *o, const iv_search_options *opts)
{
	int error;

	*o = (iv_search_options)IV_SEARCH_OPTIONS_INIT;
	if (!opts)
		return 0;
	/* Only as much of the caller's options as its version has. */
	if ((error = iv__struct_read(o, IV__ST_SEARCH_OPTIONS, opts)) < 0)
		return error;
	if (o->kinds & ~(unsigned int)(IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW))
		return iv__error(IV_EINVALID, "search_options.kinds: unknown kinds 0x%x", o->kinds);
	if (o->flags & ~(unsigned int)IV_SEARCH_UNRANKED)
		return iv__error(IV_EINVALID, "search_options.flags: unknown flags 0x%x", o->flags);
	return 0;
}

/* The backend's stream goes with the store; hits the scan kept stay. */
static void search_detach(iv__live *l)
{
	iv_search_iter *it = (iv_search_iter *)l;

	if (it->bi)
		it->bi->free(it->bi);
	it->bi = NULL;
}

static int search_unguarded(iv_search_iter **out, iv_db *db, const char *query, const iv_search_options *opts)
{
	iv_search_options o;
	iv_search_iter *it = NULL;
	query_words q = { NULL, NULL, 0 };
	unsigned int kinds;
	int error;

	IV__ARG_OF("iv_search", out);
	*out = NULL;
	IV__ARG_OF("iv_search", db);
	IV__ARG_OF("iv_search", query);
	if ((error = check_options(&o, opts)) < 0 || (error = query_parse(&q, query)) < 0)
		goto done;
	kinds = o.kinds ? o.kinds : (unsigned int)(IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW);
	if (!(it = calloc(1, sizeof(*it)))) {
		error = iv__oom();
		goto done;
	}
	it->left = o.limit;
	it->limited = o.limit > 0;
	if (db->be->search)
		error = db->be->search(&it->bi, db->be, q.terms, q.nterms, kinds, o.limit, o.flags);
	else
		error = scan_store(it, db, &q, kinds, o.limit, o.flags);
	if (error < 0) {
		error = iv__error_ensure(error, "searching");
		free(it->hits);
		free(it);
		goto done;
	}
	it->db = db;
	it->live.detach = search_detach;
	iv__live_add(db, &it->live);
	*out = it;
done:
	query_free(&q);
	return error;
}

int iv_search(iv_search_iter **out, iv_db *db, const char *query, const iv_search_options *opts)
{
	IV__GUARDED(db, "iv_search", search_unguarded(out, db, query, opts));
}

static int search_iter_next_unguarded(iv_search_hit **out, iv_search_iter *it)
{
	void *r = NULL;
	int error;

	IV__ARG_OF("iv_search_iter_next", out);
	*out = NULL;
	IV__ARG_OF("iv_search_iter_next", it);
	if (it->live.detached)
		return iv__live_gone("iv_search_iter_next");
	/* A backend that gives more than the limit is cut short here. */
	if (it->over || (it->limited && it->left == 0))
		goto over;
	if (it->bi) {
		if ((error = it->bi->next(&r, it->bi)) == IV_ITEROVER)
			goto over;
		if (error < 0) {
			iv_search_hit_free(r);
			return iv__error_ensure(error, "reading the next hit");
		}
		*out = r;
	} else {
		if (it->next == it->nhits)
			goto over;
		if ((error = iv_search_hit_new(out, it->hits[it->next].kind, it->hits[it->next].id,
					       it->hits[it->next].score)) < 0)
			return error;
		it->next++;
	}
	if (it->limited)
		it->left--;
	return 0;
over:
	it->over = 1;
	return iv__error(IV_ITEROVER, "no more hits");
}

int iv_search_iter_next(iv_search_hit **out, iv_search_iter *it)
{
	IV__GUARDED(it && !it->live.detached ? it->db : NULL, "iv_search_iter_next", search_iter_next_unguarded(out, it));
}

void iv_search_iter_free(iv_search_iter *it)
{
	if (!it)
		return;
	iv__live_remove(it->db, &it->live);
	if (it->bi)
		it->bi->free(it->bi);
	free(it->hits);
	free(it);
}
