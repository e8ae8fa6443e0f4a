/*
 * Calendar arithmetic in the local time zone: the rules count days as the
 * user lives them, so "three days later at 10:00" stays at 10:00 even when a
 * daylight-saving change falls in between.
 */
#include <limits.h>
#include <time.h>

#include "util.h"

/* Whole days keep 86400 s only in UTC; this is the fallback when tm fails. */
#define IV_DAY 86400

iv_time iv_time_add_days(iv_time t, int days)
{
	time_t tt = (time_t)t, r;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return t + (iv_time)days * IV_DAY;
	tm.tm_mday += days;
	/* Let mktime() find the offset in force on the new date. */
	tm.tm_isdst = -1;
	/* -1 is also one valid second (in 1969); out-of-range dates matter more. */
	if ((r = mktime(&tm)) == (time_t)-1)
		return t + (iv_time)days * IV_DAY;
	return (iv_time)r;
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
	time_t tt = (time_t)t;
	struct tm tm;
	int dir = days < 0 ? -1 : 1;
	long long n = days < 0 ? -(long long)days : days, calendar = 0;
	int wday;

	if (n == 0)
		return t;
	if (!localtime_r(&tt, &tm))
		return t + (iv_time)days * IV_DAY;
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
	time_t tt = (time_t)t, r;
	struct tm tm;

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
	return (iv_time)r - 1;
utc:
	return t - ((t % IV_DAY) + IV_DAY) % IV_DAY + IV_DAY - 1;
}
