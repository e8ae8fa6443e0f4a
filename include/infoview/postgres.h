/**
 * @file infoview/postgres.h
 * @brief A shared PostgreSQL database: setting it up and giving people their
 *        own space in it.
 *
 * @par Opening a store on PostgreSQL
 * `iv_db_open_with(&db, "postgresql", conninfo)` (also `"postgres"`), or
 * `iv_db_open(&db, "postgresql://...")` / `"postgres://..."`, where
 * `conninfo` is a libpq connection string or URI. A conninfo that names no
 * user connects as the operating system's user, as libpq does. Each login
 * role sees and changes only its own records: every row carries its
 * owner's role name, and row-level security (enabled and forced on every
 * table) keeps each role to its own rows, through this library or through
 * its own SQL.
 *
 * Before anyone opens a store, the database's administrator creates the
 * schema once with iv_postgres_init() and gives each login role its space
 * with iv_postgres_add_user() (the `infoview` program: `infoview --db URI
 * admin init` and `admin add-user ROLE`).
 *
 * @par Connections of one role
 * A transaction that writes takes a lock of its role's as it begins, so the
 * connections of one role write one after another, and waits for one that
 * another connection of the role holds open (iv_db_begin()). To be refused
 * with IV_EBUSY after a while instead, set lock_timeout in the conninfo
 * (`options='-c lock_timeout=5s'`). A lost connection, a serialisation
 * failure or a deadlock is IV_ERETRY (see db.h); the connection is made
 * again at the next transaction.
 *
 * A library built without libpq has these functions too: they return
 * IV_ENOTFOUND, and iv_postgres_available() says 0; so do they, and
 * opening a PostgreSQL store, where libpq.so.5 cannot be loaded when the
 * program runs (the message says why).
 *
 * @par Threads
 * Each function opens a connection of its own and closes it before it
 * returns: they may be called from any thread.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_postgres_h__
#define INCLUDE_infoview_postgres_h__

#include "common.h"

IV_BEGIN_DECL

/**
 * Whether this library can open PostgreSQL stores: it was built with the
 * PostgreSQL backend (libpq's headers were found at build time) and libpq
 * (`libpq.so.5`) can be loaded. The library does not link libpq: it loads
 * it the first time a PostgreSQL store is opened or administered, or this
 * function is called, so programs that use only SQLite stores never load
 * it.
 * @return 1 if it can, else 0
 */
IV_EXTERN(int) iv_postgres_available(void);

/**
 * Creates or migrates the shared schema `infoview` (tables, indexes,
 * row-level security, functions) in the database `conninfo` names,
 * connected as a role allowed to: the database's owner or a superuser.
 * Idempotent: a database already at this library's schema is left as it is.
 * @param conninfo a libpq connection string or URI
 * @return 0, IV_EINVALID for a NULL conninfo, IV_EVERSION if the schema is
 *         newer than this library's, IV_ESTORAGE if the connection or a
 *         statement fails (named), IV_ENOTFOUND without PostgreSQL support
 */
IV_EXTERN(int) iv_postgres_init(const char *conninfo);

/**
 * Gives an existing login role its own space: grants it the use of the
 * schema, its tables and functions; its rows are then its own. Idempotent.
 * @param conninfo a libpq connection string or URI, as the administrator
 * @param role the role's name, as PostgreSQL spells it (case matters)
 * @return 0, IV_EINVALID for a NULL argument, IV_ENOTFOUND if no such role
 *         exists (or without PostgreSQL support), IV_ESTORAGE if the schema
 *         is missing ("admin init" first) or a statement fails
 */
IV_EXTERN(int) iv_postgres_add_user(const char *conninfo, const char *role);

/**
 * Deletes every record and setting of `role` and takes its grants back;
 * the role itself stays. Idempotent: a role without a space, or one that
 * no longer exists, is not an error.
 * @param conninfo a libpq connection string or URI, as the administrator
 * @param role the role's name
 * @return 0, IV_EINVALID for a NULL argument, IV_ESTORAGE if a statement
 *         fails (named), IV_ENOTFOUND without PostgreSQL support
 */
IV_EXTERN(int) iv_postgres_remove_user(const char *conninfo, const char *role);

IV_END_DECL

#endif
