/*
 * site_load_int.h - what the site loader's section files (site_load_*.c) share.
 * Private to the input layer.
 */
#ifndef DCPLAN_SITE_LOAD_INT_H
#define DCPLAN_SITE_LOAD_INT_H

#include <stddef.h>

#include "bind.h"
#include "model.h"
#include "site.h"
#include "ydoc.h"

/* "N", "N+1", "N+2", "2N" in the order of enum redundancy, NULL-terminated. */
extern const char *const site_load_redundancy_names[];

/* Grow an array by one zeroed element; NULL on allocation failure. */
void	*site_load_grow(void *pv, size_t *n, size_t size);
/* A model given by name or inline under KEY of MAP (flags as bind_node). */
const struct model *site_load_model(struct site *, struct bind *, const struct ynode *map,
	    const char *key, enum model_kind, int flags);

/* One section each: bind it from the document root into the site. */
void	site_load_climate(struct site *, struct bind *, const struct ynode *root);
void	site_load_it(struct site *, struct bind *, const struct ynode *root);
void	site_load_power(struct site *, struct bind *, const struct ynode *root);
void	site_load_cooling(struct site *, struct bind *, const struct ynode *root);
/* After the power section: prices name its feeds, generators and batteries. */
void	site_load_econ(struct site *, struct bind *, const struct ynode *root);
struct site_econ;
void	site_econ_free(struct site_econ *);
void	site_load_swings(struct site *, struct bind *, const struct ynode *root);

#endif
