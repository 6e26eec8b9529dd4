/*
 * library.h - the equipment library: model files in a list of directories (the
 * caller's search path, first directory first), loaded on demand and kept for the run.
 */
#ifndef DCPLAN_LIBRARY_H
#define DCPLAN_LIBRARY_H

#include <stddef.h>

#include "model.h"

struct bind;
struct ynode;

struct library {
	char	**dirs;
	size_t	ndirs;
	struct model **models;		/* loaded so far (owned) */
	size_t	nmodels;
	char	**failed;		/* names whose files did not load (owned) */
	size_t	nfailed;
	/* Optional: taken around every look-up and addition when sites are
	 * loaded on several threads at once (dcplan sweep); NULL: none. */
	void	(*lock)(void *);
	void	(*unlock)(void *);
	void	*lock_arg;
};

/* Search DIRS[0..NDIRS) in order (NULL entries are skipped; the strings are
 * copied).  0, or -1 when out of memory. */
int	library_init(struct library *, const char *const *dirs, size_t ndirs);
void	library_release(struct library *);

/* Find NAME (of kind, or any kind with MK_COUNT).  On failure reports at `at`
 * ("unknown chiller model 'x' (did you mean 'y'?)") and returns NULL.  A model file
 * with errors is reported at its own lines once per run, and each use of it (an
 * `at` with a line) gets "note: model 'x' used here is invalid". */
const struct model *library_get(struct library *, struct bind *, enum model_kind,
	    const char *name, const struct ynode *at);

/* Every model name on the search path (first directory wins), sorted; the caller
 * frees the array and strings with library_names_free. */
char	**library_names(const struct library *, size_t *n);
void	library_names_free(char **, size_t);

/* Take ownership of an inline model so that it lives as long as the library. */
const struct model *library_adopt(struct library *, struct model *);

#endif
