/*
 * status.h - the error vocabulary of the engine and the input layer.
 *
 * Functions return 0 (DC_OK) or one of these codes, so that a failure deep inside
 * a Monte Carlo trial or a sweep case can say why.  The installed header dcplan.h
 * defines the same enum under the same guard.
 */
#ifndef DCPLAN_STATUS_H
#define DCPLAN_STATUS_H

#ifndef DC_STATUS_DEFINED
#define DC_STATUS_DEFINED
enum dc_status {
	DC_OK = 0,
	DC_EINVAL = 1,		/* invalid input (diagnostics say where) */
	DC_EIO = 2,		/* a file could not be read or written */
	DC_ENOMEM = 3,		/* out of memory */
	DC_EDOM = 4,		/* outside a model's domain */
	DC_ENOCONV = 5,		/* an iteration did not converge */
	DC_EINFEASIBLE = 6	/* not an error: the plan is infeasible */
};
#endif

/* A short English description of a status ("out of memory"). */
const char *status_str(int status);

#endif
