/*
 * paths.h - the command line's search-path policy for the equipment library.
 */
#ifndef DCPLAN_PATHS_H
#define DCPLAN_PATHS_H

#include <stddef.h>

struct paths {
	char	**dirs;
	size_t	n;
};

/*
 * The model directories, in the order dcplan(1) FILES documents: MODELS_DIR
 * (--models-dir, may be NULL), each directory of $DCPLAN_MODELS_PATH
 * (colon-separated), the source tree's models/ when this binary runs uninstalled
 * from its build tree, and the installed $(pkgdatadir)/models when it exists.
 * 0, or -1 when out of memory.
 */
int	paths_models(struct paths *, const char *models_dir);
void	paths_release(struct paths *);

#endif
