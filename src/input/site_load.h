/*
 * site_load.h - reading a site file (YAML, with --set overrides and the equipment
 * library) into the site model of site.h.
 */
#ifndef DCPLAN_SITE_LOAD_H
#define DCPLAN_SITE_LOAD_H

#include <stddef.h>

#include "site.h"

struct ynode;

/* Load options: where models come from and the --set overrides. */
struct site_opts {
	const char *const *model_dirs;	/* the model library's directories, in order */
	size_t	n_model_dirs;
	const char *const *sets;	/* PATH=VALUE */
	size_t	nsets;
	/* optional: see struct bind (bind.h) */
	void	(*keys_cb)(void *arg, const struct ynode *root,
		    const struct ynode *map, const char *const *keys);
	void	*keys_arg;
};

struct diags;
/* 0 ok; -1 invalid input (diagnostics); -2 I/O error (diagnostics). */
int	site_load(const char *path, const struct site_opts *, struct site *, struct diags *);
/* The same from a document already parsed, with its overrides applied (the
 * caller keeps doc; binding only reads it), and models from lib, which the site
 * borrows (lib must outlive it; site_release leaves it).  path names the site
 * file (relative weather files resolve against it).  For a loop over many
 * variants of one site (dcplan sweep): 0 ok, -1 invalid (diagnostics). */
struct ydoc;
struct library;
int	site_load_doc(const char *path, const struct ydoc *doc, struct library *lib,
	    struct site *, struct diags *);
void	site_release(struct site *);

#endif
