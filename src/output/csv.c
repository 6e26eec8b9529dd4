/*
 * csv.c - CSV fields (RFC 4180; see csv.h).
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
csv_is_number(const char *s)
{
	int	digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	while (is_digit(*s))
		s++, digits++;
	if (*s == '.')
		for (s++; is_digit(*s); s++)
			digits++;
	if (digits == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!is_digit(*s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	return *s == '\0';
}

int
csv_neutral(const char *s)
{
	return (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r') && !csv_is_number(s);
}

void
csv_field(FILE *fp, const char *s)
{
	int	neutral = csv_neutral(s);

	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (neutral)
			fputc('\'', fp);
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (neutral)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
