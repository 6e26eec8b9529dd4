/*
 * bind.h - typed access to a YAML tree with diagnostics: the schema layer's toolkit.
 * Every getter reports problems as "file:line:col: message" into b->d and carries on,
 * so that all errors of a document are reported at once.
 */
#ifndef DCPLAN_BIND_H
#define DCPLAN_BIND_H

#include <stddef.h>

#include "diag.h"
#include "units.h"
#include "ydoc.h"

struct bind {
	struct diags *d;
	int	errors;
	/* optional: told of every mapping bind_keys() checks and the keys it
	 * accepts there (the schema at that place: 'dcplan help --keys');
	 * root is the document's root, to find the mapping's path */
	void	(*keys_cb)(void *arg, const struct ynode *root,
		    const struct ynode *map, const char *const *keys);
	void	*keys_arg;
	const struct ynode *root;
};

/* flags */
#define B_REQ	0x01	/* key must be present */
#define B_POS	0x02	/* value must be > lo (strict lower bound) */

void	bind_error(struct bind *, const struct ynode *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* Report keys of map not in keys[] (NULL-terminated), with a suggestion. */
void	bind_keys(struct bind *, const struct ynode *map, const char *const *keys);

/* Node of map[key] checked for kind; NULL when absent (error if B_REQ) or wrong kind. */
const struct ynode *bind_node(struct bind *, const struct ynode *map, const char *key,
	    int flags);
const struct ynode *bind_map(struct bind *, const struct ynode *map, const char *key,
	    int flags);
const struct ynode *bind_seq(struct bind *, const struct ynode *map, const char *key,
	    int flags);

/* Scalars.  Each returns 1 when a value was stored, 0 when absent or invalid (the
 * output is then untouched, so callers preset defaults). */
int	bind_str(struct bind *, const struct ynode *map, const char *key, int flags,
	    char *buf, size_t len);
int	bind_strdup(struct bind *, const struct ynode *map, const char *key, int flags,
	    char **out);
int	bind_bool(struct bind *, const struct ynode *map, const char *key, int flags,
	    int *out);
int	bind_int(struct bind *, const struct ynode *map, const char *key, int flags,
	    long lo, long hi, int *out);
int	bind_date(struct bind *, const struct ynode *map, const char *key, int flags,
	    int *out);
int	bind_enum(struct bind *, const struct ynode *map, const char *key, int flags,
	    const char *const *names, int *out);
/* Quantity in SI; range lo..hi inclusive (lo exclusive with B_POS). */
int	bind_qty(struct bind *, const struct ynode *map, const char *key, int flags,
	    enum unit_kind, double lo, double hi, double *out);
int	bind_qty_node(struct bind *, const struct ynode *node, const char *what,
	    enum unit_kind, int flags, double lo, double hi, double *out);
int	bind_date_node(struct bind *, const struct ynode *node, int *out);


#endif
