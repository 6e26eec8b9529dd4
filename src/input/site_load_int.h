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
/* Whole calendar years from day number a to day number b (b >= a). */
long	site_load_years(int a, int b);
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

/* dcplan risk inputs (site_load_risk.c): the 'risk' section, read before the
 * others; an item's 'delay' and 'delay_group' (date: the date they move, DATE_NONE
 * if the item has none); a delivery's 'rate_factor'; an equipment group's
 * 'reliability'. */
void	site_load_risk(struct site *, struct bind *, const struct ynode *root);
void	site_load_delay(struct site *, struct bind *, const struct ynode *map, int date,
	    struct site_delay *);
void	site_load_rate_factor(struct bind *, const struct ynode *map, struct dist *);
void	site_load_reliability(struct bind *, const struct ynode *map, enum rel_kind,
	    struct reliability *);

#endif
