/* Stub until the backup lands (issue 9). */
#include "io.h"

int iv__backup_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	(void)w;
	(void)db;
	(void)opts;
	return iv__error(IV_EINVALID, "export: this format is not implemented yet");
}

int iv__backup_restore(struct iv__import_ctx *ctx, iv_db *db, struct iv__reader *r,
		       iv_import_report *report)
{
	(void)ctx;
	(void)db;
	(void)r;
	(void)report;
	return iv__error(IV_EINVALID, "import: this format is not implemented yet");
}
