/*
 * numfmt.h - numbers as text, in the C locale whatever the process locale, and
 * without printf(3) on the common path (a year of hourly rows formats some ten
 * million numbers).
 *
 * Fixed decimals (numfmt_fixed, fmt_num) are rounded exactly as printf's "%.*f"
 * rounds the binary value (to nearest, an exact tie to even), byte for byte.
 * Round-trip numbers (numfmt_shortest) read back with strtod(3) to the same double:
 * the fewest decimals that do so, plain positional notation for magnitudes from
 * 1e-5 up to 1e15, the shortest "%.Ng" (N <= 17) otherwise.
 * "-0" is written "0"; a non-finite value gives the empty string (each writer says
 * what it stands for: JSON null, an empty CSV field, "-" in text).
 */
#ifndef DCPLAN_NUMFMT_H
#define DCPLAN_NUMFMT_H

#include <stddef.h>

/* Room for any number either function writes. */
#define NUMFMT_BUFSZ	352

/* v with prec decimals (0..22) into buf (NUMFMT_BUFSZ bytes); returns the length. */
size_t	numfmt_fixed(char *buf, double v, int prec);

/* The shortest decimal that reads back as v, into buf (NUMFMT_BUFSZ bytes);
 * returns the length. */
size_t	numfmt_shortest(char *buf, double v);

/* Format v with prec decimals into buf of len bytes (truncated like snprintf). */
void	fmt_num(char *buf, size_t len, double v, int prec);

#endif
