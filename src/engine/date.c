/*
 * date.c - civil dates as days since 1970-01-01, proleptic Gregorian.
 *
 * Conversions use Howard Hinnant's days_from_civil / civil_from_days
 * ("chrono-Compatible Low-Level Date Algorithms", 2013), which count in
 * 400-year eras of 146097 days starting on March 1 so that the leap day
 * is the last day of the (shifted) year.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "dclimits.h"

#define DATE_YMIN	DC_DATE_YMIN
#define DATE_YMAX	DC_DATE_YMAX

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_mdays(int y, int m)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_is_leap(y) ? 29 : mdays[m - 1];
}

int
date_from_ymd(int y, int m, int d)
{
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;				/* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;	/* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * 146097 + doe - 719468;		/* 719468: 0000-03-01 to 1970-01-01 */
}

void
date_to_ymd(int z, int *yp, int *mp, int *dp)
{
	int	 era, doe, yoe, y, doy, mp5, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp5 = (5 * doy + 2) / 153;
	d = doy - (153 * mp5 + 2) / 5 + 1;
	m = mp5 < 10 ? mp5 + 3 : mp5 - 9;
	*yp = y + (m <= 2);
	*mp = m;
	*dp = d;
}

int
date_day_of_year(int days)
{
	int	 y, m, d;

	date_to_ymd(days, &y, &m, &d);
	return days - date_from_ymd(y, 1, 1);
}

void
date_format(int days, char buf[11])
{
	int	 y, m, d;

	date_to_ymd(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "xxxx-xx-xx", 11);	/* out of range */
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

static int
date_digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
date_parse(const char *s, int *days, char *err, size_t errlen)
{
	int	 y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (y = date_digits(s, 4)) < 0 || (m = date_digits(s + 5, 2)) < 0 ||
	    (d = date_digits(s + 8, 2)) < 0) {
		snprintf(err, errlen, "not a date: '%s' (use YYYY-MM-DD)", s);
		return -1;
	}
	if (y < DATE_YMIN || y > DATE_YMAX) {
		snprintf(err, errlen, "not a date: '%s' (year %d outside %d..%d)",
		    s, y, DATE_YMIN, DATE_YMAX);
		return -1;
	}
	if (m < 1 || m > 12) {
		snprintf(err, errlen, "not a date: '%s' (month %d)", s, m);
		return -1;
	}
	if (d < 1 || d > date_mdays(y, m)) {
		snprintf(err, errlen, "not a date: '%s' (day %d; month %d has "
		    "%d days)", s, d, m, date_mdays(y, m));
		return -1;
	}
	*days = date_from_ymd(y, m, d);
	return 0;
}
