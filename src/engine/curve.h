/*
 * curve.h - EnergyPlus performance curves (EnergyPlus Input Output Reference,
 * "Performance Curves"): Curve:Biquadratic and Curve:Quadratic.  Inputs are clamped
 * to the curve's limits before evaluation; negative outputs are set to 0 by the
 * caller where EnergyPlus does so (chiller model).
 */
#ifndef DCPLAN_CURVE_H
#define DCPLAN_CURVE_H

/* z = c0 + c1 x + c2 x^2 + c3 y + c4 y^2 + c5 x y */
struct curve_biquad {
	double c[6];
	double xmin, xmax, ymin, ymax;
};

/* z = c0 + c1 x + c2 x^2 */
struct curve_quad {
	double c[3];
	double xmin, xmax;
};

double	curve_biquad_eval(const struct curve_biquad *, double x, double y);
/* Which inputs lie outside the curve's limits (EnergyPlus warns on these):
 * CURVE_CLAMP_X, CURVE_CLAMP_Y or both; 0 inside. */
#define CURVE_CLAMP_X	1
#define CURVE_CLAMP_Y	2
int	curve_biquad_clamped(const struct curve_biquad *, double x, double y);
double	curve_quad_eval(const struct curve_quad *, double x);

#endif
