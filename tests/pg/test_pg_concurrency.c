/*
 * Issue 13: eight processes at once on one person's PostgreSQL store, each
 * completing interviews (requested, scheduled, completed: the rules make
 * their follow-ups), adding follow-ups of its own, removing the thank-you
 * of an interview (its own or another's) and applying the rules to the
 * whole store again (iv_rules_apply()), which makes it again. The store
 * starts with interviews completed whose rules' follow-ups are all gone,
 * and the processes all apply the rules at the same moment first: each
 * finds the same follow-ups missing. Afterwards:
 *   - no rule made the same follow-up twice (one per rule key: the same
 *     rule for the same interview or contact), which check-then-write
 *     under READ COMMITTED would do without the core's per-owner lock;
 *   - nothing acknowledged is lost: every interview a process was told was
 *     completed is, with its thank-you; every follow-up it was told was
 *     stored is there;
 *   - every follow-up a process added is there once: none lost, none
 *     stored twice by a call done again;
 *   - how often the library did a call again after a transient failure
 *     (iv_db_retry_count()) is printed, as are the transient failures that
 *     reached the processes (which they retry themselves).
 * Meanwhile the test drops one of their connections to the server every
 * 150 ms (pg_terminate_backend(), as a restarted server or a network
 * failure would): the library connects again and does the call again.
 * IV_PG_KEEP_CONNECTIONS=1 leaves them alone.
 * Bounded by time: the processes stop starting work after IV_PG_SECONDS
 * (default 8), are stopped (a failure) 40 s later, and ctest kills the
 * test at 90 s.
 *
 *     test_pg_concurrency   (server: $IV_TEST_PG or $IV_TEST_PG_DIR)
 *
 * SPDX-License-Identifier: MIT
 */
#include "pg_store.h"

#include <infoview/postgres.h>

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROCS 8
#define PER_PROC 6
#define DAY ((iv_time)86400)
/* Monday 2026-03-02 09:00:00 UTC. */
#define T0 ((iv_time)1772442000)

typedef char id_t_[IV_ID_LEN + 1];

static id_t_ interviews[PROCS * PER_PROC], contacts[PROCS * PER_PROC];
static char conninfo[1200];

static int failf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

static int failf(const char *fmt, ...)
{
	va_list ap;

	fputs("pg_concurrency: FAIL: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- The store before the processes start --------------------------------- */

/* Interviews completed before the processes start, their rules' follow-ups removed. */
#define DONE_BEFORE 16
static id_t_ done_before[DONE_BEFORE];

static int remove_rule_followups(iv_db *db)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int rc;

	if (iv_followup_list(&it, db, NULL) != 0)
		return failf("listing: %s", iv_error_message());
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		if (iv_followup_rule(fu) && iv_followup_delete(db, iv_followup_id(fu), 0) != 0)
			rc = failf("removing %s: %s", iv_followup_id(fu), iv_error_message());
		iv_followup_free(fu);
		if (rc > 0)
			break;
	}
	iv_followup_iter_free(it);
	return rc == IV_ITEROVER ? 0 : 1;
}

static int populate(iv_db *db)
{
	size_t i;

	for (i = 0; i < DONE_BEFORE; i++) {
		iv_contact *c = NULL;
		iv_interview *iv = NULL;
		char name[64];

		snprintf(name, sizeof(name), "Earlier %zu", i);
		if (iv_contact_new(&c) || iv_contact_set_name(c, name) || iv_contact_set_cadence_days(c, 30)
		    || iv_contact_insert(db, c) || iv_interview_new(&iv) || iv_interview_set_contact(iv, iv_contact_id(c))
		    || iv_interview_insert(db, iv)
		    || iv_interview_move(NULL, db, iv_interview_id(iv), IV_INTERVIEW_REQUESTED)
		    || iv_interview_move(NULL, db, iv_interview_id(iv), IV_INTERVIEW_SCHEDULED)
		    || iv_interview_move(NULL, db, iv_interview_id(iv), IV_INTERVIEW_COMPLETED)) {
			iv_contact_free(c);
			iv_interview_free(iv);
			return failf("populating: %s", iv_error_message());
		}
		memcpy(done_before[i], iv_interview_id(iv), sizeof(id_t_));
		iv_contact_free(c);
		iv_interview_free(iv);
	}
	if (remove_rule_followups(db) != 0)
		return 1;
	for (i = 0; i < PROCS * PER_PROC; i++) {
		iv_contact *c = NULL;
		iv_interview *iv = NULL;
		char name[64];

		snprintf(name, sizeof(name), "Contact %zu", i);
		if (iv_contact_new(&c) || iv_contact_set_name(c, name) || iv_contact_set_cadence_days(c, 30)
		    || iv_contact_insert(db, c) || iv_interview_new(&iv) || iv_interview_set_contact(iv, iv_contact_id(c))
		    || iv_interview_insert(db, iv)) {
			iv_contact_free(c);
			iv_interview_free(iv);
			return failf("populating: %s", iv_error_message());
		}
		memcpy(interviews[i], iv_interview_id(iv), sizeof(id_t_));
		memcpy(contacts[i], iv_contact_id(c), sizeof(id_t_));
		iv_contact_free(c);
		iv_interview_free(iv);
	}
	return 0;
}

/* --- One process ------------------------------------------------------------ */

struct tally {
	long transient;  /* IV_ERETRY or IV_EBUSY returned to the process, which tried again */
	long applies;    /* iv_rules_apply() calls that succeeded */
	long retries;    /* the calls the core did again itself (iv_db_retry_count()) */
};

static double deadline;

/* Runs `call` until it does not fail transiently (for 20 s at most); counts the transient failures. */
#define RETRYING(t, call, rc)                                              \
	do {                                                               \
		(rc) = (call);                                             \
		if ((rc) != IV_ERETRY && (rc) != IV_EBUSY)                 \
			break;                                             \
		(t)->transient++;                                          \
	} while (seconds() < deadline + 20)

static int custom_followup(iv_db *db, const char *contact, int k, int i, char *out)
{
	iv_followup *fu = NULL;
	char note[64];
	int rc;

	snprintf(note, sizeof(note), "process %d, number %d", k, i);
	if ((rc = iv_followup_new(&fu)) == 0 && (rc = iv_followup_set_contact(fu, contact)) == 0
	    && (rc = iv_followup_set_due(fu, T0 + 10 * DAY)) == 0 && (rc = iv_followup_set_note(fu, note)) == 0
	    && (rc = iv_followup_insert(db, fu)) == 0)
		memcpy(out, iv_followup_id(fu), sizeof(id_t_));
	iv_followup_free(fu);
	return rc;
}

/* Removes the thank-you of interview `id` if there is one (another process may have just done so). */
static int remove_thanks(iv_db *db, const char *id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char rule[160];
	int rc;

	snprintf(rule, sizeof(rule), "thank_you:%s", id);
	f.rule = rule;
	if ((rc = iv_followup_list(&it, db, &f)) != 0)
		return rc;
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		rc = iv_followup_delete(db, iv_followup_id(fu), 0);
		iv_followup_free(fu);
		if (rc != 0 && rc != IV_ENOTFOUND)
			break;
	}
	iv_followup_iter_free(it);
	return rc == IV_ITEROVER || rc == IV_ENOTFOUND || rc == 0 ? 0 : rc;
}

static int child(int k, FILE *acks, int go)
{
	struct tally t = { 0, 0, 0 };
	iv_db *db = NULL;
	int i, rc = 0;
	char c;

	if (iv_db_open_with(&db, "postgresql", conninfo) != 0)
		return failf("process %d: cannot open the store: %s", k, iv_error_message());
	/* All at once: every process finds the same follow-ups missing. */
	if (read(go, &c, 1) != 0)
		return failf("process %d: no start", k);
	RETRYING(&t, iv_rules_apply(db), rc);
	if (rc != 0)
		failf("process %d: applying the rules: %s", k, iv_error_message());
	else
		t.applies++;
	for (i = 0; rc == 0 && i < PER_PROC && seconds() < deadline; i++) {
		const char *id = interviews[k * PER_PROC + i];
		id_t_ fu;

		RETRYING(&t, iv_interview_move(NULL, db, id, IV_INTERVIEW_REQUESTED), rc);
		if (rc == 0)
			RETRYING(&t, iv_interview_move(NULL, db, id, IV_INTERVIEW_SCHEDULED), rc);
		if (rc == 0)
			RETRYING(&t, iv_interview_move(NULL, db, id, IV_INTERVIEW_COMPLETED), rc);
		if (rc != 0) {
			failf("process %d: moving interview %s: %s", k, id, iv_error_message());
			break;
		}
		fprintf(acks, "interview %s\n", id);
		RETRYING(&t, custom_followup(db, contacts[k * PER_PROC + i], k, i, fu), rc);
		if (rc != 0) {
			failf("process %d: a follow-up of its own: %s", k, iv_error_message());
			break;
		}
		fprintf(acks, "followup %s\n", fu);
		fflush(acks);
		/* A thank-you gone (of an interview of its own, another's, or one done before)... */
		RETRYING(&t, remove_thanks(db, (i + k) % 3 == 0 ? done_before[(i + k) % DONE_BEFORE]
				     : interviews[((k + i) % PROCS) * PER_PROC + i]), rc);
		if (rc != 0) {
			failf("process %d: removing a thank-you: %s", k, iv_error_message());
			break;
		}
		/* ...made again by every process applying the rules to the whole store. */
		RETRYING(&t, iv_rules_apply(db), rc);
		if (rc != 0) {
			failf("process %d: applying the rules: %s", k, iv_error_message());
			break;
		}
		t.applies++;
	}
	/* More while the others still complete theirs. */
	while (rc == 0 && t.applies < 3 * PER_PROC && seconds() < deadline) {
		RETRYING(&t, remove_thanks(db, done_before[(t.applies + k) % DONE_BEFORE]), rc);
		RETRYING(&t, iv_rules_apply(db), rc);
		if (rc != 0)
			failf("process %d: applying the rules: %s", k, iv_error_message());
		else
			t.applies++;
	}
	t.retries = (long)iv_db_retry_count(db);
	fprintf(acks, "tally %ld %ld %ld\n", t.transient, t.applies, t.retries);
	fflush(acks);
	iv_db_free(db);
	return rc == 0 ? 0 : 1;
}

/* --- Afterwards --------------------------------------------------------------- */

struct seen {
	char key[160];
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->key, ((const struct seen *)b)->key);
}

int main(void)
{
	const char *admin = iv_test_pg_conninfo(), *env = getenv("IV_PG_SECONDS");
	char role[IV_TEST_PG_ROLE_LEN], line[256];
	FILE *acks[PROCS];
	pid_t pids[PROCS];
	iv_db *db = NULL;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	struct seen *keys = NULL;
	size_t nkeys = 0, cap = 0, nfollowups = 0, nown = 0, i;
	long transient = 0, applies = 0, retries = 0, acked_interviews = 0, acked_followups = 0;
	int k, failed = 0, duplicates = 0, go[2];
	long dropped = 0;
	double start = seconds(), secs = env && atof(env) > 0 ? atof(env) : 8;

	if (!admin)
		return 1;
	setenv("TZ", "UTC", 1);
	if (iv_test_pg_role_new(role) < 0 || iv_test_pg_role_conninfo(conninfo, sizeof(conninfo), role) < 0)
		return 1;
	if (iv_db_open_with(&db, "postgresql", conninfo) != 0)
		return failf("cannot open the store: %s", iv_error_message());
	if (populate(db) != 0)
		return 1;
	iv_db_free(db);
	db = NULL;

	deadline = seconds() + secs;
	if (pipe(go) != 0)
		return failf("pipe: %s", strerror(errno));
	fflush(NULL);
	for (k = 0; k < PROCS; k++) {
		if (!(acks[k] = tmpfile()))
			return failf("tmpfile: %s", strerror(errno));
		pids[k] = fork();
		if (pids[k] < 0)
			return failf("fork: %s", strerror(errno));
		if (pids[k] == 0) {
			close(go[1]);
			_exit(child(k, acks[k], go[0]));
		}
	}
	/* Go. */
	close(go[0]);
	close(go[1]);
	if (!getenv("IV_PG_KEEP_CONNECTIONS")) {
		char sql[300];

		/* Connections dropped under them: the library makes them again and does the call again. */
		snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '%s' "
			 "ORDER BY random() LIMIT 1", role);
		while (seconds() < deadline) {
			nanosleep(&(struct timespec){ 0, 150000000 }, NULL);
			if (iv_test_pg_admin_exec(sql) == 0)
				dropped++;
		}
		printf("pg_concurrency: %ld connections dropped\n", dropped);
	}
	for (k = 0; k < PROCS; k++) {
		int status = 0;

		/* Bounded: a process still running 40 s after the start is stopped, and that is a failure. */
		while (waitpid(pids[k], &status, WNOHANG) == 0) {
			if (seconds() > start + secs + 40) {
				failf("process %d still running: stopped", k);
				kill(pids[k], SIGKILL);
				waitpid(pids[k], &status, 0);
				status = 1 << 8;
				break;
			}
			nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			failf("process %d failed (status %d)", k, status);
			failed++;
		}
	}

	if (iv_db_open_with(&db, "postgresql", conninfo) != 0)
		return failf("cannot reopen the store: %s", iv_error_message());
	/* The thank-yous removed last are made again: every completed interview has its own. */
	if (iv_rules_apply(db) != 0)
		return failf("applying the rules at the end: %s", iv_error_message());
	/* Every follow-up, by rule key: none twice. */
	if (iv_followup_list(&it, db, NULL) != 0)
		return failf("listing: %s", iv_error_message());
	while (iv_followup_iter_next(&fu, it) == 0) {
		nfollowups++;
		if (!iv_followup_rule(fu) && iv_followup_note(fu)) {
			/* A follow-up of a process's own: its note names it, once. */
			if (nkeys == cap) {
				cap = cap ? 2 * cap : 256;
				keys = realloc(keys, cap * sizeof(*keys));
				if (!keys)
					return failf("out of memory");
			}
			snprintf(keys[nkeys++].key, sizeof(keys->key), "note:%s", iv_followup_note(fu));
			nown++;
		}
		if (iv_followup_rule(fu)) {
			if (nkeys == cap) {
				cap = cap ? 2 * cap : 256;
				keys = realloc(keys, cap * sizeof(*keys));
				if (!keys)
					return failf("out of memory");
			}
			snprintf(keys[nkeys++].key, sizeof(keys->key), "%s", iv_followup_rule(fu));
		}
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	qsort(keys, nkeys, sizeof(*keys), by_key);
	for (i = 1; i < nkeys; i++) {
		if (strcmp(keys[i].key, keys[i - 1].key) == 0) {
			failf("two follow-ups of %s", keys[i].key);
			duplicates++;
		}
	}
	/* Everything acknowledged is there. */
	for (k = 0; k < PROCS; k++) {
		rewind(acks[k]);
		while (fgets(line, sizeof(line), acks[k])) {
			char id[IV_ID_LEN + 1], want[160];
			long a, b, c;
			struct seen s;

			if (sscanf(line, "interview %36s", id) == 1) {
				iv_interview *iv = NULL;

				acked_interviews++;
				if (iv_interview_lookup(&iv, db, id) != 0 || iv_interview_status(iv) != IV_INTERVIEW_COMPLETED) {
					failf("interview %s, acknowledged as completed, is not", id);
					failed++;
				}
				iv_interview_free(iv);
				snprintf(want, sizeof(want), "thank_you:%s", id);
				snprintf(s.key, sizeof(s.key), "%s", want);
				if (!nkeys || !bsearch(&s, keys, nkeys, sizeof(*keys), by_key)) {
					failf("interview %s, completed, has no thank-you (%s)", id, want);
					failed++;
				}
			} else if (sscanf(line, "followup %36s", id) == 1) {
				iv_followup *f = NULL;

				acked_followups++;
				if (iv_followup_lookup(&f, db, id) != 0) {
					failf("follow-up %s, acknowledged as stored, is not there", id);
					failed++;
				}
				iv_followup_free(f);
			} else if (sscanf(line, "tally %ld %ld %ld", &a, &b, &c) == 3) {
				transient += a;
				applies += b;
				retries += c;
			}
		}
		fclose(acks[k]);
	}
	for (i = 0; i < DONE_BEFORE; i++) {
		struct seen s;

		snprintf(s.key, sizeof(s.key), "thank_you:%.36s", done_before[i]);
		if (!nkeys || !bsearch(&s, keys, nkeys, sizeof(*keys), by_key)) {
			failf("interview %s, completed before, has no thank-you (%s)", done_before[i], s.key);
			failed++;
		}
	}
	free(keys);
	iv_db_free(db);
	if (iv_test_pg_role_drop(role) < 0)
		failed++;
	/* Connections were dropped under calls: the library did them again. */
	if (dropped >= 10 && retries == 0) {
		failf("%ld connections dropped, and no call was done again", dropped);
		failed++;
	}
	/* Each process's own follow-ups: those acknowledged, and no more (a call done twice). */
	if ((long)nown != acked_followups) {
		failf("%zu follow-ups of the processes' own in the store, %ld acknowledged", nown, acked_followups);
		failed++;
	}
	if (acked_interviews == 0) {
		failf("no interview was completed in %.0f s", secs);
		failed++;
	}

	printf("pg_concurrency: %d processes in %.1f s: %ld interviews completed, %ld follow-ups of their own, "
	       "%ld rule applications; %zu follow-ups, %zu by rules, %d made twice\n",
	       PROCS, seconds() - start, acked_interviews, acked_followups, applies, nfollowups, nkeys - nown, duplicates);
	printf("pg_concurrency: the library did %ld calls again after a transient failure (iv_db_retry_count()); "
	       "%ld transient failures reached the processes\n", retries, transient);
	printf("%d passed, %d failed\n", failed + duplicates ? 0 : 1, failed + duplicates ? 1 : 0);
	return failed + duplicates ? 1 : 0;
}
