/**
 * @file infoview/interop.h
 * @brief Bringing a network in and taking everything out: CSV (LinkedIn,
 * Google, any header row), vCard, iCalendar, a JSON backup and a Graphviz
 * picture.
 *
 * Every import reads its input as a stream: memory is bounded by the
 * largest record (IV_LIMIT_RECORD), never by the file. By default an import
 * is one transaction: when it fails, nothing of it is written. Rows that
 * cannot be used (no name, a field the library refuses) are skipped and
 * listed in the report with their line number and the reason; input that is
 * not the format at all (invalid UTF-8, binary data, a truncated record, a
 * line longer than IV_LIMIT_RECORD) fails the whole import with IV_EINVALID
 * and a message naming the line.
 *
 * An imported row is matched against the contacts already stored: by
 * e-mail address, then by profile URL, then by vCard UID (one that this
 * library wrote, "urn:uuid:<id>", or one seen by an earlier import), then by
 * exact name and company. A match is merged: empty fields are filled,
 * e-mail addresses and tags are added, notes are appended, and a non-empty
 * field is never overwritten unless IV_IMPORT_OVERWRITE is given. Importing
 * the same file twice adds nothing.
 *
 * Every export writes through a callback (or to a file, replaced whole only
 * when the export succeeded) in a stable order, so that exporting the same
 * store twice gives the same bytes.
 *
 * @par Threads
 * As in db.h: one store, one thread at a time; a report is an independent
 * object.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_interop_h__
#define INCLUDE_infoview_interop_h__

#include <stdint.h>

#include "common.h"
#include "types.h"
#include "contact.h"

IV_BEGIN_DECL

/** The formats of iv_import() and iv_export() (enumeration type "format"). */
typedef enum {
	/** LinkedIn's Connections.csv (import only): people you know directly. */
	IV_FORMAT_LINKEDIN = 1,
	/** Google Contacts' CSV export (import only). */
	IV_FORMAT_GOOGLE = 2,
	/** Any CSV with a header row, columns recognised by name (import only). */
	IV_FORMAT_CSV = 3,
	/** vCard 3.0 (RFC 2426) and 4.0 (RFC 6350); exports 4.0 unless IV_EXPORT_VCARD3. */
	IV_FORMAT_VCARD = 4,
	/** The lossless backup of a whole store, see iv_export(). */
	IV_FORMAT_JSON = 5,
	/** iCalendar (RFC 5545, export only): interviews as events, pending follow-ups as to-dos. */
	IV_FORMAT_ICALENDAR = 6,
	/** Graphviz DOT (export only): a picture of the network. */
	IV_FORMAT_DOT = 7
} iv_format_t;

/**
 * Reads the next bytes of an import's input.
 * @param buf where to put them
 * @param size how many bytes fit in `buf` (at least 1)
 * @param got set to how many bytes were put there; 0 means the input ended
 * @param payload the caller's pointer, as given
 * @return 0, or a non-zero value that stops the import, which returns it
 */
typedef int (*iv_read_cb)(char *buf, size_t size, size_t *got, void *payload);

/**
 * Takes the next bytes of an export's output.
 * @param data the bytes (not NUL-terminated)
 * @param len how many
 * @param payload the caller's pointer, as given
 * @return 0, or a non-zero value that stops the export, which returns it
 */
typedef int (*iv_write_cb)(const char *data, size_t len, void *payload);

/**
 * Tells how far an import or export has gone; called every few hundred
 * records and once at the end.
 * @param done bytes read so far (import) or records written (export)
 * @param total the input's size in bytes when it is known (a file), the
 *        number of records to write (export), or 0 when unknown
 * @param records records read (import) or written (export) so far
 * @param payload the caller's pointer, as given
 * @return 0 to go on, or a non-zero value that stops the import or export
 *         (an import then writes nothing), which returns it
 */
typedef int (*iv_progress_cb)(uint64_t done, uint64_t total, uint64_t records, void *payload);

/** iv_import_options.flags: check and report, write nothing. */
#define IV_IMPORT_DRY_RUN   0x1u
/** iv_import_options.flags: a matched row's non-empty fields replace the stored ones. */
#define IV_IMPORT_OVERWRITE 0x2u
/**
 * iv_import_options.flags: each row is its own transaction, so a failure
 * keeps the rows before it (the default is one transaction for the whole
 * import).
 */
#define IV_IMPORT_PER_ROW   0x4u

/**
 * How to import, version 1. Fill with iv_import_options_init() or
 * IV_IMPORT_OPTIONS_INIT; NULL options mean the defaults.
 */
typedef struct iv_import_options {
	unsigned int version; /**< IV_IMPORT_OPTIONS_VERSION */
	unsigned int flags;   /**< IV_IMPORT_* flags; 0 by default */
	/**
	 * CSV formats: extra column names, as a NULL-terminated list of pairs
	 * "Header", "field", where field is one of name, first_name,
	 * middle_name, last_name, email, phone, company, title, location, url,
	 * notes, tags, known, connected, uid (or "ignore"). Pairs given here
	 * win over the names the format knows. NULL: none.
	 */
	const char *const *map;
	/**
	 * How new contacts are known (iv_known_t) when the file does not say;
	 * 0 means IV_KNOWN_DIRECT, as for people in your address book or your
	 * LinkedIn connections. Merged contacts keep theirs.
	 */
	int known;
	/** A tag added to every imported contact (new or merged); NULL: none. */
	const char *tag;
	iv_progress_cb progress; /**< NULL: no progress reports */
	void *payload;           /**< passed to `progress` */
} iv_import_options;

/** The current version of iv_import_options. */
#define IV_IMPORT_OPTIONS_VERSION 1
/** A static initialiser for iv_import_options: the current version, the defaults. */
#define IV_IMPORT_OPTIONS_INIT { IV_IMPORT_OPTIONS_VERSION, 0, NULL, 0, NULL, NULL, NULL }

/**
 * Fills `opts` with the defaults of `version`, touching only that version's members.
 * @param opts the options
 * @param version IV_IMPORT_OPTIONS_VERSION, or an older version
 * @return 0, IV_EINVALID when `opts` is NULL, IV_EVERSION for an unknown version
 */
IV_EXTERN(int) iv_import_options_init(iv_import_options *opts, unsigned int version);

/** What an import did (or, in a dry run, would do). */
typedef struct iv_import_report iv_import_report;

/**
 * Imports contacts (CSV, vCard) or restores a backup (IV_FORMAT_JSON)
 * from a stream.
 *
 * A backup is restored only into a store without records (IV_ECONSTRAINT
 * otherwise), with every record's id, number, times and fields as saved,
 * and every setting it holds (a setting of the store that the backup
 * lacks, such as a profile set before, is kept); its records are never
 * merged and no workflow rule runs on them.
 *
 * @param report set to what was done (added, merged, unchanged, skipped,
 *        each skipped row's line and reason); free with
 *        iv_import_report_free(). NULL when the import failed. May itself
 *        be NULL when the caller does not want it.
 * @param db the store
 * @param format one of iv_format_t that can be imported
 * @param read where the bytes come from
 * @param payload passed to `read`
 * @param opts how; NULL for the defaults
 * @return 0; IV_EINVALID naming the line for input that is not the format,
 *         or for a format that cannot be imported; IV_ECONSTRAINT for a
 *         backup into a store that is not empty; a non-zero value returned
 *         by `read` or `progress`; a storage error. On any failure nothing
 *         is written (with IV_IMPORT_PER_ROW, nothing of the failing row).
 */
IV_EXTERN(int) iv_import(iv_import_report **report, iv_db *db, int format, iv_read_cb read, void *payload, const iv_import_options *opts);

/**
 * iv_import() from a file; the progress callback is told its size.
 * @param report as in iv_import()
 * @param db the store
 * @param format as in iv_import()
 * @param path the file to read
 * @param opts how; NULL for the defaults
 * @return as iv_import(); IV_ENOTFOUND when the file does not exist, IV_ESTORAGE when it cannot be read
 */
IV_EXTERN(int) iv_import_file(iv_import_report **report, iv_db *db, int format, const char *path, const iv_import_options *opts);

/**
 * Frees a report; accepts NULL.
 * @param r the report, or NULL
 */
IV_EXTERN(void) iv_import_report_free(iv_import_report *r);
/**
 * How many contacts (or, for a backup, records of every kind) were added.
 * @param r the report, or NULL
 * @return the count; 0 for NULL
 */
IV_EXTERN(size_t) iv_import_report_added(const iv_import_report *r);
/**
 * How many rows matched a stored contact and changed it.
 * @param r the report, or NULL
 * @return the count; 0 for NULL
 */
IV_EXTERN(size_t) iv_import_report_merged(const iv_import_report *r);
/**
 * How many rows matched a stored contact and brought nothing new.
 * @param r the report, or NULL
 * @return the count; 0 for NULL
 */
IV_EXTERN(size_t) iv_import_report_unchanged(const iv_import_report *r);
/**
 * How many rows were skipped; each is described by iv_import_report_skipped_line()
 * and iv_import_report_skipped_reason().
 * @param r the report, or NULL
 * @return the count; 0 for NULL
 */
IV_EXTERN(size_t) iv_import_report_skipped(const iv_import_report *r);
/**
 * The line of the input where skipped row `i` starts (1 for the first line).
 * @param r the report, or NULL
 * @param i 0 to iv_import_report_skipped() - 1
 * @return the line; 0 for NULL or an index out of range
 */
IV_EXTERN(uint64_t) iv_import_report_skipped_line(const iv_import_report *r, size_t i);
/**
 * Why skipped row `i` was skipped, in words.
 * @param r the report, or NULL
 * @param i 0 to iv_import_report_skipped() - 1
 * @return the reason; borrowed, valid until the report is freed; NULL for NULL or an index out of range
 */
IV_EXTERN(const char *) iv_import_report_skipped_reason(const iv_import_report *r, size_t i);
/** iv_export_options.flags: vCard 3.0 (RFC 2426) instead of 4.0. */
#define IV_EXPORT_VCARD3 0x1u

/**
 * What and how to export, version 1. Fill with iv_export_options_init()
 * or IV_EXPORT_OPTIONS_INIT; NULL options mean the defaults.
 */
typedef struct iv_export_options {
	unsigned int version; /**< IV_EXPORT_OPTIONS_VERSION */
	unsigned int flags;   /**< IV_EXPORT_* flags; 0 by default */
	/**
	 * vCard: which contacts (NULL: all). Borrowed for the call. Ignored
	 * by the other formats.
	 */
	const iv_contact_filter *contacts;
	/**
	 * DOT: only the paths from you to people at this company (compared
	 * as iv_network_company_paths() does); NULL: the whole network.
	 */
	const char *company;
	iv_progress_cb progress; /**< NULL: no progress reports */
	void *payload;           /**< passed to `progress` */
} iv_export_options;

/** The current version of iv_export_options. */
#define IV_EXPORT_OPTIONS_VERSION 1
/** A static initialiser for iv_export_options: the current version, the defaults. */
#define IV_EXPORT_OPTIONS_INIT { IV_EXPORT_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL }

/**
 * Fills `opts` with the defaults of `version`, touching only that version's members.
 * @param opts the options
 * @param version IV_EXPORT_OPTIONS_VERSION, or an older version
 * @return 0, IV_EINVALID when `opts` is NULL, IV_EVERSION for an unknown version
 */
IV_EXTERN(int) iv_export_options_init(iv_export_options *opts, unsigned int version);

/**
 * Writes the store, or part of it, in a format.
 *
 * - IV_FORMAT_VCARD: one vCard per contact (UID "urn:uuid:<id>", so that
 *   importing the export again merges; who introduced the contact as
 *   RELATED).
 * - IV_FORMAT_ICALENDAR: each scheduled interview (with a time) as a
 *   VEVENT and each pending follow-up as a VTODO, with UIDs that stay the
 *   same from one export to the next and stamps from each record's last
 *   change, times in UTC.
 * - IV_FORMAT_JSON: the lossless backup: every record of every kind with
 *   every field, and every setting (the profile, the rules, the templates),
 *   as JSON text with a format version (see the README). Restoring it into
 *   an empty store (iv_import()) and exporting again gives the same bytes.
 * - IV_FORMAT_DOT: the network as a Graphviz digraph: you at the root,
 *   contacts ranked by degree, introductions as edges labelled by channel
 *   and status, companies as clusters. With a company, only the paths to
 *   people there (a picture of you alone, saying so, when nobody there is
 *   reachable).
 *
 * @param db the store
 * @param format one of iv_format_t that can be exported
 * @param write where the bytes go
 * @param payload passed to `write`
 * @param opts what and how; NULL for the defaults
 * @return 0; IV_EINVALID for a format that cannot be exported or bad
 *         options; a non-zero value returned by `write` or `progress`; a
 *         storage error
 */
IV_EXTERN(int) iv_export(iv_db *db, int format, iv_write_cb write, void *payload, const iv_export_options *opts);

/**
 * iv_export() to a file, which is replaced only when the export succeeded
 * (written to a temporary file in the same directory, then renamed; a
 * symbolic link keeps pointing to the new file). What is not a regular file
 * (a terminal, a pipe, /dev/null) is written to directly.
 * @param db the store
 * @param format as in iv_export()
 * @param path the file to write
 * @param opts what and how; NULL for the defaults
 * @return as iv_export(); IV_ESTORAGE when the file cannot be written
 */
IV_EXTERN(int) iv_export_file(iv_db *db, int format, const char *path, const iv_export_options *opts);

IV_END_DECL

#endif
