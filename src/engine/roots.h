/*
 * roots.h - bracketed root finding with GSL's Brent solver (gsl_root_fsolver_brent)
 * and no heap allocation, for solves inside per-step loops.
 */
#ifndef DCPLAN_ROOTS_H
#define DCPLAN_ROOTS_H

/* Solve fn(x) = 0 on [lo, hi]; fn(lo) and fn(hi) must differ in sign.  Stops when
 * the bracket is narrower than tol (absolute).  0 with *root (and, when not NULL,
 * the final bracket in *blo, *bhi), or -1 (no convergence, non-finite values). */
int	roots_brent(double (*fn)(double, void *), void *arg, double lo, double hi,
	    double tol, int maxiter, double *root, double *blo, double *bhi);

#endif
