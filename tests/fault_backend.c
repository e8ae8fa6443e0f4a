/*
 * The fault-injecting backend (fault_backend.h): every operation counts,
 * and the armed one fails. It is built as a third party's backend would
 * be, with the public backend interface only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault_backend.h"

struct fault_backend {
	iv_backend base; /* first: the core hands this pointer back */
	iv_backend *inner;
	int armed, hit, hit_write, code, mode;
	long k, calls;
	const char *where;
};

typedef struct {
	iv_backend_iter base;
	iv_backend_iter *inner;
	fault_backend *f;
} fault_iter;

static fault_backend *F(iv_backend *be)
{
	fault_backend *f = (fault_backend *)be;

	/* The wrapped backend may read its store (the clock) through its own db. */
	f->inner->db = be->db;
	return f;
}

/* Counts a call; 1 when it is the one to fail. */
static int trip(fault_backend *f, const char *op)
{
	if (!f->armed)
		return 0;
	++f->calls;
	if ((f->mode & FAULT_EVERY) ? f->calls < f->k : f->calls != f->k)
		return 0;
	f->hit = 1;
	f->where = op;
	return 1;
}

/* As trip(), for a call that FAULT_AFTER does before failing. */
static int trip_write(fault_backend *f, const char *op)
{
	int hit = trip(f, op);

	f->hit_write |= hit;
	return hit;
}

static int fail(fault_backend *f)
{
	char msg[128];

	snprintf(msg, sizeof(msg), "injected fault: the backend's %s failed", f->where);
	return iv_error_set(f->code, msg);
}

/* A write fails before (nothing written) or after the wrapped backend did it. */
#define WRITE(f, op, call) do { \
	int e_; \
	if (!trip_write(f, op)) \
		return (call); \
	if ((f->mode & FAULT_AFTER)) { \
		e_ = (call); \
		(void)e_; \
	} \
	return fail(f); \
} while (0)

#define READ(f, op, call) do { \
	if (trip(f, op)) \
		return fail(f); \
	return (call); \
} while (0)

static int iter_next(void **out, iv_backend_iter *it)
{
	fault_iter *fi = (fault_iter *)it;

	if (trip(fi->f, "iterator next"))
		return fail(fi->f);
	return fi->inner->next(out, fi->inner);
}

static void iter_free(iv_backend_iter *it)
{
	fault_iter *fi = (fault_iter *)it;

	fi->inner->free(fi->inner);
	free(fi);
}

/* Wraps the iterator a list operation made, so that its next() counts too. */
static int wrap_iter(iv_backend_iter **out, fault_backend *f, int error)
{
	fault_iter *fi;

	if (error < 0)
		return error;
	if (!(fi = calloc(1, sizeof(*fi)))) {
		(*out)->free(*out);
		*out = NULL;
		return iv_error_set(IV_ENOMEM, "out of memory");
	}
	fi->base.version = IV_BACKEND_ITER_VERSION;
	fi->base.next = iter_next;
	fi->base.free = iter_free;
	fi->inner = *out;
	fi->f = f;
	*out = &fi->base;
	return 0;
}

#define LIST(f, op, call) do { \
	if (trip(f, op)) \
		return fail(f); \
	return wrap_iter(out, f, (call)); \
} while (0)

#define KIND(K, T, FT) \
	static int K##_get(T **out, iv_backend *be, const char *id) \
	{ fault_backend *f = F(be); READ(f, #K "_get", f->inner->K##_get(out, f->inner, id)); } \
	static int K##_insert(iv_backend *be, const T *r) \
	{ fault_backend *f = F(be); WRITE(f, #K "_insert", f->inner->K##_insert(f->inner, r)); } \
	static int K##_delete(iv_backend *be, const char *id) \
	{ fault_backend *f = F(be); WRITE(f, #K "_delete", f->inner->K##_delete(f->inner, id)); } \
	static int K##_list(iv_backend_iter **out, iv_backend *be, const FT *filter) \
	{ fault_backend *f = F(be); LIST(f, #K "_list", f->inner->K##_list(out, f->inner, filter)); }
#define UPDATE(K, T) \
	static int K##_update(iv_backend *be, const T *r) \
	{ fault_backend *f = F(be); WRITE(f, #K "_update", f->inner->K##_update(f->inner, r)); }

KIND(contact, iv_contact, iv_contact_filter)
KIND(intro, iv_intro, iv_intro_filter)
KIND(interview, iv_interview, iv_interview_filter)
KIND(followup, iv_followup, iv_followup_filter)
KIND(note, iv_note, iv_note_filter)
KIND(target, iv_target, iv_target_filter)
UPDATE(target, iv_target)
UPDATE(contact, iv_contact)
UPDATE(intro, iv_intro)
UPDATE(interview, iv_interview)
UPDATE(followup, iv_followup)

static int setting_get(char **out, iv_backend *be, const char *key)
{
	fault_backend *f = F(be);
	READ(f, "setting_get", f->inner->setting_get(out, f->inner, key));
}

static int setting_set(iv_backend *be, const char *key, const char *value)
{
	fault_backend *f = F(be);
	WRITE(f, "setting_set", f->inner->setting_set(f->inner, key, value));
}

static int begin(iv_backend *be)
{
	fault_backend *f = F(be);
	READ(f, "begin", f->inner->begin(f->inner));
}

/* A failed commit leaves the transaction open (the contract): nothing is done. */
static int commit(iv_backend *be)
{
	fault_backend *f = F(be);
	READ(f, "commit", f->inner->commit(f->inner));
}

/* A rollback closes its transaction even when it fails (the contract). */
static int rollback(iv_backend *be)
{
	fault_backend *f = F(be);
	int error = f->inner->rollback(f->inner);

	if (trip_write(f, "rollback"))
		return fail(f);
	return error;
}

static void backend_free(iv_backend *be)
{
	fault_backend *f = (fault_backend *)be;

	f->inner->free(f->inner);
	free(f);
}

static int contact_referenced(int *out, iv_backend *be, const char *id)
{
	fault_backend *f = F(be);
	READ(f, "contact_referenced", f->inner->contact_referenced(out, f->inner, id));
}

static int search(iv_backend_iter **out, iv_backend *be, const char *const *terms, size_t nterms,
		  unsigned int kinds, size_t limit, unsigned int flags)
{
	fault_backend *f = F(be);
	LIST(f, "search", f->inner->search(out, f->inner, terms, nterms, kinds, limit, flags));
}

static int setting_list(iv_backend_iter **out, iv_backend *be, const char *prefix)
{
	fault_backend *f = F(be);
	LIST(f, "setting_list", f->inner->setting_list(out, f->inner, prefix));
}

static int intros_to(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload)
{
	fault_backend *f = F(be);
	READ(f, "intros_to", f->inner->intros_to(f->inner, id, cb, payload));
}

static int network_scan(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload)
{
	fault_backend *f = F(be);
	READ(f, "network_scan", f->inner->network_scan(f->inner, contact, intro, payload));
}

static int network_node(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload)
{
	fault_backend *f = F(be);
	READ(f, "network_node", f->inner->network_node(f->inner, id, cb, payload));
}

static int intros_to_key(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload)
{
	fault_backend *f = F(be);
	READ(f, "intros_to_key", f->inner->intros_to_key(f->inner, key, cb, payload));
}

static int network_company(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload)
{
	fault_backend *f = F(be);
	READ(f, "network_company", f->inner->network_company(f->inner, company, cb, payload));
}

static int followup_list_contacts(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *filter)
{
	fault_backend *f = F(be);
	LIST(f, "followup_list_contacts", f->inner->followup_list_contacts(out, f->inner, filter));
}

static int contacts_recent(iv_backend_iter **out, iv_backend *be, int known)
{
	fault_backend *f = F(be);
	LIST(f, "contacts_recent", f->inner->contacts_recent(out, f->inner, known));
}

int fault_wrap(iv_backend **out, fault_backend **ctl, iv_backend *inner)
{
	return fault_wrap_version(out, ctl, inner, inner->version);
}

int fault_wrap_version(iv_backend **out, fault_backend **ctl, iv_backend *inner, unsigned int version)
{
	fault_backend *f = calloc(1, sizeof(*f));
	iv_backend *b;
	int error;

	*out = NULL;
	*ctl = NULL;
	if (!f)
		return iv_error_set(IV_ENOMEM, "out of memory");
	if (version > inner->version)
		version = inner->version;
	if ((error = iv_backend_init(&f->base, version)) < 0) {
		free(f);
		return error;
	}
	f->inner = inner;
	b = &f->base;
#define SET(K) b->K##_get = K##_get; b->K##_insert = K##_insert; b->K##_delete = K##_delete; b->K##_list = K##_list
	SET(contact); SET(intro); SET(interview); SET(followup);
	b->contact_update = contact_update;
	b->intro_update = intro_update;
	b->interview_update = interview_update;
	b->followup_update = followup_update;
	b->setting_get = setting_get;
	b->setting_set = setting_set;
	b->begin = begin;
	b->commit = commit;
	b->rollback = rollback;
	b->free = backend_free;
	/* The same optional operations as the wrapped backend, no more. */
	if (inner->contact_referenced)
		b->contact_referenced = contact_referenced;
	if (inner->search)
		b->search = search;
	if (version >= 2) {
		SET(note);
	}
	if (version >= 3 && inner->setting_list)
		b->setting_list = setting_list;
	if (version >= 4) {
		if (inner->intros_to)
			b->intros_to = intros_to;
		if (inner->network_scan)
			b->network_scan = network_scan;
		if (inner->network_node)
			b->network_node = network_node;
		if (inner->intros_to_key)
			b->intros_to_key = intros_to_key;
		if (inner->network_company)
			b->network_company = network_company;
	}
	if (version >= 5) {
		if (inner->followup_list_contacts)
			b->followup_list_contacts = followup_list_contacts;
		if (inner->contacts_recent)
			b->contacts_recent = contacts_recent;
	}
	if (version >= 6) {
		SET(target);
		b->target_update = target_update;
	}
#undef SET
	*out = b;
	*ctl = f;
	return 0;
}

void fault_arm(fault_backend *f, long k, int code, int mode)
{
	f->armed = 1;
	f->k = k;
	f->code = code;
	f->mode = mode;
	f->calls = 0;
	f->hit = 0;
	f->hit_write = 0;
	f->where = NULL;
}

void fault_disarm(fault_backend *f)
{
	f->armed = 0;
}

long fault_calls(const fault_backend *f)
{
	return f->calls;
}

int fault_hit(const fault_backend *f)
{
	return f->hit;
}

int fault_hit_write(const fault_backend *f)
{
	return f->hit_write;
}

iv_backend *fault_inner(fault_backend *f)
{
	f->inner->db = f->base.db;
	return f->inner;
}

const char *fault_where(const fault_backend *f)
{
	return f->where ? f->where : "(none)";
}
