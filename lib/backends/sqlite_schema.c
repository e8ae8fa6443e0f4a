/*
 * The SQLite backend: opening the file, its connection settings, and the
 * versioned schema with its migrations.
 */
/* realpath() */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sqlite_internal.h"

/*
 * The schema, as the steps that take a store from version i to i + 1. A
 * step is never edited once released: a new version appends one. Ids are
 * integer keys inside the store, the public UUID a 16-byte blob, so that
 * references and their indexes stay small. Times are integers, 0 for
 * "unset"; optional text is NULL.
 */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE contact ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" phone TEXT, company TEXT, title TEXT, location TEXT, url TEXT, notes TEXT,"
	" known INTEGER NOT NULL,"
	" cadence_days INTEGER NOT NULL,"
	" last_interaction INTEGER NOT NULL,"
	/* Lists joined with newlines, which neither e-mails nor tags may hold. */
	" emails TEXT, tags TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX contact_name ON contact (name COLLATE NOCASE, uuid);"
	/* Ends like contact_name so that a company's contacts need no sort. */
	"CREATE INDEX contact_company ON contact (company COLLATE NOCASE, name COLLATE NOCASE, uuid);"
	/* An index of contact.tags for the tag filter, kept by the backend. */
	"CREATE TABLE contact_tag ("
	" contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL COLLATE NOCASE,"
	" PRIMARY KEY (contact_id, tag)) WITHOUT ROWID;"
	"CREATE INDEX contact_tag_tag ON contact_tag (tag);"

	"CREATE TABLE intro ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" introducer INTEGER NOT NULL REFERENCES contact (id),"
	" introduced INTEGER NOT NULL REFERENCES contact (id),"
	" channel INTEGER NOT NULL, status INTEGER NOT NULL,"
	" requested_at INTEGER NOT NULL, made_at INTEGER NOT NULL,"
	" note TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX intro_introducer ON intro (introducer);"
	"CREATE INDEX intro_introduced ON intro (introduced);"
	"CREATE INDEX intro_created ON intro (created, uuid);"

	"CREATE TABLE interview ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" contact INTEGER NOT NULL REFERENCES contact (id),"
	" intro INTEGER REFERENCES intro (id),"
	" purpose TEXT, notes TEXT,"
	" medium INTEGER NOT NULL, scheduled_at INTEGER NOT NULL,"
	" minutes INTEGER NOT NULL, status INTEGER NOT NULL,"
	" t_planned INTEGER NOT NULL, t_requested INTEGER NOT NULL,"
	" t_scheduled INTEGER NOT NULL, t_completed INTEGER NOT NULL,"
	" t_declined INTEGER NOT NULL, t_no_response INTEGER NOT NULL,"
	" t_cancelled INTEGER NOT NULL,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX interview_contact ON interview (contact);"
	"CREATE INDEX interview_intro ON interview (intro);"
	"CREATE INDEX interview_created ON interview (created, uuid);"
	"CREATE TABLE interview_question ("
	" interview INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,"
	" pos INTEGER NOT NULL, question TEXT NOT NULL, answer TEXT,"
	" PRIMARY KEY (interview, pos)) WITHOUT ROWID;"
	/* kind 1 is advice, 2 a resource */
	"CREATE TABLE interview_item ("
	" interview INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,"
	" kind INTEGER NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL,"
	" PRIMARY KEY (interview, kind, pos)) WITHOUT ROWID;"

	"CREATE TABLE followup ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" contact INTEGER NOT NULL REFERENCES contact (id),"
	" interview INTEGER REFERENCES interview (id),"
	" kind INTEGER NOT NULL, status INTEGER NOT NULL,"
	" earliest INTEGER NOT NULL, due INTEGER NOT NULL, closed_at INTEGER NOT NULL,"
	" note TEXT, draft TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX followup_due ON followup (due, uuid);"
	/* The agenda (pending, due before a time) in order, without a sort. */
	"CREATE INDEX followup_status ON followup (status, due, uuid);"
	"CREATE INDEX followup_contact ON followup (contact);"
	"CREATE INDEX followup_interview ON followup (interview);"

	"CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",

	/* 1 -> 2 */
	/* The key of the workflow rule that made a follow-up, so a rule applied twice finds its own. */
	"ALTER TABLE followup ADD COLUMN rule TEXT;"
	"CREATE INDEX followup_rule ON followup (rule);"

	/*
	 * Full-text search. The tokenizer keeps accents, as the core's own
	 * search (search.c) does. The rank is bm25 with the weights search.h
	 * documents, so that ORDER BY rank is the documented order.
	 *
	 * Contacts: the index reads its text from the contact rows (external
	 * content), kept in step by triggers, so any write of a contact, by
	 * whatever connection, updates it in the same statement; an update that
	 * leaves the searched columns alone (the last interaction, say) costs
	 * nothing.
	 */
	"CREATE VIRTUAL TABLE contact_fts USING fts5(name, company, title, tags, notes,"
	" content = 'contact', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');"
	"INSERT INTO contact_fts (contact_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 5.0, 5.0, 1.0)');"
	"CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN"
	" INSERT INTO contact_fts (rowid, name, company, title, tags, notes)"
	" VALUES (new.id, new.name, new.company, new.title, new.tags, new.notes); END;"
	"CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN"
	" INSERT INTO contact_fts (contact_fts, rowid, name, company, title, tags, notes)"
	" VALUES ('delete', old.id, old.name, old.company, old.title, old.tags, old.notes); END;"
	"CREATE TRIGGER contact_fts_update AFTER UPDATE ON contact"
	" WHEN old.name IS NOT new.name OR old.company IS NOT new.company OR old.title IS NOT new.title"
	" OR old.tags IS NOT new.tags OR old.notes IS NOT new.notes BEGIN"
	" INSERT INTO contact_fts (contact_fts, rowid, name, company, title, tags, notes)"
	" VALUES ('delete', old.id, old.name, old.company, old.title, old.tags, old.notes);"
	" INSERT INTO contact_fts (rowid, name, company, title, tags, notes)"
	" VALUES (new.id, new.name, new.company, new.title, new.tags, new.notes); END;"
	"INSERT INTO contact_fts (contact_fts) VALUES ('rebuild');"

	/*
	 * Interviews: their text is spread over three tables, so the index keeps
	 * its own copy, which the backend writes whole once an interview and its
	 * lists are written (sqlite_records.c); a deleted interview leaves it by
	 * trigger.
	 */
	"CREATE VIRTUAL TABLE interview_fts USING fts5(purpose, notes, answers, advice, resources,"
	" tokenize = 'unicode61 remove_diacritics 0');"
	"INSERT INTO interview_fts (interview_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 2.0, 2.0, 2.0)');"
	"CREATE TRIGGER interview_fts_delete AFTER DELETE ON interview BEGIN"
	" DELETE FROM interview_fts WHERE rowid = old.id; END;"
	"INSERT INTO interview_fts (rowid, purpose, notes, answers, advice, resources)"
	" SELECT i.id, i.purpose, i.notes,"
	" (SELECT group_concat(answer, char(10)) FROM interview_question WHERE interview = i.id),"
	" (SELECT group_concat(text, char(10)) FROM interview_item WHERE interview = i.id AND kind = 1),"
	" (SELECT group_concat(text, char(10)) FROM interview_item WHERE interview = i.id AND kind = 2)"
	" FROM interview i;",

	/* 2 -> 3 */
	/*
	 * Numbers, the short references the core gives each record (backend
	 * version 2): records already stored get 1, 2, 3... by created time,
	 * and the core's counters (settings iv.number.<kind>) start after them.
	 */
	"ALTER TABLE contact ADD COLUMN num INTEGER NOT NULL DEFAULT 0;"
	"UPDATE contact SET num = r.n FROM (SELECT id, row_number() OVER (ORDER BY created, uuid) AS n"
	" FROM contact) AS r WHERE r.id = contact.id;"
	"CREATE INDEX contact_num ON contact (num);"
	"INSERT OR REPLACE INTO setting (key, value) SELECT 'iv.number.contact', CAST(count(*) AS TEXT) FROM contact HAVING count(*) > 0;"
	"ALTER TABLE intro ADD COLUMN num INTEGER NOT NULL DEFAULT 0;"
	"UPDATE intro SET num = r.n FROM (SELECT id, row_number() OVER (ORDER BY created, uuid) AS n"
	" FROM intro) AS r WHERE r.id = intro.id;"
	"CREATE INDEX intro_num ON intro (num);"
	"INSERT OR REPLACE INTO setting (key, value) SELECT 'iv.number.intro', CAST(count(*) AS TEXT) FROM intro HAVING count(*) > 0;"
	"ALTER TABLE interview ADD COLUMN num INTEGER NOT NULL DEFAULT 0;"
	"UPDATE interview SET num = r.n FROM (SELECT id, row_number() OVER (ORDER BY created, uuid) AS n"
	" FROM interview) AS r WHERE r.id = interview.id;"
	"CREATE INDEX interview_num ON interview (num);"
	"INSERT OR REPLACE INTO setting (key, value) SELECT 'iv.number.interview', CAST(count(*) AS TEXT) FROM interview HAVING count(*) > 0;"
	"ALTER TABLE followup ADD COLUMN num INTEGER NOT NULL DEFAULT 0;"
	"UPDATE followup SET num = r.n FROM (SELECT id, row_number() OVER (ORDER BY created, uuid) AS n"
	" FROM followup) AS r WHERE r.id = followup.id;"
	"CREATE INDEX followup_num ON followup (num);"
	"INSERT OR REPLACE INTO setting (key, value) SELECT 'iv.number.followup', CAST(count(*) AS TEXT) FROM followup HAVING count(*) > 0;"
	/* Notes, dated entries about a contact; a contact's go with it. */
	"CREATE TABLE note ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" contact INTEGER NOT NULL REFERENCES contact (id),"
	" at INTEGER NOT NULL, text TEXT NOT NULL,"
	" num INTEGER NOT NULL,"
	" created INTEGER NOT NULL);"
	"CREATE INDEX note_contact ON note (contact, at, uuid);"
	"CREATE INDEX note_at ON note (at, uuid);"
	"CREATE INDEX note_num ON note (num);"

	/*
	 * An index of contact.emails for the e-mail filter (finding who already
	 * has an address), kept by the backend as contact_tag is. The
	 * addresses already stored are split out of their newline-joined
	 * column.
	 */
	"CREATE TABLE contact_email ("
	" contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
	" email TEXT NOT NULL COLLATE NOCASE,"
	" PRIMARY KEY (contact_id, email)) WITHOUT ROWID;"
	"CREATE INDEX contact_email_email ON contact_email (email);"
	"WITH RECURSIVE split (id, item, rest) AS ("
	" SELECT id, NULL, emails || char(10) FROM contact WHERE emails IS NOT NULL"
	" UNION ALL"
	" SELECT id, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)"
	" FROM split WHERE rest <> '')"
	" INSERT OR IGNORE INTO contact_email (contact_id, email)"
	" SELECT id, item FROM split WHERE item IS NOT NULL AND item <> '';",

	/* 3 -> 4 */
	/* The contact filter's url (backend version 3): imports match profile URLs per row. */
	"CREATE INDEX contact_url ON contact (url COLLATE NOCASE) WHERE url IS NOT NULL;",

	/* 4 -> 5 */
	/*
	 * The agenda (pending, earliest <= now): a range of this index, so that
	 * it reads what is due, not every pending follow-up; the few rows found
	 * are then sorted by due time.
	 */
	"CREATE INDEX followup_pending ON followup (status, earliest);",

	/* 5 -> 6 */
	/*
	 * The agenda's interviews (scheduled, requested) in order, not a scan
	 * of every interview. IF NOT EXISTS: the tests that make older stores
	 * by lowering user_version keep it.
	 */
	"CREATE INDEX IF NOT EXISTS interview_status ON interview (status, created, uuid);",

	/* 6 -> 7 */
	/*
	 * The people you know directly (or otherwise), latest interaction
	 * first: the nudge's suggestions read the first few, not every contact.
	 */
	"CREATE INDEX IF NOT EXISTS contact_recent ON contact (known, last_interaction);",

	/* 7 -> 8 */
	/*
	 * Target employers (backend version 6). The aliases are kept joined
	 * with newlines in the row, and indexed one per row in target_alias,
	 * as contact_email indexes a contact's addresses: the name filter
	 * reads target_name and target_alias_alias, not every target. IF NOT
	 * EXISTS: the tests that make older stores by lowering user_version
	 * keep them.
	 */
	"CREATE TABLE IF NOT EXISTS target ("
	" id INTEGER PRIMARY KEY,"
	" uuid BLOB NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" motivation INTEGER NOT NULL, posting INTEGER NOT NULL, rank INTEGER NOT NULL,"
	" note TEXT, aliases TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL,"
	" num INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS target_name ON target (name COLLATE NOCASE, uuid);"
	"CREATE INDEX IF NOT EXISTS target_num ON target (num);"
	"CREATE TABLE IF NOT EXISTS target_alias ("
	" target_id INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,"
	" alias TEXT NOT NULL COLLATE NOCASE,"
	" PRIMARY KEY (target_id, alias)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS target_alias_alias ON target_alias (alias);",
};

#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))

/*
 * Settings of the connection; they write nothing to the file. Foreign keys
 * are the second line of defence behind the core's own reference checks;
 * synchronous is NORMAL until the store's own setting is read
 * (iv__sq_apply_durability()); the journal limit bounds the WAL after a
 * large transaction; the cache (8 MiB at most) trades bulk-insert speed
 * against memory.
 */
static const char connection_pragmas[] =
	"PRAGMA foreign_keys = ON;"
	"PRAGMA synchronous = NORMAL;"
	"PRAGMA journal_size_limit = 67108864;"
	"PRAGMA cache_size = -8192;";

int iv__sq_error(int code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return iv_error_set(code, msg);
}

int iv__sq_oom(void)
{
	return iv_error_set(IV_ENOMEM, "sqlite: out of memory");
}

static int exec(struct sq *b, const char *sql, const char *action)
{
	int rc = sqlite3_exec(b->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : iv__sq_fail(b, rc, action, NULL, NULL);
}

static int query_int(struct sq *b, const char *sql, int *out, const char *path)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(b->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		if (rc == SQLITE_NOTADB)
			rc = iv__sq_error(IV_EINVALID, "sqlite: %s is not an infoview store (not an SQLite database)", path);
		else if ((rc & 0xff) == SQLITE_CORRUPT)
			rc = iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: %s", path, sqlite3_errstr(rc));
		else
			rc = iv__sq_fail(b, rc, "reading the schema of", "store", path);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The store's schema version; 0 for an empty file. */
static int schema_version(struct sq *b, const char *path, int *version)
{
	int app = 0, tables = 0, rc;

	if ((rc = query_int(b, "PRAGMA application_id", &app, path)) < 0 ||
	    (rc = query_int(b, "PRAGMA user_version", version, path)) < 0)
		return rc;
	if (app == 0 && *version == 0) {
		if ((rc = query_int(b, "SELECT count(*) FROM sqlite_master", &tables, path)) < 0)
			return rc;
		if (tables > 0)
			return iv__sq_error(IV_EINVALID,
					"sqlite: %s is not an infoview store (it holds tables but no infoview application id)",
					path);
		return 0;
	}
	if (app != SQ_APPLICATION_ID)
		return iv__sq_error(IV_EINVALID, "sqlite: %s is not an infoview store (application id 0x%08x)",
				path, (unsigned int)app);
	if (*version > SCHEMA_VERSION)
		return iv__sq_error(IV_EVERSION, "sqlite: store schema version %d is newer than this library's %d (%s)",
				*version, SCHEMA_VERSION, path);
	return 0;
}

/* Runs the steps from `version` up, all in one transaction. */
static int migrate(struct sq *b, const char *path)
{
	char sql[96];
	int version, rc;

	if ((rc = iv__sq_run(b, SQ_BEGIN, "starting the schema migration")) < 0)
		return rc;
	/* Another connection may have migrated it while we waited for the lock. */
	if ((rc = schema_version(b, path, &version)) < 0)
		goto fail;
	for (; version < SCHEMA_VERSION; version++) {
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d;",
			 SQ_APPLICATION_ID, version + 1);
		if ((rc = exec(b, migrations[version], "creating the schema")) < 0 ||
		    (rc = exec(b, sql, "setting the schema version")) < 0)
			goto fail;
	}
	if ((rc = iv__sq_run(b, SQ_COMMIT, "committing the schema")) == 0)
		return 0;
fail:
	iv__sq_run(b, SQ_ROLLBACK, "rolling back the schema");
	return rc;
}

/* --- Checking the schema a store claims ---------------------------------- */

/*
 * What a store of a version must hold, read from a store that the
 * migrations above made in memory: the same steps a real store went
 * through, so nothing is written twice. Each object is compared by its SQL
 * first, which is cheap; only where that differs (a store whose columns
 * were dropped and added again by hand, an older SQLite's spelling) by its
 * shape: a table's columns, an index's columns.
 */
struct schema_item {
	char *type, *name, *sql, *shape;
};

struct schema {
	int n;
	struct schema_item *items;
	uint64_t fingerprint; /* of the objects in order (fingerprint_object()) */
};

/*
 * The fingerprint of the objects of a store of today's schema, in order
 * (fingerprint_object()), which a store made by the migrations matches:
 * the check at open then needs no reference. A new migration changes it;
 * test_hostile says the new value. Should it be stale, every open takes
 * the slow way, which is right but slower.
 */
#define SCHEMA_FINGERPRINT UINT64_C(0xb0d157a61853bf3e)

/*
 * Adds `s` and its terminating NUL to fingerprint `h`: eight bytes at a
 * time (the schema's SQL is some 10 kB, read at every open), then FNV-1a
 * for the rest.
 */
static uint64_t fingerprint_add(uint64_t h, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s) + 1;
	uint64_t w;

	for (; n >= 8; n -= 8, p += 8) {
		/* Little-endian whatever the machine, which compilers make one load. */
		w = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
		    (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
		h = (h ^ w) * UINT64_C(0x100000001b3);
		h ^= h >> 29;
	}
	for (; n > 0; n--, p++)
		h = (h ^ *p) * UINT64_C(0x100000001b3);
	return h;
}

#define FINGERPRINT_START UINT64_C(0xcbf29ce484222325)

/* A table an FTS5 table made for itself: its name quoted, which ours never are. */
static int is_fts_own(const char *sql)
{
	return strncmp(sql, "CREATE TABLE '", 14) == 0;
}

/*
 * Adds an object to fingerprint `h`: its type, name and SQL; for an FTS5
 * table's own tables, their type and name only, as SQLite's versions may
 * spell them otherwise.
 */
static uint64_t fingerprint_object(uint64_t h, const char *type, const char *name, const char *sql)
{
	h = fingerprint_add(fingerprint_add(h, type), name);
	return is_fts_own(sql) ? h : fingerprint_add(h, sql);
}

/*
 * In the order SQLite keeps them, which is the order they were made: a
 * store made by the migrations holds its objects in the reference's
 * order, and is checked in one pass without a sort.
 */
static const char schema_list_sql[] = "SELECT type, name, sql FROM sqlite_schema";

/* One object of a store, found by its kind and name. */
static const char schema_item_sql[] = "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2";

static void schema_free(struct schema *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->items[i].type);
		free(s->items[i].name);
		free(s->items[i].sql);
		free(s->items[i].shape);
	}
	free(s->items);
	free(s);
}

static char *dup_text(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return strdup(t ? t : "");
}

static int is_virtual(const char *sql)
{
	return strncmp(sql, "CREATE VIRTUAL", 14) == 0;
}

/*
 * The shape of object `name`: a table's columns (name, type, not null,
 * primary key), an index's columns; NULL for what is compared by SQL only.
 * Returns SQLite's code.
 */
static int shape_of(char **out, sqlite3 *db, const char *type, const char *name, const char *sql)
{
	static const char table_sql[] = "SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' ' || pk, ', ')"
					" FROM pragma_table_info(?1)";
	static const char index_sql[] = "SELECT group_concat(coalesce(name, '(expression)'), ', ') FROM pragma_index_info(?1)";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if (strcmp(type, "index") != 0 && (strcmp(type, "table") != 0 || is_virtual(sql)))
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(db, strcmp(type, "index") == 0 ? index_sql : table_sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = (*out = dup_text(st, 0)) ? SQLITE_OK : SQLITE_NOMEM;
	sqlite3_finalize(st);
	return rc;
}

/* The objects of a store made in memory at `version`; NULL when that fails (out of memory). */
static struct schema *schema_build(int version)
{
	struct schema *s = calloc(1, sizeof(*s));
	sqlite3_stmt *st = NULL;
	sqlite3 *db = NULL;
	int i, cap = 0, rc;

	if (!s)
		return NULL;
	s->fingerprint = FINGERPRINT_START;
	rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	for (i = 0; rc == SQLITE_OK && i < version; i++)
		rc = sqlite3_exec(db, migrations[i], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, schema_list_sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct schema_item *it;

		if (s->n == cap) {
			struct schema_item *more = realloc(s->items, (size_t)(cap = cap ? cap * 2 : 64) * sizeof(*more));
			if (!more) {
				rc = SQLITE_NOMEM;
				break;
			}
			s->items = more;
		}
		rc = SQLITE_OK;
		if (strncmp((const char *)sqlite3_column_text(st, 1), "sqlite_", 7) == 0)
			continue;
		it = &s->items[s->n++];
		memset(it, 0, sizeof(*it));
		if (!(it->type = dup_text(st, 0)) || !(it->name = dup_text(st, 1)) || !(it->sql = dup_text(st, 2)))
			rc = SQLITE_NOMEM;
		else
			s->fingerprint = fingerprint_object(s->fingerprint, it->type, it->name, it->sql);
	}
	sqlite3_finalize(st);
	for (i = 0; rc == SQLITE_DONE && i < s->n; i++)
		if (shape_of(&s->items[i].shape, db, s->items[i].type, s->items[i].name, s->items[i].sql) != SQLITE_OK)
			rc = SQLITE_NOMEM;
	sqlite3_close(db);
	if (rc != SQLITE_DONE) {
		schema_free(s);
		return NULL;
	}
	return s;
}

/* Today's schema, made once per process. */
static struct schema *current_schema;
static pthread_once_t current_once = PTHREAD_ONCE_INIT;

static void build_current(void)
{
	current_schema = schema_build(SCHEMA_VERSION);
}

__attribute__((destructor)) static void free_current(void)
{
	schema_free(current_schema);
	current_schema = NULL;
}

/* Whether list `a` (items joined by ", ") holds the item that starts with `word` followed by a space. */
static const char *find_column(const char *list, const char *word, size_t n)
{
	const char *p = list;

	while (p && *p) {
		if (strncmp(p, word, n) == 0 && p[n] == ' ')
			return p;
		if ((p = strstr(p, ", ")))
			p += 2;
	}
	return NULL;
}

/* Says what differs between a table's expected columns and its stored ones. */
static int table_damaged(const char *path, const char *table, const char *want, const char *have)
{
	const char *p = want, *end, *found;
	size_t n, len;

	while (*p) {
		n = strcspn(p, " ");
		end = strstr(p, ", ");
		len = end ? (size_t)(end - p) : strlen(p);
		if (!(found = find_column(have, p, n)))
			return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: column %.*s of table %s is missing",
					    path, (int)n, p, table);
		if (strncmp(found, p, len) != 0 || (found[len] != ',' && found[len] != '\0'))
			return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: column %.*s of table %s is altered",
					    path, (int)n, p, table);
		p = end ? end + 2 : p + len;
	}
	return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: table %s has columns it should not",
			    path, table);
}

/* Compares one object the store holds with what it should be. */
static int compare_item(struct sq *b, const char *path, const struct schema_item *want, const char *sql)
{
	char *shape = NULL;
	int rc;

	/* An FTS5 table's own tables are SQLite's to shape: that they are there is enough. */
	if (strcmp(want->sql, sql) == 0 || is_fts_own(want->sql))
		return 0;
	if (!want->shape)
		return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: %s %s is altered", path, want->type,
				    want->name);
	if ((rc = shape_of(&shape, b->db, want->type, want->name, sql)) != SQLITE_OK)
		return iv__sq_fail(b, rc, "reading the schema of", "store", path);
	rc = 0;
	if (!shape || strcmp(shape, want->shape) != 0) {
		if (strcmp(want->type, "table") == 0)
			rc = table_damaged(path, want->name, want->shape, shape ? shape : "");
		else
			rc = iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: %s %s is altered", path,
					  want->type, want->name);
	}
	free(shape);
	return rc;
}

static int schema_read_failed(struct sq *b, const char *path, int rc)
{
	if (rc == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: %s", path, sqlite3_errmsg(b->db));
	return iv__sq_fail(b, rc, "reading the schema of", "store", path);
}

/*
 * The slow way, for a store whose objects are not in the reference's
 * order (changed by hand, or damaged): each object looked up by name,
 * tables first, since a table taken away takes its indexes and triggers
 * with it, and the table is the news.
 */
static int check_each(struct sq *b, const char *path, const struct schema *want)
{
	static const char *const order[] = { "table", "index", "trigger", "view" };
	sqlite3_stmt *st = NULL;
	size_t k;
	int i, rc = sqlite3_prepare_v2(b->db, schema_item_sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return schema_read_failed(b, path, rc);
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (i = 0; i < want->n; i++) {
			const struct schema_item *it = &want->items[i];
			const char *sql;

			if (strcmp(it->type, order[k]) != 0)
				continue;
			sqlite3_bind_text(st, 1, it->type, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, it->name, -1, SQLITE_STATIC);
			if ((rc = sqlite3_step(st)) == SQLITE_DONE) {
				rc = iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: %s %s is missing", path,
						  it->type, it->name);
			} else if (rc != SQLITE_ROW) {
				rc = schema_read_failed(b, path, rc);
			} else {
				sql = (const char *)sqlite3_column_text(st, 0);
				rc = compare_item(b, path, it, sql ? sql : "");
			}
			sqlite3_reset(st);
			if (rc < 0)
				goto done;
		}
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Checks that the store holds every table, column, index, trigger and
 * search index that its version's migrations make. What it holds beyond
 * them (an index of the user's own, SQLite's statistics) is left alone.
 */
static int check_schema(struct sq *b, const char *path, int version)
{
	struct schema *own = NULL, *want;
	sqlite3_stmt *st = NULL;
	int i = 0, rc;

	if (version == 0)
		return 0;
	if (version == SCHEMA_VERSION) {
		uint64_t h = FINGERPRINT_START;

		rc = sqlite3_prepare_v2(b->db, schema_list_sql, -1, &st, NULL);
		while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(st, 0);
			const char *name = (const char *)sqlite3_column_text(st, 1);
			const char *sql = (const char *)sqlite3_column_text(st, 2);

			rc = SQLITE_OK;
			if (type && name && strncmp(name, "sqlite_", 7) != 0)
				h = fingerprint_object(h, type, name, sql ? sql : "");
		}
		sqlite3_finalize(st);
		st = NULL;
		if (rc != SQLITE_DONE)
			return schema_read_failed(b, path, rc);
		if (h == SCHEMA_FINGERPRINT)
			return 0;
		/* Not as the migrations made it: compared object by object, to say what differs. */
		pthread_once(&current_once, build_current);
		want = current_schema;
	} else {
		want = own = schema_build(version);
	}
	if (!want && !(want = own = schema_build(version)))
		return iv__sq_oom();
	/* The quick way: the store's objects in the reference's order, each as it should be. */
	rc = sqlite3_prepare_v2(b->db, schema_list_sql, -1, &st, NULL);
	while (rc == SQLITE_OK && i < want->n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *sql = (const char *)sqlite3_column_text(st, 2);

		rc = SQLITE_OK;
		if (!type || !name || strncmp(name, "sqlite_", 7) == 0)
			continue;
		if (strcmp(want->items[i].type, type) != 0 || strcmp(want->items[i].name, name) != 0 ||
		    strcmp(want->items[i].sql, sql ? sql : "") != 0)
			break;
		i++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		rc = schema_read_failed(b, path, rc);
	else
		rc = i == want->n ? 0 : check_each(b, path, want);
	schema_free(own);
	return rc;
}

int iv__sq_schema_fingerprint(uint64_t *expected, uint64_t *fresh)
{
	struct schema *s = schema_build(SCHEMA_VERSION);

	if (!s)
		return iv__sq_oom();
	*expected = SCHEMA_FINGERPRINT;
	*fresh = s->fingerprint;
	schema_free(s);
	return 0;
}

static int busy_timeout(void)
{
	const char *s = getenv(SQ_BUSY_TIMEOUT_ENV);
	char *end;
	long ms;

	if (!s || !*s)
		return SQ_BUSY_TIMEOUT_MS;
	errno = 0;
	ms = strtol(s, &end, 10);
	if (errno || *end || ms < 0 || ms > 600000)
		return SQ_BUSY_TIMEOUT_MS;
	return (int)ms;
}

/* mkdir -p, each missing level made private to the user; `dir` is scratch. */
static int make_dirs(char *dir)
{
	char *p = dir, saved;

	while (*p) {
		while (*p == '/')
			p++;
		while (*p && *p != '/')
			p++;
		saved = *p;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return iv__sq_error(IV_ESTORAGE, "sqlite: cannot create the directory %s: %s", dir, strerror(errno));
		*p = saved;
	}
	return 0;
}

static int make_parent_dirs(const char *path)
{
	char *dir = strdup(path);
	char *slash;
	int rc = 0;

	if (!dir)
		return iv__sq_oom();
	if ((slash = strrchr(dir, '/')) && slash != dir) {
		*slash = '\0';
		rc = make_dirs(dir);
	}
	free(dir);
	return rc;
}

/*
 * Nothing here opens the store's file with a descriptor of its own: closing
 * one drops every POSIX lock this process holds on the file, those of the
 * other connections (threads) too, and a connection in another process
 * that then finds itself alone checkpoints and deletes the WAL under them
 * (the store loses commits, or is damaged). Only SQLite's own handle reads
 * it, and only stat() and chmod() name it.
 */

/*
 * Whether SQLite is about to create the store: nothing is at the path (or
 * at the end of the symbolic link there). A directory there is refused.
 * *link says whether the path is a symbolic link.
 */
static int will_create(int *created, int *link, const char *path)
{
	struct stat st;
	int rc = lstat(path, &st);

	*created = 0;
	*link = rc == 0 && S_ISLNK(st.st_mode);
	if (*link)
		rc = stat(path, &st);
	if (rc == 0) {
		if (S_ISDIR(st.st_mode))
			return iv__sq_error(IV_EINVALID, "sqlite: %s is a directory, not an infoview store", path);
		return 0;
	}
	*created = errno == ENOENT;
	return 0;
}

/*
 * SQLite creates the file with the process umask's mode, typically
 * world-readable; a private network is not, so a store this open created
 * is made private before anything is written to it. Its -wal and -shm
 * files take the same mode from it when the switch to WAL makes them.
 */
static int make_private(const char *path)
{
	if (chmod(path, 0600) != 0)
		return iv__sq_error(IV_ESTORAGE, "sqlite: cannot make %s private to its owner: %s", path, strerror(errno));
	return 0;
}

/*
 * A store cut short (a copy that stopped, a full disk) reads as zeros past
 * its end, which SQLite only finds when it reads there: its header says
 * how long it is. A WAL beside it may hold pages the file does not yet
 * have, so only a store without one is judged. The header is read through
 * SQLite's own handle (see above).
 */
static int check_length(struct sq *b, const char *path)
{
	unsigned char h[100];
	struct stat wal;
	char walpath[PATH_MAX + 8];
	unsigned long long page, pages;
	sqlite3_file *f = NULL;
	sqlite3_int64 size = 0;

	if (sqlite3_file_control(b->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods ||
	    f->pMethods->xFileSize(f, &size) != SQLITE_OK || size < (sqlite3_int64)sizeof(h) ||
	    f->pMethods->xRead(f, h, (int)sizeof(h), 0) != SQLITE_OK)
		return 0; /* SQLite says why, if anything is wrong, when it reads */
	if (memcmp(h, "SQLite format 3", 16) != 0 || memcmp(h + 24, h + 92, 4) != 0)
		return 0;
	page = (unsigned long long)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	pages = (unsigned long long)h[28] << 24 | (unsigned long long)h[29] << 16 | (unsigned long long)h[30] << 8 |
		h[31];
	snprintf(walpath, sizeof(walpath), "%s-wal", path);
	if (pages > 0 && page * pages > (unsigned long long)size && (stat(walpath, &wal) != 0 || wal.st_size == 0))
		return iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s is damaged: it is cut short (%lld of %llu bytes)",
				    path, (long long)size, page * pages);
	return 0;
}

/* "./" and a path without a slash, so that its directory can be cut off it. */
static char *dot_slash(const char *path)
{
	size_t n = strlen(path) + 3;
	char *r = malloc(n);

	if (r)
		snprintf(r, n, "./%s", path);
	return r;
}

/*
 * The store's file with a directory in its name, to be freed: the file a
 * symbolic link leads to, whose directory holds the WAL; a store that is
 * no link by its own path (realpath() would read every level of it, on
 * every open). NULL when the link leads nowhere (or out of memory).
 */
static char *store_file(const char *path, int link)
{
	if (link)
		return realpath(path, NULL);
	return strchr(path, '/') ? strdup(path) : dot_slash(path);
}

/* Whether SQLite can make the -wal and -shm files beside the store (the file a link leads to). */
static int dir_writable(const char *path, int link)
{
	char *real = store_file(path, link), *slash;
	int ok;

	if (!real)
		return 0; /* asked again, and said, by readonly_reason() */
	slash = strrchr(real, '/');
	*slash = '\0';
	ok = access(*real ? real : "/", W_OK | X_OK) == 0;
	free(real);
	return ok;
}

/*
 * Why the store can only be read, or NULL: a read-only file, or a
 * directory where SQLite cannot make the WAL's -wal and -shm files
 * (next to the file a symbolic link leads to). Sets *immutable when the
 * store is best read as a file nobody writes: no -wal beside it to read,
 * and none can be made.
 */
static int readonly_reason(char **out, int *immutable, const char *path, int link)
{
	char *real, *slash, walpath[PATH_MAX + 8];
	const char *dir;
	int file_ro, dir_ro = 0, rc = 0;
	struct stat st;
	size_t n;

	*out = NULL;
	*immutable = 0;
	if (!(real = store_file(path, link)))
		return 0; /* SQLite says why */
	file_ro = access(real, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM);
	if (file_ro && errno == EROFS) {
		rc = (*out = strdup("it is on a read-only file system")) ? 0 : iv__sq_oom();
		dir_ro = 1;
	} else if ((slash = strrchr(real, '/')) != NULL) {
		*slash = '\0';
		dir = *real ? real : "/";
		dir_ro = access(dir, W_OK | X_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM);
		n = strlen(dir) + 48;
		if (file_ro)
			rc = (*out = strdup("the file is read-only")) ? 0 : iv__sq_oom();
		else if (dir_ro && (*out = malloc(n)) != NULL)
			snprintf(*out, n, "its directory %s is not writable", dir);
		else if (dir_ro)
			rc = iv__sq_oom();
		*slash = '/';
	}
	if (dir_ro) {
		snprintf(walpath, sizeof(walpath), "%s-wal", real);
		*immutable = stat(walpath, &st) != 0;
	}
	free(real);
	return rc;
}

static const char *const tx_sql[SQ_TX_COUNT] = {
	[SQ_BEGIN] = "BEGIN IMMEDIATE",
	[SQ_COMMIT] = "COMMIT",
	[SQ_ROLLBACK] = "ROLLBACK",
	[SQ_SAVEPOINT] = "SAVEPOINT iv",
	[SQ_RELEASE] = "RELEASE iv",
	[SQ_ROLLBACK_TO] = "ROLLBACK TO iv",
};

/* "file:" and the path, with what a URI would read otherwise escaped, and "?immutable=1". */
static char *immutable_uri(const char *path)
{
	char *uri = malloc(strlen(path) * 3 + 32), *q = uri;
	const char *p;

	if (!uri)
		return NULL;
	q += sprintf(q, "file:%s", path[0] == '/' ? "//" : "");
	for (p = path; *p; p++)
		q += (*p == '%' || *p == '?' || *p == '#') ? sprintf(q, "%%%02X", (unsigned char)*p) : (*q = *p, 1);
	strcpy(q, "?immutable=1");
	return uri;
}

/*
 * Why the store at `path` could not be created, SQLite's last errno being
 * `err`. When creating it fails, SQLite tries to open it for reading,
 * which fails with ENOENT: a directory that cannot be written is asked
 * about here, and named.
 */
static int create_error(const char *path, int err)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	if (err != ENOENT)
		return iv__sq_error(IV_ESTORAGE, "sqlite: cannot create %s: %s", path, strerror(err));
	if (!(dir = malloc(strlen(path) + 2)))
		return iv__sq_oom();
	if (!slash)
		strcpy(dir, ".");
	else if (slash == path)
		strcpy(dir, "/");
	else
		snprintf(dir, (size_t)(slash - path) + 1, "%s", path);
	if (access(dir, W_OK | X_OK) == 0 || errno == ENOENT)
		rc = iv__sq_error(IV_ESTORAGE, "sqlite: cannot create %s: %s", path, strerror(err));
	else
		rc = iv__sq_error(IV_ESTORAGE, "sqlite: cannot create %s: its directory %s is not writable (%s)", path,
				  dir, strerror(errno));
	free(dir);
	return rc;
}

static int connect_db(struct sq *b, const char *path, int immutable, int creating)
{
	int flags = SQLITE_OPEN_NOMUTEX, rc;
	char *uri = NULL;

	flags |= b->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	/* Only then: a file whose name begins with "file:" is no URI. */
	if (immutable)
		flags |= SQLITE_OPEN_URI;
	if (immutable && !(uri = immutable_uri(path)))
		return iv__sq_oom();
	rc = sqlite3_open_v2(uri ? uri : path, &b->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (!b->db)
			return iv__sq_oom();
		if (b->readonly)
			return iv__sq_error(IV_ESTORAGE, "sqlite: opening the store at %s to read: %s (%s)", path,
					    sqlite3_errmsg(b->db), b->readonly);
		if (creating && sqlite3_system_errno(b->db) != 0)
			return create_error(path, sqlite3_system_errno(b->db));
		return iv__sq_fail(b, rc, "opening", "store", path);
	}
	sqlite3_extended_result_codes(b->db, 1);
	b->busy_ms = busy_timeout();
	sqlite3_busy_timeout(b->db, b->busy_ms);
	return 0;
}

/* After the file is known to be ours: settings that read it, then WAL. */
static int configure(struct sq *b)
{
	int rc;

	if ((rc = exec(b, connection_pragmas, "configuring the connection")) < 0 ||
	    (!b->readonly && (rc = exec(b, "PRAGMA journal_mode = WAL", "switching to WAL")) < 0))
		return rc;
	return 0;
}

/*
 * The statements of transactions, all at once when the first is needed
 * (a connection that only reads never is), so that a rollback is ready
 * whenever a begin was.
 */
int iv__sq_prepare_tx(struct sq *b)
{
	int i, rc;

	for (i = 0; i < SQ_TX_COUNT; i++) {
		if (b->stmt[i])
			continue;
		rc = sqlite3_prepare_v3(b->db, tx_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &b->stmt[i], NULL);
		if (rc != SQLITE_OK)
			return iv__sq_fail(b, rc, "preparing", "statement", tx_sql[i]);
	}
	return 0;
}

/* Whether the store's setting asks for FULL durability (iv_db_set_durability()). */
static int read_durability(struct sq *b, int *full)
{
	sqlite3_stmt *st = NULL;
	const char *v;
	int rc;

	*full = 0;
	rc = sqlite3_prepare_v2(b->db, "SELECT value FROM setting WHERE key = '" SQ_DURABILITY_KEY "'", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*full = (v = (const char *)sqlite3_column_text(st, 0)) && strcmp(v, "full") == 0;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return iv__sq_fail(b, rc, "reading the durability of", "store", NULL);
	return 0;
}

static int set_durability(struct sq *b, int full)
{
	b->durability_pending = 0;
	return exec(b, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", "setting the durability");
}

int iv__sq_apply_durability(struct sq *b)
{
	int full, rc;

	return (rc = read_durability(b, &full)) < 0 ? rc : set_durability(b, full);
}

/*
 * What opening reads of a store already there, in one read transaction
 * (each statement would take one of its own, with their locks and system
 * calls): that it is an infoview store and of which version, that its
 * schema is the one the version claims, and, at this library's version, its
 * durability (*full; -1 when it is read after the migration).
 */
static int read_store(struct sq *b, const char *path, int *version, int *full)
{
	int rc;

	*full = -1;
	if ((rc = exec(b, "BEGIN", "reading the store")) < 0)
		return rc;
	if ((rc = schema_version(b, path, version)) >= 0 && (rc = check_schema(b, path, *version)) >= 0 &&
	    *version == SCHEMA_VERSION)
		rc = read_durability(b, full);
	if (rc >= 0)
		rc = exec(b, "COMMIT", "reading the store");
	if (rc < 0 && !sqlite3_get_autocommit(b->db))
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int iv__sq_open(struct sq *b, const char *path)
{
	char *default_path = NULL;
	int version, immutable = 0, created = 0, link = 0, full, rc;

	if (!path) {
		if ((rc = iv_db_default_path(&default_path)) < 0)
			return rc;
		if ((rc = make_parent_dirs(default_path)) < 0)
			goto done;
		path = default_path;
	}
	/*
	 * Nothing is written before the file is known to be ours: not even the
	 * switch to WAL, which changes the header.
	 */
	/* ":memory:" is SQLite's store in memory: no file to make. */
	if (strcmp(path, ":memory:") != 0) {
		if ((rc = will_create(&created, &link, path)) < 0)
			goto done;
		if (!(b->path = strdup(path))) {
			rc = iv__sq_oom();
			goto done;
		}
	}
	/*
	 * Most stores can be written, and so can their directories: SQLite is
	 * asked first (it opens a file it cannot write to read only), then the
	 * directory; only when either cannot be written is the reason looked
	 * for, and the store opened again as it says.
	 */
	if (b->path && !created) {
		if ((rc = connect_db(b, path, 0, 0)) < 0)
			goto done;
		if (sqlite3_db_readonly(b->db, "main") == 1 || !dir_writable(path, link)) {
			sqlite3_close_v2(b->db);
			b->db = NULL;
			if ((rc = readonly_reason(&b->readonly, &immutable, path, link)) < 0 ||
			    (rc = connect_db(b, path, immutable, 0)) < 0)
				goto done;
		}
	} else if ((rc = connect_db(b, path, 0, created)) < 0) {
		goto done;
	}
	if ((created && (rc = make_private(path)) < 0) ||
	    (b->path && (rc = check_length(b, path)) < 0) || (rc = read_store(b, path, &version, &full)) < 0 ||
	    (rc = configure(b)) < 0)
		goto done;
	if (version < SCHEMA_VERSION && b->readonly)
		rc = iv__sq_error(IV_ESTORAGE, "sqlite: the store at %s cannot be %s: %s", path,
				  version ? "upgraded to this library's schema" : "created", b->readonly);
	else if (version < SCHEMA_VERSION)
		rc = migrate(b, path);
	/* NORMAL is the connection's already (connection_pragmas). */
	if (rc >= 0 && full < 0)
		rc = iv__sq_apply_durability(b);
	else if (rc >= 0 && full > 0)
		rc = set_durability(b, 1);
done:
	iv_free(default_path);
	return rc;
}
