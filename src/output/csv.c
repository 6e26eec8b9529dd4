/*
 * csv.c - CSV fields (RFC 4180; see csv.h).
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"

void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
