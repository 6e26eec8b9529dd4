/*
 * ydoc.h - a YAML document tree (built with libyaml) that keeps the line:column
 * (1-based) of every node, for diagnostics in the schema layer.
 *
 * Anchors and aliases resolve by sharing nodes (the tree is a DAG); YAML 1.1
 * merge keys are applied; duplicate and non-scalar keys are errors.  All nodes
 * and strings of a document live in one arena freed by ydoc_release().
 */
#ifndef DCPLAN_YDOC_H
#define DCPLAN_YDOC_H

#include <stddef.h>

#include "diag.h"

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode;
struct ypair { struct ynode *key, *val; };

struct ynode {
	enum ynode_kind	 kind;
	const char	*file;		/* owned by the document */
	int		 line, col;	/* 1-based */
	char		*str;		/* YN_SCALAR: text; YN_MAP/SEQ: NULL */
	int		 plain;		/* scalar was plain (unquoted) */
	int		 is_null;	/* plain "", "~", "null", "Null", "NULL" */
	size_t		 n;		/* YN_SEQ: items; YN_MAP: pairs */
	struct ynode	**items;
	struct ypair	*pairs;
};

/* 0 => defaults: 4 MiB, 64, 1,000,000 (counted after alias expansion). */
struct ylimits { size_t max_bytes; int max_depth; size_t max_nodes; };

#define YLIMIT_BYTES	(4u * 1024 * 1024)
#define YLIMIT_DEPTH	64
#define YLIMIT_NODES	1000000u

struct ydoc { struct ynode *root; void *priv; };	/* priv: arena/bookkeeping */

/* 0 ok, -1 error (diagnostics added); an I/O error returns -2 with a
 * diagnostic "path: cannot open: strerror".  An empty file gives root NULL. */
int	ydoc_load_file(struct ydoc *, const char *path, const struct ylimits *,
	    struct diags *);

/* Node positions are reported as name:line:(col0+col) (first line only gets
 * col0; later lines report their own column). */
int	ydoc_load_string(struct ydoc *, const char *text, const char *name,
	    int line, int col0, const struct ylimits *, struct diags *);
void	ydoc_release(struct ydoc *);

/* NULL if absent or not a map. */
struct ynode *ymap_get(const struct ynode *map, const char *key);

/* Apply one --set PATH=VALUE, or "!PATH" (--unset: remove the key or list
 * item; an error if there is none) (ordinal: 1-based count of --set options);
 * 0 ok, -1 error with diagnostics at "--set:ORD:COL". */
int	ydoc_set(struct ydoc *, const char *arg, int ordinal, struct diags *);

/* Make dst a copy-on-write view of base: ydoc_set on dst copies the nodes it
 * changes into dst's own arena and leaves base as it was, so one parsed
 * document serves many sets of overrides (dcplan sweep).  base must outlive
 * dst and must not be changed while dst lives; ydoc_release(dst) frees only
 * what dst added.  Not safe to call on one base from several threads. */
void	ydoc_overlay(struct ydoc *dst, struct ydoc *base);

/* Internal to ydoc.c and yset.c: nodes and memory in a document's arena. */
void	*ydoc_alloc(struct ydoc *, size_t);	/* zeroed; NULL if out of memory */
char	*ydoc_strdup(struct ydoc *, const char *);
struct ynode *ydoc_node(struct ydoc *, enum ynode_kind, const char *file,
	    int line, int col);
struct ynode *ydoc_clone(struct ydoc *, struct ynode *);  /* shallow copy */
int	 ydoc_shared(const struct ynode *);	/* more than one parent */
void	 ydoc_link(struct ynode *);		/* count one more parent */
int	 ydoc_adopt(struct ydoc *, struct ydoc *from);	/* move from's arena */

#endif
