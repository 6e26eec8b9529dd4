/*
 * csv.h - CSV fields as RFC 4180 has them.
 */
#ifndef DCPLAN_CSV_H
#define DCPLAN_CSV_H

#include <stdio.h>

/* Write s as one field: quoted (inner quotes doubled) when it holds a comma, a
 * quote, CR or LF. */
void	csv_field(FILE *, const char *s);

#endif
