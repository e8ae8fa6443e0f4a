/* Stub until the exporter lands (issue 9). */
#include "io.h"

int iv__dot_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	(void)w;
	(void)db;
	(void)opts;
	return iv__error(IV_EINVALID, "export: this format is not implemented yet");
}
