/*
 * sweep.c - plan_run over a batch of jobs on an OpenMP thread pool (sweep.h).
 */
#include <stddef.h>
#include <stdlib.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "site.h"
#include "sweep.h"

int
sweep_threads(int threads)
{
#ifdef _OPENMP
	return threads > 0 ? threads : omp_get_max_threads();
#else
	(void)threads;
	return 1;
#endif
}

/* Jobs by group, then by index. */
static void
order_by_group(const struct sweep_job *jobs, size_t n, size_t *ord)
{
	size_t	i, j;

	/* insertion sort: a batch is short and mostly in order already */
	for (i = 0; i < n; i++) {
		size_t	x = i;

		for (j = i; j > 0 && jobs[ord[j - 1]].group > jobs[x].group; j--)
			ord[j] = ord[j - 1];
		ord[j] = x;
	}
}

void
sweep_run(struct sweep_job *jobs, size_t n, int what, int threads,
    struct pmemo **memos)
{
	size_t	*ord = memos != NULL ? malloc(n * sizeof *ord) : NULL;
	long long i;

	/* the jobs of a group one after another, so that a thread's memo holds
	 * the group's year while it runs them (without memory for the order,
	 * the given order: the same results) */
	if (ord != NULL)
		order_by_group(jobs, n, ord);
	threads = sweep_threads(threads);
#ifdef _OPENMP
	/* dynamic: cases differ in cost (a failing target sizes its fixes) */
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
#endif
	for (i = 0; i < (long long)n; i++) {
		struct sweep_job *j = &jobs[ord != NULL ? ord[i] : (size_t)i];
		int	t = 0;

		if (j->site == NULL)
			continue;
#ifdef _OPENMP
		t = omp_get_thread_num();
#endif
		j->site->plant_memo = memos != NULL && j->group != 0 ? memos[t] : NULL;
		j->site->plant_group = j->group;
		j->status = plan_run(j->site, j->wx, what, &j->res);
		j->site->plant_memo = NULL;
	}
	free(ord);
}
