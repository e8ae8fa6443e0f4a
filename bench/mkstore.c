/*
 * Makes a store of a given size for measuring, through the public API in
 * one transaction: N contacts (a third known directly, the rest
 * introduced or cold; companies from a pool of N/50, names from a pool),
 * 2N introductions (each contact after the first hundred introduced by one
 * or two earlier ones, mostly made), N follow-ups (half pending, earliest
 * weeks ahead but for 50 due now, as the agenda of a real morning), N/20 interviews
 * (planned) and N/10 notes. Deterministic for a given N.
 *
 * usage: mkstore [--memory] PATH N
 * The clock is fixed at 2026-03-02 09:00 UTC (IV_BENCH_NOW), so that what
 * is due is the same on every run.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <infoview/infoview.h>

#define IV_BENCH_NOW ((iv_time)1772442000)
#define DAY ((iv_time)86400)

static const char *const first[] = {
	"Ada", "Alex", "Bea", "Blake", "Cam", "Dana", "Eli", "Fay", "Gus", "Hana", "Ian", "Jam",
	"Kai", "Lena", "Mo", "Nia", "Oren", "Pia", "Quin", "Rae", "Sam", "Tao", "Uma", "Vic",
};
static const char *const last[] = {
	"Reyes", "Kim", "Chen", "Okafor", "Shah", "Nguyen", "Klein", "Rossi", "Silva", "Novak",
	"Haddad", "Ito", "Moreau", "Jensen", "Kowalski", "Mensah",
};

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int clock_cb(iv_time *now, void *payload)
{
	(void)payload;
	*now = IV_BENCH_NOW - 400 * DAY;
	return 0;
}

static void die(const char *what)
{
	fprintf(stderr, "mkstore: %s: %s\n", what, iv_error_last()->message);
	exit(1);
}

int main(int argc, char **argv)
{
	int memory = argc > 1 && strcmp(argv[1], "--memory") == 0;
	char (*ids)[IV_ID_LEN + 1];
	char name[96], company[64], note[64];
	iv_db *db = NULL;
	long n, i, k;

	if (argc != 3 + memory || (n = atol(argv[2 + memory])) < 1) {
		fprintf(stderr, "usage: mkstore [--memory] PATH N\n");
		return 2;
	}
	if ((memory ? iv_db_open_memory(&db) : iv_db_open(&db, argv[1 + memory])) < 0)
		die("open");
	iv_db_set_clock(db, clock_cb, NULL);
	if (!(ids = malloc((size_t)n * sizeof(*ids))))
		return 1;
	if (iv_db_begin(db) < 0)
		die("begin");
	for (i = 0; i < n; i++) {
		iv_contact *c = NULL;

		snprintf(name, sizeof(name), "%s %s %ld", first[next() % 24], last[next() % 16], i);
		snprintf(company, sizeof(company), "Company %ld", (long)(next() % (uint64_t)(n / 50 + 1)));
		if (iv_contact_new(&c) < 0 || iv_contact_set_name(c, name) < 0 ||
		    iv_contact_set_company(c, company) < 0 ||
		    iv_contact_set_known(c, i < 100 || i % 3 == 0 ? IV_KNOWN_DIRECT
							   : i % 3 == 1 ? IV_KNOWN_INTRODUCED : IV_KNOWN_COLD) < 0 ||
		    iv_contact_set_last_interaction(c, (i % 5) ? IV_BENCH_NOW - (iv_time)(next() % 300) * DAY : 0) < 0)
			die("contact");
		if (i % 4 == 0) {
			snprintf(name, sizeof(name), "person%ld@example.org", i);
			if (iv_contact_add_email(c, name) < 0)
				die("email");
		}
		if (i % 7 == 0 && iv_contact_add_tag(c, i % 2 ? "pharma" : "alumni") < 0)
			die("tag");
		if (iv_contact_insert(db, c) < 0)
			die("contact insert");
		memcpy(ids[i], iv_contact_id(c), IV_ID_LEN + 1);
		iv_contact_free(c);
	}
	for (i = 0, k = 0; k < 2 * n; i = (i + 1) % n) {
		iv_intro *in = NULL;
		long by, to = i;

		if (to < 100)
			continue;
		by = (long)(next() % (uint64_t)to);
		if (iv_intro_new(&in) < 0 || iv_intro_set_introducer(in, ids[by]) < 0 ||
		    iv_intro_set_introduced(in, ids[to]) < 0 ||
		    iv_intro_set_channel(in, (int)(next() % 5) + 1) < 0 ||
		    iv_intro_set_status(in, next() % 10 < 7 ? IV_INTRO_MADE : IV_INTRO_REQUESTED) < 0 ||
		    iv_intro_insert(db, in) < 0)
			die("intro");
		iv_intro_free(in);
		k++;
	}
	for (i = 0; i < n / 20; i++) {
		iv_interview *iv = NULL;

		if (iv_interview_new(&iv) < 0 || iv_interview_set_contact(iv, ids[(i * 13) % n]) < 0 ||
		    iv_interview_set_purpose(iv, "Learn how regulatory affairs teams work") < 0 ||
		    iv_interview_add_question(iv, "What does a typical week look like?") < 0 ||
		    iv_interview_insert(db, iv) < 0)
			die("interview");
		iv_interview_free(iv);
	}
	for (i = 0; i < n; i++) {
		iv_followup *fu = NULL;
		/*
		 * As on a real morning: of the pending half, 50 can be done now
		 * and the rest are weeks ahead; the done half lies in the past.
		 */
		iv_time earliest = i % 2 ? IV_BENCH_NOW - (iv_time)(1 + next() % 60) * DAY
				  : i / 2 < 50 ? IV_BENCH_NOW - (iv_time)(1 + next() % 5) * DAY
				  : IV_BENCH_NOW + (iv_time)(2 + next() % 60) * DAY;

		if (iv_followup_new(&fu) < 0 || iv_followup_set_contact(fu, ids[(i * 7) % n]) < 0 ||
		    iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM) < 0 ||
		    iv_followup_set_earliest(fu, earliest) < 0 || iv_followup_set_due(fu, earliest + 2 * DAY) < 0 ||
		    iv_followup_set_note(fu, "Send the article we talked about") < 0 ||
		    iv_followup_insert(db, fu) < 0)
			die("followup");
		if (i % 2 && iv_followup_close(NULL, db, iv_followup_id(fu), IV_FOLLOWUP_DONE) < 0)
			die("followup close");
		iv_followup_free(fu);
	}
	for (i = 0; i < n / 10; i++) {
		iv_note *no = NULL;

		snprintf(note, sizeof(note), "Coffee chat number %ld", i);
		if (iv_note_new(&no) < 0 || iv_note_set_contact(no, ids[(i * 3) % n]) < 0 ||
		    iv_note_set_text(no, note) < 0 || iv_note_insert(db, no) < 0)
			die("note");
		iv_note_free(no);
	}
	if (iv_db_commit(db) < 0)
		die("commit");
	iv_db_free(db);
	free(ids);
	return 0;
}
