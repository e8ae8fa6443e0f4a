/*
 * Private to the PostgreSQL backend: the backend struct and what its files
 * share: postgres.c (the connection, statements, transactions, cursors and
 * the vtable), postgres_records.c (how each kind of record maps to its row),
 * postgres_schema.c (the shared schema, its migrations, opening a store and
 * the administrator's functions) and postgres_search.c (full-text search and
 * the network's operations).
 */
#ifndef IV_POSTGRES_INTERNAL_H
#define IV_POSTGRES_INTERNAL_H

#include <stdint.h>

#include <libpq-fe.h>

/*
 * libpq is loaded when a PostgreSQL store is first opened (dlopen of
 * libpq.so.5, postgres_pq.c), not linked: a program that only opens SQLite
 * stores does not load libpq and the 21 libraries it needs (OpenSSL,
 * Kerberos, LDAP, GnuTLS...), which cost every process that links this
 * library about 5 MiB and the time to map them. Every libpq function this
 * backend calls is listed here; each name below stands for its pointer.
 */
#define PG_LIBPQ_FUNCTIONS(X) \
	X(PQclear) \
	X(PQcmdStatus) \
	X(PQcmdTuples) \
	X(PQconnectdb) \
	X(PQdb) \
	X(PQerrorMessage) \
	X(PQescapeIdentifier) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQexecPrepared) \
	X(PQfinish) \
	X(PQfreemem) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetvalue) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQprepare) \
	X(PQreset) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQsendQuery) \
	X(PQsetClientEncoding) \
	X(PQsetNoticeProcessor) \
	X(PQstatus) \
	X(PQtransactionStatus)

struct iv__pq_api {
#define PG_LIBPQ_POINTER(name) __typeof__(name) *name;
	PG_LIBPQ_FUNCTIONS(PG_LIBPQ_POINTER)
#undef PG_LIBPQ_POINTER
};
extern struct iv__pq_api iv__pq;

/* Loads libpq once per process: 0, or IV_ENOTFOUND saying why not (set). */
int iv__pq_load(void);
/* The same, 1 or 0, setting no error. */
int iv__pq_loaded(void);

#ifndef PG_LIBPQ_LOADER
#define PQclear (iv__pq.PQclear)
#define PQcmdStatus (iv__pq.PQcmdStatus)
#define PQcmdTuples (iv__pq.PQcmdTuples)
#define PQconnectdb (iv__pq.PQconnectdb)
#define PQdb (iv__pq.PQdb)
#define PQerrorMessage (iv__pq.PQerrorMessage)
#define PQescapeIdentifier (iv__pq.PQescapeIdentifier)
#define PQexec (iv__pq.PQexec)
#define PQexecParams (iv__pq.PQexecParams)
#define PQexecPrepared (iv__pq.PQexecPrepared)
#define PQfinish (iv__pq.PQfinish)
#define PQfreemem (iv__pq.PQfreemem)
#define PQgetResult (iv__pq.PQgetResult)
#define PQgetisnull (iv__pq.PQgetisnull)
#define PQgetvalue (iv__pq.PQgetvalue)
#define PQnfields (iv__pq.PQnfields)
#define PQntuples (iv__pq.PQntuples)
#define PQprepare (iv__pq.PQprepare)
#define PQreset (iv__pq.PQreset)
#define PQresultErrorField (iv__pq.PQresultErrorField)
#define PQresultStatus (iv__pq.PQresultStatus)
#define PQsendQuery (iv__pq.PQsendQuery)
#define PQsetClientEncoding (iv__pq.PQsetClientEncoding)
#define PQsetNoticeProcessor (iv__pq.PQsetNoticeProcessor)
#define PQstatus (iv__pq.PQstatus)
#define PQtransactionStatus (iv__pq.PQtransactionStatus)
#endif

#include "infoview/sys/backend.h"
#include "infoview/postgres.h"

/*
 * The interface version this backend implements, written out rather than
 * IV_BACKEND_VERSION (see sqlite_internal.h).
 */
#define PG_BACKEND_VERSION 6
#define PG_BACKEND_ITER_VERSION 1

/* The first key of every advisory lock this backend takes: 'IVw1'. */
#define PG_LOCK_CLASS 0x49567731

/* Rows fetched from a cursor at a time: an iterator holds at most this many. */
#define PG_FETCH 256

/*
 * Statements that take parameters, prepared (PQprepare, named "ivN") on
 * their first use on a connection and reused until it closes.
 */
enum {
	PG_SETTING_GET, PG_SETTING_SET, PG_SETTING_DELETE,
	PG_REFERENCED,
	PG_INTROS_TO, PG_NETWORK_NODE, PG_INTROS_TO_KEY, PG_NETWORK_COMPANY,
	PG_FIXED_COUNT
};

/* Per record kind: get, insert, update, delete. */
enum { PG_OP_GET, PG_OP_INSERT, PG_OP_UPDATE, PG_OP_DELETE, PG_OP_COUNT };
enum { PG_CONTACT, PG_INTRO, PG_INTERVIEW, PG_FOLLOWUP, PG_NOTE, PG_TARGET, PG_KIND_COUNT };
/* The follow-up filters' places in followup_args() (postgres_records.c), for the agenda's list. */
enum { PG_FOLLOWUP_STATUS_FILTER = 0, PG_FOLLOWUP_EARLIEST_FILTER = 5 };

#define PG_STMT_OP(kind, op) (PG_FIXED_COUNT + (kind) * PG_OP_COUNT + (op))
#define PG_STMT_COUNT PG_STMT_OP(PG_KIND_COUNT, 0)

/* A growable buffer. */
struct pg_buf {
	char *p;
	size_t len, size;
};

/*
 * A setting written inside a transaction, kept here until the outermost
 * commit (postgres.c says why); one per key and depth.
 */
struct pg_pending {
	struct pg_pending *next;
	char *key;
	char *value; /* NULL: removed */
	int depth;   /* the transaction level that wrote it */
};

struct pg {
	iv_backend base; /* first, so that an iv_backend * is a struct pg * */
	PGconn *conn;
	int depth;       /* transactions open through begin() */
	/*
	 * The outermost transaction was ended by a failure (IV_ERETRY: a lost
	 * connection, a serialisation failure, a deadlock): until the core has
	 * rolled every level back, nothing runs.
	 */
	int gone;
	/*
	 * The outermost transaction's id (txid_current(), taken at begin in
	 * the same round trip as the lock), to learn after a connection lost
	 * during COMMIT whether it committed; "" when none is open.
	 */
	char xid[32];
	/* The statements prepared on this connection. */
	unsigned char prepared[PG_STMT_COUNT];
	/* The advisory lock's second key, from the role's name. */
	int32_t lock_key;
	/* The role connected as, for messages. */
	char *role;
	/* Names cursors: each is "ivc<n>". */
	unsigned long cursors;
	/* Settings written in the open transaction, newest first. */
	struct pg_pending *pending;
	/* The tsvector text of the record being written. */
	struct pg_buf words;
};

/* Parameters of a statement, as text (NULL for SQL NULL). */
#define PG_MAX_PARAMS 32
struct pg_args {
	const char *v[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24];
	char *owned[4]; /* text made for the call (lists as JSON), freed by iv__pg_args_free() */
	int n, nowned;
	int rc;         /* the first failure (out of memory) */
};

/* A server-side cursor, read in batches (PG_FETCH rows). */
struct pg_cursor {
	char name[32];
	PGresult *res;   /* the batch being read */
	int row;         /* the next row of it */
	int last;        /* the batch is the last: the cursor is closed */
	int open;
};

/* A filter's value; it applies when s is not NULL or i is not 0. */
enum { PG_ARG_TEXT, PG_ARG_UUID, PG_ARG_INT, PG_ARG_PREFIX };
struct pg_arg {
	int type;
	const char *s;
	int64_t i;
};

#define PG_MAX_FILTERS 8

/* How a kind of record maps to its row (postgres_records.c). */
struct pg_kind {
	int index;        /* PG_CONTACT... */
	const char *name; /* in messages */
	/* SELECT of its columns, ending in a WHERE clause on the owner. */
	const char *select;
	const char *insert, *update, *del;
	/* One condition per filter, "$#" for each of its parameters ("$=": the last one again). */
	const char *const *filters;
	int nfilters;
	const char *order;
	int nparams; /* of insert and update */
	/* Binds the parameters of insert and update: $1 the id, then the columns. */
	int (*bind)(struct pg *b, struct pg_args *a, const void *r);
	/* Builds a record from a row of its SELECT, its columns from `col` on. */
	int (*build)(void **out, struct pg *b, const PGresult *res, int row, int col);
	void (*args)(struct pg_arg *a, const void *filter);
};

extern const struct pg_kind iv__pg_kinds[PG_KIND_COUNT];
/* The follow-ups' SELECT with each one's contact after its own 15 columns. */
extern const char iv__pg_followup_contact_select[];
#define PG_FOLLOWUP_COLUMNS 15

#if defined(__GNUC__)
# define PG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
# define PG_PRINTF(a, b)
#endif

/* Sets the thread's error to a formatted message; returns code. */
int iv__pg_error(int code, const char *fmt, ...) PG_PRINTF(2, 3);
int iv__pg_oom(void);

/*
 * Sets the error of a failed statement (`res` may be NULL), naming what was
 * being done and the record (either may be NULL); returns its IV_E* code.
 * A lost connection, a serialisation failure or a deadlock is IV_ERETRY,
 * and ends the transaction (see struct pg's gone).
 */
int iv__pg_fail(struct pg *b, const PGresult *res, const char *action, const char *kind, const char *id);

/*
 * Runs the statement `idx` (prepared on first use) with a's parameters;
 * on success *out holds its result (PQclear it), else the error is set.
 */
int iv__pg_run(PGresult **out, struct pg *b, int idx, const struct pg_args *a, const char *action,
	       const char *kind, const char *id);
/* Runs SQL without parameters (transactions, cursors); 0 or the error. */
int iv__pg_exec(struct pg *b, const char *sql, const char *action);
/* Refuses to run while the transaction is gone; reconnects at depth 0. */
int iv__pg_ready(struct pg *b, const char *action);

/* Parameters. */
void iv__pg_put_text(struct pg_args *a, const char *s);
void iv__pg_put_int(struct pg_args *a, int64_t v);
/* Takes `s` (malloc'd, may be NULL after a failed allocation: an error). */
void iv__pg_put_owned(struct pg_args *a, char *s);
void iv__pg_args_free(struct pg_args *a);

/*
 * Opens a cursor (WITH HOLD: it outlives the transaction; see postgres.c)
 * on `sql` with a's parameters.
 */
int iv__pg_cursor_open(struct pg_cursor *c, struct pg *b, const char *sql, const struct pg_args *a, const char *what);
/* The next row: 1 and its result and row, 0 at the end, or an error. */
int iv__pg_cursor_next(struct pg_cursor *c, struct pg *b, const PGresult **res, int *row, const char *what);
void iv__pg_cursor_close(struct pg_cursor *c, struct pg *b);

/* Column values. */
const char *iv__pg_text(const PGresult *res, int row, int col);
int64_t iv__pg_int(const PGresult *res, int row, int col);

/* The tsvector text of fields (weight 'A' to 'D') for the search index. */
void iv__pg_words_reset(struct pg_buf *w);
int iv__pg_words_add(struct pg_buf *w, const char *text, char weight);

/* postgres_schema.c: connects and checks the schema and the role's space. */
int iv__pg_connect(struct pg *b, const char *conninfo);
int32_t iv__pg_lock_key(const char *role);

/* postgres_search.c: the optional operations. */
int iv__pg_search(iv_backend_iter **out, iv_backend *be, const char *const *terms, size_t nterms,
		  unsigned int kinds, size_t limit, unsigned int flags);
int iv__pg_intros_to(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload);
int iv__pg_network_scan(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload);
int iv__pg_network_node(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload);
int iv__pg_intros_to_key(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload);
int iv__pg_network_company(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload);

/* The SQL of a fixed statement (postgres_search.c and postgres.c). */
extern const char *const iv__pg_fixed_sql[PG_FIXED_COUNT];

#endif
