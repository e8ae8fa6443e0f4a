/*
 * vCard import: version 3.0 (RFC 2426) and 4.0 (RFC 6350), and 2.1 files
 * where tolerating them costs nothing (bare parameters, quoted-printable
 * values). Each BEGIN:VCARD .. END:VCARD block becomes one row. The input is
 * read one unfolded line at a time and each card's properties are kept only
 * as far as the contact can hold them, so memory is bounded by the longest
 * line (at most IV_LIMIT_RECORD), not by the file or the card.
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"

/* The TYPE values kept per property, enough to find "pref" or "x-introducer". */
#define TYPES_MAX 160
/* The rank of a property without a preference (PREF is 1 to 100, lower first). */
#define RANK_NONE 1000
/* How much of a line an error message quotes. */
#define SNIP_MAX 40

/* One content line, cut up in place in the line buffer. */
struct prop {
	char *name;             /* without its group ("item1.") */
	char *value;            /* still escaped */
	char types[TYPES_MAX];  /* ",work,pref," in lower case */
	int pref;               /* PREF=n, TYPE=pref (1), or RANK_NONE */
	int qp;                 /* ENCODING=QUOTED-PRINTABLE (2.1) */
	int binary;             /* ENCODING=b or BASE64: never text we use */
	int latin1;             /* CHARSET=ISO-8859-1 (2.1) */
};

struct email {
	char *addr;
	int rank;
};

/* What one card gives, as far as a contact can hold it. */
struct card {
	char *fn, *n, *org, *title, *url, *tel, *location;
	int url_linkedin, tel_rank, location_rank;
	struct email *emails;
	size_t nemails, aemails;
	iv__strlist tags;
	struct iv__rec notes;
	size_t notes_len;  /* what the notes would take, even past what is kept */
	int known;
	char *uid, *introducer;
};

struct vcard_importer {
	struct iv__importer base;
	struct iv__reader *r;
	struct iv__rec line;  /* the current line, unfolded */
	struct iv__rec tmp;   /* a decoded quoted-printable value */
	uint64_t line_no;     /* where the current line starts */
	size_t checked;       /* bytes of `line` known to be valid UTF-8 */
	int first;            /* the first line is next: it may start with a BOM */
	struct card card;
};

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int name_char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* s[0..n) equals the NUL-terminated `word`, ASCII case-insensitively. */
static int word_is(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!word[i] || ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)word[i]))
			return 0;
	return word[n] == '\0';
}

static int starts_with_nocase(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strlen(s) >= n && word_is(s, n, prefix);
}

static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/*
 * The start of a line for a message: at most SNIP_MAX bytes, never cutting
 * a UTF-8 sequence, control characters shown as '?'.
 */
static const char *snip(char out[SNIP_MAX + 4], const char *s)
{
	size_t n = 0, cut;

	while (s[n] && n < SNIP_MAX)
		n++;
	cut = n;
	if (s[n])
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	memcpy(out, s, cut);
	for (n = 0; n < cut; n++)
		if ((unsigned char)out[n] < 0x20 || out[n] == 0x7F)
			out[n] = '?';
	strcpy(out + cut, s[cut] ? "..." : "");
	return out;
}

/* ------------------------------------------------------------------ */
/* Lines                                                                */

/*
 * The length of the UTF-8 sequence at s[0..n): 1 to 4 when it is valid, 0
 * when it is not, -1 when it is cut short but right so far (a line folded
 * in the middle of a character, which RFC 6350 section 3.2 allows).
 */
static int utf8_len(const unsigned char *s, size_t n)
{
	unsigned long cp;
	int len, i;

	if (s[0] == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i == n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/*
 * Checks the bytes of the line not checked yet, naming `line` (the physical
 * line they came from). Unless `last`, a character cut short at the end
 * waits for the next folded piece.
 */
static int check_utf8(struct vcard_importer *v, uint64_t line, int last)
{
	const unsigned char *s = (const unsigned char *)v->line.p;
	size_t i = v->checked, n = v->line.len;
	int len, error;

	while (i < n) {
		if ((len = utf8_len(s + i, n - i)) > 0) {
			i += (size_t)len;
			continue;
		}
		if (len < 0 && !last)
			break;
		if ((error = iv__check_utf8_line(v->line.p + i, n - i, line)) != 0)
			return error;
		return iv__error(IV_EINVALID, "line %llu: invalid UTF-8; save the file as UTF-8",
				 (unsigned long long)line);
	}
	v->checked = i;
	return 0;
}

/*
 * Appends one physical line to v->line without its line break (LF or CRLF);
 * *got is 0 when the input had ended.
 */
static int read_physical(struct vcard_importer *v, int *got)
{
	struct iv__reader *r = v->r;
	int c, error;

	*got = 0;
	while ((c = iv__reader_getc(r)) >= 0) {
		*got = 1;
		if (c == '\n')
			return 0;
		if (c == '\r') {
			int next = iv__reader_peek(r);

			if (next == '\n' || next < 0)
				continue;
		}
		if ((error = iv__rec_putc(&v->line, c, v->line_no)) != 0)
			return error;
	}
	return r->error;
}

/*
 * A 2.1 quoted-printable value ends its physical line with '=' when it goes
 * on: the line so far ends so, and its parameters say QUOTED-PRINTABLE.
 */
static int qp_goes_on(const struct vcard_importer *v)
{
	const char *s = v->line.p, *colon;
	size_t i, n;

	if (v->line.len == 0 || s[v->line.len - 1] != '=' || !(colon = memchr(s, ':', v->line.len)))
		return 0;
	n = (size_t)(colon - s);
	for (i = 0; i + 16 <= n; i++)
		if (word_is(s + i, 16, "QUOTED-PRINTABLE"))
			return 1;
	return 0;
}

/*
 * Reads the next logical line into v->line: physical lines joined where the
 * next one starts with a space or a tab (folding: the line break and that
 * one character go), or where a quoted-printable value goes on. *got is 0
 * at the end of the input.
 */
static int read_line(struct vcard_importer *v, int *got)
{
	struct iv__reader *r = v->r;
	uint64_t phys;
	int c, error, more;

	iv__rec_clear(&v->line);
	v->checked = 0;
	v->line_no = phys = r->line;
	if ((error = read_physical(v, got)) != 0 || !*got)
		return error;
	if (v->first) {
		v->first = 0;
		if (v->line.len >= 3 && memcmp(v->line.p, "\xEF\xBB\xBF", 3) == 0) {
			memmove(v->line.p, v->line.p + 3, v->line.len - 2);
			v->line.len -= 3;
		}
	}
	for (;;) {
		c = iv__reader_peek(r);
		if (qp_goes_on(v)) {
			v->line.p[--v->line.len] = '\0';
		} else if (c == ' ' || c == '\t') {
			iv__reader_getc(r);
		} else {
			break;
		}
		if ((error = check_utf8(v, phys, 0)) != 0)
			return error;
		phys = r->line;
		if ((error = read_physical(v, &more)) != 0)
			return error;
		if (!more)
			break;
	}
	if (r->error)
		return r->error;
	/* an empty line has no buffer yet: give it one, so that it reads as "" */
	if (!v->line.p && (error = iv__rec_put(&v->line, "", 0, v->line_no)) != 0)
		return error;
	return check_utf8(v, phys, 1);
}

static int blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* ------------------------------------------------------------------ */
/* Properties                                                           */

/*
 * Adds TYPE values (lower case) to p->types, as far as they fit: one, or a
 * comma-separated list that was quoted ("work,pref").
 */
static void add_type(struct prop *p, const char *s, size_t n)
{
	size_t len = strlen(p->types), i, start = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != ',')
			continue;
		if (word_is(s + start, i - start, "pref") && p->pref > 1)
			p->pref = 1;
		start = i + 1;
	}
	if (len == 0)
		p->types[len++] = ',';
	if (len + n + 2 > sizeof(p->types))
		return;
	for (i = 0; i < n; i++)
		p->types[len++] = (char)ascii_lower((unsigned char)s[i]);
	p->types[len++] = ',';
	p->types[len] = '\0';
}

static int has_type(const struct prop *p, const char *type)
{
	char want[TYPES_MAX];

	snprintf(want, sizeof(want), ",%s,", type);
	return strstr(p->types, want) != NULL;
}

/* One value of parameter `pn` (`pnlen` bytes), or a bare value (pn NULL). */
static void param_value(struct prop *p, const char *pn, size_t pnlen, const char *s, size_t n)
{
	if (!pn || word_is(pn, pnlen, "TYPE")) {
		/* 2.1 and 3.0 write TYPE values bare (TEL;WORK;VOICE), 2.1 the encoding too. */
		if (!pn && word_is(s, n, "QUOTED-PRINTABLE"))
			p->qp = 1;
		else if (!pn && word_is(s, n, "BASE64"))
			p->binary = 1;
		else
			add_type(p, s, n);
	} else if (word_is(pn, pnlen, "PREF")) {
		int pref = 0;
		size_t i;

		for (i = 0; i < n && i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
			pref = pref * 10 + (s[i] - '0');
		if (i == n && pref >= 1 && pref < p->pref)
			p->pref = pref;
	} else if (word_is(pn, pnlen, "ENCODING")) {
		if (word_is(s, n, "QUOTED-PRINTABLE"))
			p->qp = 1;
		else if (word_is(s, n, "b") || word_is(s, n, "BASE64"))
			p->binary = 1;
	} else if (word_is(pn, pnlen, "CHARSET")) {
		p->latin1 = word_is(s, n, "ISO-8859-1") || word_is(s, n, "LATIN1") ||
			    word_is(s, n, "WINDOWS-1252");
	}
}

/*
 * Reads one parameter at s (just after its ';'): NAME=value,value or
 * NAME="value" or, in 2.1 and 3.0, a bare value. Returns where it ends (at
 * ';' or ':'), or NULL when it is malformed.
 */
static char *parse_param(char *s, struct prop *p)
{
	char *pn = s, *val;
	size_t pnlen;

	while (name_char((unsigned char)*s))
		s++;
	if ((pnlen = (size_t)(s - pn)) == 0)
		return NULL;
	if (*s != '=') {
		param_value(p, NULL, 0, pn, pnlen);
		return s;
	}
	s++;
	for (;;) {
		if (*s == '"') {
			val = ++s;
			while (*s && *s != '"')
				s++;
			if (!*s)
				return NULL;
			/* a quoted list ("work,voice") is one string of values */
			param_value(p, pn, pnlen, val, (size_t)(s - val));
			s++;
		} else {
			val = s;
			while (*s && *s != ',' && *s != ';' && *s != ':')
				s++;
			param_value(p, pn, pnlen, val, (size_t)(s - val));
		}
		if (*s != ',')
			return s;
		s++;
	}
}

/*
 * Cuts a content line ([group.]NAME *(;param) : value) up in place. Returns
 * 0, or -1 when it is not one.
 */
static int parse_prop(char *s, struct prop *p)
{
	char *name;

	memset(p, 0, sizeof(*p));
	p->pref = RANK_NONE;
	for (;;) {
		name = s;
		while (name_char((unsigned char)*s))
			s++;
		if (s == name)
			return -1;
		if (*s != '.')
			break;
		s++;  /* that was a group (item1.EMAIL): the name follows */
	}
	while (*s == ';') {
		*s = '\0';
		if (!(s = parse_param(s + 1, p)))
			return -1;
	}
	if (*s != ':')
		return -1;
	*s = '\0';
	p->name = name;
	p->value = s + 1;
	return 0;
}

/*
 * Cuts escaped text at *s at the first `sep` not escaped by a backslash:
 * returns the part (NUL-terminated, still escaped) and moves *s past the
 * separator, or to NULL after the last part.
 */
static char *cut(char **s, char sep)
{
	char *start = *s, *p = start;

	if (!start)
		return NULL;
	while (*p && *p != sep) {
		if (*p == '\\' && p[1])
			p++;
		p++;
	}
	if (*p) {
		*p = '\0';
		*s = p + 1;
	} else {
		*s = NULL;
	}
	return start;
}

/*
 * Undoes the text escapes in place: \n and \N (a line break), \, \; \\ and
 * \: (which some 3.0 writers put in URLs). Any other backslash stays, as a
 * Windows path in a note would.
 */
static char *unescape(char *s)
{
	char *in = s, *out = s;

	while (*in) {
		if (in[0] == '\\' && in[1]) {
			char c = in[1];

			if (c == 'n' || c == 'N') {
				*out++ = '\n';
				in += 2;
				continue;
			}
			if (c == ',' || c == ';' || c == '\\' || c == ':') {
				*out++ = c;
				in += 2;
				continue;
			}
		}
		*out++ = *in++;
	}
	*out = '\0';
	return s;
}

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int tmp_putc(struct vcard_importer *v, int c)
{
	return iv__rec_putc(&v->tmp, c, v->line_no);
}

/*
 * A 2.1 value as UTF-8 text: quoted-printable decoded, Latin-1 converted,
 * checked (a NUL or invalid UTF-8 fails, naming the line). Returns it in
 * v->tmp through *out.
 */
static int decode_21(struct vcard_importer *v, const struct prop *p, char **out)
{
	const char *s = p->value;
	int error = 0, hi, lo, c;

	iv__rec_clear(&v->tmp);
	while (*s && !error) {
		c = (unsigned char)*s++;
		if (p->qp && c == '=' && (hi = hex_digit((unsigned char)s[0])) >= 0 &&
		    (lo = hex_digit((unsigned char)s[1])) >= 0) {
			c = hi * 16 + lo;
			s += 2;
		}
		if (p->latin1 && c >= 0x80) {
			if ((error = tmp_putc(v, 0xC0 | (c >> 6))) == 0)
				error = tmp_putc(v, 0x80 | (c & 0x3F));
		} else if (c == 0) {
			return iv__error(IV_EINVALID, "line %llu: a NUL byte: this is binary data, not text",
					 (unsigned long long)v->line_no);
		} else {
			error = tmp_putc(v, c);
		}
	}
	if (error)
		return error;
	if ((error = tmp_putc(v, 0)) != 0)
		return error;
	if ((error = iv__check_utf8_line(v->tmp.p, v->tmp.len - 1, v->line_no)) != 0)
		return error;
	*out = v->tmp.p;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Cards                                                                */

static void card_clear(struct card *c)
{
	size_t i;

	free(c->fn);
	free(c->n);
	free(c->org);
	free(c->title);
	free(c->url);
	free(c->tel);
	free(c->location);
	free(c->uid);
	free(c->introducer);
	for (i = 0; i < c->nemails; i++)
		free(c->emails[i].addr);
	free(c->emails);
	iv__strlist_free(&c->tags);
	iv__rec_free(&c->notes);
	memset(c, 0, sizeof(*c));
}

/* Replaces *dst with a copy of s. */
static int keep(char **dst, const char *s)
{
	char *copy = iv__strdup(s);

	if (!copy)
		return IV_ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

/* The first non-empty value wins. */
static int keep_first(char **dst, char *s)
{
	s = trim(unescape(s));
	return *dst || !*s ? 0 : keep(dst, s);
}

static int add_email(struct card *c, char *s, int rank)
{
	size_t i;

	s = trim(unescape(s));
	if (starts_with_nocase(s, "mailto:"))
		s += 7;
	if (!*s)
		return 0;
	for (i = 0; i < c->nemails; i++)
		if (iv__ascii_casecmp(c->emails[i].addr, s) == 0)
			return 0;
	/* one more than a contact holds, so that its setter refuses them in words */
	if (c->nemails > IV_LIMIT_LIST)
		return 0;
	if (c->nemails == c->aemails) {
		size_t n = c->aemails ? c->aemails * 2 : 4;
		struct email *e = realloc(c->emails, n * sizeof(*e));

		if (!e)
			return iv__oom();
		c->emails = e;
		c->aemails = n;
	}
	if (!(c->emails[c->nemails].addr = iv__strdup(s)))
		return IV_ENOMEM;
	c->emails[c->nemails++].rank = rank;
	return 0;
}

static int add_tags(struct card *c, char *s)
{
	char *tag;
	int error;

	while ((tag = cut(&s, ',')) != NULL) {
		tag = trim(unescape(tag));
		if (!*tag || iv__strlist_find_nocase(&c->tags, tag) >= 0 || c->tags.count > IV_LIMIT_LIST)
			continue;
		if ((error = iv__strlist_insert(&c->tags, c->tags.count, tag)) < 0)
			return error;
	}
	return 0;
}

static int add_note(struct card *c, char *s, uint64_t line)
{
	size_t n;
	int error;

	s = unescape(s);
	if (blank(s))
		return 0;
	n = strlen(s);
	if (c->notes_len > 0)
		c->notes_len += 2;
	c->notes_len += n;
	/* past what a contact holds, only the length is counted, for the message */
	if (c->notes_len > IV_LIMIT_TEXT)
		return 0;
	if (c->notes.len > 0 && (error = iv__rec_put(&c->notes, "\n\n", 2, line)) != 0)
		return error;
	return iv__rec_put(&c->notes, s, n, line);
}

/* N: family;given;additional;prefixes;suffixes, read as "given additional family". */
static int name_from_n(struct card *c, char *s)
{
	char *part[3] = { NULL, NULL, NULL }, name[4 * IV_LIMIT_SHORT], *word;
	static const int order[3] = { 1, 2, 0 };
	size_t len = 0, n;
	int i;

	if (c->n)
		return 0;
	for (i = 0; i < 3; i++)
		part[i] = cut(&s, ';');
	for (i = 0; i < 3; i++) {
		char *list = part[order[i]];

		/* each part may be a list (additional names: Philip,Paul) */
		while ((word = cut(&list, ',')) != NULL) {
			word = trim(unescape(word));
			n = strlen(word);
			if (!n || len + n + 2 > sizeof(name))
				continue;
			if (len)
				name[len++] = ' ';
			memcpy(name + len, word, n);
			len += n;
		}
	}
	name[len] = '\0';
	return len ? keep(&c->n, name) : 0;
}

/* ADR: box;extended;street;locality;region;code;country: "locality, region, country". */
static int location_from_adr(struct card *c, char *s, int rank)
{
	char *part[7], where[4 * IV_LIMIT_SHORT];
	size_t len = 0, n;
	int i;

	if (c->location && rank >= c->location_rank)
		return 0;
	for (i = 0; i < 7; i++)
		part[i] = cut(&s, ';');
	for (i = 3; i < 7; i++) {
		if (i == 5 || !part[i])
			continue;  /* the postal code says little about where someone is */
		part[i] = trim(unescape(part[i]));
		n = strlen(part[i]);
		if (!n || len + n + 3 > sizeof(where))
			continue;
		if (len) {
			memcpy(where + len, ", ", 2);
			len += 2;
		}
		memcpy(where + len, part[i], n);
		len += n;
	}
	where[len] = '\0';
	if (!len)
		return 0;
	c->location_rank = rank;
	return keep(&c->location, where);
}

static int set_tel(struct card *c, char *s, int rank)
{
	s = trim(unescape(s));
	if (starts_with_nocase(s, "tel:"))
		s += 4;
	if (!*s || (c->tel && rank >= c->tel_rank))
		return 0;
	c->tel_rank = rank;
	return keep(&c->tel, s);
}

static int set_url(struct card *c, char *s)
{
	int linkedin;

	s = trim(unescape(s));
	if (!*s)
		return 0;
	/* a profile URL is what the model holds: LinkedIn's when there is one */
	linkedin = strstr(s, "linkedin.com") != NULL;
	if (c->url && (c->url_linkedin || !linkedin))
		return 0;
	c->url_linkedin = linkedin;
	return keep(&c->url, s);
}

/* RELATED (4.0) or X-INFOVIEW-INTRODUCED-BY (3.0): "urn:uuid:<id>" of an introducer. */
static int set_introducer(struct card *c, char *s)
{
	s = trim(s);
	if (c->introducer || !starts_with_nocase(s, "urn:uuid:"))
		return 0;
	return keep(&c->introducer, s);
}

static int set_known(struct card *c, char *s)
{
	int known;

	s = trim(unescape(s));
	if (iv_enum_value(&known, "known", s) == 0)
		c->known = known;
	return 0;
}

static int check_version(struct iv__row *row, char *s)
{
	char shown[SNIP_MAX + 4];

	s = trim(s);
	if (strcmp(s, "2.1") == 0 || strcmp(s, "3.0") == 0 || strcmp(s, "4.0") == 0)
		return 0;
	return iv__row_skip(row, "vCard version '%s' is not supported (2.1, 3.0 and 4.0 are)", snip(shown, s));
}

/* Properties the contact holds; every other one (PHOTO, LOGO, KEY, X-...) is passed over. */
enum { P_FN, P_N, P_EMAIL, P_TEL, P_ORG, P_TITLE, P_URL, P_NOTE, P_CATEGORIES, P_UID, P_ADR,
       P_RELATED, P_INTRODUCED_BY, P_KNOWN, P_VERSION, P_KIND, P_APPLE_KIND, P_NONE };

static const char *const prop_names[P_NONE] = {
	[P_FN] = "FN", [P_N] = "N", [P_EMAIL] = "EMAIL", [P_TEL] = "TEL", [P_ORG] = "ORG",
	[P_TITLE] = "TITLE", [P_URL] = "URL", [P_NOTE] = "NOTE", [P_CATEGORIES] = "CATEGORIES",
	[P_UID] = "UID", [P_ADR] = "ADR", [P_RELATED] = "RELATED",
	[P_INTRODUCED_BY] = "X-INFOVIEW-INTRODUCED-BY", [P_KNOWN] = "X-INFOVIEW-KNOWN",
	[P_VERSION] = "VERSION", [P_KIND] = "KIND", [P_APPLE_KIND] = "X-ADDRESSBOOKSERVER-KIND",
};

static int prop_kind(const char *name)
{
	int i;

	for (i = 0; i < P_NONE; i++)
		if (iv__ascii_casecmp(name, prop_names[i]) == 0)
			return i;
	return P_NONE;
}

static int take_prop(struct vcard_importer *v, struct iv__row *row, struct prop *p)
{
	struct card *c = &v->card;
	int kind = prop_kind(p->name), error;
	char *s = p->value;

	if (kind == P_NONE || p->binary)
		return 0;
	if ((p->qp || p->latin1) && (error = decode_21(v, p, &s)) != 0)
		return error;
	switch (kind) {
	case P_FN:
		return keep_first(&c->fn, s);
	case P_N:
		return name_from_n(c, s);
	case P_EMAIL:
		return add_email(c, s, p->pref);
	case P_TEL:
		return set_tel(c, s, p->pref);
	case P_ORG:
		return keep_first(&c->org, cut(&s, ';'));
	case P_TITLE:
		return keep_first(&c->title, s);
	case P_URL:
		return set_url(c, s);
	case P_NOTE:
		return add_note(c, s, v->line_no);
	case P_CATEGORIES:
		return add_tags(c, s);
	case P_UID:
		return keep_first(&c->uid, s);
	case P_ADR:
		return location_from_adr(c, s, p->pref);
	case P_RELATED:
		return has_type(p, "x-introducer") ? set_introducer(c, s) : 0;
	case P_INTRODUCED_BY:
		return set_introducer(c, s);
	case P_KNOWN:
		return set_known(c, s);
	case P_VERSION:
		return check_version(row, s);
	case P_KIND:
	case P_APPLE_KIND:
		/* a group card (4.0 KIND, Apple's 3.0 extension) lists members: it is nobody */
		if (iv__ascii_casecmp(trim(s), "group") == 0)
			return iv__row_skip(row, "a group of contacts, not a person");
		return 0;
	}
	return 0;
}

/* Fills the row's contact from the card; a value the contact refuses skips the row. */
static int card_to_row(struct card *c, struct iv__row *row)
{
	iv_contact *ct;
	size_t i;
	int error;

	if (row->skip)
		return 0;
	if (!c->fn && !c->n)
		return iv__row_skip(row, "no name (FN or N)");
	if ((error = iv_contact_new(&row->contact)) < 0)
		return error;
	ct = row->contact;
	if ((error = iv__row_field(row, iv_contact_set_name(ct, c->fn ? c->fn : c->n))) != 0)
		return error;
	/* the preferred first; an insertion sort keeps the file's order among equals */
	for (i = 1; i < c->nemails; i++) {
		struct email e = c->emails[i];
		size_t j = i;

		while (j > 0 && c->emails[j - 1].rank > e.rank) {
			c->emails[j] = c->emails[j - 1];
			j--;
		}
		c->emails[j] = e;
	}
	for (i = 0; i < c->nemails; i++)
		if ((error = iv__row_field(row, iv_contact_add_email(ct, c->emails[i].addr))) != 0)
			return error;
	for (i = 0; i < c->tags.count; i++)
		if ((error = iv__row_field(row, iv_contact_add_tag(ct, c->tags.items[i]))) != 0)
			return error;
	if ((c->tel && (error = iv__row_field(row, iv_contact_set_phone(ct, c->tel))) != 0) ||
	    (c->org && (error = iv__row_field(row, iv_contact_set_company(ct, c->org))) != 0) ||
	    (c->title && (error = iv__row_field(row, iv_contact_set_title(ct, c->title))) != 0) ||
	    (c->url && (error = iv__row_field(row, iv_contact_set_url(ct, c->url))) != 0) ||
	    (c->location && (error = iv__row_field(row, iv_contact_set_location(ct, c->location))) != 0))
		return error;
	if (c->notes_len > IV_LIMIT_TEXT)
		return iv__row_skip(row, "contact.notes: too long (%zu bytes; at most %d)", c->notes_len,
				    IV_LIMIT_TEXT);
	if (c->notes.len && (error = iv__row_field(row, iv_contact_set_notes(ct, c->notes.p))) != 0)
		return error;
	if (c->known) {
		row->known = c->known;
		if ((error = iv__row_field(row, iv_contact_set_known(ct, c->known))) != 0)
			return error;
	}
	row->uid = c->uid;
	row->introducer = c->introducer;
	c->uid = c->introducer = NULL;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The importer                                                         */

/* Whether the property is NAME:VCARD (BEGIN:VCARD, END:VCARD). */
static int is_vcard_marker(const struct prop *p, const char *name)
{
	return iv__ascii_casecmp(p->name, name) == 0 && iv__ascii_casecmp(trim(p->value), "VCARD") == 0;
}

/* Reads the card whose BEGIN:VCARD was at row->line, up to its END:VCARD. */
static int read_card(struct vcard_importer *v, struct iv__row *row)
{
	char shown[SNIP_MAX + 4];
	struct prop p;
	int got, error;

	for (;;) {
		if ((error = read_line(v, &got)) != 0)
			return error;
		if (!got)
			return iv__error(IV_EINVALID,
					 "line %llu: the vCard that starts here never ends (no END:VCARD)",
					 (unsigned long long)row->line);
		if (blank(v->line.p))
			continue;  /* 2.1 ends a base64 PHOTO with a blank line */
		snip(shown, v->line.p);
		if (parse_prop(v->line.p, &p) < 0)
			return iv__error(IV_EINVALID,
					 "line %llu: not a vCard property: '%s' (expected a name, ':' and the value)",
					 (unsigned long long)v->line_no, shown);
		if (is_vcard_marker(&p, "END"))
			return card_to_row(&v->card, row);
		if (iv__ascii_casecmp(p.name, "BEGIN") == 0 || iv__ascii_casecmp(p.name, "END") == 0)
			return iv__error(IV_EINVALID,
					 "line %llu: '%s' inside the vCard that starts at line %llu "
					 "(is its END:VCARD missing?)",
					 (unsigned long long)v->line_no, shown, (unsigned long long)row->line);
		if ((error = take_prop(v, row, &p)) != 0)
			return error;
	}
}

static int vcard_next(struct iv__row *row, struct iv__importer *imp)
{
	struct vcard_importer *v = (struct vcard_importer *)imp;
	char shown[SNIP_MAX + 4];
	struct prop p;
	int got, error;

	for (;;) {
		if ((error = read_line(v, &got)) != 0)
			return error;
		if (!got)
			return IV_ITEROVER;
		if (blank(v->line.p))
			continue;
		snip(shown, v->line.p);
		if ((error = parse_prop(v->line.p, &p)) == 0 && is_vcard_marker(&p, "BEGIN"))
			break;
		if (error == 0 && is_vcard_marker(&p, "END"))
			return iv__error(IV_EINVALID, "line %llu: END:VCARD without a BEGIN:VCARD before it",
					 (unsigned long long)v->line_no);
		return iv__error(IV_EINVALID,
				 "line %llu: text outside a vCard: '%s' (a vCard file holds "
				 "BEGIN:VCARD ... END:VCARD blocks)",
				 (unsigned long long)v->line_no, shown);
	}
	row->line = v->line_no;
	card_clear(&v->card);
	error = read_card(v, row);
	card_clear(&v->card);
	return error;
}

static void vcard_free(struct iv__importer *imp)
{
	struct vcard_importer *v = (struct vcard_importer *)imp;

	if (!v)
		return;
	card_clear(&v->card);
	iv__rec_free(&v->line);
	iv__rec_free(&v->tmp);
	free(v);
}

int iv__vcard_importer(struct iv__importer **out, struct iv__reader *r, const iv_import_options *opts)
{
	struct vcard_importer *v;

	(void)opts;  /* import.c applies the options to the rows */
	if (!(v = calloc(1, sizeof(*v))))
		return iv__oom();
	v->base.next = vcard_next;
	v->base.free = vcard_free;
	v->r = r;
	v->first = 1;
	*out = &v->base;
	return 0;
}
