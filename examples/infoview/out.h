/*
 * infoview: human output: text made safe for a terminal, colour, times with
 * relative hints, aligned tables, details.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_OUT_H
#define INFOVIEW_OUT_H

#include "cli.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Human output never lets stored or user-given text drive the terminal:
 * control characters a terminal would act on (C0 but for newline and tab in
 * multi-line text, DEL, C1 such as U+009B CSI, and the bidi controls that
 * reorder what follows) are shown as "\x1b" or "\u202e" instead, and bytes
 * that are not UTF-8 as "\xff". A backslash stays itself; --json gives the
 * exact text.
 */
/* The length of the UTF-8 character at `s`, its code point in *cp; 0 if none starts there. */
size_t utf8_decode(const char *s, uint32_t *cp);
/* Whether `cp` is one of the characters shown escaped. */
int out_is_control(uint32_t cp);
/*
 * `s` with those characters escaped, in a new string (free with free());
 * `lines` keeps newlines and tabs, and shows a CRLF line end as a newline.
 */
char *out_safe(const char *s, int lines);
/* printf() to standard output with every character the format produces made safe (lines kept). */
void out_printf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* The same to standard error, one line: newlines and tabs are escaped too. */
void out_eprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
void out_veprintf(const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 0)))
#endif
	;

/* Colours of text; shown only on a terminal and without NO_COLOR. */
enum color { C_NONE, C_BOLD, C_DIM, C_RED, C_GREEN, C_YELLOW, C_CYAN };

/* Whether standard output gets colour: a terminal, and NO_COLOR unset or empty. */
int out_want_color(void);
/* The escape sequence starting / ending `color`, or "" without colour. */
const char *color_on(const struct cli *ctx, int color);
const char *color_off(const struct cli *ctx, int color);

/*
 * A time in local time with a hint relative to `now`: "today 09:00",
 * "tomorrow 15:00", "yesterday 16:00", "Thu 09:00 (in 3 days)",
 * "2026-02-20 10:00 (10 days ago)"; "-" for 0 (unset). Within six days
 * the weekday stands for the date.
 */
void fmt_when(char *buf, size_t n, iv_time t, iv_time now);
/* The same without the hint in parentheses. */
void fmt_when_plain(char *buf, size_t n, iv_time t, iv_time now);
/* A length of time in words, rounded in its largest unit: "3 days", "1 hour", "20 minutes". */
void fmt_duration(char *buf, size_t n, int64_t secs);
/* ISO 8601 in UTC: "2026-03-02T09:00:00Z". */
void fmt_iso(char *buf, size_t n, iv_time t);
/* An enumeration value as users type it: "in-person", "no-response". */
const char *enum_label(char *buf, size_t n, const char *type, int value);

/* A table printed with its columns aligned; cells are copied. */
struct table;
struct table *table_new(size_t ncols, const char *const *heads);
/* Caps a column's width; longer cells are cut with an ellipsis. */
void table_limit(struct table *t, size_t col, size_t width);
void table_row(struct table *t);
/* The next cell of the current row; NULL shows as "-"; newlines become spaces. */
void table_cell(struct table *t, int color, const char *text);
void table_cellf(struct table *t, int color, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/*
 * Streams the table: once `head` rows (a screenful) are added, the column
 * widths are fixed from them and those rows printed with the heads, each
 * line indented by `indent`; every later row is printed as it is complete.
 * A later cell wider than its column widens it from that row on (on a
 * terminal as far as the column's limit and the terminal allow, the cell
 * cut to that). table_print() then prints what is left. Memory stays that
 * of one screenful.
 */
void table_stream(struct table *t, const struct cli *ctx, int indent, size_t head);
/* How many rows were added, printed or not. */
size_t table_rows(const struct table *t);
/* Prints the heads and rows, each line indented by `indent` spaces (a streamed table: the rows left). */
void table_print(struct table *t, const struct cli *ctx, int indent);
void table_free(struct table *t);

/* A section heading, in bold on a terminal. */
void out_heading(const struct cli *ctx, const char *text);
/* "  Label:       value" with the values aligned; nothing when value is NULL. */
void out_field(const struct cli *ctx, const char *label, const char *value);
void out_fieldf(const struct cli *ctx, const char *label, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* A multi-line text under a label, indented. */
void out_text(const struct cli *ctx, const char *label, const char *text);

#endif
