/*
 * infoview search: full-text search over contacts and interviews.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>

static const char help[] =
	"Usage: infoview search [--contacts | --interviews] [--limit N] QUERY...\n"
	"\n"
	"Searches contacts (name, company, title, tags, notes) and interviews\n"
	"(purpose, notes, answers, advice, resources). Every word must match the\n"
	"start of a word, case-insensitively: 'reg aff' finds \"Regulatory\n"
	"Affairs\". Best matches first; a match in a name counts most.\n"
	"\n"
	"Options:\n"
	"  --contacts     only contacts\n"
	"  --interviews   only interviews\n"
	"  --limit N      at most N hits (default: the best 20 in words, every\n"
	"                 hit with --json)\n";

enum { O_CONTACTS = 1, O_INTERVIEWS, O_LIMIT };

/* Hits shown in words when --limit is not given: one screen. */
#define SCREEN_HITS 20

static void contact_hit(struct cli *ctx, struct table *t, struct jw *j, const iv_contact *c)
{
	char sid[IV_ID_LEN + 1];

	if (j) {
		jw_kstring(j, "name", iv_contact_name(c));
		jw_key(j, "contact");
		json_contact(j, ctx, c);
		return;
	}
	table_cell(t, C_YELLOW, short_ref(sid, ctx, REF_CONTACT, iv_contact_number(c), iv_contact_id(c)));
	table_cell(t, C_NONE, "contact");
	table_cell(t, C_BOLD, iv_contact_name(c));
	if (iv_contact_title(c) && iv_contact_company(c))
		table_cellf(t, C_NONE, "%s, %s", iv_contact_title(c), iv_contact_company(c));
	else
		table_cell(t, C_NONE, iv_contact_company(c) ? iv_contact_company(c) : iv_contact_title(c));
}

static void interview_hit(struct cli *ctx, struct table *t, struct jw *j, const iv_interview *iv)
{
	char sid[IV_ID_LEN + 1], status[32];

	if (j) {
		jw_kstring(j, "name", contact_name(ctx, iv_interview_contact(iv)));
		jw_key(j, "interview");
		json_interview(j, ctx, iv);
		return;
	}
	table_cell(t, C_YELLOW, short_ref(sid, ctx, REF_INTERVIEW, iv_interview_number(iv), iv_interview_id(iv)));
	table_cellf(t, C_NONE, "interview (%s)",
		    enum_label(status, sizeof(status), "interview_status", iv_interview_status(iv)));
	table_cell(t, C_BOLD, contact_name(ctx, iv_interview_contact(iv)));
	table_cell(t, C_NONE, iv_interview_purpose(iv));
}

/* One hit, looked up: a row of `t` or a JSON object. */
static int hit(struct cli *ctx, struct table *t, struct jw *j, const iv_search_hit *h)
{
	const char *id = iv_search_hit_id(h);
	int kind = iv_search_hit_kind(h);
	iv_interview *iv = NULL;
	iv_contact *c = NULL;

	if (kind == IV_SEARCH_CONTACT ? iv_contact_lookup(&c, ctx->db, id) < 0
				      : iv_interview_lookup(&iv, ctx->db, id) < 0)
		return cli_fail();
	if (j) {
		jw_object(j);
		jw_kstring(j, "kind", kind == IV_SEARCH_CONTACT ? "contact" : "interview");
		jw_kstring(j, "id", id);
		jw_key(j, "score");
		jw_double(j, iv_search_hit_score(h));
	} else {
		table_row(t);
	}
	if (c)
		contact_hit(ctx, t, j, c);
	else
		interview_hit(ctx, t, j, iv);
	if (j)
		jw_object_end(j);
	iv_contact_free(c);
	iv_interview_free(iv);
	return CLI_OK;
}

int cmd_search(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "contacts", O_CONTACTS, 0 }, { "interviews", O_INTERVIEWS, 0 }, { "limit", O_LIMIT, 1 },
		{ NULL, 0, 0 },
	};
	static const char *const heads[] = { "ID", "KIND", "NAME", "DETAILS" };
	iv_search_options so = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;
	iv_search_hit *h = NULL;
	struct table *t = NULL;
	struct parsed p;
	struct args a;
	struct jw j;
	char *query;
	size_t i, n = 0;
	int rc = 0, limit = 0, more = 0;

	args_init(&a, ctx, "search", help, argc, argv);
	if (args_parse(&a, opts, &p, 1, -1, "QUERY"))
		return a.status;
	for (i = 0; i < p.nset; i++)
		if (p.set[i].id == O_CONTACTS)
			so.kinds |= IV_SEARCH_CONTACT;
		else if (p.set[i].id == O_INTERVIEWS)
			so.kinds |= IV_SEARCH_INTERVIEW;
	if (parsed_option(&p, O_LIMIT))
		rc = args_int(&a, "limit", parsed_option(&p, O_LIMIT), 1, 100000, &limit);
	/*
	 * One screen: the best 20 unless told, and one more asked to know
	 * whether to say there are more. JSON readers get every hit.
	 */
	if (rc == 0 && !limit && !ctx->json)
		limit = SCREEN_HITS;
	so.limit = limit && !ctx->json ? (size_t)limit + 1 : (size_t)limit;
	query = parsed_words(&p, 0);
	parsed_free(&p);
	/* The library refuses a query with no word: the user's bad argument. */
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0 && iv_search(&it, ctx->db, query, &so) < 0)
		rc = iv_error_code() == IV_EINVALID ? args_error(&a, "%s", iv_error_message()) : cli_fail();
	if (rc == 0) {
		jw_init(&j, stdout);
		if (ctx->json)
			jw_array(&j);
		else {
			t = table_new(4, heads);
			table_limit(t, 3, 50);
		}
		while (rc == 0 && (rc = iv_search_iter_next(&h, it)) == 0) {
			if (!ctx->json && limit && n == (size_t)limit) {
				more = 1;
				iv_search_hit_free(h);
				break;
			}
			rc = hit(ctx, t, ctx->json ? &j : NULL, h);
			iv_search_hit_free(h);
			n++;
		}
		rc = rc == IV_ITEROVER ? CLI_OK : rc < 0 ? cli_fail() : rc;
	}
	if (rc == 0 && ctx->json) {
		jw_array_end(&j);
		jw_finish(&j);
	} else if (rc == 0 && n) {
		table_print(t, ctx, 0);
		if (more)
			out_printf("More hits: infoview search --limit %d %s\n", limit * 5, query);
	} else if (rc == 0) {
		out_printf("Nothing matches '%s'.\n", query);
	}
	iv_search_iter_free(it);
	table_free(t);
	free(query);
	return rc;
}
