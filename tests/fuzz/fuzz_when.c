/*
 * A libFuzzer harness for the CLI's reading of times (issue 12):
 * examples/infoview/when.c, compiled into the harness. The first byte picks
 * the time zone (POSIX rules, so that no zone files are needed) and the
 * moment relative forms count from, among those the CLI can have (its
 * --now is read by the same parser, so it may be far in the past or past
 * 9999); the rest is the text. Beyond "no crash, no undefined behaviour":
 *
 * - a refusal gives a reason;
 * - a time read is within what the forms can reach: 100000 weeks either
 *   way from `now`, or a date from 1970 to 9999 (local midnight of
 *   1970-01-01 east of UTC is before 0);
 * - a date and time in UTC ("2026-03-05T15:00:00Z") is read exactly.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define WEEK ((iv_time)7 * 86400)

static const char *const zones[] = {
	"UTC0",
	"CET-1CEST,M3.5.0,M10.5.0/3",      /* Paris: DST at 02:00 */
	"NST3:30NDT,M3.2.0,M11.1.0",       /* St John's: half hours */
	"LHST-10:30LHDT-11,M10.1.0,M4.1.0", /* Lord Howe: a 30 minute DST */
};

static const iv_time nows[] = {
	INT64_C(1772442000),                           /* Monday 2026-03-02 09:00 UTC */
	INT64_C(1774746000),                           /* Sunday 2026-03-29 01:00 UTC, Paris's DST */
	1,                                             /* the first second of 1970 */
	IV_TIME_MAX,                                   /* the last of 9999 */
	INT64_C(1772442000) - 100000 * WEEK,           /* --now -100000w */
	IV_TIME_MAX + 100000 * WEEK,                   /* --now +100000w from the last date */
	INT64_C(951825600),                            /* 2000-02-29 12:00 UTC */
	INT64_C(1772442000) + 86400 * 4 + 3600 * 14,   /* Friday afternoon */
};

/* Reads "YYYY-MM-DDTHH:MM:SSZ" exactly; 0, or -1 if `s` is not that. */
static int utc_text(const char *s, struct tm *tm)
{
	int n = 0;

	memset(tm, 0, sizeof(*tm));
	if (strlen(s) != 20 || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm->tm_year, &tm->tm_mon, &tm->tm_mday,
				      &tm->tm_hour, &tm->tm_min, &tm->tm_sec, &n) != 6 || n != 20)
		return -1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int zone = -1;
	const char *why = NULL;
	iv_time now, t = 0;
	struct tm want, got;
	char *text;

	if (size < 1)
		return 0;
	if (zone != data[0] % 4) {
		zone = data[0] % 4;
		setenv("TZ", zones[zone], 1);
		tzset();
	}
	now = nows[(data[0] >> 2) % 8];
	if (!(text = malloc(size)))
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (when_parse(&t, text, now, &why) < 0) {
		if (!why || !*why)
			abort();
	} else {
		time_t tt = (time_t)t;

		/* Relative forms reach 100000 weeks from now; dates, 1970 to 9999 in any zone. */
		iv_time lo = now - 100001 * WEEK, hi = now + 100001 * WEEK;

		if (lo > -2 * 86400)
			lo = -2 * 86400;
		if (hi < IV_TIME_MAX + 2 * 86400)
			hi = IV_TIME_MAX + 2 * 86400;
		if (t < lo || t > hi)
			abort();
		if (utc_text(text, &want) == 0) {
			if (!gmtime_r(&tt, &got) || got.tm_year + 1900 != want.tm_year ||
			    got.tm_mon + 1 != want.tm_mon || got.tm_mday != want.tm_mday ||
			    got.tm_hour != want.tm_hour || got.tm_min != want.tm_min || got.tm_sec != want.tm_sec)
				abort();
		}
	}
	free(text);
	return 0;
}
