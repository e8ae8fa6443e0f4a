/*
 * Calendar arithmetic in the local time zone: the rules count days as the
 * user lives them, so "three days later at 10:00" stays at 10:00 even when a
 * daylight-saving change falls in between.
 */
#include <inttypes.h>
#include <limits.h>
#include <time.h>

#include "util.h"

/* Whole days keep 86400 s only in UTC; this is the fallback when tm fails. */
#define IV_DAY 86400

/*
 * More days than the whole range holds (about 3,652,059): adding more or
 * fewer can only end at a bound, and tm_mday plus this cannot overflow.
 */
#define MAX_SPAN_DAYS 3700000

iv_time iv__time_clamp(iv_time t)
{
	return t < IV_TIME_MIN ? IV_TIME_MIN : t > IV_TIME_MAX ? IV_TIME_MAX : t;
}

iv_time iv__time_add_seconds(iv_time t, int64_t seconds)
{
	t = iv__time_clamp(t);
	/* Both differences are exact: t is within the range. */
	if (seconds > IV_TIME_MAX - t)
		return IV_TIME_MAX;
	if (seconds < IV_TIME_MIN - t)
		return IV_TIME_MIN;
	return t + seconds;
}

int iv__check_time(const char *field, iv_time t)
{
	if (t < IV_TIME_MIN || t > IV_TIME_MAX)
		return iv__error(IV_EINVALID,
				 "%s: %" PRId64 " is not a time from 0001-01-01 to 9999-12-31 (%" PRId64
				 " to %" PRId64 " seconds from 1970)",
				 field, t, IV_TIME_MIN, IV_TIME_MAX);
	return 0;
}

/*
 * Times outside the range (which no setter lets into a record, but a
 * backend may hand over) are brought into it first, so nothing here can
 * overflow; the result saturates at the bounds.
 */
iv_time iv_time_add_days(iv_time t, int days)
{
	time_t tt, r;
	struct tm tm;

	t = iv__time_clamp(t);
	if (days > MAX_SPAN_DAYS)
		days = MAX_SPAN_DAYS;
	else if (days < -MAX_SPAN_DAYS)
		days = -MAX_SPAN_DAYS;
	tt = (time_t)t;
	if (!localtime_r(&tt, &tm))
		return iv__time_clamp(t + (iv_time)days * IV_DAY);
	tm.tm_mday += days;
	/* Let mktime() find the offset in force on the new date. */
	tm.tm_isdst = -1;
	/* -1 is also one valid second (in 1969); out-of-range dates matter more. */
	if ((r = mktime(&tm)) == (time_t)-1)
		return iv__time_clamp(t + (iv_time)days * IV_DAY);
	return iv__time_clamp((iv_time)r);
}

static int is_weekend(int wday)
{
	return wday == 0 || wday == 6;
}

/* Calendar days from weekday `wday` to the next weekday in direction `dir`. */
static int step_to_weekday(int *wday, int dir)
{
	int n = 0;

	do {
		*wday = (*wday + dir + 7) % 7;
		n++;
	} while (is_weekend(*wday));
	return n;
}

iv_time iv_time_add_business_days(iv_time t, int days)
{
	time_t tt;
	struct tm tm;
	int dir = days < 0 ? -1 : 1;
	long long n = days < 0 ? -(long long)days : days, calendar = 0;
	int wday;

	t = iv__time_clamp(t);
	if (n == 0)
		return t;
	tt = (time_t)t;
	if (!localtime_r(&tt, &tm))
		return iv_time_add_days(t, days);
	wday = tm.tm_wday;
	/*
	 * The first step may start on a weekend; after it we stand on a weekday,
	 * from which every five business days are exactly one calendar week.
	 */
	calendar = step_to_weekday(&wday, dir);
	n--;
	calendar += (n / 5) * 7;
	for (n %= 5; n > 0; n--)
		calendar += step_to_weekday(&wday, dir);
	if (calendar > INT_MAX)
		calendar = INT_MAX;
	return iv_time_add_days(t, (int)(dir * calendar));
}

iv_time iv__local_day_last(iv_time t)
{
	time_t tt, r;
	struct tm tm;

	t = iv__time_clamp(t);
	tt = (time_t)t;
	if (!localtime_r(&tt, &tm))
		goto utc;
	tm.tm_mday += 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	/*
	 * Where a daylight-saving change skips midnight, mktime() gives the
	 * moment the clocks jumped: still the first second of the next day.
	 */
	if ((r = mktime(&tm)) == (time_t)-1)
		goto utc;
	return iv__time_clamp((iv_time)r - 1);
utc:
	return iv__time_clamp(t - ((t % IV_DAY) + IV_DAY) % IV_DAY + IV_DAY - 1);
}
