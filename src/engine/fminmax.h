/*
 * fminmax.h - fmax and fmin inline, for the plant's inner loops.
 *
 * The compiler calls the C library's fmax/fmin (it inlines them only under
 * -ffinite-math-only); these give the same values as glibc's x86-64 versions
 * (maxsd/minsd): the larger (smaller) of two numbers, the second when they
 * compare equal, and the number when the other is a NaN (C11 7.12.12).
 */
#ifndef DCPLAN_FMINMAX_H
#define DCPLAN_FMINMAX_H

#include <math.h>

static inline double
dc_fmax(double a, double b)
{
	return a > b || isnan(b) ? a : b;
}

static inline double
dc_fmin(double a, double b)
{
	return a < b || isnan(b) ? a : b;
}

#endif
