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

static int import_unguarded(iv_import_report **report, iv_db *db, int format, iv_read_cb read,
			    void *payload, uint64_t total, const iv_import_options *opts)
{
	(void)report;
	(void)db;
	(void)format;
	(void)read;
	(void)payload;
	(void)total;
	(void)opts;
	return iv__error(IV_EINVALID, "iv_import: not implemented yet");
}

int iv_import(iv_import_report **report, iv_db *db, int format, iv_read_cb read, void *payload,
	      const iv_import_options *opts)
{
	if (report)
		*report = NULL;
	IV__GUARDED(db, "iv_import", import_unguarded(report, db, format, read, payload, 0, opts));
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
