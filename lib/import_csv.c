/*
 * The CSV importer: LinkedIn's Connections.csv, Google Contacts' two CSV
 * exports and any CSV with a header row. Columns are recognised by their
 * header (case, spaces, underscores, hyphens and Google's numbers do not
 * matter) or given by the options' map; each record after the header
 * becomes one row for import.c, holding one record in memory at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"

enum field {
	F_UNKNOWN = 0, /* a column nobody recognised: dropped */
	F_IGNORE,
	F_NAME,
	F_FIRST,
	F_MIDDLE,
	F_LAST,
	F_EMAIL,
	F_PHONE,
	F_COMPANY,
	F_TITLE,
	F_LOCATION,
	F_URL,
	F_NOTES,
	F_TAGS,
	F_KNOWN,
	F_CONNECTED,
	F_UID,
	F_COUNT
};

/* What a map may name, as iv_import_options.map documents it. */
static const char *const field_names[F_COUNT] = {
	NULL, "ignore", "name", "first_name", "middle_name", "last_name", "email", "phone",
	"company", "title", "location", "url", "notes", "tags", "known", "connected", "uid"
};

/*
 * Header names as norm_known() leaves them. Google's "E-mail 1 - Value",
 * "Organization 1 - Name" and "Address 1 - City" arrive as "email",
 * "organizationname" and "addresscity"; its "- Type" and "- Label"
 * columns, "Address 1 - Formatted" (several lines) and the rest are not
 * here and are dropped.
 */
static const struct {
	const char *name;
	unsigned char field;
} columns[] = {
	{ "name", F_NAME }, { "fullname", F_NAME }, { "displayname", F_NAME },
	{ "firstname", F_FIRST }, { "givenname", F_FIRST },
	{ "middlename", F_MIDDLE }, { "additionalname", F_MIDDLE },
	{ "lastname", F_LAST }, { "familyname", F_LAST }, { "surname", F_LAST },
	{ "email", F_EMAIL }, { "emailaddress", F_EMAIL }, { "mail", F_EMAIL },
	{ "phone", F_PHONE }, { "phonenumber", F_PHONE }, { "mobile", F_PHONE },
	{ "mobilephone", F_PHONE }, { "cellphone", F_PHONE }, { "telephone", F_PHONE },
	{ "workphone", F_PHONE }, { "homephone", F_PHONE }, { "businessphone", F_PHONE },
	{ "company", F_COMPANY }, { "organization", F_COMPANY }, { "organisation", F_COMPANY },
	{ "organizationname", F_COMPANY }, { "organisationname", F_COMPANY }, { "employer", F_COMPANY },
	{ "title", F_TITLE }, { "position", F_TITLE }, { "jobtitle", F_TITLE }, { "role", F_TITLE },
	{ "organizationtitle", F_TITLE }, { "organisationtitle", F_TITLE },
	{ "location", F_LOCATION }, { "city", F_LOCATION }, { "addresscity", F_LOCATION },
	{ "homecity", F_LOCATION }, { "businesscity", F_LOCATION }, { "locality", F_LOCATION },
	{ "url", F_URL }, { "linkedin", F_URL }, { "linkedinurl", F_URL }, { "profile", F_URL },
	{ "profileurl", F_URL }, { "website", F_URL }, { "webpage", F_URL },
	{ "notes", F_NOTES }, { "note", F_NOTES },
	{ "tags", F_TAGS }, { "tag", F_TAGS }, { "labels", F_TAGS }, { "groupmembership", F_TAGS },
	{ "known", F_KNOWN },
	{ "connected", F_CONNECTED }, { "connectedon", F_CONNECTED },
	{ "uid", F_UID },
};

/* LinkedIn's preamble is three lines; a file without its header in this many records is something else. */
#define LINKEDIN_SEARCH 50

/* A normalised header name longer than this matches nothing. */
#define NORM_MAX 128

struct csv_importer {
	struct iv__importer base;
	struct iv__csv csv;
	size_t ncols;          /* the header's cells */
	unsigned char *fields; /* enum field of each column */
};

/* ------------------------------------------------------------------ */
/* Headers                                                              */

/*
 * Header text for comparing: ASCII lower case without spaces, underscores
 * and hyphens. 0 when it does not fit.
 */
static int norm(char out[NORM_MAX], const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		char ch = *s;

		if (ch == ' ' || ch == '\t' || ch == '_' || ch == '-')
			continue;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (n + 1 == NORM_MAX)
			return 0;
		out[n++] = ch;
	}
	out[n] = '\0';
	return 1;
}

/*
 * As norm(), then without digits and a final "value", so that every one of
 * Google's numbered columns ("E-mail 2 - Value") reads as its kind.
 */
static int norm_known(char out[NORM_MAX], const char *s)
{
	size_t i, n = 0, len;

	if (!norm(out, s))
		return 0;
	for (i = 0; out[i]; i++)
		if (out[i] < '0' || out[i] > '9')
			out[n++] = out[i];
	out[n] = '\0';
	len = strlen("value");
	if (n > len && strcmp(out + n - len, "value") == 0)
		out[n - len] = '\0';
	return 1;
}

static int field_of_name(const char *name)
{
	char a[NORM_MAX], b[NORM_MAX];
	int f;

	if (!norm(a, name))
		return -1;
	for (f = F_IGNORE; f < F_COUNT; f++)
		if (norm(b, field_names[f]) && strcmp(a, b) == 0)
			return f;
	return -1;
}

/* A map must only name fields that exist: a typo would silently drop a column. */
static int check_map(const char *const *map)
{
	for (; map && map[0]; map += 2) {
		if (!map[1])
			return iv__error(IV_EINVALID, "import map: the column '%.60s' is given no field", map[0]);
		if (field_of_name(map[1]) < 0)
			return iv__error(IV_EINVALID,
					 "import map: '%.60s' (for the column '%.60s') is not a field; the fields are "
					 "name, first_name, middle_name, last_name, email, phone, company, title, "
					 "location, url, notes, tags, known, connected, uid and ignore",
					 map[1], map[0]);
	}
	return 0;
}

static int classify(const char *header, const char *const *map)
{
	char h[NORM_MAX], m[NORM_MAX];
	size_t i;

	if (norm(h, header))
		for (; map && map[0]; map += 2)
			if (norm(m, map[0]) && strcmp(h, m) == 0)
				return field_of_name(map[1]);
	if (!norm_known(h, header))
		return F_UNKNOWN;
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		if (strcmp(h, columns[i].name) == 0)
			return columns[i].field;
	return F_UNKNOWN;
}

static int has(const struct csv_importer *imp, int field)
{
	size_t i;

	for (i = 0; i < imp->ncols; i++)
		if (imp->fields[i] == field)
			return 1;
	return 0;
}

/* Takes the record just read as the header: what each column holds. */
static int take_header(struct csv_importer *imp, const char *const *map)
{
	size_t i;

	free(imp->fields);
	imp->ncols = imp->csv.nindexed;
	if (!(imp->fields = calloc(imp->ncols, 1)))
		return iv__oom();
	for (i = 0; i < imp->ncols; i++)
		imp->fields[i] = (unsigned char)classify(iv__csv_cell(&imp->csv, i), map);
	return 0;
}

static int ascii_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if ((*s | 0x20) != (*prefix | 0x20))
			return 0;
	return 1;
}

static int no_header(const struct iv__csv *c, int format, size_t seen)
{
	const char *why = "the file is empty";

	if (format == IV_FORMAT_LINKEDIN && seen)
		why = "no First Name and Last Name columns; is this LinkedIn's Connections.csv?";
	else if (seen)
		why = "the file ends in its Notes: preamble";
	else if (c->r->offset > (c->bom ? 3u : 0u))
		why = "the file has only blank lines";
	return iv__error(IV_EINVALID, "line %llu: no header row (%s)", (unsigned long long)c->r->line, why);
}

/*
 * Finds and reads the header. LinkedIn's is the first record with First
 * Name and Last Name columns (its export puts a "Notes:" preamble before
 * it); the other formats take the first record, after such a preamble
 * when a LinkedIn file is imported as plain CSV.
 */
static int read_header(struct csv_importer *imp, int format, const char *const *map)
{
	struct iv__csv *c = &imp->csv;
	size_t seen = 0;
	int error, preamble = 0;

	for (;;) {
		error = iv__csv_read(c, IV__CSV_MAX_COLUMNS + 1);
		if (error == IV_ITEROVER)
			return no_header(c, format, seen);
		if (error < 0)
			return error;
		if (c->ncells > IV__CSV_MAX_COLUMNS)
			return iv__error(IV_EINVALID, "line %llu: more than %d columns (is this the right file?)",
					 (unsigned long long)c->line, IV__CSV_MAX_COLUMNS);
		if (iv__csv_blank(c)) {
			preamble = 0; /* a blank line ends LinkedIn's preamble */
			continue;
		}
		seen++;
		if ((error = take_header(imp, map)) < 0)
			return error;
		if (format == IV_FORMAT_LINKEDIN) {
			if (has(imp, F_FIRST) && has(imp, F_LAST))
				return 0;
			if (seen == LINKEDIN_SEARCH)
				return iv__error(IV_EINVALID,
						 "line %llu: no header with First Name and Last Name columns in the first "
						 "%d records; is this LinkedIn's Connections.csv?",
						 (unsigned long long)c->line, LINKEDIN_SEARCH);
			continue;
		}
		if (preamble || (seen == 1 && ascii_prefix(iv__csv_cell(c, 0), "notes:"))) {
			preamble = 1;
			continue;
		}
		if (!has(imp, F_NAME) && !has(imp, F_FIRST) && !has(imp, F_MIDDLE) && !has(imp, F_LAST))
			return iv__error(IV_EINVALID, "line %llu: the header has no name column (give one with --map)",
					 (unsigned long long)c->line);
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* Cells                                                                */

static int space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Trims s in place (writing only when there is something to cut). */
static char *trim(char *s)
{
	size_t n;

	while (space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && space(s[n - 1]))
		n--;
	if (s[n])
		s[n] = '\0';
	return s;
}

/*
 * The next item of a list cell, trimmed and not empty, or NULL after the
 * last. Google separates values with " ::: "; `commas` also splits on ','
 * and ';' (e-mails, tags in other files).
 */
static char *next_item(char **cursor, int commas)
{
	char *s, *sep, *c, *item;
	size_t len;

	while ((s = *cursor) != NULL) {
		sep = strstr(s, ":::");
		len = 3;
		if (commas && (c = strpbrk(s, ",;")) != NULL && (!sep || c < sep))
			sep = c, len = 1;
		if (sep) {
			*sep = '\0';
			*cursor = sep + len;
		} else {
			*cursor = NULL;
		}
		if (*(item = trim(s)))
			return item;
	}
	return NULL;
}

/* How many bytes of s to quote in a message: at most max, whole characters. */
static int clip(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return (int)max;
}

/* ------------------------------------------------------------------ */
/* Dates: LinkedIn's "12 Mar 2024", or "2024-03-12"                     */

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return days[m - 1] + (m == 2 && leap(y));
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t epoch_days(int y, int m, int d)
{
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int64_t past = y - 1; /* whole years since 0001-01-01 */

	return past * 365 + past / 4 - past / 100 + past / 400 + before[m - 1] + (m > 2 && leap(y)) +
	       d - 1 - 719162; /* 719162: days from 0001-01-01 to 1970-01-01 */
}

/* Reads 1 to `max` digits; the number, or -1. */
static int digits(const char **s, int max)
{
	int v = 0, n = 0;

	while (n < max && **s >= '0' && **s <= '9')
		v = v * 10 + (*(*s)++ - '0'), n++;
	return n ? v : -1;
}

/* A month's name or its abbreviation ("Mar", "march", "Sept"): 1 to 12, or -1. */
static int month(const char **s)
{
	static const char *const names[12] = { "january", "february", "march", "april", "may", "june",
					       "july", "august", "september", "october", "november",
					       "december" };
	const char *w = *s;
	size_t n = 0, i;
	int m;

	while ((w[n] | 0x20) >= 'a' && (w[n] | 0x20) <= 'z')
		n++;
	for (m = 0; n >= 3 && m < 12; m++) {
		for (i = 0; i < n && names[m][i] && (w[i] | 0x20) == names[m][i]; i++)
			;
		if (i == n)
			break;
	}
	if (n < 3 || m == 12)
		return -1;
	*s += n;
	return m + 1;
}

/* Noon UTC of the date, so that it is the same day in every time zone: 0, or -1. */
static int parse_date(iv_time *out, const char *s)
{
	int y, m, d;

	if ((y = digits(&s, 4)) >= 1000 && *s == '-') { /* 2024-03-12 */
		s++;
		m = digits(&s, 2);
		if (*s++ != '-')
			return -1;
		d = digits(&s, 2);
	} else { /* 12 Mar 2024 */
		d = y;
		while (*s == ' ')
			s++;
		if ((m = month(&s)) < 0)
			return -1;
		while (*s == ' ')
			s++;
		y = digits(&s, 4);
	}
	if (*s || y < 1000 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	*out = (iv_time)(epoch_days(y, m, d) * 86400 + 12 * 3600);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                 */

/* The name: a name column wins; else the given, middle and family names. */
static int set_name(struct iv__row *row, char *const v[F_COUNT])
{
	static const int parts[] = { F_FIRST, F_MIDDLE, F_LAST };
	char *name;
	size_t len = 0, i;
	int error;

	if (v[F_NAME])
		return iv__row_field(row, iv_contact_set_name(row->contact, v[F_NAME]));
	for (i = 0; i < 3; i++)
		if (v[parts[i]])
			len += strlen(v[parts[i]]) + 1;
	if (len == 0)
		return iv__row_skip(row, "no name");
	if (!(name = malloc(len)))
		return iv__oom();
	name[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (!v[parts[i]])
			continue;
		if (name[0])
			strcat(name, " ");
		strcat(name, v[parts[i]]);
	}
	error = iv__row_field(row, iv_contact_set_name(row->contact, name));
	free(name);
	return error;
}

/* The first of several values ("+1 555 ::: +1 666"): one field holds one. */
static char *first_item(char *s)
{
	char *cursor = s, *item = next_item(&cursor, 0);

	return item ? item : s;
}

static int set_text(struct iv__row *row, char *const v[F_COUNT])
{
	iv_contact *c = row->contact;
	int error = 0;

	if (v[F_PHONE] && (error = iv__row_field(row, iv_contact_set_phone(c, first_item(v[F_PHONE])))) < 0)
		return error;
	if (v[F_COMPANY] && (error = iv__row_field(row, iv_contact_set_company(c, v[F_COMPANY]))) < 0)
		return error;
	if (v[F_TITLE] && (error = iv__row_field(row, iv_contact_set_title(c, v[F_TITLE]))) < 0)
		return error;
	if (v[F_LOCATION] && (error = iv__row_field(row, iv_contact_set_location(c, v[F_LOCATION]))) < 0)
		return error;
	if (v[F_URL] && (error = iv__row_field(row, iv_contact_set_url(c, first_item(v[F_URL])))) < 0)
		return error;
	if (v[F_NOTES] && (error = iv__row_field(row, iv_contact_set_notes(c, v[F_NOTES]))) < 0)
		return error;
	return 0;
}

static int set_known_connected_uid(struct iv__row *row, char *const v[F_COUNT])
{
	iv_time when;
	int known;

	if (v[F_KNOWN]) {
		if (iv_enum_value(&known, "known", v[F_KNOWN]) < 0)
			return iv__row_skip(row, "known: '%.*s' is not direct, introduced or cold",
					    clip(v[F_KNOWN], 40), v[F_KNOWN]);
		row->known = known;
	}
	if (v[F_CONNECTED]) {
		if (parse_date(&when, v[F_CONNECTED]) < 0)
			return iv__row_skip(row, "connected: '%.*s' is not a date like 12 Mar 2024 or 2024-03-12",
					    clip(v[F_CONNECTED], 40), v[F_CONNECTED]);
		iv_contact_set_last_interaction(row->contact, when);
	}
	if (v[F_UID] && !(row->uid = iv__strdup(v[F_UID])))
		return IV_ENOMEM;
	return 0;
}

/* Every e-mail address and tag of every such column. */
static int add_lists(struct iv__row *row, struct csv_importer *imp)
{
	char *cursor, *item;
	size_t i;
	int error;

	for (i = 0; i < imp->csv.nindexed && !row->skip; i++) {
		cursor = iv__csv_cell(&imp->csv, i);
		if (imp->fields[i] == F_EMAIL) {
			while (!row->skip && (item = next_item(&cursor, 1)) != NULL)
				if ((error = iv__row_field(row, iv_contact_add_email(row->contact, item))) < 0)
					return error;
		} else if (imp->fields[i] == F_TAGS) {
			/* Google's lists use " ::: " and may hold commas; others use ',' or ';' */
			int commas = strstr(cursor, ":::") == NULL;

			while (!row->skip && (item = next_item(&cursor, commas)) != NULL) {
				if (item[0] == '*' && item[1] == ' ')
					continue; /* Google's own labels: "* myContacts", "* starred" */
				if ((error = iv__row_field(row, iv_contact_add_tag(row->contact, item))) < 0)
					return error;
			}
		}
	}
	return 0;
}

static int fill(struct iv__row *row, struct csv_importer *imp)
{
	char *v[F_COUNT] = { NULL }, *s;
	size_t i;
	int f, error;

	/* One-valued fields take the first column that has a value. */
	for (i = 0; i < imp->csv.nindexed; i++) {
		f = imp->fields[i];
		if (f <= F_IGNORE || f == F_EMAIL || f == F_TAGS || v[f])
			continue;
		if (*(s = trim(iv__csv_cell(&imp->csv, i))))
			v[f] = s;
	}
	if ((error = set_name(row, v)) < 0 || row->skip)
		return error;
	if ((error = set_text(row, v)) < 0 || row->skip)
		return error;
	if ((error = set_known_connected_uid(row, v)) < 0 || row->skip)
		return error;
	return add_lists(row, imp);
}

static int csv_next(struct iv__row *row, struct iv__importer *base)
{
	struct csv_importer *imp = (struct csv_importer *)base;
	int error;

	do {
		if ((error = iv__csv_read(&imp->csv, imp->ncols)) < 0)
			return error;
	} while (iv__csv_blank(&imp->csv));
	row->line = imp->csv.line;
	if ((error = iv_contact_new(&row->contact)) < 0)
		return error;
	/* Empty cells past the header's (a spreadsheet's trailing commas) are nothing. */
	if (imp->csv.ncells > imp->ncols && imp->csv.extra)
		return iv__row_skip(row, "%zu cells where the header has %zu columns", imp->csv.ncells,
				    imp->ncols);
	return fill(row, imp);
}

static void csv_free(struct iv__importer *base)
{
	struct csv_importer *imp = (struct csv_importer *)base;

	if (!imp)
		return;
	iv__csv_free(&imp->csv);
	free(imp->fields);
	free(imp);
}

int iv__csv_importer(struct iv__importer **out, struct iv__reader *r, int format,
		     const iv_import_options *opts)
{
	const char *const *map = opts ? opts->map : NULL;
	struct csv_importer *imp;
	int error;

	*out = NULL;
	if (format != IV_FORMAT_LINKEDIN && format != IV_FORMAT_GOOGLE && format != IV_FORMAT_CSV)
		return iv__error(IV_EINVALID, "import: format %d is not a CSV format", format);
	if ((error = check_map(map)) < 0)
		return error;
	if (!(imp = calloc(1, sizeof(*imp))))
		return iv__oom();
	imp->base.next = csv_next;
	imp->base.free = csv_free;
	iv__csv_init(&imp->csv, r);
	if ((error = read_header(imp, format, map)) < 0) {
		csv_free(&imp->base);
		return error;
	}
	*out = &imp->base;
	return 0;
}
