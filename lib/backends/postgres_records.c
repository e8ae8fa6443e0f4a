/*
 * The PostgreSQL backend: how each kind of record maps to its row. One
 * description per kind (struct pg_kind): its SELECT, INSERT, UPDATE and
 * DELETE, its filters, its order, and how its fields are bound and read,
 * side by side so that their column orders cannot drift apart.
 *
 * Every statement names its owner (owner = current_user) although row-level
 * security adds the same condition: the planner then uses the indexes, all
 * of which lead with owner. Ids are uuid, compared as their bytes: the order
 * of their lower-case text. Names, companies, URLs, e-mails and tags are
 * compared folded with infoview.fold() (A-Z to a-z only) in the "C"
 * collation (generated columns; for e-mails and tags the table of keys the
 * schema's trigger keeps): the ASCII case-insensitive order and equality
 * backend.h asks for, whatever the database's collation.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "postgres_internal.h"

/* --- The search index's words ------------------------------------------- */

static int grow(struct pg_buf *w, size_t more)
{
	size_t size = w->size ? w->size : 256;
	char *p;

	if (w->len + more + 1 <= w->size)
		return 0;
	while (size < w->len + more + 1)
		size *= 2;
	if (!(p = realloc(w->p, size)))
		return iv__pg_oom();
	w->p = p;
	w->size = size;
	return 0;
}

void iv__pg_words_reset(struct pg_buf *w)
{
	w->len = 0;
	if (w->p)
		w->p[0] = '\0';
}

static int is_word_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/*
 * Adds the words of `text` with `weight` to the tsvector text in `w`, split
 * as search.h says (and as the core's own search does): on every byte that
 * is not an ASCII letter or digit, bytes beyond ASCII belonging to words,
 * A-Z folded to a-z. Each is one quoted lexeme at position 1 with the
 * field's weight; PostgreSQL keeps a lexeme's highest weight. A word too
 * long for a lexeme (2 kB) cannot be typed as a query and is left out.
 */
int iv__pg_words_add(struct pg_buf *w, const char *text, char weight)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n, i;
	int rc;

	if (!text)
		return 0;
	while (*p) {
		if (!is_word_byte(*p)) {
			p++;
			continue;
		}
		for (n = 0; p[n] && is_word_byte(p[n]); n++)
			;
		if (n < 2000) {
			if ((rc = grow(w, n + 8)) < 0)
				return rc;
			w->p[w->len++] = '\'';
			for (i = 0; i < n; i++)
				w->p[w->len++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			w->len += (size_t)snprintf(w->p + w->len, w->size - w->len, "':1%c ", weight);
		}
		p += n;
	}
	if ((rc = grow(w, 0)) < 0)
		return rc;
	w->p[w->len] = '\0';
	return 0;
}

/* --- Reading ------------------------------------------------------------ */

/* Reads the columns of a row in order. */
struct get {
	const PGresult *res;
	int row, n;
};

static const char *get_text(struct get *g)
{
	return iv__pg_text(g->res, g->row, g->n++);
}

static int64_t get_int(struct get *g)
{
	return iv__pg_int(g->res, g->row, g->n++);
}

typedef int (*text_add)(void *r, const char *s);
static int add_email(void *r, const char *s) { return iv_contact_add_email(r, s); }
static int add_tag(void *r, const char *s) { return iv_contact_add_tag(r, s); }

/* The newline-joined items of the next column (e-mails, tags hold no newline). */
static int take_list(struct get *g, void *r, text_add add)
{
	const char *s = get_text(g);
	char *copy, *item, *nl;
	int rc = 0;

	if (!s || !*s)
		return 0;
	if (!(copy = strdup(s)))
		return iv__pg_oom();
	for (item = copy; rc == 0 && item; item = nl ? nl + 1 : NULL) {
		if ((nl = strchr(item, '\n')))
			*nl = '\0';
		rc = add(r, item);
	}
	free(copy);
	return rc;
}

/* --- Lists as JSON (an interview's questions, advice and resources) ------ */

typedef const char *(*text_at)(const void *r, size_t i);

static const char *question_at(const void *r, size_t i) { return iv_interview_question_at(r, i); }
static const char *answer_at(const void *r, size_t i) { return iv_interview_answer_at(r, i); }
static const char *advice_at(const void *r, size_t i) { return iv_interview_advice_at(r, i); }
static const char *resource_at(const void *r, size_t i) { return iv_interview_resource_at(r, i); }

/* The items as a JSON array: of strings, or of [text, second] pairs (second may be null). */
static char *json_list(const void *r, size_t n, text_at text, text_at second)
{
	json_t *a = json_array(), *item;
	char *out = NULL;
	size_t i;

	if (!a)
		return NULL;
	for (i = 0; i < n; i++) {
		item = json_string(text(r, i));
		if (item && second) {
			json_t *pair = json_array();

			if (pair && json_array_append_new(pair, item) == 0 &&
			    json_array_append_new(pair, second(r, i) ? json_string(second(r, i)) : json_null()) == 0)
				item = pair;
			else {
				json_decref(pair);
				item = NULL;
			}
		}
		if (!item || json_array_append_new(a, item) < 0)
			goto done;
	}
	out = json_dumps(a, JSON_COMPACT);
done:
	json_decref(a);
	return out;
}

static int damaged(const char *what)
{
	return iv__pg_error(IV_ESTORAGE, "the store is damaged: %s", what);
}

static int take_json(struct get *g, iv_interview *iv, int which)
{
	const char *s = get_text(g);
	json_t *a, *v;
	size_t i;
	int rc = 0;

	if (!s)
		return 0;
	if (!(a = json_loads(s, 0, NULL)) || !json_is_array(a)) {
		json_decref(a);
		return damaged("an interview's list is not a JSON array");
	}
	json_array_foreach(a, i, v) {
		if (which == 0) {
			json_t *q = json_array_get(v, 0), *ans = json_array_get(v, 1);

			if (!json_is_string(q)) {
				rc = damaged("an interview's question is not text");
			} else if ((rc = iv_interview_add_question(iv, json_string_value(q))) == 0 && json_is_string(ans)) {
				rc = iv_interview_set_answer(iv, iv_interview_question_count(iv) - 1, json_string_value(ans));
			}
		} else if (!json_is_string(v)) {
			rc = damaged("an interview's item is not text");
		} else {
			rc = which == 1 ? iv_interview_add_advice(iv, json_string_value(v))
					: iv_interview_add_resource(iv, json_string_value(v));
		}
		if (rc < 0)
			break;
	}
	json_decref(a);
	return rc;
}

/* --- Contacts ----------------------------------------------------------- */

static const char *const contact_filters[] = {
	"r.company_key = infoview.fold($#)",
	("r.id IN (SELECT k.contact FROM infoview.contact_key k WHERE k.owner = current_user AND k.kind = 2"
	 " AND k.key = infoview.fold($#))"),
	"r.name_key = infoview.fold($#)",
	("r.id IN (SELECT k.contact FROM infoview.contact_key k WHERE k.owner = current_user AND k.kind = 1"
	 " AND k.key = infoview.fold($#))"),
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
	"r.url_key = infoview.fold($#)",
};

/* Joined with newlines, which neither e-mails nor tags may hold. */
static char *joined(const iv_contact *c, size_t n, const char *(*at)(const iv_contact *, size_t))
{
	size_t len = 0, i, k;
	char *s, *p;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		len += strlen(at(c, i)) + 1;
	if (!(s = p = malloc(len)))
		return NULL;
	for (i = 0; i < n; i++) {
		k = strlen(at(c, i));
		memcpy(p, at(c, i), k);
		p += k;
		*p++ = '\n';
	}
	p[-1] = '\0';
	return s;
}

static int contact_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_contact *c = r;
	size_t i;
	int rc;

	iv__pg_words_reset(&b->words);
	if ((rc = iv__pg_words_add(&b->words, iv_contact_name(c), 'A')) < 0 ||
	    (rc = iv__pg_words_add(&b->words, iv_contact_company(c), 'B')) < 0 ||
	    (rc = iv__pg_words_add(&b->words, iv_contact_title(c), 'B')) < 0 ||
	    (rc = iv__pg_words_add(&b->words, iv_contact_notes(c), 'C')) < 0)
		return rc;
	for (i = 0; i < iv_contact_tag_count(c); i++)
		if ((rc = iv__pg_words_add(&b->words, iv_contact_tag_at(c, i), 'B')) < 0)
			return rc;
	iv__pg_put_text(a, iv_contact_id(c));
	iv__pg_put_int(a, iv_contact_number(c));
	iv__pg_put_text(a, iv_contact_name(c));
	iv__pg_put_text(a, iv_contact_phone(c));
	iv__pg_put_text(a, iv_contact_company(c));
	iv__pg_put_text(a, iv_contact_title(c));
	iv__pg_put_text(a, iv_contact_location(c));
	iv__pg_put_text(a, iv_contact_url(c));
	iv__pg_put_text(a, iv_contact_notes(c));
	iv__pg_put_int(a, iv_contact_known(c));
	iv__pg_put_int(a, iv_contact_cadence_days(c));
	iv__pg_put_int(a, iv_contact_last_interaction(c));
	iv__pg_put_owned(a, joined(c, iv_contact_email_count(c), iv_contact_email_at));
	if (iv_contact_email_count(c) && !a->v[a->n - 1])
		return iv__pg_oom();
	iv__pg_put_owned(a, joined(c, iv_contact_tag_count(c), iv_contact_tag_at));
	if (iv_contact_tag_count(c) && !a->v[a->n - 1])
		return iv__pg_oom();
	iv__pg_put_int(a, iv_contact_created(c));
	iv__pg_put_int(a, iv_contact_updated(c));
	iv__pg_put_text(a, b->words.p ? b->words.p : "");
	return a->rc;
}

static int contact_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_contact *c;
	iv_time created, updated;
	int rc;

	(void)b;
	if ((rc = iv_contact_new(&c)) < 0)
		return rc;
	if ((rc = iv_contact_set_id(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_number(c, get_int(&g))) < 0 ||
	    (rc = iv_contact_set_name(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_phone(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_company(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_title(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_location(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_url(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_notes(c, get_text(&g))) < 0 ||
	    (rc = iv_contact_set_known(c, (int)get_int(&g))) < 0 ||
	    (rc = iv_contact_set_cadence_days(c, (int)get_int(&g))) < 0 ||
	    (rc = iv_contact_set_last_interaction(c, get_int(&g))) < 0 ||
	    (rc = take_list(&g, c, add_email)) < 0 ||
	    (rc = take_list(&g, c, add_tag)) < 0) {
		iv_contact_free(c);
		return rc;
	}
	created = get_int(&g);
	updated = get_int(&g);
	iv_contact_set_times(c, created, updated);
	*out = c;
	return 0;
}

static void contact_args(struct pg_arg *a, const void *filter)
{
	const iv_contact_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_TEXT, f->company, 0 };
	a[1] = (struct pg_arg){ PG_ARG_TEXT, f->tag, 0 };
	a[2] = (struct pg_arg){ PG_ARG_TEXT, f->name, 0 };
	a[3] = (struct pg_arg){ PG_ARG_TEXT, f->email, 0 };
	a[4] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[5] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
	a[6] = (struct pg_arg){ PG_ARG_TEXT, f->url, 0 };
}

/* --- Introductions ------------------------------------------------------ */

static const char *const intro_filters[] = {
	"r.introducer = $#",
	"r.introduced = $#",
	"r.status = $#",
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
};

static int intro_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_intro *in = r;

	(void)b;
	iv__pg_put_text(a, iv_intro_id(in));
	iv__pg_put_int(a, iv_intro_number(in));
	iv__pg_put_text(a, iv_intro_introducer(in));
	iv__pg_put_text(a, iv_intro_introduced(in));
	iv__pg_put_int(a, iv_intro_channel(in));
	iv__pg_put_int(a, iv_intro_status(in));
	iv__pg_put_int(a, iv_intro_requested_at(in));
	iv__pg_put_int(a, iv_intro_made_at(in));
	iv__pg_put_text(a, iv_intro_note(in));
	iv__pg_put_int(a, iv_intro_created(in));
	iv__pg_put_int(a, iv_intro_updated(in));
	return 0;
}

static int intro_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_intro *in;
	iv_time created, updated;
	int rc;

	(void)b;
	if ((rc = iv_intro_new(&in)) < 0)
		return rc;
	if ((rc = iv_intro_set_id(in, get_text(&g))) < 0 ||
	    (rc = iv_intro_set_number(in, get_int(&g))) < 0 ||
	    (rc = iv_intro_set_introducer(in, get_text(&g))) < 0 ||
	    (rc = iv_intro_set_introduced(in, get_text(&g))) < 0 ||
	    (rc = iv_intro_set_channel(in, (int)get_int(&g))) < 0 ||
	    (rc = iv_intro_set_status(in, (int)get_int(&g))) < 0 ||
	    (rc = iv_intro_set_requested_at(in, get_int(&g))) < 0 ||
	    (rc = iv_intro_set_made_at(in, get_int(&g))) < 0 ||
	    (rc = iv_intro_set_note(in, get_text(&g))) < 0) {
		iv_intro_free(in);
		return rc;
	}
	created = get_int(&g);
	updated = get_int(&g);
	iv_intro_set_times(in, created, updated);
	*out = in;
	return 0;
}

static void intro_args(struct pg_arg *a, const void *filter)
{
	const iv_intro_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_UUID, f->introducer, 0 };
	a[1] = (struct pg_arg){ PG_ARG_UUID, f->introduced, 0 };
	a[2] = (struct pg_arg){ PG_ARG_INT, NULL, f->status };
	a[3] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[4] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
}

/* --- Interviews --------------------------------------------------------- */

static const char *const interview_filters[] = {
	"r.contact = $#",
	"r.status = $#",
	"r.intro = $#",
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
};

static int interview_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_interview *iv = r;
	size_t i;
	int s, rc;

	iv__pg_words_reset(&b->words);
	if ((rc = iv__pg_words_add(&b->words, iv_interview_purpose(iv), 'A')) < 0 ||
	    (rc = iv__pg_words_add(&b->words, iv_interview_notes(iv), 'C')) < 0)
		return rc;
	for (i = 0; i < iv_interview_question_count(iv); i++)
		if ((rc = iv__pg_words_add(&b->words, iv_interview_answer_at(iv, i), 'B')) < 0)
			return rc;
	for (i = 0; i < iv_interview_advice_count(iv); i++)
		if ((rc = iv__pg_words_add(&b->words, iv_interview_advice_at(iv, i), 'B')) < 0)
			return rc;
	for (i = 0; i < iv_interview_resource_count(iv); i++)
		if ((rc = iv__pg_words_add(&b->words, iv_interview_resource_at(iv, i), 'B')) < 0)
			return rc;
	iv__pg_put_text(a, iv_interview_id(iv));
	iv__pg_put_int(a, iv_interview_number(iv));
	iv__pg_put_text(a, iv_interview_contact(iv));
	iv__pg_put_text(a, iv_interview_intro(iv));
	iv__pg_put_text(a, iv_interview_purpose(iv));
	iv__pg_put_text(a, iv_interview_notes(iv));
	iv__pg_put_int(a, iv_interview_medium(iv));
	iv__pg_put_int(a, iv_interview_scheduled_at(iv));
	iv__pg_put_int(a, iv_interview_minutes(iv));
	iv__pg_put_int(a, iv_interview_status(iv));
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		iv__pg_put_int(a, iv_interview_status_at(iv, s));
	iv__pg_put_int(a, iv_interview_created(iv));
	iv__pg_put_int(a, iv_interview_updated(iv));
	iv__pg_put_owned(a, json_list(iv, iv_interview_question_count(iv), question_at, answer_at));
	iv__pg_put_owned(a, json_list(iv, iv_interview_advice_count(iv), advice_at, NULL));
	iv__pg_put_owned(a, json_list(iv, iv_interview_resource_count(iv), resource_at, NULL));
	if (!a->v[a->n - 1] || !a->v[a->n - 2] || !a->v[a->n - 3])
		return iv__pg_oom();
	iv__pg_put_text(a, b->words.p ? b->words.p : "");
	return a->rc;
}

static int interview_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_interview *iv;
	iv_time created, updated;
	int s, rc;

	(void)b;
	if ((rc = iv_interview_new(&iv)) < 0)
		return rc;
	if ((rc = iv_interview_set_id(iv, get_text(&g))) < 0 ||
	    (rc = iv_interview_set_number(iv, get_int(&g))) < 0 ||
	    (rc = iv_interview_set_contact(iv, get_text(&g))) < 0 ||
	    (rc = iv_interview_set_intro(iv, get_text(&g))) < 0 ||
	    (rc = iv_interview_set_purpose(iv, get_text(&g))) < 0 ||
	    (rc = iv_interview_set_notes(iv, get_text(&g))) < 0 ||
	    (rc = iv_interview_set_medium(iv, (int)get_int(&g))) < 0 ||
	    (rc = iv_interview_set_scheduled_at(iv, get_int(&g))) < 0 ||
	    (rc = iv_interview_set_minutes(iv, (int)get_int(&g))) < 0 ||
	    (rc = iv_interview_set_status(iv, (int)get_int(&g))) < 0)
		goto fail;
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		if ((rc = iv_interview_set_status_at(iv, s, get_int(&g))) < 0)
			goto fail;
	created = get_int(&g);
	updated = get_int(&g);
	if ((rc = take_json(&g, iv, 0)) < 0 || (rc = take_json(&g, iv, 1)) < 0 || (rc = take_json(&g, iv, 2)) < 0)
		goto fail;
	iv_interview_set_times(iv, created, updated);
	*out = iv;
	return 0;
fail:
	iv_interview_free(iv);
	return rc;
}

static void interview_args(struct pg_arg *a, const void *filter)
{
	const iv_interview_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_UUID, f->contact, 0 };
	a[1] = (struct pg_arg){ PG_ARG_INT, NULL, f->status };
	a[2] = (struct pg_arg){ PG_ARG_UUID, f->intro, 0 };
	a[3] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[4] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
}

/* --- Follow-ups --------------------------------------------------------- */

static const char *const followup_filters[] = {
	"r.status = $#",
	"r.due <= $#",
	"r.contact = $#",
	"r.interview = $#",
	"r.rule = $#",
	"r.earliest <= $#",
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
};

static int followup_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_followup *fu = r;

	(void)b;
	iv__pg_put_text(a, iv_followup_id(fu));
	iv__pg_put_int(a, iv_followup_number(fu));
	iv__pg_put_text(a, iv_followup_contact(fu));
	iv__pg_put_text(a, iv_followup_interview(fu));
	iv__pg_put_int(a, iv_followup_kind(fu));
	iv__pg_put_int(a, iv_followup_status(fu));
	iv__pg_put_int(a, iv_followup_earliest(fu));
	iv__pg_put_int(a, iv_followup_due(fu));
	iv__pg_put_int(a, iv_followup_closed_at(fu));
	iv__pg_put_text(a, iv_followup_note(fu));
	iv__pg_put_text(a, iv_followup_draft(fu));
	iv__pg_put_text(a, iv_followup_rule(fu));
	iv__pg_put_int(a, iv_followup_created(fu));
	iv__pg_put_int(a, iv_followup_updated(fu));
	return 0;
}

static int followup_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_followup *fu;
	iv_time created, updated;
	int rc;

	(void)b;
	if ((rc = iv_followup_new(&fu)) < 0)
		return rc;
	if ((rc = iv_followup_set_id(fu, get_text(&g))) < 0 ||
	    (rc = iv_followup_set_number(fu, get_int(&g))) < 0 ||
	    (rc = iv_followup_set_contact(fu, get_text(&g))) < 0 ||
	    (rc = iv_followup_set_interview(fu, get_text(&g))) < 0 ||
	    (rc = iv_followup_set_kind(fu, (int)get_int(&g))) < 0 ||
	    (rc = iv_followup_set_status(fu, (int)get_int(&g))) < 0 ||
	    (rc = iv_followup_set_earliest(fu, get_int(&g))) < 0 ||
	    (rc = iv_followup_set_due(fu, get_int(&g))) < 0 ||
	    (rc = iv_followup_set_closed_at(fu, get_int(&g))) < 0 ||
	    (rc = iv_followup_set_note(fu, get_text(&g))) < 0 ||
	    (rc = iv_followup_set_draft(fu, get_text(&g))) < 0 ||
	    (rc = iv_followup_set_rule(fu, get_text(&g))) < 0) {
		iv_followup_free(fu);
		return rc;
	}
	created = get_int(&g);
	updated = get_int(&g);
	iv_followup_set_times(fu, created, updated);
	/* Read with it from the contact's row, where the setters checked it. */
	if ((rc = iv_followup_set_contact_name(fu, get_text(&g))) < 0) {
		iv_followup_free(fu);
		return rc;
	}
	*out = fu;
	return 0;
}

static void followup_args(struct pg_arg *a, const void *filter)
{
	const iv_followup_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_INT, NULL, f->status };
	a[1] = (struct pg_arg){ PG_ARG_INT, NULL, f->due_before };
	a[2] = (struct pg_arg){ PG_ARG_UUID, f->contact, 0 };
	a[3] = (struct pg_arg){ PG_ARG_UUID, f->interview, 0 };
	a[4] = (struct pg_arg){ PG_ARG_TEXT, f->rule, 0 };
	/* 0 and 5: PG_FOLLOWUP_STATUS_FILTER and PG_FOLLOWUP_EARLIEST_FILTER. */
	a[5] = (struct pg_arg){ PG_ARG_INT, NULL, f->earliest_before };
	a[6] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[7] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
}

/* --- Notes -------------------------------------------------------------- */

static const char *const note_filters[] = {
	"r.contact = $#",
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
};

static int note_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_note *n = r;

	(void)b;
	iv__pg_put_text(a, iv_note_id(n));
	iv__pg_put_int(a, iv_note_number(n));
	iv__pg_put_text(a, iv_note_contact(n));
	iv__pg_put_int(a, iv_note_at(n));
	iv__pg_put_text(a, iv_note_text(n));
	iv__pg_put_int(a, iv_note_created(n));
	return 0;
}

static int note_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_note *n;
	int rc;

	(void)b;
	if ((rc = iv_note_new(&n)) < 0)
		return rc;
	if ((rc = iv_note_set_id(n, get_text(&g))) < 0 ||
	    (rc = iv_note_set_number(n, get_int(&g))) < 0 ||
	    (rc = iv_note_set_contact(n, get_text(&g))) < 0 ||
	    (rc = iv_note_set_at(n, get_int(&g))) < 0 ||
	    (rc = iv_note_set_text(n, get_text(&g))) < 0) {
		iv_note_free(n);
		return rc;
	}
	iv_note_set_created(n, get_int(&g));
	*out = n;
	return 0;
}

static void note_args(struct pg_arg *a, const void *filter)
{
	const iv_note_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_UUID, f->contact, 0 };
	a[1] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[2] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
}

/* --- Targets (backend version 6) ---------------------------------------- */

static int add_alias(void *r, const char *s) { return iv_target_add_alias(r, s); }

static const char *const target_filters[] = {
	/* The name, or one of the aliases (a table of them, folded, which the schema's trigger keeps). */
	("(r.name_key = infoview.fold($#) OR r.id IN (SELECT a.target FROM infoview.target_alias a"
	 " WHERE a.owner = current_user AND a.alias = infoview.fold($=)))"),
	"r.num = $#",
	"r.id BETWEEN $# AND $#",
};

static char *joined_aliases(const iv_target *t)
{
	size_t n = iv_target_alias_count(t), len = 0, i, k;
	char *s, *p;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		len += strlen(iv_target_alias_at(t, i)) + 1;
	if (!(s = p = malloc(len)))
		return NULL;
	for (i = 0; i < n; i++) {
		k = strlen(iv_target_alias_at(t, i));
		memcpy(p, iv_target_alias_at(t, i), k);
		p += k;
		*p++ = '\n';
	}
	p[-1] = '\0';
	return s;
}

static int target_bind(struct pg *b, struct pg_args *a, const void *r)
{
	const iv_target *t = r;

	(void)b;
	iv__pg_put_text(a, iv_target_id(t));
	iv__pg_put_int(a, iv_target_number(t));
	iv__pg_put_text(a, iv_target_name(t));
	iv__pg_put_int(a, iv_target_motivation(t));
	iv__pg_put_int(a, iv_target_posting(t));
	iv__pg_put_int(a, iv_target_rank(t));
	iv__pg_put_text(a, iv_target_note(t));
	iv__pg_put_owned(a, joined_aliases(t));
	if (iv_target_alias_count(t) && !a->v[a->n - 1])
		return iv__pg_oom();
	iv__pg_put_int(a, iv_target_created(t));
	iv__pg_put_int(a, iv_target_updated(t));
	return a->rc;
}

static int target_build(void **out, struct pg *b, const PGresult *res, int row, int col)
{
	struct get g = { res, row, col };
	iv_target *t;
	iv_time created, updated;
	int rc;

	(void)b;
	if ((rc = iv_target_new(&t)) < 0)
		return rc;
	if ((rc = iv_target_set_id(t, get_text(&g))) < 0 ||
	    (rc = iv_target_set_number(t, get_int(&g))) < 0 ||
	    (rc = iv_target_set_name(t, get_text(&g))) < 0 ||
	    (rc = iv_target_set_motivation(t, (int)get_int(&g))) < 0 ||
	    (rc = iv_target_set_posting(t, (int)get_int(&g))) < 0 ||
	    (rc = iv_target_set_rank(t, (int)get_int(&g))) < 0 ||
	    (rc = iv_target_set_note(t, get_text(&g))) < 0 ||
	    (rc = take_list(&g, t, add_alias)) < 0) {
		iv_target_free(t);
		return rc;
	}
	created = get_int(&g);
	updated = get_int(&g);
	iv_target_set_times(t, created, updated);
	*out = t;
	return 0;
}

static void target_args(struct pg_arg *a, const void *filter)
{
	const iv_target_filter *f = filter;

	a[0] = (struct pg_arg){ PG_ARG_TEXT, f->name, 0 };
	a[1] = (struct pg_arg){ PG_ARG_INT, NULL, f->number };
	a[2] = (struct pg_arg){ PG_ARG_PREFIX, f->id_prefix, 0 };
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
/* A contact's columns, as contact_build() reads them, from the contact `a`. */
#define CONTACT_COLUMNS(a) a ".id, " a ".num, " a ".name, " a ".phone, " a ".company, " a ".title, " a ".location, " \
	a ".url, " a ".notes, " a ".known, " a ".cadence_days, " a ".last_interaction, array_to_string(" a ".emails, E'\\n')," \
	" array_to_string(" a ".tags, E'\\n'), " a ".created, " a ".updated"

/*
 * Follow-ups, each with its whole contact after its own columns (the
 * agenda: followup_list_contacts()).
 */
const char iv__pg_followup_contact_select[] =
	"SELECT r.id, r.num, r.contact, r.interview, r.kind, r.status, r.earliest, r.due, r.closed_at,"
	" r.note, r.draft, r.rule, r.created, r.updated, fc.name, " CONTACT_COLUMNS("fc")
	" FROM infoview.followup r JOIN infoview.contact fc ON fc.owner = r.owner AND fc.id = r.contact"
	" WHERE r.owner = current_user";

#define OWN " WHERE owner = current_user AND id = $1"

const struct pg_kind iv__pg_kinds[PG_KIND_COUNT] = {
	[PG_CONTACT] = { PG_CONTACT, "contact",
		"SELECT " CONTACT_COLUMNS("r") " FROM infoview.contact r WHERE r.owner = current_user",
		"INSERT INTO infoview.contact (id, num, name, phone, company, title, location, url, notes, known,"
		" cadence_days, last_interaction, emails, tags, created, updated, fts)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, string_to_array($13, E'\\n'),"
		" string_to_array($14, E'\\n'), $15, $16, $17::tsvector) ON CONFLICT DO NOTHING",
		"UPDATE infoview.contact SET num = $2, name = $3, phone = $4, company = $5, title = $6,"
		" location = $7, url = $8, notes = $9, known = $10, cadence_days = $11, last_interaction = $12,"
		" emails = string_to_array($13, E'\\n'), tags = string_to_array($14, E'\\n'), created = $15,"
		" updated = $16, fts = $17::tsvector" OWN,
		"DELETE FROM infoview.contact" OWN,
		contact_filters, COUNT(contact_filters), "r.name_key, r.id", 17,
		contact_bind, contact_build, contact_args },
	[PG_INTRO] = { PG_INTRO, "intro",
		"SELECT r.id, r.num, r.introducer, r.introduced, r.channel, r.status, r.requested_at, r.made_at,"
		" r.note, r.created, r.updated FROM infoview.intro r WHERE r.owner = current_user",
		"INSERT INTO infoview.intro (id, num, introducer, introduced, channel, status, requested_at, made_at,"
		" note, created, updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING",
		"UPDATE infoview.intro SET num = $2, introducer = $3, introduced = $4, channel = $5, status = $6,"
		" requested_at = $7, made_at = $8, note = $9, created = $10, updated = $11" OWN,
		"DELETE FROM infoview.intro" OWN,
		intro_filters, COUNT(intro_filters), "r.created, r.id", 11,
		intro_bind, intro_build, intro_args },
	[PG_INTERVIEW] = { PG_INTERVIEW, "interview",
		"SELECT r.id, r.num, r.contact, r.intro, r.purpose, r.notes, r.medium, r.scheduled_at, r.minutes,"
		" r.status, r.t_planned, r.t_requested, r.t_scheduled, r.t_completed, r.t_declined, r.t_no_response,"
		" r.t_cancelled, r.created, r.updated, r.questions, r.advice, r.resources"
		" FROM infoview.interview r WHERE r.owner = current_user",
		"INSERT INTO infoview.interview (id, num, contact, intro, purpose, notes, medium, scheduled_at,"
		" minutes, status, t_planned, t_requested, t_scheduled, t_completed, t_declined, t_no_response,"
		" t_cancelled, created, updated, questions, advice, resources, fts) VALUES ($1, $2, $3, $4, $5, $6,"
		" $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb, $21::jsonb, $22::jsonb,"
		" $23::tsvector) ON CONFLICT DO NOTHING",
		"UPDATE infoview.interview SET num = $2, contact = $3, intro = $4, purpose = $5, notes = $6,"
		" medium = $7, scheduled_at = $8, minutes = $9, status = $10, t_planned = $11, t_requested = $12,"
		" t_scheduled = $13, t_completed = $14, t_declined = $15, t_no_response = $16, t_cancelled = $17,"
		" created = $18, updated = $19, questions = $20::jsonb, advice = $21::jsonb, resources = $22::jsonb,"
		" fts = $23::tsvector" OWN,
		"DELETE FROM infoview.interview" OWN,
		interview_filters, COUNT(interview_filters), "r.created, r.id", 23,
		interview_bind, interview_build, interview_args },
	[PG_FOLLOWUP] = { PG_FOLLOWUP, "followup",
		/* The contact's name with it: a list with names is one query (iv_followup_contact_name()). */
		"SELECT r.id, r.num, r.contact, r.interview, r.kind, r.status, r.earliest, r.due, r.closed_at,"
		" r.note, r.draft, r.rule, r.created, r.updated, fc.name FROM infoview.followup r"
		" LEFT JOIN infoview.contact fc ON fc.owner = r.owner AND fc.id = r.contact"
		" WHERE r.owner = current_user",
		"INSERT INTO infoview.followup (id, num, contact, interview, kind, status, earliest, due, closed_at,"
		" note, draft, rule, created, updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
		" $13, $14) ON CONFLICT DO NOTHING",
		"UPDATE infoview.followup SET num = $2, contact = $3, interview = $4, kind = $5, status = $6,"
		" earliest = $7, due = $8, closed_at = $9, note = $10, draft = $11, rule = $12, created = $13,"
		" updated = $14" OWN,
		"DELETE FROM infoview.followup" OWN,
		followup_filters, COUNT(followup_filters), "r.due, r.id", 14,
		followup_bind, followup_build, followup_args },
	[PG_NOTE] = { PG_NOTE, "note",
		"SELECT r.id, r.num, r.contact, r.at, r.text, r.created FROM infoview.note r"
		" WHERE r.owner = current_user",
		"INSERT INTO infoview.note (id, num, contact, at, text, created) VALUES ($1, $2, $3, $4, $5, $6)"
		" ON CONFLICT DO NOTHING",
		NULL,
		"DELETE FROM infoview.note" OWN,
		note_filters, COUNT(note_filters), "r.at, r.id", 6,
		note_bind, note_build, note_args },
	[PG_TARGET] = { PG_TARGET, "target",
		"SELECT r.id, r.num, r.name, r.motivation, r.posting, r.rank, r.note, array_to_string(r.aliases, E'\\n'),"
		" r.created, r.updated FROM infoview.target r WHERE r.owner = current_user",
		"INSERT INTO infoview.target (id, num, name, motivation, posting, rank, note, aliases, created, updated)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, string_to_array($8, E'\\n'), $9, $10) ON CONFLICT DO NOTHING",
		"UPDATE infoview.target SET num = $2, name = $3, motivation = $4, posting = $5, rank = $6, note = $7,"
		" aliases = string_to_array($8, E'\\n'), created = $9, updated = $10" OWN,
		"DELETE FROM infoview.target" OWN,
		target_filters, COUNT(target_filters), "r.name_key, r.id", 10,
		target_bind, target_build, target_args },
};
