/*
 * The PostgreSQL backend: a shared database on a server, through libpq. Here:
 * errors, statements, transactions, cursors and the operations of the
 * vtable, generic over the kinds of record (postgres_records.c describes
 * each).
 *
 * Statements with parameters are prepared once per connection (named
 * "ivN"), on first use, and reused; parameters and results are text. A
 * list's DECLARE is the exception: its SQL depends on the filters given and
 * its cursor's name on the iterator, so it is sent with its parameters
 * (PQexecParams) and planned for their values.
 *
 * Lists read through server-side cursors declared WITH HOLD, fetched
 * PG_FETCH rows at a time, so an iterator holds one batch whatever the
 * number of rows, other statements (writes too) run on the same connection
 * between two fetches, and an iterator outlives the transaction it was
 * opened in. Declared outside a transaction, such a cursor's rows are
 * computed at once and kept by the server (not by this process) until it
 * is closed; inside one, they are read as the cursor moves, and what is
 * left is kept by the server when the transaction commits.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "postgres_internal.h"
#include "../records.h"

#define PG(be) ((struct pg *)(be))

/* --- Errors ------------------------------------------------------------- */

int iv__pg_error(int code, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return iv_error_set(code, msg);
}

int iv__pg_oom(void)
{
	return iv_error_set(IV_ENOMEM, "postgresql: out of memory");
}

/* The server's message without its trailing newline. */
static void message_of(char *out, size_t size, struct pg *b, const PGresult *res)
{
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	size_t n;

	if (!m || !*m)
		m = b->conn ? PQerrorMessage(b->conn) : "no connection";
	snprintf(out, size, "%s", m);
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' '))
		out[--n] = '\0';
}

/*
 * The transaction is over: the server ended it, or the connection is gone.
 * The core rolls back each level it opened; until it has, nothing runs.
 */
static void lose_transaction(struct pg *b)
{
	if (b->depth == 0)
		return;
	b->gone = 1;
	if (b->conn && PQstatus(b->conn) == CONNECTION_OK && PQtransactionStatus(b->conn) != PQTRANS_IDLE)
		PQclear(PQexec(b->conn, "ROLLBACK"));
}

int iv__pg_fail(struct pg *b, const PGresult *res, const char *action, const char *kind, const char *id)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char msg[512];
	int code = IV_ESTORAGE;

	message_of(msg, sizeof(msg), b, res);
	if (!b->conn || PQstatus(b->conn) == CONNECTION_BAD || (state && strncmp(state, "08", 2) == 0)) {
		lose_transaction(b);
		return iv__pg_error(IV_ERETRY, "postgresql: %s%s%s%s%s: the connection to the server was lost (%s);"
				    " the transaction was rolled back", action, kind ? " " : "", kind ? kind : "",
				    id ? " " : "", id ? id : "", msg);
	}
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)) {
		lose_transaction(b);
		return iv__pg_error(IV_ERETRY, "postgresql: %s%s%s%s%s: %s; the transaction was rolled back",
				    action, kind ? " " : "", kind ? kind : "", id ? " " : "", id ? id : "", msg);
	}
	if (state && strcmp(state, "23505") == 0)
		code = IV_EEXISTS;
	else if (state && strncmp(state, "23", 2) == 0)
		code = IV_ECONSTRAINT;
	else if (state && (strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0))
		code = IV_EBUSY;
	else if (state && strcmp(state, "53200") == 0)
		code = IV_ENOMEM;
	return iv__pg_error(code, "postgresql: %s%s%s%s%s: %s", action, kind ? " " : "", kind ? kind : "",
			    id ? " " : "", id ? id : "", msg);
}

int iv__pg_ready(struct pg *b, const char *action)
{
	if (b->gone)
		return iv__pg_error(IV_ERETRY, "postgresql: %s: the transaction was rolled back after a transient failure;"
				    " roll it back and try again", action);
	if (b->depth == 0 && PQstatus(b->conn) == CONNECTION_BAD) {
		/* The statements and cursors went with the old connection. */
		PQreset(b->conn);
		memset(b->prepared, 0, sizeof(b->prepared));
		if (PQstatus(b->conn) == CONNECTION_BAD) {
			char msg[512];

			message_of(msg, sizeof(msg), b, NULL);
			return iv__pg_error(IV_ERETRY, "postgresql: %s: the connection to the server was lost and"
					    " could not be made again (%s)", action, msg);
		}
		PQsetClientEncoding(b->conn, "UTF8");
	}
	return 0;
}

/* --- Parameters --------------------------------------------------------- */

void iv__pg_put_text(struct pg_args *a, const char *s)
{
	if (a->n < PG_MAX_PARAMS)
		a->v[a->n] = s;
	a->n++;
}

void iv__pg_put_int(struct pg_args *a, int64_t v)
{
	if (a->n < PG_MAX_PARAMS) {
		snprintf(a->num[a->n], sizeof(a->num[a->n]), "%lld", (long long)v);
		a->v[a->n] = a->num[a->n];
	}
	a->n++;
}

void iv__pg_put_owned(struct pg_args *a, char *s)
{
	if (a->nowned < (int)(sizeof(a->owned) / sizeof(a->owned[0]))) {
		a->owned[a->nowned++] = s;
	} else {
		free(s);
		s = NULL;
		a->rc = IV_ENOMEM;
	}
	iv__pg_put_text(a, s);
}

void iv__pg_args_free(struct pg_args *a)
{
	int i;

	for (i = 0; i < a->nowned; i++)
		free(a->owned[i]);
	a->nowned = 0;
}

/* --- Statements --------------------------------------------------------- */

static const char *sql_of(int idx)
{
	int op = idx - PG_STMT_OP(0, 0);
	const struct pg_kind *k;

	if (idx < PG_FIXED_COUNT)
		return iv__pg_fixed_sql[idx];
	k = &iv__pg_kinds[op / PG_OP_COUNT];
	switch (op % PG_OP_COUNT) {
	case PG_OP_INSERT:
		return k->insert;
	case PG_OP_UPDATE:
		return k->update;
	case PG_OP_DELETE:
		return k->del;
	default:
		return NULL; /* get: made from the kind's SELECT */
	}
}

static int prepare(struct pg *b, int idx, const char *name)
{
	char text[4096];
	const char *sql = sql_of(idx);
	PGresult *res;
	int rc = 0;

	if (!sql) {
		const struct pg_kind *k = &iv__pg_kinds[(idx - PG_STMT_OP(0, 0)) / PG_OP_COUNT];

		snprintf(text, sizeof(text), "%s AND r.id = $1::uuid", k->select);
		sql = text;
	}
	res = PQprepare(b->conn, name, sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = iv__pg_fail(b, res, "preparing", "statement", name);
	PQclear(res);
	return rc;
}

int iv__pg_run(PGresult **out, struct pg *b, int idx, const struct pg_args *a, const char *action,
	       const char *kind, const char *id)
{
	char name[16];
	PGresult *res;
	ExecStatusType st;
	int rc;

	*out = NULL;
	if (a && a->rc < 0)
		return iv__pg_oom();
	if (a && a->n > PG_MAX_PARAMS)
		return iv__pg_error(IV_ERROR, "postgresql: %s: too many parameters", action);
	if ((rc = iv__pg_ready(b, action)) < 0)
		return rc;
	snprintf(name, sizeof(name), "iv%d", idx);
	if (!b->prepared[idx]) {
		if ((rc = prepare(b, idx, name)) < 0)
			return rc;
		b->prepared[idx] = 1;
	}
	res = PQexecPrepared(b->conn, name, a ? a->n : 0, a ? a->v : NULL, NULL, NULL, 0);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = iv__pg_fail(b, res, action, kind, id);
		PQclear(res);
		return rc;
	}
	*out = res;
	return 0;
}

int iv__pg_exec(struct pg *b, const char *sql, const char *action)
{
	PGresult *res = PQexec(b->conn, sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		rc = iv__pg_fail(b, res, action, NULL, NULL);
	PQclear(res);
	return rc;
}

const char *iv__pg_text(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

int64_t iv__pg_int(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 : (int64_t)strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* --- Settings written in a transaction ------------------------------------ */

/*
 * The core numbers every record through a setting ("iv.number.contact"...)
 * that it reads and writes at each insert. Written to the server each time,
 * a transaction of n inserts would make n versions of one row, which every
 * later read of it walks: n * n / 2 steps (20 000 contacts imported in one
 * transaction took 9 minutes). So a setting written inside a transaction
 * is kept here, by the level that wrote it, follows its level's commit or
 * rollback, and is written once at the outermost commit.
 */
static void pending_free(struct pg_pending *p)
{
	free(p->key);
	free(p->value);
	free(p);
}

static void pending_clear(struct pg *b)
{
	struct pg_pending *p;

	while ((p = b->pending)) {
		b->pending = p->next;
		pending_free(p);
	}
}

/* The newest pending write of `key`, or NULL. */
static struct pg_pending *pending_find(struct pg *b, const char *key)
{
	struct pg_pending *p;

	for (p = b->pending; p; p = p->next)
		if (strcmp(p->key, key) == 0)
			return p;
	return NULL;
}

static int pending_set(struct pg *b, const char *key, const char *value)
{
	struct pg_pending *p = pending_find(b, key);
	char *v = NULL;

	if (value && !(v = strdup(value)))
		return iv__pg_oom();
	if (p && p->depth == b->depth) {
		free(p->value);
		p->value = v;
		return 0;
	}
	if (!(p = calloc(1, sizeof(*p))) || !(p->key = strdup(key))) {
		free(p);
		free(v);
		return iv__pg_oom();
	}
	p->value = v;
	p->depth = b->depth;
	p->next = b->pending;
	b->pending = p;
	return 0;
}

/* Level `depth` committed into the one enclosing it: its writes become that level's. */
static void pending_commit(struct pg *b, int depth)
{
	struct pg_pending **pp = &b->pending, *p, *older;

	while ((p = *pp)) {
		if (p->depth == depth) {
			for (older = p->next; older && strcmp(older->key, p->key) != 0; older = older->next)
				;
			if (older && older->depth == depth - 1) {
				/* Replaces the enclosing level's write of the same key. */
				free(older->value);
				older->value = p->value;
				p->value = NULL;
				*pp = p->next;
				pending_free(p);
				continue;
			}
			p->depth = depth - 1;
		}
		pp = &p->next;
	}
}

/* Level `depth` rolled back: its writes are forgotten. */
static void pending_rollback(struct pg *b, int depth)
{
	struct pg_pending **pp = &b->pending, *p;

	while ((p = *pp)) {
		if (p->depth >= depth) {
			*pp = p->next;
			pending_free(p);
		} else {
			pp = &p->next;
		}
	}
}

/* Writes the pending settings, inside the outermost transaction, before it commits. */
static int pending_flush(struct pg *b)
{
	struct pg_pending *p;
	PGresult *res;
	int rc = 0;

	for (p = b->pending; p && rc == 0; p = p->next) {
		struct pg_args a = { 0 };

		iv__pg_put_text(&a, p->key);
		if (p->value)
			iv__pg_put_text(&a, p->value);
		if ((rc = iv__pg_run(&res, b, p->value ? PG_SETTING_SET : PG_SETTING_DELETE, &a, "writing", "setting",
				     p->key)) == 0)
			PQclear(res);
	}
	return rc;
}

/* --- Transactions ------------------------------------------------------- */

/*
 * The outermost transaction takes the owner's advisory lock at once, so
 * that it is serial with every other connection writing the same owner's
 * records: the core's check-then-write steps are then safe under READ
 * COMMITTED. Inner ones are savepoints, one name per depth.
 */
static int tx_begin(iv_backend *be)
{
	struct pg *b = PG(be);
	char sql[128];
	int rc;

	if ((rc = iv__pg_ready(b, "beginning a transaction")) < 0)
		return rc;
	if (b->depth == 0) {
		PGresult *res;

		/* The transaction's id too, for commit_outcome(): known before COMMIT is sent. */
		snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(%d, %ld), txid_current()", PG_LOCK_CLASS,
			 (long)b->lock_key);
		res = PQexec(b->conn, sql);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && PQnfields(res) == 2 &&
		    !PQgetisnull(res, 0, 1)) {
			snprintf(b->xid, sizeof(b->xid), "%s", PQgetvalue(res, 0, 1));
			PQclear(res);
			b->depth++;
			return 0;
		}
		rc = iv__pg_fail(b, res, "beginning a transaction", NULL, NULL);
		PQclear(res);
		b->xid[0] = '\0';
		if (PQstatus(b->conn) == CONNECTION_OK && PQtransactionStatus(b->conn) != PQTRANS_IDLE)
			PQclear(PQexec(b->conn, "ROLLBACK"));
		b->gone = 0;
		return rc;
	} else
		snprintf(sql, sizeof(sql), "SAVEPOINT iv%d", b->depth);
	if ((rc = iv__pg_exec(b, sql, "beginning a transaction")) < 0) {
		if (b->depth == 0 && PQtransactionStatus(b->conn) != PQTRANS_IDLE)
			PQclear(PQexec(b->conn, "ROLLBACK"));
		b->gone = 0;
		return rc;
	}
	b->depth++;
	return 0;
}

/*
 * After the connection was lost during COMMIT: whether transaction `xid`
 * (txid_current() at begin) committed, asked on a new connection. The
 * server process that held it may still be ending it ("in progress"): it
 * is asked again, for up to about 5 s. 0 if it committed, IV_ERETRY if it
 * did not, IV_ESTORAGE if that cannot be known.
 */
static int commit_outcome(struct pg *b, const char *xid)
{
	const char *v = xid, *status;
	struct timespec pause = { 0, 0 };
	PGresult *res = NULL;
	long waited_ms = 0, ms = 1;
	int rc;

	PQreset(b->conn);
	memset(b->prepared, 0, sizeof(b->prepared));
	if (PQstatus(b->conn) != CONNECTION_OK)
		return iv__pg_error(IV_ESTORAGE, "postgresql: committing: the connection to the server was lost, and"
				    " cannot be made again to learn whether the changes were kept");
	PQsetClientEncoding(b->conn, "UTF8");
	for (;;) {
		PQclear(res);
		res = PQexecParams(b->conn, "SELECT txid_status($1::bigint)", 1, NULL, &v, NULL, NULL, 0);
		status = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0)
				 ? PQgetvalue(res, 0, 0) : "";
		if (strcmp(status, "in progress") != 0 || waited_ms >= 5000)
			break;
		pause.tv_nsec = ms * 1000000L;
		nanosleep(&pause, NULL);
		waited_ms += ms;
		ms = ms < 128 ? 2 * ms : ms;
	}
	if (strcmp(status, "committed") == 0)
		rc = 0;
	else if (strcmp(status, "aborted") == 0)
		rc = iv__pg_error(IV_ERETRY, "postgresql: committing: the connection to the server was lost; the"
				  " transaction was rolled back");
	else
		rc = iv__pg_error(IV_ESTORAGE, "postgresql: committing: the connection to the server was lost, and"
				  " whether the changes were kept cannot be known (the server says %s)",
				  status[0] ? status : "nothing");
	PQclear(res);
	return rc;
}

/*
 * COMMIT: when the connection is lost before its answer, a new one asks
 * the server whether the transaction (its id taken at begin) committed,
 * so that the core neither does again what was kept (IV_ERETRY would) nor
 * reports lost what was kept.
 */
static int commit_outermost(struct pg *b)
{
	PGresult *res, *error = NULL;
	int committed = 0, rolled_back = 0, rc;

	if (!PQsendQuery(b->conn, "COMMIT")) {
		if (PQstatus(b->conn) != CONNECTION_OK && b->xid[0])
			return commit_outcome(b, b->xid);
		return iv__pg_fail(b, NULL, "committing", NULL, NULL);
	}
	while ((res = PQgetResult(b->conn))) {
		switch (PQresultStatus(res)) {
		case PGRES_COMMAND_OK:
			/* COMMIT of a transaction an error aborted rolls it back, and says ROLLBACK. */
			committed = strcmp(PQcmdStatus(res), "COMMIT") == 0;
			rolled_back = !committed;
			break;
		default:
			if (!error) {
				error = res;
				continue;
			}
		}
		PQclear(res);
	}
	if (committed)
		rc = 0;
	else if (rolled_back)
		rc = iv__pg_error(IV_ESTORAGE, "postgresql: committing: the transaction was rolled back after an"
				  " earlier error");
	else if (PQstatus(b->conn) != CONNECTION_OK && b->xid[0])
		rc = commit_outcome(b, b->xid);
	else
		/* An error the server said. */
		rc = iv__pg_fail(b, error, "committing", NULL, NULL);
	PQclear(error);
	return rc;
}

/*
 * A failed commit leaves the level open for the core's rollback(), even
 * when the server ended the transaction (a failed COMMIT does): rollback()
 * then only closes it.
 */
static int tx_commit(iv_backend *be)
{
	struct pg *b = PG(be);
	char sql[48];
	int rc = 0;

	if (b->depth == 0)
		return iv__pg_error(IV_EMISUSE, "postgresql: commit without a transaction");
	if (b->gone)
		return iv__pg_ready(b, "committing");
	if (b->depth > 1) {
		snprintf(sql, sizeof(sql), "RELEASE SAVEPOINT iv%d", b->depth - 1);
		if ((rc = iv__pg_exec(b, sql, "committing")) < 0)
			return rc;
		pending_commit(b, b->depth);
		b->depth--;
		return 0;
	}
	if ((rc = pending_flush(b)) < 0)
		return rc;
	if ((rc = commit_outermost(b)) == 0) {
		b->depth--;
		pending_clear(b);
	} else if (PQstatus(b->conn) != CONNECTION_OK || PQtransactionStatus(b->conn) == PQTRANS_IDLE) {
		b->gone = 1;
	}
	return rc;
}

static int tx_rollback(iv_backend *be)
{
	struct pg *b = PG(be);
	char sql[96];
	int rc = 0;

	if (b->depth == 0)
		return iv__pg_error(IV_EMISUSE, "postgresql: rollback without a transaction");
	if (!b->gone && PQstatus(b->conn) == CONNECTION_OK) {
		if (b->depth == 1)
			rc = iv__pg_exec(b, "ROLLBACK", "rolling back");
		else {
			snprintf(sql, sizeof(sql), "ROLLBACK TO SAVEPOINT iv%d; RELEASE SAVEPOINT iv%d", b->depth - 1,
				 b->depth - 1);
			rc = iv__pg_exec(b, sql, "rolling back");
		}
	}
	/* Closed whatever was said: a lost transaction has nothing left to undo. */
	pending_rollback(b, b->gone ? 1 : b->depth);
	if (--b->depth == 0)
		b->gone = 0;
	return rc == IV_ERETRY ? 0 : rc;
}

/* Ends a transaction of the backend's own: commits on success. */
static int tx_end(struct pg *b, int rc)
{
	if (rc == 0 && (rc = tx_commit(&b->base)) == 0)
		return 0;
	tx_rollback(&b->base);
	return rc;
}

/* --- Cursors ------------------------------------------------------------ */

int iv__pg_cursor_open(struct pg_cursor *c, struct pg *b, const char *sql, const struct pg_args *a, const char *what)
{
	struct pg_buf q = { 0 };
	PGresult *res;
	size_t n;
	int rc;

	memset(c, 0, sizeof(*c));
	if (a && a->rc < 0)
		return iv__pg_oom();
	if ((rc = iv__pg_ready(b, "listing")) < 0)
		return rc;
	snprintf(c->name, sizeof(c->name), "ivc%lu", ++b->cursors);
	n = strlen(sql) + 64;
	if (!(q.p = malloc(n)))
		return iv__pg_oom();
	snprintf(q.p, n, "DECLARE %s NO SCROLL CURSOR WITH HOLD FOR %s", c->name, sql);
	res = PQexecParams(b->conn, q.p, a ? a->n : 0, NULL, a ? a->v : NULL, NULL, NULL, 0);
	free(q.p);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = iv__pg_fail(b, res, "listing", what, NULL);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	c->open = 1;
	return 0;
}

int iv__pg_cursor_next(struct pg_cursor *c, struct pg *b, const PGresult **res, int *row, const char *what)
{
	char sql[64];
	int rc;

	if (c->res && c->row < PQntuples(c->res)) {
		*res = c->res;
		*row = c->row++;
		return 1;
	}
	PQclear(c->res);
	c->res = NULL;
	if (c->last || !c->open)
		return 0;
	if ((rc = iv__pg_ready(b, "listing")) < 0)
		return rc;
	snprintf(sql, sizeof(sql), "FETCH %d FROM %s", PG_FETCH, c->name);
	c->res = PQexec(b->conn, sql);
	if (PQresultStatus(c->res) != PGRES_TUPLES_OK) {
		rc = iv__pg_fail(b, c->res, "listing", what, NULL);
		PQclear(c->res);
		c->res = NULL;
		c->last = 1;
		return rc;
	}
	if (PQntuples(c->res) < PG_FETCH) {
		/* The last batch: the cursor is done with (it exists: it was just read). */
		c->last = 1;
		snprintf(sql, sizeof(sql), "CLOSE %s", c->name);
		(void)iv__pg_exec(b, sql, "closing a cursor");
		c->open = 0;
	}
	c->row = 0;
	return iv__pg_cursor_next(c, b, res, row, what);
}

/*
 * Closes a cursor not read to its end. A rollback may already have closed
 * it (one declared in the savepoint rolled back), and CLOSE of a missing
 * cursor would abort the transaction: it is looked up first.
 */
void iv__pg_cursor_close(struct pg_cursor *c, struct pg *b)
{
	char sql[160];
	PGresult *res;

	PQclear(c->res);
	c->res = NULL;
	if (!c->open || !b->conn || PQstatus(b->conn) != CONNECTION_OK ||
	    PQtransactionStatus(b->conn) == PQTRANS_INERROR || b->gone) {
		c->open = 0;
		return;
	}
	c->open = 0;
	snprintf(sql, sizeof(sql), "SELECT 1 FROM pg_catalog.pg_cursors WHERE name = '%s'", c->name);
	res = PQexec(b->conn, sql);
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		snprintf(sql, sizeof(sql), "CLOSE %s", c->name);
		PQclear(PQexec(b->conn, sql));
	}
	PQclear(res);
}

/* --- Generic operations ------------------------------------------------- */

static int not_found(const struct pg_kind *k, const char *id)
{
	return iv__pg_error(IV_ENOTFOUND, "postgresql: %s %s not found", k->name, id);
}

static int build_at(void **out, struct pg *b, const struct pg_kind *k, const PGresult *res, int row, int col)
{
	char msg[400];
	int rc = k->build(out, b, res, row, col);

	if (rc < 0 && rc != IV_ENOMEM) {
		snprintf(msg, sizeof(msg), "%s", iv_error_message());
		iv__pg_error(rc, "postgresql: reading a stored %s: %s", k->name, msg);
	}
	return rc;
}

static int build(void **out, struct pg *b, const struct pg_kind *k, const PGresult *res, int row)
{
	return build_at(out, b, k, res, row, 0);
}

static int get_record(void **out, struct pg *b, const struct pg_kind *k, const char *id)
{
	struct pg_args a = { 0 };
	PGresult *res;
	int rc;

	*out = NULL;
	iv__pg_put_text(&a, id);
	if ((rc = iv__pg_run(&res, b, PG_STMT_OP(k->index, PG_OP_GET), &a, "reading", k->name, id)) < 0)
		return rc;
	rc = PQntuples(res) > 0 ? build(out, b, k, res, 0) : not_found(k, id);
	PQclear(res);
	return rc;
}

/* A write outside any transaction runs in one of its own, which takes the lock. */
static int write_record(struct pg *b, const struct pg_kind *k, const void *r, const char *id, int op)
{
	const char *action = op == PG_OP_INSERT ? "inserting" : "updating";
	struct pg_args a = { 0 };
	PGresult *res = NULL;
	int own = b->depth == 0, rc;

	if ((rc = iv__pg_ready(b, action)) < 0 || (own && (rc = tx_begin(&b->base)) < 0))
		return rc;
	if ((rc = k->bind(b, &a, r)) == 0)
		rc = iv__pg_run(&res, b, PG_STMT_OP(k->index, op), &a, action, k->name, id);
	iv__pg_args_free(&a);
	if (rc == 0 && strcmp(PQcmdTuples(res), "0") == 0)
		rc = op == PG_OP_INSERT ? iv__pg_error(IV_EEXISTS, "postgresql: %s %s already exists", k->name, id)
					: not_found(k, id);
	PQclear(res);
	return own ? tx_end(b, rc) : rc;
}

static int delete_record(struct pg *b, const struct pg_kind *k, const char *id)
{
	struct pg_args a = { 0 };
	PGresult *res = NULL;
	int own = b->depth == 0, rc;

	if ((rc = iv__pg_ready(b, "deleting")) < 0 || (own && (rc = tx_begin(&b->base)) < 0))
		return rc;
	iv__pg_put_text(&a, id);
	rc = iv__pg_run(&res, b, PG_STMT_OP(k->index, PG_OP_DELETE), &a, "deleting", k->name, id);
	if (rc == 0 && strcmp(PQcmdTuples(res), "0") == 0)
		rc = not_found(k, id);
	PQclear(res);
	return own ? tx_end(b, rc) : rc;
}

/* --- Lists -------------------------------------------------------------- */

struct iter {
	iv_backend_iter base;
	struct pg *b;
	const struct pg_kind *k;
	struct pg_cursor c;
	int over;
	int with_contact; /* follow-ups, each with its contact (followup_list_contacts()) */
};

static int iter_next(void **out, iv_backend_iter *base)
{
	struct iter *it = (struct iter *)base;
	const PGresult *res;
	int row, rc;

	*out = NULL;
	if (it->over)
		return IV_ITEROVER;
	if ((rc = iv__pg_cursor_next(&it->c, it->b, &res, &row, it->k->name)) > 0) {
		void *c = NULL;

		if ((rc = build(out, it->b, it->k, res, row)) < 0 || !it->with_contact)
			return rc;
		/* iv_followup_attach_contact() takes the contact whatever it says. */
		if ((rc = build_at(&c, it->b, &iv__pg_kinds[PG_CONTACT], res, row, PG_FOLLOWUP_COLUMNS)) < 0 ||
		    (rc = iv_followup_attach_contact(*out, c)) < 0) {
			iv_followup_free(*out);
			*out = NULL;
		}
		return rc;
	}
	it->over = 1;
	return rc == 0 ? IV_ITEROVER : rc;
}

static void iter_free(iv_backend_iter *base)
{
	struct iter *it = (struct iter *)base;

	iv__pg_cursor_close(&it->c, it->b);
	free(it);
}

/* The prefix's lowest or highest id: padded with '0' or 'f', hyphens in place. */
static void prefix_bound(char out[IV_ID_LEN + 1], const char *prefix, char pad)
{
	size_t n = strlen(prefix), i;

	for (i = 0; i < IV_ID_LEN; i++)
		out[i] = i < n ? prefix[i] : (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : pad;
	out[IV_ID_LEN] = '\0';
}

/* A filter's condition, each "$#" of `tmpl` numbered from `n` on, "$=" as the one before. */
static void number_params(char *out, size_t size, const char *tmpl, int n)
{
	size_t len = 0;

	for (; *tmpl && len + 12 < size; tmpl++) {
		if (tmpl[0] == '$' && tmpl[1] == '#') {
			len += (size_t)snprintf(out + len, size - len, "$%d", n++);
			tmpl++;
		} else if (tmpl[0] == '$' && tmpl[1] == '=') {
			len += (size_t)snprintf(out + len, size - len, "$%d", n - 1);
			tmpl++;
		} else {
			out[len++] = *tmpl;
		}
	}
	out[len] = '\0';
}

/*
 * The SQL of a list: the kind's SELECT, a condition per filter given (so
 * that the planner sees each and picks its index), its order.
 */
static int open_list(iv_backend_iter **out, struct pg *b, const struct pg_kind *k, const char *sql,
		     const struct pg_args *a, int with_contact)
{
	struct iter *it;
	int rc;

	if (!(it = calloc(1, sizeof(*it))))
		return iv__pg_oom();
	it->base.version = PG_BACKEND_ITER_VERSION;
	it->base.next = iter_next;
	it->base.free = iter_free;
	it->b = b;
	it->k = k;
	it->with_contact = with_contact;
	/* The strings bound are the filter's and ours: the cursor's rows are fixed at DECLARE. */
	if ((rc = iv__pg_cursor_open(&it->c, b, sql, a, k->name)) < 0) {
		free(it);
		return rc;
	}
	*out = &it->base;
	return 0;
}

static int list_records(iv_backend_iter **out, struct pg *b, const struct pg_kind *k, const void *filter,
			int with_contact)
{
	char sql[4096], conds[2048], lo[IV_ID_LEN + 1], hi[IV_ID_LEN + 1], cond[256];
	const char *select = with_contact ? iv__pg_followup_contact_select : k->select, *from;
	struct pg_arg f[PG_MAX_FILTERS];
	struct pg_args a = { 0 };
	size_t len = 0;
	int i, fenced;

	*out = NULL;
	k->args(f, filter);
	/*
	 * The agenda's question, pending follow-ups whose earliest time has
	 * come, is answered from the index on (owner, status, earliest) in a
	 * subquery of its own (OFFSET 0 keeps the planner from merging it),
	 * then sorted by due: otherwise the planner, which cannot estimate how
	 * few are due, walks the index by due time through every pending one.
	 */
	fenced = k->index == PG_FOLLOWUP && f[PG_FOLLOWUP_STATUS_FILTER].i && f[PG_FOLLOWUP_EARLIEST_FILTER].i &&
		 (from = strstr(select, " FROM infoview.followup r ")) != NULL;
	conds[0] = '\0';
	for (i = 0; i < k->nfilters; i++) {
		if (!f[i].s && !f[i].i)
			continue;
		if (f[i].type == PG_ARG_PREFIX) {
			prefix_bound(lo, f[i].s, '0');
			prefix_bound(hi, f[i].s, 'f');
			number_params(cond, sizeof(cond), k->filters[i], a.n + 1);
			iv__pg_put_text(&a, lo);
			iv__pg_put_text(&a, hi);
		} else {
			number_params(cond, sizeof(cond), k->filters[i], a.n + 1);
			if (f[i].type == PG_ARG_INT)
				iv__pg_put_int(&a, f[i].i);
			else
				iv__pg_put_text(&a, f[i].s);
		}
		if (len < sizeof(conds))
			len += (size_t)snprintf(conds + len, sizeof(conds) - len, " AND %s", cond);
	}
	if (len >= sizeof(conds))
		return iv__pg_error(IV_ERROR, "postgresql: listing %s: the statement is too long", k->name);
	if (fenced)
		len = (size_t)snprintf(sql, sizeof(sql), "%.*s FROM (SELECT * FROM infoview.followup r"
				       " WHERE r.owner = current_user%s OFFSET 0) r %s", (int)(from - select), select,
				       conds, from + strlen(" FROM infoview.followup r "));
	else
		len = (size_t)snprintf(sql, sizeof(sql), "%s%s", select, conds);
	if (len < sizeof(sql))
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, " ORDER BY %s", k->order);
	if (len >= sizeof(sql))
		return iv__pg_error(IV_ERROR, "postgresql: listing %s: the statement is too long", k->name);
	return open_list(out, b, k, sql, &a, with_contact);
}

static int followup_list_contacts(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *f)
{
	return list_records(out, PG(be), &iv__pg_kinds[PG_FOLLOWUP], f, 1);
}

/* Latest interaction first (0, never, after every time), as SQLite's index (known, last_interaction) gives them. */
static int contacts_recent(iv_backend_iter **out, iv_backend *be, int known)
{
	char sql[2048];
	struct pg_args a = { 0 };

	*out = NULL;
	snprintf(sql, sizeof(sql), "%s AND r.known = $1 ORDER BY r.last_interaction DESC, r.name_key, r.id",
		 iv__pg_kinds[PG_CONTACT].select);
	iv__pg_put_int(&a, known);
	return open_list(out, PG(be), &iv__pg_kinds[PG_CONTACT], sql, &a, 0);
}

/* --- The operations of the vtable --------------------------------------- */

#define PG_KIND_OPS(K, KIND) \
	static int K##_get(iv_##K **out, iv_backend *be, const char *id) \
	{ void *r = NULL; int rc = get_record(&r, PG(be), &iv__pg_kinds[KIND], id); *out = r; return rc; } \
	static int K##_insert(iv_backend *be, const iv_##K *r) \
	{ return write_record(PG(be), &iv__pg_kinds[KIND], r, iv_##K##_id(r), PG_OP_INSERT); } \
	static int K##_delete(iv_backend *be, const char *id) \
	{ return delete_record(PG(be), &iv__pg_kinds[KIND], id); } \
	static int K##_list(iv_backend_iter **out, iv_backend *be, const iv_##K##_filter *f) \
	{ return list_records(out, PG(be), &iv__pg_kinds[KIND], f, 0); }

#define PG_UPDATE_OP(K, KIND) \
	static int K##_update(iv_backend *be, const iv_##K *r) \
	{ return write_record(PG(be), &iv__pg_kinds[KIND], r, iv_##K##_id(r), PG_OP_UPDATE); }

PG_KIND_OPS(contact, PG_CONTACT)
PG_KIND_OPS(intro, PG_INTRO)
PG_KIND_OPS(interview, PG_INTERVIEW)
PG_KIND_OPS(followup, PG_FOLLOWUP)
PG_KIND_OPS(note, PG_NOTE)
PG_KIND_OPS(target, PG_TARGET)
PG_UPDATE_OP(contact, PG_CONTACT)
PG_UPDATE_OP(intro, PG_INTRO)
PG_UPDATE_OP(interview, PG_INTERVIEW)
PG_UPDATE_OP(followup, PG_FOLLOWUP)
PG_UPDATE_OP(target, PG_TARGET)

static int setting_get(char **out, iv_backend *be, const char *key)
{
	struct pg *b = PG(be);
	struct pg_pending *p;
	struct pg_args a = { 0 };
	PGresult *res;
	int rc;

	*out = NULL;
	if (b->depth > 0 && (p = pending_find(b, key))) {
		if (!p->value)
			return iv__pg_error(IV_ENOTFOUND, "postgresql: setting %s is not set", key);
		return (*out = iv_strdup(p->value)) ? 0 : iv__pg_oom();
	}
	iv__pg_put_text(&a, key);
	if ((rc = iv__pg_run(&res, b, PG_SETTING_GET, &a, "reading", "setting", key)) < 0)
		return rc;
	if (PQntuples(res) == 0)
		rc = iv__pg_error(IV_ENOTFOUND, "postgresql: setting %s is not set", key);
	else if (!(*out = iv_strdup(PQgetvalue(res, 0, 0))))
		rc = iv__pg_oom();
	PQclear(res);
	return rc;
}

static int setting_set(iv_backend *be, const char *key, const char *value)
{
	struct pg *b = PG(be);
	struct pg_args a = { 0 };
	PGresult *res = NULL;
	int own = b->depth == 0, rc;

	if ((rc = iv__pg_ready(b, "writing a setting")) < 0)
		return rc;
	if (!own)
		return pending_set(b, key, value);
	if ((rc = tx_begin(be)) < 0)
		return rc;
	iv__pg_put_text(&a, key);
	if (value)
		iv__pg_put_text(&a, value);
	rc = iv__pg_run(&res, b, value ? PG_SETTING_SET : PG_SETTING_DELETE, &a, "writing", "setting", key);
	PQclear(res);
	return own ? tx_end(b, rc) : rc;
}

/*
 * Setting keys: the server's, through a cursor, merged in byte order with
 * the open transaction's pending writes (a snapshot of those with the
 * prefix, newest per key: what it adds, and what it removes).
 */
struct key_iter {
	iv_backend_iter base;
	struct pg *b;
	struct pg_cursor c;
	const PGresult *res; /* the server's next key, when have_db */
	int row, have_db, db_over;
	struct pg_pending **pk; /* the pending writes, sorted by key */
	size_t np, ip;
};

static int key_iter_next(void **out, iv_backend_iter *bi)
{
	struct key_iter *it = (struct key_iter *)bi;
	const char *key;
	int rc, cmp;

	*out = NULL;
	for (;;) {
		if (!it->have_db && !it->db_over) {
			if ((rc = iv__pg_cursor_next(&it->c, it->b, &it->res, &it->row, "setting")) < 0)
				return rc;
			it->have_db = rc > 0;
			it->db_over = rc == 0;
		}
		if (!it->have_db && it->ip == it->np)
			return IV_ITEROVER;
		if (!it->have_db)
			cmp = 1;
		else if (it->ip == it->np)
			cmp = -1;
		else
			cmp = strcmp(PQgetvalue(it->res, it->row, 0), it->pk[it->ip]->key);
		if (cmp < 0) {
			key = PQgetvalue(it->res, it->row, 0);
			it->have_db = 0;
		} else {
			/* Written in the transaction: removed, or set (and maybe on the server too). */
			key = it->pk[it->ip]->value ? it->pk[it->ip]->key : NULL;
			if (cmp == 0)
				it->have_db = 0;
			it->ip++;
			if (!key)
				continue;
		}
		return (*out = iv_strdup(key)) ? 0 : iv__pg_oom();
	}
}

static void key_iter_free(iv_backend_iter *bi)
{
	struct key_iter *it = (struct key_iter *)bi;
	size_t i;

	iv__pg_cursor_close(&it->c, it->b);
	for (i = 0; i < it->np; i++)
		pending_free(it->pk[i]);
	free(it->pk);
	free(it);
}

static int by_key(const void *x, const void *y)
{
	return strcmp((*(struct pg_pending *const *)x)->key, (*(struct pg_pending *const *)y)->key);
}

/* Copies the newest pending write of each key with `prefix`, sorted. */
static int snapshot_pending(struct key_iter *it, const char *prefix)
{
	struct pg_pending *p, *c;
	size_t n = 0, len = strlen(prefix);

	for (p = it->b->pending; p; p = p->next)
		n++;
	if (n == 0)
		return 0;
	if (!(it->pk = calloc(n, sizeof(*it->pk))))
		return iv__pg_oom();
	for (p = it->b->pending; p; p = p->next) {
		if (strncmp(p->key, prefix, len) != 0 || pending_find(it->b, p->key) != p)
			continue;
		if (!(c = calloc(1, sizeof(*c))) || !(c->key = strdup(p->key)) ||
		    (p->value && !(c->value = strdup(p->value)))) {
			if (c)
				pending_free(c);
			return iv__pg_oom();
		}
		it->pk[it->np++] = c;
	}
	qsort(it->pk, it->np, sizeof(*it->pk), by_key);
	return 0;
}

static int setting_list(iv_backend_iter **out, iv_backend *be, const char *prefix)
{
	struct pg *b = PG(be);
	struct pg_args a = { 0 };
	struct key_iter *it;
	int rc;

	*out = NULL;
	if (!(it = calloc(1, sizeof(*it))))
		return iv__pg_oom();
	it->base.version = PG_BACKEND_ITER_VERSION;
	it->base.next = key_iter_next;
	it->base.free = key_iter_free;
	it->b = b;
	iv__pg_put_text(&a, prefix);
	/* The key's collation is "C": byte order, and a prefix is a range of the primary key. */
	if ((rc = snapshot_pending(it, prefix)) < 0 ||
	    (rc = iv__pg_cursor_open(&it->c, b, "SELECT key FROM infoview.setting WHERE owner = current_user"
				     " AND key >= $1 AND starts_with(key, $1) ORDER BY key", &a, "setting")) < 0) {
		key_iter_free(&it->base);
		return rc;
	}
	*out = &it->base;
	return 0;
}

static int contact_referenced(int *out, iv_backend *be, const char *id)
{
	struct pg_args a = { 0 };
	PGresult *res;
	int rc;

	*out = 0;
	iv__pg_put_text(&a, id);
	if ((rc = iv__pg_run(&res, PG(be), PG_REFERENCED, &a, "checking references to", "contact", id)) < 0)
		return rc;
	*out = PQntuples(res) > 0 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	return 0;
}

static void pg_free(iv_backend *be)
{
	struct pg *b = PG(be);

	if (!b)
		return;
	if (b->conn)
		PQfinish(b->conn);
	pending_clear(b);
	free(b->role);
	free(b->words.p);
	free(b);
}

/* Made by the registry's factory (db.c) for "postgresql" and "postgres". */
int iv__backend_postgres_new(iv_backend **out, const char *conninfo);

int iv__backend_postgres_new(iv_backend **out, const char *conninfo)
{
	struct pg *b;
	int rc;

	*out = NULL;
	/* Before anything: freeing the backend calls libpq too. */
	if ((rc = iv__pq_load()) < 0)
		return rc;
	if (!(b = calloc(1, sizeof(*b))))
		return iv__pg_oom();
	iv_backend_init(&b->base, PG_BACKEND_VERSION);
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
	b->base.free = pg_free;
	b->base.contact_referenced = contact_referenced;
	b->base.search = iv__pg_search;
	b->base.note_get = note_get;
	b->base.note_insert = note_insert;
	b->base.note_delete = note_delete;
	b->base.note_list = note_list;
	b->base.intros_to = iv__pg_intros_to;
	b->base.network_scan = iv__pg_network_scan;
	b->base.network_node = iv__pg_network_node;
	b->base.intros_to_key = iv__pg_intros_to_key;
	b->base.network_company = iv__pg_network_company;
	b->base.followup_list_contacts = followup_list_contacts;
	b->base.contacts_recent = contacts_recent;
	b->base.target_get = target_get;
	b->base.target_insert = target_insert;
	b->base.target_update = target_update;
	b->base.target_delete = target_delete;
	b->base.target_list = target_list;
	if ((rc = iv__pg_connect(b, conninfo ? conninfo : "")) < 0) {
		pg_free(&b->base);
		return rc;
	}
	*out = &b->base;
	return 0;
}
