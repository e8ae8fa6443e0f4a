/* Stub until the importer lands (issue 9). */
#include "io.h"

int iv__vcard_importer(struct iv__importer **out, struct iv__reader *r, const iv_import_options *opts)
{
	(void)out;
	(void)r;
	(void)opts;
	return iv__error(IV_EINVALID, "import: this format is not implemented yet");
}
