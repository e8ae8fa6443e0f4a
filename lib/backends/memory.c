/*
 * The memory backend: an empty store that lives and dies with its handle,
 * for tests and throwaway sessions.
 *
 * It is built as a third party's backend would be, on the public headers
 * and <infoview/sys/backend.h> alone, so that the conformance suite proves
 * the vtable is enough to write one.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "infoview/sys/backend.h"

/*
 * The interface version this backend implements, written out rather than
 * IV_BACKEND_VERSION: raising it claims the next version's operations and
 * filter members, which only code that implements them may do.
 */
#define MEMORY_BACKEND_VERSION 6

/*
 * Where a record sits: contacts by (text = name, id), the others by
 * (when = created or due, id). The strings are borrowed from the record, or
 * from an iterator's own copy. Comparing only the id gives the id index.
 */
struct mem_key {
	const char *text;
	iv_time when;
	const char *id;
};

/* Each record sits in two trees: its list order, and by id. */
enum { BY_ORDER = 0, BY_ID = 1 };

/*
 * One stored record. The trees are intrusive so that undoing a delete or an
 * update relinks nodes that already exist: rollback then never allocates.
 * Both trees are treaps sharing one random priority, which keeps them
 * balanced whatever order the keys arrive in (names are not sorted, ids and
 * times mostly are).
 */
struct mem_node {
	void *rec;
	struct mem_key key; /* borrowed from rec */
	uint32_t prio;
	struct mem_node *kid[2][2]; /* [tree][left, right] */
};

/*
 * A list filter in the one shape the four entities fit: up to three strings
 * (company and tag, or ids, and a follow-up's rule), every kind's id prefix,
 * a contact's name and e-mail, a status and two time limits (due,
 * earliest); NULL or 0 is "any".
 */
#define MEM_FILTER_TEXTS 7
#define MEM_ID_PREFIX 3
#define MEM_NAME 4
#define MEM_EMAIL 5
#define MEM_URL 6
struct mem_filter {
	const char *text[MEM_FILTER_TEXTS];
	int64_t number;
	int status;
	iv_time due_before;
	iv_time earliest_before;
};

/* What differs between the entities; everything else is generic. */
struct mem_ops {
	const char *label; /* for messages */
	void (*key)(struct mem_key *out, const void *rec);
	int (*dup)(void **out, const void *rec);
	void (*free)(void *rec);
	void (*filter)(struct mem_filter *out, const void *filter);
	int (*match)(const void *rec, const struct mem_filter *f);
	int64_t (*number)(const void *rec);
};

struct mem_table {
	const struct mem_ops *ops;
	struct mem_node *root[2];
};

enum { T_CONTACT, T_INTRO, T_INTERVIEW, T_FOLLOWUP, T_NOTE, T_TARGET, T_COUNT };

/*
 * A setting removed inside a transaction keeps its node with a NULL value
 * until the outermost transaction ends, so that rolling the removal back
 * needs no allocation.
 */
struct mem_setting {
	struct mem_setting *next;
	char *value;
	char key[];
};

enum mem_op { UNDO_INSERT, UNDO_UPDATE, UNDO_DELETE, UNDO_SETTING };

/* How to take back one change. */
struct mem_undo {
	enum mem_op op;
	struct mem_table *table;
	struct mem_node *node;
	struct mem_setting *setting;
	void *old; /* UNDO_UPDATE: the previous record; UNDO_SETTING: the previous value */
};

struct mem_backend {
	iv_backend base;
	struct mem_table tables[T_COUNT];
	struct mem_setting *settings;
	struct mem_undo *undo; /* the log, oldest first; only kept inside transactions */
	size_t nundo, aundo;
	size_t *marks; /* per open transaction, where its changes start in the log */
	size_t depth, amarks;
	uint32_t rng;
};

struct mem_iter {
	iv_backend_iter base;
	struct mem_table *table;
	struct mem_filter filter; /* strings point into own[] */
	char *own[MEM_FILTER_TEXTS];
	/*
	 * The key of the last record returned, copied into buf: the iterator
	 * resumes strictly after it, so it holds no pointer into the table and
	 * stays right while records come and go.
	 */
	struct mem_key last;
	char *buf;
	size_t cap;
	int started, done;
};

static struct mem_backend *mem_of(iv_backend *be)
{
	return (struct mem_backend *)be;
}

static int mem_oom(void)
{
	return iv_error_set(IV_ENOMEM, "memory: out of memory");
}

static int mem_fail(int code, const struct mem_table *t, const char *id, const char *what)
{
	char msg[200];

	snprintf(msg, sizeof(msg), "memory: %s %s %s", t->ops->label, id, what);
	return iv_error_set(code, msg);
}

/*
 * Keys
 */

static int ascii_lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Folds to lower case, as SQLite's NOCASE does, so both backends agree on '_' and friends. */
static int ascii_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (;; x++, y++) {
		int d = ascii_lower(*x) - ascii_lower(*y);
		if (d || !*x)
			return d;
	}
}

static int key_cmp(const struct mem_key *a, const struct mem_key *b, int tree)
{
	if (tree == BY_ORDER) {
		if (a->text && b->text) {
			int d = ascii_casecmp(a->text, b->text);
			if (d)
				return d;
		}
		if (a->when != b->when)
			return a->when < b->when ? -1 : 1;
	}
	return strcmp(a->id, b->id);
}

/*
 * Treaps, iterative so that depth costs no stack.
 */

/* Joins two treaps where every key of `a` is below every key of `b`. */
static struct mem_node *treap_merge(struct mem_node *a, struct mem_node *b, int t)
{
	struct mem_node *root = NULL, **link = &root;

	while (a && b) {
		if (a->prio > b->prio) {
			*link = a;
			link = &a->kid[t][1];
			a = a->kid[t][1];
		} else {
			*link = b;
			link = &b->kid[t][0];
			b = b->kid[t][0];
		}
	}
	*link = a ? a : b;
	return root;
}

/* Splits `n` into the keys below `k` and the rest. */
static void treap_split(struct mem_node *n, int t, const struct mem_key *k,
			struct mem_node **lo, struct mem_node **hi)
{
	while (n) {
		if (key_cmp(&n->key, k, t) < 0) {
			*lo = n;
			lo = &n->kid[t][1];
			n = n->kid[t][1];
		} else {
			*hi = n;
			hi = &n->kid[t][0];
			n = n->kid[t][0];
		}
	}
	*lo = *hi = NULL;
}

static void treap_link(struct mem_node **link, int t, struct mem_node *n)
{
	while (*link && (*link)->prio >= n->prio)
		link = &(*link)->kid[t][key_cmp(&n->key, &(*link)->key, t) > 0];
	treap_split(*link, t, &n->key, &n->kid[t][0], &n->kid[t][1]);
	*link = n;
}

/* `n` must be in the tree. */
static void treap_unlink(struct mem_node **link, int t, struct mem_node *n)
{
	while (*link != n)
		link = &(*link)->kid[t][key_cmp(&n->key, &(*link)->key, t) > 0];
	*link = treap_merge(n->kid[t][0], n->kid[t][1], t);
}

static struct mem_node *treap_find(struct mem_node *n, int t, const struct mem_key *k)
{
	while (n) {
		int d = key_cmp(k, &n->key, t);
		if (d == 0)
			return n;
		n = n->kid[t][d > 0];
	}
	return NULL;
}

/* The first record in list order strictly after `k`, or the first of all if `k` is NULL. */
static struct mem_node *treap_after(struct mem_node *n, const struct mem_key *k)
{
	struct mem_node *best = NULL;

	while (n) {
		if (!k || key_cmp(&n->key, k, BY_ORDER) > 0) {
			best = n;
			n = n->kid[BY_ORDER][0];
		} else {
			n = n->kid[BY_ORDER][1];
		}
	}
	return best;
}

/*
 * Tables and their undo log
 */

static uint32_t mem_random(struct mem_backend *mb)
{
	uint32_t x = mb->rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return mb->rng = x;
}

static void node_free(const struct mem_table *t, struct mem_node *n)
{
	t->ops->free(n->rec);
	free(n);
}

static void node_link(struct mem_table *t, struct mem_node *n, int tree)
{
	treap_link(&t->root[tree], tree, n);
}

static void node_unlink(struct mem_table *t, struct mem_node *n, int tree)
{
	treap_unlink(&t->root[tree], tree, n);
}

/* Puts `rec` (owned) into a node already in the table, moving it to its new place in list order. */
static void node_replace(struct mem_table *t, struct mem_node *n, void *rec)
{
	node_unlink(t, n, BY_ORDER);
	n->rec = rec;
	t->ops->key(&n->key, rec);
	node_link(t, n, BY_ORDER);
}

static void table_clear(struct mem_table *t)
{
	struct mem_node *n = t->root[BY_ORDER];

	/* Rotating left children up flattens the tree as it goes: no stack. */
	while (n) {
		struct mem_node *l = n->kid[BY_ORDER][0];
		if (l) {
			n->kid[BY_ORDER][0] = l->kid[BY_ORDER][1];
			l->kid[BY_ORDER][1] = n;
			n = l;
		} else {
			struct mem_node *r = n->kid[BY_ORDER][1];
			node_free(t, n);
			n = r;
		}
	}
	t->root[BY_ORDER] = t->root[BY_ID] = NULL;
}

static struct mem_node *table_find(const struct mem_table *t, const char *id)
{
	struct mem_key k = { NULL, 0, id };

	return treap_find(t->root[BY_ID], BY_ID, &k);
}

/*
 * Makes room for one more log entry before a change touches anything, so
 * that a change either happens with its undo entry or not at all.
 */
static int undo_reserve(struct mem_backend *mb)
{
	struct mem_undo *grown;
	size_t n;

	if (mb->depth == 0 || mb->nundo < mb->aundo)
		return 0;
	n = mb->aundo ? mb->aundo * 2 : 64;
	if (n > SIZE_MAX / sizeof(*grown) || !(grown = realloc(mb->undo, n * sizeof(*grown))))
		return mem_oom();
	mb->undo = grown;
	mb->aundo = n;
	return 0;
}

/* Takes a change back; allocates nothing. */
static void undo_apply(const struct mem_undo *u)
{
	switch (u->op) {
	case UNDO_INSERT:
		node_unlink(u->table, u->node, BY_ORDER);
		node_unlink(u->table, u->node, BY_ID);
		node_free(u->table, u->node);
		break;
	case UNDO_UPDATE: {
		void *newer = u->node->rec;
		node_replace(u->table, u->node, u->old);
		u->table->ops->free(newer);
		break;
	}
	case UNDO_DELETE:
		node_link(u->table, u->node, BY_ORDER);
		node_link(u->table, u->node, BY_ID);
		break;
	case UNDO_SETTING:
		free(u->setting->value);
		u->setting->value = u->old;
		break;
	}
}

/* Makes a change final: frees what only its undo entry still held. */
static void undo_forget(const struct mem_undo *u)
{
	switch (u->op) {
	case UNDO_INSERT:
		break;
	case UNDO_UPDATE:
		u->table->ops->free(u->old);
		break;
	case UNDO_DELETE:
		node_free(u->table, u->node);
		break;
	case UNDO_SETTING:
		free(u->old);
		break;
	}
}

/* Logs a change just made (room was reserved), or outside a transaction makes it final. */
static void undo_record(struct mem_backend *mb, enum mem_op op, struct mem_table *t,
			struct mem_node *n, struct mem_setting *s, void *old)
{
	struct mem_undo u;

	u.op = op;
	u.table = t;
	u.node = n;
	u.setting = s;
	u.old = old;
	if (mb->depth)
		mb->undo[mb->nundo++] = u;
	else
		undo_forget(&u);
}

/* Drops settings removed while a transaction was open, once none is. */
static void settings_prune(struct mem_backend *mb)
{
	struct mem_setting **link = &mb->settings;

	while (*link) {
		struct mem_setting *s = *link;
		if (s->value) {
			link = &s->next;
		} else {
			*link = s->next;
			free(s);
		}
	}
}

static void undo_drop(struct mem_backend *mb)
{
	free(mb->undo);
	mb->undo = NULL;
	mb->nundo = mb->aundo = 0;
	settings_prune(mb);
}

/*
 * Record operations, shared by the four entities
 */

static int table_get(void **out, struct mem_backend *mb, int ti, const char *id)
{
	struct mem_table *t = &mb->tables[ti];
	struct mem_node *n = table_find(t, id);

	*out = NULL;
	if (!n)
		return mem_fail(IV_ENOTFOUND, t, id, "not found");
	return t->ops->dup(out, n->rec);
}

static int table_insert(struct mem_backend *mb, int ti, const void *rec)
{
	struct mem_table *t = &mb->tables[ti];
	struct mem_node *n;
	struct mem_key k;
	int error;

	t->ops->key(&k, rec);
	if (!k.id)
		return iv_error_set(IV_EINVALID, "memory: record to insert has no id");
	if (treap_find(t->root[BY_ID], BY_ID, &k))
		return mem_fail(IV_EEXISTS, t, k.id, "already exists");
	if ((error = undo_reserve(mb)) < 0)
		return error;
	if (!(n = calloc(1, sizeof(*n))))
		return mem_oom();
	if ((error = t->ops->dup(&n->rec, rec)) < 0) {
		free(n);
		return error;
	}
	t->ops->key(&n->key, n->rec);
	n->prio = mem_random(mb);
	node_link(t, n, BY_ORDER);
	node_link(t, n, BY_ID);
	undo_record(mb, UNDO_INSERT, t, n, NULL, NULL);
	return 0;
}

static int table_update(struct mem_backend *mb, int ti, const void *rec)
{
	struct mem_table *t = &mb->tables[ti];
	struct mem_node *n;
	struct mem_key k;
	void *copy, *old;
	int error;

	t->ops->key(&k, rec);
	if (!k.id)
		return iv_error_set(IV_EINVALID, "memory: record to update has no id");
	if (!(n = treap_find(t->root[BY_ID], BY_ID, &k)))
		return mem_fail(IV_ENOTFOUND, t, k.id, "not found");
	if ((error = undo_reserve(mb)) < 0)
		return error;
	if ((error = t->ops->dup(&copy, rec)) < 0)
		return error;
	old = n->rec;
	/* The id is the same, so the id tree keeps its shape. */
	node_replace(t, n, copy);
	undo_record(mb, UNDO_UPDATE, t, n, NULL, old);
	return 0;
}

static int table_delete(struct mem_backend *mb, int ti, const char *id)
{
	struct mem_table *t = &mb->tables[ti];
	struct mem_node *n = table_find(t, id);
	int error;

	if (!n)
		return mem_fail(IV_ENOTFOUND, t, id, "not found");
	if ((error = undo_reserve(mb)) < 0)
		return error;
	node_unlink(t, n, BY_ORDER);
	node_unlink(t, n, BY_ID);
	undo_record(mb, UNDO_DELETE, t, n, NULL, NULL);
	return 0;
}

/*
 * Iterators
 */

static void iter_free(iv_backend_iter *base)
{
	struct mem_iter *it = (struct mem_iter *)base;
	int i;

	if (!it)
		return;
	for (i = 0; i < MEM_FILTER_TEXTS; i++)
		free(it->own[i]);
	free(it->buf);
	free(it);
}

static int iter_remember(struct mem_iter *it, const struct mem_key *k)
{
	size_t tlen = k->text ? strlen(k->text) + 1 : 0;
	size_t ilen = strlen(k->id) + 1;

	if (tlen + ilen > it->cap) {
		char *grown = realloc(it->buf, tlen + ilen);
		if (!grown)
			return mem_oom();
		it->buf = grown;
		it->cap = tlen + ilen;
	}
	memcpy(it->buf, k->text ? k->text : "", tlen);
	memcpy(it->buf + tlen, k->id, ilen);
	it->last.text = k->text ? it->buf : NULL;
	it->last.when = k->when;
	it->last.id = it->buf + tlen;
	it->started = 1;
	return 0;
}

/* The core lowered the prefix, and ids are kept in lower case. */
static int matches(const struct mem_table *t, const struct mem_node *n, const struct mem_filter *f)
{
	const char *prefix = f->text[MEM_ID_PREFIX];

	if (prefix && strncmp(n->key.id, prefix, strlen(prefix)) != 0)
		return 0;
	if (f->number && t->ops->number(n->rec) != f->number)
		return 0;
	return t->ops->match(n->rec, f);
}

static int iter_next(void **out, iv_backend_iter *base)
{
	struct mem_iter *it = (struct mem_iter *)base;
	struct mem_table *t = it->table;
	struct mem_node *n;
	void *copy;
	int error;

	*out = NULL;
	if (it->done)
		return IV_ITEROVER;
	n = treap_after(t->root[BY_ORDER], it->started ? &it->last : NULL);
	while (n && !matches(t, n, &it->filter))
		n = treap_after(t->root[BY_ORDER], &n->key);
	if (!n) {
		it->done = 1;
		return IV_ITEROVER;
	}
	if ((error = t->ops->dup(&copy, n->rec)) < 0)
		return error;
	/* Only move on once the record is safely in hand, so a failed call can be retried. */
	if ((error = iter_remember(it, &n->key)) < 0) {
		t->ops->free(copy);
		return error;
	}
	*out = copy;
	return 0;
}

static int table_list(iv_backend_iter **out, struct mem_backend *mb, int ti, const void *filter,
		      const char *id_prefix, int64_t number)
{
	struct mem_table *t = &mb->tables[ti];
	struct mem_iter *it;
	int i;

	*out = NULL;
	if (!(it = calloc(1, sizeof(*it))))
		return mem_oom();
	it->base.version = 1; /* iv_backend_iter's version, which has not grown */
	it->base.next = iter_next;
	it->base.free = iter_free;
	it->table = t;
	if (filter)
		t->ops->filter(&it->filter, filter);
	it->filter.text[MEM_ID_PREFIX] = id_prefix;
	it->filter.number = number;
	/* The filter is only lent for this call. */
	for (i = 0; i < MEM_FILTER_TEXTS; i++) {
		if (!it->filter.text[i])
			continue;
		if (!(it->own[i] = malloc(strlen(it->filter.text[i]) + 1))) {
			iter_free(&it->base);
			return mem_oom();
		}
		strcpy(it->own[i], it->filter.text[i]);
		it->filter.text[i] = it->own[i];
	}
	*out = &it->base;
	return 0;
}

/*
 * The entities: their keys and filters
 */

static int id_matches(const char *want, const char *have)
{
	return !want || (have && strcmp(want, have) == 0);
}

/* Names and companies compare ASCII case-insensitively. */
static int text_matches(const char *want, const char *have)
{
	return !want || (have && ascii_casecmp(have, want) == 0);
}

static void contact_key(struct mem_key *out, const void *rec)
{
	const char *name = iv_contact_name(rec);

	out->text = name ? name : "";
	out->when = 0;
	out->id = iv_contact_id(rec);
}

static void contact_filter(struct mem_filter *out, const void *filter)
{
	const iv_contact_filter *f = filter;

	out->text[0] = f->company;
	out->text[1] = f->tag;
	out->text[MEM_NAME] = f->name;
	out->text[MEM_EMAIL] = f->email;
	out->text[MEM_URL] = f->url;
}

/* Whether the contact has the address, compared as names are. */
static int email_matches(const char *want, const void *rec)
{
	size_t i;

	if (!want)
		return 1;
	for (i = 0; i < iv_contact_email_count(rec); i++)
		if (ascii_casecmp(iv_contact_email_at(rec, i), want) == 0)
			return 1;
	return 0;
}

static int contact_match(const void *rec, const struct mem_filter *f)
{
	return text_matches(f->text[0], iv_contact_company(rec)) &&
	       text_matches(f->text[MEM_NAME], iv_contact_name(rec)) &&
	       email_matches(f->text[MEM_EMAIL], rec) &&
	       text_matches(f->text[MEM_URL], iv_contact_url(rec)) &&
	       (!f->text[1] || iv_contact_has_tag(rec, f->text[1]));
}

static void intro_key(struct mem_key *out, const void *rec)
{
	out->text = NULL;
	out->when = iv_intro_created(rec);
	out->id = iv_intro_id(rec);
}

static void intro_filter(struct mem_filter *out, const void *filter)
{
	const iv_intro_filter *f = filter;

	out->text[0] = f->introducer;
	out->text[1] = f->introduced;
	out->status = f->status;
}

static int intro_match(const void *rec, const struct mem_filter *f)
{
	return (!f->status || iv_intro_status(rec) == f->status) &&
	       id_matches(f->text[0], iv_intro_introducer(rec)) &&
	       id_matches(f->text[1], iv_intro_introduced(rec));
}

static void interview_key(struct mem_key *out, const void *rec)
{
	out->text = NULL;
	out->when = iv_interview_created(rec);
	out->id = iv_interview_id(rec);
}

static void interview_filter(struct mem_filter *out, const void *filter)
{
	const iv_interview_filter *f = filter;

	out->text[0] = f->contact;
	out->text[1] = f->intro;
	out->status = f->status;
}

static int interview_match(const void *rec, const struct mem_filter *f)
{
	return (!f->status || iv_interview_status(rec) == f->status) &&
	       id_matches(f->text[0], iv_interview_contact(rec)) &&
	       id_matches(f->text[1], iv_interview_intro(rec));
}

static void followup_key(struct mem_key *out, const void *rec)
{
	out->text = NULL;
	out->when = iv_followup_due(rec);
	out->id = iv_followup_id(rec);
}

static void followup_filter(struct mem_filter *out, const void *filter)
{
	const iv_followup_filter *f = filter;

	out->text[0] = f->contact;
	out->text[1] = f->interview;
	out->text[2] = f->rule;
	out->status = f->status;
	out->due_before = f->due_before;
	out->earliest_before = f->earliest_before;
}

static int followup_match(const void *rec, const struct mem_filter *f)
{
	/* A rule key compares exactly, as ids do. */
	return (!f->status || iv_followup_status(rec) == f->status) &&
	       (!f->due_before || iv_followup_due(rec) <= f->due_before) &&
	       (!f->earliest_before || iv_followup_earliest(rec) <= f->earliest_before) &&
	       id_matches(f->text[0], iv_followup_contact(rec)) &&
	       id_matches(f->text[1], iv_followup_interview(rec)) &&
	       id_matches(f->text[2], iv_followup_rule(rec));
}

static void note_key(struct mem_key *out, const void *rec)
{
	out->text = NULL;
	out->when = iv_note_at(rec);
	out->id = iv_note_id(rec);
}

static void note_filter(struct mem_filter *out, const void *filter)
{
	const iv_note_filter *f = filter;

	out->text[0] = f->contact;
}

static int note_match(const void *rec, const struct mem_filter *f)
{
	return id_matches(f->text[0], iv_note_contact(rec));
}

/* Targets sit by name, as contacts do; the name filter also matches an alias. */
static void target_key(struct mem_key *out, const void *rec)
{
	const char *name = iv_target_name(rec);

	out->text = name ? name : "";
	out->when = 0;
	out->id = iv_target_id(rec);
}

static void target_filter(struct mem_filter *out, const void *filter)
{
	const iv_target_filter *f = filter;

	out->text[MEM_NAME] = f->name;
}

static int target_match(const void *rec, const struct mem_filter *f)
{
	size_t i;

	if (text_matches(f->text[MEM_NAME], iv_target_name(rec)))
		return 1;
	for (i = 0; i < iv_target_alias_count(rec); i++)
		if (text_matches(f->text[MEM_NAME], iv_target_alias_at(rec, i)))
			return 1;
	return 0;
}

/*
 * The typed glue between the vtable and the generic code above, the same
 * for every entity: written once here rather than four times.
 */
#define MEM_ENTITY_STORED(name, type, index, label)                               \
	static int name##_dup(void **out, const void *rec)                        \
	{                                                                         \
		type *copy = NULL;                                                \
		int error = type##_dup(&copy, rec);                               \
		*out = copy;                                                      \
		return error;                                                     \
	}                                                                         \
	static void name##_free(void *rec)                                        \
	{                                                                         \
		type##_free(rec);                                                 \
	}                                                                         \
	static int64_t name##_number(const void *rec)                             \
	{                                                                         \
		return type##_number(rec);                                        \
	}                                                                         \
	static const struct mem_ops name##_ops = {                                \
		label, name##_key, name##_dup, name##_free, name##_filter,        \
		name##_match, name##_number                                       \
	};                                                                        \
	static int mem_##name##_get(type **out, iv_backend *be, const char *id)   \
	{                                                                         \
		void *rec;                                                        \
		int error = table_get(&rec, mem_of(be), index, id);               \
		*out = rec;                                                       \
		return error;                                                     \
	}                                                                         \
	static int mem_##name##_insert(iv_backend *be, const type *rec)           \
	{                                                                         \
		return table_insert(mem_of(be), index, rec);                      \
	}                                                                         \
	static int mem_##name##_delete(iv_backend *be, const char *id)            \
	{                                                                         \
		return table_delete(mem_of(be), index, id);                       \
	}                                                                         \
	static int mem_##name##_list(iv_backend_iter **out, iv_backend *be,       \
				     const type##_filter *filter)                 \
	{                                                                         \
		return table_list(out, mem_of(be), index, filter,                 \
				  filter ? filter->id_prefix : NULL,              \
				  filter ? filter->number : 0);                   \
	}

/* An entity whose records are also updated (notes are only added and deleted). */
#define MEM_ENTITY(name, type, index, label)                                      \
	MEM_ENTITY_STORED(name, type, index, label)                               \
	static int mem_##name##_update(iv_backend *be, const type *rec)           \
	{                                                                         \
		return table_update(mem_of(be), index, rec);                      \
	}

MEM_ENTITY(contact, iv_contact, T_CONTACT, "contact")
MEM_ENTITY(intro, iv_intro, T_INTRO, "introduction")
MEM_ENTITY(interview, iv_interview, T_INTERVIEW, "interview")
MEM_ENTITY(followup, iv_followup, T_FOLLOWUP, "follow-up")
MEM_ENTITY_STORED(note, iv_note, T_NOTE, "note")
MEM_ENTITY(target, iv_target, T_TARGET, "target")

#define MEM_WIRE(be, name)                          \
	do {                                        \
		(be)->name##_get = mem_##name##_get;       \
		(be)->name##_insert = mem_##name##_insert; \
		(be)->name##_update = mem_##name##_update; \
		(be)->name##_delete = mem_##name##_delete; \
		(be)->name##_list = mem_##name##_list;     \
	} while (0)

/*
 * Settings
 */

/* Calls `cb` for each introduction under `n` to contact `id`, not declined. */
static int intros_to_under(const struct mem_node *n, struct mem_backend *mb, const char *id,
			   iv_backend_edge_cb cb, void *payload)
{
	const struct mem_node *by;
	iv_backend_edge e;
	int error;

	if (!n)
		return 0;
	if ((error = intros_to_under(n->kid[BY_ID][0], mb, id, cb, payload)) < 0)
		return error;
	if (strcmp(iv_intro_introduced(n->rec), id) == 0 && iv_intro_status(n->rec) != IV_INTRO_DECLINED &&
	    (by = table_find(&mb->tables[T_CONTACT], iv_intro_introducer(n->rec))) != NULL) {
		e.id = iv_intro_id(n->rec);
		e.introducer = iv_intro_introducer(n->rec);
		e.status = iv_intro_status(n->rec);
		e.made_at = iv_intro_made_at(n->rec);
		e.created = iv_intro_created(n->rec);
		e.introducer_known = iv_contact_known(by->rec);
		e.introducer_last = iv_contact_last_interaction(by->rec);
		/* intros_to_key() keys contacts by their node's address, as scan_contacts() does. */
		e.introducer_key = (int64_t)(intptr_t)by;
		e.introduced_key = 0;
		e.uuid = NULL;
		if ((error = cb(&e, payload)) < 0)
			return error;
	}
	return intros_to_under(n->kid[BY_ID][1], mb, id, cb, payload);
}

/* A scan of every introduction: this backend keeps no index by who was introduced. */
static int mem_intros_to(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload)
{
	struct mem_backend *mb = mem_of(be);

	return intros_to_under(mb->tables[T_INTRO].root[BY_ID], mb, id, cb, payload);
}

/* A contact as the network sees it, keyed by its node's address. */
static void node_of(iv_backend_node *c, const struct mem_node *n)
{
	memset(c, 0, sizeof(*c));
	c->key = (int64_t)(intptr_t)n;
	c->id = iv_contact_id(n->rec);
	c->known = iv_contact_known(n->rec);
	c->last_interaction = iv_contact_last_interaction(n->rec);
	c->name = iv_contact_name(n->rec);
	c->company = iv_contact_company(n->rec);
}

/* One contact, keyed by its node's address as scan_contacts() keys it. */
static int mem_network_node(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload)
{
	struct mem_node *n = table_find(&mem_of(be)->tables[T_CONTACT], id);
	iv_backend_node c;
	char msg[120];

	if (!n) {
		snprintf(msg, sizeof(msg), "memory: contact %.40s not found", id);
		return iv_error_set(IV_ENOTFOUND, msg);
	}
	node_of(&c, n);
	return cb(&c, payload);
}

/* The contacts under `n` at `company`, keyed as mem_network_node() keys them. */
static int company_under(const struct mem_node *n, const char *company, iv_backend_node_cb cb, void *payload)
{
	iv_backend_node c;
	int error;

	if (!n)
		return 0;
	if ((error = company_under(n->kid[BY_ID][0], company, cb, payload)) < 0)
		return error;
	if (iv_contact_company(n->rec) && ascii_casecmp(iv_contact_company(n->rec), company) == 0) {
		node_of(&c, n);
		if ((error = cb(&c, payload)) < 0)
			return error;
	}
	return company_under(n->kid[BY_ID][1], company, cb, payload);
}

/* A scan of every contact: this backend keeps no index by company. */
static int mem_network_company(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload)
{
	return company_under(mem_of(be)->tables[T_CONTACT].root[BY_ID], company, cb, payload);
}

/* As mem_intros_to(), for the contact whose node is at `key` (as mem_network_node() gave it). */
static int mem_intros_to_key(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload)
{
	const struct mem_node *to = (const struct mem_node *)(intptr_t)key;

	return mem_intros_to(be, iv_contact_id(to->rec), cb, payload);
}

/* Every contact under `n`, keyed by its node's address. */
static int scan_contacts(const struct mem_node *n, iv_backend_node_cb cb, void *payload)
{
	iv_backend_node c;
	int error;

	if (!n)
		return 0;
	if ((error = scan_contacts(n->kid[BY_ID][0], cb, payload)) < 0)
		return error;
	node_of(&c, n);
	if ((error = cb(&c, payload)) < 0)
		return error;
	return scan_contacts(n->kid[BY_ID][1], cb, payload);
}

/* Every introduction under `n` not declined, its ends keyed as scan_contacts() keys them. */
static int scan_intros(const struct mem_node *n, struct mem_backend *mb, iv_backend_edge_cb cb, void *payload)
{
	const struct mem_node *by, *to;
	iv_backend_edge e;
	int error;

	if (!n)
		return 0;
	if ((error = scan_intros(n->kid[BY_ID][0], mb, cb, payload)) < 0)
		return error;
	if (iv_intro_status(n->rec) != IV_INTRO_DECLINED &&
	    (by = table_find(&mb->tables[T_CONTACT], iv_intro_introducer(n->rec))) != NULL &&
	    (to = table_find(&mb->tables[T_CONTACT], iv_intro_introduced(n->rec))) != NULL) {
		memset(&e, 0, sizeof(e));
		e.id = iv_intro_id(n->rec);
		e.introducer = iv_intro_introducer(n->rec);
		e.status = iv_intro_status(n->rec);
		e.made_at = iv_intro_made_at(n->rec);
		e.created = iv_intro_created(n->rec);
		e.introducer_key = (int64_t)(intptr_t)by;
		e.introduced_key = (int64_t)(intptr_t)to;
		if ((error = cb(&e, payload)) < 0)
			return error;
	}
	return scan_intros(n->kid[BY_ID][1], mb, cb, payload);
}

static int mem_network_scan(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload)
{
	struct mem_backend *mb = mem_of(be);
	int error = scan_contacts(mb->tables[T_CONTACT].root[BY_ID], contact, payload);

	return error < 0 ? error : scan_intros(mb->tables[T_INTRO].root[BY_ID], mb, intro, payload);
}

static struct mem_setting *setting_find(struct mem_backend *mb, const char *key)
{
	struct mem_setting *s;

	for (s = mb->settings; s; s = s->next)
		if (strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

static int mem_setting_get(char **out, iv_backend *be, const char *key)
{
	struct mem_setting *s = setting_find(mem_of(be), key);
	char msg[200];

	*out = NULL;
	if (!s || !s->value) {
		snprintf(msg, sizeof(msg), "memory: setting %s not set", key);
		return iv_error_set(IV_ENOTFOUND, msg);
	}
	if (!(*out = iv_strdup(s->value)))
		return mem_oom();
	return 0;
}

/* A listing of keys: a sorted snapshot, taken when the listing starts. */
struct mem_keys {
	iv_backend_iter base;
	char **keys;
	size_t count, next;
};

static int mem_keys_next(void **out, iv_backend_iter *bi)
{
	struct mem_keys *it = (struct mem_keys *)bi;

	*out = NULL;
	if (it->next == it->count)
		return IV_ITEROVER;
	*out = it->keys[it->next];
	it->keys[it->next++] = NULL;
	return 0;
}

static void mem_keys_free(iv_backend_iter *bi)
{
	struct mem_keys *it = (struct mem_keys *)bi;
	size_t i;

	for (i = it->next; i < it->count; i++)
		iv_free(it->keys[i]);
	free(it->keys);
	free(it);
}

static int key_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int mem_setting_list(iv_backend_iter **out, iv_backend *be, const char *prefix)
{
	struct mem_backend *mb = mem_of(be);
	size_t n = 0, plen = strlen(prefix);
	struct mem_setting *s;
	struct mem_keys *it;

	*out = NULL;
	if (!(it = calloc(1, sizeof(*it))))
		return mem_oom();
	it->base.version = IV_BACKEND_ITER_VERSION;
	it->base.next = mem_keys_next;
	it->base.free = mem_keys_free;
	for (s = mb->settings; s; s = s->next)
		n += s->value && strncmp(s->key, prefix, plen) == 0;
	if (n && !(it->keys = calloc(n, sizeof(char *)))) {
		free(it);
		return mem_oom();
	}
	for (s = mb->settings; s; s = s->next) {
		if (!s->value || strncmp(s->key, prefix, plen) != 0)
			continue;
		if (!(it->keys[it->count] = iv_strdup(s->key))) {
			mem_keys_free(&it->base);
			return mem_oom();
		}
		it->count++;
	}
	if (it->count > 1)
		qsort(it->keys, it->count, sizeof(char *), key_order);
	*out = &it->base;
	return 0;
}

static int mem_setting_set(iv_backend *be, const char *key, const char *value)
{
	struct mem_backend *mb = mem_of(be);
	struct mem_setting *s = setting_find(mb, key);
	char *copy = NULL, *old;
	int error;

	if (!value && !(s && s->value))
		return 0;
	if ((error = undo_reserve(mb)) < 0)
		return error;
	if (value) {
		if (!(copy = malloc(strlen(value) + 1)))
			return mem_oom();
		strcpy(copy, value);
	}
	if (!s) {
		if (!(s = malloc(sizeof(*s) + strlen(key) + 1))) {
			free(copy);
			return mem_oom();
		}
		strcpy(s->key, key);
		s->value = NULL;
		s->next = mb->settings;
		mb->settings = s;
	}
	old = s->value;
	s->value = copy;
	undo_record(mb, UNDO_SETTING, NULL, NULL, s, old);
	if (!mb->depth)
		settings_prune(mb);
	return 0;
}

/*
 * Transactions
 */

static int mem_begin(iv_backend *be)
{
	struct mem_backend *mb = mem_of(be);

	if (mb->depth == mb->amarks) {
		size_t n = mb->amarks ? mb->amarks * 2 : 8;
		size_t *grown = realloc(mb->marks, n * sizeof(*grown));
		if (!grown)
			return mem_oom();
		mb->marks = grown;
		mb->amarks = n;
	}
	mb->marks[mb->depth++] = mb->nundo;
	return 0;
}

static int mem_commit(iv_backend *be)
{
	struct mem_backend *mb = mem_of(be);
	size_t i;

	if (!mb->depth)
		return iv_error_set(IV_EMISUSE, "memory: commit without a transaction");
	/* An inner commit leaves its entries for the enclosing transaction to undo. */
	if (--mb->depth)
		return 0;
	for (i = 0; i < mb->nundo; i++)
		undo_forget(&mb->undo[i]);
	undo_drop(mb);
	return 0;
}

static int mem_rollback(iv_backend *be)
{
	struct mem_backend *mb = mem_of(be);
	size_t mark;

	if (!mb->depth)
		return iv_error_set(IV_EMISUSE, "memory: rollback without a transaction");
	mark = mb->marks[--mb->depth];
	while (mb->nundo > mark)
		undo_apply(&mb->undo[--mb->nundo]);
	if (!mb->depth)
		undo_drop(mb);
	return 0;
}

static void mem_free(iv_backend *be)
{
	struct mem_backend *mb = mem_of(be);
	int i;

	if (!mb)
		return;
	/* Undoing what is still open puts every node back in a tree, where it is freed once. */
	while (mb->nundo)
		undo_apply(&mb->undo[--mb->nundo]);
	mb->depth = 0;
	undo_drop(mb);
	for (i = 0; i < T_COUNT; i++)
		table_clear(&mb->tables[i]);
	while (mb->settings) {
		struct mem_setting *s = mb->settings;
		mb->settings = s->next;
		free(s->value);
		free(s);
	}
	free(mb->marks);
	free(mb);
}

IV_EXTERN(int) iv_backend_memory_new(iv_backend **out)
{
	struct mem_backend *mb;
	int error;

	if (!out)
		return iv_error_set(IV_EINVALID, "memory: out is NULL");
	*out = NULL;
	if (!(mb = calloc(1, sizeof(*mb))))
		return mem_oom();
	if ((error = iv_backend_init(&mb->base, MEMORY_BACKEND_VERSION)) < 0) {
		free(mb);
		return error;
	}
	mb->tables[T_CONTACT].ops = &contact_ops;
	mb->tables[T_INTRO].ops = &intro_ops;
	mb->tables[T_INTERVIEW].ops = &interview_ops;
	mb->tables[T_FOLLOWUP].ops = &followup_ops;
	mb->tables[T_NOTE].ops = &note_ops;
	mb->tables[T_TARGET].ops = &target_ops;
	mb->rng = 0x9e3779b9u;

	MEM_WIRE(&mb->base, contact);
	MEM_WIRE(&mb->base, intro);
	MEM_WIRE(&mb->base, interview);
	MEM_WIRE(&mb->base, followup);
	MEM_WIRE(&mb->base, target);
	mb->base.note_get = mem_note_get;
	mb->base.note_insert = mem_note_insert;
	mb->base.note_delete = mem_note_delete;
	mb->base.note_list = mem_note_list;
	mb->base.setting_get = mem_setting_get;
	mb->base.setting_set = mem_setting_set;
	mb->base.setting_list = mem_setting_list;
	mb->base.intros_to = mem_intros_to;
	mb->base.network_scan = mem_network_scan;
	mb->base.network_node = mem_network_node;
	mb->base.intros_to_key = mem_intros_to_key;
	mb->base.network_company = mem_network_company;
	mb->base.begin = mem_begin;
	mb->base.commit = mem_commit;
	mb->base.rollback = mem_rollback;
	mb->base.free = mem_free;
	/*
	 * contact_referenced stays NULL on purpose: the conformance suite then
	 * exercises the core's fallback through the list operations on this
	 * backend, while the SQLite backend exercises the accelerated path.
	 * search stays NULL for the same reason: the core's scan (search.c)
	 * answers searches here, and test_search holds it to the same results
	 * as the SQLite backend's FTS5 indexes. A scan is what an index of its
	 * own would save, but a memory store is small.
	 */
	*out = &mb->base;
	return 0;
}
