/*
 * Your network: a snapshot of the contacts and introductions with every
 * degree and best path worked out once when it is loaded, read in one
 * sequential scan where the backend has network_scan() (version 4), else
 * through the public API (so it works alike on every backend); and the
 * same answers for one contact or company without a snapshot, walking back
 * through the introductions (below).
 *
 * The snapshot keeps only what the graph needs: ids as their 16 bytes
 * (whose order is that of their lower-case text), indices of 32 bits, the
 * companies end to end in one arena, and for each contact the introduction
 * on its best path: the introductions themselves are dropped once walked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "util.h"

#define NONE SIZE_MAX
#define NONE32 UINT32_MAX

/* An introduction while loading; the best one of each pair becomes an arc. */
typedef struct edge {
	uint32_t from, to;   /* node indices */
	int made;            /* 1 if the introduction was made */
	iv_time when;        /* when it was made, else when it was recorded */
	unsigned char id[16];
} edge;

/* A contact in the snapshot: what the answers need, nothing else. */
typedef struct node {
	unsigned char id[16];
	unsigned char via[16]; /* the introduction from pred, if any */
	int degree;          /* 0 while (or if) unreachable */
	uint32_t pred;       /* the contact before this one on the best path, or NONE32 */
	uint32_t company;    /* an offset into the text arena; NONE32 if unset */
	/* Its rank within its layer by the last-interaction times along its best path (equal times, equal rank). */
	uint32_t trank;
} node;

/*
 * What the walk needs of a contact besides its node, dropped once it is
 * done: its known and last interaction; its position in its layer in
 * preference order (prank); and its predecessor's trank and prank, copied
 * when the path is chosen (the predecessor's layer is ranked by then).
 * Comparing paths to the next layer reduces to comparing these, which is
 * what keeps the choice of paths linear.
 */
typedef struct tnode {
	iv_time last;
	int known;
	uint32_t prank, ptrank, pprank;
} tnode;

struct iv_network {
	node *nodes;         /* in the order read */
	size_t n;
	uint32_t *by_id;     /* node indices, by id */
	char *text;          /* companies, NUL-terminated, end to end */
	size_t text_len;
	/*
	 * The reachable contacts with a company, by company (ASCII
	 * case-insensitively), then in the order of their paths: made by the
	 * first company query, so that each answers from a range of it. A
	 * snapshot is used by one thread at a time (network.h).
	 */
	uint32_t *by_company;
	size_t ncompany;
};

struct hop {
	char contact[IV_ID_LEN + 1];
	char intro[IV_ID_LEN + 1]; /* "" for the first hop */
};

struct iv_path {
	size_t n;
	struct hop hops[];
};

struct iv_path_iter {
	iv_path **paths;
	size_t n;
	size_t pos;
};

/* --- Loading ------------------------------------------------------------ */

/* Makes room for `want` elements of `size` bytes; returns the array, moved, or NULL. */
static void *reserve(void *items, size_t *alloc, size_t want, size_t size)
{
	size_t n = *alloc ? *alloc : 16;
	void *grown;

	if (want <= *alloc)
		return items;
	while (n < want)
		n *= 2;
	if (n > SIZE_MAX / size || !(grown = realloc(items, n * size))) {
		iv__oom();
		return NULL;
	}
	*alloc = n;
	return grown;
}

/* Each character's value as a hex digit plus one; 0 for any other. */
static const unsigned char hex1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8,
	['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/*
 * An id (any case) as its 16 bytes: 0, or -1 if it is not a UUID's text.
 * (libuuid's uuid_parse() calls strtoul() per byte: a third of a load.)
 */
static int id_parse(unsigned char out[16], const char *id)
{
	const unsigned char *s = (const unsigned char *)id;
	unsigned int bad = 0;

	if (strnlen(id, IV_ID_LEN + 1) != IV_ID_LEN || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
		return -1;
	/* A character that is no digit gives all ones. */
#define BYTE(i, at) do { \
	unsigned int hi_ = hex1[s[at]] - 1u, lo_ = hex1[s[(at) + 1]] - 1u; \
	bad |= hi_ | lo_; \
	out[i] = (unsigned char)(hi_ << 4 | (lo_ & 15)); \
} while (0)
	BYTE(0, 0); BYTE(1, 2); BYTE(2, 4); BYTE(3, 6); BYTE(4, 9); BYTE(5, 11); BYTE(6, 14); BYTE(7, 16);
	BYTE(8, 19); BYTE(9, 21); BYTE(10, 24); BYTE(11, 26); BYTE(12, 28); BYTE(13, 30); BYTE(14, 32); BYTE(15, 34);
#undef BYTE
	return bad > 15 ? -1 : 0;
}

static inline uint64_t big_endian64(const unsigned char *p)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x;

	memcpy(&x, p, 8);
	return __builtin_bswap64(x);
#else
	return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 | (uint64_t)p[3] << 32 |
	       (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 | (uint64_t)p[6] << 8 | (uint64_t)p[7];
#endif
}

/* Two ids (16 bytes) in the order of their text, as memcmp() but inline: the sorts' hot spot. */
static inline int id_cmp(const unsigned char *a, const unsigned char *b)
{
	uint64_t x = big_endian64(a), y = big_endian64(b);

	if (x == y) {
		x = big_endian64(a + 8);
		y = big_endian64(b + 8);
	}
	return (x > y) - (x < y);
}

/* A valid id (any case) as its 16 bytes. */
static void id_bytes(unsigned char out[16], const char *id)
{
	if (id_parse(out, id) < 0)
		memset(out, 0, 16);
}

static int text_add(uint32_t *off, iv_network *net, size_t *alloc, const char *s)
{
	size_t len;
	char *text;

	if (!s) {
		*off = NONE32;
		return 0;
	}
	len = strlen(s) + 1;
	if (net->text_len + len >= NONE32)
		return iv__error(IV_ENOMEM, "the network's names take more than 4 GiB");
	if (!(text = reserve(net->text, alloc, net->text_len + len, 1)))
		return IV_ENOMEM;
	net->text = text;
	memcpy(net->text + net->text_len, s, len);
	*off = (uint32_t)net->text_len;
	net->text_len += len;
	return 0;
}

/*
 * The loading state: where the arrays stand, each contact's backend key,
 * and what the walk needs but the snapshot does not keep.
 */
typedef struct loader {
	iv_network *net;
	size_t alloc, text_alloc, edge_alloc;
	tnode *t;            /* node i's walking state */
	edge *edges;         /* as read */
	size_t nedges;
	/*
	 * The best introduction of each pair, grouped by introducer: whom it
	 * introduced and its id, apart (the walk reads the one for every
	 * introduction, the other once per contact).
	 */
	uint32_t *arc_to;
	unsigned char (*arc_id)[16];
	uint32_t *first;     /* node i's arcs are first[i] .. first[i + 1] - 1 */
	int64_t *keys;       /* node i's key (network_scan()) */
	size_t key_alloc;
	int64_t *sorted;     /* (key, index) pairs by key, when the keys came unsorted */
	int keys_sorted;
	int keys_dense;      /* sorted, and every key from keys[0] on: node i has key keys[0] + i */
	iv_db *db;
	int error;
} loader;

static void loader_free(loader *l)
{
	free(l->t);
	free(l->edges);
	free(l->arc_to);
	free(l->arc_id);
	free(l->first);
	free(l->keys);
	free(l->sorted);
}

/* Adds a contact whose id is `uuid` (16 bytes) if not NULL, else `id` (text). */
static int add_node(loader *l, const unsigned char *uuid, const char *id, int known, iv_time last,
		    const char *company)
{
	iv_network *net = l->net;
	size_t alloc = l->alloc;
	node *v;
	tnode *t;
	int error;

	if (net->n >= NONE32 - 1)
		return iv__error(IV_ENOMEM, "the network has too many contacts");
	if (net->n + 1 > l->alloc) {
		if (!(v = reserve(net->nodes, &alloc, net->n + 1, sizeof(node))))
			return IV_ENOMEM;
		net->nodes = v;
		if (!(t = reserve(l->t, &l->alloc, net->n + 1, sizeof(tnode))))
			return IV_ENOMEM;
		l->t = t;
	}
	v = &net->nodes[net->n];
	if (uuid)
		memcpy(v->id, uuid, 16);
	else if (!id || id_parse(v->id, id) < 0)
		return iv__error(IV_ESTORAGE, "the network holds a contact id '%.60s'", id ? id : "");
	v->degree = 0;
	v->pred = NONE32;
	v->trank = 0;
	t = &l->t[net->n];
	t->known = known;
	t->last = last;
	t->prank = t->ptrank = t->pprank = 0;
	if ((error = text_add(&v->company, net, &l->text_alloc, company)) < 0)
		return error;
	net->n++;
	return 0;
}

/* Indexes the nodes by id: already in order (as UUIDv7 ids read by row mostly are) costs one pass. */
static int index_ids(iv_network *net)
{
	/* The ids as two numbers each, side by side: the nodes are wider than the sort needs. */
	struct idkey {
		uint64_t hi, lo;
	} *k;
	size_t i, n = net->n, moves = 0;
	uint32_t *idx;
	int sorted = 1;

#define KEY_LESS(x, y) (k[x].hi < k[y].hi || (k[x].hi == k[y].hi && k[x].lo < k[y].lo))
	if (!(idx = net->by_id = malloc((n ? n : 1) * sizeof(*net->by_id))))
		return iv__oom();
	if (!(k = malloc((n ? n : 1) * sizeof(*k))))
		return iv__oom();
	for (i = 0; i < n; i++) {
		k[i].hi = big_endian64(net->nodes[i].id);
		k[i].lo = big_endian64(net->nodes[i].id + 8);
	}
	/*
	 * Insertion first: ids read by row are time-ordered UUIDs (v7) but for
	 * those made in the same millisecond, so few move, and not far. If
	 * many do, a merge sort takes over.
	 */
	for (i = 0; i < n && sorted; i++) {
		size_t j = i;
		uint32_t v = (uint32_t)i;
		for (; j > 0 && KEY_LESS(v, idx[j - 1]); j--) {
			idx[j] = idx[j - 1];
			if (++moves > 4 * n + 64)
				sorted = 0;
		}
		idx[j] = v;
	}
	if (!sorted) {
		/* A bottom-up merge sort (qsort() would need the keys in a global). */
		uint32_t *tmp = malloc(n * sizeof(*tmp)), *src = idx, *dst = tmp, *swap;
		size_t width;

		if (!tmp) {
			free(k);
			return iv__oom();
		}
		for (i = 0; i < n; i++)
			idx[i] = (uint32_t)i;
		for (width = 1; width < n; width *= 2) {
			size_t lo;
			for (lo = 0; lo < n; lo += 2 * width) {
				size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
				size_t a = lo, b = mid, o = lo;
				while (a < mid && b < hi)
					dst[o++] = KEY_LESS(src[b], src[a]) ? src[b++] : src[a++];
				while (a < mid)
					dst[o++] = src[a++];
				while (b < hi)
					dst[o++] = src[b++];
			}
			swap = src;
			src = dst;
			dst = swap;
		}
		if (src != idx)
			memcpy(idx, src, n * sizeof(*idx));
		free(tmp);
	}
#undef KEY_LESS
	free(k);
	return 0;
}

/* The node with id `id` (16 bytes), or NONE. */
static size_t find_bytes(const iv_network *net, const unsigned char id[16])
{
	size_t lo = 0, hi = net->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = id_cmp(net->nodes[net->by_id[mid]].id, id);
		if (d == 0)
			return net->by_id[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

/* The node with id `id` (valid text), or NONE. */
static size_t find(const iv_network *net, const char *id)
{
	unsigned char b[16];

	id_bytes(b, id);
	return find_bytes(net, b);
}

/* Adds an introduction whose id is `uuid` (16 bytes) if not NULL, else `id` (text). */
static int add_edge(loader *l, size_t from, size_t to, int status, iv_time made_at, iv_time created,
		    const unsigned char *uuid, const char *id)
{
	edge *e;

	if (!(e = reserve(l->edges, &l->edge_alloc, l->nedges + 1, sizeof(edge))))
		return IV_ENOMEM;
	l->edges = e;
	e += l->nedges++;
	e->from = (uint32_t)from;
	e->to = (uint32_t)to;
	e->made = status == IV_INTRO_MADE;
	e->when = made_at ? made_at : created;
	if (uuid)
		memcpy(e->id, uuid, 16);
	else if (!id || id_parse(e->id, id) < 0)
		return iv__error(IV_ESTORAGE, "the network holds an introduction id '%.60s'", id ? id : "");
	return 0;
}

/* --- Loading through the public API (backends before version 4) -------- */

static int load_contacts(loader *l)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int error;

	if ((error = iv_contact_list(&it, l->db, NULL)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		error = add_node(l, NULL, iv_contact_id(c), iv_contact_known(c), iv_contact_last_interaction(c),
				 iv_contact_company(c));
		iv_contact_free(c);
		if (error < 0)
			break;
	}
	iv_contact_iter_free(it);
	if (error != IV_ITEROVER)
		return error;
	return index_ids(l->net);
}

static int load_intros(loader *l)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	if ((error = iv_intro_list(&it, l->db, NULL)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		size_t from = find(l->net, iv_intro_introducer(in)), to = find(l->net, iv_intro_introduced(in));
		/* Unknown ends are only possible if another connection wrote between the two reads. */
		if (iv_intro_status(in) != IV_INTRO_DECLINED && from != NONE && to != NONE)
			error = add_edge(l, from, to, iv_intro_status(in), iv_intro_made_at(in),
					 iv_intro_created(in), NULL, iv_intro_id(in));
		iv_intro_free(in);
		if (error < 0)
			break;
	}
	iv_intro_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

/* --- Loading in one scan (network_scan(), version 4) ---------------------- */

static int scan_contact(const iv_backend_node *c, void *payload)
{
	loader *l = payload;
	int64_t *k;

	if (!(k = reserve(l->keys, &l->key_alloc, l->net->n + 1, sizeof(*k))))
		return IV_ENOMEM;
	l->keys = k;
	k[l->net->n] = c->key;
	if (l->net->n && k[l->net->n - 1] >= c->key)
		l->keys_sorted = 0;
	return add_node(l, c->uuid, c->id, c->known, c->last_interaction, c->company);
}

static int pair_cmp(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	return (a[0] > b[0]) - (a[0] < b[0]);
}

/* The node whose key is `key`, or NONE. */
static size_t key_node(const loader *l, int64_t key)
{
	size_t lo = 0, hi = l->net->n, step = l->keys_sorted ? 1 : 2;
	const int64_t *k = l->keys_sorted ? l->keys : l->sorted;

	if (l->keys_dense)
		return key >= k[0] && (uint64_t)(key - k[0]) < hi ? (size_t)(key - k[0]) : NONE;
	/* Row ids are mostly 1, 2, 3...: try where the key would be without gaps. */
	if (hi && key >= k[0] && (uint64_t)(key - k[0]) < hi && k[(size_t)(key - k[0]) * step] == key)
		return l->keys_sorted ? (size_t)(key - k[0]) : (size_t)k[(size_t)(key - k[0]) * step + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k[mid * step] == key)
			return l->keys_sorted ? mid : (size_t)k[mid * step + 1];
		if (k[mid * step] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

static int scan_intro(const iv_backend_edge *e, void *payload)
{
	loader *l = payload;
	size_t from, to;

	if (e->status == IV_INTRO_DECLINED)
		return 0;
	if (!l->keys_dense && l->keys_sorted && l->net->n &&
	    (uint64_t)l->keys[l->net->n - 1] - (uint64_t)l->keys[0] == l->net->n - 1)
		/* Row ids 1, 2, 3... with no gap (checked once: they are sorted): a key is its node. */
		l->keys_dense = 1;
	if (!l->sorted && !l->keys_sorted) {
		/* The first introduction: the contacts are all read; index their keys. */
		size_t i;
		if (!(l->sorted = malloc((l->net->n ? l->net->n : 1) * 2 * sizeof(int64_t))))
			return iv__oom();
		for (i = 0; i < l->net->n; i++) {
			l->sorted[2 * i] = l->keys[i];
			l->sorted[2 * i + 1] = (int64_t)i;
		}
		qsort(l->sorted, l->net->n, 2 * sizeof(int64_t), pair_cmp);
	}
	from = key_node(l, e->introducer_key);
	to = key_node(l, e->introduced_key);
	/* As for a listing: only if another connection wrote between the two scans. */
	if (from == NONE || to == NONE)
		return 0;
	return add_edge(l, from, to, e->status, e->made_at, e->created, e->uuid, e->id);
}

static int load_scan(loader *l)
{
	iv_backend *be = l->db->be;
	int error;

	l->keys_sorted = 1;
	if ((error = be->network_scan(be, scan_contact, scan_intro, l)) < 0)
		return error;
	return index_ids(l->net);
}

static int time_desc(iv_time a, iv_time b)
{
	return (a < b) - (a > b);
}

static int size_cmp(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

/* Within a pair, the one to use first: made, then most recent, then id. */
static int edge_cmp(const edge *a, const edge *b)
{
	int d;

	if ((d = size_cmp(a->to, b->to)))
		return d;
	if ((d = b->made - a->made) || (d = time_desc(a->when, b->when)))
		return d;
	return id_cmp(a->id, b->id);
}

static int edge_qcmp(const void *pa, const void *pb)
{
	return edge_cmp(pa, pb);
}

/*
 * Groups the introductions by introducer (a counting sort), keeps the best
 * one of each pair as an arc and indexes them: linear but for the sort of
 * each introducer's few. The introductions read are freed.
 */
static int index_edges(loader *l)
{
	size_t n = l->net->n, i, kept = 0, begin = 0;
	uint32_t *first;
	edge *sorted;

	if (!(first = l->first = calloc(n + 1, sizeof(*first))))
		return iv__oom();
	for (i = 0; i < l->nedges; i++)
		first[l->edges[i].from + 1]++;
	for (i = 0; i < n; i++)
		first[i + 1] += first[i];
	if (!(sorted = malloc((l->nedges ? l->nedges : 1) * sizeof(edge))))
		return iv__oom();
	for (i = 0; i < l->nedges; i++)
		sorted[first[l->edges[i].from]++] = l->edges[i];
	free(l->edges);
	l->edges = sorted;
	if (!(l->arc_to = malloc((l->nedges ? l->nedges : 1) * sizeof(*l->arc_to))) ||
	    !(l->arc_id = malloc((l->nedges ? l->nedges : 1) * sizeof(*l->arc_id))))
		return iv__oom();
	/* first[i] is now where node i's edges end; they begin where i - 1's end. */
	for (i = 0; i < n; i++) {
		size_t end = first[i], k;
		if (end - begin > 16) {
			qsort(sorted + begin, end - begin, sizeof(edge), edge_qcmp);
		} else {
			/* An introducer's few by insertion: qsort() costs more than they do. */
			for (k = begin + 1; k < end; k++) {
				edge e = sorted[k];
				size_t j = k;
				for (; j > begin && edge_cmp(&sorted[j - 1], &e) > 0; j--)
					sorted[j] = sorted[j - 1];
				sorted[j] = e;
			}
		}
		for (k = begin; k < end; k++) {
			if (k > begin && sorted[k].to == sorted[k - 1].to)
				continue;
			l->arc_to[kept] = sorted[k].to;
			memcpy(l->arc_id[kept++], sorted[k].id, 16);
		}
		first[i] = (uint32_t)kept;
		begin = end;
	}
	/* Shift: first[i] becomes where node i's arcs begin. */
	memmove(first + 1, first, n * sizeof(*first));
	first[0] = 0;
	free(l->edges);
	l->edges = NULL;
	l->nedges = 0;
	return 0;
}

/* --- Degrees and best paths ---------------------------------------------- */

/*
 * What orders the paths to a layer, gathered in one place for its sort: the
 * times along them (the predecessor's trank, then the contact's last
 * interaction, most recent first), then the ids along them (the
 * predecessor's place in its layer, then the contact's id). Within equal
 * times a layer's order is that of the ids, so the predecessor's place in
 * its layer ranks the ids before it.
 */
typedef struct lkey {
	uint32_t ptrank, pprank;
	iv_time last;
	uint64_t hi, lo;     /* the id */
} lkey;

static inline int lkey_cmp(const lkey *a, const lkey *b)
{
	if (a->ptrank != b->ptrank)
		return a->ptrank < b->ptrank ? -1 : 1;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	if (a->pprank != b->pprank)
		return a->pprank < b->pprank ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

static inline int same_times(const lkey *a, const lkey *b)
{
	return a->ptrank == b->ptrank && a->last == b->last;
}

/*
 * Sorts a layer (node indices) into preference order and ranks it: a
 * bottom-up merge sort of positions in `k`, the layer's keys gathered
 * first (the nodes are scattered; the keys are not). `a` and `b` hold n
 * positions each.
 */
static void rank_layer(loader *l, uint32_t *layer, size_t n, uint32_t *a, uint32_t *b, lkey *k)
{
	uint32_t *src = a, *dst = b, *swap, rank = 0;
	size_t width, i;

	for (i = 0; i < n; i++) {
		const tnode *t = &l->t[layer[i]];
		const unsigned char *id = l->net->nodes[layer[i]].id;
		k[i].ptrank = t->ptrank;
		k[i].pprank = t->pprank;
		k[i].last = t->last;
		k[i].hi = big_endian64(id);
		k[i].lo = big_endian64(id + 8);
		a[i] = (uint32_t)i;
	}
	for (i = 1; i < n; i += 2)
		if (lkey_cmp(&k[i - 1], &k[i]) > 0) {
			a[i - 1] = (uint32_t)i;
			a[i] = (uint32_t)(i - 1);
		}
	for (width = 2; width < n; width *= 2) {
		size_t lo;
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t x = lo, y = mid, o = lo;
			while (x < mid && y < hi)
				dst[o++] = lkey_cmp(&k[src[y]], &k[src[x]]) < 0 ? src[y++] : src[x++];
			while (x < mid)
				dst[o++] = src[x++];
			while (y < hi)
				dst[o++] = src[y++];
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	/* src: the positions in order; dst: free for the nodes in order. */
	for (i = 0; i < n; i++) {
		uint32_t v = layer[src[i]];
		if (i && !same_times(&k[src[i - 1]], &k[src[i]]))
			rank++;
		l->t[v].prank = (uint32_t)i;
		l->net->nodes[v].trank = rank;
		dst[i] = v;
	}
	memcpy(layer, dst, n * sizeof(*layer));
}

/*
 * Breadth first from you, one layer (degree) at a time. A layer is visited
 * in preference order, so the first contact to reach a node of the next
 * layer is on its best path: extending two paths by the same contact keeps
 * their order.
 */
static int walk(loader *l)
{
	iv_network *net = l->net;
	uint32_t *queue, *a, *b;
	unsigned char *met;      /* a bit per node: reached (what the walk reads most, kept small) */
	lkey *keys;
	size_t i, start = 0, end = 0;
	int degree = 1;

	if (!net->n)
		return 0;
	queue = malloc(3 * net->n * sizeof(*queue));
	keys = malloc(net->n * sizeof(*keys));
	met = calloc(net->n / 8 + 1, 1);
	if (!queue || !keys || !met) {
		free(queue);
		free(keys);
		free(met);
		return iv__oom();
	}
	a = queue + net->n;
	b = a + net->n;
	for (i = 0; i < net->n; i++) {
		if (l->t[i].known == IV_KNOWN_DIRECT) {
			net->nodes[i].degree = 1;
			met[i >> 3] |= (unsigned char)(1u << (i & 7));
			queue[end++] = (uint32_t)i;
		}
	}
	while (start < end) {
		size_t layer_end = end;
		rank_layer(l, queue + start, layer_end - start, a, b, keys);
		degree++;
		for (; start < layer_end; start++) {
			uint32_t ai = queue[start];
			uint32_t k, trank = net->nodes[ai].trank, prank = l->t[ai].prank;
			for (k = l->first[ai]; k < l->first[ai + 1]; k++) {
				uint32_t bi = l->arc_to[k];
				node *v;
				if (met[bi >> 3] & (1u << (bi & 7)))
					continue;
				met[bi >> 3] |= (unsigned char)(1u << (bi & 7));
				v = &net->nodes[bi];
				v->degree = degree;
				v->pred = ai;
				memcpy(v->via, l->arc_id[k], 16);
				l->t[bi].ptrank = trank;
				l->t[bi].pprank = prank;
				queue[end++] = bi;
			}
		}
	}
	free(met);
	free(keys);
	free(queue);
	return 0;
}

/* From what was read (indexed by id) to the snapshot: degrees and paths; the rest is freed by the caller. */
static int finish(loader *l)
{
	iv_network *net = l->net;
	void *p;
	int error;

	if ((error = index_edges(l)) < 0 || (error = walk(l)) < 0)
		return error;
	/* The snapshot is kept: give back what growing left over. */
	if (net->n && net->n < l->alloc && (p = realloc(net->nodes, net->n * sizeof(node))))
		net->nodes = p;
	if (net->text_len && net->text_len < l->text_alloc && (p = realloc(net->text, net->text_len)))
		net->text = p;
	return 0;
}

static int network_load_unguarded(iv_network **out, iv_db *db)
{
	loader l;
	int error;

	IV__ARG_OF("iv_network_load", out);
	*out = NULL;
	IV__ARG_OF("iv_network_load", db);
	memset(&l, 0, sizeof(l));
	l.db = db;
	if (!(l.net = calloc(1, sizeof(*l.net))))
		return iv__oom();
	if (db->be->version >= 4 && db->be->network_scan)
		error = load_scan(&l);
	else if ((error = load_contacts(&l)) >= 0)
		error = load_intros(&l);
	free(l.keys);
	free(l.sorted);
	l.keys = NULL;
	l.sorted = NULL;
	if (error >= 0)
		error = finish(&l);
	loader_free(&l);
	if (error < 0) {
		iv_network_free(l.net);
		return error;
	}
	*out = l.net;
	return 0;
}

int iv_network_load(iv_network **out, iv_db *db)
{
	IV__GUARDED(db, "iv_network_load", network_load_unguarded(out, db));
}

void iv_network_free(iv_network *net)
{
	if (!net)
		return;
	free(net->nodes);
	free(net->by_id);
	free(net->text);
	free(net->by_company);
	free(net);
}

/* --- Queries -------------------------------------------------------------- */

static int lookup(const node **out, const iv_network *net, const char *contact_id)
{
	char id[IV_ID_LEN + 1];
	size_t i;
	int error;

	if ((error = iv__parse_id(id, "contact_id", contact_id)) < 0)
		return error;
	if ((i = find(net, id)) == NONE)
		return iv__error(IV_ENOTFOUND, "contact %s not found", id);
	*out = &net->nodes[i];
	return 0;
}

int iv_network_degree(int *out, const iv_network *net, const char *contact_id)
{
	const node *v = NULL;
	int error;

	IV__ARG(out);
	*out = 0;
	IV__ARG(net);
	if ((error = lookup(&v, net, contact_id)) < 0)
		return error;
	*out = v->degree;
	return 0;
}

static int path_make(iv_path **out, const iv_network *net, const node *target)
{
	size_t i = (size_t)target->degree;
	const node *v = target;
	iv_path *p = malloc(sizeof(*p) + i * sizeof(struct hop));

	if (!p)
		return iv__oom();
	p->n = i;
	while (i-- > 0) {
		iv__id_format(p->hops[i].contact, v->id);
		if (v->pred != NONE32) {
			iv__id_format(p->hops[i].intro, v->via);
			v = &net->nodes[v->pred];
		} else {
			p->hops[i].intro[0] = '\0';
		}
	}
	*out = p;
	return 0;
}

int iv_network_path(iv_path **out, const iv_network *net, const char *contact_id)
{
	const node *v = NULL;
	char id[IV_ID_LEN + 1];
	int error;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(net);
	if ((error = lookup(&v, net, contact_id)) < 0)
		return error;
	if (!v->degree) {
		iv__id_format(id, v->id);
		return iv__error(IV_ENOTFOUND, "no introduction path reaches contact %s", id);
	}
	return path_make(out, net, v);
}

/* Shortest first, then by the times along the path, then by the target's id. */
static int company_cmp(const void *pa, const void *pb)
{
	const node *a = *(const node *const *)pa, *b = *(const node *const *)pb;
	int d;

	if ((d = a->degree - b->degree) || (d = size_cmp(a->trank, b->trank)))
		return d;
	return id_cmp(a->id, b->id);
}

/* The snapshot the company index is being sorted for (qsort() takes no payload). */
static _Thread_local const iv_network *sorting;

static int by_company_cmp(const void *pa, const void *pb)
{
	const node *a = &sorting->nodes[*(const uint32_t *)pa], *b = &sorting->nodes[*(const uint32_t *)pb];
	int d = iv__ascii_casecmp(sorting->text + a->company, sorting->text + b->company);

	return d ? d : company_cmp(&a, &b);
}

static int company_index(iv_network *net)
{
	size_t i, n = 0;

	for (i = 0; i < net->n; i++)
		n += net->nodes[i].degree && net->nodes[i].company != NONE32;
	if (!(net->by_company = malloc((n ? n : 1) * sizeof(*net->by_company))))
		return iv__oom();
	for (i = 0; i < net->n; i++)
		if (net->nodes[i].degree && net->nodes[i].company != NONE32)
			net->by_company[net->ncompany++] = (uint32_t)i;
	sorting = net;
	qsort(net->by_company, net->ncompany, sizeof(*net->by_company), by_company_cmp);
	sorting = NULL;
	return 0;
}

/* The first entry of the company index not before `company` (strictly after it with `after`). */
static size_t company_bound(const iv_network *net, const char *company, int after)
{
	size_t lo = 0, hi = net->ncompany, mid;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = iv__ascii_casecmp(net->text + net->nodes[net->by_company[mid]].company, company);
		if (d < 0 || (after && d == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Collects the reachable contacts at `company` into *matches (allocated),
 * in order; returns how many, or an error.
 */
static long company_matches(const node ***matches, iv_network *net, const char *company)
{
	size_t from, to, i;
	int error;

	*matches = NULL;
	if (!net->by_company && (error = company_index(net)) < 0)
		return error;
	from = company_bound(net, company, 0);
	to = company_bound(net, company, 1);
	if (to > from && !(*matches = malloc((to - from) * sizeof(**matches))))
		return iv__oom();
	for (i = from; i < to; i++)
		(*matches)[i - from] = &net->nodes[net->by_company[i]];
	return (long)(to - from);
}

/* An iterator over the paths to `matches` (in order); frees `matches`. */
static int paths_of(iv_path_iter **out, const iv_network *net, const node **matches, size_t count)
{
	iv_path_iter *it;
	size_t i;
	int error = 0;

	if (!(it = calloc(1, sizeof(*it)))) {
		free(matches);
		return iv__oom();
	}
	/* The paths are made now so that the iterator does not depend on the snapshot. */
	if (count && !(it->paths = calloc(count, sizeof(*it->paths))))
		error = iv__oom();
	for (i = 0; i < count && error >= 0; i++)
		if ((error = path_make(&it->paths[i], net, matches[i])) >= 0)
			it->n++;
	free(matches);
	if (error < 0) {
		iv_path_iter_free(it);
		return error;
	}
	*out = it;
	return 0;
}

int iv_network_company_paths(iv_path_iter **out, const iv_network *net, const char *company)
{
	const node **matches = NULL;
	long count;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(net);
	if (!company || !*company)
		return iv__error(IV_EINVALID, "company: must not be empty");
	/* The index is made once, on a snapshot the caller holds alone. */
	if ((count = company_matches(&matches, (iv_network *)net, company)) < 0)
		return (int)count;
	return paths_of(out, net, matches, (size_t)count);
}

int iv_path_iter_next(iv_path **out, iv_path_iter *it)
{
	IV__ARG(out);
	*out = NULL;
	IV__ARG(it);
	if (it->pos >= it->n)
		return iv__error(IV_ITEROVER, "no more paths");
	*out = it->paths[it->pos];
	it->paths[it->pos++] = NULL;
	return 0;
}

void iv_path_iter_free(iv_path_iter *it)
{
	size_t i;

	if (!it)
		return;
	for (i = it->pos; i < it->n; i++)
		iv_path_free(it->paths[i]);
	free(it->paths);
	free(it);
}

/* --- Walking back from a contact ----------------------------------------- */

/*
 * The path to one contact depends only on the contacts on its shortest
 * paths from you, and each of those is closer to it, going back through the
 * introductions, than you are: at most degree - 1 introductions back. So
 * the walk goes back from the contact, one layer at a time, reading the
 * introductions of each contact by who was introduced, until a layer holds
 * someone you know directly; the contacts met on the way, with the
 * introductions read, are a small network on which walk() gives the same
 * degrees and paths as on the whole one, for the contacts on those shortest
 * paths: a contact met on the way gets there a degree no smaller than its
 * own, so none can take the place of a contact on a shortest path; and
 * every introduction into those (but the ones you know directly) is read.
 */

typedef struct wedge {
	size_t from;                    /* the introducer's wnode */
	int made;
	iv_time when;
	unsigned char id[16];
	unsigned char from_id[16];      /* the introducer's id, until its wnode is known */
} wedge;

typedef struct wnode {
	unsigned char id[16];
	int64_t key;                    /* the backend's key for it (a keyed walk) */
	int known;
	iv_time last;
	int fetched;                    /* its introductions are read */
	size_t in_first, in_n;          /* its introductions, in walker.edges */
	unsigned int seen;              /* the reach_back() that last met it */
	int in_set;                     /* in walker.set */
	size_t pos;                     /* where in walker.set */
} wnode;

typedef struct walker {
	iv_db *db;
	/*
	 * Walking by the backend's keys (network_node(), intros_to_key()):
	 * contacts are told apart by key; else by id.
	 */
	int keyed;
	wnode *nodes;
	size_t n, alloc;
	wedge *edges;
	size_t nedges, ealloc;
	size_t *slots;                  /* by key or id: a wnode's index + 1, or 0 */
	size_t nslots;
	size_t *queue, qalloc;
	size_t *set, nset, salloc;      /* every contact met */
	unsigned int gen;
} walker;

static void walker_free(walker *w)
{
	free(w->nodes);
	free(w->edges);
	free(w->slots);
	free(w->queue);
	free(w->set);
}

static size_t node_hash(const walker *w, const unsigned char id[16], int64_t key)
{
	uint64_t h = w->keyed ? (uint64_t)key : big_endian64(id) ^ big_endian64(id + 8);

	return (size_t)((h * 0x9e3779b97f4a7c15ull) >> 17);
}

/* The slot of the contact with `key` (keyed) or `id`: where it is, or the empty one where it goes. */
static size_t *slot_of(const walker *w, const unsigned char id[16], int64_t key)
{
	size_t i = node_hash(w, id, key) & (w->nslots - 1);

	while (w->slots[i] && (w->keyed ? w->nodes[w->slots[i] - 1].key != key
				      : memcmp(w->nodes[w->slots[i] - 1].id, id, 16) != 0))
		i = (i + 1) & (w->nslots - 1);
	return &w->slots[i];
}

static int rehash(walker *w)
{
	size_t i, n = w->nslots ? 2 * w->nslots : 64;
	size_t *old = w->slots;

	if (!(w->slots = calloc(n, sizeof(*w->slots)))) {
		w->slots = old;
		return iv__oom();
	}
	w->nslots = n;
	for (i = 0; i < w->n; i++)
		*slot_of(w, w->nodes[i].id, w->nodes[i].key) = i + 1;
	free(old);
	return 0;
}

/* Adds a contact unless met already; `*out` is its index. */
static int wnode_add(size_t *out, walker *w, const unsigned char id[16], int64_t key, int known, iv_time last)
{
	size_t *slot;
	wnode *v;
	int error;

	if (w->nslots && *(slot = slot_of(w, id, key))) {
		*out = *slot - 1;
		return 0;
	}
	if (2 * (w->n + 1) > w->nslots && (error = rehash(w)) < 0)
		return error;
	if (!(v = reserve(w->nodes, &w->alloc, w->n + 1, sizeof(*v))))
		return IV_ENOMEM;
	w->nodes = v;
	v += w->n;
	memset(v, 0, sizeof(*v));
	memcpy(v->id, id, 16);
	v->key = key;
	v->known = known;
	v->last = last;
	*slot_of(w, id, key) = w->n + 1;
	*out = w->n++;
	return 0;
}

static int wnode_add_contact(size_t *out, walker *w, const iv_contact *c)
{
	unsigned char id[16];

	id_bytes(id, iv_contact_id(c));
	return wnode_add(out, w, id, 0, iv_contact_known(c), iv_contact_last_interaction(c));
}

/* The contact `id` (not keyed), read from the store the first time. */
static int wnode_get(size_t *out, walker *w, const unsigned char id[16])
{
	char text[IV_ID_LEN + 1];
	iv_contact *c = NULL;
	int error;

	if (w->nslots && *slot_of(w, id, 0)) {
		*out = *slot_of(w, id, 0) - 1;
		return 0;
	}
	iv__id_format(text, id);
	if ((error = iv_contact_lookup(&c, w->db, text)) < 0)
		return error;
	error = wnode_add_contact(out, w, c);
	iv_contact_free(c);
	return error;
}

/* Copies a name for a message, cut to 127 bytes (not inside a UTF-8 character). */
static void name_copy(char out[128], const char *name)
{
	size_t n = name ? strnlen(name, 128) : 0;

	if (n == 128)
		for (n = 127; n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80; n--)
			;
	if (n)
		memcpy(out, name, n);
	out[n] = '\0';
}

/* network_node()'s callback: the contact a keyed walk starts from. */
typedef struct startpoint {
	walker *w;
	size_t *out;
	char name[128];                 /* for a message; cut */
} startpoint;

static int start_seen(const iv_backend_node *c, void *payload)
{
	startpoint *s = payload;
	unsigned char id[16];

	if (c->uuid)
		memcpy(id, c->uuid, 16);
	else if (!c->id || id_parse(id, c->id) < 0)
		return iv__error(IV_ESTORAGE, "the store gave a contact id '%.60s'", c->id ? c->id : "");
	name_copy(s->name, c->name);
	return wnode_add(s->out, s->w, id, c->key, c->known, c->last_interaction);
}

/*
 * Adds contact `id` (valid, lower case) to start a walk from; `name`, if
 * not NULL, gets its name (cut to 128 bytes).
 */
static int wnode_start(size_t *out, walker *w, const char *id, char name[128])
{
	iv_backend *be = w->db->be;
	startpoint s;
	int error;

	if (w->keyed) {
		s.w = w;
		s.out = out;
		s.name[0] = '\0';
		if ((error = be->network_node(be, id, start_seen, &s)) == IV_ENOTFOUND)
			return iv__error(IV_ENOTFOUND, "contact %s not found", id);
		if (error >= 0 && name)
			memcpy(name, s.name, sizeof(s.name));
		return error < 0 ? error : 0;
	} else {
		iv_contact *c = NULL;
		if ((error = iv_contact_lookup(&c, w->db, id)) < 0)
			return error;
		if (name)
			name_copy(name, iv_contact_name(c));
		error = wnode_add_contact(out, w, c);
		iv_contact_free(c);
		return error;
	}
}

static wedge *wedge_add(walker *w)
{
	wedge *e = reserve(w->edges, &w->ealloc, w->nedges + 1, sizeof(*e));

	if (!e)
		return NULL;
	w->edges = e;
	return &e[w->nedges++];
}

/* intros_to() and intros_to_key()'s callback: one introduction, its introducer known at once. */
static int edge_seen(const iv_backend_edge *be, void *payload)
{
	unsigned char id[16], by[16];
	walker *w = payload;
	size_t from;
	wedge *e;
	int error;

	if (be->status == IV_INTRO_DECLINED)
		return 0;
	/* What a backend gives is checked as what a caller gives. */
	if (!be->introducer || id_parse(by, be->introducer) < 0)
		return iv__error(IV_ESTORAGE, "the store gave an introducer id '%.60s'",
				 be->introducer ? be->introducer : "");
	if (w->keyed && be->uuid)
		memcpy(id, be->uuid, 16);
	else if (!be->id || id_parse(id, be->id) < 0)
		return iv__error(IV_ESTORAGE, "the store gave an introduction id '%.60s'", be->id ? be->id : "");
	if ((error = wnode_add(&from, w, by, w->keyed ? be->introducer_key : 0, be->introducer_known,
			       be->introducer_last)) < 0)
		return error;
	if (!(e = wedge_add(w)))
		return IV_ENOMEM;
	e->from = from;
	e->made = be->status == IV_INTRO_MADE;
	e->when = be->made_at ? be->made_at : be->created;
	memcpy(e->id, id, 16);
	return 0;
}

/* Reads the introductions (not declined) of contact `v`, and their introducers. */
static int fetch_in(walker *w, size_t v)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	iv_backend *be = w->db->be;
	char text[IV_ID_LEN + 1];
	size_t i, first = w->nedges;
	wedge *e;
	int error;

	if (w->nodes[v].fetched)
		return 0;
	if (w->keyed) {
		if ((error = be->intros_to_key(be, w->nodes[v].key, edge_seen, w)) < 0)
			return error;
		goto done;
	}
	/* The node array may move while the backend calls back. */
	iv__id_format(text, w->nodes[v].id);
	if (be->version >= 4 && be->intros_to) {
		if ((error = be->intros_to(be, text, edge_seen, w)) < 0)
			return error;
		goto done;
	}
	f.introduced = text;
	if ((error = iv_intro_list(&it, w->db, &f)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		if (iv_intro_status(in) != IV_INTRO_DECLINED) {
			if (!(e = wedge_add(w))) {
				iv_intro_free(in);
				error = IV_ENOMEM;
				break;
			}
			e->made = iv_intro_status(in) == IV_INTRO_MADE;
			e->when = iv_intro_made_at(in) ? iv_intro_made_at(in) : iv_intro_created(in);
			id_bytes(e->id, iv_intro_id(in));
			id_bytes(e->from_id, iv_intro_introducer(in));
		}
		iv_intro_free(in);
	}
	iv_intro_iter_free(it);
	if (error != IV_ITEROVER)
		return error;
	for (i = first; i < w->nedges; i++)
		if ((error = wnode_get(&w->edges[i].from, w, w->edges[i].from_id)) < 0)
			return error;
done:
	w->nodes[v].fetched = 1;
	w->nodes[v].in_first = first;
	w->nodes[v].in_n = w->nedges - first;
	return 0;
}

/* Appends `v` to the queue (`*end` long) and to the set, and marks it met. */
static int meet(walker *w, size_t v, size_t *end)
{
	size_t *q;

	if (!(q = reserve(w->queue, &w->qalloc, *end + 1, sizeof(*q))))
		return IV_ENOMEM;
	w->queue = q;
	q[(*end)++] = v;
	w->nodes[v].seen = w->gen;
	if (!w->nodes[v].in_set) {
		if (!(q = reserve(w->set, &w->salloc, w->nset + 1, sizeof(*q))))
			return IV_ENOMEM;
		w->set = q;
		w->nodes[v].pos = w->nset;
		q[w->nset++] = v;
		w->nodes[v].in_set = 1;
	}
	return 0;
}

/*
 * Goes back from `target` layer by layer until a layer holds someone you
 * know directly: `*degree` is then the target's degree (0 if no layer
 * does), and the contacts met are added to the set.
 */
static int reach_back(int *degree, walker *w, size_t target)
{
	size_t start = 0, end = 0, k;
	int level = 1, found, error;

	*degree = 0;
	w->gen++;
	if ((error = meet(w, target, &end)) < 0)
		return error;
	if (w->nodes[target].known == IV_KNOWN_DIRECT) {
		*degree = 1;
		return 0;
	}
	while (start < end) {
		size_t layer_end = end;

		level++;
		found = 0;
		for (; start < layer_end; start++) {
			size_t v = w->queue[start];
			if ((error = fetch_in(w, v)) < 0)
				return error;
			for (k = w->nodes[v].in_first; k < w->nodes[v].in_first + w->nodes[v].in_n; k++) {
				size_t u = w->edges[k].from;
				if (w->nodes[u].seen == w->gen)
					continue;
				if ((error = meet(w, u, &end)) < 0)
					return error;
				found |= w->nodes[u].known == IV_KNOWN_DIRECT;
			}
		}
		if (found) {
			*degree = level;
			return 0;
		}
	}
	return 0;
}

/* The network of the set's contacts and the introductions read between them, walked. */
static int walker_network(iv_network **out, walker *w)
{
	loader l;
	size_t i, k;
	int error = 0;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	if (!(l.net = calloc(1, sizeof(*l.net))))
		return iv__oom();
	/* Node i is the set's i-th contact. */
	for (i = 0; i < w->nset && error >= 0; i++) {
		const wnode *v = &w->nodes[w->set[i]];
		error = add_node(&l, v->id, NULL, v->known, v->last, NULL);
	}
	for (i = 0; i < w->nset && error >= 0; i++) {
		const wnode *v = &w->nodes[w->set[i]];
		for (k = v->in_first; v->fetched && k < v->in_first + v->in_n; k++) {
			const wedge *we = &w->edges[k];
			edge *e;
			if (!w->nodes[we->from].in_set)
				continue;
			if (!(e = reserve(l.edges, &l.edge_alloc, l.nedges + 1, sizeof(edge)))) {
				error = IV_ENOMEM;
				break;
			}
			l.edges = e;
			e += l.nedges++;
			e->from = (uint32_t)w->nodes[we->from].pos;
			e->to = (uint32_t)i;
			e->made = we->made;
			e->when = we->when;
			memcpy(e->id, we->id, 16);
		}
	}
	if (error >= 0 && (error = index_ids(l.net)) >= 0)
		error = finish(&l);
	loader_free(&l);
	if (error < 0) {
		iv_network_free(l.net);
		return error;
	}
	*out = l.net;
	return 0;
}

/* Whether the backend answers a walk by its keys. */
static int walks_by_key(const iv_backend *be)
{
	return be->version >= 4 && be->network_node && be->intros_to_key;
}

static int db_path_unguarded(iv_path **out, int *degree_out, iv_db *db, const char *contact_id)
{
	char id[IV_ID_LEN + 1], name[128];
	walker w = { 0 };
	iv_network *net = NULL;
	size_t target;
	int degree = 0, error;

	if ((error = iv__parse_id(id, "contact_id", contact_id)) < 0)
		return error;
	w.db = db;
	w.keyed = walks_by_key(db->be);
	if ((error = wnode_start(&target, &w, id, name)) >= 0 &&
	    (error = reach_back(&degree, &w, target)) >= 0) {
		if (degree_out)
			*degree_out = degree;
		else if (!degree)
			error = iv__error(IV_ENOTFOUND, "no introduction path reaches contact %s (%s)", id, name);
		else if ((error = walker_network(&net, &w)) >= 0)
			error = path_make(out, net, &net->nodes[w.nodes[target].pos]);
	}
	iv_network_free(net);
	walker_free(&w);
	return error < 0 ? error : 0;
}

int iv_db_path(iv_path **out, iv_db *db, const char *contact_id)
{
	IV__ARG(out);
	*out = NULL;
	IV__ARG(db);
	IV__GUARDED(db, "iv_db_path", db_path_unguarded(out, NULL, db, contact_id));
}

int iv_db_degree(int *out, iv_db *db, const char *contact_id)
{
	IV__ARG(out);
	*out = 0;
	IV__ARG(db);
	IV__GUARDED(db, "iv_db_degree", db_path_unguarded(NULL, out, db, contact_id));
}

/* network_company()'s callback: one contact to walk back from. */
typedef struct target_list {
	walker *w;
	size_t *at, n, alloc;
} target_list;

static int target_seen(const iv_backend_node *c, void *payload)
{
	target_list *t = payload;
	unsigned char id[16];
	size_t *at;

	if (c->uuid)
		memcpy(id, c->uuid, 16);
	else if (!c->id || id_parse(id, c->id) < 0)
		return iv__error(IV_ESTORAGE, "the store gave a contact id '%.60s'", c->id ? c->id : "");
	if (!(at = reserve(t->at, &t->alloc, t->n + 1, sizeof(*at))))
		return IV_ENOMEM;
	t->at = at;
	return wnode_add(&t->at[t->n++], t->w, id, c->key, c->known, c->last_interaction);
}

static int db_company_unguarded(iv_path_iter **out, iv_db *db, const char *company)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	iv_network *net = NULL;
	walker w = { 0 };
	size_t *targets = NULL, ntargets = 0, talloc = 0, i, count = 0;
	const node **matches = NULL;
	int degree, error;

	w.db = db;
	w.keyed = walks_by_key(db->be);
	if (w.keyed && db->be->network_company) {
		target_list tl = { &w, NULL, 0, 0 };
		if ((error = iv__check_text("company", company, IV_LIMIT_SHORT, IV__ONELINE)) < 0 ||
		    (error = db->be->network_company(db->be, company, target_seen, &tl)) < 0) {
			free(tl.at);
			walker_free(&w);
			return error;
		}
		targets = tl.at;
		ntargets = tl.n;
		goto walk;
	}
	f.company = company;
	if ((error = iv_contact_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		size_t *t = reserve(targets, &talloc, ntargets + 1, sizeof(*t));
		if (!t) {
			iv_contact_free(c);
			error = IV_ENOMEM;
			break;
		}
		targets = t;
		/* A keyed walk asks the backend for the contact's key. */
		error = w.keyed ? wnode_start(&targets[ntargets++], &w, iv_contact_id(c), NULL)
				: wnode_add_contact(&targets[ntargets++], &w, c);
		iv_contact_free(c);
		if (error < 0)
			break;
	}
	iv_contact_iter_free(it);
	if (error == IV_ITEROVER)
		error = 0;
walk:
	for (i = 0; i < ntargets && error >= 0; i++)
		error = reach_back(&degree, &w, targets[i]);
	if (error >= 0 && (error = walker_network(&net, &w)) >= 0 &&
	    ntargets && !(matches = malloc(ntargets * sizeof(*matches))))
		error = iv__oom();
	for (i = 0; i < ntargets && error >= 0; i++) {
		const node *v = &net->nodes[w.nodes[targets[i]].pos];
		if (v->degree)
			matches[count++] = v;
	}
	if (error >= 0) {
		if (count)
			qsort(matches, count, sizeof(*matches), company_cmp);
		error = paths_of(out, net, matches, count);
		matches = NULL;
	}
	free(matches);
	free(targets);
	iv_network_free(net);
	walker_free(&w);
	return error;
}

int iv_db_company_paths(iv_path_iter **out, iv_db *db, const char *company)
{
	IV__ARG(out);
	*out = NULL;
	IV__ARG(db);
	if (!company || !*company)
		return iv__error(IV_EINVALID, "company: must not be empty");
	IV__GUARDED(db, "iv_db_company_paths", db_company_unguarded(out, db, company));
}

/* --- Paths ---------------------------------------------------------------- */

size_t iv_path_length(const iv_path *p)
{
	return p ? p->n : 0;
}

const char *iv_path_contact_at(const iv_path *p, size_t i)
{
	return p && i < p->n ? p->hops[i].contact : NULL;
}

const char *iv_path_intro_at(const iv_path *p, size_t i)
{
	return p && i > 0 && i < p->n ? p->hops[i].intro : NULL;
}

const char *iv_path_target(const iv_path *p)
{
	return p && p->n ? p->hops[p->n - 1].contact : NULL;
}

void iv_path_free(iv_path *p)
{
	free(p);
}
