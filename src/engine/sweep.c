/*
 * sweep.c - plan_run over a batch of jobs on an OpenMP thread pool (sweep.h).
 */
#include <stddef.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "sweep.h"

void
sweep_run(struct sweep_job *jobs, size_t n, int what, int threads)
{
	long long i;

#ifdef _OPENMP
	if (threads <= 0)
		threads = omp_get_max_threads();
	/* dynamic: cases differ in cost (a failing target sizes its fixes) */
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
#else
	(void)threads;
#endif
	for (i = 0; i < (long long)n; i++) {
		struct sweep_job *j = &jobs[i];

		if (j->site == NULL)
			continue;
		j->status = plan_run(j->site, j->wx, what, &j->res);
	}
}
