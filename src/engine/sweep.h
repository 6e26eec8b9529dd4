/*
 * sweep.h - many plans at once (dcplan sweep): plan_run() over a batch of sites
 * with their weather on an OpenMP thread pool.
 *
 * Each job is independent: a site and its weather (read const, shared between
 * jobs if the caller likes) and a result of its own.  plan_run() keeps no state
 * outside its result, so the results are the same at any thread count and in
 * any order of execution; the caller writes them in job order.  A job's result
 * is reused from one batch to the next (plan_result_init once, release at the
 * end), so a long sweep allocates nothing per case after the first batch.
 */
#ifndef DCPLAN_SWEEP_H
#define DCPLAN_SWEEP_H

#include <stddef.h>

#include "plan.h"

struct sweep_job {
	const struct site *site;	/* NULL: nothing to run (an invalid case) */
	const struct weather *wx;
	struct plan_result res;
	int	status;			/* plan_run's status (PLAN_OK, ...) */
};

/* Run plan_run(site, wx, what) for jobs[0..n) on `threads` threads (0: the
 * OpenMP default, OMP_NUM_THREADS or every core).  Never fails as a whole: each
 * job's status says how it went. */
void	sweep_run(struct sweep_job *jobs, size_t n, int what, int threads);

#endif
