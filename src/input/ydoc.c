/*
 * ydoc.c - load one YAML document into a tree of positioned nodes.
 *
 * libyaml's event parser drives a recursive builder.  Every node and string
 * lives in an arena owned by the document (one ydoc_release).  Aliases share the
 * anchored node, so the tree is a DAG; each node memoizes its expanded size
 * and height so that alias bombs and deep nesting are rejected in linear time.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "ydoc.h"

/* A node with the bookkeeping that the public struct does not show. */
struct ynodex {
	struct ynode	 n;		/* first: a ynode * is a ynodex * */
	size_t		 size;		/* nodes after alias expansion */
	int		 height;	/* levels, a scalar is 1 */
	int		 refs;		/* parents that point here */
};

#define YX(np)	((struct ynodex *)(np))

/* Arena: a list of chunks; big requests get a chunk of their own. */
#define YCHUNK	(64 * 1024)

struct ychunk {
	struct ychunk	*next;
	size_t		 used, cap;
	max_align_t	 data[];
};

struct ypriv {
	struct ychunk	*chunks;
};

static struct ypriv *
ydoc_priv(struct ydoc *doc)
{
	if (doc->priv == NULL)
		doc->priv = calloc(1, sizeof(struct ypriv));
	return doc->priv;
}

void *
ydoc_alloc(struct ydoc *doc, size_t len)
{
	struct ypriv	*pv;
	struct ychunk	*c;
	size_t		 cap;
	void		*p;

	if ((pv = ydoc_priv(doc)) == NULL)
		return NULL;
	len = (len + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (len == 0)
		len = sizeof(max_align_t);
	c = pv->chunks;
	if (c == NULL || c->cap - c->used < len) {
		cap = len > YCHUNK / 4 ? len : YCHUNK;
		if (cap > SIZE_MAX - sizeof *c)
			return NULL;
		if ((c = malloc(sizeof *c + cap)) == NULL)
			return NULL;
		c->used = 0;
		c->cap = cap;
		if (cap == len && pv->chunks != NULL) {
			/* Keep the partly used chunk at the head. */
			c->next = pv->chunks->next;
			pv->chunks->next = c;
		} else {
			c->next = pv->chunks;
			pv->chunks = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += len;
	memset(p, 0, len);
	return p;
}

char *
ydoc_strdup(struct ydoc *doc, const char *s)
{
	size_t	 len = strlen(s) + 1;
	char	*p;

	if ((p = ydoc_alloc(doc, len)) != NULL)
		memcpy(p, s, len);
	return p;
}

struct ynode *
ydoc_node(struct ydoc *doc, enum ynode_kind kind, const char *file, int line,
    int col)
{
	struct ynodex	*x;

	if ((x = ydoc_alloc(doc, sizeof *x)) == NULL)
		return NULL;
	x->n.kind = kind;
	x->n.file = file;
	x->n.line = line;
	x->n.col = col;
	x->size = 1;
	x->height = 1;
	return &x->n;
}

struct ynode *
ydoc_clone(struct ydoc *doc, struct ynode *n)
{
	struct ynodex	*x;
	size_t		 i;

	if ((x = ydoc_alloc(doc, sizeof *x)) == NULL)
		return NULL;
	/* field by field: another thread may be linking n (ydoc_link) */
	x->n = *n;
	x->size = YX(n)->size;
	x->height = YX(n)->height;
	x->refs = 0;
	if (n->kind == YN_SEQ && n->n > 0) {
		if ((x->n.items = ydoc_alloc(doc, n->n * sizeof *n->items)) ==
		    NULL)
			return NULL;
		memcpy(x->n.items, n->items, n->n * sizeof *n->items);
		for (i = 0; i < n->n; i++)
			ydoc_link(n->items[i]);
	} else if (n->kind == YN_MAP && n->n > 0) {
		if ((x->n.pairs = ydoc_alloc(doc, n->n * sizeof *n->pairs)) ==
		    NULL)
			return NULL;
		memcpy(x->n.pairs, n->pairs, n->n * sizeof *n->pairs);
		for (i = 0; i < n->n; i++) {
			ydoc_link(n->pairs[i].key);
			ydoc_link(n->pairs[i].val);
		}
	}
	return &x->n;
}

/* The counts change atomically: overlays of one document (ydoc_overlay) may
 * be built on several threads at once (dcplan sweep), each linking the base's
 * nodes it copies around.  A thread sees its own links, which is all that
 * copy-before-change needs: a node it reached through its own copy it linked
 * itself. */
int
ydoc_shared(const struct ynode *n)
{
	return __atomic_load_n(&((const struct ynodex *)n)->refs,
	    __ATOMIC_RELAXED) > 1;
}

void
ydoc_link(struct ynode *n)
{
	__atomic_fetch_add(&YX(n)->refs, 1, __ATOMIC_RELAXED);
}

void
ydoc_overlay(struct ydoc *dst, struct ydoc *base)
{
	dst->root = base->root;
	dst->priv = NULL;
	/* a second parent: ydoc_set's copy-before-change (yset_own) then copies
	 * every node on the path it changes, never base's own */
	if (base->root != NULL && !ydoc_shared(base->root))
		ydoc_link(base->root);
}

int
ydoc_adopt(struct ydoc *doc, struct ydoc *from)
{
	struct ypriv	*pv, *fp = from->priv;
	struct ychunk	*c;

	if (fp == NULL)
		return 0;
	if ((pv = ydoc_priv(doc)) == NULL)
		return -1;
	if (fp->chunks != NULL) {
		/* Append behind ours so our partly used head stays first. */
		if (pv->chunks == NULL)
			pv->chunks = fp->chunks;
		else {
			for (c = pv->chunks; c->next != NULL; c = c->next)
				;
			c->next = fp->chunks;
		}
	}
	free(fp);
	from->priv = NULL;
	from->root = NULL;
	return 0;
}

void
ydoc_release(struct ydoc *doc)
{
	struct ypriv	*pv = doc->priv;
	struct ychunk	*c, *next;

	if (pv != NULL) {
		for (c = pv->chunks; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
		free(pv);
	}
	doc->priv = NULL;
	doc->root = NULL;
}

struct ynode *
ymap_get(const struct ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->kind != YN_MAP)
		return NULL;
	for (i = 0; i < map->n; i++) {
		if (map->pairs[i].key->kind == YN_SCALAR &&
		    strcmp(map->pairs[i].key->str, key) == 0)
			return map->pairs[i].val;
	}
	return NULL;
}

/* --- loading --- */

struct yanchor {
	char		*name;
	struct ynodex	*node;		/* NULL while the node is being built */
};

struct yload {
	yaml_parser_t	 parser;
	struct ydoc	*doc;
	const char	*file;		/* arena copy */
	int		 line0, col0;
	const unsigned char *buf;
	size_t		 len;
	size_t		 max_nodes;
	int		 max_depth;
	struct diags	*diags;
	struct yanchor	*anchors;
	size_t		 nanchors, capanchors;
	int		 failed;	/* an error was reported */
	int		 fatal;		/* stop building */
};

/* Where the byte at offset off is: libyaml's way of counting (characters). */
static yaml_mark_t
yload_mark_at(struct yload *ld, size_t off)
{
	yaml_mark_t	 m;
	size_t		 i;

	memset(&m, 0, sizeof m);
	for (i = 0; i < off && i < ld->len; i++) {
		if (ld->buf[i] == '\n') {
			m.line++;
			m.column = 0;
		} else if ((ld->buf[i] & 0xc0) != 0x80)
			m.column++;	/* not a UTF-8 continuation byte */
	}
	m.index = i;
	return m;
}

/* libyaml puts the end of input on a line of its own after text that does
 * not end in a newline; use the real end instead. */
static yaml_mark_t
yload_fix(struct yload *ld, yaml_mark_t m)
{
	return m.index >= ld->len ? yload_mark_at(ld, ld->len) : m;
}

static void
yload_pos(struct yload *ld, yaml_mark_t m, int *line, int *col)
{
	m = yload_fix(ld, m);
	*line = ld->line0 + (int)m.line;
	*col = (int)m.column + 1 + (m.line == 0 ? ld->col0 : 0);
}

static void yload_err(struct yload *, int, int, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static void
yload_err(struct yload *ld, int line, int col, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_add(ld->diags, ld->file, line, col, "%s", msg);
	ld->failed = 1;
}

static void
yload_oom(struct yload *ld)
{
	yload_err(ld, 0, 0, "out of memory");
	ld->fatal = 1;
}

/* Report libyaml's error at its mark. */
static void
yload_yaml_err(struct yload *ld)
{
	yaml_parser_t	*p = &ld->parser;
	yaml_mark_t	 m;
	int		 line, col;

	ld->fatal = 1;
	if (p->error == YAML_MEMORY_ERROR) {
		yload_oom(ld);
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* Reader errors carry a byte offset, not a mark. */
		m = yload_mark_at(ld, p->problem_offset);
	} else
		m = yload_fix(ld, p->problem_mark);
	yload_pos(ld, m, &line, &col);
	if (p->context != NULL && p->error != YAML_READER_ERROR &&
	    yload_fix(ld, p->context_mark).line != m.line)
		yload_err(ld, line, col, "%s %s started at line %d",
		    p->problem ? p->problem : "syntax error", p->context,
		    ld->line0 + (int)p->context_mark.line);
	else if (p->context != NULL)
		yload_err(ld, line, col, "%s %s",
		    p->problem ? p->problem : "syntax error", p->context);
	else
		yload_err(ld, line, col, "%s",
		    p->problem ? p->problem : "syntax error");
}

static int
yload_event(struct yload *ld, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&ld->parser, ev)) {
		yload_yaml_err(ld);
		return -1;
	}
	return 0;
}

static struct yanchor *
yload_anchor_find(struct yload *ld, const char *name)
{
	size_t	 i;

	for (i = ld->nanchors; i > 0; i--)
		if (strcmp(ld->anchors[i - 1].name, name) == 0)
			return &ld->anchors[i - 1];
	return NULL;
}

/* Register an anchor as being built; returns its index or -1. */
static long
yload_anchor_add(struct yload *ld, const char *name)
{
	struct yanchor	*v;
	size_t		 cap, len;

	if (ld->nanchors == ld->capanchors) {
		cap = ld->capanchors ? ld->capanchors * 2 : 16;
		if ((v = realloc(ld->anchors, cap * sizeof *v)) == NULL)
			goto oom;
		ld->anchors = v;
		ld->capanchors = cap;
	}
	len = strlen(name) + 1;
	if ((ld->anchors[ld->nanchors].name = malloc(len)) == NULL)
		goto oom;
	memcpy(ld->anchors[ld->nanchors].name, name, len);
	ld->anchors[ld->nanchors].node = NULL;
	return (long)ld->nanchors++;
oom:
	yload_oom(ld);
	return -1;
}

static size_t
yload_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Check the limits on a finished node. */
static int
yload_check_size(struct yload *ld, struct ynodex *x)
{
	if (x->size > ld->max_nodes) {
		yload_err(ld, x->n.line, x->n.col, "document expands to more "
		    "than %zu nodes (alias bomb?)", ld->max_nodes);
		ld->fatal = 1;
		return -1;
	}
	return 0;
}

static struct ynodex *
yload_null(struct yload *ld, int line, int col)
{
	struct ynode	*n;

	if ((n = ydoc_node(ld->doc, YN_SCALAR, ld->file, line, col)) == NULL ||
	    (n->str = ydoc_strdup(ld->doc, "")) == NULL) {
		yload_oom(ld);
		return NULL;
	}
	n->plain = 1;
	n->is_null = 1;
	return YX(n);
}

static int
yload_is_null(const char *s)
{
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static struct ynodex *yload_node(struct yload *, yaml_event_t *, int);

static struct ynodex *
yload_scalar(struct yload *ld, yaml_event_t *ev, int line, int col)
{
	struct ynode	*n;
	const char	*tag = (const char *)ev->data.scalar.tag;
	size_t		 len = ev->data.scalar.length;

	if ((n = ydoc_node(ld->doc, YN_SCALAR, ld->file, line, col)) == NULL ||
	    (n->str = ydoc_alloc(ld->doc, len + 1)) == NULL) {
		yload_oom(ld);
		return NULL;
	}
	memcpy(n->str, ev->data.scalar.value, len);
	n->str[len] = '\0';
	if (strlen(n->str) != len)
		yload_err(ld, line, col, "NUL character in a string");
	/* An explicit !!str makes "null" or "50" a string. */
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (tag == NULL || strcmp(tag, YAML_STR_TAG) != 0);
	n->is_null = n->plain && yload_is_null(n->str);
	return YX(n);
}

static struct ynodex *
yload_alias(struct yload *ld, yaml_event_t *ev, int depth, int line, int col)
{
	const char	*name = (const char *)ev->data.alias.anchor;
	struct yanchor	*a;

	if ((a = yload_anchor_find(ld, name)) == NULL) {
		yload_err(ld, line, col, "unknown alias '*%s'", name);
		return yload_null(ld, line, col);
	}
	if (a->node == NULL) {
		yload_err(ld, line, col, "alias '*%s' refers to a node that "
		    "contains it", name);
		return yload_null(ld, line, col);
	}
	if (depth - 1 + a->node->height > ld->max_depth) {
		yload_err(ld, line, col, "nesting deeper than %d levels "
		    "(through alias '*%s')", ld->max_depth, name);
		ld->fatal = 1;
		return NULL;
	}
	return a->node;
}

/* Growable temporary vector of node pointers. */
struct yvec {
	struct ynodex	**v;
	size_t		  n, cap;
};

static int
yvec_push(struct yvec *vec, struct ynodex *x)
{
	struct ynodex	**v;
	size_t		  cap;

	if (vec->n == vec->cap) {
		cap = vec->cap ? vec->cap * 2 : 8;
		if ((v = realloc(vec->v, cap * sizeof *v)) == NULL)
			return -1;
		vec->v = v;
		vec->cap = cap;
	}
	vec->v[vec->n++] = x;
	return 0;
}

static void
yload_finish(struct ynodex *x, struct ynodex *child)
{
	x->size = yload_add(x->size, child->size);
	if (child->height + 1 > x->height)
		x->height = child->height + 1;
	child->refs++;
}

static struct ynodex *
yload_seq(struct yload *ld, int depth, int line, int col)
{
	struct yvec	 vec = { NULL, 0, 0 };
	struct ynodex	*x = NULL, *c;
	yaml_event_t	 ev;
	size_t		 i;

	for (;;) {
		if (yload_event(ld, &ev) != 0)
			goto out;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		c = yload_node(ld, &ev, depth + 1);
		if (c == NULL)
			goto out;
		if (yvec_push(&vec, c) != 0) {
			yload_oom(ld);
			goto out;
		}
	}
	if ((x = YX(ydoc_node(ld->doc, YN_SEQ, ld->file, line, col))) == NULL ||
	    (vec.n > 0 && (x->n.items = ydoc_alloc(ld->doc,
	    vec.n * sizeof *x->n.items)) == NULL)) {
		yload_oom(ld);
		x = NULL;
		goto out;
	}
	for (i = 0; i < vec.n; i++) {
		x->n.items[i] = &vec.v[i]->n;
		yload_finish(x, vec.v[i]);
	}
	x->n.n = vec.n;
	if (yload_check_size(ld, x) != 0)
		x = NULL;
out:
	free(vec.v);
	return x;
}

/* A hash set of scalar key nodes, by string. */
struct ykeys {
	struct ynode	**slot;
	size_t		  mask;
};

static int
ykeys_init(struct ykeys *h, size_t n)
{
	size_t	 cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	h->mask = cap - 1;
	h->slot = calloc(cap, sizeof *h->slot);
	return h->slot == NULL ? -1 : 0;
}

/* Insert key; return the node already there with the same string, or NULL. */
static struct ynode *
ykeys_put(struct ykeys *h, struct ynode *key)
{
	const unsigned char	*s;
	size_t			 hv = 5381, i;

	for (s = (const unsigned char *)key->str; *s != '\0'; s++)
		hv = hv * 33 + *s;
	for (i = hv & h->mask; h->slot[i] != NULL; i = (i + 1) & h->mask)
		if (strcmp(h->slot[i]->str, key->str) == 0)
			return h->slot[i];
	h->slot[i] = key;
	return NULL;
}

static int
yload_is_merge(const struct ynode *k)
{
	return k->kind == YN_SCALAR && k->plain && strcmp(k->str, "<<") == 0;
}

/*
 * Check a merge value: a mapping or a sequence of mappings.  Return the
 * number of pairs it brings, or -1 after reporting.
 */
static long
yload_merge_count(struct yload *ld, struct ynode *v)
{
	size_t	 i, n = 0;
	int	 bad = 0;

	if (v->kind == YN_MAP)
		return (long)v->n;
	if (v->kind == YN_SEQ) {
		for (i = 0; i < v->n; i++) {
			if (v->items[i]->kind != YN_MAP) {
				yload_err(ld, v->items[i]->line,
				    v->items[i]->col, "merge key '<<' needs "
				    "a mapping or a list of mappings");
				bad = 1;
			} else
				n += v->items[i]->n;
		}
		return bad ? -1 : (long)n;
	}
	yload_err(ld, v->line, v->col,
	    "merge key '<<' needs a mapping or a list of mappings");
	return -1;
}

/* Add a merged mapping's pairs whose keys are not yet in the set. */
static void
yload_merge_one(struct ynodex *x, struct ynode *src, struct ykeys *seen)
{
	size_t	 i;

	for (i = 0; i < src->n; i++) {
		if (ykeys_put(seen, src->pairs[i].key) != NULL)
			continue;
		x->n.pairs[x->n.n++] = src->pairs[i];
		yload_finish(x, YX(src->pairs[i].key));
		yload_finish(x, YX(src->pairs[i].val));
	}
}

/*
 * Build a mapping from its raw key/value list: drop non-scalar and duplicate
 * keys (reporting them), apply merge keys in place of the '<<' entry, with
 * explicit keys winning over merged ones and earlier merges over later ones.
 */
static struct ynodex *
yload_map_build(struct yload *ld, struct yvec *raw, int line, int col)
{
	struct ykeys	 expl = { NULL, 0 }, seen = { NULL, 0 };
	struct ynodex	*x = NULL;
	struct ynode	*k, *v, *first;
	size_t		 i, j, npairs = 0;
	long		 m;
	char		*drop = NULL;

	if ((drop = calloc(raw->n / 2 + 1, 1)) == NULL)
		goto oom;
	if (ykeys_init(&expl, raw->n / 2) != 0)
		goto oom;
	for (i = 0; i < raw->n / 2; i++) {
		k = &raw->v[2 * i]->n;
		v = &raw->v[2 * i + 1]->n;
		if (k->kind != YN_SCALAR) {
			yload_err(ld, k->line, k->col,
			    "mapping keys must be scalars");
			drop[i] = 1;
			continue;
		}
		if ((first = ykeys_put(&expl, k)) != NULL) {
			if (first->file == k->file || (first->file != NULL &&
			    k->file != NULL && strcmp(first->file, k->file) == 0))
				yload_err(ld, k->line, k->col, "duplicate key "
				    "'%s' (first at line %d)", k->str,
				    first->line);
			else
				yload_err(ld, k->line, k->col, "duplicate key "
				    "'%s' (first at %s:%d)", k->str,
				    first->file, first->line);
			drop[i] = 1;
			continue;
		}
		if (yload_is_merge(k)) {
			if ((m = yload_merge_count(ld, v)) < 0) {
				drop[i] = 1;
				continue;
			}
			npairs += (size_t)m;
		} else
			npairs++;
	}

	if ((x = YX(ydoc_node(ld->doc, YN_MAP, ld->file, line, col))) == NULL)
		goto oom;
	if (npairs > 0 && (x->n.pairs = ydoc_alloc(ld->doc,
	    npairs * sizeof *x->n.pairs)) == NULL)
		goto oom;
	/* Explicit keys win: seed the set of seen keys with them. */
	if (ykeys_init(&seen, npairs + raw->n / 2) != 0)
		goto oom;
	for (i = 0; i < raw->n / 2; i++) {
		k = &raw->v[2 * i]->n;
		if (!drop[i] && !yload_is_merge(k))
			ykeys_put(&seen, k);
	}
	for (i = 0; i < raw->n / 2; i++) {
		if (drop[i])
			continue;
		k = &raw->v[2 * i]->n;
		v = &raw->v[2 * i + 1]->n;
		if (!yload_is_merge(k)) {
			x->n.pairs[x->n.n].key = k;
			x->n.pairs[x->n.n++].val = v;
			yload_finish(x, YX(k));
			yload_finish(x, YX(v));
		} else if (v->kind == YN_MAP)
			yload_merge_one(x, v, &seen);
		else
			for (j = 0; j < v->n; j++)
				yload_merge_one(x, v->items[j], &seen);
	}
	if (yload_check_size(ld, x) != 0)
		x = NULL;
	goto out;
oom:
	yload_oom(ld);
	x = NULL;
out:
	free(drop);
	free(expl.slot);
	free(seen.slot);
	return x;
}

static struct ynodex *
yload_map(struct yload *ld, int depth, int line, int col)
{
	struct yvec	 raw = { NULL, 0, 0 };
	struct ynodex	*x = NULL, *c;
	yaml_event_t	 ev;

	for (;;) {
		if (yload_event(ld, &ev) != 0)
			goto out;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		/* Keys and values alternate; both sit one level down. */
		if ((c = yload_node(ld, &ev, depth + 1)) == NULL)
			goto out;
		if (yvec_push(&raw, c) != 0) {
			yload_oom(ld);
			goto out;
		}
	}
	x = yload_map_build(ld, &raw, line, col);
out:
	free(raw.v);
	return x;
}

/* Build the node that starts with ev (consumed). NULL on a fatal error. */
static struct ynodex *
yload_node(struct yload *ld, yaml_event_t *ev, int depth)
{
	struct ynodex	*x = NULL;
	const char	*anchor = NULL;
	long		 ai = -1;
	int		 line, col;

	yload_pos(ld, ev->start_mark, &line, &col);
	if (ev->type == YAML_ALIAS_EVENT) {
		x = yload_alias(ld, ev, depth, line, col);
		yaml_event_delete(ev);
		return x;
	}
	if (depth > ld->max_depth) {
		yload_err(ld, line, col, "nesting deeper than %d levels",
		    ld->max_depth);
		ld->fatal = 1;
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		anchor = (const char *)ev->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = (const char *)ev->data.sequence_start.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = (const char *)ev->data.mapping_start.anchor;
		break;
	default:
		yload_err(ld, line, col, "unexpected YAML event %d", ev->type);
		ld->fatal = 1;
		yaml_event_delete(ev);
		return NULL;
	}
	if (anchor != NULL && (ai = yload_anchor_add(ld, anchor)) < 0) {
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		x = yload_scalar(ld, ev, line, col);
		yaml_event_delete(ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		yaml_event_delete(ev);
		x = yload_seq(ld, depth, line, col);
		break;
	default:
		yaml_event_delete(ev);
		x = yload_map(ld, depth, line, col);
		break;
	}
	if (x != NULL && ai >= 0)
		ld->anchors[ai].node = x;
	return x;
}

static int
yload_run(struct yload *ld)
{
	yaml_event_t	 ev;
	struct ynodex	*root;
	int		 line, col;

	if (yload_event(ld, &ev) != 0)
		return -1;
	yaml_event_delete(&ev);		/* STREAM-START */
	if (yload_event(ld, &ev) != 0)
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return 0;		/* empty: root NULL */
	}
	yaml_event_delete(&ev);		/* DOCUMENT-START */
	if (yload_event(ld, &ev) != 0)
		return -1;
	if ((root = yload_node(ld, &ev, 1)) == NULL)
		return -1;
	root->refs++;
	ld->doc->root = &root->n;
	if (yload_event(ld, &ev) != 0)
		return -1;
	yaml_event_delete(&ev);		/* DOCUMENT-END */
	if (yload_event(ld, &ev) != 0)
		return -1;
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		yload_pos(ld, ev.start_mark, &line, &col);
		yload_err(ld, line, col, "only one YAML document is allowed");
	}
	yaml_event_delete(&ev);
	return ld->failed ? -1 : 0;
}

static void
yload_limits(struct yload *ld, const struct ylimits *lim)
{
	ld->max_depth = lim != NULL && lim->max_depth > 0 ? lim->max_depth :
	    YLIMIT_DEPTH;
	ld->max_nodes = lim != NULL && lim->max_nodes > 0 ? lim->max_nodes :
	    YLIMIT_NODES;
}

static int
yload_buffer(struct ydoc *doc, const unsigned char *buf, size_t len,
    const char *name, int line, int col0, const struct ylimits *lim,
    struct diags *diags)
{
	struct yload	 ld;
	size_t		 i;
	int		 rc;

	memset(&ld, 0, sizeof ld);
	ld.doc = doc;
	ld.diags = diags;
	ld.line0 = line;
	ld.col0 = col0;
	ld.buf = buf;
	ld.len = len;
	yload_limits(&ld, lim);
	if ((ld.file = ydoc_strdup(doc, name)) == NULL) {
		diags_add(diags, name, 0, 0, "out of memory");
		return -1;
	}
	if (!yaml_parser_initialize(&ld.parser)) {
		diags_add(diags, name, 0, 0, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&ld.parser, buf, len);
	rc = yload_run(&ld);
	if (ld.failed)
		rc = -1;
	yaml_parser_delete(&ld.parser);
	for (i = 0; i < ld.nanchors; i++)
		free(ld.anchors[i].name);
	free(ld.anchors);
	return rc;
}

static size_t
yload_max_bytes(const struct ylimits *lim)
{
	return lim != NULL && lim->max_bytes > 0 ? lim->max_bytes :
	    YLIMIT_BYTES;
}

int
ydoc_load_string(struct ydoc *doc, const char *text, const char *name,
    int line, int col0, const struct ylimits *lim, struct diags *diags)
{
	size_t	 len = strlen(text), max = yload_max_bytes(lim);

	doc->root = NULL;
	doc->priv = NULL;
	if (len > max) {
		diags_add(diags, name, 0, 0, "document is too large (%zu bytes; "
		    "the limit is %zu)", len, max);
		return -1;
	}
	if (yload_buffer(doc, (const unsigned char *)text, len, name, line,
	    col0, lim, diags) != 0) {
		ydoc_release(doc);
		return -1;
	}
	return 0;
}

int
ydoc_load_file(struct ydoc *doc, const char *path, const struct ylimits *lim,
    struct diags *diags)
{
	struct stat	 st;
	FILE		*fp;
	unsigned char	*buf;
	size_t		 max = yload_max_bytes(lim), len;
	int		 rc;
	/* "-" is the standard input, named "<stdin>" in messages */
	int		 in = strcmp(path, "-") == 0;
	const char	*name = in ? "<stdin>" : path;

	doc->root = NULL;
	doc->priv = NULL;
	if ((fp = in ? stdin : fopen(path, "rb")) == NULL) {
		diags_add(diags, name, 0, 0, "cannot open: %s", strerror(errno));
		return -2;
	}
	/* Refuse before reading when the size is known. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > max) {
		diags_add(diags, name, 0, 0, "file is too large (%jd bytes; the "
		    "limit is %zu)", (intmax_t)st.st_size, max);
		if (!in)
			fclose(fp);
		return -1;
	}
	if (max > SIZE_MAX - 2 || (buf = malloc(max + 1)) == NULL) {
		diags_add(diags, name, 0, 0, "out of memory");
		if (!in)
			fclose(fp);
		return -1;
	}
	len = fread(buf, 1, max + 1, fp);
	if (ferror(fp)) {
		diags_add(diags, name, 0, 0, "cannot read: %s", strerror(errno));
		free(buf);
		if (!in)
			fclose(fp);
		return -2;
	}
	if (!in)
		fclose(fp);
	if (len > max) {
		diags_add(diags, name, 0, 0, "file is too large (more than %zu "
		    "bytes)", max);
		free(buf);
		return -1;
	}
	rc = yload_buffer(doc, buf, len, name, 1, 0, lim, diags);
	free(buf);
	if (rc != 0) {
		ydoc_release(doc);
		return -1;
	}
	return 0;
}
