/*
 * infoview: a small streaming JSON writer (one document per command).
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_JSON_H
#define INFOVIEW_JSON_H

#include <infoview/infoview.h>

#include <stdio.h>

#define JSON_MAX_DEPTH 32

/*
 * Writes indented JSON. Values inside an object follow json_key(); the
 * writer puts the commas and newlines. Strings are escaped as RFC 8259
 * requires; the library's strings are valid UTF-8 already.
 */
struct json {
	FILE *f;
	int depth;
	int empty[JSON_MAX_DEPTH]; /* nothing written yet in this container */
	int after_key;
};

void json_init(struct json *j, FILE *f);
/* Ends the document with a newline. */
void json_finish(struct json *j);

void json_object(struct json *j);
void json_object_end(struct json *j);
void json_array(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);

/* NULL writes null. */
void json_string(struct json *j, const char *s);
void json_int(struct json *j, long long v);
void json_double(struct json *j, double v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* ISO 8601 in UTC, or null for 0 (unset). */
void json_time(struct json *j, iv_time t);
/* An enumeration value by its library name ("in_person"), null if unknown. */
void json_enum(struct json *j, const char *type, int value);

/* A key and its value. */
void json_kstring(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, long long v);
void json_kbool(struct json *j, const char *key, int v);
void json_ktime(struct json *j, const char *key, iv_time t);
void json_kenum(struct json *j, const char *key, const char *type, int value);

#endif
