/*
 * numfmt.h - numbers as text, in the C locale whatever the process locale.
 */
#ifndef DCPLAN_NUMFMT_H
#define DCPLAN_NUMFMT_H

#include <stddef.h>

/* Format v with prec decimals into buf; "-0" is normalised to "0"; a non-finite
 * value gives the empty string (each writer says what it stands for). */
void	fmt_num(char *buf, size_t len, double v, int prec);

#endif
