/*
 * infoview: reading times as people write them.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_WHEN_H
#define INFOVIEW_WHEN_H

#include <infoview/infoview.h>

/* The forms when_parse() reads, for the commands' --help. */
#define WHEN_HELP \
	"Times (WHEN) are local unless they say otherwise:\n" \
	"  2026-03-05                 that day at midnight\n" \
	"  2026-03-05T15:00           that day at 15:00 (a space for the T, seconds,\n" \
	"                             and Z or +01:00 for another offset are fine)\n" \
	"  15:00                      today at 15:00\n" \
	"  now, today, tomorrow, yesterday\n" \
	"                             the last three at midnight, or at a time:\n" \
	"                             'tomorrow 15:00'\n" \
	"  monday..sunday, mon..sun   the next such day after today, at midnight\n" \
	"                             or at a time: 'fri 10:30'\n" \
	"  +30m, +2h, +3d, +1w, -1d   minutes, hours, days or weeks from now\n" \
	"Relative forms count from --now when it is given.\n"

/*
 * Reads `text` as a time; relative forms count from `now`.
 * @return 0, or -1 with a short reason in *why (static text)
 */
int when_parse(iv_time *out, const char *text, iv_time now, const char **why);

/* The local time hh:mm, `days` days after the day of `base`; 0 if there is no such time. */
iv_time when_local(iv_time base, int days, int hh, int mm);

/* The local calendar day of `t` as a day number (days since 1970-01-01). */
long when_local_day(iv_time t);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long when_days_from_civil(long y, int m, int d);

#endif
