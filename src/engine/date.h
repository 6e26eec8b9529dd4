/*
 * date.h - civil dates as days since 1970-01-01 (proleptic Gregorian).
 */
#ifndef DCPLAN_DATE_H
#define DCPLAN_DATE_H

#include <stddef.h>

/* Strict YYYY-MM-DD, years 1900..2200; 0 ok, -1 with e.g.
 * "not a date: '2024-13-01' (month 13)". */
int	date_parse(const char *s, int *days, char *err, size_t errlen);
void	date_format(int days, char buf[11]);
int	date_from_ymd(int y, int m, int d);
void	date_to_ymd(int days, int *y, int *m, int *d);
int	date_day_of_year(int days);	/* 0-based */
int	date_is_leap(int year);

#endif
