/*
 * t-date.c - civil date conversions.  Expected day numbers are counted by
 * hand (years * 365 + leap days) and agree with python3's datetime:
 *   (date(2000,1,1) - date(1970,1,1)).days == 10957, etc.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "tap.h"

static void
t_known(void)
{
	char	 buf[11];
	int	 y, m, d;

	is_int(date_from_ymd(1970, 1, 1), 0, "epoch is day 0");
	is_int(date_from_ymd(1969, 12, 31), -1, "day before the epoch");
	/* 30 years, leap days 1972..1996 = 7: 30 * 365 + 7 */
	is_int(date_from_ymd(2000, 1, 1), 10957, "2000-01-01");
	/* 70 years 1900..1969, leap days 1904..1968 = 17: 70 * 365 + 17 */
	is_int(date_from_ymd(1900, 1, 1), -25567, "1900-01-01");
	/* 54 years, 13 leap days (1972..2020), + 31 + 28 */
	is_int(date_from_ymd(2024, 2, 29), 19782, "2024-02-29");
	is_int(date_from_ymd(2024, 3, 1), 19783, "2024-03-01");
	/* 231 years 1970..2200, 58 multiples of 4 less 2100, 2200: 56 */
	is_int(date_from_ymd(2200, 12, 31), 231 * 365 + 56 - 1, "2200-12-31");

	date_to_ymd(19782, &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "19782 is 2024-02-29");
	date_to_ymd(-25567, &y, &m, &d);
	ok(y == 1900 && m == 1 && d == 1, "-25567 is 1900-01-01");
	date_format(10957, buf);
	is_str(buf, "2000-01-01", "format 2000-01-01");
	date_format(-1, buf);
	is_str(buf, "1969-12-31", "format 1969-12-31");

	is_int(date_day_of_year(date_from_ymd(2024, 1, 1)), 0, "doy Jan 1");
	is_int(date_day_of_year(date_from_ymd(2024, 3, 1)), 31 + 29,
	    "doy Mar 1 leap year");
	is_int(date_day_of_year(date_from_ymd(2023, 3, 1)), 31 + 28,
	    "doy Mar 1 common year");
	is_int(date_day_of_year(date_from_ymd(2024, 12, 31)), 365,
	    "doy Dec 31 leap year");
	is_int(date_day_of_year(date_from_ymd(2023, 12, 31)), 364,
	    "doy Dec 31 common year");
	is_int(date_day_of_year(date_from_ymd(1900, 12, 31)), 364,
	    "1900 is not leap");
}

static void
t_leap(void)
{
	ok(!date_is_leap(1900), "1900 not leap (century)");
	ok(date_is_leap(2000), "2000 leap (400)");
	ok(!date_is_leap(2100), "2100 not leap");
	ok(!date_is_leap(2200), "2200 not leap");
	ok(date_is_leap(2024), "2024 leap");
	ok(!date_is_leap(2023), "2023 not leap");
	ok(date_is_leap(1904), "1904 leap");
}

/* Walk every day 1900..2200 with an independent month-length table. */
static void
t_roundtrip(void)
{
	static const int ml[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	char	 buf[11], want[32], err[128];
	int	 y, m, d, n, yy, mm, dd, parsed, expect = -25567;
	int	 bad_seq = 0, bad_rt = 0, bad_fmt = 0, bad_doy = 0, doy;

	for (y = 1900; y <= 2200; y++) {
		doy = 0;
		for (m = 1; m <= 12; m++) {
			n = ml[m - 1] + (m == 2 && ((y % 4 == 0 &&
			    y % 100 != 0) || y % 400 == 0));
			for (d = 1; d <= n; d++, expect++, doy++) {
				if (date_from_ymd(y, m, d) != expect)
					bad_seq++;
				date_to_ymd(expect, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					bad_rt++;
				date_format(expect, buf);
				snprintf(want, sizeof want, "%04d-%02d-%02d",
				    y, m, d);
				if (strcmp(buf, want) != 0 ||
				    date_parse(buf, &parsed, err,
				    sizeof err) != 0 || parsed != expect)
					bad_fmt++;
				if (date_day_of_year(expect) != doy)
					bad_doy++;
			}
		}
	}
	is_int(bad_seq, 0, "consecutive days 1900..2200");
	is_int(bad_rt, 0, "to_ymd round trip 1900..2200");
	is_int(bad_fmt, 0, "format/parse round trip 1900..2200");
	is_int(bad_doy, 0, "day of year 1900..2200");
	is_int(expect, 84371, "days through 2200-12-31 end at 84371");
}

static void
t_bad(void)
{
	static const struct {
		const char	*s;
		const char	*msg;
	} bad[] = {
		{ "2024-13-01", "not a date: '2024-13-01' (month 13)" },
		{ "2024-00-10", "not a date: '2024-00-10' (month 0)" },
		{ "2023-02-29",
		    "not a date: '2023-02-29' (day 29; month 2 has 28 days)" },
		{ "2024-02-30",
		    "not a date: '2024-02-30' (day 30; month 2 has 29 days)" },
		{ "2024-04-31",
		    "not a date: '2024-04-31' (day 31; month 4 has 30 days)" },
		{ "2024-01-00",
		    "not a date: '2024-01-00' (day 0; month 1 has 31 days)" },
		{ "2100-02-29",
		    "not a date: '2100-02-29' (day 29; month 2 has 28 days)" },
		{ "1899-12-31",
		    "not a date: '1899-12-31' (year 1899 outside 1900..2200)" },
		{ "2201-01-01",
		    "not a date: '2201-01-01' (year 2201 outside 1900..2200)" },
		{ "2024-1-01", "not a date: '2024-1-01' (use YYYY-MM-DD)" },
		{ "2024/01/01", "not a date: '2024/01/01' (use YYYY-MM-DD)" },
		{ "24-01-01", "not a date: '24-01-01' (use YYYY-MM-DD)" },
		{ "2024-01-01x", "not a date: '2024-01-01x' (use YYYY-MM-DD)" },
		{ " 2024-01-01", "not a date: ' 2024-01-01' (use YYYY-MM-DD)" },
		{ "2024-01-0a", "not a date: '2024-01-0a' (use YYYY-MM-DD)" },
		{ "", "not a date: '' (use YYYY-MM-DD)" },
	};
	char	 err[128];
	size_t	 i;
	int	 days = 12345;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		is_int(date_parse(bad[i].s, &days, err, sizeof err), -1,
		    "reject '%s'", bad[i].s);
		is_str(err, bad[i].msg, "message for '%s'", bad[i].s);
	}
	is_int(days, 12345, "rejected dates leave the output alone");
	ok(date_parse("2200-12-31", &days, err, sizeof err) == 0 &&
	    days == 84370, "2200-12-31 accepted");
	ok(date_parse("1900-01-01", &days, err, sizeof err) == 0 &&
	    days == -25567, "1900-01-01 accepted");
	/* A short error buffer truncates, never overflows. */
	ok(date_parse("2024-13-01", &days, err, 8) == -1 &&
	    strcmp(err, "not a d") == 0, "error message truncated to buffer");
}

int
main(void)
{
	t_known();
	t_leap();
	t_roundtrip();
	t_bad();
	return tap_done();
}
