/*
 * Listing a store's settings, for the backup: straight from a backend of
 * version 3, or, from an older one that cannot list them, the library's own
 * keys it knows of.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "io.h"

/* The library's fixed keys (see profile.c, workflow.c, store.c). */
static const char *const fixed_keys[] = {
	"iv.durability", "iv.number.contact", "iv.number.followup", "iv.number.interview", "iv.number.intro",
	"iv.number.note", "iv.number.target", "iv.profile.background", "iv.profile.exploring", "iv.profile.name",
	"iv.rules.nudge_followup_days", "iv.rules.nudge_other_days", "iv.rules.report_back_days",
	"iv.rules.thank_due", "iv.rules.thank_earliest",
};

static int key_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every key the library may have written, for a backend that cannot list them. */
static int known_keys(iv__strlist *k, iv_db *db)
{
	char key[IV_LIMIT_SHORT];
	const char *name;
	iv_interview_iter *it;
	iv_interview *iv;
	size_t i;
	int error = 0, value;

	for (i = 0; i < sizeof(fixed_keys) / sizeof(fixed_keys[0]) && error == 0; i++)
		error = iv__strlist_insert(k, k->count, fixed_keys[i]);
	for (i = 0; error == 0 && iv_enum_at(&value, &name, "template", i) == 0; i++) {
		snprintf(key, sizeof(key), "iv.template.%s", name);
		error = iv__strlist_insert(k, k->count, key);
	}
	if (error < 0 || (error = iv_interview_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		snprintf(key, sizeof(key), "iv.draft.request.%s", iv_interview_id(iv));
		error = iv__strlist_insert(k, k->count, key);
		iv_interview_free(iv);
		if (error < 0)
			break;
	}
	iv_interview_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int listed_keys(iv__strlist *k, iv_db *db, const char *prefix)
{
	iv_backend_iter *bi = NULL;
	void *key;
	int error;

	if ((error = db->be->setting_list(&bi, db->be, prefix)) < 0)
		return iv__error_ensure(error, "listing settings");
	if (!bi || !bi->next || !bi->free)
		return iv__error(IV_ERROR, "listing settings: the backend returned no iterator");
	if ((error = iv__struct_check(IV__ST_BACKEND_ITER, bi->version)) < 0) {
		bi->free(bi);
		return error;
	}
	while ((error = bi->next(&key, bi)) == 0) {
		error = iv__strlist_insert(k, k->count, key);
		iv_free(key);
		if (error < 0)
			break;
	}
	bi->free(bi);
	return error == IV_ITEROVER ? 0 : iv__error_ensure(error, "listing settings");
}

int iv__settings_each(iv_db *db, const char *prefix,
		      int (*cb)(const char *key, const char *value, void *payload), void *payload)
{
	iv__strlist k = { NULL, 0, 0 };
	size_t i, plen = strlen(prefix);
	char *value;
	int error;

	if (db->be->version >= 3 && db->be->setting_list)
		error = listed_keys(&k, db, prefix);
	else
		error = known_keys(&k, db);
	/* Sorted here too: a backend's order is trusted for nothing. */
	if (error == 0 && k.count > 1)
		qsort(k.items, k.count, sizeof(char *), key_order);
	for (i = 0; error == 0 && i < k.count; i++) {
		if (strncmp(k.items[i], prefix, plen) != 0 || (i > 0 && strcmp(k.items[i], k.items[i - 1]) == 0))
			continue;
		value = NULL;
		if ((error = db->be->setting_get(&value, db->be, k.items[i])) == IV_ENOTFOUND) {
			error = 0;
			continue;
		}
		if (error < 0) {
			error = iv__error_ensure(error, "reading a setting");
			break;
		}
		error = cb(k.items[i], value, payload);
		iv_free(value);
	}
	iv__strlist_free(&k);
	return error;
}
