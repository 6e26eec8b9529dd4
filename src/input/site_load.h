/*
 * site_load.h - reading a site file (YAML, with --set overrides and the equipment
 * library) into the site model of site.h.
 */
#ifndef DCPLAN_SITE_LOAD_H
#define DCPLAN_SITE_LOAD_H

#include <stddef.h>

#include "site.h"

/* Load options: where models come from and the --set overrides. */
struct site_opts {
	const char *const *model_dirs;	/* the model library's directories, in order */
	size_t	n_model_dirs;
	const char *const *sets;	/* PATH=VALUE */
	size_t	nsets;
};

struct diags;
/* 0 ok; -1 invalid input (diagnostics); -2 I/O error (diagnostics). */
int	site_load(const char *path, const struct site_opts *, struct site *, struct diags *);
void	site_release(struct site *);

#endif
