/*
 * roots.c - allocation-free Brent root finding (see roots.h).
 *
 * gsl_root_fsolver is a public struct in <gsl/gsl_roots.h>; its state is
 * type->size bytes, exactly what gsl_root_fsolver_alloc() would malloc, so a local
 * buffer serves and the solver stays re-entrant and cheap.
 */
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "roots.h"

int
roots_brent(double (*fn)(double, void *), void *arg, double lo, double hi,
    double tol, int maxiter, double *root, double *blo, double *bhi)
{
	union {
		double		d[32];
		long double	ld;
		void		*p;
	} state;
	const gsl_root_fsolver_type *T = gsl_root_fsolver_brent;
	gsl_root_fsolver s;
	gsl_function F;
	int	i, status;

	if (T->size > sizeof state)
		return -1;
	F.function = fn;
	F.params = arg;
	s.type = T;
	s.function = NULL;
	s.root = s.x_lower = s.x_upper = 0;
	s.state = &state;
	if (gsl_root_fsolver_set(&s, &F, lo, hi) != GSL_SUCCESS)
		return -1;
	for (i = 0; i < maxiter; i++) {
		if (gsl_root_fsolver_iterate(&s) != GSL_SUCCESS)
			return -1;
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(&s),
		    gsl_root_fsolver_x_upper(&s), tol, 0);
		if (status == GSL_SUCCESS) {
			*root = gsl_root_fsolver_root(&s);
			if (blo != NULL)
				*blo = gsl_root_fsolver_x_lower(&s);
			if (bhi != NULL)
				*bhi = gsl_root_fsolver_x_upper(&s);
			return isfinite(*root) ? 0 : -1;
		}
		if (status != GSL_CONTINUE)
			return -1;
	}
	return -1;
}
