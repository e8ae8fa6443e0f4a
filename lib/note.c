/*
 * Notes: dated entries about a contact, only ever added or deleted, so that
 * no edit of the contact can lose them. Stored by backends of version 2.
 */
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "db.h"
#include "util.h"
#include "workflow.h"

enum { N_ID, N_CONTACT, N_TEXT, N_NTEXT };

struct iv_note {
	int64_t number;
	iv__strlist text; /* N_NTEXT entries, NULL when unset */
	iv_time created, at;
};

static char *no_text[N_NTEXT];
static const iv_note blank = { .text = { no_text, N_NTEXT, N_NTEXT } };

int iv_note_new(iv_note **out)
{
	IV__ARG(out);
	return iv_note_dup(out, &blank);
}

int iv_note_dup(iv_note **out, const iv_note *n)
{
	iv_note *d;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(n);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *n;
	d->text = (iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &n->text) < 0) {
		free(d);
		return IV_ENOMEM;
	}
	*out = d;
	return 0;
}

void iv_note_free(iv_note *n)
{
	if (!n)
		return;
	iv__strlist_free(&n->text);
	free(n);
}

const char *iv_note_id(const iv_note *n)
{
	return n ? n->text.items[N_ID] : NULL;
}

int iv_note_set_id(iv_note *n, const char *id)
{
	IV__ARG(n);
	return iv__set_id(&n->text.items[N_ID], "note.id", id, 1);
}

int64_t iv_note_number(const iv_note *n)
{
	return n ? n->number : 0;
}

int iv_note_set_number(iv_note *n, int64_t number)
{
	IV__ARG(n);
	if (number < 0)
		return iv__error(IV_EINVALID, "note.number: %lld is negative", (long long)number);
	n->number = number;
	return 0;
}

iv_time iv_note_created(const iv_note *n)
{
	return n ? n->created : 0;
}

void iv_note_set_created(iv_note *n, iv_time created)
{
	if (n)
		n->created = created;
}

const char *iv_note_contact(const iv_note *n)
{
	return n ? n->text.items[N_CONTACT] : NULL;
}

int iv_note_set_contact(iv_note *n, const char *contact_id)
{
	IV__ARG(n);
	return iv__set_id(&n->text.items[N_CONTACT], "note.contact", contact_id, 0);
}

iv_time iv_note_at(const iv_note *n)
{
	return n ? n->at : 0;
}

int iv_note_set_at(iv_note *n, iv_time when)
{
	int error;

	IV__ARG(n);
	if ((error = iv__check_time("note.at", when)) < 0)
		return error;
	n->at = when;
	return 0;
}

const char *iv_note_text(const iv_note *n)
{
	return n ? n->text.items[N_TEXT] : NULL;
}

int iv_note_set_text(iv_note *n, const char *text)
{
	IV__ARG(n);
	if (!text || !*text)
		return iv__error(IV_EINVALID, "note.text: a note needs some text");
	return iv__set_text(&n->text.items[N_TEXT], "note.text", text, IV_LIMIT_TEXT, IV__NONBLANK);
}

/* --- Storing -------------------------------------------------------------- */

/* IV_EVERSION unless the store's backend keeps notes. */
static int notes_kept(iv_db *db, const char *fn)
{
	if (db->be->version < 2)
		return iv__error(IV_EVERSION, "%s: this store's backend (version %u) keeps no notes; "
				 "notes need version 2", fn, db->be->version);
	return 0;
}

static int note_insert_unguarded(iv_db *db, iv_note *n)
{
	char id[IV_ID_LEN + 1];
	iv_contact *c = NULL;
	iv_time now, at;
	int64_t number;
	int generated = 0, error;

	IV__ARG_OF("iv_note_insert", db);
	IV__ARG_OF("iv_note_insert", n);
	if ((error = notes_kept(db, "iv_note_insert")) < 0)
		return error;
	if (!iv_note_contact(n))
		return iv__error(IV_EINVALID, "note.contact: a note is about a contact; set one");
	if (!iv_note_text(n))
		return iv__error(IV_EINVALID, "note.text: a note needs some text");
	at = n->at;
	number = n->number;
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = db->be->contact_get(&c, db->be, iv_note_contact(n))) == IV_ENOTFOUND)
		error = iv__error(IV_ENOTFOUND, "note.contact: contact %s not found", iv_note_contact(n));
	else if (error < 0)
		error = iv__error_ensure(error, "reading a contact");
	iv_contact_free(c);
	if (error >= 0 && !iv_note_id(n)) {
		iv__id_generate(id);
		generated = (error = iv_note_set_id(n, id)) >= 0;
	}
	if (error >= 0 && (error = iv__number_next(&n->number, db, "note")) >= 0 &&
	    (error = iv__now(&now, db)) >= 0) {
		n->created = now;
		if (!n->at)
			n->at = now;
		if ((error = db->be->note_insert(db->be, n)) == IV_EEXISTS)
			error = iv__error(IV_EEXISTS, "note %s already exists", iv_note_id(n));
		else if (error < 0)
			error = iv__error_ensure(error, "storing a note");
	}
	if ((error = iv__tx_end(db, error)) < 0) {
		n->created = 0;
		n->at = at;
		n->number = number;
		if (generated)
			iv_note_set_id(n, NULL);
	}
	return error;
}

int iv_note_insert(iv_db *db, iv_note *n)
{
	IV__GUARDED(db, "iv_note_insert", note_insert_unguarded(db, n));
}

static int note_get(iv_note **out, iv_db *db, const char *id)
{
	int error = db->be->note_get(out, db->be, id);

	if (error >= 0)
		return 0;
	iv_note_free(*out);
	*out = NULL;
	if (error == IV_ENOTFOUND)
		return iv__error(IV_ENOTFOUND, "note %s not found", id);
	return iv__error_ensure(error, "reading a note");
}

static int note_lookup_unguarded(iv_note **out, iv_db *db, const char *id)
{
	char buf[IV_ID_LEN + 1];
	int error;

	IV__ARG_OF("iv_note_lookup", out);
	*out = NULL;
	IV__ARG_OF("iv_note_lookup", db);
	IV__ARG_OF("iv_note_lookup", id);
	if ((error = iv__parse_id(buf, "id", id)) < 0 || (error = notes_kept(db, "iv_note_lookup")) < 0)
		return error;
	return note_get(out, db, buf);
}

int iv_note_lookup(iv_note **out, iv_db *db, const char *id)
{
	IV__GUARDED(db, "iv_note_lookup", note_lookup_unguarded(out, db, id));
}

static int note_delete_unguarded(iv_db *db, const char *id)
{
	char buf[IV_ID_LEN + 1];
	iv_note *n = NULL;
	int error;

	IV__ARG_OF("iv_note_delete", db);
	IV__ARG_OF("iv_note_delete", id);
	if ((error = iv__parse_id(buf, "id", id)) < 0 || (error = notes_kept(db, "iv_note_delete")) < 0 ||
	    (error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = note_get(&n, db, buf)) >= 0 && (error = db->be->note_delete(db->be, buf)) < 0)
		error = iv__error_ensure(error, "deleting a note");
	iv_note_free(n);
	return iv__tx_end(db, error);
}

int iv_note_delete(iv_db *db, const char *id)
{
	IV__GUARDED(db, "iv_note_delete", note_delete_unguarded(db, id));
}

int iv__notes_delete_of(iv_db *db, const char *contact_id)
{
	iv_note_filter f = IV_NOTE_FILTER_INIT;
	iv_backend_iter *bi = NULL;
	iv__strlist ids = { NULL, 0, 0 };
	void *r = NULL;
	size_t i;
	int error;

	if (db->be->version < 2)
		return 0;
	f.contact = contact_id;
	if ((error = db->be->note_list(&bi, db->be, &f)) < 0)
		return iv__error_ensure(error, "listing notes");
	/* Collected first, so that deleting does not disturb the iterator. */
	while ((error = bi->next(&r, bi)) == 0) {
		error = iv__strlist_insert(&ids, ids.count, iv_note_id(r));
		iv_note_free(r);
		r = NULL;
		if (error < 0)
			break;
	}
	bi->free(bi);
	if (error == IV_ITEROVER)
		error = 0;
	for (i = 0; error >= 0 && i < ids.count; i++)
		if ((error = db->be->note_delete(db->be, ids.items[i])) < 0)
			error = iv__error_ensure(error, "deleting a note");
	iv__strlist_free(&ids);
	return error < 0 ? iv__error_ensure(error, "deleting notes") : 0;
}

/* --- Listing ---------------------------------------------------------------- */

struct iv_note_iter {
	iv__biter b; /* first */
};

IV__DEFINE_INIT(iv_note_filter_init, iv_note_filter, IV_NOTE_FILTER_INIT, IV__ST_NOTE_FILTER)

static int note_list_unguarded(iv_note_iter **out, iv_db *db, const iv_note_filter *filter)
{
	iv_note_filter f = IV_NOTE_FILTER_INIT;
	char cid[IV_ID_LEN + 1], prefix[IV_ID_LEN + 1];
	iv_backend_iter *bi = NULL;
	void *it = NULL;
	int error;

	IV__ARG_OF("iv_note_list", out);
	*out = NULL;
	IV__ARG_OF("iv_note_list", db);
	if (filter && (error = iv__struct_read(&f, IV__ST_NOTE_FILTER, filter)) < 0)
		return error;
	if ((error = notes_kept(db, "iv_note_list")) < 0)
		return error;
	if (f.contact) {
		if ((error = iv__parse_id(cid, "note_filter.contact", f.contact)) < 0)
			return error;
		f.contact = cid;
	}
	if (f.id_prefix) {
		if ((error = iv__parse_id_prefix(prefix, "note_filter.id_prefix", f.id_prefix)) < 0)
			return error;
		f.id_prefix = prefix;
	}
	if (f.number < 0)
		return iv__error(IV_EINVALID, "note_filter.number: %lld is negative (0 for any)", (long long)f.number);
	/* Two statements: C does not order the evaluation of arguments. */
	error = db->be->note_list(&bi, db->be, &f);
	if ((error = iv__biter_make(&it, sizeof(iv_note_iter), db, bi, error, "note")) == 0)
		*out = it;
	return error;
}

int iv_note_list(iv_note_iter **out, iv_db *db, const iv_note_filter *filter)
{
	IV__GUARDED(db, "iv_note_list", note_list_unguarded(out, db, filter));
}

static void note_free_(void *r)
{
	iv_note_free(r);
}

static int note_iter_next_unguarded(iv_note **out, iv_note_iter *it)
{
	void *r = NULL;
	int error;

	if ((error = iv__biter_next(&r, &it->b, note_free_, "note")) == 0)
		*out = r;
	return error;
}

int iv_note_iter_next(iv_note **out, iv_note_iter *it)
{
	iv_db *db;

	IV__ARG(out);
	*out = NULL;
	IV__ARG(it);
	/* A detached iterator's store is gone: say so without it. */
	db = it->b.live.detached ? NULL : it->b.db;
	if (!db)
		return note_iter_next_unguarded(out, it);
	IV__GUARDED(db, "iv_note_iter_next", note_iter_next_unguarded(out, it));
}

void iv_note_iter_free(iv_note_iter *it)
{
	iv__biter_free(it ? &it->b : NULL);
}

/* --- An interaction with a note ------------------------------------------- */

static int contact_interact_unguarded(iv_note **out, iv_db *db, const char *contact_id, iv_time when,
				      const char *text)
{
	char id[IV_ID_LEN + 1];
	iv_note *n = NULL;
	int error;

	if (out)
		*out = NULL;
	IV__ARG_OF("iv_contact_interact", db);
	IV__ARG_OF("iv_contact_interact", contact_id);
	if ((error = iv__parse_id(id, "contact_id", contact_id)) < 0)
		return error;
	if ((error = iv__check_time("when", when)) < 0)
		return error;
	if (text && !*text)
		text = NULL;
	/* With no place for notes, the text goes where iv_contact_touch() puts it. */
	if (text && db->be->version < 2)
		return iv_contact_touch(db, id, when, text);
	if (text && ((error = iv_note_new(&n)) < 0 || (error = iv_note_set_contact(n, id)) < 0 ||
		     (error = iv_note_set_text(n, text)) < 0)) {
		iv_note_free(n);
		return error;
	}
	if ((error = iv__tx_begin(db)) < 0) {
		iv_note_free(n);
		return error;
	}
	if (!when)
		error = iv__now(&when, db);
	if (error >= 0)
		error = iv__interaction(db, id, when, NULL);
	if (error >= 0 && n && (error = iv_note_set_at(n, when)) >= 0)
		error = note_insert_unguarded(db, n);
	if ((error = iv__tx_end(db, error)) >= 0 && out) {
		*out = n;
		n = NULL;
	}
	iv_note_free(n);
	return error;
}

int iv_contact_interact(iv_note **out, iv_db *db, const char *contact_id, iv_time when, const char *text)
{
	IV__GUARDED(db, "iv_contact_interact", contact_interact_unguarded(out, db, contact_id, when, text));
}
