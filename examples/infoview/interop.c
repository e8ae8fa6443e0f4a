/*
 * infoview import / export: bringing a network in from LinkedIn, Google,
 * CSV, vCard or a backup, and taking everything out. The library does the
 * work (interop.h); this shows a progress bar and the report.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char import_help[] =
	"Usage: infoview import FORMAT FILE [options]\n"
	"\n"
	"Brings contacts in (FILE '-' reads standard input):\n"
	"  linkedin   LinkedIn's Connections.csv (Settings > Data privacy > Get a copy\n"
	"             of your data > Connections): people you know directly\n"
	"  google     Google Contacts' CSV export\n"
	"  csv        any CSV with a header row; columns are recognised by name\n"
	"             (name, first name, last name, email, company, title, phone,\n"
	"             url, notes, tags, ...), others given with --map\n"
	"  vcard      vCard 3.0 or 4.0 (.vcf), e.g. from a phone or another program\n"
	"  json       a backup made by 'infoview export json', into an empty store\n"
	"\n"
	"A row that names someone already stored (same e-mail, profile URL, vCard\n"
	"UID, or name and company) is merged: empty fields are filled, e-mails and\n"
	"tags added, notes appended; nothing stored is overwritten unless\n"
	"--overwrite. Importing the same file twice adds nothing. The import is\n"
	"one transaction: when it fails, nothing is written.\n"
	"\n"
	"Options:\n"
	"  --dry-run          report what would be done; write nothing\n"
	"  --overwrite        the file's non-empty fields replace the stored ones\n"
	"  --tag TAG          tag every imported contact (e.g. linkedin-2026)\n"
	"  --known HOW        how new contacts are known: direct (default),\n"
	"                     introduced or cold\n"
	"  --map HEADER=FIELD a CSV column the format does not know (repeatable);\n"
	"                     FIELD: name, first_name, middle_name, last_name, email,\n"
	"                     phone, company, title, location, url, notes, tags,\n"
	"                     known, connected, uid or ignore\n"
	"  --per-row          each row its own transaction: a failure keeps the rows\n"
	"                     before it\n";

static const char export_help[] =
	"Usage: infoview export FORMAT [-o FILE] [options]\n"
	"\n"
	"Takes everything out, to standard output or to FILE (replaced only when\n"
	"the export succeeded):\n"
	"  vcard   every contact as a vCard 4.0 (--vcard3 for 3.0); importing it\n"
	"          again merges instead of duplicating\n"
	"  ics     an iCalendar of scheduled interviews (events) and pending\n"
	"          follow-ups (to-dos); importing it again updates them\n"
	"  json    a lossless backup of the whole store ('infoview import json'\n"
	"          restores it)\n"
	"  dot     a Graphviz picture of your network: 'dot -Tsvg' draws it\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE  write to FILE\n"
	"  --vcard3           vCard 3.0 instead of 4.0\n"
	"  --tag TAG          vcard: only the contacts with this tag\n"
	"  --company NAME     vcard: only the contacts at NAME; dot: only the paths\n"
	"                     from you to people at NAME\n";

enum { O_DRY_RUN = 1, O_OVERWRITE, O_TAG, O_KNOWN, O_MAP, O_PER_ROW, O_OUTPUT, O_VCARD3, O_COMPANY };

/* The formats by the names users type. */
static int format_of(struct args *a, const char *name, int importing)
{
	static const struct {
		const char *name;
		int format, import, export;
	} formats[] = {
		{ "linkedin", IV_FORMAT_LINKEDIN, 1, 0 }, { "google", IV_FORMAT_GOOGLE, 1, 0 },
		{ "csv", IV_FORMAT_CSV, 1, 0 }, { "vcard", IV_FORMAT_VCARD, 1, 1 },
		{ "vcf", IV_FORMAT_VCARD, 1, 1 }, { "json", IV_FORMAT_JSON, 1, 1 },
		{ "ics", IV_FORMAT_ICALENDAR, 0, 1 }, { "icalendar", IV_FORMAT_ICALENDAR, 0, 1 },
		{ "dot", IV_FORMAT_DOT, 0, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(formats[i].name, name) != 0)
			continue;
		if (importing ? formats[i].import : formats[i].export)
			return formats[i].format;
		return args_error(a, "'%s' can be %s, not %s", name, importing ? "exported" : "imported",
				  importing ? "imported" : "exported"),
		       -1;
	}
	args_error(a, importing ? "unknown format '%s' (linkedin, google, csv, vcard or json)"
				: "unknown format '%s' (vcard, ics, json or dot)", name);
	return -1;
}

/* --- Progress ------------------------------------------------------------ */

struct bar {
	int shown;       /* something is on the line */
	uint64_t records;
	const char *what;
};

/* A bar on standard error, when it is a terminal: "Importing  42% [#####.....]  12,345 rows". */
static int bar_update(uint64_t done, uint64_t total, uint64_t records, void *payload)
{
	struct bar *b = payload;
	char fill[31];
	int pct, i, n;

	b->records = records;
	if (total == 0) {
		fprintf(stderr, "\r%s... %llu", b->what, (unsigned long long)records);
	} else {
		pct = done >= total ? 100 : (int)(done * 100 / total);
		n = pct * 30 / 100;
		for (i = 0; i < 30; i++)
			fill[i] = i < n ? '#' : '.';
		fill[30] = '\0';
		fprintf(stderr, "\r%s %3d%% [%s] %llu", b->what, pct, fill, (unsigned long long)records);
	}
	fflush(stderr);
	b->shown = 1;
	return 0;
}

/* Only counts, for a run that shows no bar. */
static int count_only(uint64_t done, uint64_t total, uint64_t records, void *payload)
{
	struct bar *b = payload;

	(void)done;
	(void)total;
	b->records = records;
	return 0;
}

static void bar_clear(struct bar *b)
{
	if (b->shown)
		fputs("\r\033[K", stderr);
	b->shown = 0;
}

/* --- import ----------------------------------------------------------------- */

static int read_stdin(char *buf, size_t size, size_t *got, void *payload)
{
	(void)payload;
	*got = fread(buf, 1, size, stdin);
	if (*got == 0 && ferror(stdin))
		return iv_error_set(IV_ESTORAGE, "cannot read standard input");
	return 0;
}

/* "Header=field" pairs into a NULL-terminated list of both, for the options. */
static const char **map_pairs(const struct parsed *p, struct args *a, int *rc)
{
	const char **map;
	size_t i, n = 0;
	char *eq;

	map = xmalloc((2 * p->nset + 1) * sizeof(*map));
	for (i = 0; i < p->nset; i++) {
		if (p->set[i].id != O_MAP)
			continue;
		eq = strrchr(p->set[i].val, '=');
		if (!eq || eq == p->set[i].val || !eq[1]) {
			*rc = args_error(a, "--map wants HEADER=FIELD, not '%s'", p->set[i].val);
			break;
		}
		*eq = '\0'; /* argv's own memory: the value is split in place */
		map[n++] = p->set[i].val;
		map[n++] = eq + 1;
	}
	map[n] = NULL;
	return map;
}

static void report_words(const iv_import_report *r, const char *file, const char *format, int dry)
{
	size_t i, n = iv_import_report_skipped(r);

	if (dry)
		out_printf("Dry run of %s (%s): nothing was written. It would add %zu, merge %zu, "
			   "leave %zu unchanged and skip %zu.\n",
			   file, format, iv_import_report_added(r), iv_import_report_merged(r),
			   iv_import_report_unchanged(r), n);
	else
		out_printf("Imported %s (%s): %zu added, %zu merged, %zu unchanged, %zu skipped.\n", file, format,
			   iv_import_report_added(r), iv_import_report_merged(r), iv_import_report_unchanged(r), n);
	for (i = 0; i < n; i++)
		out_printf("  line %llu: skipped: %s\n", (unsigned long long)iv_import_report_skipped_line(r, i),
			   iv_import_report_skipped_reason(r, i));
}

static void report_json(const iv_import_report *r, const char *file, const char *format, int dry)
{
	struct jw j;
	size_t i, n = iv_import_report_skipped(r);

	jw_init(&j, stdout);
	jw_object(&j);
	jw_kstring(&j, "file", file);
	jw_kstring(&j, "format", format);
	jw_kbool(&j, "dry_run", dry);
	jw_kint(&j, "added", (long long)iv_import_report_added(r));
	jw_kint(&j, "merged", (long long)iv_import_report_merged(r));
	jw_kint(&j, "unchanged", (long long)iv_import_report_unchanged(r));
	jw_key(&j, "skipped");
	jw_array(&j);
	for (i = 0; i < n; i++) {
		jw_object(&j);
		jw_kint(&j, "line", (long long)iv_import_report_skipped_line(r, i));
		jw_kstring(&j, "reason", iv_import_report_skipped_reason(r, i));
		jw_object_end(&j);
	}
	jw_array_end(&j);
	jw_object_end(&j);
	jw_finish(&j);
}

int cmd_import(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "dry-run", O_DRY_RUN, 0 }, { "overwrite", O_OVERWRITE, 0 }, { "tag", O_TAG, 1 },
		{ "known", O_KNOWN, 1 }, { "map", O_MAP, 1 }, { "per-row", O_PER_ROW, 0 }, { NULL, 0, 0 },
	};
	iv_import_options io = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *report = NULL;
	struct bar bar = { 0, 0, "Importing" };
	const char **map = NULL, *file;
	struct parsed p;
	struct args a;
	int rc = 0, format, error;

	args_init(&a, ctx, "import", import_help, argc, argv);
	if (args_parse(&a, opts, &p, 2, 2, "FORMAT FILE"))
		return a.status;
	file = p.pos[1];
	if ((format = format_of(&a, p.pos[0], 1)) < 0)
		rc = a.status;
	if (rc == 0 && parsed_option(&p, O_KNOWN))
		rc = args_enum(&a, "known", "known", parsed_option(&p, O_KNOWN), &io.known);
	if (rc == 0) {
		map = map_pairs(&p, &a, &rc);
		io.map = map;
		io.tag = parsed_option(&p, O_TAG);
		io.flags = (parsed_flag(&p, O_DRY_RUN) ? IV_IMPORT_DRY_RUN : 0) |
			   (parsed_flag(&p, O_OVERWRITE) ? IV_IMPORT_OVERWRITE : 0) |
			   (parsed_flag(&p, O_PER_ROW) ? IV_IMPORT_PER_ROW : 0);
		io.progress = isatty(STDERR_FILENO) && !ctx->json ? bar_update : count_only;
		io.payload = &bar;
	}
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0) {
		if (strcmp(file, "-") == 0)
			error = iv_import(&report, ctx->db, format, read_stdin, NULL, &io);
		else
			error = iv_import_file(&report, ctx->db, format, file, &io);
		bar_clear(&bar);
		if (error < 0 && iv_error_code() == IV_EINVALID)
			/* The file is not what the format says: name it. */
			rc = cli_failf("%s: %s", file, iv_error_message());
		else if (error < 0)
			rc = cli_fail();
		else
			rc = cli_commit(ctx);
	}
	if (rc == 0) {
		cli_ids_changed(ctx);
		if (ctx->json)
			report_json(report, file, p.pos[0], parsed_flag(&p, O_DRY_RUN));
		else
			report_words(report, strcmp(file, "-") == 0 ? "standard input" : file, p.pos[0],
				     parsed_flag(&p, O_DRY_RUN));
	}
	iv_import_report_free(report);
	free(map);
	parsed_free(&p);
	return rc;
}

/* --- export ----------------------------------------------------------------- */

static int write_stdout(const char *data, size_t len, void *payload)
{
	(void)payload;
	if (fwrite(data, 1, len, stdout) != len)
		return iv_error_set(IV_ESTORAGE, "cannot write standard output");
	return 0;
}

int cmd_export(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "output", O_OUTPUT, 1 }, { "vcard3", O_VCARD3, 0 }, { "tag", O_TAG, 1 },
		{ "company", O_COMPANY, 1 }, { NULL, 0, 0 },
	};
	iv_export_options eo = IV_EXPORT_OPTIONS_INIT;
	iv_contact_filter cf = IV_CONTACT_FILTER_INIT;
	struct bar bar = { 0, 0, "Exporting" };
	const char *file;
	struct parsed p;
	struct args a;
	int rc = 0, format, error;

	args_init(&a, ctx, "export", export_help, argc, argv);
	if (args_parse(&a, opts, &p, 1, 1, "FORMAT"))
		return a.status;
	file = parsed_option(&p, O_OUTPUT);
	if ((format = format_of(&a, p.pos[0], 0)) < 0)
		rc = a.status;
	if (rc == 0 && parsed_flag(&p, O_VCARD3) && format != IV_FORMAT_VCARD)
		rc = args_error(&a, "--vcard3 is for 'export vcard'");
	if (rc == 0 && parsed_option(&p, O_TAG) && format != IV_FORMAT_VCARD)
		rc = args_error(&a, "--tag is for 'export vcard'");
	if (rc == 0 && parsed_option(&p, O_COMPANY) && format != IV_FORMAT_VCARD && format != IV_FORMAT_DOT)
		rc = args_error(&a, "--company is for 'export vcard' and 'export dot'");
	if (rc == 0) {
		eo.flags = parsed_flag(&p, O_VCARD3) ? IV_EXPORT_VCARD3 : 0;
		cf.tag = parsed_option(&p, O_TAG);
		if (format == IV_FORMAT_VCARD) {
			cf.company = parsed_option(&p, O_COMPANY);
			if (cf.tag || cf.company)
				eo.contacts = &cf;
		} else {
			eo.company = parsed_option(&p, O_COMPANY);
		}
		eo.progress = file && isatty(STDERR_FILENO) ? bar_update : count_only;
		eo.payload = &bar;
	}
	if (rc == 0 && (rc = cli_open(ctx, 0)) == 0) {
		if (file && strcmp(file, "-") != 0)
			error = iv_export_file(ctx->db, format, file, &eo);
		else
			error = iv_export(ctx->db, format, write_stdout, NULL, &eo);
		bar_clear(&bar);
		if (error == 0 && fflush(stdout) != 0)
			error = iv_error_set(IV_ESTORAGE, "cannot write standard output");
		rc = error < 0 ? cli_fail() : CLI_OK;
	}
	if (rc == 0 && file && strcmp(file, "-") != 0 && !ctx->quiet)
		fprintf(stderr, "Wrote %llu record%s to %s.\n", (unsigned long long)bar.records,
			bar.records == 1 ? "" : "s", file);
	parsed_free(&p);
	return rc;
}
