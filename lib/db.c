/*
 * Opening stores, the backend registry, transactions, the clock, settings.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abi.h"
#include "db.h"
#include "util.h"

/* --- Registry ----------------------------------------------------------- */

#define IV_REGISTRY_MAX 32
#define IV_BACKEND_NAME_MAX 32

static int sqlite_factory(iv_backend **out, const char *location, void *payload)
{
	(void)payload;
	return iv_backend_sqlite_new(out, location);
}

static int memory_factory(iv_backend **out, const char *location, void *payload)
{
	(void)location;
	(void)payload;
	return iv_backend_memory_new(out);
}

/* The PostgreSQL backend (lib/backends/postgres.c, or postgres_none.c without libpq). */
int iv__backend_postgres_new(iv_backend **out, const char *conninfo);

static int postgres_factory(iv_backend **out, const char *location, void *payload)
{
	(void)payload;
	return iv__backend_postgres_new(out, location);
}

/*
 * The built-ins sit in the same table a third party's backend goes into, so
 * iv_db_open_with() has one path for all of them.
 */
static struct registration {
	char name[IV_BACKEND_NAME_MAX + 1];
	iv_backend_factory_cb factory;
	void *payload;
} registry[IV_REGISTRY_MAX] = {
	{ "sqlite", sqlite_factory, NULL },
	{ "memory", memory_factory, NULL },
	{ "postgresql", postgres_factory, NULL },
	{ "postgres", postgres_factory, NULL },
};
static size_t registry_count = 4;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

static int check_backend_name(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > IV_BACKEND_NAME_MAX)
		return iv__error(IV_EINVALID, "backend name: must be 1 to %d bytes", IV_BACKEND_NAME_MAX);
	for (i = 0; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return iv__error(IV_EINVALID, "backend name: '%.40s' may only hold letters, digits, '_' and '-'", name);
	}
	return 0;
}

static struct registration *registry_find(const char *name)
{
	size_t i;

	for (i = 0; i < registry_count; i++)
		if (strcmp(registry[i].name, name) == 0)
			return &registry[i];
	return NULL;
}

int iv_backend_register(const char *name, iv_backend_factory_cb factory, void *payload)
{
	int error = 0;

	IV__ARG(name);
	IV__ARG(factory);
	if ((error = check_backend_name(name)) < 0)
		return error;
	pthread_mutex_lock(&registry_lock);
	if (registry_find(name)) {
		error = iv__error(IV_EEXISTS, "backend '%s' is already registered", name);
	} else if (registry_count == IV_REGISTRY_MAX) {
		error = iv__error(IV_ERROR, "backend registry is full (%d backends)", IV_REGISTRY_MAX);
	} else {
		struct registration *r = &registry[registry_count++];
		strcpy(r->name, name);
		r->factory = factory;
		r->payload = payload;
	}
	pthread_mutex_unlock(&registry_lock);
	return error;
}

/* --- Opening ------------------------------------------------------------ */

int iv_backend_init(iv_backend *be, unsigned int version)
{
	size_t size;

	IV__ARG(be);
	if (!(size = iv__struct_size(IV__ST_BACKEND, version)))
		return iv__error(IV_EVERSION, "iv_backend_init: backend version %u is not supported (this library knows 1 to %d)",
				 version, IV_BACKEND_VERSION);
	/* Only the members of the backend's version: its own fields may follow. */
	memset(be, 0, size);
	be->version = version;
	return 0;
}

#define IV__REQUIRE(member) \
	do { if (!be->member) return iv__error(IV_EINVALID, \
		"iv_db_open_backend: required operation '" #member "' is missing"); } while (0)

static int check_backend(const iv_backend *be)
{
	if (be->version == 0 || be->version > IV_BACKEND_VERSION)
		return iv__error(IV_EVERSION, "iv_db_open_backend: backend version %u is not supported (this library knows 1 to %d)",
				 be->version, IV_BACKEND_VERSION);
	IV__REQUIRE(contact_get); IV__REQUIRE(contact_insert); IV__REQUIRE(contact_update);
	IV__REQUIRE(contact_delete); IV__REQUIRE(contact_list);
	IV__REQUIRE(intro_get); IV__REQUIRE(intro_insert); IV__REQUIRE(intro_update);
	IV__REQUIRE(intro_delete); IV__REQUIRE(intro_list);
	IV__REQUIRE(interview_get); IV__REQUIRE(interview_insert); IV__REQUIRE(interview_update);
	IV__REQUIRE(interview_delete); IV__REQUIRE(interview_list);
	IV__REQUIRE(followup_get); IV__REQUIRE(followup_insert); IV__REQUIRE(followup_update);
	IV__REQUIRE(followup_delete); IV__REQUIRE(followup_list);
	IV__REQUIRE(setting_get); IV__REQUIRE(setting_set);
	IV__REQUIRE(begin); IV__REQUIRE(commit); IV__REQUIRE(rollback);
	IV__REQUIRE(free);
	/* Members past a backend's version are its own data: never read them. */
	if (be->version >= 2) {
		IV__REQUIRE(note_get); IV__REQUIRE(note_insert); IV__REQUIRE(note_delete);
		IV__REQUIRE(note_list);
	}
	if (be->version >= 6) {
		IV__REQUIRE(target_get); IV__REQUIRE(target_insert); IV__REQUIRE(target_update);
		IV__REQUIRE(target_delete); IV__REQUIRE(target_list);
	}
	return 0;
}

int iv_db_open_backend(iv_db **out, iv_backend *backend)
{
	iv_db *db;
	int error;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(backend);
	if ((error = check_backend(backend)) < 0)
		return error;
	if (!(db = calloc(1, sizeof(*db))))
		return iv__oom();
	db->be = backend;
	backend->db = db;
	*out = db;
	return 0;
}

int iv_db_open_with(iv_db **out, const char *backend, const char *location)
{
	struct registration r;
	iv_backend *be = NULL;
	int found, error;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(backend);
	pthread_mutex_lock(&registry_lock);
	found = registry_find(backend) != NULL;
	if (found)
		r = *registry_find(backend);
	pthread_mutex_unlock(&registry_lock);
	if (!found)
		return iv__error(IV_ENOTFOUND, "no backend is registered as '%.40s'", backend);
	if ((error = r.factory(&be, location, r.payload)) < 0)
		return iv__error_ensure(error, "opening the backend");
	if (!be)
		return iv__error(IV_ERROR, "backend '%s' made no backend", r.name);
	if ((error = iv_db_open_backend(out, be)) < 0 && be->free)
		be->free(be);
	return error;
}

int iv_db_open(iv_db **out, const char *path)
{
	/* A PostgreSQL URI names a server's database, not a file. */
	if (path && (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0))
		return iv_db_open_with(out, "postgresql", path);
	return iv_db_open_with(out, "sqlite", path);
}

int iv_db_open_memory(iv_db **out)
{
	return iv_db_open_with(out, "memory", NULL);
}

/* --- One thread at a time ------------------------------------------------- */

/* Its address tells threads apart. */
static _Thread_local char thread_token;

static int enter(iv_db *db, const char *fn, int insert)
{
	uintptr_t self = (uintptr_t)&thread_token, none = 0;
	int error;

	if (!db)
		return 0;
	if (atomic_load_explicit(&db->owner, memory_order_relaxed) == self) {
		db->entries++;
		return 0;
	}
	if (!atomic_compare_exchange_strong_explicit(&db->owner, &none, self,
						     memory_order_acquire, memory_order_relaxed))
		return iv__error(IV_EMISUSE, "%s: the store is in use by another thread at this moment; "
				 "use one store per thread, or a lock around it", fn);
	db->entries = 1;
	/* Whatever the call reads, the numbers given are in the store. */
	if (!insert && (error = iv__numbers_flush(db)) < 0) {
		iv__leave(db);
		return error;
	}
	return 0;
}

int iv__enter(iv_db *db, const char *fn)
{
	return enter(db, fn, 0);
}

int iv__enter_insert(iv_db *db, const char *fn)
{
	return enter(db, fn, 1);
}

void iv__leave(iv_db *db)
{
	if (db && --db->entries == 0)
		atomic_store_explicit(&db->owner, 0, memory_order_release);
}

/* --- Open iterators ------------------------------------------------------- */

void iv__live_add(iv_db *db, iv__live *l)
{
	l->prev = NULL;
	l->next = db->live;
	if (db->live)
		db->live->prev = l;
	db->live = l;
}

void iv__live_remove(iv_db *db, iv__live *l)
{
	if (l->detached)
		return;
	if (l->prev)
		l->prev->next = l->next;
	else
		db->live = l->next;
	if (l->next)
		l->next->prev = l->prev;
	l->prev = l->next = NULL;
}

int iv__live_gone(const char *fn)
{
	return iv__error(IV_EMISUSE, "%s: the store of this iterator was freed; free the iterator", fn);
}

/* --- Iterators over a backend's records as they are ------------------------ */

static void biter_detach(iv__live *l)
{
	iv__biter *it = (iv__biter *)l;

	it->bi->free(it->bi);
	it->bi = NULL;
}

int iv__biter_make(void **out, size_t size, iv_db *db, iv_backend_iter *bi, int error, const char *kind)
{
	iv__biter *it;
	char what[48];

	if (error < 0) {
		snprintf(what, sizeof(what), "listing %ss", kind);
		return iv__error_ensure(error, what);
	}
	if (!bi || !bi->next || !bi->free)
		return iv__error(IV_ERROR, "iv_%s_list: the backend returned no iterator", kind);
	if ((error = iv__struct_check(IV__ST_BACKEND_ITER, bi->version)) < 0) {
		bi->free(bi);
		return error;
	}
	if (!(it = calloc(1, size))) {
		bi->free(bi);
		return iv__oom();
	}
	it->db = db;
	it->bi = bi;
	it->live.detach = biter_detach;
	iv__live_add(db, &it->live);
	*out = it;
	return 0;
}

int iv__biter_next(void **out, iv__biter *it, void (*free_record)(void *), const char *kind)
{
	void *r = NULL;
	char what[48];
	int error;

	if (it->live.detached) {
		snprintf(what, sizeof(what), "iv_%s_iter_next", kind);
		return iv__live_gone(what);
	}
	if (it->over)
		return iv__error(IV_ITEROVER, "no more %ss", kind);
	if ((error = it->bi->next(&r, it->bi)) < 0) {
		free_record(r);
		if (error == IV_ITEROVER) {
			it->over = 1;
			return iv__error(IV_ITEROVER, "no more %ss", kind);
		}
		snprintf(what, sizeof(what), "reading the next %s", kind);
		return iv__error_ensure(error, what);
	}
	*out = r;
	return 0;
}

void iv__biter_free(iv__biter *it)
{
	if (!it)
		return;
	iv__live_remove(it->db, &it->live);
	if (it->bi)
		it->bi->free(it->bi);
	free(it);
}

void iv_db_free(iv_db *db)
{
	if (!db)
		return;
	/* Iterators left open must not reach into a backend about to go. */
	while (db->live) {
		iv__live *l = db->live;
		db->live = l->next;
		l->prev = l->next = NULL;
		l->detached = 1;
		if (l->detach)
			l->detach(l);
	}
	while (db->depth > 0) {
		db->be->rollback(db->be);
		db->depth--;
	}
	db->be->free(db->be);
	free(db);
}

int iv_db_default_path(char **out)
{
	static const char tail[] = "/infoview/infoview.db";
	static const char home_tail[] = "/.local/share/infoview/infoview.db";
	const char *base = getenv("XDG_DATA_HOME");
	const char *suffix = tail;
	size_t n;

	IV__ARG(out);
	*out = NULL;
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and to be ignored. */
	if (!base || base[0] != '/') {
		base = getenv("HOME");
		suffix = home_tail;
		if (!base || !*base)
			return iv__error(IV_ENOTFOUND, "no default store path: neither XDG_DATA_HOME nor HOME is set");
	}
	n = strlen(base) + strlen(suffix) + 1;
	if (!(*out = malloc(n)))
		return iv__oom();
	strcpy(*out, base);
	strcat(*out, suffix);
	return 0;
}

/* --- Transactions ------------------------------------------------------- */

static int db_begin_unguarded(iv_db *db)
{
	int error;

	IV__ARG_OF("iv_db_begin", db);
	/* A savepoint rolled back must not take numbers given before it. */
	if ((error = iv__numbers_flush(db)) < 0)
		return error;
	if ((error = db->be->begin(db->be)) < 0)
		return iv__error_ensure(error, "begin");
	db->depth++;
	return 0;
}

int iv_db_begin(iv_db *db)
{
	IV__GUARDED(db, "iv_db_begin", db_begin_unguarded(db));
}

static int db_commit_unguarded(iv_db *db)
{
	int error;

	IV__ARG_OF("iv_db_commit", db);
	if (db->depth == 0)
		return iv__error(IV_EMISUSE, "commit: no transaction is open");
	if ((error = iv__numbers_flush(db)) < 0)
		return error;
	/*
	 * A failed commit leaves the transaction open (SQLite keeps it on
	 * SQLITE_BUSY); the caller may retry or roll back.
	 */
	if ((error = db->be->commit(db->be)) < 0)
		return iv__error_ensure(error, "commit");
	db->depth--;
	return 0;
}

int iv_db_commit(iv_db *db)
{
	IV__GUARDED(db, "iv_db_commit", db_commit_unguarded(db));
}

static int db_rollback_unguarded(iv_db *db)
{
	int error;

	IV__ARG_OF("iv_db_rollback", db);
	if (db->depth == 0)
		return iv__error(IV_EMISUSE, "rollback: no transaction is open");
	error = db->be->rollback(db->be);
	db->depth--;
	iv__numbers_forget(db);
	return error < 0 ? iv__error_ensure(error, "rollback") : 0;
}

int iv_db_rollback(iv_db *db)
{
	/* The numbers given in the transaction are forgotten, not written first (as an insert enters). */
	IV__GUARDED_ONCE_WITH(iv__enter_insert, db, "iv_db_rollback", db_rollback_unguarded(db));
}

int iv_db_transaction_depth(const iv_db *db)
{
	return db ? db->depth : 0;
}

uint64_t iv_db_retry_count(const iv_db *db)
{
	return db ? db->retries : 0;
}

int iv__retry(iv_db *db, const char *fn, int attempt)
{
	struct timespec pause;
	uint64_t r;
	long ms;

	if (!db || db->entries != 1 || db->depth != 0)
		return 0;
	if (attempt > IV__RETRY_MAX) {
		char msg[512];

		snprintf(msg, sizeof(msg), "%s", iv_error_last()->message);
		iv__error(IV_ERETRY, "%s: gave up after %d attempts: %s", fn, attempt, msg);
		return 0;
	}
	db->retries++;
	/* 1, 2, 4 ... 64 ms, each up to twice as long at random, so that callers that collided part. */
	ms = 1L << (attempt - 1 < 6 ? attempt - 1 : 6);
	iv__random_bytes(&r, sizeof(r));
	ms += (long)(r % (uint64_t)ms);
	pause.tv_sec = ms / 1000;
	pause.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&pause, &pause) != 0 && errno == EINTR)
		;
	return 1;
}

int iv__tx_begin(iv_db *db)
{
	return iv_db_begin(db);
}

int iv__tx_end(iv_db *db, int error)
{
	char msg[512];

	if (error >= 0 && (error = iv_db_commit(db)) >= 0)
		return 0;
	/* Report the error that made us roll back, not whatever the rollback says. */
	strncpy(msg, iv_error_last()->message, sizeof(msg) - 1);
	msg[sizeof(msg) - 1] = '\0';
	iv_db_rollback(db);
	iv__error(error, "%s", msg);
	return error;
}

/* --- Clock -------------------------------------------------------------- */

int iv_db_set_clock(iv_db *db, iv_clock_cb cb, void *payload)
{
	IV__ARG(db);
	db->clock = cb;
	db->clock_payload = payload;
	return 0;
}

int iv__now(iv_time *out, iv_db *db)
{
	struct timespec ts;
	iv_time t = 0;
	int error;

	*out = 0;
	if (!db->clock) {
		clock_gettime(CLOCK_REALTIME, &ts);
		*out = (iv_time)ts.tv_sec;
		return 0;
	}
	iv_error_clear();
	if ((error = db->clock(&t, db->clock_payload)) < 0) {
		/* The clock's own message, if it set one; else say whose failure it is. */
		if (iv_error_code() == error)
			return error;
		return iv__error(error, "the store's clock failed (%s)", iv__error_words(error));
	}
	if (t <= 0 || t > IV_TIME_MAX)
		return iv__error(IV_EINVALID, "the store's clock gave %lld, not a time between 1970 and 9999",
				 (long long)t);
	*out = t;
	return 0;
}

static int db_now_unguarded(iv_time *out, iv_db *db)
{
	IV__ARG_OF("iv_db_now", out);
	*out = 0;
	IV__ARG_OF("iv_db_now", db);
	return iv__now(out, db);
}

int iv_db_now(iv_time *out, iv_db *db)
{
	IV__GUARDED(db, "iv_db_now", db_now_unguarded(out, db));
}

/* --- Settings ----------------------------------------------------------- */

static int check_setting_key(const char *key)
{
	size_t i, n = strlen(key);

	if (n == 0 || n > 64)
		return iv__error(IV_EINVALID, "setting key: must be 1 to 64 bytes");
	for (i = 0; i < n; i++) {
		char ch = key[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '.' || ch == '_' || ch == '-'))
			return iv__error(IV_EINVALID, "setting key: '%.64s' may only hold letters, digits, '.', '_' and '-'", key);
	}
	return 0;
}

static int db_setting_get_unguarded(char **out, iv_db *db, const char *key)
{
	int error;

	IV__ARG_OF("iv_db_setting_get", out);
	*out = NULL;
	IV__ARG_OF("iv_db_setting_get", db);
	IV__ARG_OF("iv_db_setting_get", key);
	if ((error = check_setting_key(key)) < 0)
		return error;
	if ((error = db->be->setting_get(out, db->be, key)) < 0) {
		*out = NULL;
		if (error == IV_ENOTFOUND)
			return iv__error(IV_ENOTFOUND, "setting '%s' is not set", key);
		return iv__error_ensure(error, "reading a setting");
	}
	return 0;
}

int iv_db_setting_get(char **out, iv_db *db, const char *key)
{
	IV__GUARDED(db, "iv_db_setting_get", db_setting_get_unguarded(out, db, key));
}

static int db_setting_set_unguarded(iv_db *db, const char *key, const char *value)
{
	int error;

	IV__ARG_OF("iv_db_setting_set", db);
	IV__ARG_OF("iv_db_setting_set", key);
	if ((error = check_setting_key(key)) < 0)
		return error;
	if (strncmp(key, "iv.", 3) == 0)
		return iv__error(IV_EINVALID, "setting key: '%s' is reserved for the library (\"iv.\" prefix)", key);
	if (value && (error = iv__check_text("setting value", value, IV_LIMIT_TEXT, 0)) < 0)
		return error;
	/*
	 * In a transaction of its own: the contract does not promise that a
	 * backend's failed write wrote nothing.
	 */
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = db->be->setting_set(db->be, key, value)) < 0)
		error = iv__error_ensure(error, "writing a setting");
	return iv__tx_end(db, error);
}

int iv_db_setting_set(iv_db *db, const char *key, const char *value)
{
	IV__GUARDED(db, "iv_db_setting_set", db_setting_set_unguarded(db, key, value));
}

static int db_set_durability_unguarded(iv_db *db, int durability)
{
	int error;

	IV__ARG_OF("iv_db_set_durability", db);
	if (durability != IV_DURABILITY_NORMAL && durability != IV_DURABILITY_FULL)
		return iv__error(IV_EINVALID, "durability: %d is neither normal (0) nor full (1)", durability);
	/*
	 * In a transaction of its own, as iv_db_setting_set(). The backend sees
	 * its key written and applies it when the transaction ends (sqlite.c).
	 */
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = db->be->setting_set(db->be, "iv.durability", durability == IV_DURABILITY_FULL ? "full" : NULL)) < 0)
		error = iv__error_ensure(error, "writing the durability");
	return iv__tx_end(db, error);
}

int iv_db_set_durability(iv_db *db, int durability)
{
	IV__GUARDED(db, "iv_db_set_durability", db_set_durability_unguarded(db, durability));
}
