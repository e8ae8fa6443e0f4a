/*
 * What a store keeps for the drafts, in its settings under reserved keys:
 * its own templates and the requests saved for interviews.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "draft_store.h"
#include "template.h"
#include "util.h"

/* --- Templates ------------------------------------------------------------- */

/* "iv.template.<name>": under the reserved prefix, so only these functions (which check it) write it. */
#define KEY_MAX 64

static int template_key(char key[KEY_MAX], int which)
{
	const char *name = iv_enum_name("template", which);

	if (!name)
		return iv__error(IV_EINVALID, "which: %d is not a kind of template", which);
	snprintf(key, KEY_MAX, "iv.template.%s", name);
	return 0;
}

int iv__store_template(char **out, iv_db *db, int which)
{
	char key[KEY_MAX];
	int error;

	*out = NULL;
	if ((error = template_key(key, which)) < 0)
		return error;
	if ((error = db->be->setting_get(out, db->be, key)) == IV_ENOTFOUND) {
		*out = NULL;
		return 0;
	}
	if (error < 0) {
		*out = NULL;
		return iv__error_ensure(error, "reading a template");
	}
	return 0;
}

static int template_set_unguarded(const char *fn, iv_db *db, int which, const char *text)
{
	char key[KEY_MAX];
	int error;

	IV__ARG_OF(fn, db);
	if ((error = template_key(key, which)) < 0)
		return error;
	if (text && !*text)
		text = NULL;
	if (text && (error = iv__template_check(text)) < 0)
		return error;
	/* In a transaction of its own, as every write: a backend's failed write may have written. */
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = db->be->setting_set(db->be, key, text)) < 0)
		error = iv__error_ensure(error, "writing a template");
	return iv__tx_end(db, error);
}

int iv_draft_template_set(iv_db *db, int which, const char *text)
{
	IV__GUARDED(db, "iv_draft_template_set", template_set_unguarded("iv_draft_template_set", db, which, text));
}

int iv_draft_template_clear(iv_db *db, int which)
{
	IV__GUARDED(db, "iv_draft_template_clear", template_set_unguarded("iv_draft_template_clear", db, which, NULL));
}

static int template_get_unguarded(char **out, iv_db *db, int which)
{
	IV__ARG_OF("iv_draft_template_get", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_template_get", db);
	return iv__store_template(out, db, which);
}

int iv_draft_template_get(char **out, iv_db *db, int which)
{
	IV__GUARDED(db, "iv_draft_template_get", template_get_unguarded(out, db, which));
}

/* --- Requests saved for interviews ------------------------------------------ */

/* "iv.draft.request.<interview id>" */
static void request_key(char key[KEY_MAX], const char *id)
{
	snprintf(key, KEY_MAX, "iv.draft.request.%s", id);
}

/* Parses the interview id and checks the interview exists. */
static int existing_interview(char id[IV_ID_LEN + 1], iv_db *db, const char *interview_id)
{
	iv_interview *iv = NULL;
	int error;

	if ((error = iv__parse_id(id, "interview_id", interview_id)) < 0)
		return error;
	error = iv_interview_lookup(&iv, db, id);
	iv_interview_free(iv);
	return error;
}

static int save_request_unguarded(iv_db *db, const char *interview_id, const char *text)
{
	char id[IV_ID_LEN + 1], key[KEY_MAX];
	int error;

	IV__ARG_OF("iv_draft_save_request", db);
	if (text && !*text)
		text = NULL;
	if (text && (error = iv__check_text("text", text, IV_LIMIT_TEXT, 0)) < 0)
		return error;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = existing_interview(id, db, interview_id)) >= 0) {
		request_key(key, id);
		if ((error = db->be->setting_set(db->be, key, text)) < 0)
			error = iv__error_ensure(error, "saving a request");
	}
	return iv__tx_end(db, error);
}

int iv_draft_save_request(iv_db *db, const char *interview_id, const char *text)
{
	IV__GUARDED(db, "iv_draft_save_request", save_request_unguarded(db, interview_id, text));
}

static int saved_request_unguarded(char **out, iv_db *db, const char *interview_id)
{
	char id[IV_ID_LEN + 1], key[KEY_MAX];
	int error;

	IV__ARG_OF("iv_draft_saved_request", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_saved_request", db);
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = existing_interview(id, db, interview_id)) >= 0) {
		request_key(key, id);
		if ((error = db->be->setting_get(out, db->be, key)) == IV_ENOTFOUND)
			error = 0;
		else if (error < 0)
			error = iv__error_ensure(error, "reading a saved request");
		if (error < 0 || (*out && !**out)) {
			iv_free(*out);
			*out = NULL;
		}
	}
	return iv__tx_end(db, error);
}

int iv_draft_saved_request(char **out, iv_db *db, const char *interview_id)
{
	IV__GUARDED(db, "iv_draft_saved_request", saved_request_unguarded(out, db, interview_id));
}

int iv__saved_request_remove(iv_db *db, const char *interview_id)
{
	char key[KEY_MAX];
	int error;

	request_key(key, interview_id);
	if ((error = db->be->setting_set(db->be, key, NULL)) < 0)
		return iv__error_ensure(error, "removing a saved request");
	return 0;
}
