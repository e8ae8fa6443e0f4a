/*
 * The concurrency test (issue 12): many writers and readers on one SQLite
 * store, as processes and as threads, each thread with a handle of its own
 * (iv_db_open()), then the infoview program run as parallel processes.
 *
 *   test_concurrency [INFOVIEW_PROGRAM]
 *
 * What must hold, whatever the machine's speed: every write the library
 * acknowledged is in the store at the end; every write it refused is
 * absent, and was refused with IV_EBUSY and a message saying the store is
 * busy (never another error); a transaction of several records is in the
 * store whole or not at all; readers never fail but with IV_EBUSY, and never
 * see fewer contacts than they saw before. A refusal comes only after the
 * busy timeout, which the message names. Nothing is asserted about how
 * many writes are refused or how long they took, beyond that lower bound.
 * Every other writer process waits only 20 ms, which makes refusals
 * likely; the others the default 5 s.
 *
 * Sizes: $IV_CONCURRENCY_PROCS processes (default 2) of
 * $IV_CONCURRENCY_THREADS writer threads (default 3) and one reader, each
 * writer making $IV_CONCURRENCY_WRITES writes (default 40); the program is
 * run $IV_CONCURRENCY_CLI times (default 24) by 4 processes at once.
 *
 * SPDX-License-Identifier: MIT
 */
#include <infoview/infoview.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


#if defined(__GNUC__)
# define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
# define PRINTF_LIKE(a, b)
#endif

#define BUSY_ENV "INFOVIEW_SQLITE_BUSY_TIMEOUT_MS"
#define MAX_THREADS 16
/* One in this many writes is a transaction of TX_SIZE contacts. */
#define TX_EVERY 5
#define TX_SIZE 3
#define CLI_PARALLEL 4

static int failures;
static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void fail(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&fail_lock);
	va_start(ap, fmt);
	fprintf(stderr, "FAIL [%ld]: ", (long)getpid());
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	failures++;
	pthread_mutex_unlock(&fail_lock);
}

static int env_int(const char *name, int dflt, int max)
{
	const char *s = getenv(name);
	int v = s && *s ? atoi(s) : dflt;

	return v < 1 ? 1 : v > max ? max : v;
}

/* A refusal as the library promises it: IV_EBUSY, saying so in words. */
static int clean_refusal(int rc, const char *what)
{
	const char *msg = iv_error_last()->message;

	if (rc == IV_EBUSY && strstr(msg, "busy") && strstr(msg, "locked"))
		return 1;
	fail("%s: refused with %d (%s), not a clear busy refusal: %s", what, rc, iv_error_name(rc), msg);
	return 0;
}

/* --- Writers and readers in one process ----------------------------------- */

struct worker {
	const char *path;
	int proc, index, writes;
	FILE *out;           /* "A name" acknowledged, "R name" refused; shared, under out_lock */
	pthread_mutex_t *out_lock;
	int refused;
};

static volatile int writers_done;

static void record(struct worker *w, char what, const char *name)
{
	pthread_mutex_lock(w->out_lock);
	fprintf(w->out, "%c %s\n", what, name);
	pthread_mutex_unlock(w->out_lock);
}

static int insert_named(iv_db *db, const char *name)
{
	iv_contact *c = NULL;
	int rc;

	if ((rc = iv_contact_new(&c)) == 0 && (rc = iv_contact_set_name(c, name)) == 0 &&
	    (rc = iv_contact_set_cadence_days(c, 14)) == 0)
		rc = iv_contact_insert(db, c);
	iv_contact_free(c);
	return rc;
}

static void *writer(void *arg)
{
	struct worker *w = arg;
	char names[TX_SIZE][64];
	iv_db *db = NULL;
	int i, j, n, rc;

	if ((rc = iv_db_open(&db, w->path)) < 0) {
		if (clean_refusal(rc, "opening the store"))
			w->refused++;
		return NULL;
	}
	for (i = 0; i < w->writes; i++) {
		n = i % TX_EVERY == TX_EVERY - 1 ? TX_SIZE : 1;
		for (j = 0; j < n; j++)
			snprintf(names[j], sizeof(names[j]), "W%d.%d.%d.%d", w->proc, w->index, i, j);
		if (n == 1) {
			rc = insert_named(db, names[0]);
		} else if ((rc = iv_db_begin(db)) == 0) {
			for (j = 0; j < n && rc == 0; j++)
				rc = insert_named(db, names[j]);
			if (rc == 0)
				rc = iv_db_commit(db);
			if (rc < 0 && iv_db_transaction_depth(db) > 0) {
				int saved = rc;
				char msg[512];

				snprintf(msg, sizeof(msg), "%s", iv_error_last()->message);
				iv_db_rollback(db);
				iv_error_set(saved, msg);
			}
		}
		for (j = 0; j < n; j++) {
			if (rc == 0) {
				record(w, 'A', names[j]);
			} else if (clean_refusal(rc, names[j])) {
				record(w, 'R', names[j]);
				w->refused++;
			}
		}
	}
	iv_db_free(db);
	return NULL;
}

/* Reads while the writers write: no error but a busy one, and never fewer contacts than before. */
static void *reader(void *arg)
{
	struct worker *w = arg;
	iv_contact_iter *it = NULL;
	iv_contact *c;
	iv_db *db = NULL;
	int rc, n, last = 0, rounds = 0;

	if ((rc = iv_db_open(&db, w->path)) < 0) {
		clean_refusal(rc, "opening the store to read");
		return NULL;
	}
	/* At least a few reads, however fast the writers were. */
	while (!writers_done || rounds < 3) {
		rounds++;
		if ((rc = iv_contact_list(&it, db, NULL)) < 0) {
			clean_refusal(rc, "listing contacts");
			continue;
		}
		n = 0;
		while ((rc = iv_contact_iter_next(&c, it)) == 0) {
			n++;
			iv_contact_free(c);
		}
		iv_contact_iter_free(it);
		if (rc != IV_ITEROVER) {
			clean_refusal(rc, "reading contacts");
			continue;
		}
		if (n < last)
			fail("a reader saw %d contacts after %d", n, last);
		last = n;
	}
	iv_db_free(db);
	return NULL;
}

/* One process: its writer threads and a reader; the outcome in `out_path`. */
static int process_main(const char *path, const char *out_path, int proc, int threads, int writes)
{
	pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
	struct worker w[MAX_THREADS + 1];
	pthread_t t[MAX_THREADS + 1];
	FILE *out = fopen(out_path, "w");
	int i;

	if (!out)
		return 4;
	/*
	 * Every other process waits only 20 ms for the lock, so that refusals
	 * are likely (though nothing requires one) and their promises are
	 * checked: refused whole, clearly, and absent.
	 */
	if (proc % 2 == 1)
		setenv(BUSY_ENV, "20", 1);
	memset(w, 0, sizeof(w));
	for (i = 0; i <= threads; i++) {
		w[i].path = path;
		w[i].proc = proc;
		w[i].index = i;
		w[i].writes = writes;
		w[i].out = out;
		w[i].out_lock = &out_lock;
	}
	for (i = 0; i < threads; i++)
		if (pthread_create(&t[i], NULL, writer, &w[i]) != 0)
			return 4;
	if (pthread_create(&t[threads], NULL, reader, &w[threads]) != 0)
		return 4;
	for (i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	writers_done = 1;
	pthread_join(t[threads], NULL);
	fclose(out);
	return failures ? 1 : 0;
}

/* --- Checking the store ---------------------------------------------------- */

struct names {
	char **v;
	size_t n, cap;
};

static void names_add(struct names *s, const char *name)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		if (!(s->v = realloc(s->v, s->cap * sizeof(*s->v))))
			abort();
	}
	if (!(s->v[s->n++] = strdup(name)))
		abort();
}

static void names_free(struct names *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int names_has(const struct names *s, const char *name)
{
	return bsearch(&name, s->v, s->n, sizeof(*s->v), cmp_str) != NULL;
}

/* The names of every contact in the store, sorted. */
static int store_names(struct names *out, const char *path)
{
	iv_contact_iter *it = NULL;
	iv_contact *c;
	iv_db *db = NULL;
	int rc;

	if ((rc = iv_db_open(&db, path)) < 0 || (rc = iv_contact_list(&it, db, NULL)) < 0) {
		fail("reading the store: %s", iv_error_last()->message);
		iv_db_free(db);
		return -1;
	}
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		names_add(out, iv_contact_name(c));
		iv_contact_free(c);
	}
	if (rc != IV_ITEROVER)
		fail("reading the store: %s", iv_error_last()->message);
	iv_contact_iter_free(it);
	iv_db_free(db);
	qsort(out->v, out->n, sizeof(*out->v), cmp_str);
	return 0;
}

/* Acknowledged names must be stored, refused ones must not; returns how many were acknowledged. */
static size_t check_outcomes(const struct names *stored, const struct names *acked, const struct names *refused,
			     const char *who)
{
	size_t i;

	for (i = 0; i < acked->n; i++)
		if (!names_has(stored, acked->v[i]))
			fail("%s: acknowledged contact '%s' is not in the store", who, acked->v[i]);
	for (i = 0; i < refused->n; i++)
		if (names_has(stored, refused->v[i]))
			fail("%s: refused contact '%s' is in the store", who, refused->v[i]);
	return acked->n;
}

static void read_outcomes(struct names *acked, struct names *refused, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	size_t len;

	if (!f) {
		fail("%s: %s", path, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if ((len = strlen(line)) < 3 || line[len - 1] != '\n' || (line[0] != 'A' && line[0] != 'R')) {
			fail("%s: unreadable line '%s'", path, line);
			continue;
		}
		line[len - 1] = '\0';
		names_add(line[0] == 'A' ? acked : refused, line + 2);
	}
	fclose(f);
}

/* --- Phase 1: processes x threads ---------------------------------------- */

static void phase_library(const char *dir, const char *path)
{
	int procs = env_int("IV_CONCURRENCY_PROCS", 2, 8);
	int threads = env_int("IV_CONCURRENCY_THREADS", 3, MAX_THREADS);
	int writes = env_int("IV_CONCURRENCY_WRITES", 40, 100000);
	struct names acked = { 0 }, refused = { 0 }, stored = { 0 };
	char out_path[256];
	pid_t pid[8];
	int i, status;

	fflush(NULL);
	for (i = 0; i < procs; i++) {
		snprintf(out_path, sizeof(out_path), "%s/proc%d.txt", dir, i);
		if ((pid[i] = fork()) == 0)
			_exit(process_main(path, out_path, i, threads, writes));
		if (pid[i] < 0) {
			fail("fork: %s", strerror(errno));
			procs = i;
			break;
		}
	}
	for (i = 0; i < procs; i++) {
		if (waitpid(pid[i], &status, 0) != pid[i] || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail("writer process %d ended with status %d", i, status);
		snprintf(out_path, sizeof(out_path), "%s/proc%d.txt", dir, i);
		read_outcomes(&acked, &refused, out_path);
		unlink(out_path);
	}
	if (store_names(&stored, path) == 0) {
		check_outcomes(&stored, &acked, &refused, "library");
		/* Every acknowledged and none refused: nothing else is there. */
		if (stored.n != acked.n)
			fail("the store holds %zu contacts, %zu were acknowledged", stored.n, acked.n);
	}
	printf("test_concurrency: %d processes x %d writer threads (+1 reader each), %zu contacts acknowledged, "
	       "%zu refused busy\n", procs, threads, acked.n, refused.n);
	names_free(&acked);
	names_free(&refused);
	names_free(&stored);
}

/* --- Phase 2: a held lock, through the library ---------------------------- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static sqlite3 *hold_write_lock(const char *path)
{
	sqlite3 *raw = NULL;

	if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		fail("holding the write lock: %s", sqlite3_errmsg(raw));
		sqlite3_close(raw);
		return NULL;
	}
	return raw;
}

static void release_write_lock(sqlite3 *raw)
{
	if (raw && sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		fail("releasing the write lock: %s", sqlite3_errmsg(raw));
	sqlite3_close(raw);
}

/*
 * While another connection holds the write lock: a store still opens and
 * reads; a write waits the busy timeout, then is refused with IV_EBUSY and a
 * message that names the timeout; nothing of it is written.
 */
static void phase_held_lock(const char *path)
{
	iv_contact *c = NULL;
	iv_db *db = NULL;
	struct timespec t0;
	sqlite3 *raw;
	double waited;
	int rc;

	if (!(raw = hold_write_lock(path)))
		return;
	setenv(BUSY_ENV, "300", 1);
	rc = iv_db_open(&db, path);
	unsetenv(BUSY_ENV);
	if (rc < 0) {
		fail("opening a store another connection is writing: %s", iv_error_last()->message);
		release_write_lock(raw);
		return;
	}
	if (iv_contact_lookup(&c, db, "00000000-0000-0000-0000-000000000000") != IV_ENOTFOUND)
		fail("reading while another connection writes: %s", iv_error_last()->message);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = insert_named(db, "Held Lock");
	waited = seconds_since(&t0);
	if (clean_refusal(rc, "a write while the lock is held")) {
		if (!strstr(iv_error_last()->message, "busy timeout (300 ms)"))
			fail("the refusal does not name the busy timeout: %s", iv_error_last()->message);
		/* Only a lower bound: a loaded machine may be slow, never early. */
		if (waited < 0.25)
			fail("refused after %.3f s, before the busy timeout of 0.3 s", waited);
	}
	if ((rc = iv_db_begin(db)) != IV_EBUSY)
		clean_refusal(rc, "beginning a transaction while the lock is held");
	if (iv_db_transaction_depth(db) != 0)
		fail("a refused iv_db_begin() left a transaction open");
	release_write_lock(raw);
	if ((rc = insert_named(db, "After The Lock")) < 0)
		fail("a write once the lock is released: %s", iv_error_last()->message);
	iv_db_free(db);
	printf("test_concurrency: a write under a held lock refused after %.2f s (busy timeout 0.3 s)\n", waited);
}

/* --- Phase 3: the infoview program, several at once ---------------------- */

/* Runs `argv`, its output to out and err; the wait status. */
static pid_t spawn(char *const argv[], const char *out, const char *err)
{
	pid_t pid;
	int fd;

	fflush(NULL);
	if ((pid = fork()) != 0)
		return pid;
	if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || dup2(fd, 1) < 0)
		_exit(126);
	close(fd);
	if ((fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || dup2(fd, 2) < 0)
		_exit(126);
	close(fd);
	execv(argv[0], argv);
	_exit(127);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 8192);
	size_t n;

	if (!buf)
		abort();
	if (f) {
		n = fread(buf, 1, 8191, f);
		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

/* One program run's outcome: acknowledged (exit 0), or refused as busy (exit 1, saying so). */
static void cli_outcome(int status, const char *name, const char *dir, int slot, int writes, struct names *acked,
			struct names *refused)
{
	char out[256], err[256], *o, *e;

	snprintf(out, sizeof(out), "%s/cli%d.out", dir, slot);
	snprintf(err, sizeof(err), "%s/cli%d.err", dir, slot);
	o = slurp(out);
	e = slurp(err);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		if (writes)
			names_add(acked, name);
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && strstr(e, "busy") && strstr(e, "locked")) {
		if (writes)
			names_add(refused, name);
	} else {
		fail("infoview (%s) ended with status %d: %s%s", name, status, e, o);
	}
	free(o);
	free(e);
	unlink(out);
	unlink(err);
}

static void phase_cli(const char *program, const char *dir, const char *path)
{
	int runs = env_int("IV_CONCURRENCY_CLI", 24, 10000);
	struct names acked = { 0 }, refused = { 0 }, stored = { 0 };
	char names[CLI_PARALLEL][64], out[256], err[256];
	pid_t pid[CLI_PARALLEL] = { 0 };
	int writes[CLI_PARALLEL] = { 0 };
	int started = 0, running = 0, slot, status, reads = 0;

	/* A busy timeout short enough that some runs may well be refused. */
	setenv(BUSY_ENV, "200", 1);
	while (started < runs || running > 0) {
		for (slot = 0; slot < CLI_PARALLEL && started < runs; slot++) {
			if (pid[slot])
				continue;
			snprintf(out, sizeof(out), "%s/cli%d.out", dir, slot);
			snprintf(err, sizeof(err), "%s/cli%d.err", dir, slot);
			/* One run in four reads; the others add a contact. */
			writes[slot] = started % 4 != 3;
			snprintf(names[slot], sizeof(names[slot]), "Cli %d", started);
			if (writes[slot]) {
				char *argv[] = { (char *)program, "--db", (char *)path, "contact", "add", names[slot],
						 "--cadence", "7", "-q", NULL };
				pid[slot] = spawn(argv, out, err);
			} else {
				char *argv[] = { (char *)program, "--db", (char *)path, "--json", "contact", "list", NULL };
				pid[slot] = spawn(argv, out, err);
				reads++;
			}
			if (pid[slot] < 0) {
				fail("fork: %s", strerror(errno));
				pid[slot] = 0;
				started = runs;
				break;
			}
			started++;
			running++;
		}
		if (running == 0)
			break;
		{
			pid_t done = wait(&status);

			for (slot = 0; slot < CLI_PARALLEL; slot++)
				if (pid[slot] == done)
					break;
			if (slot == CLI_PARALLEL) {
				fail("wait: %s", strerror(errno));
				break;
			}
			cli_outcome(status, names[slot], dir, slot, writes[slot], &acked, &refused);
			pid[slot] = 0;
			running--;
		}
	}
	unsetenv(BUSY_ENV);
	if (store_names(&stored, path) == 0)
		check_outcomes(&stored, &acked, &refused, "infoview");
	printf("test_concurrency: %d infoview runs, %d at a time (%d reading): %zu contacts acknowledged, "
	       "%zu refused busy\n", started, CLI_PARALLEL, reads, acked.n, refused.n);
	names_free(&acked);
	names_free(&refused);
	names_free(&stored);
}

/* The program under a held lock: refused, exit status 1, the reason in words; nothing written. */
static void phase_cli_held_lock(const char *program, const char *dir, const char *path)
{
	char *argv[] = { (char *)program, "--db", (char *)path, "contact", "add", "Cli Held", "-q", NULL };
	struct names acked = { 0 }, refused = { 0 }, stored = { 0 };
	char out[256], err[256];
	sqlite3 *raw;
	pid_t pid;
	int status = 0;

	if (!(raw = hold_write_lock(path)))
		return;
	snprintf(out, sizeof(out), "%s/cli0.out", dir);
	snprintf(err, sizeof(err), "%s/cli0.err", dir);
	setenv(BUSY_ENV, "100", 1);
	pid = spawn(argv, out, err);
	unsetenv(BUSY_ENV);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		fail("running infoview: %s", strerror(errno));
	release_write_lock(raw);
	cli_outcome(status, "Cli Held", dir, 0, 1, &acked, &refused);
	if (refused.n != 1)
		fail("infoview wrote under another connection's lock (status %d)", status);
	if (store_names(&stored, path) == 0)
		check_outcomes(&stored, &acked, &refused, "infoview under a held lock");
	names_free(&acked);
	names_free(&refused);
	names_free(&stored);
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/iv-concurrency-XXXXXX", path[128], aux[160];
	iv_db *db = NULL;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/store.db", dir);
	/* Made first, so that no writer races to create its schema. */
	if (iv_db_open(&db, path) < 0) {
		fprintf(stderr, "FAIL: creating the store: %s\n", iv_error_last()->message);
		return 1;
	}
	iv_db_free(db);

	phase_library(dir, path);
	phase_held_lock(path);
	if (argc > 1) {
		phase_cli(argv[1], dir, path);
		phase_cli_held_lock(argv[1], dir, path);
	} else {
		printf("test_concurrency: no infoview program given: its runs are skipped\n");
	}

	if (failures == 0) {
		static const char *const suffix[] = { "", "-wal", "-shm" };
		size_t i;

		for (i = 0; i < 3; i++) {
			snprintf(aux, sizeof(aux), "%s%s", path, suffix[i]);
			unlink(aux);
		}
		rmdir(dir);
	} else {
		fprintf(stderr, "test_concurrency: %d failures; the store is kept in %s\n", failures, dir);
	}
	return failures ? 1 : 0;
}
