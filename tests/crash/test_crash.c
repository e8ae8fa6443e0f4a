/*
 * The crash test (issue 12): a writer working through the public API on the
 * SQLite backend is killed with SIGKILL at random moments, round after
 * round, on one store. The writer logs every write the library has
 * acknowledged (the call returned 0) to a file it fsyncs before going on.
 * After each round the store must hold every logged record, pass SQLite's
 * integrity checks (PRAGMA integrity_check, foreign_key_check, and the FTS5
 * indexes' own 'integrity-check'), and show no workflow step half applied:
 * every interview's follow-ups are exactly those its status calls for, a
 * cascade delete took everything or nothing, every contact with a cadence
 * has its one check-in.
 *
 *   test_crash [ROUNDS]   (default 25, 8 under valgrind, or $IV_CRASH_ROUNDS)
 *
 * Some rounds kill the writer within its first few milliseconds, while it
 * creates or opens the store; the others once it has logged a random number
 * of writes, plus a random delay, so that the kill lands inside a call.
 * Rounds alternate the store's durability (full, normal): a process crash
 * loses nothing acknowledged at either. $IV_CRASH_SEED repeats a run.
 *
 * Nothing here depends on timing to pass: the parent waits for the
 * writer's progress in the log, however slow the machine.
 *
 * SPDX-License-Identifier: MIT
 */
#include <infoview/infoview.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


#if defined(__GNUC__)
# define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
# define PRINTF_LIKE(a, b)
#endif

#define DEFAULT_ROUNDS 25
#define VALGRIND_ROUNDS 8
/* How long a round may wait for the writer's first writes before failing. */
#define PROGRESS_LIMIT_S 300

static int failures;

static void fail(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "FAIL: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	failures++;
}

/* --- The writer ------------------------------------------------------------ */

static int log_fd = -1;

/* Appends one line to the log and makes it durable before the next write. */
static void log_line(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void log_line(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	line[n++] = '\n';
	if (write(log_fd, line, (size_t)n) != n || fdatasync(log_fd) < 0) {
		perror("crash writer: the log");
		_exit(4);
	}
}

static void must(int rc, const char *what)
{
	if (rc < 0) {
		fprintf(stderr, "crash writer: %s: %s\n", what, iv_error_last()->message);
		_exit(3);
	}
}

static const char *const words[] = {
	"clinical", "data", "pharma", "lab", "trial", "analyst", "manager", "nurse",
	"teacher", "design", "finance", "biotech", "ops", "research", "product",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static void add_contact(char id[IV_ID_LEN + 1], iv_db *db, const char *name, int known, unsigned int *seed)
{
	iv_contact *c = NULL;
	char notes[128];

	snprintf(notes, sizeof(notes), "%s %s %s", words[rand_r(seed) % NWORDS], words[rand_r(seed) % NWORDS],
		 words[rand_r(seed) % NWORDS]);
	must(iv_contact_new(&c), "new contact");
	must(iv_contact_set_name(c, name), "name");
	must(iv_contact_set_known(c, known), "known");
	must(iv_contact_set_company(c, words[rand_r(seed) % NWORDS]), "company");
	must(iv_contact_set_notes(c, notes), "notes");
	must(iv_contact_add_tag(c, "crash"), "tag");
	must(iv_contact_set_cadence_days(c, 30), "cadence");
	must(iv_contact_insert(db, c), "insert contact");
	snprintf(id, IV_ID_LEN + 1, "%s", iv_contact_id(c));
	log_line("C %s", id);
	iv_contact_free(c);
}

/*
 * One story after another, each write logged once acknowledged: two
 * contacts, an introduction, an interview requested (its nudges), scheduled
 * (nudges cancelled), given advice, completed (thank-yous, a report-back,
 * an interaction); every fourth story's interviewee is then deleted with
 * everything that depends on it, the intent logged before the call.
 */
static void writer(const char *path, int full, unsigned int seed)
{
	char a[IV_ID_LEN + 1], b[IV_ID_LEN + 1], in_id[IV_ID_LEN + 1], iv_id[IV_ID_LEN + 1], name[64];
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_db *db = NULL;
	iv_time now;
	long k;

	must(iv_db_open(&db, path), "open");
	must(iv_db_set_durability(db, full ? IV_DURABILITY_FULL : IV_DURABILITY_NORMAL), "durability");
	for (k = 0;; k++) {
		snprintf(name, sizeof(name), "Ann %ld-%ld", (long)getpid(), k);
		add_contact(a, db, name, IV_KNOWN_DIRECT, &seed);
		snprintf(name, sizeof(name), "Bo %ld-%ld", (long)getpid(), k);
		add_contact(b, db, name, IV_KNOWN_INTRODUCED, &seed);

		must(iv_intro_new(&in), "new intro");
		must(iv_intro_set_introducer(in, a), "introducer");
		must(iv_intro_set_introduced(in, b), "introduced");
		must(iv_intro_set_status(in, IV_INTRO_MADE), "intro status");
		must(iv_intro_insert(db, in), "insert intro");
		snprintf(in_id, sizeof(in_id), "%s", iv_intro_id(in));
		log_line("I %s %s %s", in_id, a, b);
		iv_intro_free(in);

		must(iv_db_now(&now, db), "now");
		must(iv_interview_new(&iv), "new interview");
		must(iv_interview_set_contact(iv, b), "interview contact");
		must(iv_interview_set_intro(iv, in_id), "interview intro");
		must(iv_interview_set_purpose(iv, words[rand_r(&seed) % NWORDS]), "purpose");
		must(iv_interview_set_scheduled_at(iv, now + 86400), "scheduled at");
		must(iv_interview_seed_questions(iv, 4), "questions");
		must(iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED), "interview status");
		must(iv_interview_insert(db, iv), "insert interview");
		snprintf(iv_id, sizeof(iv_id), "%s", iv_interview_id(iv));
		log_line("V %s %s", iv_id, b);
		iv_interview_free(iv);

		must(iv_interview_move(NULL, db, iv_id, IV_INTERVIEW_SCHEDULED), "schedule");
		log_line("M %s %d", iv_id, IV_INTERVIEW_SCHEDULED);

		if (k % 2 == 0) {
			must(iv_interview_lookup(&iv, db, iv_id), "lookup interview");
			must(iv_interview_set_answer(iv, 0, words[rand_r(&seed) % NWORDS]), "answer");
			must(iv_interview_add_advice(iv, words[rand_r(&seed) % NWORDS]), "advice");
			must(iv_interview_update(db, iv), "update interview");
			log_line("A %s", iv_id);
			iv_interview_free(iv);
		}

		must(iv_interview_move(NULL, db, iv_id, IV_INTERVIEW_COMPLETED), "complete");
		log_line("M %s %d", iv_id, IV_INTERVIEW_COMPLETED);

		if (k % 4 == 3) {
			log_line("d %s", b);
			must(iv_contact_delete(db, b, IV_DELETE_CASCADE), "cascade delete");
			log_line("D %s", b);
		}
	}
}

/* --- The log, read back ---------------------------------------------------- */

struct entry {
	char op;
	char id[IV_ID_LEN + 1];
	char x[IV_ID_LEN + 1]; /* I: introducer; V: contact; M: status */
	char y[IV_ID_LEN + 1]; /* I: introduced */
	int status;            /* M */
};

struct log {
	struct entry *e;
	size_t n, cap;
};

/*
 * Reads the complete lines of the log, cutting off a line the kill tore
 * (written in part: the record may or may not be there, which is fair),
 * so that the next writer starts on a fresh line.
 */
static int read_log(struct log *lg, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	long good = 0;

	lg->n = 0;
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		struct entry e;
		size_t len = strlen(line);

		if (len == 0 || line[len - 1] != '\n')
			break;
		memset(&e, 0, sizeof(e));
		if (sscanf(line, "%c %36s %36s %36s", &e.op, e.id, e.x, e.y) < 2) {
			fail("log: unreadable line '%s'", line);
			break;
		}
		if (e.op == 'M')
			e.status = atoi(e.x);
		if (lg->n == lg->cap) {
			lg->cap = lg->cap ? 2 * lg->cap : 1024;
			lg->e = realloc(lg->e, lg->cap * sizeof(*lg->e));
			if (!lg->e)
				abort();
		}
		lg->e[lg->n++] = e;
		good += (long)len;
	}
	fclose(f);
	if (truncate(path, good) < 0)
		return -1;
	return 0;
}

/* The ids of the log's deletions: intended ('d') and acknowledged ('D'), sorted. */
struct deleted {
	const char **v;
	size_t n;
};

static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void deleted_read(struct deleted *d, const struct log *lg, char op)
{
	size_t i;

	d->n = 0;
	if (!(d->v = malloc((lg->n + 1) * sizeof(*d->v))))
		abort();
	for (i = 0; i < lg->n; i++)
		if (lg->e[i].op == op)
			d->v[d->n++] = lg->e[i].id;
	qsort(d->v, d->n, sizeof(*d->v), cmp_id);
}

static int deleted_has(const struct deleted *d, const char *id)
{
	return bsearch(&id, d->v, d->n, sizeof(*d->v), cmp_id) != NULL;
}

/* --- Checks ---------------------------------------------------------------- */

static int count_rows(sqlite3 *raw, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int n = -1;

	if (sqlite3_prepare_v2(raw, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		fail("%s: %s", sql, sqlite3_errmsg(raw));
	sqlite3_finalize(st);
	return n;
}

/* SQLite's own checks, on a connection of its own, before the library opens the store. */
static void check_sqlite(const char *path, int round)
{
	static const char *const fts[] = {
		"INSERT INTO contact_fts (contact_fts) VALUES ('integrity-check')",
		"INSERT INTO interview_fts (interview_fts) VALUES ('integrity-check')",
	};
	sqlite3 *raw = NULL;
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fail("round %d: sqlite3_open_v2: %s", round, sqlite3_errmsg(raw));
		sqlite3_close(raw);
		return;
	}
	sqlite3_busy_timeout(raw, 10000);
	if (sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		fail("round %d: integrity_check: %s", round, sqlite3_errmsg(raw));
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
			fail("round %d: integrity_check: %s", round, sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	/* An empty store (killed before its schema was made) has nothing more to check. */
	if (count_rows(raw, "SELECT count(*) FROM sqlite_master WHERE name = 'interview_fts'") != 1)
		goto out;
	if (count_rows(raw, "SELECT count(*) FROM pragma_foreign_key_check") != 0)
		fail("round %d: PRAGMA foreign_key_check finds dangling references", round);
	for (i = 0; i < sizeof(fts) / sizeof(fts[0]); i++)
		if (sqlite3_exec(raw, fts[i], NULL, NULL, NULL) != SQLITE_OK)
			fail("round %d: %s: %s", round, fts[i], sqlite3_errmsg(raw));
	/* The interviews' index is a copy the backend writes with each interview: the same text. */
	if (count_rows(raw, "SELECT count(*) FROM interview i LEFT JOIN interview_fts f ON f.rowid = i.id"
			    " WHERE f.rowid IS NULL OR f.purpose IS NOT i.purpose") != 0)
		fail("round %d: an interview's search index row is missing or stale", round);
	if (count_rows(raw, "SELECT count(*) FROM interview_fts WHERE rowid NOT IN (SELECT id FROM interview)") != 0)
		fail("round %d: the search index holds a deleted interview", round);
out:
	sqlite3_close(raw);
}

/* How many follow-ups the rule `key` made, and how many of them are pending. */
static void rule_count(int *all, int *pending, iv_db *db, const char *key)
{
	iv_followup_filter f;
	iv_followup_iter *it = NULL;
	iv_followup *fu;
	int rc;

	*all = *pending = 0;
	iv_followup_filter_init(&f, IV_FOLLOWUP_FILTER_VERSION);
	f.rule = key;
	if (iv_followup_list(&it, db, &f) < 0) {
		fail("listing follow-ups of %s: %s", key, iv_error_last()->message);
		return;
	}
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		++*all;
		*pending += iv_followup_status(fu) == IV_FOLLOWUP_PENDING;
		iv_followup_free(fu);
	}
	if (rc != IV_ITEROVER)
		fail("listing follow-ups of %s: %s", key, iv_error_last()->message);
	iv_followup_iter_free(it);
}

/* The follow-ups an interview's status calls for, all of them and no others. */
static void check_interview_steps(iv_db *db, iv_interview *iv, int round)
{
	const char *id = iv_interview_id(iv);
	int status = iv_interview_status(iv), done = status == IV_INTERVIEW_COMPLETED;
	int all, pending, want;
	iv_intro *in = NULL;
	iv_contact *c = NULL;
	char key[160];

	snprintf(key, sizeof(key), "nudge_other:%s", id);
	rule_count(&all, &pending, db, key);
	if (all != 1 || pending != (status == IV_INTERVIEW_REQUESTED))
		fail("round %d: interview %s (status %d): %d nudges_other, %d pending", round, id, status, all, pending);
	snprintf(key, sizeof(key), "nudge_followup:%s", id);
	rule_count(&all, &pending, db, key);
	if (all != 1 || pending != (status == IV_INTERVIEW_REQUESTED))
		fail("round %d: interview %s (status %d): %d nudges_followup, %d pending", round, id, status, all, pending);

	snprintf(key, sizeof(key), "thank_you:%s", id);
	rule_count(&all, &pending, db, key);
	if (all != done || pending != done)
		fail("round %d: interview %s (status %d): %d thank-yous (%d pending)", round, id, status, all, pending);
	if (iv_intro_lookup(&in, db, iv_interview_intro(iv)) < 0) {
		fail("round %d: interview %s: its introduction: %s", round, id, iv_error_last()->message);
	} else {
		snprintf(key, sizeof(key), "thank_introducer:%s:%s", id, iv_intro_introducer(in));
		rule_count(&all, &pending, db, key);
		if (all != done || pending != done)
			fail("round %d: interview %s (status %d): %d thank-yous to the introducer", round, id, status,
			     all);
	}
	iv_intro_free(in);
	want = done && iv_interview_advice_count(iv) > 0;
	snprintf(key, sizeof(key), "report_back:%s", id);
	rule_count(&all, &pending, db, key);
	if (all != want)
		fail("round %d: interview %s (status %d, %zu advice): %d report-backs", round, id, status,
		     iv_interview_advice_count(iv), all);
	/* Completing is an interaction with the interviewee, in the same transaction. */
	if (done && iv_contact_lookup(&c, db, iv_interview_contact(iv)) == 0 &&
	    iv_contact_last_interaction(c) < iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED))
		fail("round %d: interview %s completed but its interviewee's last interaction is older", round, id);
	iv_contact_free(c);
}

static int status_rank(int status)
{
	return status == IV_INTERVIEW_REQUESTED ? 1 : status == IV_INTERVIEW_SCHEDULED ? 2
	     : status == IV_INTERVIEW_COMPLETED ? 3 : 0;
}

/* Every logged record is there (or, for a deletion, gone), and each is whole. */
static size_t check_log(iv_db *db, const struct log *lg, int round)
{
	struct deleted intended, done;
	size_t i, checked = 0;

	deleted_read(&intended, lg, 'd');
	deleted_read(&done, lg, 'D');
	for (i = 0; i < lg->n; i++) {
		const struct entry *e = &lg->e[i];
		iv_contact *c = NULL;
		iv_intro *in = NULL;
		iv_interview *iv = NULL;
		int rc, gone, maybe;

		switch (e->op) {
		case 'C':
			rc = iv_contact_lookup(&c, db, e->id);
			gone = deleted_has(&done, e->id);
			maybe = deleted_has(&intended, e->id);
			if (rc == 0 && gone)
				fail("round %d: contact %s is back after its deletion was acknowledged", round, e->id);
			else if (rc == IV_ENOTFOUND && !gone && !maybe)
				fail("round %d: acknowledged contact %s is lost", round, e->id);
			else if (rc < 0 && rc != IV_ENOTFOUND)
				fail("round %d: contact %s: %s", round, e->id, iv_error_last()->message);
			iv_contact_free(c);
			break;
		case 'I':
			rc = iv_intro_lookup(&in, db, e->id);
			/* It goes with the introduced contact, and only with it. */
			gone = iv_contact_lookup(&c, db, e->y) == IV_ENOTFOUND;
			if ((rc == 0) == gone)
				fail("round %d: introduction %s is %s but its contact is %s", round, e->id,
				     rc == 0 ? "there" : "missing", gone ? "deleted" : "there");
			else if (rc == 0 && (strcmp(iv_intro_introducer(in), e->x) || strcmp(iv_intro_introduced(in), e->y)))
				fail("round %d: introduction %s names other contacts", round, e->id);
			iv_intro_free(in);
			iv_contact_free(c);
			break;
		case 'V':
		case 'M':
		case 'A':
			rc = iv_interview_lookup(&iv, db, e->id);
			/* It goes with its contact, and only with it. */
			if (e->op == 'V') {
				gone = iv_contact_lookup(&c, db, e->x) == IV_ENOTFOUND;
				iv_contact_free(c);
				if ((rc == 0) == gone)
					fail("round %d: interview %s is %s but its contact is %s", round, e->id,
					     rc == 0 ? "there" : "missing", gone ? "deleted" : "there");
			}
			if (rc == IV_ENOTFOUND)
				break;
			if (rc < 0)
				fail("round %d: interview %s: %s", round, e->id, iv_error_last()->message);
			else if (e->op == 'M' && status_rank(iv_interview_status(iv)) < status_rank(e->status))
				fail("round %d: interview %s is back at status %d after its move to %d was acknowledged",
				     round, e->id, iv_interview_status(iv), e->status);
			else if (e->op == 'A' && iv_interview_advice_count(iv) == 0)
				fail("round %d: interview %s lost its acknowledged advice", round, e->id);
			iv_interview_free(iv);
			break;
		case 'd':
		case 'D':
			break;
		default:
			fail("round %d: log: unknown record '%c'", round, e->op);
		}
		checked++;
	}
	free(intended.v);
	free(done.v);
	return checked;
}

/* What the store holds, whatever the log says: no step half applied. */
static void check_store(iv_db *db, int round, size_t *ninterviews)
{
	iv_interview_iter *it = NULL;
	iv_contact_iter *ct = NULL;
	iv_interview *iv;
	iv_contact *c;
	char key[64];
	int rc, all, pending;

	*ninterviews = 0;
	if (iv_interview_list(&it, db, NULL) < 0) {
		fail("round %d: listing interviews: %s", round, iv_error_last()->message);
		return;
	}
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		check_interview_steps(db, iv, round);
		iv_interview_free(iv);
		++*ninterviews;
	}
	if (rc != IV_ITEROVER)
		fail("round %d: listing interviews: %s", round, iv_error_last()->message);
	iv_interview_iter_free(it);

	if (iv_contact_list(&ct, db, NULL) < 0) {
		fail("round %d: listing contacts: %s", round, iv_error_last()->message);
		return;
	}
	while ((rc = iv_contact_iter_next(&c, ct)) == 0) {
		snprintf(key, sizeof(key), "check_in:%s", iv_contact_id(c));
		rule_count(&all, &pending, db, key);
		if (pending != 1)
			fail("round %d: contact %s (cadence %d) has %d pending check-ins", round, iv_contact_id(c),
			     iv_contact_cadence_days(c), pending);
		iv_contact_free(c);
	}
	if (rc != IV_ITEROVER)
		fail("round %d: listing contacts: %s", round, iv_error_last()->message);
	iv_contact_iter_free(ct);
}

/* --- The rounds ------------------------------------------------------------ */

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/*
 * Runs the writer in a child until it has logged `lines` more lines (none
 * for an early kill), waits `delay_us` more, and kills it. Returns 0, or -1
 * if the writer ended by itself or made no progress.
 */
static int round_run(const char *db_path, const char *log_path, int full, unsigned int seed, long lines,
		     long delay_us)
{
	long start = file_size(log_path), waited = 0;
	int status;
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) < 0) {
		perror("fork");
		return -1;
	}
	if (pid == 0) {
		if ((log_fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0)
			_exit(4);
		writer(db_path, full, seed);
		_exit(0);
	}
	/* A line is at least 40 bytes: wait for about `lines` of them. */
	while (lines > 0 && file_size(log_path) < start + 40 * lines) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			fail("the writer ended by itself (%s %d)", WIFEXITED(status) ? "status" : "signal",
			     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
			return -1;
		}
		if (waited > PROGRESS_LIMIT_S * 1000000L) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			fail("the writer made no progress in %d s", PROGRESS_LIMIT_S);
			return -1;
		}
		sleep_us(1000);
		waited += 1000;
	}
	sleep_us(delay_us);
	kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		return -1;
	}
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
		fail("the writer ended by itself (%s %d)", WIFEXITED(status) ? "status" : "signal",
		     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/iv-crash-XXXXXX", db_path[64], log_path[64];
	const char *env = getenv("IV_CRASH_ROUNDS");
	const char *preload = getenv("LD_PRELOAD");
	/* Under valgrind (CI runs every test_* so) each writer starts slowly: fewer rounds. */
	int dflt = preload && strstr(preload, "vgpreload") ? VALGRIND_ROUNDS : DEFAULT_ROUNDS;
	int rounds = argc > 1 ? atoi(argv[1]) : env && *env ? atoi(env) : dflt;
	unsigned int seed = getenv("IV_CRASH_SEED") ? (unsigned int)strtoul(getenv("IV_CRASH_SEED"), NULL, 10)
						    : (unsigned int)time(NULL) ^ (unsigned int)getpid();
	size_t records = 0, interviews = 0, n;
	struct log lg = { NULL, 0, 0 };
	int round, early = 0;

	if (rounds < 1) {
		fprintf(stderr, "usage: test_crash [ROUNDS]\n");
		return 2;
	}
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(db_path, sizeof(db_path), "%s/store.db", dir);
	snprintf(log_path, sizeof(log_path), "%s/acknowledged.log", dir);
	printf("test_crash: %d rounds, seed %u (IV_CRASH_SEED repeats it)\n", rounds, seed);
	/* There from the start: the first writer may be killed before it writes a line. */
	if (close(open(log_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		perror(log_path);
		return 1;
	}
	srand(seed);

	for (round = 0; round < rounds && failures == 0; round++) {
		iv_db *db = NULL;
		/* Round 0, and one in five, kills the writer while it opens (or creates) the store. */
		int kill_early = round == 0 || rand() % 5 == 0, full = round % 2;
		long lines = kill_early ? 0 : 1 + rand() % 150;
		long delay = kill_early ? rand() % 3000 : rand() % 20000;

		early += kill_early;
		if (round_run(db_path, log_path, full, (unsigned int)rand(), lines, delay) < 0)
			break;
		if (read_log(&lg, log_path) < 0) {
			fail("round %d: reading the log: %s", round, strerror(errno));
			break;
		}
		if (file_size(db_path) > 0)
			check_sqlite(db_path, round);
		if (iv_db_open(&db, db_path) < 0) {
			fail("round %d: opening the store after the kill: %s", round, iv_error_last()->message);
			break;
		}
		n = check_log(db, &lg, round);
		check_store(db, round, &interviews);
		iv_db_free(db);
		/* Once more, now that the library has opened and closed it. */
		check_sqlite(db_path, round);
		records = n;
	}
	printf("test_crash: %d rounds (%d killed while opening), %zu acknowledged writes checked, "
	       "%zu interviews' follow-ups checked\n", round, early, records, interviews);
	free(lg.e);
	if (failures == 0) {
		unlink(log_path);
		unlink(db_path);
		snprintf(log_path, sizeof(log_path), "%s/store.db-wal", dir);
		unlink(log_path);
		snprintf(log_path, sizeof(log_path), "%s/store.db-shm", dir);
		unlink(log_path);
		rmdir(dir);
	} else {
		fprintf(stderr, "test_crash: %d failures; the store and its log are kept in %s (seed %u)\n", failures,
			dir, seed);
	}
	return failures ? 1 : 0;
}
