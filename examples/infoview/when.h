/*
 * infoview: reading times as people write them.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_WHEN_H
#define INFOVIEW_WHEN_H

#include <infoview/infoview.h>

/* The forms when_parse() reads, for the commands' --help. */
#define WHEN_HELP \
	"Times (WHEN) are local (TZ is honoured) unless they say otherwise:\n" \
	"  2026-03-05                 that day at midnight (00:00)\n" \
	"  2026-03-05T15:00           that day at 15:00 (a space for the T, seconds,\n" \
	"                             and Z or +01:00 for another offset are fine)\n" \
	"  15:00, 3pm, 3:30pm, 10am   today at that time; also 'noon' (12:00) and\n" \
	"                             'midnight' (00:00, the start of the day)\n" \
	"  now, today, tomorrow, yesterday\n" \
	"                             the last three at midnight, or at a time:\n" \
	"                             'tomorrow 10am', 'tomorrow 15:00'\n" \
	"  monday..sunday, mon..sun   the next such day after today, at midnight\n" \
	"                             or at a time: 'fri 3pm'; 'next fri' is the\n" \
	"                             same day as 'fri'\n" \
	"  in 3 days, in 2 hours      from now; also minutes and weeks\n" \
	"  +30m, +2h, +3d, +1w, -1d   minutes, hours, days or weeks from now\n" \
	"Relative forms count from --now when it is given. A bare number ('10')\n" \
	"is refused as ambiguous; dates are written YYYY-MM-DD.\n"

/* The forms in one line, for the message about a time that cannot be read. */
#define WHEN_FORMS \
	"accepted forms: 2026-03-05, 2026-03-05T15:00, 15:00, 3pm, 3:30pm, noon, midnight, " \
	"now, today, tomorrow 10am, fri 3pm, next fri, in 3 days, in 2 hours, +3d, -2h"

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
