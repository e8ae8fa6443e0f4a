/*
 * infoview: how each kind of record looks, as JSON and as a table row.
 * SPDX-License-Identifier: MIT
 */
#include "render.h"
#include "ref.h"

#include <stdio.h>
#include <string.h>

/* Long free text is cut in tables; `show` gives it whole. */
#define TEXT_COLUMN 44

/*
 * The first contacts' degrees are found by walking back from each (about
 * 40 us apiece at 100,000 contacts), so that one screen never waits for the
 * whole network; a long listing then loads it once (about 0.3 s there),
 * which is ten times cheaper per row than walking back from every one.
 */
#define DEGREE_WALKS 200

int contact_degree(struct cli *ctx, const char *id)
{
	const iv_network *net;
	int degree = 0;

	if (!ctx->net && ctx->degree_walks < DEGREE_WALKS) {
		ctx->degree_walks++;
		return iv_db_degree(&degree, ctx->db, id) < 0 ? 0 : degree;
	}
	if (!(net = cli_network(ctx)) || iv_network_degree(&degree, net, id) < 0)
		return 0;
	return degree;
}

iv_time interview_when(const iv_interview *iv)
{
	if (iv_interview_scheduled_at(iv))
		return iv_interview_scheduled_at(iv);
	return iv_interview_status_at(iv, iv_interview_status(iv));
}

const char *followup_what(char *buf, size_t n, const iv_followup *fu)
{
	if (iv_followup_note(fu))
		snprintf(buf, n, "%s", iv_followup_note(fu));
	else
		enum_label(buf, n, "followup_kind", iv_followup_kind(fu));
	return buf;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                       */

static void json_kid_name(struct jw *j, struct cli *ctx, const char *key, const char *id)
{
	char name_key[64];

	jw_kstring(j, key, id);
	snprintf(name_key, sizeof(name_key), "%s_name", key);
	jw_kstring(j, name_key, id ? contact_name(ctx, id) : NULL);
}

static void json_stamps(struct jw *j, iv_time created, iv_time updated)
{
	jw_ktime(j, "created", created);
	jw_ktime(j, "updated", updated);
}

void json_contact(struct jw *j, struct cli *ctx, const iv_contact *c)
{
	size_t i;
	int degree;

	jw_object(j);
	jw_kstring(j, "id", iv_contact_id(c));
	jw_kint(j, "number", (long long)iv_contact_number(c));
	jw_kstring(j, "name", iv_contact_name(c));
	jw_key(j, "emails");
	jw_array(j);
	for (i = 0; i < iv_contact_email_count(c); i++)
		jw_string(j, iv_contact_email_at(c, i));
	jw_array_end(j);
	jw_kstring(j, "phone", iv_contact_phone(c));
	jw_kstring(j, "company", iv_contact_company(c));
	jw_kstring(j, "title", iv_contact_title(c));
	jw_kstring(j, "location", iv_contact_location(c));
	jw_kstring(j, "url", iv_contact_url(c));
	jw_key(j, "tags");
	jw_array(j);
	for (i = 0; i < iv_contact_tag_count(c); i++)
		jw_string(j, iv_contact_tag_at(c, i));
	jw_array_end(j);
	jw_kstring(j, "notes", iv_contact_notes(c));
	jw_kenum(j, "known", "known", iv_contact_known(c));
	jw_key(j, "cadence_days");
	if (iv_contact_cadence_days(c))
		jw_int(j, iv_contact_cadence_days(c));
	else
		jw_null(j);
	jw_ktime(j, "last_interaction", iv_contact_last_interaction(c));
	jw_key(j, "degree");
	if ((degree = contact_degree(ctx, iv_contact_id(c))))
		jw_int(j, degree);
	else
		jw_null(j);
	json_stamps(j, iv_contact_created(c), iv_contact_updated(c));
	jw_object_end(j);
}

void json_intro(struct jw *j, struct cli *ctx, const iv_intro *in)
{
	jw_object(j);
	jw_kstring(j, "id", iv_intro_id(in));
	jw_kint(j, "number", (long long)iv_intro_number(in));
	json_kid_name(j, ctx, "introducer", iv_intro_introducer(in));
	json_kid_name(j, ctx, "introduced", iv_intro_introduced(in));
	jw_kenum(j, "channel", "channel", iv_intro_channel(in));
	jw_kenum(j, "status", "intro_status", iv_intro_status(in));
	jw_ktime(j, "requested_at", iv_intro_requested_at(in));
	jw_ktime(j, "made_at", iv_intro_made_at(in));
	jw_kstring(j, "note", iv_intro_note(in));
	json_stamps(j, iv_intro_created(in), iv_intro_updated(in));
	jw_object_end(j);
}

static void json_texts(struct jw *j, const char *key, size_t n,
		       const char *(*at)(const iv_interview *, size_t), const iv_interview *iv)
{
	size_t i;

	jw_key(j, key);
	jw_array(j);
	for (i = 0; i < n; i++)
		jw_string(j, at(iv, i));
	jw_array_end(j);
}

void json_interview(struct jw *j, struct cli *ctx, const iv_interview *iv)
{
	const char *name;
	size_t i;
	int s;

	jw_object(j);
	jw_kstring(j, "id", iv_interview_id(iv));
	jw_kint(j, "number", (long long)iv_interview_number(iv));
	json_kid_name(j, ctx, "contact", iv_interview_contact(iv));
	jw_kstring(j, "intro", iv_interview_intro(iv));
	jw_kstring(j, "purpose", iv_interview_purpose(iv));
	jw_kenum(j, "status", "interview_status", iv_interview_status(iv));
	jw_key(j, "medium");
	if (iv_interview_medium(iv) == IV_MEDIUM_UNSET)
		jw_null(j);
	else
		jw_enum(j, "medium", iv_interview_medium(iv));
	jw_ktime(j, "scheduled_at", iv_interview_scheduled_at(iv));
	jw_kint(j, "minutes", iv_interview_minutes(iv));
	jw_kstring(j, "notes", iv_interview_notes(iv));
	jw_key(j, "questions");
	jw_array(j);
	for (i = 0; i < iv_interview_question_count(iv); i++) {
		jw_object(j);
		jw_kstring(j, "question", iv_interview_question_at(iv, i));
		jw_kstring(j, "answer", iv_interview_answer_at(iv, i));
		jw_object_end(j);
	}
	jw_array_end(j);
	json_texts(j, "advice", iv_interview_advice_count(iv), iv_interview_advice_at, iv);
	json_texts(j, "resources", iv_interview_resource_count(iv), iv_interview_resource_at, iv);
	jw_key(j, "status_at");
	jw_object(j);
	for (s = IV_INTERVIEW_PLANNED; (name = iv_enum_name("interview_status", s)); s++)
		jw_ktime(j, name, iv_interview_status_at(iv, s));
	jw_object_end(j);
	json_stamps(j, iv_interview_created(iv), iv_interview_updated(iv));
	jw_object_end(j);
}

void json_followup(struct jw *j, struct cli *ctx, const iv_followup *fu)
{
	int pending = iv_followup_status(fu) == IV_FOLLOWUP_PENDING;

	jw_object(j);
	jw_kstring(j, "id", iv_followup_id(fu));
	jw_kint(j, "number", (long long)iv_followup_number(fu));
	jw_kstring(j, "contact", iv_followup_contact(fu));
	jw_kstring(j, "contact_name", iv_followup_contact(fu) ? followup_contact_name(ctx, fu) : NULL);
	jw_kstring(j, "interview", iv_followup_interview(fu));
	jw_kenum(j, "kind", "followup_kind", iv_followup_kind(fu));
	jw_kenum(j, "status", "followup_status", iv_followup_status(fu));
	jw_ktime(j, "earliest", iv_followup_earliest(fu));
	jw_ktime(j, "due", iv_followup_due(fu));
	jw_ktime(j, "closed_at", iv_followup_closed_at(fu));
	jw_kbool(j, "overdue", pending && iv_followup_due(fu) < ctx->now);
	jw_kstring(j, "note", iv_followup_note(fu));
	jw_kstring(j, "rule", iv_followup_rule(fu));
	jw_kstring(j, "draft", iv_followup_draft(fu));
	json_stamps(j, iv_followup_created(fu), iv_followup_updated(fu));
	jw_object_end(j);
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                     */

static void id_cell(struct table *t, struct cli *ctx, enum ref_kind kind, int64_t number, const char *id)
{
	char sid[IV_ID_LEN + 1];

	table_cell(t, C_YELLOW, short_ref(sid, ctx, kind, number, id));
}

static void when_cell(struct table *t, struct cli *ctx, int color, iv_time when)
{
	char buf[64];

	fmt_when(buf, sizeof(buf), when, ctx->now);
	table_cell(t, color, buf);
}

static void enum_cell(struct table *t, int color, const char *type, int value)
{
	char buf[32];

	table_cell(t, color, enum_label(buf, sizeof(buf), type, value));
}

struct table *contact_table(void)
{
	static const char *const heads[] = { "ID", "NAME", "COMPANY", "TITLE", "DEGREE", "TAGS" };
	struct table *t = table_new(6, heads);

	table_limit(t, 3, 32);
	return t;
}

void contact_row(struct table *t, struct cli *ctx, const iv_contact *c)
{
	char tags[512] = "";
	size_t i, used = 0;
	int degree = contact_degree(ctx, iv_contact_id(c));

	for (i = 0; i < iv_contact_tag_count(c) && used < sizeof(tags); i++)
		used += (size_t)snprintf(tags + used, sizeof(tags) - used, "%s%s", i ? ", " : "",
					 iv_contact_tag_at(c, i));
	table_row(t);
	id_cell(t, ctx, REF_CONTACT, iv_contact_number(c), iv_contact_id(c));
	table_cell(t, C_BOLD, iv_contact_name(c));
	table_cell(t, C_NONE, iv_contact_company(c));
	table_cell(t, C_NONE, iv_contact_title(c));
	if (degree)
		table_cellf(t, C_NONE, "%d", degree);
	else
		table_cell(t, C_DIM, iv_contact_known(c) == IV_KNOWN_COLD ? "cold" : "-");
	table_cell(t, C_NONE, used ? tags : NULL);
}

struct table *intro_table(void)
{
	static const char *const heads[] = { "ID", "BY", "TO", "CHANNEL", "STATUS", "NOTE" };
	struct table *t = table_new(6, heads);

	table_limit(t, 5, TEXT_COLUMN);
	return t;
}

void intro_row(struct table *t, struct cli *ctx, const iv_intro *in)
{
	int status = iv_intro_status(in);

	table_row(t);
	id_cell(t, ctx, REF_INTRO, iv_intro_number(in), iv_intro_id(in));
	table_cell(t, C_NONE, contact_name(ctx, iv_intro_introducer(in)));
	table_cell(t, C_BOLD, contact_name(ctx, iv_intro_introduced(in)));
	enum_cell(t, C_NONE, "channel", iv_intro_channel(in));
	enum_cell(t, status == IV_INTRO_MADE ? C_GREEN : status == IV_INTRO_DECLINED ? C_DIM : C_NONE,
		  "intro_status", status);
	table_cell(t, C_NONE, iv_intro_note(in));
}

struct table *interview_table(void)
{
	static const char *const heads[] = { "ID", "WITH", "STATUS", "WHEN", "PURPOSE" };
	struct table *t = table_new(5, heads);

	table_limit(t, 4, TEXT_COLUMN);
	return t;
}

static int interview_color(int status)
{
	switch (status) {
	case IV_INTERVIEW_SCHEDULED:
		return C_CYAN;
	case IV_INTERVIEW_COMPLETED:
		return C_GREEN;
	case IV_INTERVIEW_REQUESTED:
		return C_YELLOW;
	case IV_INTERVIEW_PLANNED:
		return C_NONE;
	default:
		return C_DIM;
	}
}

void interview_row(struct table *t, struct cli *ctx, const iv_interview *iv)
{
	int status = iv_interview_status(iv);

	table_row(t);
	id_cell(t, ctx, REF_INTERVIEW, iv_interview_number(iv), iv_interview_id(iv));
	table_cell(t, C_BOLD, contact_name(ctx, iv_interview_contact(iv)));
	enum_cell(t, interview_color(status), "interview_status", status);
	when_cell(t, ctx, C_NONE, interview_when(iv));
	table_cell(t, C_NONE, iv_interview_purpose(iv));
}

struct table *followup_table(void)
{
	static const char *const heads[] = { "ID", "DUE", "STATE", "KIND", "TO", "WHAT" };
	struct table *t = table_new(6, heads);

	table_limit(t, 5, TEXT_COLUMN);
	return t;
}

void followup_row(struct table *t, struct cli *ctx, const iv_followup *fu)
{
	char what[256];
	int status = iv_followup_status(fu);

	table_row(t);
	id_cell(t, ctx, REF_FOLLOWUP, iv_followup_number(fu), iv_followup_id(fu));
	when_cell(t, ctx, C_NONE, iv_followup_due(fu));
	if (status != IV_FOLLOWUP_PENDING)
		enum_cell(t, C_DIM, "followup_status", status);
	else if (iv_followup_due(fu) < ctx->now)
		table_cell(t, C_RED, "overdue");
	else if (iv_followup_earliest(fu) > ctx->now)
		table_cell(t, C_DIM, "not yet");
	else
		table_cell(t, C_GREEN, "to do");
	enum_cell(t, C_NONE, "followup_kind", iv_followup_kind(fu));
	table_cell(t, C_BOLD, followup_contact_name(ctx, fu));
	table_cell(t, C_NONE, followup_what(what, sizeof(what), fu));
}

/* ------------------------------------------------------------------------ */
/* Listings                                                                   */

/* The four kinds list alike; only their types differ. */
#define LIST_FN(T)                                                              \
	int list_##T##s(struct cli *ctx, const iv_##T##_filter *f, struct jw *j, \
			struct table *t, size_t *count)                         \
	{                                                                       \
		iv_##T##_iter *it = NULL;                                       \
		iv_##T *rec = NULL;                                             \
		size_t n = 0;                                                   \
		int rc;                                                         \
                                                                                \
		if (iv_##T##_list(&it, ctx->db, f) < 0)                         \
			return cli_fail();                                      \
		while ((rc = iv_##T##_iter_next(&rec, it)) == 0) {              \
			if (j)                                                  \
				json_##T(j, ctx, rec);                          \
			else                                                    \
				T##_row(t, ctx, rec);                           \
			iv_##T##_free(rec);                                     \
			n++;                                                    \
		}                                                               \
		iv_##T##_iter_free(it);                                         \
		if (count)                                                      \
			*count = n;                                             \
		return rc == IV_ITEROVER ? CLI_OK : cli_fail();                 \
	}

LIST_FN(contact)
LIST_FN(intro)
LIST_FN(interview)
LIST_FN(followup)

/*
 * A listing's widths are those of its first rows, so that the first screen
 * shows at once whatever the length: a long listing is not held whole.
 */
#define LISTING_SCREEN 100

void listing_begin(struct listing *l, struct cli *ctx, struct table *(*make)(void))
{
	l->j = NULL;
	l->t = NULL;
	l->n = 0;
	if (ctx->json) {
		jw_init(&l->json, stdout);
		l->j = &l->json;
		jw_array(l->j);
	} else {
		l->t = make();
		table_stream(l->t, ctx, 0, LISTING_SCREEN);
	}
}

int listing_end(struct listing *l, struct cli *ctx, int rc, const char *none)
{
	if (rc == CLI_OK && l->j) {
		jw_array_end(l->j);
		jw_finish(l->j);
	} else if (rc == CLI_OK && l->n) {
		table_print(l->t, ctx, 0);
	} else if (rc == CLI_OK) {
		printf("%s\n", none);
	}
	table_free(l->t);
	l->t = NULL;
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Paths                                                                      */

static const char *company_of(struct cli *ctx, const char *id, iv_contact **hold)
{
	iv_contact_free(*hold);
	*hold = NULL;
	if (iv_contact_lookup(hold, ctx->db, id) < 0)
		return NULL;
	return iv_contact_company(*hold);
}

char *path_line(struct cli *ctx, const iv_path *p)
{
	size_t i, n = iv_path_length(p), len = 4;
	iv_contact *target = NULL;
	const char *company;
	char *line;

	for (i = 0; i < n; i++)
		len += strlen(contact_name(ctx, iv_path_contact_at(p, i))) + 4;
	company = company_of(ctx, iv_path_target(p), &target);
	len += company ? strlen(company) + 3 : 0;
	line = xmalloc(len);
	strcpy(line, "You");
	for (i = 0; i < n; i++) {
		strcat(line, " -> ");
		strcat(line, contact_name(ctx, iv_path_contact_at(p, i)));
	}
	if (company) {
		strcat(line, " (");
		strcat(line, company);
		strcat(line, ")");
	}
	iv_contact_free(target);
	return line;
}

void path_details(struct cli *ctx, const iv_path *p, int indent)
{
	char by[IV_LIMIT_SHORT + 1], channel[32], status[32];
	size_t i;

	for (i = 1; i < iv_path_length(p); i++) {
		iv_intro *in = NULL;

		if (iv_intro_lookup(&in, ctx->db, iv_path_intro_at(p, i)) < 0)
			continue;
		snprintf(by, sizeof(by), "%s", contact_name(ctx, iv_intro_introducer(in)));
		out_printf("%*s%s introduces you to %s by %s (%s)\n", indent, "", by,
		           contact_name(ctx, iv_intro_introduced(in)),
		           enum_label(channel, sizeof(channel), "channel", iv_intro_channel(in)),
		           enum_label(status, sizeof(status), "intro_status", iv_intro_status(in)));
		iv_intro_free(in);
	}
}

void json_path(struct jw *j, struct cli *ctx, const iv_path *p)
{
	iv_contact *c = NULL;
	size_t i;

	jw_object(j);
	jw_kint(j, "length", (long long)iv_path_length(p));
	jw_key(j, "hops");
	jw_array(j);
	for (i = 0; i < iv_path_length(p); i++) {
		iv_intro *in = NULL;
		const char *id = iv_path_contact_at(p, i);

		jw_object(j);
		jw_kstring(j, "contact", id);
		jw_kstring(j, "name", contact_name(ctx, id));
		jw_kstring(j, "company", company_of(ctx, id, &c));
		jw_kstring(j, "intro", iv_path_intro_at(p, i));
		if (iv_path_intro_at(p, i) && iv_intro_lookup(&in, ctx->db, iv_path_intro_at(p, i)) == 0) {
			jw_kenum(j, "channel", "channel", iv_intro_channel(in));
			jw_kenum(j, "intro_status", "intro_status", iv_intro_status(in));
		} else {
			jw_kstring(j, "channel", NULL);
			jw_kstring(j, "intro_status", NULL);
		}
		iv_intro_free(in);
		jw_object_end(j);
	}
	jw_array_end(j);
	iv_contact_free(c);
	jw_object_end(j);
}

void print_removed(struct cli *ctx, const char *what, const char *id, const char *name)
{
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "removed", id);
		jw_object_end(&j);
		jw_finish(&j);
	} else {
		out_printf("Removed %s %s.\n", what, name);
	}
}
