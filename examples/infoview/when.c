/*
 * infoview: reading times as people write them.
 * SPDX-License-Identifier: MIT
 */
#include "when.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MINUTE ((iv_time)60)
#define HOUR (60 * MINUTE)

long when_days_from_civil(long y, int m, int d)
{
	/* Howard Hinnant's algorithm: eras of 400 years, March-based years. */
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static void local_tm(struct tm *tm, iv_time t)
{
	time_t tt = (time_t)t;

	memset(tm, 0, sizeof(*tm));
	localtime_r(&tt, tm);
}

long when_local_day(iv_time t)
{
	struct tm tm;

	local_tm(&tm, t);
	return when_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

/*
 * The local time of a wall-clock moment; mktime() normalises out-of-range
 * days, which is how days are added while keeping the time of day across
 * daylight-saving changes.
 */
static int local_at(iv_time *out, long y, int mon, int day, int h, int mi, int s)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = (iv_time)t;
	return 0;
}

/* Local midnight `days` days after the day of `now`, plus a time of day. */
static int day_from(iv_time *out, iv_time now, int days, int h, int mi, int s)
{
	struct tm tm;

	local_tm(&tm, now);
	return local_at(out, tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday + days, h, mi, s);
}

iv_time when_local(iv_time base, int days, int hh, int mm)
{
	iv_time t;

	return day_from(&t, base, days, hh, mm, 0) < 0 ? 0 : t;
}

/* Reads exactly `n` digits at *p. */
static int digits(const char **p, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* HH:MM or HH:MM:SS, with one or two hour digits; the rest must be empty. */
static int clock_time(const char *p, int *h, int *mi, int *s)
{
	*s = 0;
	if (isdigit((unsigned char)p[0]) && p[1] == ':') {
		*h = p[0] - '0';
		p++;
	} else if (digits(&p, 2, h) < 0) {
		return -1;
	}
	if (*p++ != ':' || digits(&p, 2, mi) < 0)
		return -1;
	if (*p == ':' && (p++, digits(&p, 2, s) < 0))
		return -1;
	if (*p || *h > 23 || *mi > 59 || *s > 59)
		return -1;
	return 0;
}

/* "+3d", "-2h", "+30m", "+1w". */
static int offset(iv_time *out, const char *p, iv_time now, const char **why)
{
	int sign = *p == '-' ? -1 : 1;
	long n = 0;

	p++;
	if (!isdigit((unsigned char)*p))
		return *why = "a number must follow the sign", -1;
	while (isdigit((unsigned char)*p)) {
		n = n * 10 + (*p++ - '0');
		if (n > 100000)
			return *why = "too far away", -1;
	}
	if (p[0] == '\0' || p[1] != '\0')
		return *why = "the unit is one of m, h, d, w", -1;
	switch (tolower((unsigned char)*p)) {
	case 'm':
		*out = now + sign * n * MINUTE;
		return 0;
	case 'h':
		*out = now + sign * n * HOUR;
		return 0;
	case 'w':
		n *= 7;
		/* fall through */
	case 'd': {
		struct tm tm;

		local_tm(&tm, now);
		if (local_at(out, tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday + (int)(sign * n),
			     tm.tm_hour, tm.tm_min, tm.tm_sec) < 0)
			return *why = "out of range", -1;
		return 0;
	}
	default:
		return *why = "the unit is one of m, h, d, w", -1;
	}
}

/* Z, +hh:mm, -hh:mm or +hhmm, in seconds east of UTC. */
static int zone(const char *p, long *east)
{
	int sign, h, m;

	if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') {
		*east = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (digits(&p, 2, &h) < 0)
		return -1;
	if (*p == ':')
		p++;
	if (digits(&p, 2, &m) < 0 || *p || h > 23 || m > 59)
		return -1;
	*east = sign * (h * 3600L + m * 60L);
	return 0;
}

/* 2026-03-05, 2026-03-05T15:00[:SS][Z|+hh:mm], with a space for the T. */
static int iso(iv_time *out, const char *p, const char **why)
{
	int y, mo, d, h = 0, mi = 0, s = 0;
	char clock[16];
	const char *z;
	size_t len;
	long east;

	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 ||
	    *p++ != '-' || digits(&p, 2, &d) < 0)
		return *why = "expected YYYY-MM-DD", -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo))
		return *why = "no such date", -1;
	if (*p == '\0') {
		if (local_at(out, y, mo, d, 0, 0, 0) < 0)
			return *why = "out of range", -1;
		return 0;
	}
	if (*p != 'T' && *p != 't' && *p != ' ')
		return *why = "expected T and a time after the date", -1;
	p++;
	for (z = p; *z && *z != 'Z' && *z != 'z' && *z != '+' && *z != '-'; z++)
		;
	len = (size_t)(z - p);
	if (len >= sizeof(clock))
		return *why = "expected HH:MM after the date", -1;
	memcpy(clock, p, len);
	clock[len] = '\0';
	if (clock_time(clock, &h, &mi, &s) < 0)
		return *why = "expected HH:MM or HH:MM:SS after the date", -1;
	if (*z == '\0') {
		if (local_at(out, y, mo, d, h, mi, s) < 0)
			return *why = "out of range", -1;
		return 0;
	}
	if (zone(z, &east) < 0)
		return *why = "expected Z or an offset such as +01:00", -1;
	*out = (iv_time)when_days_from_civil(y, mo, d) * 86400 + h * HOUR + mi * MINUTE + s - east;
	return 0;
}

static const char *const weekdays[7][2] = {
	{ "sunday", "sun" }, { "monday", "mon" }, { "tuesday", "tue" },
	{ "wednesday", "wed" }, { "thursday", "thu" }, { "friday", "fri" },
	{ "saturday", "sat" },
};

/* How many days after `now`'s day the word names; -99 if it is no day word. */
static int day_word(const char *w, size_t len, iv_time now)
{
	struct tm tm;
	int i, ahead;

	if (len == 5 && strncasecmp(w, "today", 5) == 0)
		return 0;
	if (len == 8 && strncasecmp(w, "tomorrow", 8) == 0)
		return 1;
	if (len == 9 && strncasecmp(w, "yesterday", 9) == 0)
		return -1;
	local_tm(&tm, now);
	for (i = 0; i < 7; i++) {
		if ((strlen(weekdays[i][0]) != len || strncasecmp(w, weekdays[i][0], len) != 0) &&
		    (strlen(weekdays[i][1]) != len || strncasecmp(w, weekdays[i][1], len) != 0))
			continue;
		ahead = (i - tm.tm_wday + 7) % 7;
		return ahead ? ahead : 7;
	}
	return -99;
}

int when_parse(iv_time *out, const char *text, iv_time now, const char **why)
{
	int days, h = 0, mi = 0, s = 0;
	const char *space;
	size_t len;

	*why = "not a time";
	while (*text == ' ')
		text++;
	len = strlen(text);
	if (len == 0)
		return *why = "empty", -1;
	if (strcasecmp(text, "now") == 0) {
		*out = now;
		return 0;
	}
	if (text[0] == '+' || text[0] == '-')
		return offset(out, text, now, why);
	if (isdigit((unsigned char)text[0])) {
		if (len >= 10 && text[4] == '-')
			return iso(out, text, why);
		if (clock_time(text, &h, &mi, &s) < 0)
			return *why = "expected HH:MM", -1;
		return day_from(out, now, 0, h, mi, s) < 0 ? (*why = "out of range", -1) : 0;
	}
	space = strchr(text, ' ');
	len = space ? (size_t)(space - text) : len;
	if ((days = day_word(text, len, now)) == -99)
		return *why = "see --help for the forms", -1;
	if (space) {
		while (*space == ' ')
			space++;
		if (*space && clock_time(space, &h, &mi, &s) < 0)
			return *why = "expected HH:MM after the day", -1;
	}
	if (day_from(out, now, days, h, mi, s) < 0)
		return *why = "out of range", -1;
	return 0;
}
