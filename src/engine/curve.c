/*
 * curve.c - EnergyPlus performance curves.
 * Source: EnergyPlus Input Output Reference, "Performance Curves":
 * Curve:Biquadratic and Curve:Quadratic.  Each independent variable is clamped to
 * the curve's [min, max] before evaluation; no output limits are applied here.
 */
#include "curve.h"

static double
curve_clamp(double v, double lo, double hi)
{
	if (v < lo)
		return lo;
	if (v > hi)
		return hi;
	return v;
}

/* Curve:Biquadratic, z = c0 + c1 x + c2 x^2 + c3 y + c4 y^2 + c5 x y. */
double
curve_biquad_eval(const struct curve_biquad *cv, double x, double y)
{
	const double *c = cv->c;

	x = curve_clamp(x, cv->xmin, cv->xmax);
	y = curve_clamp(y, cv->ymin, cv->ymax);
	return c[0] + c[1] * x + c[2] * x * x + c[3] * y + c[4] * y * y +
	    c[5] * x * y;
}

int
curve_biquad_clamped(const struct curve_biquad *cv, double x, double y)
{
	return (x < cv->xmin || x > cv->xmax ? CURVE_CLAMP_X : 0) |
	    (y < cv->ymin || y > cv->ymax ? CURVE_CLAMP_Y : 0);
}

/* Curve:Quadratic, z = c0 + c1 x + c2 x^2. */
double
curve_quad_eval(const struct curve_quad *cv, double x)
{
	const double *c = cv->c;

	x = curve_clamp(x, cv->xmin, cv->xmax);
	return c[0] + c[1] * x + c[2] * x * x;
}
