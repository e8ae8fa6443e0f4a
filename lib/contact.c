/*
 * Contacts: the record, its setters' rules and its completeness check.
 */
#include <stdlib.h>
#include <string.h>

#include "infoview/sys/backend.h"
#include "records.h"
#include "util.h"


static const struct {
	const char *field;
	size_t max;
	unsigned int flags;
} rules[IV__C_NTEXT] = {
	[IV__C_NAME] = { "contact.name", IV_LIMIT_SHORT, IV__ONELINE | IV__NONBLANK },
	[IV__C_PHONE] = { "contact.phone", IV_LIMIT_SHORT, IV__ONELINE },
	[IV__C_COMPANY] = { "contact.company", IV_LIMIT_SHORT, IV__ONELINE },
	[IV__C_TITLE] = { "contact.title", IV_LIMIT_SHORT, IV__ONELINE },
	[IV__C_LOCATION] = { "contact.location", IV_LIMIT_SHORT, IV__ONELINE },
	[IV__C_URL] = { "contact.url", IV_LIMIT_URL, IV__ONELINE | IV__NOSPACE },
	[IV__C_NOTES] = { "contact.notes", IV_LIMIT_TEXT, 0 },
};

#define TAG_FLAGS (IV__ONELINE | IV__NONBLANK | IV__TRIMMED)
#define EMAIL_FLAGS (IV__ONELINE | IV__NONBLANK | IV__NOSPACE)
#define MAX_CADENCE_DAYS 3650

/* What iv_contact_new() gives: a copy of this. */
static char *no_text[IV__C_NTEXT];
static const iv_contact blank = {
	.text = { no_text, IV__C_NTEXT, IV__C_NTEXT },
	.known = IV_KNOWN_DIRECT,
};

int iv_contact_new(iv_contact **out)
{
	IV__ARG(out);
	return iv_contact_dup(out, &blank);
}

int iv_contact_dup(iv_contact **out, const iv_contact *c)
{
	iv_contact *d;

	IV__ARG(out);
	IV__ARG(c);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *c;
	d->text = d->emails = d->tags = (iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &c->text) < 0 ||
	    iv__strlist_copy(&d->emails, &c->emails) < 0 ||
	    iv__strlist_copy(&d->tags, &c->tags) < 0) {
		iv_contact_free(d);
		return IV_ENOMEM;
	}
	*out = d;
	return 0;
}

void iv_contact_free(iv_contact *c)
{
	if (!c)
		return;
	iv__strlist_free(&c->text);
	iv__strlist_free(&c->emails);
	iv__strlist_free(&c->tags);
	free(c);
}

const char *iv_contact_id(const iv_contact *c)
{
	return c ? c->text.items[IV__C_ID] : NULL;
}

int iv_contact_set_id(iv_contact *c, const char *id)
{
	IV__ARG(c);
	return iv__set_id(&c->text.items[IV__C_ID], "contact.id", id, 1);
}

iv_time iv_contact_created(const iv_contact *c)
{
	return c ? c->created : 0;
}

iv_time iv_contact_updated(const iv_contact *c)
{
	return c ? c->updated : 0;
}

int64_t iv_contact_number(const iv_contact *c)
{
	return c ? c->number : 0;
}

int iv_contact_set_number(iv_contact *c, int64_t number)
{
	IV__ARG(c);
	if (number < 0)
		return iv__error(IV_EINVALID, "contact.number: %lld is negative", (long long)number);
	c->number = number;
	return 0;
}

void iv_contact_set_times(iv_contact *c, iv_time created, iv_time updated)
{
	if (!c)
		return;
	c->created = created;
	c->updated = updated;
}

static int set_text(iv_contact *c, int f, const char *s)
{
	return iv__set_text(&c->text.items[f], rules[f].field, s, rules[f].max, rules[f].flags);
}

const char *iv_contact_name(const iv_contact *c)
{
	return c ? c->text.items[IV__C_NAME] : NULL;
}

int iv_contact_set_name(iv_contact *c, const char *name)
{
	IV__ARG(c);
	return set_text(c, IV__C_NAME, name);
}

const char *iv_contact_phone(const iv_contact *c)
{
	return c ? c->text.items[IV__C_PHONE] : NULL;
}

int iv_contact_set_phone(iv_contact *c, const char *phone)
{
	IV__ARG(c);
	return set_text(c, IV__C_PHONE, phone);
}

const char *iv_contact_company(const iv_contact *c)
{
	return c ? c->text.items[IV__C_COMPANY] : NULL;
}

int iv_contact_set_company(iv_contact *c, const char *company)
{
	IV__ARG(c);
	return set_text(c, IV__C_COMPANY, company);
}

const char *iv_contact_title(const iv_contact *c)
{
	return c ? c->text.items[IV__C_TITLE] : NULL;
}

int iv_contact_set_title(iv_contact *c, const char *title)
{
	IV__ARG(c);
	return set_text(c, IV__C_TITLE, title);
}

const char *iv_contact_location(const iv_contact *c)
{
	return c ? c->text.items[IV__C_LOCATION] : NULL;
}

int iv_contact_set_location(iv_contact *c, const char *location)
{
	IV__ARG(c);
	return set_text(c, IV__C_LOCATION, location);
}

const char *iv_contact_url(const iv_contact *c)
{
	return c ? c->text.items[IV__C_URL] : NULL;
}

int iv_contact_set_url(iv_contact *c, const char *url)
{
	IV__ARG(c);
	return set_text(c, IV__C_URL, url);
}

const char *iv_contact_notes(const iv_contact *c)
{
	return c ? c->text.items[IV__C_NOTES] : NULL;
}

int iv_contact_set_notes(iv_contact *c, const char *notes)
{
	IV__ARG(c);
	return set_text(c, IV__C_NOTES, notes);
}

int iv_contact_known(const iv_contact *c)
{
	return c ? c->known : 0;
}

int iv_contact_set_known(iv_contact *c, int known)
{
	IV__ARG(c);
	int error = iv__check_enum("contact.known", "known", known);

	if (error < 0)
		return error;
	c->known = known;
	return 0;
}

int iv_contact_cadence_days(const iv_contact *c)
{
	return c ? c->cadence_days : 0;
}

int iv_contact_set_cadence_days(iv_contact *c, int days)
{
	IV__ARG(c);
	if (days < 0 || days > MAX_CADENCE_DAYS)
		return iv__error(IV_EINVALID, "contact.cadence_days: %d is not between 0 and %d",
				 days, MAX_CADENCE_DAYS);
	c->cadence_days = days;
	return 0;
}

iv_time iv_contact_last_interaction(const iv_contact *c)
{
	return c ? c->last_interaction : 0;
}

int iv_contact_set_last_interaction(iv_contact *c, iv_time when)
{
	int error;

	IV__ARG(c);
	if ((error = iv__check_time("contact.last_interaction", when)) < 0)
		return error;
	c->last_interaction = when;
	return 0;
}

/*
 * E-mails and tags are both sets kept in the order added, compared ASCII
 * case-insensitively. `s` has been checked.
 */
static int set_add(iv__strlist *l, const char *field, const char *s)
{
	if (iv__strlist_find_nocase(l, s) >= 0)
		return 0;
	if (l->count >= IV_LIMIT_LIST)
		return iv__error(IV_EINVALID, "%s: too many (at most %d)", field, IV_LIMIT_LIST);
	return iv__strlist_insert(l, l->count, s);
}

static int set_remove(iv__strlist *l, const char *field, const char *s)
{
	long i = s ? iv__strlist_find_nocase(l, s) : -1;

	if (i < 0)
		return iv__error(IV_ENOTFOUND, "%s: '%.60s' is not there", field, s ? s : "");
	iv__strlist_remove(l, (size_t)i);
	return 0;
}

static const char *at(const iv__strlist *l, size_t i)
{
	return i < l->count ? l->items[i] : NULL;
}

size_t iv_contact_email_count(const iv_contact *c)
{
	return c ? c->emails.count : 0;
}

const char *iv_contact_email_at(const iv_contact *c, size_t i)
{
	return c ? at(&c->emails, i) : NULL;
}

int iv_contact_add_email(iv_contact *c, const char *email)
{
	IV__ARG(c);
	const char *sign;
	int error;

	if ((error = iv__check_text("contact.email", email ? email : "",
				    IV_LIMIT_SHORT, EMAIL_FLAGS)) < 0)
		return error;
	sign = strchr(email, '@');
	if (!sign || sign == email || !sign[1] || strchr(sign + 1, '@'))
		return iv__error(IV_EINVALID, "contact.email: '%.60s' needs one '@' with text on both sides",
				 email);
	return set_add(&c->emails, "contact.email", email);
}

int iv_contact_remove_email(iv_contact *c, const char *email)
{
	IV__ARG(c);
	return set_remove(&c->emails, "contact.email", email);
}

void iv_contact_clear_emails(iv_contact *c)
{
	if (!c)
		return;
	iv__strlist_free(&c->emails);
}

size_t iv_contact_tag_count(const iv_contact *c)
{
	return c ? c->tags.count : 0;
}

const char *iv_contact_tag_at(const iv_contact *c, size_t i)
{
	return c ? at(&c->tags, i) : NULL;
}

int iv_contact_has_tag(const iv_contact *c, const char *tag)
{
	return c && tag && iv__strlist_find_nocase(&c->tags, tag) >= 0;
}

int iv_contact_add_tag(iv_contact *c, const char *tag)
{
	IV__ARG(c);
	int error = iv__check_text("contact.tag", tag ? tag : "", IV_LIMIT_TAG, TAG_FLAGS);

	if (error < 0)
		return error;
	return set_add(&c->tags, "contact.tag", tag);
}

int iv_contact_remove_tag(iv_contact *c, const char *tag)
{
	IV__ARG(c);
	return set_remove(&c->tags, "contact.tag", tag);
}

void iv_contact_clear_tags(iv_contact *c)
{
	if (!c)
		return;
	iv__strlist_free(&c->tags);
}

int iv__contact_check(const iv_contact *c)
{
	if (!c->text.items[IV__C_NAME])
		return iv__error(IV_EINVALID, "contact.name: is required");
	return 0;
}
