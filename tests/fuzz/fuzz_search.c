/*
 * A libFuzzer harness for search queries (issue 12): the first byte picks
 * the options (kinds, a limit, ranked or not), the rest is the query, run
 * by iv_search() on two small stores made once per run with the same
 * records: a memory store and an SQLite store held in memory (its FTS
 * tables). Beyond "no crash, no leak, no undefined behaviour":
 *
 * - a query is refused (with a message) or run alike by both stores;
 * - every hit is of a kind asked for, with a valid id and a finite score;
 *   there are no more hits than the limit, and no hit twice.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <infoview/infoview.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MUST(call) do { if ((call) < 0) abort(); } while (0)
#define MAX_HITS 64

static iv_db *stores[2];

static void person(iv_db *db, const char *name, const char *company, const char *title, const char *notes,
		   const char *tag)
{
	iv_contact *c = NULL;
	iv_interview *iv = NULL;
	iv_note *n = NULL;
	iv_followup *fu = NULL;

	MUST(iv_contact_new(&c));
	MUST(iv_contact_set_name(c, name));
	MUST(iv_contact_set_company(c, company));
	MUST(iv_contact_set_title(c, title));
	MUST(iv_contact_set_notes(c, notes));
	MUST(iv_contact_add_tag(c, tag));
	MUST(iv_contact_add_email(c, "x.y@example.org"));
	MUST(iv_contact_insert(db, c));
	MUST(iv_interview_new(&iv));
	MUST(iv_interview_set_contact(iv, iv_contact_id(c)));
	MUST(iv_interview_set_purpose(iv, notes));
	MUST(iv_interview_add_question(iv, "How did you get into regulatory affairs?"));
	MUST(iv_interview_add_advice(iv, "Read the EPARs, then \"TOPRA\" guides"));
	MUST(iv_interview_insert(db, iv));
	MUST(iv_note_new(&n));
	MUST(iv_note_set_contact(n, iv_contact_id(c)));
	MUST(iv_note_set_text(n, "Coffee at the café: ÉPAR, naïve résumé, 東京, emoji 🙂"));
	MUST(iv_note_insert(db, n));
	MUST(iv_followup_new(&fu));
	MUST(iv_followup_set_contact(fu, iv_contact_id(c)));
	MUST(iv_followup_set_note(fu, "send the article about pharmacovigilance"));
	MUST(iv_followup_set_due(fu, 1772442000));
	MUST(iv_followup_insert(db, fu));
	iv_followup_free(fu);
	iv_note_free(n);
	iv_interview_free(iv);
	iv_contact_free(c);
}

static void stores_make(void)
{
	int i;

	MUST(iv_db_open_memory(&stores[0]));
	MUST(iv_db_open_with(&stores[1], "sqlite", ":memory:"));
	for (i = 0; i < 2; i++) {
		person(stores[i], "Priya Shah", "Pfizer", "Director, Medical Affairs", "met at DIA 2025", "pharma");
		person(stores[i], "Tom O'Brien-Lee", "Roche", "MSL", "AND OR NOT NEAR \"quoted\" *star* col:on",
		       "msl");
		person(stores[i], "Sara Klein", "Novartis AG", "Associate", "regulatory, affairs; (brackets) [x]",
		       "cold");
	}
}

struct run {
	int rc;
	size_t hits;
};

static struct run run(iv_db *db, const char *query, const iv_search_options *o)
{
	char ids[MAX_HITS][IV_ID_LEN + 2];
	struct run r = { 0, 0 };
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	size_t i;
	int rc;

	if ((r.rc = iv_search(&it, db, query, o)) < 0) {
		const iv_error *e = iv_error_last();

		if (it || !e->message || !*e->message)
			abort();
		return r;
	}
	while ((rc = iv_search_iter_next(&hit, it)) == 0) {
		int kind = iv_search_hit_kind(hit);
		const char *id = iv_search_hit_id(hit);

		if ((o->kinds && !(kind & (int)o->kinds)) || !id || !iv_id_valid(id) ||
		    !isfinite(iv_search_hit_score(hit)))
			abort();
		/* The same record twice (ids are unique across kinds). */
		for (i = 0; i < r.hits && i < MAX_HITS; i++)
			if (strcmp(ids[i], id) == 0)
				abort();
		if (r.hits < MAX_HITS)
			memcpy(ids[r.hits], id, IV_ID_LEN + 1);
		r.hits++;
		iv_search_hit_free(hit);
	}
	if (rc != IV_ITEROVER)
		abort();
	iv_search_iter_free(it);
	if (o->limit && r.hits > o->limit)
		abort();
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	struct run a, b;
	char *query;

	if (!stores[0])
		stores_make();
	if (size < 1)
		return 0;
	/* Bits 0-1: kinds (0 for all); 4-5: limit 0, 1, 2 or 5; 6: unranked; 7: an unknown kind. */
	o.kinds = (data[0] & 3) | (data[0] & 0x80 ? 4 : 0);
	o.limit = (size_t[]){ 0, 1, 2, 5 }[(data[0] >> 4) & 3];
	o.flags = data[0] & 0x40 ? IV_SEARCH_UNRANKED : 0;
	if (!(query = malloc(size)))
		abort();
	memcpy(query, data + 1, size - 1);
	query[size - 1] = '\0';
	a = run(stores[0], query, &o);
	b = run(stores[1], query, &o);
	if ((a.rc < 0) != (b.rc < 0) || (a.rc < 0 && a.rc != b.rc))
		abort(); /* one store refuses what the other runs */
	free(query);
	return 0;
}
