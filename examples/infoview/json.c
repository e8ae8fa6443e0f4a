/*
 * infoview: a small streaming JSON writer (one document per command).
 * SPDX-License-Identifier: MIT
 */
#include "json.h"
#include "out.h"

#include <math.h>

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->empty[0] = 1;
	j->after_key = 0;
}

void json_finish(struct json *j)
{
	fputc('\n', j->f);
	fflush(j->f);
}

static void indent(struct json *j)
{
	int i;

	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Before any value: the separator, unless the value follows its key. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (!j->empty[j->depth])
			fputc(',', j->f);
		indent(j);
	}
	j->empty[j->depth] = 0;
}

static void open_container(struct json *j, char c)
{
	before_value(j);
	fputc(c, j->f);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->empty[j->depth] = 1;
}

static void close_container(struct json *j, char c)
{
	int was_empty = j->empty[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!was_empty)
		indent(j);
	fputc(c, j->f);
}

void json_object(struct json *j)
{
	open_container(j, '{');
}

void json_object_end(struct json *j)
{
	close_container(j, '}');
}

void json_array(struct json *j)
{
	open_container(j, '[');
}

void json_array_end(struct json *j)
{
	close_container(j, ']');
}

static void write_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	fputc('"', f);
	for (; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(f, "\\u%04x", *p);
			} else if (*p >= 0x80 && (n = utf8_decode((const char *)p, &cp)) && out_is_control(cp)) {
				/* Parsed, the same string; printed, nothing a terminal acts on. */
				fprintf(f, "\\u%04x", (unsigned int)cp);
				p += n - 1;
			} else {
				fputc(*p, f);
			}
		}
	}
	fputc('"', f);
}

void json_key(struct json *j, const char *key)
{
	before_value(j);
	write_string(j->f, key);
	fputs(": ", j->f);
	j->after_key = 1;
}

void json_string(struct json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	before_value(j);
	write_string(j->f, s);
}

void json_int(struct json *j, long long v)
{
	before_value(j);
	fprintf(j->f, "%lld", v);
}

void json_double(struct json *j, double v)
{
	before_value(j);
	/* JSON has no NaN or infinity. */
	if (isfinite(v))
		fprintf(j->f, "%.6g", v);
	else
		fputs("null", j->f);
}

void json_bool(struct json *j, int v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j)
{
	before_value(j);
	fputs("null", j->f);
}

void json_time(struct json *j, iv_time t)
{
	char buf[32];

	if (t == 0) {
		json_null(j);
		return;
	}
	fmt_iso(buf, sizeof(buf), t);
	json_string(j, buf);
}

void json_enum(struct json *j, const char *type, int value)
{
	json_string(j, iv_enum_name(type, value));
}

void json_kstring(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kint(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_kbool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}

void json_ktime(struct json *j, const char *key, iv_time t)
{
	json_key(j, key);
	json_time(j, t);
}

void json_kenum(struct json *j, const char *key, const char *type, int value)
{
	json_key(j, key);
	json_enum(j, type, value);
}
