/*
 * infoview: human output: colour, times with relative hints, aligned tables,
 * details.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_OUT_H
#define INFOVIEW_OUT_H

#include "cli.h"

#include <stddef.h>

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
size_t table_rows(const struct table *t);
/* Prints the heads and rows, each line indented by `indent` spaces. */
void table_print(const struct table *t, const struct cli *ctx, int indent);
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
