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
 *
 * Shared plant results.  A job with a nonzero `group` promises that every job
 * of that group (in this batch and in any other run with the same memos) has a
 * site with the same plant: the same cooling, IT fleet and power chain, read
 * by plant_eval (pmemo.h).  Each thread then keeps the plant evaluations of the
 * plans it runs in its own memo, and a later plan of the same group reuses
 * them.  The memo is exact: the results are byte-identical with or without it.
 * A nonzero `day_group` (with a group) promises more: the jobs of that day
 * group differ at most in their supply (power.grid, power.generators,
 * power.batteries, power.dispatch), so their plan years share whole days
 * whose supply is the same (sim.h, day sinks).
 */
#ifndef DCPLAN_SWEEP_H
#define DCPLAN_SWEEP_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"

struct pmemo;

struct sweep_job {
	struct site *site;		/* NULL: nothing to run (an invalid case);
					   its plant_memo is set while it runs */
	const struct weather *wx;
	uint64_t group;			/* 0: share nothing */
	uint64_t day_group;		/* 0: no whole days (site.h day_group) */
	struct plan_result res;
	int	status;			/* plan_run's status (PLAN_OK, ...) */
};

/* The number of threads sweep_run uses for `threads` (0: the OpenMP default,
 * OMP_NUM_THREADS or every core; 1 without OpenMP). */
int	sweep_threads(int threads);

/* Run plan_run(site, wx, what) for jobs[0..n) on `threads` threads.  memos:
 * NULL, or sweep_threads(threads) memos, one per thread, kept by the caller
 * from batch to batch.  Never fails as a whole: each job's status says how it
 * went. */
void	sweep_run(struct sweep_job *jobs, size_t n, int what, int threads,
	    struct pmemo **memos);

/* Run fn(i, arg) for i in [0, n) on `threads` threads (dynamic schedule);
 * fn must be safe to run at once for different i. */
void	sweep_each(size_t n, int threads, void (*fn)(size_t i, void *arg),
	    void *arg);

/* A lock for what such fn share (sweep_lock_new: NULL when out of memory).
 * Without OpenMP the calls do nothing. */
struct sweep_lock;
struct sweep_lock *sweep_lock_new(void);
void	sweep_lock_free(struct sweep_lock *);
void	sweep_lock_take(void *lock);	/* a struct sweep_lock *, as void * */
void	sweep_lock_give(void *lock);

#endif
