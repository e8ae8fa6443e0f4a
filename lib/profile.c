/*
 * Your profile: the store owner's name, background and what they are
 * exploring, kept in the store's settings under reserved keys.
 */
#include <stdlib.h>

#include "db.h"
#include "util.h"

enum { P_NAME, P_BACKGROUND, P_EXPLORING, P_NFIELDS };

struct iv_profile {
	char *field[P_NFIELDS]; /* NULL when unset */
};

/*
 * The "iv." prefix is refused by iv_db_setting_set(), so callers cannot
 * overwrite the profile behind the setters' checks; that is why these go
 * through the backend directly.
 */
static const char *const keys[P_NFIELDS] = {
	"iv.profile.name", "iv.profile.background", "iv.profile.exploring"
};

int iv_profile_new(iv_profile **out)
{
	IV__ARG(out);
	if (!(*out = calloc(1, sizeof(**out))))
		return iv__oom();
	return 0;
}

void iv_profile_free(iv_profile *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < P_NFIELDS; i++)
		free(p->field[i]);
	free(p);
}

static int read_fields(iv_db *db, iv_profile *p)
{
	size_t i;
	int error;

	for (i = 0; i < P_NFIELDS; i++) {
		error = db->be->setting_get(&p->field[i], db->be, keys[i]);
		if (error == IV_ENOTFOUND) {
			p->field[i] = NULL;
			continue;
		}
		if (error < 0) {
			p->field[i] = NULL;
			return iv__error_ensure(error, "reading the profile");
		}
	}
	return 0;
}

static int profile_get_unguarded(iv_profile **out, iv_db *db)
{
	iv_profile *p = NULL;
	int error;

	IV__ARG_OF("iv_profile_get", out);
	*out = NULL;
	IV__ARG_OF("iv_profile_get", db);
	if ((error = iv_profile_new(&p)) < 0)
		return error;
	/* One snapshot, so that a concurrent iv_profile_set() is seen whole or not at all. */
	if ((error = iv__tx_begin(db)) < 0 ||
	    (error = iv__tx_end(db, read_fields(db, p))) < 0) {
		iv_profile_free(p);
		return error;
	}
	*out = p;
	return 0;
}

int iv_profile_get(iv_profile **out, iv_db *db)
{
	IV__GUARDED(db, "iv_profile_get", profile_get_unguarded(out, db));
}

static int profile_set_unguarded(iv_db *db, const iv_profile *p)
{
	size_t i;
	int error;

	IV__ARG_OF("iv_profile_set", db);
	IV__ARG_OF("iv_profile_set", p);
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	for (i = 0; i < P_NFIELDS && error >= 0; i++)
		if ((error = db->be->setting_set(db->be, keys[i], p->field[i])) < 0)
			error = iv__error_ensure(error, "writing the profile");
	return iv__tx_end(db, error);
}

int iv_profile_set(iv_db *db, const iv_profile *p)
{
	IV__GUARDED(db, "iv_profile_set", profile_set_unguarded(db, p));
}

const char *iv_profile_name(const iv_profile *p)
{
	return p ? p->field[P_NAME] : NULL;
}

int iv_profile_set_name(iv_profile *p, const char *name)
{
	IV__ARG(p);
	return iv__set_text(&p->field[P_NAME], "profile.name", name, IV_LIMIT_SHORT, IV__ONELINE);
}

const char *iv_profile_background(const iv_profile *p)
{
	return p ? p->field[P_BACKGROUND] : NULL;
}

int iv_profile_set_background(iv_profile *p, const char *background)
{
	IV__ARG(p);
	return iv__set_text(&p->field[P_BACKGROUND], "profile.background", background,
			    IV_LIMIT_TEXT, IV__ONELINE);
}

const char *iv_profile_exploring(const iv_profile *p)
{
	return p ? p->field[P_EXPLORING] : NULL;
}

int iv_profile_set_exploring(iv_profile *p, const char *exploring)
{
	IV__ARG(p);
	return iv__set_text(&p->field[P_EXPLORING], "profile.exploring", exploring,
			    IV_LIMIT_TEXT, IV__ONELINE);
}
