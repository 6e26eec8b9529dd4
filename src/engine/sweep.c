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

/* Split the ordered jobs into units a thread runs together: each group's run
 * of jobs, in pieces of at most `most`.  Returns the number of units; unit k
 * is ord[start[k] .. start[k + 1]). */
static size_t
split_units(const struct sweep_job *jobs, const size_t *ord, size_t n, size_t most,
    size_t *start)
{
	size_t	i, k = 0, len = 0;

	for (i = 0; i < n; i++) {
		if (i == 0 || len == most ||
		    jobs[ord[i]].group != jobs[ord[i - 1]].group) {
			start[k++] = i;
			len = 0;
		}
		len++;
	}
	start[k] = n;
	return k;
}

/* The units longest first (then in order), so that the threads that take
 * them as they free up finish together (longest processing time first). */
static void
order_units(const size_t *start, size_t nunits, size_t *uo)
{
	size_t	i, j;

	for (i = 0; i < nunits; i++) {
		size_t	x = i, len = start[x + 1] - start[x];

		for (j = i; j > 0 && start[uo[j - 1] + 1] - start[uo[j - 1]] < len; j--)
			uo[j] = uo[j - 1];
		uo[j] = x;
	}
}

void
sweep_run(struct sweep_job *jobs, size_t n, int what, int threads,
    struct pmemo **memos)
{
	size_t	*ord = NULL, *start = NULL, *uo = NULL, nunits, most;
	long long u;

	threads = sweep_threads(threads);
	/* The jobs of a group together, in units a thread runs one after
	 * another, so that its memo serves them (a group's first plan on a
	 * thread costs several later ones): a group's whole run unless it is
	 * longer than a thread's share (then the threads share it).  Without
	 * memory for the order, a unit a job: the same results. */
	if (memos != NULL && n > 0 && (ord = malloc(n * sizeof *ord)) != NULL &&
	    (start = malloc((n + 1) * sizeof *start)) != NULL &&
	    (uo = malloc(n * sizeof *uo)) != NULL) {
		order_by_group(jobs, n, ord);
		most = (n + (size_t)threads - 1) / (size_t)threads;
		nunits = split_units(jobs, ord, n, most > 0 ? most : 1, start);
		order_units(start, nunits, uo);
	} else {
		free(ord);
		free(start);
		ord = NULL;
		start = NULL;
		nunits = n;
	}
	/* dynamic: cases differ in cost (a failing target sizes its fixes) */
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
#endif
	for (u = 0; u < (long long)nunits; u++) {
		size_t	a = ord != NULL ? start[uo[u]] : (size_t)u;
		size_t	b = ord != NULL ? start[uo[u] + 1] : (size_t)u + 1;
		size_t	i;
		int	t = 0;

#ifdef _OPENMP
		t = omp_get_thread_num();
#endif
		for (i = a; i < b; i++) {
			struct sweep_job *j = &jobs[ord != NULL ? ord[i] : i];

			if (j->site == NULL)
				continue;
			j->site->plant_memo = memos != NULL && j->group != 0 ?
			    memos[t] : NULL;
			j->site->plant_group = j->group;
			j->site->day_group = j->group != 0 ? j->day_group : 0;
			j->status = plan_run(j->site, j->wx, what, &j->res);
			j->site->plant_memo = NULL;
		}
	}
	free(ord);
	free(start);
	free(uo);
}

void
sweep_each(size_t n, int threads, void (*fn)(size_t i, void *arg), void *arg)
{
	long long i;

	threads = sweep_threads(threads);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
#endif
	for (i = 0; i < (long long)n; i++)
		fn((size_t)i, arg);
	(void)threads;
}

struct sweep_lock {
#ifdef _OPENMP
	omp_lock_t	l;
#else
	int		unused;
#endif
};

struct sweep_lock *
sweep_lock_new(void)
{
	struct sweep_lock *k = malloc(sizeof *k);

#ifdef _OPENMP
	if (k != NULL)
		omp_init_lock(&k->l);
#endif
	return k;
}

void
sweep_lock_free(struct sweep_lock *k)
{
	if (k == NULL)
		return;
#ifdef _OPENMP
	omp_destroy_lock(&k->l);
#endif
	free(k);
}

void
sweep_lock_take(void *k)
{
#ifdef _OPENMP
	omp_set_lock(&((struct sweep_lock *)k)->l);
#else
	(void)k;
#endif
}

void
sweep_lock_give(void *k)
{
#ifdef _OPENMP
	omp_unset_lock(&((struct sweep_lock *)k)->l);
#else
	(void)k;
#endif
}
