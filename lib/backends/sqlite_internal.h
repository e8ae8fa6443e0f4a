/*
 * Private to the SQLite backend: the backend struct and what its files
 * share: sqlite.c (statements, transactions, the operations),
 * sqlite_records.c (how each kind of record maps to rows) and
 * sqlite_schema.c (opening the file, the schema and its migrations).
 */
#ifndef IV_SQLITE_INTERNAL_H
#define IV_SQLITE_INTERNAL_H

#include <stdint.h>

#include <sqlite3.h>

#include "infoview/sys/backend.h"

/* PRAGMA application_id of an infoview store: 'IVw1'. */
/*
 * The interface version this backend implements, written out rather than
 * IV_BACKEND_VERSION: raising it claims the next version's operations and
 * filter members, which only code that implements them may do.
 */
#define SQ_BACKEND_VERSION 6
#define SQ_BACKEND_ITER_VERSION 1

#define SQ_APPLICATION_ID 0x49567731

/* How long a write waits for another connection's lock by default. */
#define SQ_BUSY_TIMEOUT_MS 5000
/*
 * Overrides SQ_BUSY_TIMEOUT_MS (milliseconds, 0 to 600000) for every store
 * opened afterwards; for tests and for programs that would rather fail fast.
 */
#define SQ_BUSY_TIMEOUT_ENV "INFOVIEW_SQLITE_BUSY_TIMEOUT_MS"

/* The setting iv_db_set_durability() writes: "full", else normal. */
#define SQ_DURABILITY_KEY "iv.durability"

/*
 * Statements that do not depend on a record kind. The transaction ones are
 * prepared when the store opens, so that rollback never needs memory.
 */
enum {
	SQ_BEGIN, SQ_COMMIT, SQ_ROLLBACK, SQ_SAVEPOINT, SQ_RELEASE, SQ_ROLLBACK_TO,
	SQ_TX_COUNT,
	SQ_TAG_DELETE = SQ_TX_COUNT, SQ_TAG_INSERT, SQ_EMAIL_DELETE, SQ_EMAIL_INSERT,
	SQ_ALIAS_DELETE, SQ_ALIAS_INSERT,
	SQ_QUESTION_SELECT, SQ_QUESTION_DELETE, SQ_QUESTION_INSERT,
	SQ_ITEM_SELECT, SQ_ITEM_DELETE, SQ_ITEM_INSERT,
	SQ_SETTING_GET, SQ_SETTING_SET, SQ_SETTING_DELETE,
	SQ_REFERENCED,
	SQ_INTERVIEW_FTS_WRITE, SQ_SEARCH_CONTACT, SQ_SEARCH_INTERVIEW,
	SQ_SEARCH_CONTACT_UNRANKED, SQ_SEARCH_INTERVIEW_UNRANKED,
	SQ_INTROS_TO, SQ_NETWORK_CONTACTS, SQ_NETWORK_INTROS, SQ_NETWORK_NODE, SQ_INTROS_TO_KEY, SQ_NETWORK_COMPANY,
	SQ_CONTACTS_RECENT, /* generated: the contact's columns (contacts_recent()) */
	SQ_FIXED_COUNT
};

/* Per record kind: get, insert, update, delete. */
enum { SQ_OP_GET, SQ_OP_INSERT, SQ_OP_UPDATE, SQ_OP_DELETE, SQ_OP_COUNT };
enum { SQ_CONTACT, SQ_INTRO, SQ_INTERVIEW, SQ_FOLLOWUP, SQ_NOTE, SQ_TARGET, SQ_KIND_COUNT };

/*
 * List statements, one per kind and combination of filters (a bit per
 * filter), so that each can use its index: 7, 5, 5, 8, 3 and 3 filters.
 */
#define SQ_LISTS_CONTACT 0
#define SQ_LISTS_INTRO (SQ_LISTS_CONTACT + (1 << 7))
#define SQ_LISTS_INTERVIEW (SQ_LISTS_INTRO + (1 << 5))
#define SQ_LISTS_FOLLOWUP (SQ_LISTS_INTERVIEW + (1 << 5))
#define SQ_LISTS_NOTE (SQ_LISTS_FOLLOWUP + (1 << 8))
#define SQ_LISTS_TARGET (SQ_LISTS_NOTE + (1 << 3))
/* Follow-ups each with its whole contact, from the same join (followup_list_contacts()). */
#define SQ_LISTS_FOLLOWUP_CONTACT (SQ_LISTS_TARGET + (1 << 3))
#define SQ_LISTS_COUNT (SQ_LISTS_FOLLOWUP_CONTACT + (1 << 8))

#define SQ_STMT_OP(kind, op) (SQ_FIXED_COUNT + (kind) * SQ_OP_COUNT + (op))
#define SQ_STMT_LIST(first, mask) (SQ_STMT_OP(SQ_KIND_COUNT, 0) + (first) + (int)(mask))
#define SQ_STMT_COUNT SQ_STMT_LIST(SQ_LISTS_COUNT, 0)

/* A growable buffer, reused across calls so that they do not allocate. */
struct sq_buf {
	char *p;
	size_t size;
};

/* Enough for the lists of an interview's search index, written at once. */
#define SQ_SCRATCH 3

struct sq {
	iv_backend base; /* first, so that an iv_backend * is a struct sq * */
	sqlite3 *db;
	int depth;       /* transactions open through begin() */
	struct sq_buf scratch[SQ_SCRATCH];
	sqlite3_stmt *stmt[SQ_STMT_COUNT];
	/* Set while an open iterator runs the cached statement. */
	unsigned char in_use[SQ_STMT_COUNT];
	/* The durability setting was written inside a transaction: applied when it ends. */
	int durability_pending;
	/* The busy timeout in force, for the message of a refusal. */
	int busy_ms;
	/* The file, for messages; NULL for ":memory:". */
	char *path;
	/*
	 * Why the store was opened read-only ("the file is read-only", "its
	 * directory D is not writable"), or NULL: writes are refused with it.
	 */
	char *readonly;
};

/* Binds parameters in order, keeping the first failure for the end. */
struct sq_put {
	sqlite3_stmt *st;
	int n;            /* the next parameter */
	int rc;           /* the first SQLite error */
	int transient;    /* text must be copied: the caller's strings go away */
	const char *bad_id;
	int nuuid;
	unsigned char uuid[4][16]; /* ids as bound, in place: at most two ids and a range */
};

/* Reads the columns of a row in order. */
struct sq_get {
	sqlite3_stmt *st;
	int n;  /* the next column */
	char uuid[IV_ID_LEN + 1];
	const char *kind; /* the kind of row, for a message */
};

/* A stored record, as the owner of rows in child tables. */
struct sq_owner {
	sqlite3_int64 row; /* its integer id */
	const char *kind;  /* for messages */
	const char *id;
};

/* A column of a kind's table, after id and uuid. */
struct sq_column {
	const char *name;
	const char *ref;  /* the table whose row it names, or NULL for a value */
	int optional;     /* a reference that may be NULL */
	const char *read; /* what SELECT reads it from, if not r.<name> or the ref's uuid */
};

/* SQ_ARG_PREFIX: an id prefix, bound as the range of ids it covers (two parameters). */
enum { SQ_ARG_TEXT, SQ_ARG_UUID, SQ_ARG_INT, SQ_ARG_PREFIX };

/* One filter's value; it applies when s is not NULL or i is not 0. */
struct sq_arg {
	int type;
	const char *s;
	sqlite3_int64 i;
};

#define SQ_MAX_FILTERS 8

/* How a kind of record maps to its rows (sqlite_records.c). */
struct sq_kind {
	int index;                     /* SQ_CONTACT... */
	const char *name;              /* its table, and its name in messages */
	const struct sq_column *columns;
	int ncolumns;
	/*
	 * One WHERE clause per filter; filter i binds parameter i + 1 (an id
	 * prefix, the last filter, binds i + 2 as well).
	 */
	const char *const *filters;
	int nfilters;
	/*
	 * The filters naming one record or a few (a bit each: a reference, an
	 * id prefix, a contact's name): when one is given, its index beats the
	 * others' (SQLite, without statistics, would often scan the status
	 * index for one contact's few follow-ups).
	 */
	unsigned int narrow;
	int lists;                     /* its first list statement */
	const char *order;
	/* Binds the columns, from parameter 2 on (1 is the uuid). */
	int (*bind)(struct sq *b, struct sq_put *p, const void *r);
	/* Builds a record from a row: id, uuid, then the columns. */
	int (*build)(void **out, struct sq *b, struct sq_get *g);
	void (*args)(struct sq_arg *a, const void *filter);
	/* Writes the rows of child tables (NULL if none) after the main one. */
	int (*children)(struct sq *b, const struct sq_owner *o, const void *r, int replace);
	/*
	 * Read with the record, not stored (NULL if nothing): the columns
	 * selected after the kind's own, and the join they come from.
	 */
	const char *joined;
	const char *join;
	/*
	 * Whether inserting `r` writes any child row; NULL when it always does.
	 * An insert that writes none is one statement, atomic without a savepoint.
	 */
	int (*has_children)(const void *r);
};

extern const struct sq_kind iv__sq_kinds[SQ_KIND_COUNT];

/*
 * The functions the backend's files share. They are not exported, but a
 * static library puts them beside the user's own symbols, hence the prefix.
 */

#if defined(__GNUC__)
# define SQ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
# define SQ_PRINTF(a, b)
#endif

/* Sets the thread's error to a formatted message; returns code. */
int iv__sq_error(int code, const char *fmt, ...) SQ_PRINTF(2, 3);
/* Sets IV_ENOMEM; returns it. */
int iv__sq_oom(void);

/*
 * Sets the thread's error for a failed SQLite call `rc`, naming what was
 * being done (and the record; either may be NULL), and returns the IV_E*
 * code: IV_EBUSY for locks, IV_ECONSTRAINT, IV_ENOMEM, else IV_ESTORAGE.
 */
int iv__sq_fail(struct sq *b, int rc, const char *action, const char *kind, const char *id);

/*
 * Opens (creating it with mode 0600 if missing) and configures the file at
 * `path`, NULL for the default, refusing one that is not an infoview store
 * or is too new, and creates or migrates its schema. On failure b->db may be
 * set; the caller closes it.
 */
int iv__sq_open(struct sq *b, const char *path);

/*
 * Sets the connection's synchronous mode from the setting SQ_DURABILITY_KEY
 * (FULL for "full", else NORMAL). Outside a transaction only: SQLite
 * refuses to change it inside one.
 */
int iv__sq_apply_durability(struct sq *b);

/*
 * The fingerprint check_schema() expects of a store of today's schema,
 * and that of one the migrations make now: equal, or the constant is stale
 * (for test_hostile).
 */
int iv__sq_schema_fingerprint(uint64_t *expected, uint64_t *fresh);

/*
 * Makes p (zeroed by the caller) bind to the cached statement `idx`, which
 * is prepared on first use, from its first parameter.
 */
int iv__sq_start(struct sq_put *p, struct sq *b, int idx);
/* Makes a cached statement ready for its next use. */
void iv__sq_release(sqlite3_stmt *st);
/*
 * Gives an iterator statement `idx` in p->st (p zeroed by the caller): the
 * cached one, or, while another open iterator holds that, one of its own.
 * *slot says which, for iv__sq_give_back().
 */
int iv__sq_borrow(struct sq_put *p, int *slot, struct sq *b, int idx);
/* Ends an iterator's use of the statement iv__sq_borrow() gave it. */
void iv__sq_give_back(struct sq *b, struct sq_put *p, int slot);
/*
 * Steps the statement bound in `p`: 1 for a row, 0 at the end, or the
 * error of a bind or of the step, reported as `action` on the record.
 */
int iv__sq_step(struct sq *b, struct sq_put *p, const char *action, const char *kind, const char *id);
/* Runs the statement bound in `p` to its end and releases it; 0 or the error. */
int iv__sq_step_done(struct sq *b, struct sq_put *p, const char *action, const char *kind, const char *id);
/* Runs a transaction statement (prepared at open); 0 or the error. */
int iv__sq_run(struct sq *b, int idx, const char *action);
/* Prepares the statements of transactions (SQ_BEGIN...) not prepared yet. */
int iv__sq_prepare_tx(struct sq *b);

void iv__sq_put_text(struct sq_put *p, const char *s);
void iv__sq_put_int(struct sq_put *p, sqlite3_int64 v);
/* An id, bound as its 16 bytes; NULL binds NULL. */
void iv__sq_put_uuid(struct sq_put *p, const char *id);
/*
 * Binds the lowest and the highest id that begin with `prefix` (a checked,
 * lower-case start of a UUID's text form), for "uuid BETWEEN lo AND hi".
 */
void iv__sq_put_uuid_range(struct sq_put *p, const char *prefix);
/*
 * The text of the id stored as 16 bytes in column `col`, written to `out`;
 * NULL for NULL, and a damaged id comes out as text no setter accepts.
 */
const char *iv__sq_uuid_text(char out[IV_ID_LEN + 1], sqlite3_stmt *st, int col);
/* 0, or the error of the first failed bind (IV_EINVALID for a bad id). */
int iv__sq_put_check(struct sq *b, const struct sq_put *p, const char *action, const char *kind, const char *id);

/* Whether `be` is this backend itself, not a wrapper (for the core: db.h says why). */
int iv__backend_is_sqlite(const iv_backend *be);

/* The search operation of the vtable (sqlite_search.c). */
int iv__sq_search(iv_backend_iter **out, iv_backend *be, const char *const *terms, size_t nterms,
		  unsigned int kinds, size_t limit, unsigned int flags);

#endif
