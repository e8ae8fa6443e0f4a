/*
 * iv_import() and iv_import_file(): the transaction, the dry run, the
 * report, progress, and merging each row into the contacts already stored.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "io.h"

IV__DEFINE_INIT(iv_import_options_init, iv_import_options, IV_IMPORT_OPTIONS_INIT, IV__ST_IMPORT_OPTIONS)

struct iv__import_ctx {
	iv_db *db;
	struct iv__reader *reader;
	iv_import_options opts;
	uint64_t last_progress;
};

int iv__import_progress(struct iv__import_ctx *ctx, uint64_t records, int force)
{
	int error;

	if (!ctx->opts.progress)
		return 0;
	if (!force && ctx->reader->offset - ctx->last_progress < 65536)
		return 0;
	ctx->last_progress = ctx->reader->offset;
	if ((error = ctx->opts.progress(ctx->reader->offset, ctx->reader->total, records, ctx->opts.payload)) != 0)
		return error;
	return 0;
}

/* --- Matching ------------------------------------------------------------ */

/* The first contact `f` lists, as its id in `out`; 1 when found, 0 when none. */
static int first_of(char out[IV_ID_LEN + 1], iv_db *db, const iv_contact_filter *f,
		    const char *company, int want_company)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int error, found = 0;

	if ((error = iv_contact_list(&it, db, f)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		/* Name and company: both equal, a missing company equal only to a missing one. */
		const char *have = iv_contact_company(c);

		if (!want_company || (company ? (have && iv__ascii_casecmp(have, company) == 0) : !have)) {
			memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
			found = 1;
		}
		iv_contact_free(c);
		if (found)
			break;
	}
	iv_contact_iter_free(it);
	if (error < 0 && error != IV_ITEROVER)
		return error;
	return found;
}

/* Whether a contact with this id exists. */
static int exists(iv_db *db, const char *id)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	char found[IV_ID_LEN + 1];

	if (!iv_id_valid(id))
		return 0;
	f.id_prefix = id;
	return first_of(found, db, &f, NULL, 0);
}

#define UID_KEY_MAX 200

/* The setting that remembers which contact a foreign vCard UID was imported as. */
static int uid_key(char key[UID_KEY_MAX + 16], const char *uid)
{
	if (strlen(uid) > UID_KEY_MAX || iv__check_text("uid", uid, UID_KEY_MAX, IV__ONELINE) < 0)
		return 0;
	snprintf(key, UID_KEY_MAX + 16, "iv.uid.%s", uid);
	return 1;
}

/* "urn:uuid:<id>" (as this library exports) gives the id; NULL otherwise. */
static const char *own_uid(const char *uid)
{
	if (strncmp(uid, "urn:uuid:", 9) == 0 && iv_id_valid(uid + 9))
		return uid + 9;
	return NULL;
}

/*
 * The stored contact a row is: by e-mail, then profile URL (also with the
 * trailing slash the other way), then UID, then exact name and company.
 * 1 and its id in `out` when found, 0 when not, or an error.
 */
static int resolve_uid(char out[IV_ID_LEN + 1], iv_db *db, const char *uid);

static int match(char out[IV_ID_LEN + 1], iv_db *db, const struct iv__row *row)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	const iv_contact *c = row->contact;
	const char *url = iv_contact_url(c);
	char *alt;
	size_t i, n;
	int found = 0;

	for (i = 0; found == 0 && i < iv_contact_email_count(c); i++) {
		f.email = iv_contact_email_at(c, i);
		found = first_of(out, db, &f, NULL, 0);
	}
	f.email = NULL;
	if (found == 0 && url) {
		f.url = url;
		found = first_of(out, db, &f, NULL, 0);
		n = strlen(url);
		if (found == 0 && n > 1 && (alt = malloc(n + 2))) {
			memcpy(alt, url, n + 1);
			if (alt[n - 1] == '/')
				alt[n - 1] = '\0';
			else
				memcpy(alt + n, "/", 2);
			f.url = alt;
			found = first_of(out, db, &f, NULL, 0);
			free(alt);
		} else if (found == 0 && n > 1) {
			return iv__oom();
		}
		f.url = NULL;
	}
	if (found == 0 && row->uid)
		found = resolve_uid(out, db, row->uid);
	if (found == 0) {
		f.name = iv_contact_name(c);
		found = first_of(out, db, &f, iv_contact_company(c), 1);
	}
	return found;
}

/* --- Merging -------------------------------------------------------------- */

typedef const char *(*text_get)(const iv_contact *);
typedef int (*text_set)(iv_contact *, const char *);

static const struct field {
	text_get get;
	text_set set;
} fields[] = {
	{ iv_contact_name, iv_contact_set_name }, { iv_contact_phone, iv_contact_set_phone },
	{ iv_contact_company, iv_contact_set_company }, { iv_contact_title, iv_contact_set_title },
	{ iv_contact_location, iv_contact_set_location }, { iv_contact_url, iv_contact_set_url },
};

/*
 * Whether `text` holds `part`, carriage returns aside: notes written with
 * CRLF come back from a vCard or a CSV with LF only.
 */
static int holds(const char *text, const char *part)
{
	const char *t, *a, *b;

	for (t = text; *t; t++) {
		for (a = t, b = part;; a++, b++) {
			while (*a == '\r')
				a++;
			while (*b == '\r')
				b++;
			if (!*b)
				return 1;
			if (*a != *b)
				break;
		}
	}
	return !*part;
}

/* Notes are appended, unless the stored notes hold them already. */
static int merge_notes(iv_contact *have, const char *add, int *changed)
{
	const char *old = iv_contact_notes(have);
	char *joined;
	size_t n;
	int error;

	if (!add || (old && holds(old, add)))
		return 0;
	if (!old) {
		*changed = 1;
		return iv_contact_set_notes(have, add);
	}
	n = strlen(old) + strlen(add) + 3;
	if (!(joined = malloc(n)))
		return iv__oom();
	snprintf(joined, n, "%s\n\n%s", old, add);
	error = iv_contact_set_notes(have, joined);
	free(joined);
	if (error == 0)
		*changed = 1;
	return error;
}

/* Fills `have` from the row: empty fields, or every field with IV_IMPORT_OVERWRITE. */
static int merge(iv_contact *have, const struct iv__row *row, unsigned int flags, int *changed)
{
	const iv_contact *c = row->contact;
	const char *mine, *theirs;
	size_t i, before;
	int error = 0;

	*changed = 0;
	for (i = 0; error == 0 && i < sizeof(fields) / sizeof(fields[0]); i++) {
		mine = fields[i].get(have);
		theirs = fields[i].get(c);
		if (!theirs || (mine && !(flags & IV_IMPORT_OVERWRITE)) || (mine && strcmp(mine, theirs) == 0))
			continue;
		if ((error = fields[i].set(have, theirs)) == 0)
			*changed = 1;
	}
	for (i = 0; error == 0 && i < iv_contact_email_count(c); i++) {
		before = iv_contact_email_count(have);
		if ((error = iv_contact_add_email(have, iv_contact_email_at(c, i))) == 0 &&
		    iv_contact_email_count(have) != before)
			*changed = 1;
	}
	for (i = 0; error == 0 && i < iv_contact_tag_count(c); i++) {
		if (iv_contact_has_tag(have, iv_contact_tag_at(c, i)))
			continue;
		if ((error = iv_contact_add_tag(have, iv_contact_tag_at(c, i))) == 0)
			*changed = 1;
	}
	if (error == 0)
		error = merge_notes(have, iv_contact_notes(c), changed);
	if (error == 0 && iv_contact_last_interaction(c) > iv_contact_last_interaction(have)) {
		iv_contact_set_last_interaction(have, iv_contact_last_interaction(c));
		*changed = 1;
	}
	if (error == 0 && row->known && (flags & IV_IMPORT_OVERWRITE) && row->known != iv_contact_known(have)) {
		error = iv_contact_set_known(have, row->known);
		*changed = 1;
	}
	if (error == 0 && iv_contact_cadence_days(c) && !iv_contact_cadence_days(have)) {
		error = iv_contact_set_cadence_days(have, iv_contact_cadence_days(c));
		*changed = 1;
	}
	return error;
}

/* --- Introducers ------------------------------------------------------------ */

/*
 * Who introduced a contact, as a vCard says (RELATED urn:uuid:<id>, ours,
 * or a UID an earlier import remembered). The introducer may come later in
 * the file than the person they introduced, so these are resolved once
 * every row is in: one small entry per row that names an introducer.
 */
struct pending {
	char contact[IV_ID_LEN + 1];
	char *introducer;
};

struct pendings {
	struct pending *items;
	size_t count, alloc;
};

static int pending_add(struct pendings *p, const char *contact, const char *introducer)
{
	struct pending *items;

	if (p->count == p->alloc) {
		size_t alloc = p->alloc ? p->alloc * 2 : 16;

		if (!(items = realloc(p->items, alloc * sizeof(*items))))
			return iv__oom();
		p->items = items;
		p->alloc = alloc;
	}
	if (!(p->items[p->count].introducer = iv__strdup(introducer)))
		return IV_ENOMEM;
	memcpy(p->items[p->count].contact, contact, IV_ID_LEN + 1);
	p->count++;
	return 0;
}

static void pendings_free(struct pendings *p)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		free(p->items[i].introducer);
	free(p->items);
}

/* The stored contact a UID names (ours or remembered): 1 and its id, or 0. */
static int resolve_uid(char out[IV_ID_LEN + 1], iv_db *db, const char *uid)
{
	char key[UID_KEY_MAX + 16], *value = NULL;
	const char *v;
	int found = 0;

	if ((v = own_uid(uid)) && (found = exists(db, v)) == 1) {
		memcpy(out, v, IV_ID_LEN + 1);
		return 1;
	}
	if (found < 0 || !uid_key(key, uid))
		return found;
	if ((found = db->be->setting_get(&value, db->be, key)) == IV_ENOTFOUND)
		return 0;
	if (found < 0)
		return iv__error_ensure(found, "reading a remembered UID");
	if ((found = value ? exists(db, value) : 0) == 1)
		memcpy(out, value, IV_ID_LEN + 1);
	iv_free(value);
	return found;
}

/*
 * Records each introduction a file names and the store lacks, as made
 * (the file says who introduced whom, not how: channel "other"). An
 * introducer not in the store is left out.
 */
static int introduce(iv_db *db, const struct pendings *p)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	char by[IV_ID_LEN + 1];
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t i;
	int error = 0, found;

	for (i = 0; error == 0 && i < p->count; i++) {
		if ((found = resolve_uid(by, db, p->items[i].introducer)) <= 0) {
			error = found;
			continue;
		}
		if (strcmp(by, p->items[i].contact) == 0)
			continue;
		f.introducer = by;
		f.introduced = p->items[i].contact;
		if ((error = iv_intro_list(&it, db, &f)) < 0)
			break;
		error = iv_intro_iter_next(&in, it);
		iv_intro_free(in);
		in = NULL;
		iv_intro_iter_free(it);
		if (error == 0)
			continue; /* they have one already */
		if (error != IV_ITEROVER)
			break;
		if ((error = iv_intro_new(&in)) == 0 && (error = iv_intro_set_introducer(in, by)) == 0 &&
		    (error = iv_intro_set_introduced(in, p->items[i].contact)) == 0 &&
		    (error = iv_intro_set_channel(in, IV_CHANNEL_OTHER)) == 0 &&
		    (error = iv_intro_set_status(in, IV_INTRO_MADE)) == 0)
			error = iv_intro_insert(db, in);
		iv_intro_free(in);
		in = NULL;
	}
	return error;
}

/* --- One row ------------------------------------------------------------- */

/*
 * Adds or merges one row. A value the library refuses while merging (a
 * list grown past IV_LIMIT_LIST, notes past IV_LIMIT_TEXT) skips the row,
 * as a refused field does when the row is read.
 */
static int import_row(iv_db *db, struct iv__row *row, const iv_import_options *o, iv_import_report *report,
		      struct pendings *pending)
{
	char id[IV_ID_LEN + 1], key[UID_KEY_MAX + 16];
	iv_contact *have = NULL;
	int error, found, changed = 0;

	if (!row->skip && !iv_contact_name(row->contact))
		iv__row_skip(row, "no name");
	if (!row->skip && o->tag && !iv_contact_has_tag(row->contact, o->tag) &&
	    (error = iv__row_field(row, iv_contact_add_tag(row->contact, o->tag))) < 0)
		return error;
	if (row->skip)
		return iv__report_skip(report, row->line, row->skip);
	if ((found = match(id, db, row)) < 0)
		return found;
	if (found) {
		if ((error = iv_contact_lookup(&have, db, id)) < 0)
			return error;
		error = merge(have, row, o->flags, &changed);
		if (error == IV_EINVALID) {
			iv_contact_free(have);
			return iv__report_skip(report, row->line, iv_error_last()->message);
		}
		if (error == 0 && changed)
			error = iv_contact_update(db, have);
		iv_contact_free(have);
		if (error < 0)
			return error;
		if (changed)
			report->merged++;
		else
			report->unchanged++;
	} else {
		if ((error = iv_contact_set_known(row->contact,
						  row->known ? row->known : o->known ? o->known : IV_KNOWN_DIRECT)) < 0 ||
		    (error = iv_contact_insert(db, row->contact)) < 0)
			return error;
		memcpy(id, iv_contact_id(row->contact), IV_ID_LEN + 1);
		report->added++;
	}
	/*
	 * A UID other than this contact's own "urn:uuid:<id>" is remembered,
	 * so that the next import of that card finds this contact.
	 */
	if (row->uid && !(own_uid(row->uid) && strcmp(own_uid(row->uid), id) == 0) && uid_key(key, row->uid) &&
	    (error = db->be->setting_set(db->be, key, id)) < 0)
		return iv__error_ensure(error, "remembering a vCard UID");
	if (row->introducer)
		return pending_add(pending, id, row->introducer);
	return 0;
}

/* --- The import ----------------------------------------------------------- */

static int import_rows(struct iv__import_ctx *ctx, struct iv__importer *imp, iv_import_report *report)
{
	struct pendings pending = { NULL, 0, 0 };
	struct iv__row row;
	uint64_t records = 0;
	int error, per_row = (ctx->opts.flags & IV_IMPORT_PER_ROW) != 0;

	for (;;) {
		memset(&row, 0, sizeof(row));
		error = imp->next(&row, imp);
		/* The read callback's own value wins: it may be positive. */
		if (ctx->reader->error && error != IV_ITEROVER)
			error = ctx->reader->error;
		if (error != 0) {
			iv__row_clear(&row);
			break;
		}
		if (per_row && (error = iv__tx_begin(ctx->db)) < 0) {
			iv__row_clear(&row);
			break;
		}
		error = import_row(ctx->db, &row, &ctx->opts, report, &pending);
		if (per_row)
			error = iv__tx_end(ctx->db, error);
		iv__row_clear(&row);
		if (error < 0 || (error = iv__import_progress(ctx, ++records, 0)) != 0)
			break;
	}
	if (error == IV_ITEROVER && pending.count) {
		if (per_row && (error = iv__tx_begin(ctx->db)) == 0)
			error = iv__tx_end(ctx->db, introduce(ctx->db, &pending));
		else if (!per_row)
			error = introduce(ctx->db, &pending);
		if (error == 0)
			error = IV_ITEROVER;
	}
	pendings_free(&pending);
	if (error == IV_ITEROVER)
		error = iv__import_progress(ctx, records, 1);
	return error;
}

/* Whether the store holds no record of any kind (a backup goes only there). */
static int store_empty(iv_db *db)
{
	iv_contact_iter *ci = NULL;
	iv_intro_iter *ii = NULL;
	iv_interview_iter *vi = NULL;
	iv_followup_iter *fi = NULL;
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	int error;

#define EMPTY(LIST, NEXT, FREE, ITFREE, it, rec) \
	if ((error = LIST(&it, db, NULL)) < 0) \
		return error; \
	error = NEXT(&rec, it); \
	FREE(rec); \
	ITFREE(it); \
	if (error != IV_ITEROVER) \
		return error < 0 ? error : 0
	EMPTY(iv_contact_list, iv_contact_iter_next, iv_contact_free, iv_contact_iter_free, ci, c);
	EMPTY(iv_intro_list, iv_intro_iter_next, iv_intro_free, iv_intro_iter_free, ii, in);
	EMPTY(iv_interview_list, iv_interview_iter_next, iv_interview_free, iv_interview_iter_free, vi, iv);
	EMPTY(iv_followup_list, iv_followup_iter_next, iv_followup_free, iv_followup_iter_free, fi, fu);
	/* Targets name no contact: a store may hold them alone. */
	if (db->be->version >= 6) {
		iv_target_iter *ti = NULL;
		iv_target *t = NULL;

		EMPTY(iv_target_list, iv_target_iter_next, iv_target_free, iv_target_iter_free, ti, t);
	}
#undef EMPTY
	return 1;
}

static int check_options(const iv_import_options *o, int format)
{
	if (format < IV_FORMAT_LINKEDIN || format > IV_FORMAT_DOT)
		return iv__error(IV_EINVALID, "iv_import: unknown format %d", format);
	if (format == IV_FORMAT_ICALENDAR || format == IV_FORMAT_DOT)
		return iv__error(IV_EINVALID, "iv_import: format '%s' can be exported, not imported",
				 iv_enum_name("format", format));
	if (o->flags & ~(IV_IMPORT_DRY_RUN | IV_IMPORT_OVERWRITE | IV_IMPORT_PER_ROW))
		return iv__error(IV_EINVALID, "iv_import: unknown flags 0x%x",
				 o->flags & ~(IV_IMPORT_DRY_RUN | IV_IMPORT_OVERWRITE | IV_IMPORT_PER_ROW));
	if (o->known && !iv_enum_name("known", o->known))
		return iv__error(IV_EINVALID, "import.known: %d is not a way of knowing someone", o->known);
	if (o->tag)
		return iv__check_text("import.tag", o->tag, IV_LIMIT_TAG, IV__ONELINE | IV__NONBLANK | IV__TRIMMED);
	return 0;
}

/*
 * Commits, or rolls back on any non-zero `error` (a callback's value may be
 * positive) and for a dry run, keeping the error's message.
 */
static int end_tx(iv_db *db, int error, int dry)
{
	char msg[512];

	if (error == 0 && !dry)
		return iv__tx_end(db, 0);
	snprintf(msg, sizeof(msg), "%s", iv_error_last()->message);
	if (iv_db_rollback(db) < 0 && error == 0)
		return iv_error_last()->code;
	if (error < 0)
		iv__error(error, "%s", msg);
	return error;
}

static int import_unguarded(iv_import_report **report, iv_db *db, int format, iv_read_cb read,
			    void *payload, uint64_t total, const iv_import_options *opts)
{
	struct iv__import_ctx ctx;
	struct iv__importer *imp = NULL;
	struct iv__reader *r;
	iv_import_report *rep;
	int error, dry, one_tx;

	IV__ARG_OF("iv_import", db);
	IV__ARG_OF("iv_import", read);
	memset(&ctx, 0, sizeof(ctx));
	ctx.opts = (iv_import_options)IV_IMPORT_OPTIONS_INIT;
	if (opts && (error = iv__struct_read(&ctx.opts, IV__ST_IMPORT_OPTIONS, opts)) < 0)
		return error;
	if ((error = check_options(&ctx.opts, format)) < 0)
		return error;
	dry = (ctx.opts.flags & IV_IMPORT_DRY_RUN) != 0;
	/* A dry run writes inside a transaction it rolls back: merges see the rows before them. */
	one_tx = dry || !(ctx.opts.flags & IV_IMPORT_PER_ROW);
	if (format == IV_FORMAT_JSON)
		one_tx = 1;
	if (!(r = malloc(sizeof(*r))))
		return iv__oom();
	if (!(rep = calloc(1, sizeof(*rep)))) {
		free(r);
		return iv__oom();
	}
	iv__reader_init(r, read, payload, total);
	ctx.db = db;
	ctx.reader = r;
	if (one_tx && (error = iv__tx_begin(db)) < 0)
		goto done;
	if (format == IV_FORMAT_JSON) {
		if ((error = store_empty(db)) == 0)
			error = iv__error(IV_ECONSTRAINT,
					  "import: a backup is restored only into an empty store, and this one has records");
		if (error == 1)
			error = iv__backup_restore(&ctx, db, r, rep);
		if (error == 0)
			error = iv__import_progress(&ctx, rep->added, 1);
	} else {
		if (format == IV_FORMAT_VCARD)
			error = iv__vcard_importer(&imp, r, &ctx.opts);
		else
			error = iv__csv_importer(&imp, r, format, &ctx.opts);
		if (error == 0)
			error = import_rows(&ctx, imp, rep);
		if (imp)
			imp->free(imp);
	}
	if (error == 0 && r->error)
		error = r->error;
	if (one_tx)
		error = end_tx(db, error, dry);
done:
	free(r);
	if (error != 0 || !report)
		iv_import_report_free(rep);
	else
		*report = rep;
	return error;
}

int iv_import(iv_import_report **report, iv_db *db, int format, iv_read_cb read, void *payload,
	      const iv_import_options *opts)
{
	if (report)
		*report = NULL;
	IV__GUARDED_ONCE(db, "iv_import", import_unguarded(report, db, format, read, payload, 0, opts));
}

struct file_in {
	int fd;
	const char *path;
};

static int read_fd(char *buf, size_t size, size_t *got, void *payload)
{
	struct file_in *f = payload;
	ssize_t n;

	for (;;) {
		if ((n = read(f->fd, buf, size)) >= 0)
			break;
		if (errno != EINTR)
			return iv__error(IV_ESTORAGE, "import: cannot read %s: %s", f->path, strerror(errno));
	}
	*got = (size_t)n;
	return 0;
}

int iv_import_file(iv_import_report **report, iv_db *db, int format, const char *path,
		   const iv_import_options *opts)
{
	struct file_in f;
	struct stat st;
	int error;

	if (report)
		*report = NULL;
	IV__ARG(db);
	IV__ARG(path);
	if ((f.fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return iv__error(errno == ENOENT ? IV_ENOTFOUND : IV_ESTORAGE, "iv_import_file: cannot open %s: %s",
				 path, strerror(errno));
	f.path = path;
	if (fstat(f.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(f.fd);
		return iv__error(IV_EINVALID, "iv_import_file: %s is a directory", path);
	}
	error = iv__enter(db, "iv_import_file");
	if (error == 0) {
		error = import_unguarded(report, db, format, read_fd, &f,
					 S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0, opts);
		iv__leave(db);
	}
	close(f.fd);
	return error;
}

void iv_import_report_free(iv_import_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nskipped; i++)
		free(r->skipped[i].reason);
	free(r->skipped);
	free(r);
}

size_t iv_import_report_added(const iv_import_report *r)
{
	return r ? r->added : 0;
}

size_t iv_import_report_merged(const iv_import_report *r)
{
	return r ? r->merged : 0;
}

size_t iv_import_report_unchanged(const iv_import_report *r)
{
	return r ? r->unchanged : 0;
}

size_t iv_import_report_skipped(const iv_import_report *r)
{
	return r ? r->nskipped : 0;
}

uint64_t iv_import_report_skipped_line(const iv_import_report *r, size_t i)
{
	return r && i < r->nskipped ? r->skipped[i].line : 0;
}

const char *iv_import_report_skipped_reason(const iv_import_report *r, size_t i)
{
	return r && i < r->nskipped ? r->skipped[i].reason : NULL;
}
