/*
 * iv_export() and iv_export_file(): the options, the writer, the file
 * replaced only on success, and the dispatch to each format.
 */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "io.h"

IV__DEFINE_INIT(iv_export_options_init, iv_export_options, IV_EXPORT_OPTIONS_INIT, IV__ST_EXPORT_OPTIONS)

static int export_unguarded(iv_db *db, int format, iv_write_cb write, void *payload,
			    const iv_export_options *opts)
{
	iv_export_options o = IV_EXPORT_OPTIONS_INIT;
	struct iv__writer *w;
	int error;

	IV__ARG_OF("iv_export", db);
	IV__ARG_OF("iv_export", write);
	if (opts && (error = iv__struct_read(&o, IV__ST_EXPORT_OPTIONS, opts)) < 0)
		return error;
	if (o.flags & ~IV_EXPORT_VCARD3)
		return iv__error(IV_EINVALID, "iv_export: unknown flags 0x%x", o.flags & ~IV_EXPORT_VCARD3);
	if (!(w = calloc(1, sizeof(*w))))
		return iv__oom();
	w->write = write;
	w->payload = payload;
	w->progress = o.progress;
	w->progress_payload = o.payload;
	switch (format) {
	case IV_FORMAT_VCARD:
		error = iv__vcard_export(w, db, &o);
		break;
	case IV_FORMAT_ICALENDAR:
		error = iv__ics_export(w, db, &o);
		break;
	case IV_FORMAT_JSON:
		error = iv__backup_export(w, db, &o);
		break;
	case IV_FORMAT_DOT:
		error = iv__dot_export(w, db, &o);
		break;
	case IV_FORMAT_LINKEDIN:
	case IV_FORMAT_GOOGLE:
	case IV_FORMAT_CSV:
		error = iv__error(IV_EINVALID, "iv_export: format '%s' can be imported, not exported",
				  iv_enum_name("format", format));
		break;
	default:
		error = iv__error(IV_EINVALID, "iv_export: unknown format %d", format);
		break;
	}
	if (error == 0)
		error = iv__flush(w);
	if (error == 0 && w->progress && (error = w->progress(w->records, w->total, w->records, w->progress_payload)) != 0)
		w->error = error;
	if (error == 0)
		error = w->error;
	/* A callback's own value is returned as it is; a library error keeps its message. */
	free(w);
	return error;
}

int iv_export(iv_db *db, int format, iv_write_cb write, void *payload, const iv_export_options *opts)
{
	IV__GUARDED_ONCE(db, "iv_export", export_unguarded(db, format, write, payload, opts));
}

struct file_out {
	int fd;
	const char *path;
};

static int write_fd(const char *data, size_t len, void *payload)
{
	struct file_out *f = payload;
	ssize_t n;

	while (len > 0) {
		if ((n = write(f->fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return iv__error(IV_ESTORAGE, "export: cannot write %s: %s", f->path, strerror(errno));
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Writing straight into what is not a regular file (a terminal, a pipe,
 * /dev/null, /dev/stdout): there is nothing to replace, and renaming over
 * it would put a regular file in its place.
 */
static int export_direct(iv_db *db, int format, const char *path, const iv_export_options *opts)
{
	struct file_out f;
	int error;

	if ((f.fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
		return iv__error(IV_ESTORAGE, "iv_export_file: cannot open %s: %s", path, strerror(errno));
	f.path = path;
	error = iv_export(db, format, write_fd, &f, opts);
	if (close(f.fd) < 0 && error == 0)
		error = iv__error(IV_ESTORAGE, "iv_export_file: cannot write %s: %s", path, strerror(errno));
	return error;
}

int iv_export_file(iv_db *db, int format, const char *path, const iv_export_options *opts)
{
	struct file_out f;
	struct stat st;
	char *tmp, *real = NULL;
	size_t n;
	int error;

	IV__ARG(db);
	IV__ARG(path);
	if (!*path)
		return iv__error(IV_EINVALID, "iv_export_file: the path is empty");
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return iv__error(IV_EINVALID, "iv_export_file: %s is a directory", path);
		if (!S_ISREG(st.st_mode))
			return export_direct(db, format, path, opts);
		/* A link to a file: the file is replaced, the link stays. */
		if (!(real = realpath(path, NULL)))
			return iv__error(IV_ESTORAGE, "iv_export_file: cannot resolve %s: %s", path, strerror(errno));
		path = real;
	}
	n = strlen(path) + sizeof(".XXXXXX");
	if (!(tmp = malloc(n))) {
		free(real);
		return iv__oom();
	}
	snprintf(tmp, n, "%s.XXXXXX", path);
	if ((f.fd = mkstemp(tmp)) < 0) {
		error = iv__error(errno == ENOENT ? IV_ENOTFOUND : IV_ESTORAGE,
				  "iv_export_file: cannot create a file next to %s: %s", path, strerror(errno));
		free(tmp);
		free(real);
		return error;
	}
	f.path = path;
	/* mkstemp() makes it 0600; an export is the user's document: 0666 less the umask. */
	{
		mode_t mask = umask(0);

		umask(mask);
		(void)fchmod(f.fd, 0666 & ~mask);
	}
	error = iv_export(db, format, write_fd, &f, opts);
	if (error == 0 && fsync(f.fd) < 0)
		error = iv__error(IV_ESTORAGE, "iv_export_file: cannot write %s: %s", path, strerror(errno));
	if (close(f.fd) < 0 && error == 0)
		error = iv__error(IV_ESTORAGE, "iv_export_file: cannot write %s: %s", path, strerror(errno));
	if (error == 0 && rename(tmp, path) < 0)
		error = iv__error(IV_ESTORAGE, "iv_export_file: cannot replace %s: %s", path, strerror(errno));
	if (error != 0)
		unlink(tmp);
	free(tmp);
	free(real);
	return error;
}
