/*
 * Text checks, ids and string lists shared by the core.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <uuid/uuid.h>

#include "util.h"

void iv_free(void *ptr)
{
	free(ptr);
}

void *iv_malloc(size_t size)
{
	return malloc(size);
}

char *iv_strdup(const char *s)
{
	size_t n;
	char *copy;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if ((copy = malloc(n)) != NULL)
		memcpy(copy, s, n);
	return copy;
}

char *iv__strdup(const char *s)
{
	char *copy;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	copy = malloc(n);
	if (!copy) {
		iv__oom();
		return NULL;
	}
	memcpy(copy, s, n);
	return copy;
}

static int ascii_lower(int ch)
{
	return (ch >= 'A' && ch <= 'Z') ? ch - 'A' + 'a' : ch;
}

int iv__ascii_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (;; x++, y++) {
		int d = ascii_lower(*x) - ascii_lower(*y);
		if (d || !*x)
			return d;
	}
}

/*
 * Returns the length of the UTF-8 sequence starting at s (1 to 4), or 0 if
 * it is malformed: truncated, overlong, a surrogate, or beyond U+10FFFF.
 */
static size_t utf8_sequence(const unsigned char *s)
{
	unsigned int cp;
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	return len;
}

int iv__check_text(const char *field, const char *s, size_t max, unsigned int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	int blank = 1;

	if (len > max)
		return iv__error(IV_EINVALID, "%s: too long (%zu bytes; at most %zu)", field, len, max);
	while (*p) {
		size_t n;

		/* Printable ASCII other than a space, most of any text. */
		if (*p > 0x20 && *p < 0x7F) {
			blank = 0;
			p++;
			continue;
		}
		if (!(n = utf8_sequence(p)))
			return iv__error(IV_EINVALID, "%s: invalid UTF-8 at byte %zu",
					 field, (size_t)(p - (const unsigned char *)s));
		if (n == 1) {
			if (*p < 0x20 || *p == 0x7F) {
				int allowed = !(flags & IV__ONELINE) &&
					(*p == '\t' || *p == '\n' || *p == '\r');
				if (!allowed)
					return iv__error(IV_EINVALID, "%s: control character 0x%02x at byte %zu",
							 field, *p, (size_t)(p - (const unsigned char *)s));
			}
			if (*p == ' ' && (flags & IV__NOSPACE))
				return iv__error(IV_EINVALID, "%s: must not contain spaces", field);
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				blank = 0;
		} else {
			blank = 0;
		}
		p += n;
	}
	if ((flags & IV__NONBLANK) && blank)
		return iv__error(IV_EINVALID, "%s: must not be blank", field);
	if ((flags & IV__TRIMMED) && len && (s[0] == ' ' || s[len - 1] == ' '))
		return iv__error(IV_EINVALID, "%s: must not begin or end with a space", field);
	return 0;
}

int iv__set_text(char **dst, const char *field, const char *s, size_t max, unsigned int flags)
{
	char *copy;
	int error;

	if (!s || !*s) {
		if (flags & IV__NONBLANK)
			return iv__error(IV_EINVALID, "%s: must not be blank", field);
		free(*dst);
		*dst = NULL;
		return 0;
	}
	if ((error = iv__check_text(field, s, max, flags)) < 0)
		return error;
	if (!(copy = iv__strdup(s)))
		return IV_ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

static int hex_digit(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

int iv_id_valid(const char *id)
{
	size_t i;

	if (!id)
		return 0;
	for (i = 0; i < IV_ID_LEN; i++) {
		int dash = (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash ? id[i] != '-' : !hex_digit((unsigned char)id[i]))
			return 0;
	}
	return id[IV_ID_LEN] == '\0';
}

int iv__parse_id(char out[IV_ID_LEN + 1], const char *field, const char *id)
{
	size_t i;

	if (!id || !*id)
		return iv__error(IV_EINVALID, "%s: an id is required", field);
	/* One pass: checked as iv_id_valid() checks, lowered as it goes. */
	for (i = 0; i < IV_ID_LEN; i++) {
		int ch = ascii_lower((unsigned char)id[i]);
		if (i == 8 || i == 13 || i == 18 || i == 23 ? ch != '-'
		    : !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
			return iv__error(IV_EINVALID, "%s: '%.60s' is not a UUID", field, id);
		out[i] = (char)ch;
	}
	if (id[IV_ID_LEN] != '\0')
		return iv__error(IV_EINVALID, "%s: '%.60s' is not a UUID", field, id);
	out[IV_ID_LEN] = '\0';
	return 0;
}

int iv__set_id(char **dst, const char *field, const char *id, int optional)
{
	char buf[IV_ID_LEN + 1];
	char *copy;
	int error;

	if ((!id || !*id) && optional) {
		free(*dst);
		*dst = NULL;
		return 0;
	}
	if ((error = iv__parse_id(buf, field, id)) < 0)
		return error;
	if (!(copy = iv__strdup(buf)))
		return IV_ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

/*
 * The random bits of ids come from the kernel (getrandom) a pool at a time
 * per thread, not 16 bytes per id: libuuid's one system call per id was a
 * sixth of an insert (issue 10). A forked child refills before its first
 * id, so that parent and child never hand out the same bits.
 */
#define RANDOM_POOL 256
#define ID_RANDOM 10 /* bytes 6 to 15 of a UUIDv7; 74 of their bits are random */

static _Thread_local struct {
	unsigned char bytes[RANDOM_POOL];
	size_t pos;
	unsigned long forks; /* fork_count when filled */
} pool = { { 0 }, RANDOM_POOL, 0 };
static atomic_ulong fork_count = 1;
static pthread_once_t fork_once = PTHREAD_ONCE_INIT;

static void forked_child(void)
{
	atomic_fetch_add(&fork_count, 1);
}

static void watch_forks(void)
{
	pthread_atfork(NULL, NULL, forked_child);
}

static void random_bytes(unsigned char *out, size_t n)
{
	unsigned long forks;
	size_t got = 0;
	ssize_t r;

	pthread_once(&fork_once, watch_forks);
	forks = atomic_load(&fork_count);
	if (pool.forks != forks || pool.pos + n > RANDOM_POOL) {
		while (got < RANDOM_POOL && ((r = getrandom(pool.bytes + got, RANDOM_POOL - got, 0)) > 0 || errno == EINTR))
			got += r > 0 ? (size_t)r : 0;
		if (got < RANDOM_POOL) {
			/* No getrandom (an old kernel, a seccomp filter): libuuid finds its own source. */
			uuid_t u;

			uuid_generate_random(u);
			memcpy(out, u, n < sizeof(u) ? n : sizeof(u));
			return;
		}
		pool.pos = 0;
		pool.forks = forks;
	}
	memcpy(out, pool.bytes + pool.pos, n);
	pool.pos += n;
}

void iv__random_bytes(void *out, size_t n)
{
	random_bytes(out, n);
}

/*
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Time-ordered ids keep the store's unique index append-mostly, which the
 * design notes measured as about 40% faster to insert than v4.
 */
void iv__id_generate(char out[IV_ID_LEN + 1])
{
	struct timespec ts;
	unsigned char u[16];
	uint64_t ms;
	int i;

	random_bytes(u + 6, ID_RANDOM);
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
	for (i = 5; i >= 0; i--) {
		u[i] = (unsigned char)(ms & 0xFF);
		ms >>= 8;
	}
	u[6] = (unsigned char)(0x70 | (u[6] & 0x0F));
	u[8] = (unsigned char)(0x80 | (u[8] & 0x3F));
	iv__id_format(out, u);
}

void iv__id_format(char out[IV_ID_LEN + 1], const unsigned char u[16])
{
	static const char digits[] = "0123456789abcdef";
	int i, k;

	for (i = 0, k = 0; k < 16; k++) {
		if (k == 4 || k == 6 || k == 8 || k == 10)
			out[i++] = '-';
		out[i++] = digits[u[k] >> 4];
		out[i++] = digits[u[k] & 0xf];
	}
	out[i] = '\0';
}

void iv__strlist_free(iv__strlist *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->count = l->alloc = 0;
}

static int strlist_reserve(iv__strlist *l, size_t want)
{
	size_t alloc;
	char **items;

	if (want <= l->alloc)
		return 0;
	alloc = l->alloc ? l->alloc * 2 : 4;
	while (alloc < want)
		alloc *= 2;
	if (!(items = realloc(l->items, alloc * sizeof(*items))))
		return iv__oom();
	l->items = items;
	l->alloc = alloc;
	return 0;
}

int iv__strlist_copy(iv__strlist *dst, const iv__strlist *src)
{
	size_t i;

	if (strlist_reserve(dst, src->count) < 0)
		return IV_ENOMEM;
	for (i = 0; i < src->count; i++) {
		if (src->items[i] && !(dst->items[i] = iv__strdup(src->items[i]))) {
			dst->count = i;
			iv__strlist_free(dst);
			return IV_ENOMEM;
		}
		if (!src->items[i])
			dst->items[i] = NULL;
	}
	dst->count = src->count;
	return 0;
}

int iv__strlist_insert(iv__strlist *l, size_t i, const char *s)
{
	char *copy = NULL;

	if (strlist_reserve(l, l->count + 1) < 0)
		return IV_ENOMEM;
	if (s && !(copy = iv__strdup(s)))
		return IV_ENOMEM;
	memmove(&l->items[i + 1], &l->items[i], (l->count - i) * sizeof(char *));
	l->items[i] = copy;
	l->count++;
	return 0;
}

void iv__strlist_remove(iv__strlist *l, size_t i)
{
	free(l->items[i]);
	memmove(&l->items[i], &l->items[i + 1], (l->count - i - 1) * sizeof(char *));
	l->count--;
}

void iv__strlist_move(iv__strlist *l, size_t from, size_t to)
{
	char *item = l->items[from];

	if (from < to)
		memmove(&l->items[from], &l->items[from + 1], (to - from) * sizeof(char *));
	else if (from > to)
		memmove(&l->items[to + 1], &l->items[to], (from - to) * sizeof(char *));
	l->items[to] = item;
}

long iv__strlist_find_nocase(const iv__strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (l->items[i] && iv__ascii_casecmp(l->items[i], s) == 0)
			return (long)i;
	return -1;
}

int iv__check_index(const char *field, size_t i, size_t count)
{
	if (i >= count)
		return iv__error(IV_EINVALID, "%s: index %zu out of range (%zu item%s)",
				 field, i, count, count == 1 ? "" : "s");
	return 0;
}

int iv__check_version(const char *what, unsigned int version, unsigned int current)
{
	if (version == 0 || version > current)
		return iv__error(IV_EVERSION, "%s: version %u is not supported (this library knows 1 to %u)",
				 what, version, current);
	return 0;
}

int iv_limit(const char *name)
{
	static const struct { const char *name; int value; } limits[] = {
		{ "short", IV_LIMIT_SHORT }, { "tag", IV_LIMIT_TAG },
		{ "url", IV_LIMIT_URL }, { "text", IV_LIMIT_TEXT },
		{ "list", IV_LIMIT_LIST }, { "record", IV_LIMIT_RECORD },
	};
	size_t i;

	for (i = 0; name && i < sizeof(limits) / sizeof(limits[0]); i++)
		if (strcmp(limits[i].name, name) == 0)
			return limits[i].value;
	return -1;
}

const char *iv_version(int *major, int *minor, int *patch)
{
	if (major)
		*major = IV_VERSION_MAJOR;
	if (minor)
		*minor = IV_VERSION_MINOR;
	if (patch)
		*patch = IV_VERSION_PATCH;
	return IV_VERSION;
}

int iv_version_number(void)
{
	return IV_VERSION_NUMBER;
}

int iv__parse_id_prefix(char out[IV_ID_LEN + 1], const char *field, const char *p)
{
	size_t i;

	for (i = 0; p[i]; i++) {
		/* ASCII only, whatever the locale: as UUIDs are written. */
		int lower = p[i] >= 'A' && p[i] <= 'F' ? p[i] + ('a' - 'A') : p[i];
		int hyphen = i == 8 || i == 13 || i == 18 || i == 23;
		int hex = (lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f');

		if (i >= IV_ID_LEN || (hyphen ? lower != '-' : !hex))
			return iv__error(IV_EINVALID, "%s: '%.60s' is not the start of a UUID", field, p);
		out[i] = (char)lower;
	}
	if (i == 0)
		return iv__error(IV_EINVALID, "%s: an id prefix needs at least one hex digit", field);
	out[i] = '\0';
	return 0;
}
