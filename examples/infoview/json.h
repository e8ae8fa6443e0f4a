/*
 * infoview: JSON output (one document per command), written with jansson.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_JSON_H
#define INFOVIEW_JSON_H

#include <infoview/infoview.h>

#include <jansson.h>
#include <stdio.h>

#define JW_MAX_DEPTH 32

/*
 * Writes indented JSON as the calls come. Values inside an object follow
 * jw_key(). (The prefix is not json_: jansson's functions are named so,
 * and a json_object() of this program would also take the calls that the
 * library makes to jansson's.) A listing of any length is written as it goes: the document's
 * outer container, and every array directly inside a container written so,
 * are streamed; any other value (a record: one contact, one agenda item) is
 * built as a jansson value and dumped whole when it is complete, so memory
 * is bounded by the largest record. Strings are escaped by jansson (RFC
 * 8259); characters a terminal would act on (DEL, C1 controls, bidi
 * controls) are written as \u escapes too: parsed, the same string.
 * Text that is not UTF-8 (never the library's) has each bad byte replaced
 * by U+FFFD, so that the document stays JSON.
 */
struct jw_frame {
	json_t *node;  /* the value being built; NULL when streamed */
	char *key;     /* in an object: the key of the next value */
	int object;    /* an object, not an array */
	int empty;     /* streamed: nothing written in it yet */
};

struct jw {
	FILE *f;
	int depth; /* frames open */
	struct jw_frame frames[JW_MAX_DEPTH];
};

void jw_init(struct jw *j, FILE *f);
/* Ends the document with a newline. */
void jw_finish(struct jw *j);

void jw_object(struct jw *j);
void jw_object_end(struct jw *j);
void jw_array(struct jw *j);
void jw_array_end(struct jw *j);
void jw_key(struct jw *j, const char *key);

/* NULL writes null. */
void jw_string(struct jw *j, const char *s);
void jw_int(struct jw *j, long long v);
void jw_double(struct jw *j, double v);
void jw_bool(struct jw *j, int v);
void jw_null(struct jw *j);
/* ISO 8601 in UTC, or null for 0 (unset). */
void jw_time(struct jw *j, iv_time t);
/* An enumeration value by its library name ("in_person"), null if unknown. */
void jw_enum(struct jw *j, const char *type, int value);

/* A key and its value. */
void jw_kstring(struct jw *j, const char *key, const char *s);
void jw_kint(struct jw *j, const char *key, long long v);
void jw_kbool(struct jw *j, const char *key, int v);
void jw_ktime(struct jw *j, const char *key, iv_time t);
void jw_kenum(struct jw *j, const char *key, const char *type, int value);

#endif
