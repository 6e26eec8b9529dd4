/*
 * csv.h - CSV fields as RFC 4180 has them, safe to open in a spreadsheet.
 */
#ifndef DCPLAN_CSV_H
#define DCPLAN_CSV_H

#include <stdio.h>

/* Write s as one field: quoted (inner quotes doubled) when it holds a comma, a
 * quote, CR or LF; neutralised (see csv_neutral) when a spreadsheet would take it
 * for a formula. */
void	csv_field(FILE *, const char *s);

/* Whether s must be neutralised: it begins with '=', '+', '-', '@', a tab or CR
 * and is not a number (the characters that start a formula in Excel, LibreOffice
 * and Gnumeric; OWASP, "CSV Injection").  Such a field is written with a leading
 * apostrophe, which spreadsheets show as text and do not evaluate. */
int	csv_neutral(const char *s);

/* Whether s is a decimal number as strtod reads it in the C locale (no hex, no
 * inf or nan). */
int	csv_is_number(const char *s);

#endif
