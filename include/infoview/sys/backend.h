/**
 * @file infoview/sys/backend.h
 * @brief The storage backend interface, for backend authors.
 *
 * Not included by <infoview/infoview.h>; include <infoview/sys/backend.h>.
 *
 * @par The backend contract
 * A backend stores records and answers queries; it never applies the
 * library's rules. The core validates every record, checks every reference
 * and orders every multi-step change (cascades) before it calls a backend,
 * inside a transaction it opened with begin(); a backend only has to store
 * faithfully and make begin/commit/rollback atomic.
 *
 * Records cross this interface as the public opaque handles: a backend reads
 * fields with the public getters and builds the records it returns with the
 * public *_new() and setters, plus the *_set_times() functions below. Ids
 * are lower-case UUID text; every id given to a backend is valid.
 *
 * A backend embeds `iv_backend` as the first member of its own struct and
 * fills it from iv_backend_init(). The struct only ever grows at its end;
 * a backend built against an older version keeps working, and the core
 * refuses a version it does not know (IV_EVERSION). Set `version` to the
 * version whose operations and meanings the backend implements, written
 * out (1), not IV_BACKEND_VERSION, which grows with the headers.
 *
 * Growth by meaning, not only by layout:
 * - A filter member newer than the backend's version is applied by the
 *   core on the records the backend returns; the backend never sees a
 *   request it cannot honour, and the caller never gets records it
 *   filtered out.
 * - A record field newer than the backend's version is never dropped
 *   silently: writing a record that sets such a field to a backend too old
 *   to store it fails with IV_EVERSION naming the field, and nothing is
 *   written. (Every field of version 1 records is stored by every
 *   backend. A record's number, new in version 2, is given by the core
 *   and never by a caller: with an older backend the core gives none and
 *   records read 0.)
 * - The core reads a backend's members only up to its version and never
 *   writes past them; an iterator's `version` is checked the same way.
 *
 * Every operation returns 0 or a negative IV_E* code, setting the message
 * with iv_error_set() (a backend that sets none gets a generic one).
 *
 * @par Stores shared by many connections (version 5)
 * The core checks, then writes: a reference exists, no follow-up with a
 * rule's key exists yet, a contact is not referenced. That is only safe
 * if nothing else writes the same records in between, so from version 5
 * the contract says it, and says what an engine with optimistic or
 * network failures does:
 * - Isolation: the outermost begin() makes its transaction serial with
 *   respect to every other connection that writes the same records (for
 *   a store shared by several users, the same user's records): nothing
 *   another connection commits after begin() returns changes what the
 *   transaction reads, and its writes do not interleave with another's.
 *   SQLite's BEGIN IMMEDIATE does it with the write lock; a server engine
 *   can take a lock per owner at begin() (PostgreSQL's
 *   pg_advisory_xact_lock()) or run SERIALIZABLE and report conflicts as
 *   IV_ERETRY. Every write the core makes is inside such a transaction.
 * - IV_ERETRY: any operation may return it for a transient failure (a
 *   serialisation failure, a deadlock, a dropped connection, which the
 *   backend may re-establish at the next begin()). The transaction it
 *   happened in is gone: nothing it wrote stays. The core then rolls
 *   back, and when the public call opened the outermost transaction
 *   itself it does the whole call again, a bounded number of times with a
 *   short random pause (see iv_db_retry_count()); inside a transaction of
 *   the caller's it returns IV_ERETRY, and the caller rolls back and does
 *   its work again. Until rollback(), a backend refuses further writes in
 *   a transaction it lost.
 * - Commit: commit() returns 0 when the changes are durable, or an error.
 *   After a failed commit() the core always calls rollback(), which
 *   closes the transaction whether the engine kept it open (SQLite on
 *   SQLITE_BUSY) or ended it (PostgreSQL ends it on a failed COMMIT).
 * - Memory a backend hands to the core to own (setting_get()'s value,
 *   setting_list()'s keys) comes from iv_malloc() or iv_strdup(); the
 *   core frees it with iv_free(). (Before version 5 the contract said
 *   malloc() and free(), which on the systems this library supports are
 *   the same allocator; iv_malloc() is what a backend written in another
 *   language or linked to another C runtime can reach.)
 * A backend of version 4 or less is used as before: it never returns
 * IV_ERETRY, and it is trusted to be isolated as SQLite is.
 *
 * @par Threads
 * iv_backend_register() is thread-safe. The core calls a backend's
 * operations from one thread at a time per store (the rule of db.h), so a
 * backend needs no locking of its own unless it shares state between
 * stores.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_sys_backend_h__
#define INCLUDE_infoview_sys_backend_h__

#include "../infoview.h"

IV_BEGIN_DECL

/** The backend operations; see struct iv_backend. */
typedef struct iv_backend iv_backend;
/** A backend's iterator; see struct iv_backend_iter. */
typedef struct iv_backend_iter iv_backend_iter;

/**
 * A stream of records from a list operation. The backend embeds it as the
 * first member of its own iterator struct.
 */
struct iv_backend_iter {
	unsigned int version; /**< IV_BACKEND_ITER_VERSION */
	/**
	 * Required. Stores the next record (an iv_contact *, iv_intro *,
	 * iv_interview * or iv_followup *, by the list that made the iterator,
	 * owned by the caller) in *out; returns 0, IV_ITEROVER at the end, or an
	 * error. Memory must not grow with the number of records.
	 */
	int (*next)(void **out, iv_backend_iter *it);
	/** Required. Frees the iterator. */
	void (*free)(iv_backend_iter *it);
};

/** The current version of iv_backend_iter. */
#define IV_BACKEND_ITER_VERSION 1

/**
 * One introduction as the network sees it, with what the network needs of
 * its introducer; given by a backend's intros_to(), intros_to_key() and
 * network_scan() (version 4). The strings are borrowed for the duration
 * of the callback.
 */
typedef struct iv_backend_edge {
	/**
	 * the introduction's id, lower case; network_scan() and
	 * intros_to_key() may give NULL with `uuid` set
	 */
	const char *id;
	/** the introducer's id, lower case; network_scan() may give NULL */
	const char *introducer;
	int status;              /**< its iv_intro_status_t; never IV_INTRO_DECLINED */
	iv_time made_at;         /**< when it was made; 0 if not */
	iv_time created;         /**< when it was stored */
	/** the introducer's iv_known_t; network_scan() may give 0 */
	int introducer_known;
	/** the introducer's last interaction, 0 for never; network_scan() may give 0 */
	iv_time introducer_last;
	/**
	 * network_scan(): the introducer's key as its contact callback gave it;
	 * intros_to_key(): as network_node() gives it; else unused
	 */
	int64_t introducer_key;
	/** network_scan(): the introduced contact's key, likewise; else unused */
	int64_t introduced_key;
	/**
	 * network_scan() and intros_to_key(): the id as its 16 bytes (the
	 * text's hex digits in order), or NULL; when set the core reads it
	 * rather than `id`, which saves writing and parsing the text. Else
	 * unused.
	 */
	const unsigned char *uuid;
} iv_backend_edge;

/**
 * One contact as the network sees it, given by a backend's network_scan(),
 * network_node() and network_company() (version 4). The strings are
 * borrowed for the duration of the callback.
 */
typedef struct iv_backend_node {
	/** the backend's own key for the contact (a row id), unique in the store */
	int64_t key;
	/** the contact's id, lower case; may be NULL with `uuid` set */
	const char *id;
	int known;                /**< its iv_known_t */
	iv_time last_interaction; /**< 0 for never */
	const char *name;         /**< its name (for messages; network_scan() may give NULL) */
	const char *company;      /**< its company; NULL if unset */
	/**
	 * the id as its 16 bytes (the text's hex digits in order), or NULL;
	 * when set the core reads it rather than `id`
	 */
	const unsigned char *uuid;
} iv_backend_node;

/**
 * Receives one contact from a backend's network_scan().
 * @param node the contact; borrowed for the call
 * @param payload as given to network_scan()
 * @return 0 to go on, or a negative IV_E* code, which stops the scan and
 *         is what it returns
 */
typedef int (*iv_backend_node_cb)(const iv_backend_node *node, void *payload);

/**
 * Receives one introduction from a backend's intros_to().
 * @param edge the introduction; borrowed for the call
 * @param payload as given to intros_to()
 * @return 0 to go on, or a negative IV_E* code, which stops intros_to()
 *         and is what it returns
 */
typedef int (*iv_backend_edge_cb)(const iv_backend_edge *edge, void *payload);

/**
 * The backend operations (see below for what each version adds).
 *
 * List operations receive a filter already checked and normalised by the
 * core (its version is the current one, ids are lower case, NULL means
 * "any") and must return records in the documented order:
 * - contacts: by name compared ASCII case-insensitively, then by id;
 * - introductions and interviews: by created time, then by id;
 * - follow-ups: by due time, then by id.
 * "ASCII case-insensitively" means comparing with A-Z folded to a-z (as
 * SQLite's NOCASE does). Text comparisons in filters (company, tag, a
 * contact's name) are ASCII case-insensitive equality. Ids compare as their
 * lower-case text.
 *
 * Every filter's id_prefix, when set, is 1 to 36 characters of a UUID's
 * lower-case text form (hex digits, and hyphens only at positions 8, 13, 18
 * and 23): return only records whose id begins with it, in the usual order.
 * A backend that keeps ids as 16 bytes can answer it as a range of its id
 * index: the prefix without hyphens, padded to 32 hex digits with '0' for
 * the low bound and with 'f' for the high one. It is how references typed
 * by users (short ids) are resolved, so it should not read every record.
 * A contact filter's name, when set, keeps only the contacts whose name
 * equals it ASCII case-insensitively (an index on name serves it); its
 * email (version 2 backends), only those with an address equal to it ASCII
 * case-insensitively (an index of addresses serves it); its url (version
 * 3 backends), only those whose profile URL equals it ASCII
 * case-insensitively (an index on url serves it; imports ask it per row).
 *
 * Version 2 adds numbers, notes and the contact filter's `email` (which
 * the core applies itself for a version 1 backend). Every record carries a number (see
 * iv_contact_number()) that the core gives it before insert(): a backend
 * of version 2 stores it with the record, sets it on the records it reads
 * (iv_contact_set_number() and friends), and answers each filter's
 * `number` (an index serves it). The core keeps the last number given to
 * each kind in the settings "iv.number.contact", "iv.number.intro",
 * "iv.number.interview", "iv.number.followup" and "iv.number.note"
 * (decimal text); a backend that
 * numbers records it already holds when it upgrades its storage gives them
 * 1, 2, 3... by created time and writes the last one there. A version-1
 * backend stores no numbers (records read from it have 0) and no notes.
 *
 * An iterator reflects the store as it is when next() runs: records written
 * while it is open may or may not be returned (a record whose sort key moves
 * past the iterator can be returned twice). After IV_ITEROVER, next() keeps
 * returning IV_ITEROVER.
 */
struct iv_backend {
	unsigned int version; /**< IV_BACKEND_VERSION the backend was built for */

	/** Set by the core when a store is opened on the backend; borrowed. */
	iv_db *db;

	/* --- Contacts (all required) --- */

	/** Reads one contact; IV_ENOTFOUND if there is none with that id. */
	int (*contact_get)(iv_contact **out, iv_backend *be, const char *id);
	/** Stores a new contact (id and times set); IV_EEXISTS if the id is taken. */
	int (*contact_insert)(iv_backend *be, const iv_contact *c);
	/** Replaces a stored contact; IV_ENOTFOUND if there is none with that id. */
	int (*contact_update)(iv_backend *be, const iv_contact *c);
	/** Deletes a contact; IV_ENOTFOUND if none. The core has removed all references. */
	int (*contact_delete)(iv_backend *be, const char *id);
	/** Lists contacts matching `filter` (never NULL). */
	int (*contact_list)(iv_backend_iter **out, iv_backend *be, const iv_contact_filter *filter);

	/* --- Introductions (all required, as for contacts) --- */
	/** Required. Reads one introduction, as contact_get(). */
	int (*intro_get)(iv_intro **out, iv_backend *be, const char *id);
	/** Required. Stores a new introduction, as contact_insert(). */
	int (*intro_insert)(iv_backend *be, const iv_intro *in);
	/** Required. Replaces a stored introduction, as contact_update(). */
	int (*intro_update)(iv_backend *be, const iv_intro *in);
	/** Required. Deletes a introduction, as contact_delete(). */
	int (*intro_delete)(iv_backend *be, const char *id);
	/** Required. Lists the introductions matching `filter` (never NULL), as contact_list(). */
	int (*intro_list)(iv_backend_iter **out, iv_backend *be, const iv_intro_filter *filter);

	/* --- Interviews (all required, as for contacts; with questions and items) --- */
	/** Required. Reads one interview with its questions, advice and resources, as contact_get(). */
	int (*interview_get)(iv_interview **out, iv_backend *be, const char *id);
	/** Required. Stores a new interview with its questions, advice and resources, as contact_insert(). */
	int (*interview_insert)(iv_backend *be, const iv_interview *iv);
	/** Required. Replaces a stored interview with its questions, advice and resources, as contact_update(). */
	int (*interview_update)(iv_backend *be, const iv_interview *iv);
	/** Required. Deletes an interview (with its questions, advice and resources), as contact_delete(). */
	int (*interview_delete)(iv_backend *be, const char *id);
	/** Required. Lists the interviews matching `filter` (never NULL), as contact_list(). */
	int (*interview_list)(iv_backend_iter **out, iv_backend *be, const iv_interview_filter *filter);

	/* --- Follow-ups (all required, as for contacts) --- */
	/** Required. Reads one follow-up, as contact_get(). */
	int (*followup_get)(iv_followup **out, iv_backend *be, const char *id);
	/** Required. Stores a new follow-up, as contact_insert(). */
	int (*followup_insert)(iv_backend *be, const iv_followup *fu);
	/** Required. Replaces a stored follow-up, as contact_update(). */
	int (*followup_update)(iv_backend *be, const iv_followup *fu);
	/** Required. Deletes a follow-up, as contact_delete(). */
	int (*followup_delete)(iv_backend *be, const char *id);
	/** Required. Lists the follow-ups matching `filter` (never NULL), as contact_list(). */
	int (*followup_list)(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *filter);

	/* --- Settings (required) --- */

	/**
	 * Reads a setting into a string allocated with iv_malloc() (malloc()
	 * before version 5), which the core frees; IV_ENOTFOUND if unset.
	 */
	int (*setting_get)(char **out, iv_backend *be, const char *key);
	/** Writes a setting; `value` NULL removes it (removing an unset key is not an error). */
	int (*setting_set)(iv_backend *be, const char *key, const char *value);

	/* --- Transactions (required) --- */

	/**
	 * Opens a transaction, nested inside any already open (a savepoint).
	 * The outermost one is isolated as the contract above says (version
	 * 5). The core ends every begin() with a commit() that succeeds or
	 * with a rollback().
	 */
	int (*begin)(iv_backend *be);
	/**
	 * Makes the innermost transaction's changes part of the enclosing one,
	 * or durable. After a failed commit() the core calls rollback(); the
	 * engine may have ended the transaction already or kept it open.
	 */
	int (*commit)(iv_backend *be);
	/**
	 * Undoes every change since the matching begin() and closes that
	 * transaction, even when it returns an error; must not fail for lack of
	 * memory.
	 */
	int (*rollback)(iv_backend *be);

	/** Required. Releases the backend and everything it holds. */
	void (*free)(iv_backend *be);

	/* --- Optional accelerators --- */

	/**
	 * Optional: sets *out to 1 if an introduction (either side), interview or
	 * follow-up names contact `id`, else 0 (also for an id that does not
	 * exist). If NULL the core asks the list
	 * operations instead.
	 */
	int (*contact_referenced)(int *out, iv_backend *be, const char *id);

	/**
	 * Optional: full-text search (see search.h). `terms` are the query's
	 * `nterms` words (at least one), lower-cased ASCII; every one must match
	 * as a prefix of a word of the record. `kinds` is a non-zero mask of
	 * iv_search_kind_t; `limit` the most hits wanted (0 for all). The
	 * iterator yields iv_search_hit * (made with iv_search_hit_new()), best
	 * first. With IV_SEARCH_UNRANKED in `flags` and a limit, it may instead
	 * yield the first `limit` matches it finds, in any order. If NULL the
	 * core scans the contacts and interviews itself.
	 */
	int (*search)(iv_backend_iter **out, iv_backend *be, const char *const *terms,
		      size_t nterms, unsigned int kinds, size_t limit, unsigned int flags);

	/* --- Version 2: notes (required from version 2) --- */

	/** Required from version 2. Reads one note, as contact_get(). */
	int (*note_get)(iv_note **out, iv_backend *be, const char *id);
	/** Required from version 2. Stores a new note, as contact_insert(). */
	int (*note_insert)(iv_backend *be, const iv_note *n);
	/** Required from version 2. Deletes a note, as contact_delete(). */
	int (*note_delete)(iv_backend *be, const char *id);
	/**
	 * Required from version 2. Lists the notes matching `filter` (never
	 * NULL), by iv_note_at(), then by id, as contact_list().
	 */
	int (*note_list)(iv_backend_iter **out, iv_backend *be, const iv_note_filter *filter);

	/* --- Version 3: listing settings, the contact filter's url --- */

	/**
	 * Optional, from version 3. Lists the keys of the settings whose key
	 * begins with `prefix` ("" for every one), in byte order of the key
	 * (memcmp, as SQLite's BINARY collation). Each item next() gives is
	 * the key as a NUL-terminated string from iv_malloc() (malloc()
	 * before version 5), which the core frees; the core reads each value
	 * with setting_get().
	 * NULL: the core lists only the library's own keys it knows of (the
	 * backup of iv_export() then misses other settings).
	 */
	int (*setting_list)(iv_backend_iter **out, iv_backend *be, const char *prefix);

	/* --- Version 4: the network without loading it --- */

	/**
	 * Optional, from version 4. Calls `cb` once for each introduction to
	 * contact `id` that is not declined, in any order, with its
	 * introducer's known and last interaction; stops at the first negative
	 * return of `cb` and returns it. An index of introductions by who was
	 * introduced should serve it, in one query joined with the
	 * introducers: iv_db_path() and friends call it for each contact they
	 * walk back through. An unknown `id` has none. NULL: the core lists
	 * the introductions to `id` and reads each introducer.
	 */
	int (*intros_to)(iv_backend *be, const char *id, iv_backend_edge_cb cb, void *payload);
	/**
	 * Optional, from version 4. The whole network for iv_network_load(), in
	 * sequential scans: calls `contact` once for every contact, in any
	 * order (in key order is cheapest for the core), then `intro` once for
	 * every introduction that is not declined, in any order, with
	 * introducer_key and introduced_key set to the keys the contacts were
	 * given; stops at the first negative return of a callback and returns
	 * it. NULL: the core lists every contact and introduction.
	 */
	int (*network_scan)(iv_backend *be, iv_backend_node_cb contact, iv_backend_edge_cb intro, void *payload);
	/**
	 * Optional, from version 4, with intros_to_key(). Calls `cb` once with
	 * contact `id` as the network sees it: its key (as intros_to_key()
	 * takes it), known, last interaction and name (`uuid` may be NULL);
	 * or returns IV_ENOTFOUND if there is none. iv_db_path() and friends
	 * call it for the contacts they walk back from. NULL: the core looks
	 * the contact up and walks back through intros_to().
	 */
	int (*network_node)(iv_backend *be, const char *id, iv_backend_node_cb cb, void *payload);
	/**
	 * Optional, from version 4, with network_node(). As intros_to(), for
	 * the contact whose key is `key`, with introducer_key set to the
	 * introducer's key (`introducer` is still required); `id` may be NULL
	 * with `uuid` set. Walking back by keys saves resolving an id per
	 * contact walked through: an index of introductions by who was
	 * introduced, joined with the introducers, serves it alone.
	 */
	int (*intros_to_key)(iv_backend *be, int64_t key, iv_backend_edge_cb cb, void *payload);
	/**
	 * Optional, from version 4, with network_node() and intros_to_key().
	 * Calls `cb` once for each contact whose company equals `company`
	 * ASCII case-insensitively (as the contact filter's company), in any
	 * order, as network_node() gives a contact; stops at the first
	 * negative return of `cb` and returns it. An index on company should
	 * serve it: iv_db_company_paths() walks back from each. NULL: the core
	 * lists the company's contacts and asks network_node() for each.
	 */
	int (*network_company)(iv_backend *be, const char *company, iv_backend_node_cb cb, void *payload);

	/* --- Version 5: the agenda and suggestions without a lookup per row --- */

	/**
	 * Optional, from version 5. As followup_list(), and each follow-up
	 * carries its whole contact, read in the same query (a join) and
	 * given to it with iv_followup_attach_contact(): the agenda shows each
	 * item with its contact without a lookup per item, which a server
	 * store pays a round trip for. NULL: the core lists the follow-ups and
	 * looks each contact up.
	 */
	int (*followup_list_contacts)(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *filter);
	/**
	 * Optional, from version 5. The contacts whose iv_known_t is `known`,
	 * latest interaction first (those never interacted with after all the
	 * others), then by name ASCII case-insensitively, then by id, as
	 * contact_list() gives contacts. The core reads only as far as it
	 * needs (whom else to suggest asking, for a nudge's draft), so an
	 * index on (known, last interaction) should serve it. NULL: the core
	 * finds them in network_scan() or the network.
	 */
	int (*contacts_recent)(iv_backend_iter **out, iv_backend *be, int known);

	/* --- Version 6: target employers (required from version 6) --- */

	/** Required from version 6. Reads one target, as contact_get(). */
	int (*target_get)(iv_target **out, iv_backend *be, const char *id);
	/** Required from version 6. Stores a new target with its aliases, as contact_insert(). */
	int (*target_insert)(iv_backend *be, const iv_target *t);
	/** Required from version 6. Replaces a stored target with its aliases, as contact_update(). */
	int (*target_update)(iv_backend *be, const iv_target *t);
	/** Required from version 6. Deletes a target, as contact_delete(). */
	int (*target_delete)(iv_backend *be, const char *id);
	/**
	 * Required from version 6. Lists the targets matching `filter` (never
	 * NULL), by name compared ASCII case-insensitively, then by id, as
	 * contact_list(). The filter's name keeps the targets whose name or
	 * one of whose aliases equals it ASCII case-insensitively: an index on
	 * the name and one on the aliases should serve it (the core asks it
	 * for each name a target is stored under, to keep them distinct).
	 */
	int (*target_list)(iv_backend_iter **out, iv_backend *be, const iv_target_filter *filter);
};

/**
 * The current version of iv_backend (3 added setting_list and the contact
 * filter's url; 4 added intros_to, network_scan, network_node,
 * intros_to_key and network_company; 5 added the contract for stores
 * shared by many connections, described at the top of this header, and
 * followup_list_contacts and contacts_recent; 6 adds target employers:
 * target_get, target_insert, target_update, target_delete and
 * target_list, numbered as the other kinds, the core keeping the last
 * number in the setting "iv.number.target").
 */
#define IV_BACKEND_VERSION 6
/** A static initialiser for iv_backend: the current version, every operation NULL. */
#define IV_BACKEND_INIT { IV_BACKEND_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, \
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Zeroes `be` and sets its version.
 * @param be the backend struct
 * @param version IV_BACKEND_VERSION, or an older version
 * @return 0, or IV_EVERSION if `version` is not one this library knows
 */
IV_EXTERN(int) iv_backend_init(iv_backend *be, unsigned int version);

/**
 * Opens a store on a backend. On success the store owns the backend and
 * calls its free() when the store is freed; on failure the caller keeps it.
 * @param out the store, free with iv_db_free()
 * @param backend the backend
 * @return 0, IV_EVERSION for a backend version this library does not know,
 *         IV_EINVALID if a required operation is missing (named)
 */
IV_EXTERN(int) iv_db_open_backend(iv_db **out, iv_backend *backend);

/**
 * Makes a backend from a location string (see iv_db_open_with()). Called
 * from the thread that opens the store.
 * @param out the backend made
 * @param location as given to iv_db_open_with(); may be NULL
 * @param payload as given to iv_backend_register()
 * @return 0, or a negative IV_E* code (with a message from iv_error_set())
 */
typedef int (*iv_backend_factory_cb)(iv_backend **out, const char *location, void *payload);

/**
 * Registers a backend under a name for iv_db_open_with(). Thread-safe.
 * @param name letters, digits, '_' and '-', at most 32 bytes; copied
 * @param factory makes the backend for each iv_db_open_with()
 * @param payload passed to `factory`; borrowed for as long as the process
 *        runs (a backend cannot be unregistered)
 * @return 0, IV_EINVALID for a bad name or NULL factory, IV_EEXISTS if the
 *         name is taken ("sqlite" and "memory" always are)
 */
IV_EXTERN(int) iv_backend_register(const char *name, iv_backend_factory_cb factory, void *payload);

/**
 * The built-in backends, made as any other: an SQLite file at `path`
 * (created if missing; NULL for the default path), or an empty store in
 * memory.
 * @param out free by opening a store on it, or with its free() member
 * @param path the file; NULL for the default path (iv_db_default_path())
 * @return 0, IV_EVERSION, IV_EINVALID, IV_ESTORAGE, IV_EBUSY, as iv_db_open()
 */
IV_EXTERN(int) iv_backend_sqlite_new(iv_backend **out, const char *path);
/**
 * The built-in memory backend: an empty store in memory.
 * @param out free by opening a store on it, or with its free() member
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_backend_memory_new(iv_backend **out);

/**
 * Makes a search hit, for a backend's search() operation. The kind is one
 * iv_search_kind_t flag; a higher score ranks higher.
 * @param out the hit, free with iv_search_hit_free() (or hand it to the core
 *        through the iterator, which then owns it)
 * @param kind one iv_search_kind_t flag
 * @param id the record's id (any case; stored in lower case); copied
 * @param score the hit's relevance
 * @return 0, IV_EINVALID naming the kind or id, IV_ENOMEM
 */
IV_EXTERN(int) iv_search_hit_new(iv_search_hit **out, int kind, const char *id, double score);

/**
 * For a backend's followup_list_contacts() (version 5): gives a follow-up
 * the contact it names, read in the same query. Takes `c` in every case
 * (frees it when it refuses).
 * @param fu the follow-up
 * @param c its contact
 * @return 0; IV_EINVALID if either is NULL or `c` is not the contact the
 *         follow-up names
 */
IV_EXTERN(int) iv_followup_attach_contact(iv_followup *fu, iv_contact *c);

/**
 * For backends building records they read: sets the stored times, which
 * the public API only lets the core stamp.
 * @param c the contact
 * @param created when it was stored
 * @param updated when it was last updated
 */
IV_EXTERN(void) iv_contact_set_times(iv_contact *c, iv_time created, iv_time updated);
/**
 * Sets an introduction's stored times, as iv_contact_set_times().
 * @param in the introduction
 * @param created when it was stored
 * @param updated when it was last updated
 */
IV_EXTERN(void) iv_intro_set_times(iv_intro *in, iv_time created, iv_time updated);
/**
 * Sets an interview's stored times, as iv_contact_set_times().
 * @param iv the interview
 * @param created when it was stored
 * @param updated when it was last updated
 */
IV_EXTERN(void) iv_interview_set_times(iv_interview *iv, iv_time created, iv_time updated);
/**
 * Sets a follow-up's stored times, as iv_contact_set_times().
 * @param fu the follow-up
 * @param created when it was stored
 * @param updated when it was last updated
 */
IV_EXTERN(void) iv_followup_set_times(iv_followup *fu, iv_time created, iv_time updated);
/**
 * Sets a note's stored time, as iv_contact_set_times().
 * @param n the note
 * @param created when it was stored
 */
IV_EXTERN(void) iv_note_set_created(iv_note *n, iv_time created);

/**
 * Sets a target's stored times, as iv_contact_set_times().
 * @param t the target
 * @param created when it was stored
 * @param updated when it was last updated
 */
IV_EXTERN(void) iv_target_set_times(iv_target *t, iv_time created, iv_time updated);

/**
 * For backends of version 2 building records they read: sets the number
 * the core gave the contact (iv_contact_number()).
 * @param c the contact
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL contact or a negative number
 */
IV_EXTERN(int) iv_contact_set_number(iv_contact *c, int64_t number);
/**
 * Sets an introduction's number, as iv_contact_set_number().
 * @param in the introduction
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL introduction or a negative number
 */
IV_EXTERN(int) iv_intro_set_number(iv_intro *in, int64_t number);
/**
 * Sets an interview's number, as iv_contact_set_number().
 * @param iv the interview
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL interview or a negative number
 */
IV_EXTERN(int) iv_interview_set_number(iv_interview *iv, int64_t number);
/**
 * Sets a follow-up's number, as iv_contact_set_number().
 * @param fu the follow-up
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL follow-up or a negative number
 */
IV_EXTERN(int) iv_followup_set_number(iv_followup *fu, int64_t number);
/**
 * Sets a note's number, as iv_contact_set_number().
 * @param n the note
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL note or a negative number
 */
IV_EXTERN(int) iv_note_set_number(iv_note *n, int64_t number);
/**
 * Sets a target's number, as iv_contact_set_number() (version 6).
 * @param t the target
 * @param number the number, 0 or more
 * @return 0, or IV_EINVALID for a NULL target or a negative number
 */
IV_EXTERN(int) iv_target_set_number(iv_target *t, int64_t number);

IV_END_DECL

#endif
