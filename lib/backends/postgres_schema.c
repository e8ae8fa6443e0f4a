/*
 * The PostgreSQL backend: the shared schema `infoview` and its migrations,
 * opening a store (connecting and checking that the role has a space), and
 * the administrator's functions of infoview/postgres.h.
 *
 * Isolation: every table has `owner name NOT NULL DEFAULT current_user`,
 * its primary key and every index lead with owner, its foreign keys
 * include owner, and row-level security is enabled and forced with the
 * policy owner = current_user: a role sees and changes only its own rows,
 * through this library or through its own SQL. The version lives in
 * infoview.meta, which users may read; infoview.member lists the roles
 * given a space, so that a migration can grant them what it adds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "postgres_internal.h"

/*
 * The schema, as the steps that take it from version i to i + 1, run by
 * iv_postgres_init() as the administrator. A step is never edited once
 * released: a new version appends one.
 */
static const char *const version_1[] = {
	/* ASCII case folding only (A-Z), whatever the database's locale: SQLite's NOCASE. */
	"CREATE FUNCTION infoview.fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
	" RETURN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');",

	"CREATE TABLE infoview.contact ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	/* The network's key for the contact (iv_backend_node.key). */
	" rid bigint GENERATED ALWAYS AS IDENTITY,"
	" num bigint NOT NULL DEFAULT 0,"
	" name text NOT NULL,"
	" name_key text COLLATE \"C\" GENERATED ALWAYS AS (infoview.fold(name)) STORED,"
	" phone text, company text,"
	" company_key text COLLATE \"C\" GENERATED ALWAYS AS (infoview.fold(company)) STORED,"
	" title text, location text, url text,"
	" url_key text COLLATE \"C\" GENERATED ALWAYS AS (infoview.fold(url)) STORED,"
	" notes text,"
	" known integer NOT NULL, cadence_days integer NOT NULL, last_interaction bigint NOT NULL,"
	" emails text[], tags text[],"
	" created bigint NOT NULL, updated bigint NOT NULL,"
	/*
	 * The words of name (A), company, title, tags (B) and notes (C), as the
	 * backend splits them; the trigger copies them to contact_word.
	 */
	" fts tsvector NOT NULL DEFAULT '',"
	" PRIMARY KEY (owner, id), UNIQUE (owner, rid));"
	"CREATE INDEX contact_name ON infoview.contact (owner, name_key, id);"
	"CREATE INDEX contact_company ON infoview.contact (owner, company_key, name_key, id);"
	"CREATE INDEX contact_url ON infoview.contact (owner, url_key) WHERE url IS NOT NULL;"
	"CREATE INDEX contact_num ON infoview.contact (owner, num);"
	"CREATE INDEX contact_recent ON infoview.contact (owner, known, last_interaction);",

	/*
	 * Row-level security lets an index serve only leakproof operators (a
	 * policy's condition must hold before anything else sees a row), and
	 * neither arrays' @> nor tsvector's @@ is: the e-mail and tag filters
	 * and search read these tables of keys instead, by B-tree, which the
	 * contact's trigger keeps. kind 1 is an e-mail, 2 a tag, folded.
	 */
	"CREATE TABLE infoview.contact_key ("
	" owner name NOT NULL DEFAULT current_user,"
	" contact uuid NOT NULL,"
	" kind smallint NOT NULL,"
	" key text COLLATE \"C\" NOT NULL,"
	" PRIMARY KEY (owner, kind, key, contact));"
	"CREATE INDEX contact_key_contact ON infoview.contact_key (owner, contact);",

	/*
	 * The words search finds, each with the weight of the best field it is
	 * in (search.h): a query's term is a range of (owner, word).
	 */
	"CREATE TABLE infoview.contact_word ("
	" owner name NOT NULL DEFAULT current_user,"
	" ref uuid NOT NULL,"
	" word text COLLATE \"C\" NOT NULL,"
	" weight smallint NOT NULL,"
	" PRIMARY KEY (owner, word, ref));"
	"CREATE INDEX contact_word_ref ON infoview.contact_word (owner, ref);",

	/*
	 * Kept from the contact's row by any writer, the library or the user's
	 * own SQL. No foreign keys: the checks of those are planned once per
	 * connection, and a plan made while the store was small (a scan of the
	 * table) would stay while an import grows it, each row's check then
	 * reading every contact. For the same reason the deletes are planned
	 * each time (EXECUTE).
	 */
	"CREATE FUNCTION infoview.contact_index() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN"
	" IF TG_OP = 'UPDATE' AND NEW.fts = OLD.fts AND NEW.emails IS NOT DISTINCT FROM OLD.emails"
	" AND NEW.tags IS NOT DISTINCT FROM OLD.tags THEN RETURN NULL; END IF;"
	" EXECUTE 'DELETE FROM infoview.contact_word WHERE owner = $1 AND ref = $2' USING OLD.owner, OLD.id;"
	" EXECUTE 'DELETE FROM infoview.contact_key WHERE owner = $1 AND contact = $2' USING OLD.owner, OLD.id;"
	" IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;"
	" END IF;"
	" INSERT INTO infoview.contact_word (owner, ref, word, weight)"
	" SELECT NEW.owner, NEW.id, u.lexeme, CASE WHEN 'A' = ANY (u.weights) THEN 10"
	" WHEN 'B' = ANY (u.weights) THEN 5 WHEN 'C' = ANY (u.weights) THEN 1 ELSE 0 END"
	" FROM unnest(NEW.fts) AS u;"
	" INSERT INTO infoview.contact_key (owner, contact, kind, key)"
	" SELECT NEW.owner, NEW.id, 1, infoview.fold(e) FROM unnest(NEW.emails) AS e"
	" UNION SELECT NEW.owner, NEW.id, 2, infoview.fold(t) FROM unnest(NEW.tags) AS t;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER contact_index AFTER INSERT OR UPDATE OR DELETE ON infoview.contact"
	" FOR EACH ROW EXECUTE FUNCTION infoview.contact_index();",

	"CREATE TABLE infoview.intro ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	" num bigint NOT NULL DEFAULT 0,"
	" introducer uuid NOT NULL, introduced uuid NOT NULL,"
	" channel integer NOT NULL, status integer NOT NULL,"
	" requested_at bigint NOT NULL, made_at bigint NOT NULL,"
	" note text,"
	" created bigint NOT NULL, updated bigint NOT NULL,"
	" PRIMARY KEY (owner, id),"
	" FOREIGN KEY (owner, introducer) REFERENCES infoview.contact (owner, id),"
	" FOREIGN KEY (owner, introduced) REFERENCES infoview.contact (owner, id));"
	"CREATE INDEX intro_introducer ON infoview.intro (owner, introducer);"
	"CREATE INDEX intro_introduced ON infoview.intro (owner, introduced);"
	"CREATE INDEX intro_created ON infoview.intro (owner, created, id);"
	"CREATE INDEX intro_num ON infoview.intro (owner, num);",

	"CREATE TABLE infoview.interview ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	" num bigint NOT NULL DEFAULT 0,"
	" contact uuid NOT NULL, intro uuid,"
	" purpose text, notes text,"
	" medium integer NOT NULL, scheduled_at bigint NOT NULL,"
	" minutes integer NOT NULL, status integer NOT NULL,"
	" t_planned bigint NOT NULL, t_requested bigint NOT NULL,"
	" t_scheduled bigint NOT NULL, t_completed bigint NOT NULL,"
	" t_declined bigint NOT NULL, t_no_response bigint NOT NULL,"
	" t_cancelled bigint NOT NULL,"
	" created bigint NOT NULL, updated bigint NOT NULL,"
	/* [[question, answer or null], ...] and arrays of text, in their order. */
	" questions jsonb NOT NULL DEFAULT '[]', advice jsonb NOT NULL DEFAULT '[]',"
	" resources jsonb NOT NULL DEFAULT '[]',"
	/* The words of purpose (A), answers, advice, resources (B) and notes (C). */
	" fts tsvector NOT NULL DEFAULT '',"
	" PRIMARY KEY (owner, id),"
	" FOREIGN KEY (owner, contact) REFERENCES infoview.contact (owner, id),"
	" FOREIGN KEY (owner, intro) REFERENCES infoview.intro (owner, id));"
	"CREATE INDEX interview_contact ON infoview.interview (owner, contact);"
	"CREATE INDEX interview_intro ON infoview.interview (owner, intro);"
	"CREATE INDEX interview_created ON infoview.interview (owner, created, id);"
	"CREATE INDEX interview_status ON infoview.interview (owner, status, created, id);"
	"CREATE INDEX interview_num ON infoview.interview (owner, num);"
	"CREATE TABLE infoview.interview_word ("
	" owner name NOT NULL DEFAULT current_user,"
	" ref uuid NOT NULL,"
	" word text COLLATE \"C\" NOT NULL,"
	" weight smallint NOT NULL,"
	" PRIMARY KEY (owner, word, ref));"
	"CREATE INDEX interview_word_ref ON infoview.interview_word (owner, ref);",
	"CREATE FUNCTION infoview.interview_index() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN"
	" IF TG_OP = 'UPDATE' AND NEW.fts = OLD.fts THEN RETURN NULL; END IF;"
	" EXECUTE 'DELETE FROM infoview.interview_word WHERE owner = $1 AND ref = $2' USING OLD.owner, OLD.id;"
	" IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;"
	" END IF;"
	" INSERT INTO infoview.interview_word (owner, ref, word, weight)"
	" SELECT NEW.owner, NEW.id, u.lexeme, CASE WHEN 'A' = ANY (u.weights) THEN 3"
	" WHEN 'B' = ANY (u.weights) THEN 2 WHEN 'C' = ANY (u.weights) THEN 1 ELSE 0 END"
	" FROM unnest(NEW.fts) AS u;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER interview_index AFTER INSERT OR UPDATE OR DELETE ON infoview.interview"
	" FOR EACH ROW EXECUTE FUNCTION infoview.interview_index();",

	"CREATE TABLE infoview.followup ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	" num bigint NOT NULL DEFAULT 0,"
	" contact uuid NOT NULL, interview uuid,"
	" kind integer NOT NULL, status integer NOT NULL,"
	" earliest bigint NOT NULL, due bigint NOT NULL, closed_at bigint NOT NULL,"
	" note text, draft text, rule text,"
	" created bigint NOT NULL, updated bigint NOT NULL,"
	" PRIMARY KEY (owner, id),"
	" FOREIGN KEY (owner, contact) REFERENCES infoview.contact (owner, id),"
	" FOREIGN KEY (owner, interview) REFERENCES infoview.interview (owner, id));"
	"CREATE INDEX followup_due ON infoview.followup (owner, due, id);"
	"CREATE INDEX followup_status ON infoview.followup (owner, status, due, id);"
	"CREATE INDEX followup_pending ON infoview.followup (owner, status, earliest);"
	"CREATE INDEX followup_contact ON infoview.followup (owner, contact);"
	"CREATE INDEX followup_interview ON infoview.followup (owner, interview);"
	"CREATE INDEX followup_rule ON infoview.followup (owner, rule);"
	"CREATE INDEX followup_num ON infoview.followup (owner, num);",

	"CREATE TABLE infoview.note ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	" num bigint NOT NULL DEFAULT 0,"
	" contact uuid NOT NULL,"
	" at bigint NOT NULL, text text NOT NULL,"
	" created bigint NOT NULL,"
	" PRIMARY KEY (owner, id),"
	" FOREIGN KEY (owner, contact) REFERENCES infoview.contact (owner, id));"
	"CREATE INDEX note_contact ON infoview.note (owner, contact, at, id);"
	"CREATE INDEX note_at ON infoview.note (owner, at, id);"
	"CREATE INDEX note_num ON infoview.note (owner, num);",

	/* Each owner's settings; keys in byte order (setting_list()). */
	"CREATE TABLE infoview.setting ("
	" owner name NOT NULL DEFAULT current_user,"
	" key text COLLATE \"C\" NOT NULL,"
	" value text NOT NULL,"
	" PRIMARY KEY (owner, key));",

	"DO $$ DECLARE t text; BEGIN"
	" FOREACH t IN ARRAY ARRAY['contact', 'contact_key', 'contact_word', 'intro', 'interview', 'interview_word',"
	" 'followup', 'note', 'setting'] LOOP"
	" EXECUTE format('ALTER TABLE infoview.%I ENABLE ROW LEVEL SECURITY', t);"
	" EXECUTE format('ALTER TABLE infoview.%I FORCE ROW LEVEL SECURITY', t);"
	" EXECUTE format('CREATE POLICY own ON infoview.%I USING (owner = current_user)"
	" WITH CHECK (owner = current_user)', t);"
	/*
	 * The administrator who made the tables (their owner, on whom the
	 * policy is forced too) reaches every row only after SET LOCAL
	 * infoview.admin = 'on', which iv_postgres_remove_user() does: no
	 * table lock, and the library's own statements name their owner anyway.
	 */
	" EXECUTE format('CREATE POLICY admin ON infoview.%I TO CURRENT_USER"
	" USING (current_setting(''infoview.admin'', true) = ''on'')"
	" WITH CHECK (current_setting(''infoview.admin'', true) = ''on'')', t);"
	" END LOOP; END $$;",
	NULL
};

/* Target employers (backend version 6), and their aliases for the name filter. */
static const char *const version_2[] = {
	"CREATE TABLE infoview.target ("
	" owner name NOT NULL DEFAULT current_user,"
	" id uuid NOT NULL,"
	" num bigint NOT NULL DEFAULT 0,"
	" name text NOT NULL,"
	" name_key text COLLATE \"C\" GENERATED ALWAYS AS (infoview.fold(name)) STORED,"
	" motivation integer NOT NULL, posting integer NOT NULL, rank integer NOT NULL,"
	" note text, aliases text[],"
	" created bigint NOT NULL, updated bigint NOT NULL,"
	" PRIMARY KEY (owner, id));"
	"CREATE INDEX target_name ON infoview.target (owner, name_key, id);"
	"CREATE INDEX target_num ON infoview.target (owner, num);",

	/* Each alias folded, kept by the target's trigger (as contact_key, and why). */
	"CREATE TABLE infoview.target_alias ("
	" owner name NOT NULL DEFAULT current_user,"
	" target uuid NOT NULL,"
	" alias text COLLATE \"C\" NOT NULL,"
	" PRIMARY KEY (owner, alias, target));"
	"CREATE INDEX target_alias_target ON infoview.target_alias (owner, target);"
	"CREATE FUNCTION infoview.target_index() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN"
	" IF TG_OP = 'UPDATE' AND NEW.aliases IS NOT DISTINCT FROM OLD.aliases THEN RETURN NULL; END IF;"
	" EXECUTE 'DELETE FROM infoview.target_alias WHERE owner = $1 AND target = $2' USING OLD.owner, OLD.id;"
	" IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;"
	" END IF;"
	" INSERT INTO infoview.target_alias (owner, target, alias)"
	" SELECT DISTINCT NEW.owner, NEW.id, infoview.fold(a) FROM unnest(NEW.aliases) AS a;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER target_index AFTER INSERT OR UPDATE OR DELETE ON infoview.target"
	" FOR EACH ROW EXECUTE FUNCTION infoview.target_index();",

	"DO $$ DECLARE t text; BEGIN"
	" FOREACH t IN ARRAY ARRAY['target', 'target_alias'] LOOP"
	" EXECUTE format('ALTER TABLE infoview.%I ENABLE ROW LEVEL SECURITY', t);"
	" EXECUTE format('ALTER TABLE infoview.%I FORCE ROW LEVEL SECURITY', t);"
	" EXECUTE format('CREATE POLICY own ON infoview.%I USING (owner = current_user)"
	" WITH CHECK (owner = current_user)', t);"
	" EXECUTE format('CREATE POLICY admin ON infoview.%I TO CURRENT_USER"
	" USING (current_setting(''infoview.admin'', true) = ''on'')"
	" WITH CHECK (current_setting(''infoview.admin'', true) = ''on'')', t);"
	" END LOOP; END $$;",
	NULL
};

static const char *const *const migrations[] = {
	/* 0 -> 1 */
	version_1,
	/* 1 -> 2 */
	version_2,
};

#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))

/* The tables that hold a role's rows, children first (for deleting them). */
static const char *const owned_tables[] = {
	"followup", "note", "interview_word", "interview", "intro", "contact_word", "contact_key", "contact",
	"target_alias", "target", "setting"
};
#define OWNED_COUNT ((int)(sizeof(owned_tables) / sizeof(owned_tables[0])))

int32_t iv__pg_lock_key(const char *role)
{
	uint32_t h = 2166136261u;

	for (; *role; role++)
		h = (h ^ (unsigned char)*role) * 16777619u;
	/* Never 0, the administrators' key. */
	return (int32_t)((h & 0x7fffffff) | 1);
}

/* --- Connections -------------------------------------------------------- */

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Connects, as UTF-8; the error says why not (without the conninfo, which may hold a password). */
static int connect_to(PGconn **out, const char *conninfo)
{
	PGconn *conn;
	char msg[512];
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = iv__pq_load()) < 0)
		return rc;
	if (!(conn = PQconnectdb(conninfo)))
		return iv__pg_oom();
	if (PQstatus(conn) != CONNECTION_OK) {
		snprintf(msg, sizeof(msg), "%s", PQerrorMessage(conn));
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		PQfinish(conn);
		return iv__pg_error(IV_ESTORAGE, "postgresql: cannot connect to the server: %s", msg);
	}
	if (PQsetClientEncoding(conn, "UTF8") != 0) {
		PQfinish(conn);
		return iv__pg_error(IV_ESTORAGE, "postgresql: the server does not speak UTF-8");
	}
	/* The server's notices (NOTICE: ... already exists, skipping) are not the library's to print. */
	PQsetNoticeProcessor(conn, quiet, NULL);
	*out = conn;
	return 0;
}

/* A query of one row, its values as text; *res to PQclear. */
static int query(PGresult **res, struct pg *b, const char *sql, int n, const char *const *v, const char *action)
{
	*res = PQexecParams(b->conn, sql, n, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(*res) != PGRES_TUPLES_OK && PQresultStatus(*res) != PGRES_COMMAND_OK) {
		int rc = iv__pg_fail(b, *res, action, NULL, NULL);

		PQclear(*res);
		*res = NULL;
		return rc;
	}
	return 0;
}

/* What the database holds: 0 without the schema, else its version; and whether the role has a space. */
static int schema_state(struct pg *b, int *version, int *space, const char *action)
{
	PGresult *res;
	int rc;

	*version = 0;
	*space = 0;
	if ((rc = query(&res, b,
			"SELECT current_user,"
			" EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
			" ON n.oid = c.relnamespace WHERE n.nspname = 'infoview' AND c.relname = 'meta'),"
			" coalesce((SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'INSERT')"
			" FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
			" WHERE n.nspname = 'infoview' AND c.relname = 'contact'), false)",
			0, NULL, action)) < 0)
		return rc;
	free(b->role);
	if (!(b->role = strdup(PQgetvalue(res, 0, 0)))) {
		PQclear(res);
		return iv__pg_oom();
	}
	*space = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
	if (strcmp(PQgetvalue(res, 0, 1), "t") != 0) {
		PQclear(res);
		return 0;
	}
	PQclear(res);
	if (!*space)
		return 0;
	if ((rc = query(&res, b, "SELECT value FROM infoview.meta WHERE key = 'version'", 0, NULL, action)) < 0)
		return rc;
	*version = PQntuples(res) > 0 ? atoi(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	return 0;
}

int iv__pg_connect(struct pg *b, const char *conninfo)
{
	int version, space, rc;

	if ((rc = connect_to(&b->conn, conninfo)) < 0)
		return rc;
	if ((rc = schema_state(b, &version, &space, "opening the store")) < 0)
		return rc;
	if (!space) {
		PGresult *res;
		int schema;

		if ((rc = query(&res, b, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'infoview')",
				0, NULL, "opening the store")) < 0)
			return rc;
		schema = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		PQclear(res);
		if (!schema)
			return iv__pg_error(IV_ENOTFOUND, "postgresql: the database %s has no infoview schema: run"
					    " `infoview --db URI admin init` as its administrator", PQdb(b->conn));
		return iv__pg_error(IV_ENOTFOUND, "postgresql: role %s has no space in the database %s: run"
				    " `infoview --db URI admin add-user %s` as its administrator", b->role,
				    PQdb(b->conn), b->role);
	}
	if (version > SCHEMA_VERSION)
		return iv__pg_error(IV_EVERSION, "postgresql: the database's infoview schema is version %d, newer than"
				    " this library's %d", version, SCHEMA_VERSION);
	if (version < SCHEMA_VERSION)
		return iv__pg_error(IV_EVERSION, "postgresql: the database's infoview schema is version %d, older than"
				    " this library's %d: run `infoview --db URI admin init` as its administrator to"
				    " migrate it", version, SCHEMA_VERSION);
	b->lock_key = iv__pg_lock_key(b->role);
	return 0;
}

/* --- The administrator's functions --------------------------------------- */

/* An administrator's connection, in a struct pg for the shared error handling. */
static int admin_open(struct pg *b, const char *conninfo, const char *fn)
{
	memset(b, 0, sizeof(*b));
	if (!conninfo)
		return iv__pg_error(IV_EINVALID, "%s: argument 'conninfo' is NULL", fn);
	return connect_to(&b->conn, conninfo);
}

static void admin_close(struct pg *b)
{
	if (b->conn)
		PQfinish(b->conn);
	free(b->role);
}

/* The role's grants, `who` an identifier already quoted. */
static int grant(struct pg *b, const char *who, int give)
{
	static const char *const grants[] = {
		"GRANT USAGE ON SCHEMA infoview TO ",
		"GRANT SELECT ON infoview.meta TO ",
		("GRANT SELECT, INSERT, UPDATE, DELETE ON infoview.contact, infoview.contact_key, infoview.contact_word,"
		 " infoview.intro, infoview.interview, infoview.interview_word, infoview.followup, infoview.note,"
		 " infoview.target, infoview.target_alias, infoview.setting TO "),
	};
	static const char *const revokes[] = {
		"REVOKE ALL ON ALL TABLES IN SCHEMA infoview FROM ",
		"REVOKE ALL ON SCHEMA infoview FROM ",
	};
	const char *const *list = give ? grants : revokes;
	size_t i, n = give ? sizeof(grants) / sizeof(grants[0]) : sizeof(revokes) / sizeof(revokes[0]);
	char sql[512];
	int rc;

	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql), "%s%s", list[i], who);
		if ((rc = iv__pg_exec(b, sql, give ? "granting a space to a role" : "taking a role's grants back")) < 0)
			return rc;
	}
	return 0;
}

/* Runs `sql` with one text parameter; 0 or the error. */
static int exec1(struct pg *b, const char *sql, const char *param, const char *action)
{
	PGresult *res;
	int rc = query(&res, b, sql, param ? 1 : 0, &param, action);

	PQclear(res);
	return rc;
}

static int admin_end(struct pg *b, int rc)
{
	if (rc == 0)
		return iv__pg_exec(b, "COMMIT", "committing");
	PQclear(PQexec(b->conn, "ROLLBACK"));
	return rc;
}

IV_EXTERN(int) iv_postgres_available(void)
{
	return iv__pq_loaded();
}

IV_EXTERN(int) iv_postgres_init(const char *conninfo)
{
	struct pg b;
	PGresult *res = NULL;
	char sql[160];
	int version = 0, rc;

	/* Before anything: the way out below calls libpq too. */
	if ((rc = iv__pq_load()) < 0)
		return rc;
	if ((rc = admin_open(&b, conninfo, "iv_postgres_init")) < 0)
		goto done;
	/* One administrator at a time: a second waits, then finds the work done. */
	snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(%d, 0)", PG_LOCK_CLASS);
	if ((rc = iv__pg_exec(&b, sql, "starting the schema migration")) < 0 ||
	    (rc = iv__pg_exec(&b, "CREATE SCHEMA IF NOT EXISTS infoview;"
			      "CREATE TABLE IF NOT EXISTS infoview.meta (key text PRIMARY KEY, value text NOT NULL);"
			      "CREATE TABLE IF NOT EXISTS infoview.member (role name PRIMARY KEY);",
			      "creating the schema")) < 0 ||
	    (rc = query(&res, &b, "SELECT value FROM infoview.meta WHERE key = 'version'", 0, NULL,
			"reading the schema version")) < 0)
		goto end;
	version = PQntuples(res) > 0 ? atoi(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	res = NULL;
	if (version > SCHEMA_VERSION) {
		rc = iv__pg_error(IV_EVERSION, "postgresql: the database's infoview schema is version %d, newer than this"
				  " library's %d", version, SCHEMA_VERSION);
		goto end;
	}
	for (; version < SCHEMA_VERSION && rc == 0; version++) {
		const char *const *step;

		for (step = migrations[version]; *step && rc == 0; step++)
			rc = iv__pg_exec(&b, *step, "creating the schema");
	}
	snprintf(sql, sizeof(sql), "%d", SCHEMA_VERSION);
	if (rc == 0)
		rc = exec1(&b, "INSERT INTO infoview.meta (key, value) VALUES ('version', $1)"
			   " ON CONFLICT (key) DO UPDATE SET value = excluded.value", sql, "setting the schema version");
	/* What a migration added is granted to the roles already given a space. */
	if (rc == 0 && (rc = query(&res, &b, "SELECT quote_ident(role) FROM infoview.member", 0, NULL,
				   "reading the members")) == 0) {
		int i;

		for (i = 0; i < PQntuples(res) && rc == 0; i++)
			rc = grant(&b, PQgetvalue(res, i, 0), 1);
		PQclear(res);
	}
end:
	rc = admin_end(&b, rc);
done:
	admin_close(&b);
	return rc;
}

IV_EXTERN(int) iv_postgres_add_user(const char *conninfo, const char *role)
{
	struct pg b;
	PGresult *res = NULL;
	char sql[96], *who = NULL;
	int version, space, rc;

	/* Before anything: the way out below calls libpq too. */
	if ((rc = iv__pq_load()) < 0)
		return rc;
	if ((rc = admin_open(&b, conninfo, "iv_postgres_add_user")) < 0)
		goto done;
	if (!role) {
		rc = iv__pg_error(IV_EINVALID, "iv_postgres_add_user: argument 'role' is NULL");
		goto done;
	}
	if ((rc = query(&res, &b, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", 1, &role,
			"looking the role up")) < 0)
		goto done;
	if (PQntuples(res) == 0) {
		rc = iv__pg_error(IV_ENOTFOUND, "postgresql: there is no role %s: create it first"
				  " (CREATE ROLE \"%s\" LOGIN)", role, role);
		goto done;
	}
	if ((rc = schema_state(&b, &version, &space, "adding a user")) < 0)
		goto done;
	if (version != SCHEMA_VERSION) {
		rc = iv__pg_error(version > SCHEMA_VERSION ? IV_EVERSION : IV_ESTORAGE,
				  "postgresql: the database %s has no infoview schema of this library's version %d"
				  " (it has %d): run `infoview --db URI admin init` first", PQdb(b.conn),
				  SCHEMA_VERSION, version);
		goto done;
	}
	if (!(who = PQescapeIdentifier(b.conn, role, strlen(role)))) {
		rc = iv__pg_oom();
		goto done;
	}
	/* Grants change shared catalog rows: one administrator at a time. */
	snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(%d, 0)", PG_LOCK_CLASS);
	if ((rc = iv__pg_exec(&b, sql, "adding a user")) < 0)
		goto done;
	if ((rc = exec1(&b, "INSERT INTO infoview.member (role) VALUES ($1) ON CONFLICT DO NOTHING", role,
			"adding a user")) == 0)
		rc = grant(&b, who, 1);
	rc = admin_end(&b, rc);
done:
	PQclear(res);
	if (who)
		PQfreemem(who);
	admin_close(&b);
	return rc;
}

IV_EXTERN(int) iv_postgres_remove_user(const char *conninfo, const char *role)
{
	struct pg b;
	PGresult *res = NULL;
	char sql[256], *who = NULL;
	int i, exists, rc;

	/* Before anything: the way out below calls libpq too. */
	if ((rc = iv__pq_load()) < 0)
		return rc;
	if ((rc = admin_open(&b, conninfo, "iv_postgres_remove_user")) < 0)
		goto done;
	if (!role) {
		rc = iv__pg_error(IV_EINVALID, "iv_postgres_remove_user: argument 'role' is NULL");
		goto done;
	}
	if ((rc = query(&res, &b, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
			" ON n.oid = c.relnamespace WHERE n.nspname = 'infoview' AND c.relname = 'meta'),"
			" NULL,"
			" EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", 1, &role,
			"removing a user")) < 0)
		goto done;
	exists = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
		goto done; /* no schema: nobody has anything in it */
	if (!(who = PQescapeIdentifier(b.conn, role, strlen(role)))) {
		rc = iv__pg_oom();
		goto done;
	}
	/*
	 * One administrator at a time (grants change shared catalog rows), and
	 * the role's own lock: serial with its writes. Then the administrator's
	 * policy (see the schema) reaches the role's rows.
	 */
	snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(%d, 0);"
		 " SELECT pg_advisory_xact_lock(%d, %ld); SET LOCAL infoview.admin = 'on'", PG_LOCK_CLASS,
		 PG_LOCK_CLASS, (long)iv__pg_lock_key(role));
	if ((rc = iv__pg_exec(&b, sql, "removing a user")) < 0)
		goto done;
	for (i = 0; i < OWNED_COUNT && rc == 0; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM infoview.%s WHERE owner = $1", owned_tables[i]);
		rc = exec1(&b, sql, role, "deleting a user's records");
	}
	if (rc == 0)
		rc = exec1(&b, "DELETE FROM infoview.member WHERE role = $1", role, "removing a user");
	if (rc == 0 && exists)
		rc = grant(&b, who, 0);
	rc = admin_end(&b, rc);
done:
	PQclear(res);
	if (who)
		PQfreemem(who);
	admin_close(&b);
	return rc;
}
