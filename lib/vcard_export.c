/*
 * vCard export: one card per contact in the listing's order, version 4.0
 * (RFC 6350) or 3.0 (RFC 2426). Lines end with CRLF and are folded at 75
 * octets between characters, never inside one. Nothing in a card depends
 * on when it was written (no REV), so two exports of one store are the
 * same bytes. The UID is "urn:uuid:<id>", which the importer matches on,
 * and who introduced the contact travels as RELATED (4.0) or
 * X-INFOVIEW-INTRODUCED-BY (3.0, which has no RELATED).
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"

/* RFC 6350 section 3.2 and RFC 2426 section 2.6: lines SHOULD NOT be longer. */
#define FOLD_OCTETS 75

/* One introduction, reduced to what a card says of it. */
struct intro_ref {
	char introduced[IV_ID_LEN + 1];
	char introducer[IV_ID_LEN + 1];
	int made;
	size_t order;  /* in the listing: oldest first */
};

struct vcard_out {
	struct iv__writer *w;
	int v3;
	struct iv__rec line;  /* the content line being built */
	struct intro_ref *intros;
	size_t nintros;
};

static int add(struct vcard_out *o, const char *s)
{
	return iv__rec_put(&o->line, s, strlen(s), 0);
}

/* Starts a content line with its name and parameters ("EMAIL;PREF=1:"). */
static int begin(struct vcard_out *o, const char *head)
{
	iv__rec_clear(&o->line);
	return add(o, head);
}

/* Appends n bytes of text escaped as RFC 6350 section 3.4 and RFC 2426 section 4 say. */
static int add_textn(struct vcard_out *o, const char *s, size_t n)
{
	const char *end = s + n, *esc;
	int error = 0;

	for (; s < end && !error; s++) {
		switch (*s) {
		case '\\':
			esc = "\\\\";
			break;
		case ',':
			esc = "\\,";
			break;
		case ';':
			esc = "\\;";
			break;
		case '\r':
			if (s + 1 < end && s[1] == '\n')
				s++;
			esc = "\\n";
			break;
		case '\n':
			esc = "\\n";
			break;
		default:
			esc = NULL;
			break;
		}
		error = esc ? add(o, esc) : iv__rec_putc(&o->line, *s, 0);
	}
	return error;
}

static int add_text(struct vcard_out *o, const char *s)
{
	return add_textn(o, s, strlen(s));
}

/* Writes the line built, folded: each piece a whole number of UTF-8 characters. */
static int emit(struct vcard_out *o)
{
	const char *s = o->line.p;
	size_t n = o->line.len, pos = 0, room = FOLD_OCTETS, cut;

	while (n - pos > room) {
		cut = pos + room;
		while (cut > pos && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		iv__put(o->w, s + pos, cut - pos);
		iv__put(o->w, "\r\n ", 3);
		pos = cut;
		room = FOLD_OCTETS - 1;  /* the leading space counts */
	}
	iv__put(o->w, s + pos, n - pos);
	return iv__put(o->w, "\r\n", 2);
}

/* A whole line: HEAD then the text, escaped; nothing when the text is empty. */
static int text_line(struct vcard_out *o, const char *head, const char *text)
{
	int error;

	if (!text || !*text)
		return 0;
	if ((error = begin(o, head)) != 0 || (error = add_text(o, text)) != 0)
		return error;
	return emit(o);
}

/*
 * N: family;given;;; taking the last word of the name as the family name,
 * as far as one can tell; a single word is a given name (Madonna).
 */
static int name_line(struct vcard_out *o, const char *name)
{
	const char *end = name + strlen(name), *last, *gend;
	int error;

	while (end > name && end[-1] == ' ')
		end--;
	last = end;
	while (last > name && last[-1] != ' ')
		last--;
	gend = last;
	while (gend > name && gend[-1] == ' ')
		gend--;
	if (gend == name)
		gend = last = end;  /* one word: no family name */
	if ((error = begin(o, "N:")) != 0 || (error = add_textn(o, last, (size_t)(end - last))) != 0 ||
	    (error = add(o, ";")) != 0 || (error = add_textn(o, name, (size_t)(gend - name))) != 0 ||
	    (error = add(o, ";;;")) != 0)
		return error;
	return emit(o);
}

static int email_lines(struct vcard_out *o, const iv_contact *c)
{
	size_t i, n = iv_contact_email_count(c);
	int error;

	for (i = 0; i < n; i++) {
		const char *head;

		if (o->v3)
			head = i == 0 ? "EMAIL;TYPE=INTERNET,pref:" : "EMAIL;TYPE=INTERNET:";
		else
			head = i == 0 ? "EMAIL;PREF=1:" : "EMAIL:";
		if ((error = text_line(o, head, iv_contact_email_at(c, i))) != 0)
			return error;
	}
	return 0;
}

static int categories_line(struct vcard_out *o, const iv_contact *c)
{
	size_t i, n = iv_contact_tag_count(c);
	int error;

	if (n == 0)
		return 0;
	if ((error = begin(o, "CATEGORIES:")) != 0)
		return error;
	for (i = 0; i < n; i++)
		if ((i > 0 && (error = add(o, ",")) != 0) || (error = add_text(o, iv_contact_tag_at(c, i))) != 0)
			return error;
	return emit(o);
}

/*
 * The location as the locality of an address with only that part
 * (";;;Boston\, MA;;;"): what address books show as the city, and what the
 * importer reads back as the location.
 */
static int location_line(struct vcard_out *o, const char *location)
{
	int error;

	if (!location || !*location)
		return 0;
	if ((error = begin(o, "ADR:;;;")) != 0 || (error = add_text(o, location)) != 0 ||
	    (error = add(o, ";;;")) != 0)
		return error;
	return emit(o);
}

/* ------------------------------------------------------------------ */
/* Introductions                                                        */

/* By the person introduced; then made ones first; then the newest first. */
static int intro_cmp(const void *a, const void *b)
{
	const struct intro_ref *x = a, *y = b;
	int c = strcmp(x->introduced, y->introduced);

	if (c)
		return c;
	if (x->made != y->made)
		return x->made ? -1 : 1;
	return x->order < y->order ? 1 : x->order > y->order ? -1 : 0;
}

/*
 * Every introduction but the declined ones, sorted for intro_cmp(): one
 * pass over them, rather than one query per contact, which a backend
 * without an index would answer by reading them all each time.
 */
static int load_intros(struct vcard_out *o, iv_db *db)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t alloc = 0, order = 0;
	int error;

	if ((error = iv_intro_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		int status = iv_intro_status(in);

		if (status != IV_INTRO_DECLINED) {
			struct intro_ref *ref;

			if (o->nintros == alloc) {
				size_t n = alloc ? alloc * 2 : 64;

				if (!(ref = realloc(o->intros, n * sizeof(*ref)))) {
					error = iv__oom();
					break;
				}
				o->intros = ref;
				alloc = n;
			}
			ref = &o->intros[o->nintros++];
			snprintf(ref->introduced, sizeof(ref->introduced), "%s", iv_intro_introduced(in));
			snprintf(ref->introducer, sizeof(ref->introducer), "%s", iv_intro_introducer(in));
			ref->made = status == IV_INTRO_MADE;
			ref->order = order;
		}
		order++;
		iv_intro_free(in);
		in = NULL;
	}
	iv_intro_iter_free(it);
	if (error != IV_ITEROVER)
		return error;
	if (o->nintros > 1)
		qsort(o->intros, o->nintros, sizeof(*o->intros), intro_cmp);
	return 0;
}

/* Who introduced contact `id`, each once, as intro_cmp() orders them. */
static int introducer_lines(struct vcard_out *o, const char *id)
{
	size_t lo = 0, hi = o->nintros, i, j;
	int error;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(o->intros[mid].introduced, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < o->nintros && strcmp(o->intros[i].introduced, id) == 0; i++) {
		for (j = lo; j < i; j++)
			if (strcmp(o->intros[j].introducer, o->intros[i].introducer) == 0)
				break;
		if (j < i)
			continue;
		if ((error = begin(o, o->v3 ? "X-INFOVIEW-INTRODUCED-BY:urn:uuid:"
				   : "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:")) != 0 ||
		    (error = add(o, o->intros[i].introducer)) != 0 || (error = emit(o)) != 0)
			return error;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Cards                                                                */

static int card(struct vcard_out *o, const iv_contact *c)
{
	const char *name = iv_contact_name(c), *known = iv_enum_name("known", iv_contact_known(c));
	int error;

	iv__puts(o->w, "BEGIN:VCARD\r\n");
	iv__puts(o->w, o->v3 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n");
	iv__puts(o->w, "PRODID:-//libinfoview//vCard export//EN\r\n");
	if ((error = begin(o, "UID:urn:uuid:")) != 0 || (error = add(o, iv_contact_id(c))) != 0 ||
	    (error = emit(o)) != 0)
		return error;
	if ((error = text_line(o, "FN:", name)) != 0 || (error = name_line(o, name ? name : "")) != 0 ||
	    (error = email_lines(o, c)) != 0 ||
	    (error = text_line(o, "TEL:", iv_contact_phone(c))) != 0 ||
	    (error = text_line(o, "ORG:", iv_contact_company(c))) != 0 ||
	    (error = text_line(o, "TITLE:", iv_contact_title(c))) != 0 ||
	    (error = text_line(o, "URL:", iv_contact_url(c))) != 0 ||
	    (error = location_line(o, iv_contact_location(c))) != 0 ||
	    (error = text_line(o, "NOTE:", iv_contact_notes(c))) != 0 ||
	    (error = categories_line(o, c)) != 0 ||
	    (error = text_line(o, "X-INFOVIEW-KNOWN:", known)) != 0 ||
	    (error = introducer_lines(o, iv_contact_id(c))) != 0)
		return error;
	return iv__puts(o->w, "END:VCARD\r\n");
}

int iv__vcard_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	struct vcard_out o = { w, (opts->flags & IV_EXPORT_VCARD3) != 0, { NULL, 0, 0 }, NULL, 0 };
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int error;

	if ((error = load_intros(&o, db)) != 0)
		goto done;
	if ((error = iv_contact_list(&it, db, opts->contacts)) < 0)
		goto done;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		error = card(&o, c);
		iv_contact_free(c);
		c = NULL;
		if (error || (error = iv__record_done(w)) != 0)
			break;
	}
	if (error == IV_ITEROVER)
		error = 0;
done:
	iv_contact_iter_free(it);
	iv__rec_free(&o.line);
	free(o.intros);
	return error;
}
