/*
 * infoview: reading times as people write them.
 * SPDX-License-Identifier: MIT
 */
#include "when.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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

/* How many days after `now`'s day the weekday `w` names (1 to 7); -1 if it is none. */
static int weekday(const char *w, iv_time now)
{
	struct tm tm;
	int i, ahead;

	local_tm(&tm, now);
	for (i = 0; i < 7; i++) {
		if (strcmp(w, weekdays[i][0]) != 0 && strcmp(w, weekdays[i][1]) != 0)
			continue;
		ahead = (i - tm.tm_wday + 7) % 7;
		return ahead ? ahead : 7;
	}
	return -1;
}

/* How many days after `now`'s day the word names; -99 if it is no day word. */
static int day_word(const char *w, iv_time now)
{
	int ahead;

	if (strcmp(w, "today") == 0)
		return 0;
	if (strcmp(w, "tomorrow") == 0)
		return 1;
	if (strcmp(w, "yesterday") == 0)
		return -1;
	return (ahead = weekday(w, now)) < 0 ? -99 : ahead;
}

/* 1 for "am", 2 for "pm" (with or without dots), else 0. */
static int meridiem(const char *w)
{
	if (strcmp(w, "am") == 0 || strcmp(w, "a.m.") == 0)
		return 1;
	if (strcmp(w, "pm") == 0 || strcmp(w, "p.m.") == 0)
		return 2;
	return 0;
}

/*
 * A time of day: "15:00", "15:00:30", "3pm", "3:30pm", "10am", "noon",
 * "midnight"; `next` is the word after it, which may be "am" or "pm"
 * ("3 pm"), and *used is set to 1 when it was. 1 if `w` is no time of day
 * at all (so the caller tries other readings), 0 when read, -1 with *why.
 */
static int time_of_day(const char *w, const char *next, int *used, int *h, int *mi, int *s,
		       const char **why)
{
	char clock[16];
	size_t digits_end;
	int half = 0;

	*used = 0;
	*s = 0;
	if (strcmp(w, "noon") == 0 || strcmp(w, "midday") == 0) {
		*h = 12, *mi = 0;
		return 0;
	}
	if (strcmp(w, "midnight") == 0) {
		*h = 0, *mi = 0;
		return 0;
	}
	if (!isdigit((unsigned char)w[0]))
		return 1;
	if (strchr(w, '/'))
		return *why = "write a date as YYYY-MM-DD: 3/4 could be March or April", -1;
	digits_end = strspn(w, "0123456789:");
	if ((half = meridiem(w + digits_end)) == 0 && w[digits_end] != '\0')
		return *why = "a time of day is 15:00, 3pm or 3:30pm", -1;
	if (!half && next && (half = meridiem(next)) != 0)
		*used = 1;
	if (digits_end >= sizeof(clock))
		return *why = "a time of day is 15:00, 3pm or 3:30pm", -1;
	memcpy(clock, w, digits_end);
	clock[digits_end] = '\0';
	if (!strchr(clock, ':')) {
		/* A bare number is an hour only with am or pm: "10" could be a day too. */
		if (!half)
			return *why = "a number alone is ambiguous: write 10:00, 10am or 10pm for a time, "
				      "2026-03-10 for a day", -1;
		if (digits_end > 2)
			return *why = "a time of day is 15:00, 3pm or 3:30pm", -1;
		*h = atoi(clock);
		*mi = 0;
	} else if (clock_time(clock, h, mi, s) < 0) {
		return *why = "expected a time of day such as 15:00 or 3:30pm", -1;
	}
	if (half) {
		if (*h < 1 || *h > 12)
			return *why = "with am or pm the hour is 1 to 12", -1;
		*h = (*h % 12) + (half == 2 ? 12 : 0);
	}
	return 0;
}

/* "in 3 days", "in 2 hours", "in 30 minutes", "in 1 week", "in an hour": from `now`. */
static int in_words(iv_time *out, char **w, int n, iv_time now, const char **why)
{
	static const struct { const char *name; char unit; } units[] = {
		{ "minute", 'm' }, { "minutes", 'm' }, { "min", 'm' }, { "mins", 'm' },
		{ "hour", 'h' }, { "hours", 'h' }, { "hr", 'h' }, { "hrs", 'h' },
		{ "day", 'd' }, { "days", 'd' }, { "week", 'w' }, { "weeks", 'w' },
	};
	char spec[32];
	size_t i;
	long count;
	char *end;

	if (n != 2)
		return *why = "write 'in 3 days', 'in 2 hours' or 'in 30 minutes'", -1;
	if (strcmp(w[0], "a") == 0 || strcmp(w[0], "an") == 0) {
		count = 1;
	} else {
		count = strtol(w[0], &end, 10);
		if (!isdigit((unsigned char)w[0][0]) || *end)
			return *why = "'in' needs a number: 'in 3 days'", -1;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(w[1], units[i].name) == 0)
			break;
	if (i == sizeof(units) / sizeof(units[0]))
		return *why = "the unit after 'in N' is minutes, hours, days or weeks", -1;
	if (count > 100000)
		return *why = "too far away", -1;
	snprintf(spec, sizeof(spec), "+%ld%c", count, units[i].unit);
	return offset(out, spec, now, why);
}

#define MAX_WORDS 8

/*
 * The forms in words: an optional day (today, tomorrow, yesterday, a
 * weekday, "next" and a weekday) and an optional time of day, in either
 * order; or "in N units".
 */
static int words(iv_time *out, const char *text, iv_time now, const char **why)
{
	char buf[64], *w[MAX_WORDS + 1], *p;
	int n = 0, i, used, days = 0, have_day = 0, have_time = 0, h = 0, mi = 0, s = 0, rc;

	if (strlen(text) >= sizeof(buf))
		return *why = "too long", -1;
	for (i = 0; text[i]; i++)
		buf[i] = (char)tolower((unsigned char)text[i]);
	buf[i] = '\0';
	for (p = buf; *p;) {
		if (*p == ' ' || *p == '\t') {
			*p++ = '\0';
			continue;
		}
		if (n == MAX_WORDS)
			return *why = "too many words", -1;
		w[n++] = p;
		p += strcspn(p, " \t");
	}
	w[n] = NULL;
	if (n == 0)
		return *why = "empty", -1;
	if (strcmp(w[0], "in") == 0)
		return in_words(out, w + 1, n - 1, now, why);
	for (i = 0; i < n; i++) {
		int d = -99;

		if (strcmp(w[i], "next") == 0) {
			/* "next fri" is the coming Friday, as "fri" is. */
			if (i + 1 >= n || (d = weekday(w[i + 1], now)) < 0)
				return *why = "'next' needs a weekday: 'next fri'", -1;
			i++;
		} else if (strcmp(w[i], "at") == 0 && i > 0 && i + 1 < n) {
			continue; /* "tomorrow at 10am" */
		} else {
			d = day_word(w[i], now);
		}
		if (d != -99) {
			if (have_day)
				return *why = "two days given", -1;
			days = d;
			have_day = 1;
			continue;
		}
		if ((rc = time_of_day(w[i], w[i + 1], &used, &h, &mi, &s, why)) < 0)
			return -1;
		if (rc > 0)
			return *why = "not a time", -1;
		if (have_time)
			return *why = "two times of day given", -1;
		have_time = 1;
		i += used;
	}
	if (day_from(out, now, days, h, mi, s) < 0)
		return *why = "out of range", -1;
	return 0;
}

int when_parse(iv_time *out, const char *text, iv_time now, const char **why)
{
	size_t len;

	*why = "not a time";
	while (*text == ' ')
		text++;
	len = strlen(text);
	while (len && text[len - 1] == ' ')
		len--;
	if (len == 0)
		return *why = "empty", -1;
	if (strncasecmp(text, "now", len) == 0 && len == 3) {
		*out = now;
		return 0;
	}
	if (text[0] == '+' || text[0] == '-')
		return offset(out, text, now, why);
	if (isdigit((unsigned char)text[0]) && len >= 10 && text[4] == '-')
		return iso(out, text, why);
	return words(out, text, now, why);
}
