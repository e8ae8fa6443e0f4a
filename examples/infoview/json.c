/*
 * infoview: JSON output written with jansson, streamed record by record.
 *
 * The document's outer container, and each array directly inside a
 * streamed container, are written as they go; every other value is built
 * as a json_t and dumped when complete (JSON_INDENT(2), keys in the order
 * given). So a listing of 100,000 contacts holds one contact at a time.
 * SPDX-License-Identifier: MIT
 */
#include "json.h"
#include "out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Six significant digits for a real (a search score) are plenty, as before jansson. */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY | JSON_REAL_PRECISION(6))

static void no_memory(void)
{
	fputs("infoview: out of memory\n", stderr);
	exit(CLI_FAIL);
}

static json_t *need(json_t *v)
{
	if (!v)
		no_memory();
	return v;
}

void jw_init(struct jw *j, FILE *f)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
}

void jw_finish(struct jw *j)
{
	fputc('\n', j->f);
	fflush(j->f);
}

static struct jw_frame *top(struct jw *j)
{
	return j->depth > 0 ? &j->frames[j->depth - 1] : NULL;
}

static void indent(struct jw *j, int levels)
{
	fputc('\n', j->f);
	while (levels-- > 0)
		fputs("  ", j->f);
}

/*
 * Writes jansson's text of a value nested `levels` deep: each of its line
 * breaks indented to that level, and the characters a terminal would act
 * on, which jansson leaves as they are, as \u escapes. Outside strings
 * jansson writes only ASCII, so every such character is inside a string.
 */
static void put_dumped(struct jw *j, const char *s, int levels)
{
	const char *run = s;
	uint32_t cp;
	size_t n;

	for (; *s; s += n) {
		unsigned char c = (unsigned char)*s;

		n = 1;
		if (c == '\n') {
			fwrite(run, 1, (size_t)(s - run), j->f);
			indent(j, levels);
			run = s + 1;
		} else if (c >= 0x7F && (n = utf8_decode(s, &cp)) != 0 && out_is_control(cp)) {
			fwrite(run, 1, (size_t)(s - run), j->f);
			fprintf(j->f, "\\u%04x", (unsigned int)cp);
			run = s + n;
		} else if (n == 0) {
			n = 1;
		}
	}
	fwrite(run, 1, (size_t)(s - run), j->f);
}

static void dump(struct jw *j, json_t *v, int levels)
{
	char *text = json_dumps(v, DUMP_FLAGS);

	if (!text)
		no_memory();
	put_dumped(j, text, levels);
	free(text);
}

/* In a streamed container: the separator, the line break and the key, before a value. */
static void stream_prefix(struct jw *j, struct jw_frame *t)
{
	if (!t->empty)
		fputc(',', j->f);
	t->empty = 0;
	indent(j, j->depth);
	if (t->object) {
		json_t *key = need(json_string(t->key ? t->key : ""));

		dump(j, key, 0);
		json_decref(key);
		fputs(": ", j->f);
	}
}

/* Puts a finished value where the document is; takes the reference. */
static void add(struct jw *j, json_t *v)
{
	struct jw_frame *t = top(j);

	if (!t) {
		dump(j, v, 0);
	} else if (!t->node) {
		stream_prefix(j, t);
		dump(j, v, j->depth);
	} else if (t->object) {
		if (json_object_set_new(t->node, t->key ? t->key : "", v) < 0)
			no_memory();
		v = NULL;
	} else {
		if (json_array_append_new(t->node, v) < 0)
			no_memory();
		v = NULL;
	}
	json_decref(v);
	if (t) {
		free(t->key);
		t->key = NULL;
	}
}

static void open_container(struct jw *j, int object)
{
	struct jw_frame *t = top(j), *f;
	/* The document's container and arrays directly in a streamed one stream. */
	int stream = !t || (!t->node && !object);

	if (j->depth == JW_MAX_DEPTH) {
		fputs("infoview: JSON nested too deeply\n", stderr);
		exit(CLI_FAIL);
	}
	if (stream && t)
		stream_prefix(j, t);
	f = &j->frames[j->depth++];
	memset(f, 0, sizeof(*f));
	f->object = object;
	f->empty = 1;
	if (stream)
		fputc(object ? '{' : '[', j->f);
	else
		f->node = need(object ? json_object() : json_array());
}

static void close_container(struct jw *j)
{
	struct jw_frame *t = top(j);
	json_t *node;

	if (!t)
		return;
	node = t->node;
	free(t->key);
	t->key = NULL;
	j->depth--;
	if (node) {
		add(j, node);
		return;
	}
	if (!t->empty)
		indent(j, j->depth);
	fputc(t->object ? '}' : ']', j->f);
	/* The streamed container was its parent's value: the parent's key is spent. */
	if ((t = top(j)) != NULL) {
		free(t->key);
		t->key = NULL;
	}
}

void jw_object(struct jw *j)
{
	open_container(j, 1);
}

void jw_object_end(struct jw *j)
{
	close_container(j);
}

void jw_array(struct jw *j)
{
	open_container(j, 0);
}

void jw_array_end(struct jw *j)
{
	close_container(j);
}

void jw_key(struct jw *j, const char *key)
{
	struct jw_frame *t = top(j);

	if (!t)
		return;
	free(t->key);
	t->key = xstrdup(key);
}

/* Text that is not UTF-8 (never the library's) with each bad byte as U+FFFD. */
static json_t *string_lossy(const char *s)
{
	char *fixed = xmalloc(3 * strlen(s) + 1), *o = fixed;
	json_t *v;
	uint32_t cp;
	size_t n;

	for (; *s; s += n) {
		if ((n = utf8_decode(s, &cp)) == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			n = 1;
		} else {
			memcpy(o, s, n);
			o += n;
		}
	}
	*o = '\0';
	v = need(json_string(fixed));
	free(fixed);
	return v;
}

void jw_string(struct jw *j, const char *s)
{
	json_t *v;

	if (!s) {
		jw_null(j);
		return;
	}
	v = json_string(s);
	add(j, v ? v : string_lossy(s));
}

void jw_int(struct jw *j, long long v)
{
	add(j, need(json_integer((json_int_t)v)));
}

void jw_double(struct jw *j, double v)
{
	/* JSON has no NaN or infinity. */
	add(j, isfinite(v) ? need(json_real(v)) : json_null());
}

void jw_bool(struct jw *j, int v)
{
	add(j, json_boolean(v));
}

void jw_null(struct jw *j)
{
	add(j, json_null());
}

void jw_time(struct jw *j, iv_time t)
{
	char buf[32];

	if (t == 0) {
		jw_null(j);
		return;
	}
	fmt_iso(buf, sizeof(buf), t);
	jw_string(j, buf);
}

void jw_enum(struct jw *j, const char *type, int value)
{
	jw_string(j, iv_enum_name(type, value));
}

void jw_kstring(struct jw *j, const char *key, const char *s)
{
	jw_key(j, key);
	jw_string(j, s);
}

void jw_kint(struct jw *j, const char *key, long long v)
{
	jw_key(j, key);
	jw_int(j, v);
}

void jw_kbool(struct jw *j, const char *key, int v)
{
	jw_key(j, key);
	jw_bool(j, v);
}

void jw_ktime(struct jw *j, const char *key, iv_time t)
{
	jw_key(j, key);
	jw_time(j, t);
}

void jw_kenum(struct jw *j, const char *key, const char *type, int value)
{
	jw_key(j, key);
	jw_enum(j, type, value);
}
