/*
 * The SQLite backend: the embedded default store, one file. Here: the
 * statements, transactions and the operations of the vtable, generic over
 * the four kinds of record (sqlite_records.c describes each).
 *
 * Every statement is prepared once, on first use, and kept in b->stmt, so
 * that no call parses SQL again; their SQL is generated from the kinds'
 * descriptions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_internal.h"
#include "../records.h"

#define SQ(be) ((struct sq *)(be))

/* --- Errors ------------------------------------------------------------- */

int iv__sq_fail(struct sq *b, int rc, const char *action, const char *kind, const char *id)
{
	int code;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = IV_EBUSY;
		break;
	case SQLITE_CONSTRAINT:
		code = IV_ECONSTRAINT;
		break;
	case SQLITE_NOMEM:
		code = IV_ENOMEM;
		break;
	default:
		code = IV_ESTORAGE;
	}
	/* Said in words that name the file, not in SQLite's. */
	if ((rc & 0xff) == SQLITE_READONLY && b->path)
		return iv__sq_error(code, "sqlite: %s%s%s%s%s: the store at %s is read-only%s%s%s", action, kind ? " " : "",
				    kind ? kind : "", id ? " " : "", id ? id : "", b->path, b->readonly ? " (" : "",
				    b->readonly ? b->readonly : "", b->readonly ? ")" : "");
	if (((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) && b->path)
		return iv__sq_error(code, "sqlite: %s%s%s%s%s: the store at %s is damaged (%s)", action, kind ? " " : "",
				    kind ? kind : "", id ? " " : "", id ? id : "", b->path, sqlite3_errstr(rc));
	/* The common refusal, in words: another program (or handle) is writing. */
	if (rc == SQLITE_BUSY && b->db)
		return iv__sq_error(code, "sqlite: %s%s%s%s%s: the store is busy: another connection kept it locked "
				    "for longer than the busy timeout (%d ms)", action, kind ? " " : "",
				    kind ? kind : "", id ? " " : "", id ? id : "", b->busy_ms);
	return iv__sq_error(code, "sqlite: %s%s%s%s%s: %s%s", action, kind ? " " : "", kind ? kind : "",
			id ? " " : "", id ? id : "", code == IV_EBUSY ? "the store is busy: " : "",
			b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc));
}

/* --- Statements --------------------------------------------------------- */

void iv__sq_release(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int iv__sq_step(struct sq *b, struct sq_put *p, const char *action, const char *kind, const char *id)
{
	int rc = iv__sq_put_check(b, p, action, kind, id);

	if (rc < 0)
		return rc;
	switch ((rc = sqlite3_step(p->st))) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		return iv__sq_fail(b, rc, action, kind, id);
	}
}

int iv__sq_step_done(struct sq *b, struct sq_put *p, const char *action, const char *kind, const char *id)
{
	int rc = iv__sq_step(b, p, action, kind, id);

	iv__sq_release(p->st);
	return rc < 0 ? rc : 0;
}

static const char *const fixed_sql[SQ_FIXED_COUNT] = {
	[SQ_TAG_DELETE] = "DELETE FROM contact_tag WHERE contact_id = ?1",
	[SQ_TAG_INSERT] = "INSERT OR IGNORE INTO contact_tag (contact_id, tag) VALUES (?1, ?4)",
	[SQ_EMAIL_DELETE] = "DELETE FROM contact_email WHERE contact_id = ?1",
	[SQ_EMAIL_INSERT] = "INSERT OR IGNORE INTO contact_email (contact_id, email) VALUES (?1, ?4)",
	[SQ_ALIAS_DELETE] = "DELETE FROM target_alias WHERE target_id = ?1",
	[SQ_ALIAS_INSERT] = "INSERT OR IGNORE INTO target_alias (target_id, alias) VALUES (?1, ?4)",
	[SQ_QUESTION_SELECT] = "SELECT question, answer FROM interview_question WHERE interview = ?1 ORDER BY pos",
	[SQ_QUESTION_DELETE] = "DELETE FROM interview_question WHERE interview = ?1",
	[SQ_QUESTION_INSERT] = "INSERT INTO interview_question (interview, pos, question, answer)"
			       " VALUES (?1, ?3, ?4, ?5)",
	[SQ_ITEM_SELECT] = "SELECT kind, text FROM interview_item WHERE interview = ?1 ORDER BY kind, pos",
	[SQ_ITEM_DELETE] = "DELETE FROM interview_item WHERE interview = ?1",
	[SQ_ITEM_INSERT] = "INSERT INTO interview_item (interview, kind, pos, text) VALUES (?1, ?2, ?3, ?4)",
	[SQ_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
	[SQ_SETTING_SET] = "INSERT INTO setting (key, value) VALUES (?1, ?2)"
			   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[SQ_SETTING_DELETE] = "DELETE FROM setting WHERE key = ?1",
	[SQ_REFERENCED] = "SELECT EXISTS (SELECT 1 FROM intro WHERE introducer = c.id)"
			  " OR EXISTS (SELECT 1 FROM intro WHERE introduced = c.id)"
			  " OR EXISTS (SELECT 1 FROM interview WHERE contact = c.id)"
			  " OR EXISTS (SELECT 1 FROM followup WHERE contact = c.id)"
			  " FROM contact c WHERE c.uuid = ?1",
	[SQ_INTERVIEW_FTS_WRITE] = "INSERT OR REPLACE INTO interview_fts (rowid, purpose, notes, answers, advice, resources)"
				   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/*
	 * ?1 is an FTS5 query, ?2 the most hits (-1 for all). The rank is the
	 * weighted bm25 of the schema. The ids are looked up for the hits only:
	 * outside the ranked subquery (a co-routine, read in its order), so
	 * that a limited search reads the rows of the hits it returns, not of
	 * every match it ranks.
	 */
	[SQ_SEARCH_CONTACT] = "SELECT (SELECT uuid FROM contact WHERE id = h.rowid), h.score"
			      " FROM (SELECT rowid, -rank AS score FROM contact_fts WHERE contact_fts MATCH ?1"
			      " ORDER BY rank LIMIT ?2) AS h",
	[SQ_SEARCH_INTERVIEW] = "SELECT (SELECT uuid FROM interview WHERE id = h.rowid), h.score"
				" FROM (SELECT rowid, -rank AS score FROM interview_fts WHERE interview_fts MATCH ?1"
				" ORDER BY rank LIMIT ?2) AS h",
	/* Search as you type: the first matches, scored but not all ranked. */
	[SQ_SEARCH_CONTACT_UNRANKED] = "SELECT (SELECT uuid FROM contact WHERE id = contact_fts.rowid), -rank"
				       " FROM contact_fts WHERE contact_fts MATCH ?1 LIMIT ?2",
	[SQ_SEARCH_INTERVIEW_UNRANKED] = "SELECT (SELECT uuid FROM interview WHERE id = interview_fts.rowid), -rank"
					 " FROM interview_fts WHERE interview_fts MATCH ?1 LIMIT ?2",
	/* The introductions to a contact (intro_introduced), not declined (4), with their introducers. */
	[SQ_INTROS_TO] = "SELECT i.uuid, c.uuid, i.status, i.made_at, i.created, c.known, c.last_interaction"
			 " FROM intro i JOIN contact c ON c.id = i.introducer"
			 " WHERE i.introduced = (SELECT id FROM contact WHERE uuid = ?1) AND i.status <> 4",
	/* The whole network: two scans by row id, keyed by row id; the core keeps no names. */
	[SQ_NETWORK_CONTACTS] = "SELECT id, uuid, known, last_interaction, company FROM contact",
	[SQ_NETWORK_INTROS] = "SELECT uuid, introducer, introduced, status, made_at, created FROM intro WHERE status <> 4",
	/* The walk back by row ids: one contact by uuid, then the introductions to each by intro_introduced. */
	[SQ_NETWORK_NODE] = "SELECT id, uuid, known, last_interaction, name FROM contact WHERE uuid = ?1",
	[SQ_INTROS_TO_KEY] = "SELECT i.uuid, c.uuid, i.status, i.made_at, i.created, c.known, c.last_interaction, c.id"
			     " FROM intro i JOIN contact c ON c.id = i.introducer"
			     " WHERE i.introduced = ?1 AND i.status <> 4",
	/* A company's contacts by contact_company. */
	[SQ_NETWORK_COMPANY] = "SELECT id, uuid, known, last_interaction, name FROM contact"
			       " WHERE company = ?1 COLLATE NOCASE",
};

/* SQL being generated, in a fixed buffer: it is only made once per statement. */
struct sql {
	char *p;
	size_t len, size;
};

static void cat(struct sql *q, const char *fmt, ...) SQ_PRINTF(2, 3);

static void cat(struct sql *q, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(q->p + q->len, q->size - q->len, fmt, ap);
	va_end(ap);
	/* An overflow leaves len at size, which sql_of() refuses. */
	q->len = n < 0 || (size_t)n >= q->size - q->len ? q->size : q->len + (size_t)n;
}

/*
 * The value a column is written from, parameter n. A reference is given as
 * a uuid and stored as the row id; an optional one that names no row
 * becomes 0, which no row has, so that its foreign key refuses it instead
 * of storing NULL.
 */
static void cat_value(struct sql *q, const struct sq_column *c, int n)
{
	if (!c->ref)
		cat(q, "?%d", n);
	else if (!c->optional)
		cat(q, "(SELECT id FROM %s WHERE uuid = ?%d)", c->ref, n);
	else
		cat(q, "CASE WHEN ?%d IS NULL THEN NULL ELSE ifnull((SELECT id FROM %s WHERE uuid = ?%d), 0) END",
		    n, c->ref, n);
}

/*
 * The columns of a follow-up's contact after its own, read from the join
 * the follow-up's kind already makes (fc) in the contact's own order: the
 * agenda's items are each a follow-up and its contact.
 */
static void cat_contact_columns(struct sql *q)
{
	const struct sq_kind *c = &iv__sq_kinds[SQ_CONTACT];
	int i;

	cat(q, ", fc.id, fc.uuid");
	for (i = 0; i < c->ncolumns; i++)
		cat(q, ", fc.%s", c->columns[i].name);
}

/*
 * The columns of a kind, a reference read as the uuid of the row it names:
 * one join on that table's primary key per reference (LEFT: an optional
 * one is NULL), not a subselect per row.
 */
static void cat_select(struct sql *q, const struct sq_kind *k, int with_contact)
{
	int i;

	cat(q, "SELECT r.id, r.uuid");
	for (i = 0; i < k->ncolumns; i++) {
		if (k->columns[i].read)
			cat(q, ", %s", k->columns[i].read);
		else if (k->columns[i].ref)
			cat(q, ", j%d.uuid", i);
		else
			cat(q, ", r.%s", k->columns[i].name);
	}
	cat(q, "%s", k->joined ? k->joined : "");
	if (with_contact)
		cat_contact_columns(q);
	cat(q, " FROM %s r%s", k->name, k->join ? k->join : "");
	for (i = 0; i < k->ncolumns; i++)
		if (k->columns[i].ref && !k->columns[i].read)
			cat(q, " LEFT JOIN %s j%d ON j%d.id = r.%s", k->columns[i].ref, i, i, k->columns[i].name);
}

static void cat_op(struct sql *q, const struct sq_kind *k, int op)
{
	int i;

	switch (op) {
	case SQ_OP_GET:
		cat_select(q, k, 0);
		cat(q, " WHERE r.uuid = ?1");
		break;
	case SQ_OP_INSERT:
		cat(q, "INSERT INTO %s (uuid", k->name);
		for (i = 0; i < k->ncolumns; i++)
			cat(q, ", %s", k->columns[i].name);
		cat(q, ") VALUES (?1");
		for (i = 0; i < k->ncolumns; i++) {
			cat(q, ", ");
			cat_value(q, &k->columns[i], i + 2);
		}
		/* No RETURNING: it makes SQLite buffer the statement's rows; the row id is the last inserted. */
		cat(q, ")");
		break;
	case SQ_OP_UPDATE:
		cat(q, "UPDATE %s SET ", k->name);
		for (i = 0; i < k->ncolumns; i++) {
			cat(q, "%s%s = ", i ? ", " : "", k->columns[i].name);
			cat_value(q, &k->columns[i], i + 2);
		}
		cat(q, " WHERE uuid = ?1 RETURNING id");
		break;
	default:
		cat(q, "DELETE FROM %s WHERE uuid = ?1", k->name);
	}
}

static void cat_list(struct sql *q, const struct sq_kind *k, unsigned int mask, int with_contact)
{
	int i, first = 1;

	cat_select(q, k, with_contact);
	for (i = 0; i < k->nfilters; i++) {
		if (!(mask & (1u << i)))
			continue;
		/* A unary + keeps SQLite from using the column's index. */
		cat(q, " %s %s%s", first ? "WHERE" : "AND",
		    (mask & k->narrow) && !(k->narrow & (1u << i)) ? "+" : "", k->filters[i]);
		first = 0;
	}
	cat(q, " ORDER BY %s", k->order);
}

/* The SQL of statement `idx`: fixed, or generated into `q`. */
static const char *sql_of(struct sql *q, int idx)
{
	int i, op = idx - SQ_STMT_OP(0, 0), list = idx - SQ_STMT_LIST(0, 0);

	if (idx == SQ_CONTACTS_RECENT) {
		/* Ties of the index's order (same known, same time) are sorted as they come. */
		cat_select(q, &iv__sq_kinds[SQ_CONTACT], 0);
		cat(q, " WHERE r.known = ?1 ORDER BY r.last_interaction DESC, r.name COLLATE NOCASE, r.uuid");
		return q->len < q->size ? q->p : NULL;
	}
	if (idx < SQ_FIXED_COUNT)
		return fixed_sql[idx];
	if (list < 0) {
		cat_op(q, &iv__sq_kinds[op / SQ_OP_COUNT], op % SQ_OP_COUNT);
	} else if (list >= SQ_LISTS_FOLLOWUP_CONTACT) {
		cat_list(q, &iv__sq_kinds[SQ_FOLLOWUP], (unsigned int)(list - SQ_LISTS_FOLLOWUP_CONTACT), 1);
	} else {
		for (i = SQ_KIND_COUNT - 1; iv__sq_kinds[i].lists > list; i--)
			;
		cat_list(q, &iv__sq_kinds[i], (unsigned int)(list - iv__sq_kinds[i].lists), 0);
	}
	return q->len < q->size ? q->p : NULL;
}

static int compile(sqlite3_stmt **out, struct sq *b, int idx, unsigned int flags)
{
	char text[4096];
	struct sql q = { text, 0, sizeof(text) };
	const char *sql = sql_of(&q, idx);
	int rc;

	if (!sql)
		return iv__sq_error(IV_ERROR, "sqlite: statement %d is too long", idx);
	if ((rc = sqlite3_prepare_v3(b->db, sql, -1, flags, out, NULL)) != SQLITE_OK)
		return iv__sq_fail(b, rc, "preparing", "statement", sql);
	return 0;
}

/* The cached statement `idx`, prepared on first use. */
static int prepare(sqlite3_stmt **out, struct sq *b, int idx)
{
	int rc;

	if (!b->stmt[idx] && (rc = compile(&b->stmt[idx], b, idx, SQLITE_PREPARE_PERSISTENT)) < 0)
		return rc;
	*out = b->stmt[idx];
	return 0;
}

int iv__sq_start(struct sq_put *p, struct sq *b, int idx)
{
	p->n = 1;
	return prepare(&p->st, b, idx);
}

int iv__sq_borrow(struct sq_put *p, int *slot, struct sq *b, int idx)
{
	int rc;

	*slot = b->in_use[idx] ? -1 : idx;
	rc = *slot < 0 ? compile(&p->st, b, idx, 0) : prepare(&p->st, b, idx);
	if (rc < 0)
		return rc;
	if (*slot >= 0)
		b->in_use[idx] = 1;
	/* What is bound outlives the caller's strings. */
	p->transient = 1;
	p->n = 1;
	return 0;
}

void iv__sq_give_back(struct sq *b, struct sq_put *p, int slot)
{
	if (slot >= 0) {
		iv__sq_release(p->st);
		b->in_use[slot] = 0;
	} else {
		sqlite3_finalize(p->st);
	}
}

int iv__sq_run(struct sq *b, int idx, const char *action)
{
	sqlite3_stmt *st;
	int rc;

	if (!b->stmt[idx] && (rc = iv__sq_prepare_tx(b)) < 0)
		return rc;
	st = b->stmt[idx];
	rc = sqlite3_step(st);

	rc = rc == SQLITE_DONE ? 0 : iv__sq_fail(b, rc, action, NULL, NULL);
	sqlite3_reset(st);
	return rc;
}

/* --- Transactions ------------------------------------------------------- */

/*
 * SQLite ends a transaction itself after some errors (an interrupted
 * write, a full disk, out of memory). Until the caller rolls back, nothing
 * may be written: it would be committed on its own, outside the
 * transaction the caller believes open.
 */
static int tx_lost(struct sq *b, const char *action)
{
	if (b->depth > 0 && b->db && sqlite3_get_autocommit(b->db))
		return iv__sq_error(IV_ESTORAGE, "sqlite: %s: the transaction was rolled back after an earlier error;"
				    " roll it back before writing again", action);
	return 0;
}

/*
 * The outermost transaction takes the write lock at once (BEGIN IMMEDIATE):
 * a deferred one that read first could not upgrade in WAL mode once another
 * connection wrote, and would fail without waiting. Inner ones are
 * savepoints, all of the same name, which SQLite resolves innermost first.
 */
static int tx_begin(iv_backend *be)
{
	struct sq *b = SQ(be);
	int rc;

	if ((rc = tx_lost(b, "beginning a transaction")) < 0 ||
	    (rc = iv__sq_run(b, b->depth ? SQ_SAVEPOINT : SQ_BEGIN, "beginning a transaction")) < 0)
		return rc;
	b->depth++;
	return 0;
}

/* A failed commit leaves the transaction open, for the core to roll back. */
static int tx_commit(iv_backend *be)
{
	struct sq *b = SQ(be);
	int rc;

	if (b->depth == 0)
		return iv__sq_error(IV_EMISUSE, "sqlite: commit without a transaction");
	/* SQLite ends a transaction itself after some errors (disk full, I/O). */
	if (sqlite3_get_autocommit(b->db))
		return iv__sq_error(IV_ESTORAGE, "sqlite: commit: the transaction was rolled back after an earlier error");
	if ((rc = iv__sq_run(b, b->depth == 1 ? SQ_COMMIT : SQ_RELEASE, "committing")) == 0 && --b->depth == 0 &&
	    b->durability_pending)
		/* Committed whatever this says: it only changes how the next commits are flushed. */
		(void)iv__sq_apply_durability(b);
	return rc;
}

static int tx_rollback(iv_backend *be)
{
	struct sq *b = SQ(be);
	int rc = 0;

	if (b->depth == 0)
		return iv__sq_error(IV_EMISUSE, "sqlite: rollback without a transaction");
	if (!sqlite3_get_autocommit(b->db)) {
		if (b->depth == 1)
			rc = iv__sq_run(b, SQ_ROLLBACK, "rolling back");
		else if ((rc = iv__sq_run(b, SQ_ROLLBACK_TO, "rolling back")) == 0)
			rc = iv__sq_run(b, SQ_RELEASE, "rolling back");
	}
	/* The setting may have been rolled back with the rest: read it again. */
	if (--b->depth == 0 && b->durability_pending && rc == 0)
		(void)iv__sq_apply_durability(b);
	return rc;
}

/* Ends a transaction of the backend's own: commits on success. */
static int tx_end(struct sq *b, int rc)
{
	if (rc == 0 && (rc = tx_commit(&b->base)) == 0)
		return 0;
	tx_rollback(&b->base);
	return rc;
}

/* --- Generic operations ------------------------------------------------- */

static int not_found(const struct sq_kind *k, const char *id)
{
	return iv__sq_error(IV_ENOTFOUND, "sqlite: %s %s not found", k->name, id);
}

/* Builds a record from the current row of `st`, its columns from `first` on. */
static int build_at(void **out, struct sq *b, const struct sq_kind *k, sqlite3_stmt *st, int first)
{
	struct sq_get g = { st, first, { 0 }, k->name };
	char msg[400];
	int rc = k->build(out, b, &g);

	if (rc < 0 && rc != IV_ENOMEM) {
		snprintf(msg, sizeof(msg), "%s", iv_error_message());
		iv__sq_error(rc, "sqlite: reading a stored %s: %s", k->name, msg);
	}
	return rc;
}

static int build(void **out, struct sq *b, const struct sq_kind *k, sqlite3_stmt *st)
{
	return build_at(out, b, k, st, 1);
}

static int get_record(void **out, struct sq *b, const struct sq_kind *k, const char *id)
{
	struct sq_put p = { 0 };
	int rc;

	*out = NULL;
	if ((rc = iv__sq_start(&p, b, SQ_STMT_OP(k->index, SQ_OP_GET))) < 0)
		return rc;
	iv__sq_put_uuid(&p, id);
	if ((rc = iv__sq_step(b, &p, "reading", k->name, id)) > 0)
		rc = build(out, b, k, p.st);
	else if (rc == 0)
		rc = not_found(k, id);
	iv__sq_release(p.st);
	return rc;
}

static int delete_record(struct sq *b, const struct sq_kind *k, const char *id);

/*
 * Inserts or updates the main row, then the child rows, so that they stay
 * whole: an update in a savepoint of its own; an insert without one, since
 * inside a large transaction a savepoint copies every page it touches,
 * already changed, to the statement journal: an insert whose child rows
 * fail deletes its main row again, and the child rows with it.
 */
static int write_record(struct sq *b, const struct sq_kind *k, const void *r, const char *id, int op)
{
	const char *action = op == SQ_OP_INSERT ? "inserting" : "updating";
	int children = k->children && (op != SQ_OP_INSERT || !k->has_children || k->has_children(r));
	int own = children && op != SQ_OP_INSERT;
	struct sq_put p = { 0 };
	sqlite3_int64 row = 0;
	int rc;

	if ((rc = tx_lost(b, action)) < 0)
		return rc;

	if (own && (rc = tx_begin(&b->base)) < 0)
		return rc;
	if ((rc = iv__sq_start(&p, b, SQ_STMT_OP(k->index, op))) < 0)
		goto done;
	iv__sq_put_uuid(&p, id);
	if ((rc = k->bind(b, &p, r)) == 0)
		rc = iv__sq_step(b, &p, action, k->name, id);
	if (rc == 0 && op == SQ_OP_INSERT) {
		/* A trigger's inserts do not change it once the statement is done. */
		row = sqlite3_last_insert_rowid(b->db);
	} else if (rc > 0) {
		/* RETURNING gave the row id the children need; this step ends it. */
		row = sqlite3_column_int64(p.st, 0);
		rc = iv__sq_step(b, &p, action, k->name, id);
	} else if (rc == 0) {
		rc = not_found(k, id);
	} else if (op == SQ_OP_INSERT && rc == IV_ECONSTRAINT &&
		   sqlite3_extended_errcode(b->db) == SQLITE_CONSTRAINT_UNIQUE) {
		/* The uuid is the only UNIQUE column. */
		rc = iv__sq_error(IV_EEXISTS, "sqlite: %s %s already exists", k->name, id);
	}
	iv__sq_release(p.st);
	if (rc == 0 && children) {
		struct sq_owner o = { row, k->name, id };

		if ((rc = k->children(b, &o, r, op == SQ_OP_UPDATE)) < 0 && !own) {
			/* Keeps the children's error, not what the delete says. */
			char msg[512];
			snprintf(msg, sizeof(msg), "%s", iv_error_message());
			if (delete_record(b, k, id) < 0)
				/* Never silent: the caller's transaction now holds half a record. */
				rc = iv__sq_error(IV_ESTORAGE, "%s; and the %s %s could not be taken back: "
						  "roll the transaction back", msg, k->name, id);
			else
				iv__sq_error(rc, "%s", msg);
		}
	}
done:
	return own ? tx_end(b, rc) : rc;
}

/* Child rows go with their owner through ON DELETE CASCADE. */
static int delete_record(struct sq *b, const struct sq_kind *k, const char *id)
{
	struct sq_put p = { 0 };
	int rc;

	if ((rc = tx_lost(b, "deleting")) < 0)
		return rc;
	if ((rc = iv__sq_start(&p, b, SQ_STMT_OP(k->index, SQ_OP_DELETE))) < 0)
		return rc;
	iv__sq_put_uuid(&p, id);
	if ((rc = iv__sq_step_done(b, &p, "deleting", k->name, id)) == 0 && sqlite3_changes(b->db) == 0)
		rc = not_found(k, id);
	return rc;
}

/* --- Lists -------------------------------------------------------------- */

struct iter {
	iv_backend_iter base;
	struct sq *b;
	const struct sq_kind *k;
	int slot;   /* the cached statement it borrows, or -1 if it has its own */
	int over;
	int with_contact; /* follow-ups, each with its contact from the columns after its own */
	struct sq_put p;  /* the statement, and the ids bound to it */
};

static int iter_next(void **out, iv_backend_iter *base)
{
	struct iter *it = (struct iter *)base;
	int rc;

	*out = NULL;
	if (it->over)
		return IV_ITEROVER;
	if ((rc = iv__sq_step(it->b, &it->p, "listing", it->k->name, NULL)) > 0) {
		void *c = NULL;

		if ((rc = build(out, it->b, it->k, it->p.st)) < 0 || !it->with_contact)
			return rc;
		/* The contact's columns are the last of the row, from its id on. */
		if ((rc = build_at(&c, it->b, &iv__sq_kinds[SQ_CONTACT], it->p.st,
				   sqlite3_column_count(it->p.st) - iv__sq_kinds[SQ_CONTACT].ncolumns - 1)) < 0) {
			iv_followup_free(*out);
			*out = NULL;
			return rc;
		}
		iv__followup_attach_contact(*out, c);
		return 0;
	}
	/* Stepping again would start over; and a finished read frees its snapshot. */
	it->over = 1;
	sqlite3_reset(it->p.st);
	return rc == 0 ? IV_ITEROVER : rc;
}

static void iter_free(iv_backend_iter *base)
{
	struct iter *it = (struct iter *)base;

	iv__sq_give_back(it->b, &it->p, it->slot);
	free(it);
}

/*
 * An iterator borrows the cached statement of its filter combination; only
 * when another open iterator holds that one does it prepare its own.
 */
static int list_records(iv_backend_iter **out, struct sq *b, const struct sq_kind *k, const void *filter,
			int with_contact)
{
	struct sq_arg a[SQ_MAX_FILTERS];
	struct iter *it;
	unsigned int mask = 0;
	int i, idx, rc, extra;

	*out = NULL;
	k->args(a, filter);
	for (i = 0; i < k->nfilters; i++)
		if (a[i].s || a[i].i)
			mask |= 1u << i;
	idx = SQ_STMT_LIST(k->lists, mask);
	if (!(it = calloc(1, sizeof(*it))))
		return iv__sq_oom();
	if (with_contact) {
		idx = SQ_STMT_LIST(SQ_LISTS_FOLLOWUP_CONTACT, mask);
		it->with_contact = 1;
	}
	it->base.version = SQ_BACKEND_ITER_VERSION;
	it->base.next = iter_next;
	it->base.free = iter_free;
	it->b = b;
	it->k = k;
	if ((rc = iv__sq_borrow(&it->p, &it->slot, b, idx)) < 0) {
		free(it);
		return rc;
	}
	/* Filter i binds ?(i + 1), and one more for each id range before it. */
	for (i = 0, extra = 0; i < k->nfilters; extra += a[i].type == SQ_ARG_PREFIX, i++) {
		if (!(mask & (1u << i)))
			continue;
		it->p.n = i + 1 + extra;
		if (a[i].type == SQ_ARG_UUID)
			iv__sq_put_uuid(&it->p, a[i].s);
		else if (a[i].type == SQ_ARG_PREFIX)
			iv__sq_put_uuid_range(&it->p, a[i].s);
		else if (a[i].type == SQ_ARG_TEXT)
			iv__sq_put_text(&it->p, a[i].s);
		else
			iv__sq_put_int(&it->p, a[i].i);
	}
	if ((rc = iv__sq_put_check(b, &it->p, "listing", k->name, NULL)) < 0) {
		iter_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}

static int contacts_recent(iv_backend_iter **out, iv_backend *be, int known)
{
	struct sq *b = SQ(be);
	struct iter *it;
	int rc;

	*out = NULL;
	if (!(it = calloc(1, sizeof(*it))))
		return iv__sq_oom();
	it->base.version = SQ_BACKEND_ITER_VERSION;
	it->base.next = iter_next;
	it->base.free = iter_free;
	it->b = b;
	it->k = &iv__sq_kinds[SQ_CONTACT];
	if ((rc = iv__sq_borrow(&it->p, &it->slot, b, SQ_CONTACTS_RECENT)) < 0) {
		free(it);
		return rc;
	}
	iv__sq_put_int(&it->p, known);
	if ((rc = iv__sq_put_check(b, &it->p, "listing", "contact", NULL)) < 0) {
		iter_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}

/* --- The operations of the vtable --------------------------------------- */

/* The typed entry points, each a call of the generic operation for its kind. */
#define SQ_KIND_OPS(K, KIND) \
	static int K##_get(iv_##K **out, iv_backend *be, const char *id) \
	{ void *r = NULL; int rc = get_record(&r, SQ(be), &iv__sq_kinds[KIND], id); *out = r; return rc; } \
	static int K##_insert(iv_backend *be, const iv_##K *r) \
	{ return write_record(SQ(be), &iv__sq_kinds[KIND], r, iv_##K##_id(r), SQ_OP_INSERT); } \
	static int K##_delete(iv_backend *be, const char *id) \
	{ return delete_record(SQ(be), &iv__sq_kinds[KIND], id); } \
	static int K##_list(iv_backend_iter **out, iv_backend *be, const iv_##K##_filter *f) \
	{ return list_records(out, SQ(be), &iv__sq_kinds[KIND], f, 0); }

/* Kinds whose records are updated too (notes are only added and deleted). */
#define SQ_UPDATE_OP(K, KIND) \
	static int K##_update(iv_backend *be, const iv_##K *r) \
	{ return write_record(SQ(be), &iv__sq_kinds[KIND], r, iv_##K##_id(r), SQ_OP_UPDATE); }

SQ_KIND_OPS(contact, SQ_CONTACT)
SQ_KIND_OPS(intro, SQ_INTRO)
SQ_KIND_OPS(interview, SQ_INTERVIEW)
SQ_KIND_OPS(followup, SQ_FOLLOWUP)
SQ_KIND_OPS(note, SQ_NOTE)
SQ_KIND_OPS(target, SQ_TARGET)
/* Follow-ups each with its whole contact, from one join (the agenda's). */
static int followup_list_contacts(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *f)
{
	return list_records(out, SQ(be), &iv__sq_kinds[SQ_FOLLOWUP], f, 1);
}

SQ_UPDATE_OP(contact, SQ_CONTACT)
SQ_UPDATE_OP(intro, SQ_INTRO)
SQ_UPDATE_OP(interview, SQ_INTERVIEW)
SQ_UPDATE_OP(followup, SQ_FOLLOWUP)
SQ_UPDATE_OP(target, SQ_TARGET)

static int setting_get(char **out, iv_backend *be, const char *key)
{
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	const char *v;
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = iv__sq_start(&p, b, SQ_SETTING_GET)) < 0)
		return rc;
	iv__sq_put_text(&p, key);
	if ((rc = iv__sq_step(b, &p, "reading", "setting", key)) > 0) {
		v = (const char *)sqlite3_column_text(p.st, 0);
		n = (size_t)sqlite3_column_bytes(p.st, 0);
		rc = v && (*out = iv_malloc(n + 1)) ? 0 : iv__sq_oom();
		if (rc == 0)
			memcpy(*out, v, n + 1);
	} else if (rc == 0) {
		rc = iv__sq_error(IV_ENOTFOUND, "sqlite: setting %s is not set", key);
	}
	iv__sq_release(p.st);
	return rc;
}

static int setting_set(iv_backend *be, const char *key, const char *value)
{
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	int rc;

	if ((rc = tx_lost(b, "writing a setting")) < 0)
		return rc;
	if ((rc = iv__sq_start(&p, b, value ? SQ_SETTING_SET : SQ_SETTING_DELETE)) < 0)
		return rc;
	iv__sq_put_text(&p, key);
	if (value)
		iv__sq_put_text(&p, value);
	if ((rc = iv__sq_step_done(b, &p, "writing", "setting", key)) < 0 || strcmp(key, SQ_DURABILITY_KEY) != 0)
		return rc;
	/* SQLite changes synchronous only outside a transaction. */
	b->durability_pending = 1;
	return b->depth ? 0 : iv__sq_apply_durability(b);
}

/*
 * A listing of setting keys. Settings are few and read once per backup: the
 * iterator prepares its own statement rather than borrowing a cached one.
 */
struct key_iter {
	iv_backend_iter base;
	struct sq *b;
	sqlite3_stmt *st;
	char *prefix;
};

static int key_iter_next(void **out, iv_backend_iter *bi)
{
	struct key_iter *it = (struct key_iter *)bi;
	const char *key;
	size_t n;
	int rc;

	*out = NULL;
	if (!it->st)
		return IV_ITEROVER;
	if ((rc = sqlite3_step(it->st)) == SQLITE_DONE)
		return IV_ITEROVER;
	if (rc != SQLITE_ROW)
		return iv__sq_fail(it->b, rc, "listing", "setting", NULL);
	key = (const char *)sqlite3_column_text(it->st, 0);
	n = (size_t)sqlite3_column_bytes(it->st, 0);
	if (!key || strncmp(key, it->prefix, strlen(it->prefix)) != 0) {
		/* Past the keys with the prefix: byte order keeps them together. */
		sqlite3_finalize(it->st);
		it->st = NULL;
		return IV_ITEROVER;
	}
	if (!(*out = iv_malloc(n + 1)))
		return iv__sq_oom();
	memcpy(*out, key, n + 1);
	return 0;
}

static void key_iter_free(iv_backend_iter *bi)
{
	struct key_iter *it = (struct key_iter *)bi;

	sqlite3_finalize(it->st);
	free(it->prefix);
	free(it);
}

static int setting_list(iv_backend_iter **out, iv_backend *be, const char *prefix)
{
	struct sq *b = SQ(be);
	struct key_iter *it;
	int rc;

	*out = NULL;
	if (!(it = calloc(1, sizeof(*it))) || !(it->prefix = malloc(strlen(prefix) + 1))) {
		free(it);
		return iv__sq_oom();
	}
	strcpy(it->prefix, prefix);
	it->base.version = SQ_BACKEND_ITER_VERSION;
	it->base.next = key_iter_next;
	it->base.free = key_iter_free;
	it->b = b;
	rc = sqlite3_prepare_v2(b->db, "SELECT key FROM setting WHERE key >= ?1 ORDER BY key", -1, &it->st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(it->st, 1, it->prefix, -1, SQLITE_STATIC);
	if (rc != SQLITE_OK) {
		rc = iv__sq_fail(b, rc, "listing", "setting", NULL);
		key_iter_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}

static int contact_referenced(int *out, iv_backend *be, const char *id)
{
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	int rc;

	*out = 0;
	if ((rc = iv__sq_start(&p, b, SQ_REFERENCED)) < 0)
		return rc;
	iv__sq_put_uuid(&p, id);
	/* No row: there is no such contact, so nothing names it. */
	if ((rc = iv__sq_step(b, &p, "checking references to", "contact", id)) > 0)
		*out = sqlite3_column_int(p.st, 0) != 0;
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

/*
 * Columns 1 to 6 of SQ_INTROS_TO and SQ_INTROS_TO_KEY: the introducer's id
 * (as text, into `by`), the introduction's status and times, and the
 * introducer's known and last interaction.
 */
static void edge_row(iv_backend_edge *e, char by[IV_ID_LEN + 1], sqlite3_stmt *st)
{
	e->introducer = iv__sq_uuid_text(by, st, 1);
	e->status = sqlite3_column_int(st, 2);
	e->made_at = sqlite3_column_int64(st, 3);
	e->created = sqlite3_column_int64(st, 4);
	e->introducer_known = sqlite3_column_int(st, 5);
	e->introducer_last = sqlite3_column_int64(st, 6);
}

static int intros_to(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload)
{
	char intro[IV_ID_LEN + 1], by[IV_ID_LEN + 1];
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	iv_backend_edge e;
	int rc;

	if ((rc = iv__sq_start(&p, b, SQ_INTROS_TO)) < 0)
		return rc;
	iv__sq_put_uuid(&p, id);
	while ((rc = iv__sq_step(b, &p, "reading the introductions to", "contact", id)) > 0) {
		e.id = iv__sq_uuid_text(intro, p.st, 0);
		edge_row(&e, by, p.st);
		e.introducer_key = e.introduced_key = 0;
		e.uuid = NULL;
		if ((rc = cb(&e, payload)) < 0)
			break;
	}
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

/* A stored id for the network: its 16 bytes as they are, or "(damaged id)" as text. */
static void uuid_of(const unsigned char **uuid, const char **text, char buf[IV_ID_LEN + 1], sqlite3_stmt *st, int col)
{
	*uuid = sqlite3_column_blob(st, col);
	*text = NULL;
	if (!*uuid || sqlite3_column_bytes(st, col) != 16) {
		*uuid = NULL;
		*text = iv__sq_uuid_text(buf, st, col);
	}
}

/* The current row of SQ_NETWORK_NODE or SQ_NETWORK_COMPANY, given to `cb`. */
static int node_row(sqlite3_stmt *st, iv_backend_node_cb cb, void *payload)
{
	char text[IV_ID_LEN + 1];
	iv_backend_node c;

	memset(&c, 0, sizeof(c));
	c.key = sqlite3_column_int64(st, 0);
	uuid_of(&c.uuid, &c.id, text, st, 1);
	c.known = sqlite3_column_int(st, 2);
	c.last_interaction = sqlite3_column_int64(st, 3);
	c.name = (const char *)sqlite3_column_text(st, 4);
	return cb(&c, payload);
}

static int network_node(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload)
{
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	int rc;

	if ((rc = iv__sq_start(&p, b, SQ_NETWORK_NODE)) < 0)
		return rc;
	iv__sq_put_uuid(&p, id);
	if ((rc = iv__sq_step(b, &p, "reading", "contact", id)) > 0)
		rc = node_row(p.st, cb, payload);
	else if (rc == 0)
		rc = iv__sq_error(IV_ENOTFOUND, "sqlite: contact %s not found", id);
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

static int network_company(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload)
{
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	int rc;

	if ((rc = iv__sq_start(&p, b, SQ_NETWORK_COMPANY)) < 0)
		return rc;
	p.rc = sqlite3_bind_text(p.st, 1, company, -1, SQLITE_STATIC);
	while ((rc = iv__sq_step(b, &p, "reading the contacts of", "company", company)) > 0)
		if ((rc = node_row(p.st, cb, payload)) < 0)
			break;
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

static int intros_to_key(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload)
{
	char intro[IV_ID_LEN + 1], by[IV_ID_LEN + 1];
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	iv_backend_edge e;
	int rc;

	if ((rc = iv__sq_start(&p, b, SQ_INTROS_TO_KEY)) < 0)
		return rc;
	p.rc = sqlite3_bind_int64(p.st, 1, key);
	memset(&e, 0, sizeof(e));
	while ((rc = iv__sq_step(b, &p, "reading the introductions to", "contact", NULL)) > 0) {
		uuid_of(&e.uuid, &e.id, intro, p.st, 0);
		edge_row(&e, by, p.st);
		e.introducer_key = sqlite3_column_int64(p.st, 7);
		if ((rc = cb(&e, payload)) < 0)
			break;
	}
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

static int network_scan(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload)
{
	char id[IV_ID_LEN + 1];
	struct sq *b = SQ(be);
	struct sq_put p = { 0 };
	iv_backend_node c;
	iv_backend_edge e;
	int rc;

	if ((rc = iv__sq_start(&p, b, SQ_NETWORK_CONTACTS)) < 0)
		return rc;
	memset(&c, 0, sizeof(c));
	while ((rc = iv__sq_step(b, &p, "reading", "the network", NULL)) > 0) {
		c.key = sqlite3_column_int64(p.st, 0);
		uuid_of(&c.uuid, &c.id, id, p.st, 1);
		c.known = sqlite3_column_int(p.st, 2);
		c.last_interaction = sqlite3_column_int64(p.st, 3);
		c.company = (const char *)sqlite3_column_text(p.st, 4);
		if ((rc = contact(&c, payload)) < 0)
			break;
	}
	iv__sq_release(p.st);
	if (rc < 0 || (rc = iv__sq_start(&p, b, SQ_NETWORK_INTROS)) < 0)
		return rc;
	memset(&e, 0, sizeof(e));
	while ((rc = iv__sq_step(b, &p, "reading", "the network", NULL)) > 0) {
		uuid_of(&e.uuid, &e.id, id, p.st, 0);
		e.introducer_key = sqlite3_column_int64(p.st, 1);
		e.introduced_key = sqlite3_column_int64(p.st, 2);
		e.status = sqlite3_column_int(p.st, 3);
		e.made_at = sqlite3_column_int64(p.st, 4);
		e.created = sqlite3_column_int64(p.st, 5);
		if ((rc = intro(&e, payload)) < 0)
			break;
	}
	iv__sq_release(p.st);
	return rc < 0 ? rc : 0;
}

static void sq_free(iv_backend *be)
{
	struct sq *b = SQ(be);
	int i;

	if (!b)
		return;
	/*
	 * The last connection to close copies the WAL into the file. When the
	 * disk is full that fails, and SQLite says nothing: a connection that
	 * wrote copies it first, so as to say what was not written.
	 */
	if (b->db && !b->readonly && b->path && sqlite3_total_changes(b->db) > 0) {
		int rc = sqlite3_wal_checkpoint_v2(b->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

		if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			iv__sq_error(IV_ESTORAGE, "sqlite: closing the store at %s: its changes stay in %s-wal (%s);"
				     " nothing is lost: they are copied in once there is room",
				     b->path, b->path, sqlite3_errstr(rc));
	}
	/* Most of the 700-odd slots were never used: a call each would cost an open 2%. */
	for (i = 0; i < SQ_STMT_COUNT; i++)
		if (b->stmt[i])
			sqlite3_finalize(b->stmt[i]);
	sqlite3_close_v2(b->db);
	free(b->path);
	free(b->readonly);
	for (i = 0; i < SQ_SCRATCH; i++)
		free(b->scratch[i].p);
	free(b);
}

/*
 * Whether `be` is this backend as iv_backend_sqlite_new() made it, not a
 * wrapper of it: the core then relies on what it guarantees (db.h).
 */
int iv__backend_is_sqlite(const iv_backend *be)
{
	return be->free == sq_free;
}


IV_EXTERN(int) iv_backend_sqlite_new(iv_backend **out, const char *path)
{
	struct sq *b;
	int rc;

	if (!out)
		return iv_error_set(IV_EINVALID, "iv_backend_sqlite_new: argument 'out' is NULL");
	*out = NULL;
	if (!(b = calloc(1, sizeof(*b))))
		return iv__sq_oom();
	iv_backend_init(&b->base, SQ_BACKEND_VERSION);
	b->base.contact_get = contact_get;
	b->base.contact_insert = contact_insert;
	b->base.contact_update = contact_update;
	b->base.contact_delete = contact_delete;
	b->base.contact_list = contact_list;
	b->base.intro_get = intro_get;
	b->base.intro_insert = intro_insert;
	b->base.intro_update = intro_update;
	b->base.intro_delete = intro_delete;
	b->base.intro_list = intro_list;
	b->base.interview_get = interview_get;
	b->base.interview_insert = interview_insert;
	b->base.interview_update = interview_update;
	b->base.interview_delete = interview_delete;
	b->base.interview_list = interview_list;
	b->base.followup_get = followup_get;
	b->base.followup_insert = followup_insert;
	b->base.followup_update = followup_update;
	b->base.followup_delete = followup_delete;
	b->base.followup_list = followup_list;
	b->base.setting_get = setting_get;
	b->base.setting_set = setting_set;
	b->base.setting_list = setting_list;
	b->base.begin = tx_begin;
	b->base.commit = tx_commit;
	b->base.rollback = tx_rollback;
	b->base.free = sq_free;
	b->base.contact_referenced = contact_referenced;
	b->base.search = iv__sq_search;
	b->base.intros_to = intros_to;
	b->base.network_scan = network_scan;
	b->base.network_node = network_node;
	b->base.intros_to_key = intros_to_key;
	b->base.network_company = network_company;
	b->base.followup_list_contacts = followup_list_contacts;
	b->base.contacts_recent = contacts_recent;
	b->base.note_get = note_get;
	b->base.note_insert = note_insert;
	b->base.note_delete = note_delete;
	b->base.note_list = note_list;
	b->base.target_get = target_get;
	b->base.target_insert = target_insert;
	b->base.target_update = target_update;
	b->base.target_delete = target_delete;
	b->base.target_list = target_list;
	if ((rc = iv__sq_open(b, path)) < 0) {
		sq_free(&b->base);
		return rc;
	}
	*out = &b->base;
	return 0;
}
