/*
 * The SQLite backend: how each kind of record maps to its rows. One
 * description per kind (struct sq_kind) drives the SQL that sqlite.c generates,
 * so the column order of SELECT, INSERT and UPDATE and the order in which
 * fields are bound and read here cannot drift apart.
 */
#include <stdlib.h>
#include <string.h>

#include "sqlite_internal.h"
#include "../records.h"

/* --- Reusable buffers --------------------------------------------------- */

static char *reserve(struct sq_buf *buf, size_t n)
{
	char *p;

	if (n <= buf->size)
		return buf->p;
	if (!(p = realloc(buf->p, n)))
		return NULL;
	buf->p = p;
	buf->size = n;
	return p;
}

/* Adapters from the typed list getters and adders of the records. */
static int add_email(void *r, const char *s) { return iv_contact_add_email(r, s); }
static int add_tag(void *r, const char *s) { return iv_contact_add_tag(r, s); }
typedef const char *(*text_at)(const void *r, size_t i);
typedef int (*text_add)(void *r, const char *s);

static const char *email_at(const void *r, size_t i) { return iv_contact_email_at(r, i); }
static const char *tag_at(const void *r, size_t i) { return iv_contact_tag_at(r, i); }
static const char *question_at(const void *r, size_t i) { return iv_interview_question_at(r, i); }
static const char *answer_at(const void *r, size_t i) { return iv_interview_answer_at(r, i); }
static const char *advice_at(const void *r, size_t i) { return iv_interview_advice_at(r, i); }
static const char *resource_at(const void *r, size_t i) { return iv_interview_resource_at(r, i); }

/*
 * The items of a list joined with newlines into `buf`, leaving out NULL
 * ones (unanswered questions); NULL when none is left.
 */
static int join(const char **out, struct sq_buf *buf, const void *r, size_t n, text_at at)
{
	size_t i, len = 0, k;
	char *p;

	*out = NULL;
	for (i = 0; i < n; i++)
		len += at(r, i) ? strlen(at(r, i)) + 1 : 0;
	if (len == 0)
		return 0;
	if (!(p = reserve(buf, len)))
		return iv__sq_oom();
	for (i = 0; i < n; i++) {
		if (!at(r, i))
			continue;
		k = strlen(at(r, i));
		memcpy(p, at(r, i), k);
		p += k;
		*p++ = '\n';
	}
	p[-1] = '\0';
	*out = buf->p;
	return 0;
}

/* --- Binding parameters ------------------------------------------------- */

static void put_rc(struct sq_put *p, int rc)
{
	if (rc != SQLITE_OK && p->rc == SQLITE_OK)
		p->rc = rc;
	p->n++;
}

void iv__sq_put_text(struct sq_put *p, const char *s)
{
	if (!s)
		put_rc(p, sqlite3_bind_null(p->st, p->n));
	else
		put_rc(p, sqlite3_bind_text(p->st, p->n, s, -1, p->transient ? SQLITE_TRANSIENT : SQLITE_STATIC));
}

void iv__sq_put_int(struct sq_put *p, sqlite3_int64 v)
{
	put_rc(p, sqlite3_bind_int64(p->st, p->n, v));
}

/* The value of a hex digit, or -1. */
/* The value of each hex digit plus one, 0 for any other byte. */
static const unsigned char hex_plus_one[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* Where the 16 bytes' digit pairs start in the text form. */
static const unsigned char pair_at[16] = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };

static int uuid_bytes(unsigned char out[16], const char *id)
{
	const unsigned char *t = (const unsigned char *)id;
	int k, hi, lo;

	/* In order, so that a shorter string fails at its end, never reading past it. */
	for (k = 0; k < 16; k++) {
		if ((k == 4 || k == 6 || k == 8 || k == 10) && t[pair_at[k] - 1] != '-')
			return -1;
		if (!(hi = hex_plus_one[t[pair_at[k]]]) || !(lo = hex_plus_one[t[pair_at[k] + 1]]))
			return -1;
		out[k] = (unsigned char)((hi - 1) << 4 | (lo - 1));
	}
	return t[IV_ID_LEN] == '\0' ? 0 : -1;
}

/*
 * Ids are stored as their 16 bytes: smaller keys, faster joins. Binds `id`;
 * a malformed one is reported as `shown`, which outlives the call.
 */
static void put_uuid(struct sq_put *p, const char *id, const char *shown)
{
	unsigned char *u;

	if (!id) {
		put_rc(p, sqlite3_bind_null(p->st, p->n));
	} else if (p->nuuid == (int)(sizeof(p->uuid) / sizeof(p->uuid[0])) ||
		   uuid_bytes((u = p->uuid[p->nuuid]), id) < 0) {
		p->bad_id = shown;
		p->n++;
	} else {
		p->nuuid++;
		put_rc(p, sqlite3_bind_blob(p->st, p->n, u, 16, SQLITE_STATIC));
	}
}

void iv__sq_put_uuid(struct sq_put *p, const char *id)
{
	put_uuid(p, id, id);
}

/* Ids are compared as their 16 bytes, in the order of their hex digits. */
void iv__sq_put_uuid_range(struct sq_put *p, const char *prefix)
{
	static const char pad[2] = { '0', 'f' };
	char id[IV_ID_LEN + 1];
	size_t n = strlen(prefix), i;
	int end;

	for (end = 0; end < 2; end++) {
		for (i = 0; i < IV_ID_LEN; i++)
			id[i] = i < n ? prefix[i] : (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : pad[end];
		id[IV_ID_LEN] = '\0';
		put_uuid(p, id, prefix);
	}
}

int iv__sq_put_check(struct sq *b, const struct sq_put *p, const char *action, const char *kind, const char *id)
{
	if (p->bad_id)
		return iv__sq_error(IV_EINVALID, "sqlite: %s %s: '%.40s' is not a UUID", action,
				    kind ? kind : "record", p->bad_id);
	if (p->rc != SQLITE_OK)
		return iv__sq_fail(b, p->rc, action, kind, id);
	return 0;
}

/* --- Reading columns ---------------------------------------------------- */

static const char *get_text(struct sq_get *g)
{
	return (const char *)sqlite3_column_text(g->st, g->n++);
}

static sqlite3_int64 get_int(struct sq_get *g)
{
	return sqlite3_column_int64(g->st, g->n++);
}

const char *iv__sq_uuid_text(char out[IV_ID_LEN + 1], sqlite3_stmt *st, int col)
{
	const unsigned char *u = sqlite3_column_blob(st, col);

	if (!u)
		return NULL;
	if (sqlite3_column_bytes(st, col) != 16)
		return "(damaged id)";
	iv__id_format(out, u);
	return out;
}

static const char *get_uuid(struct sq_get *g)
{
	return iv__sq_uuid_text(g->uuid, g->st, g->n++);
}

/*
 * Loading a row straight into a record (records.h): what was stored passed
 * the setters, so it is copied, not checked field by field again. A value
 * no setter could have given (an id that is not 16 bytes, an enumeration
 * out of range) is a damaged store.
 */
static int damaged(const struct sq_get *g, const char *what)
{
	return iv__sq_error(IV_ESTORAGE, "the store is damaged: column %d of the %s holds %s", g->n, g->kind, what);
}

static int take_text(char **dst, struct sq_get *g)
{
	const char *s = (const char *)sqlite3_column_text(g->st, g->n);
	size_t n = (size_t)sqlite3_column_bytes(g->st, g->n++);

	if (!s)
		return 0;
	if (!(*dst = malloc(n + 1)))
		return iv__sq_oom();
	memcpy(*dst, s, n + 1);
	return 0;
}

static int take_uuid(char **dst, struct sq_get *g)
{
	const unsigned char *u = sqlite3_column_blob(g->st, g->n);
	char *out;

	if (!u) {
		g->n++;
		return 0;
	}
	if (sqlite3_column_bytes(g->st, g->n) != 16)
		return damaged(g, "an id that is not 16 bytes");
	g->n++;
	if (!(*dst = out = malloc(IV_ID_LEN + 1)))
		return iv__sq_oom();
	iv__id_format(out, u);
	return 0;
}

static int take_enum(int *dst, struct sq_get *g, int first, int last)
{
	sqlite3_int64 v = sqlite3_column_int64(g->st, g->n);

	if (v < first || v > last)
		return damaged(g, "a value out of range");
	g->n++;
	*dst = (int)v;
	return 0;
}

/* The newline-joined items of the next column, each given to `add` (which checks it). */
static int take_list(struct sq *b, struct sq_get *g, void *r, text_add add)
{
	const char *s = (const char *)sqlite3_column_text(g->st, g->n);
	size_t n = (size_t)sqlite3_column_bytes(g->st, g->n++);
	char *p, *item, *nl;
	int rc = 0;

	if (!s)
		return 0;
	if (!(p = reserve(&b->scratch[0], n + 1)))
		return iv__sq_oom();
	memcpy(p, s, n + 1);
	for (item = p; rc == 0 && item; item = nl ? nl + 1 : NULL) {
		if ((nl = strchr(item, '\n')))
			*nl = '\0';
		rc = add(r, item);
	}
	return rc;
}

/* --- Child tables ------------------------------------------------------ */

/* Runs a statement whose only parameter is a row id (deleting children). */
static int run_for(struct sq *b, int idx, const struct sq_owner *o)
{
	struct sq_put p = { 0 };
	int rc;

	if ((rc = iv__sq_start(&p, b, idx)) < 0)
		return rc;
	iv__sq_put_int(&p, o->row);
	return iv__sq_step_done(b, &p, "replacing the lists of", o->kind, o->id);
}

/*
 * Writes a list of `r` as rows of a child table. Every such statement takes
 * ?1 the owner's row id, ?2 a kind of item, ?3 the position, ?4 the text
 * and ?5 a second text, using those it needs.
 */
static int write_list(struct sq *b, int idx, const struct sq_owner *o, int kind, const void *r, size_t n,
		      text_at text, text_at second)
{
	struct sq_put p = { 0 };
	size_t i;
	int rc;

	if ((rc = iv__sq_start(&p, b, idx)) < 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		p.n = 1;
		iv__sq_put_int(&p, o->row);
		iv__sq_put_int(&p, kind);
		iv__sq_put_int(&p, (sqlite3_int64)i);
		iv__sq_put_text(&p, text(r, i));
		if (second)
			iv__sq_put_text(&p, second(r, i));
		rc = iv__sq_step_done(b, &p, "writing the lists of", o->kind, o->id);
	}
	return rc;
}

typedef int (*row_cb)(void *r, sqlite3_stmt *st);

/* Reads the child rows of `o`, passing each to `row`. */
static int each_row(struct sq *b, int idx, const struct sq_owner *o, void *r, row_cb row)
{
	struct sq_put p = { 0 };
	int rc;

	if ((rc = iv__sq_start(&p, b, idx)) < 0)
		return rc;
	iv__sq_put_int(&p, o->row);
	while ((rc = iv__sq_step(b, &p, "reading the lists of", o->kind, o->id)) > 0 &&
	       (rc = row(r, p.st)) == 0)
		;
	iv__sq_release(p.st);
	return rc;
}

/* --- Record kinds ------------------------------------------------------- */

/* Contacts. */

static const struct sq_column contact_columns[] = {
	{ "name", NULL, 0, NULL }, { "phone", NULL, 0, NULL }, { "company", NULL, 0, NULL }, { "title", NULL, 0, NULL },
	{ "location", NULL, 0, NULL }, { "url", NULL, 0, NULL }, { "notes", NULL, 0, NULL }, { "known", NULL, 0, NULL },
	{ "cadence_days", NULL, 0, NULL }, { "last_interaction", NULL, 0, NULL }, { "emails", NULL, 0, NULL },
	{ "tags", NULL, 0, NULL }, { "created", NULL, 0, NULL }, { "updated", NULL, 0, NULL }, { "num", NULL, 0, NULL },
};

static const char *const contact_filters[] = {
	"r.company = ?1 COLLATE NOCASE",
	"r.id IN (SELECT contact_id FROM contact_tag WHERE tag = ?2)",
	"r.name = ?3 COLLATE NOCASE",
	"r.id IN (SELECT contact_id FROM contact_email WHERE email = ?4)",
	"r.num = ?5",
	"r.uuid BETWEEN ?6 AND ?7",
	"r.url = ?8 COLLATE NOCASE",
};

static int contact_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_contact *c = r;
	const char *emails, *tags;
	int rc;

	if ((rc = join(&emails, &b->scratch[0], c, iv_contact_email_count(c), email_at)) < 0 ||
	    (rc = join(&tags, &b->scratch[1], c, iv_contact_tag_count(c), tag_at)) < 0)
		return rc;
	iv__sq_put_text(p, iv_contact_name(c));
	iv__sq_put_text(p, iv_contact_phone(c));
	iv__sq_put_text(p, iv_contact_company(c));
	iv__sq_put_text(p, iv_contact_title(c));
	iv__sq_put_text(p, iv_contact_location(c));
	iv__sq_put_text(p, iv_contact_url(c));
	iv__sq_put_text(p, iv_contact_notes(c));
	iv__sq_put_int(p, iv_contact_known(c));
	iv__sq_put_int(p, iv_contact_cadence_days(c));
	iv__sq_put_int(p, iv_contact_last_interaction(c));
	iv__sq_put_text(p, emails);
	iv__sq_put_text(p, tags);
	iv__sq_put_int(p, iv_contact_created(c));
	iv__sq_put_int(p, iv_contact_updated(c));
	iv__sq_put_int(p, iv_contact_number(c));
	return 0;
}

static int contact_build(void **out, struct sq *b, struct sq_get *g)
{
	iv_contact *c;
	int rc;

	if ((rc = iv_contact_new(&c)) < 0)
		return rc;
	if ((rc = take_uuid(&c->text.items[IV__C_ID], g)) < 0 ||
	    (rc = iv_contact_set_name(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_phone(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_company(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_title(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_location(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_url(c, get_text(g))) < 0 ||
	    (rc = iv_contact_set_notes(c, get_text(g))) < 0 ||
	    (rc = take_enum(&c->known, g, IV_KNOWN_DIRECT, IV_KNOWN_COLD)) < 0 ||
	    (rc = iv_contact_set_cadence_days(c, (int)get_int(g))) < 0) {
		iv_contact_free(c);
		return rc;
	}
	c->last_interaction = get_int(g);
	if ((rc = take_list(b, g, c, add_email)) < 0 || (rc = take_list(b, g, c, add_tag)) < 0) {
		iv_contact_free(c);
		return rc;
	}
	c->created = get_int(g);
	c->updated = get_int(g);
	c->number = get_int(g);
	*out = c;
	return 0;
}

static void contact_args(struct sq_arg *a, const void *filter)
{
	const iv_contact_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_TEXT, f->company, 0 };
	a[1] = (struct sq_arg){ SQ_ARG_TEXT, f->tag, 0 };
	a[2] = (struct sq_arg){ SQ_ARG_TEXT, f->name, 0 };
	a[3] = (struct sq_arg){ SQ_ARG_TEXT, f->email, 0 };
	a[4] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[5] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
	a[6] = (struct sq_arg){ SQ_ARG_TEXT, f->url, 0 };
}

static int contact_has_children(const void *r)
{
	return iv_contact_tag_count(r) > 0 || iv_contact_email_count(r) > 0;
}

static int contact_children(struct sq *b, const struct sq_owner *o, const void *r, int replace)
{
	const iv_contact *c = r;
	int rc = 0;

	/* The tags and e-mails tables index the contact's own lists for the filters. */
	if (replace && ((rc = run_for(b, SQ_TAG_DELETE, o)) < 0 || (rc = run_for(b, SQ_EMAIL_DELETE, o)) < 0))
		return rc;
	if ((rc = write_list(b, SQ_TAG_INSERT, o, 0, c, iv_contact_tag_count(c), tag_at, NULL)) < 0)
		return rc;
	return write_list(b, SQ_EMAIL_INSERT, o, 0, c, iv_contact_email_count(c), email_at, NULL);
}

/* Introductions. */

static const struct sq_column intro_columns[] = {
	{ "introducer", "contact", 0, NULL }, { "introduced", "contact", 0, NULL }, { "channel", NULL, 0, NULL },
	{ "status", NULL, 0, NULL }, { "requested_at", NULL, 0, NULL }, { "made_at", NULL, 0, NULL },
	{ "note", NULL, 0, NULL }, { "created", NULL, 0, NULL }, { "updated", NULL, 0, NULL }, { "num", NULL, 0, NULL },
};

static const char *const intro_filters[] = {
	"r.introducer = (SELECT id FROM contact WHERE uuid = ?1)",
	"r.introduced = (SELECT id FROM contact WHERE uuid = ?2)",
	"r.status = ?3",
	"r.num = ?4",
	"r.uuid BETWEEN ?5 AND ?6",
};

static int intro_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_intro *in = r;

	(void)b;
	iv__sq_put_uuid(p, iv_intro_introducer(in));
	iv__sq_put_uuid(p, iv_intro_introduced(in));
	iv__sq_put_int(p, iv_intro_channel(in));
	iv__sq_put_int(p, iv_intro_status(in));
	iv__sq_put_int(p, iv_intro_requested_at(in));
	iv__sq_put_int(p, iv_intro_made_at(in));
	iv__sq_put_text(p, iv_intro_note(in));
	iv__sq_put_int(p, iv_intro_created(in));
	iv__sq_put_int(p, iv_intro_updated(in));
	iv__sq_put_int(p, iv_intro_number(in));
	return 0;
}

static int intro_build(void **out, struct sq *b, struct sq_get *g)
{
	iv_intro *in;
	iv_time created, updated;
	int rc;

	(void)b;
	if ((rc = iv_intro_new(&in)) < 0)
		return rc;
	if ((rc = iv_intro_set_id(in, get_uuid(g))) < 0 ||
	    (rc = iv_intro_set_introducer(in, get_uuid(g))) < 0 ||
	    (rc = iv_intro_set_introduced(in, get_uuid(g))) < 0 ||
	    (rc = iv_intro_set_channel(in, (int)get_int(g))) < 0 ||
	    (rc = iv_intro_set_status(in, (int)get_int(g))) < 0 ||
	    (rc = iv_intro_set_requested_at(in, get_int(g))) < 0 ||
	    (rc = iv_intro_set_made_at(in, get_int(g))) < 0 ||
	    (rc = iv_intro_set_note(in, get_text(g))) < 0) {
		iv_intro_free(in);
		return rc;
	}
	created = get_int(g);
	updated = get_int(g);
	iv_intro_set_times(in, created, updated);
	if ((rc = iv_intro_set_number(in, get_int(g))) < 0) {
		iv_intro_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

static void intro_args(struct sq_arg *a, const void *filter)
{
	const iv_intro_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_UUID, f->introducer, 0 };
	a[1] = (struct sq_arg){ SQ_ARG_UUID, f->introduced, 0 };
	a[2] = (struct sq_arg){ SQ_ARG_INT, NULL, f->status };
	a[3] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[4] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
}

/* Interviews, with their questions, advice and resources in child tables. */

enum { ITEM_ADVICE = 1, ITEM_RESOURCE = 2 };

static const struct sq_column interview_columns[] = {
	{ "contact", "contact", 0, NULL }, { "intro", "intro", 1, NULL }, { "purpose", NULL, 0, NULL },
	{ "notes", NULL, 0, NULL }, { "medium", NULL, 0, NULL }, { "scheduled_at", NULL, 0, NULL },
	{ "minutes", NULL, 0, NULL }, { "status", NULL, 0, NULL },
	/* when it entered each status, in the order of their values */
	{ "t_planned", NULL, 0, NULL }, { "t_requested", NULL, 0, NULL }, { "t_scheduled", NULL, 0, NULL },
	{ "t_completed", NULL, 0, NULL }, { "t_declined", NULL, 0, NULL }, { "t_no_response", NULL, 0, NULL },
	{ "t_cancelled", NULL, 0, NULL }, { "created", NULL, 0, NULL }, { "updated", NULL, 0, NULL }, { "num", NULL, 0, NULL },
};

static const char *const interview_filters[] = {
	"r.contact = (SELECT id FROM contact WHERE uuid = ?1)",
	"r.status = ?2",
	"r.intro = (SELECT id FROM intro WHERE uuid = ?3)",
	"r.num = ?4",
	"r.uuid BETWEEN ?5 AND ?6",
};

static int interview_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_interview *iv = r;
	int s;

	(void)b;
	iv__sq_put_uuid(p, iv_interview_contact(iv));
	iv__sq_put_uuid(p, iv_interview_intro(iv));
	iv__sq_put_text(p, iv_interview_purpose(iv));
	iv__sq_put_text(p, iv_interview_notes(iv));
	iv__sq_put_int(p, iv_interview_medium(iv));
	iv__sq_put_int(p, iv_interview_scheduled_at(iv));
	iv__sq_put_int(p, iv_interview_minutes(iv));
	iv__sq_put_int(p, iv_interview_status(iv));
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		iv__sq_put_int(p, iv_interview_status_at(iv, s));
	iv__sq_put_int(p, iv_interview_created(iv));
	iv__sq_put_int(p, iv_interview_updated(iv));
	iv__sq_put_int(p, iv_interview_number(iv));
	return 0;
}

static int question_row(void *r, sqlite3_stmt *st)
{
	iv_interview *iv = r;
	size_t i = iv_interview_question_count(iv);
	const char *answer = (const char *)sqlite3_column_text(st, 1);
	int rc = iv_interview_add_question(iv, (const char *)sqlite3_column_text(st, 0));

	return rc < 0 || !answer ? rc : iv_interview_set_answer(iv, i, answer);
}

static int item_row(void *r, sqlite3_stmt *st)
{
	const char *text = (const char *)sqlite3_column_text(st, 1);

	switch (sqlite3_column_int(st, 0)) {
	case ITEM_ADVICE:
		return iv_interview_add_advice(r, text);
	case ITEM_RESOURCE:
		return iv_interview_add_resource(r, text);
	default:
		return iv__sq_error(IV_ESTORAGE, "sqlite: unknown kind of interview item %d", sqlite3_column_int(st, 0));
	}
}

static int interview_build(void **out, struct sq *b, struct sq_get *g)
{
	struct sq_owner o = { sqlite3_column_int64(g->st, 0), "interview", NULL };
	iv_interview *iv;
	iv_time created, updated;
	int s, rc;

	if ((rc = iv_interview_new(&iv)) < 0)
		return rc;
	if ((rc = iv_interview_set_id(iv, get_uuid(g))) < 0 ||
	    (rc = iv_interview_set_contact(iv, get_uuid(g))) < 0 ||
	    (rc = iv_interview_set_intro(iv, get_uuid(g))) < 0 ||
	    (rc = iv_interview_set_purpose(iv, get_text(g))) < 0 ||
	    (rc = iv_interview_set_notes(iv, get_text(g))) < 0 ||
	    (rc = iv_interview_set_medium(iv, (int)get_int(g))) < 0 ||
	    (rc = iv_interview_set_scheduled_at(iv, get_int(g))) < 0 ||
	    (rc = iv_interview_set_minutes(iv, (int)get_int(g))) < 0 ||
	    (rc = iv_interview_set_status(iv, (int)get_int(g))) < 0)
		goto fail;
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		if ((rc = iv_interview_set_status_at(iv, s, get_int(g))) < 0)
			goto fail;
	o.id = iv_interview_id(iv);
	if ((rc = each_row(b, SQ_QUESTION_SELECT, &o, iv, question_row)) < 0 ||
	    (rc = each_row(b, SQ_ITEM_SELECT, &o, iv, item_row)) < 0)
		goto fail;
	created = get_int(g);
	updated = get_int(g);
	iv_interview_set_times(iv, created, updated);
	if ((rc = iv_interview_set_number(iv, get_int(g))) < 0)
		goto fail;
	*out = iv;
	return 0;
fail:
	iv_interview_free(iv);
	return rc;
}

static void interview_args(struct sq_arg *a, const void *filter)
{
	const iv_interview_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_UUID, f->contact, 0 };
	a[1] = (struct sq_arg){ SQ_ARG_INT, NULL, f->status };
	a[2] = (struct sq_arg){ SQ_ARG_UUID, f->intro, 0 };
	a[3] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[4] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
}

/*
 * Replaces the interview's row in the search index with its text as it is
 * now; in the savepoint of the interview's write, so it rolls back with it.
 */
static int interview_index(struct sq *b, const struct sq_owner *o, const iv_interview *iv)
{
	const char *answers, *advice, *resources;
	struct sq_put p = { 0 };
	int rc;

	if ((rc = join(&answers, &b->scratch[0], iv, iv_interview_question_count(iv), answer_at)) < 0 ||
	    (rc = join(&advice, &b->scratch[1], iv, iv_interview_advice_count(iv), advice_at)) < 0 ||
	    (rc = join(&resources, &b->scratch[2], iv, iv_interview_resource_count(iv), resource_at)) < 0 ||
	    (rc = iv__sq_start(&p, b, SQ_INTERVIEW_FTS_WRITE)) < 0)
		return rc;
	iv__sq_put_int(&p, o->row);
	iv__sq_put_text(&p, iv_interview_purpose(iv));
	iv__sq_put_text(&p, iv_interview_notes(iv));
	iv__sq_put_text(&p, answers);
	iv__sq_put_text(&p, advice);
	iv__sq_put_text(&p, resources);
	return iv__sq_step_done(b, &p, "indexing", o->kind, o->id);
}

static int interview_children(struct sq *b, const struct sq_owner *o, const void *r, int replace)
{
	const iv_interview *iv = r;
	int rc = 0;

	if (replace && ((rc = run_for(b, SQ_QUESTION_DELETE, o)) < 0 || (rc = run_for(b, SQ_ITEM_DELETE, o)) < 0))
		return rc;
	if ((rc = write_list(b, SQ_QUESTION_INSERT, o, 0, iv, iv_interview_question_count(iv),
			     question_at, answer_at)) < 0 ||
	    (rc = write_list(b, SQ_ITEM_INSERT, o, ITEM_ADVICE, iv, iv_interview_advice_count(iv),
			     advice_at, NULL)) < 0 ||
	    (rc = write_list(b, SQ_ITEM_INSERT, o, ITEM_RESOURCE, iv, iv_interview_resource_count(iv),
			     resource_at, NULL)) < 0)
		return rc;
	return interview_index(b, o, iv);
}

/* Follow-ups. */

static const struct sq_column followup_columns[] = {
	/* The contact's uuid from the row the name is joined from (below). */
	{ "contact", "contact", 0, "fc.uuid" }, { "interview", "interview", 1, NULL }, { "kind", NULL, 0, NULL },
	{ "status", NULL, 0, NULL }, { "earliest", NULL, 0, NULL }, { "due", NULL, 0, NULL },
	{ "closed_at", NULL, 0, NULL }, { "note", NULL, 0, NULL }, { "draft", NULL, 0, NULL },
	{ "rule", NULL, 0, NULL }, { "created", NULL, 0, NULL }, { "updated", NULL, 0, NULL },
	{ "num", NULL, 0, NULL },
};

/*
 * Pending and earliest <= now, the agenda, is a range of the (status,
 * earliest) index: it reads what is due, then sorts that by due time.
 * Pending alone runs down the (status, due) index in order: no sort.
 */
static const char *const followup_filters[] = {
	"r.status = ?1",
	"r.due <= ?2",
	"r.contact = (SELECT id FROM contact WHERE uuid = ?3)",
	"r.interview = (SELECT id FROM interview WHERE uuid = ?4)",
	"r.rule = ?5",
	"r.earliest <= ?6",
	"r.num = ?7",
	"r.uuid BETWEEN ?8 AND ?9",
};

static int followup_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_followup *fu = r;

	(void)b;
	iv__sq_put_uuid(p, iv_followup_contact(fu));
	iv__sq_put_uuid(p, iv_followup_interview(fu));
	iv__sq_put_int(p, iv_followup_kind(fu));
	iv__sq_put_int(p, iv_followup_status(fu));
	iv__sq_put_int(p, iv_followup_earliest(fu));
	iv__sq_put_int(p, iv_followup_due(fu));
	iv__sq_put_int(p, iv_followup_closed_at(fu));
	iv__sq_put_text(p, iv_followup_note(fu));
	iv__sq_put_text(p, iv_followup_draft(fu));
	iv__sq_put_text(p, iv_followup_rule(fu));
	iv__sq_put_int(p, iv_followup_created(fu));
	iv__sq_put_int(p, iv_followup_updated(fu));
	iv__sq_put_int(p, iv_followup_number(fu));
	return 0;
}

static int followup_build(void **out, struct sq *b, struct sq_get *g)
{
	iv_followup *fu;
	int rc;

	(void)b;
	if ((rc = iv_followup_new(&fu)) < 0)
		return rc;
	if ((rc = take_uuid(&fu->text.items[IV__F_ID], g)) < 0 ||
	    (rc = take_uuid(&fu->text.items[IV__F_CONTACT], g)) < 0 ||
	    (rc = take_uuid(&fu->text.items[IV__F_INTERVIEW], g)) < 0 ||
	    (rc = take_enum(&fu->kind, g, IV_FOLLOWUP_THANK_YOU, IV_FOLLOWUP_CUSTOM)) < 0 ||
	    (rc = take_enum(&fu->status, g, IV_FOLLOWUP_PENDING, IV_FOLLOWUP_CANCELLED)) < 0) {
		iv_followup_free(fu);
		return rc;
	}
	fu->earliest = get_int(g);
	fu->due = get_int(g);
	fu->closed_at = get_int(g);
	if ((rc = iv_followup_set_note(fu, get_text(g))) < 0 ||
	    (rc = iv_followup_set_draft(fu, get_text(g))) < 0 ||
	    (rc = iv_followup_set_rule(fu, get_text(g))) < 0) {
		iv_followup_free(fu);
		return rc;
	}
	fu->created = get_int(g);
	fu->updated = get_int(g);
	fu->number = get_int(g);
	/* Read with it from the contact's row, where the setters checked it. */
	if ((rc = take_text(&fu->text.items[IV__F_CONTACT_NAME], g)) < 0) {
		iv_followup_free(fu);
		return rc;
	}
	*out = fu;
	return 0;
}

static void followup_args(struct sq_arg *a, const void *filter)
{
	const iv_followup_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_INT, NULL, f->status };
	a[1] = (struct sq_arg){ SQ_ARG_INT, NULL, f->due_before };
	a[2] = (struct sq_arg){ SQ_ARG_UUID, f->contact, 0 };
	a[3] = (struct sq_arg){ SQ_ARG_UUID, f->interview, 0 };
	a[4] = (struct sq_arg){ SQ_ARG_TEXT, f->rule, 0 };
	a[5] = (struct sq_arg){ SQ_ARG_INT, NULL, f->earliest_before };
	a[6] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[7] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
}

/* Notes. */

static const struct sq_column note_columns[] = {
	{ "contact", "contact", 0, NULL }, { "at", NULL, 0, NULL }, { "text", NULL, 0, NULL }, { "created", NULL, 0, NULL },
	{ "num", NULL, 0, NULL },
};

static const char *const note_filters[] = {
	"r.contact = (SELECT id FROM contact WHERE uuid = ?1)",
	"r.num = ?2",
	"r.uuid BETWEEN ?3 AND ?4",
};

static int note_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_note *n = r;

	(void)b;
	iv__sq_put_uuid(p, iv_note_contact(n));
	iv__sq_put_int(p, iv_note_at(n));
	iv__sq_put_text(p, iv_note_text(n));
	iv__sq_put_int(p, iv_note_created(n));
	iv__sq_put_int(p, iv_note_number(n));
	return 0;
}

static int note_build(void **out, struct sq *b, struct sq_get *g)
{
	iv_note *n;
	int rc;

	(void)b;
	if ((rc = iv_note_new(&n)) < 0)
		return rc;
	if ((rc = iv_note_set_id(n, get_uuid(g))) < 0 ||
	    (rc = iv_note_set_contact(n, get_uuid(g))) < 0 ||
	    (rc = iv_note_set_at(n, get_int(g))) < 0 ||
	    (rc = iv_note_set_text(n, get_text(g))) < 0) {
		iv_note_free(n);
		return rc;
	}
	iv_note_set_created(n, get_int(g));
	if ((rc = iv_note_set_number(n, get_int(g))) < 0) {
		iv_note_free(n);
		return rc;
	}
	*out = n;
	return 0;
}

static void note_args(struct sq_arg *a, const void *filter)
{
	const iv_note_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_UUID, f->contact, 0 };
	a[1] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[2] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
}

/* Targets: the aliases joined with newlines, and indexed in target_alias for the name filter. */

static int add_alias(void *r, const char *s) { return iv_target_add_alias(r, s); }
static const char *alias_at(const void *r, size_t i) { return iv_target_alias_at(r, i); }

static const struct sq_column target_columns[] = {
	{ "name", NULL, 0, NULL }, { "motivation", NULL, 0, NULL }, { "posting", NULL, 0, NULL },
	{ "rank", NULL, 0, NULL }, { "note", NULL, 0, NULL }, { "aliases", NULL, 0, NULL },
	{ "created", NULL, 0, NULL }, { "updated", NULL, 0, NULL }, { "num", NULL, 0, NULL },
};

static const char *const target_filters[] = {
	"(r.name = ?1 COLLATE NOCASE OR r.id IN (SELECT target_id FROM target_alias WHERE alias = ?1))",
	"r.num = ?2",
	"r.uuid BETWEEN ?3 AND ?4",
};

static int target_bind(struct sq *b, struct sq_put *p, const void *r)
{
	const iv_target *t = r;
	const char *aliases;
	int rc;

	if ((rc = join(&aliases, &b->scratch[0], t, iv_target_alias_count(t), alias_at)) < 0)
		return rc;
	iv__sq_put_text(p, iv_target_name(t));
	iv__sq_put_int(p, iv_target_motivation(t));
	iv__sq_put_int(p, iv_target_posting(t));
	iv__sq_put_int(p, iv_target_rank(t));
	iv__sq_put_text(p, iv_target_note(t));
	iv__sq_put_text(p, aliases);
	iv__sq_put_int(p, iv_target_created(t));
	iv__sq_put_int(p, iv_target_updated(t));
	iv__sq_put_int(p, iv_target_number(t));
	return 0;
}

static int target_build(void **out, struct sq *b, struct sq_get *g)
{
	iv_target *t;
	iv_time created;
	int rc;

	if ((rc = iv_target_new(&t)) < 0)
		return rc;
	if ((rc = iv_target_set_id(t, get_uuid(g))) < 0 ||
	    (rc = iv_target_set_name(t, get_text(g))) < 0 ||
	    (rc = iv_target_set_motivation(t, (int)get_int(g))) < 0 ||
	    (rc = iv_target_set_posting(t, (int)get_int(g))) < 0 ||
	    (rc = iv_target_set_rank(t, (int)get_int(g))) < 0 ||
	    (rc = iv_target_set_note(t, get_text(g))) < 0 ||
	    (rc = take_list(b, g, t, add_alias)) < 0) {
		iv_target_free(t);
		return rc;
	}
	created = get_int(g);
	iv_target_set_times(t, created, get_int(g));
	if ((rc = iv_target_set_number(t, get_int(g))) < 0) {
		iv_target_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static void target_args(struct sq_arg *a, const void *filter)
{
	const iv_target_filter *f = filter;

	a[0] = (struct sq_arg){ SQ_ARG_TEXT, f->name, 0 };
	a[1] = (struct sq_arg){ SQ_ARG_INT, NULL, f->number };
	a[2] = (struct sq_arg){ SQ_ARG_PREFIX, f->id_prefix, 0 };
}

static int target_has_children(const void *r)
{
	return iv_target_alias_count(r) > 0;
}

static int target_children(struct sq *b, const struct sq_owner *o, const void *r, int replace)
{
	const iv_target *t = r;
	int rc;

	if (replace && (rc = run_for(b, SQ_ALIAS_DELETE, o)) < 0)
		return rc;
	return write_list(b, SQ_ALIAS_INSERT, o, 0, t, iv_target_alias_count(t), alias_at, NULL);
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct sq_kind iv__sq_kinds[SQ_KIND_COUNT] = {
	[SQ_CONTACT] = { SQ_CONTACT, "contact", contact_columns, COUNT(contact_columns),
		contact_filters, COUNT(contact_filters), 0x7c, SQ_LISTS_CONTACT, "r.name COLLATE NOCASE, r.uuid",
		contact_bind, contact_build, contact_args, contact_children, NULL, NULL, contact_has_children },
	[SQ_INTRO] = { SQ_INTRO, "intro", intro_columns, COUNT(intro_columns),
		intro_filters, COUNT(intro_filters), 0x1b, SQ_LISTS_INTRO, "r.created, r.uuid",
		intro_bind, intro_build, intro_args, NULL, NULL, NULL, NULL },
	[SQ_INTERVIEW] = { SQ_INTERVIEW, "interview", interview_columns, COUNT(interview_columns),
		interview_filters, COUNT(interview_filters), 0x1d, SQ_LISTS_INTERVIEW, "r.created, r.uuid",
		interview_bind, interview_build, interview_args, interview_children, NULL, NULL, NULL },
	[SQ_FOLLOWUP] = { SQ_FOLLOWUP, "followup", followup_columns, COUNT(followup_columns),
		followup_filters, COUNT(followup_filters), 0xdc, SQ_LISTS_FOLLOWUP, "r.due, r.uuid",
		followup_bind, followup_build, followup_args, NULL,
		/* The contact's name: a list with names is one query (iv_followup_contact_name()). */
		", fc.name", " LEFT JOIN contact fc ON fc.id = r.contact", NULL },
	[SQ_NOTE] = { SQ_NOTE, "note", note_columns, COUNT(note_columns),
		note_filters, COUNT(note_filters), 0x7, SQ_LISTS_NOTE, "r.at, r.uuid",
		note_bind, note_build, note_args, NULL, NULL, NULL, NULL },
	[SQ_TARGET] = { SQ_TARGET, "target", target_columns, COUNT(target_columns),
		target_filters, COUNT(target_filters), 0x7, SQ_LISTS_TARGET, "r.name COLLATE NOCASE, r.uuid",
		target_bind, target_build, target_args, target_children, NULL, NULL, target_has_children },
};

