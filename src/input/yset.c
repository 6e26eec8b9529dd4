/*
 * yset.c - apply a command-line override "--set PATH=VALUE" to a document.
 *
 * PATH is dot-separated keys ([A-Za-z0-9_-]+) each followed by optional [N]
 * indices.  "!PATH" (dcplan --unset PATH) removes what PATH names.  The walk runs twice: a dry run that only reports errors, then the
 * real one, so a bad override never leaves the document half changed.  Nodes
 * shared through aliases or merges are copied before they are changed, so an
 * override changes only the path it names.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ydoc.h"

struct yseg {
	int		 is_index;
	const char	*key;		/* into arg */
	size_t		 keylen;
	size_t		 index;
	size_t		 start;		/* offset in arg */
};

struct yset {
	struct ydoc	*doc;
	const char	*arg;
	int		 ordinal;
	struct diags	*diags;
	const char	*file;		/* "--set", in the arena (real run) */
	int		 unset;		/* "!PATH": arg is PATH */
	struct yseg	*seg;
	size_t		 nseg;
};

static int
yset_keychar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static int
yset_perr(struct yset *ys, size_t off, const char *msg)
{
	diags_add(ys->diags, "--set", ys->ordinal, (int)off + 1, "%s", msg);
	return -1;
}

/* Split arg[from..len) into segments. */
static int
yset_parse_path(struct yset *ys, size_t from, size_t len)
{
	const char	*a = ys->arg;
	struct yseg	*sg;
	size_t		 i = from, idx;
	char		 msg[80];

	if (len == from)
		return yset_perr(ys, from, ys->unset ? "empty path" :
		    "empty path before '='");
	/* At most one segment per character. */
	if ((ys->seg = calloc(len, sizeof *ys->seg)) == NULL)
		return yset_perr(ys, 0, "out of memory");
	for (;;) {
		if (!yset_keychar(a[i])) {
			if (i < len && a[i] != '.' && a[i] != '[') {
				snprintf(msg, sizeof msg, "unexpected character "
				    "'%c' in path", a[i]);
				return yset_perr(ys, i, msg);
			}
			return yset_perr(ys, i, "empty key in path");
		}
		sg = &ys->seg[ys->nseg++];
		sg->key = a + i;
		sg->start = i;
		while (i < len && yset_keychar(a[i]))
			i++;
		sg->keylen = i - sg->start;
		while (i < len && a[i] == '[') {
			sg = &ys->seg[ys->nseg++];
			sg->is_index = 1;
			sg->start = i++;
			if (i >= len || a[i] < '0' || a[i] > '9')
				return yset_perr(ys, sg->start,
				    "expected a list index in '[N]'");
			for (idx = 0; i < len && a[i] >= '0' && a[i] <= '9';
			    i++) {
				if (idx > (size_t)(INT_MAX - 9) / 10)
					return yset_perr(ys, sg->start,
					    "list index too large");
				idx = idx * 10 + (size_t)(a[i] - '0');
			}
			if (i >= len || a[i] != ']')
				return yset_perr(ys, sg->start,
				    "expected a list index in '[N]'");
			sg->index = idx;
			i++;
		}
		if (i == len)
			return 0;
		if (a[i] != '.') {
			snprintf(msg, sizeof msg, "unexpected character '%c' "
			    "in path", a[i]);
			return yset_perr(ys, i, msg);
		}
		if (++i == len)
			return yset_perr(ys, i, "empty key in path");
	}
}

/* Report that the node reached by segments before s is the wrong kind. */
static int
yset_kind_err(struct yset *ys, size_t s, const char *what)
{
	size_t	 end = ys->seg[s].start;

	if (end > 0 && ys->arg[end - 1] == '.')
		end--;
	if (end == 0)
		diags_add(ys->diags, "--set", ys->ordinal,
		    (int)ys->seg[s].start + 1, "the document is not %s", what);
	else
		diags_add(ys->diags, "--set", ys->ordinal,
		    (int)ys->seg[s].start + 1, "'%.*s' is not %s", (int)end,
		    ys->arg, what);
	return -1;
}

static int
yset_oom(struct yset *ys)
{
	diags_add(ys->diags, "--set", ys->ordinal, 0, "out of memory");
	return -1;
}

/* An empty container to stand where a path goes on (real run). */
static struct ynode *
yset_container(struct yset *ys, enum ynode_kind kind, size_t s)
{
	return ydoc_node(ys->doc, kind, ys->file, ys->ordinal,
	    (int)ys->seg[s].start + 1);
}

/* Copy a shared node before changing it, and relink its slot. */
static struct ynode *
yset_own(struct yset *ys, struct ynode **slot)
{
	struct ynode	*c;

	if (!ydoc_shared(*slot))
		return *slot;
	if ((c = ydoc_clone(ys->doc, *slot)) == NULL)
		return NULL;
	ydoc_link(c);
	*slot = c;
	return c;
}

static struct ypair *
yset_find(struct ynode *map, const char *key, size_t len)
{
	size_t	 i;
	char	*k;

	for (i = 0; i < map->n; i++) {
		k = map->pairs[i].key->str;
		if (map->pairs[i].key->kind == YN_SCALAR &&
		    strncmp(k, key, len) == 0 && k[len] == '\0')
			return &map->pairs[i];
	}
	return NULL;
}

static int
yset_absent(const struct ynode *n)
{
	return n == NULL || (n->kind == YN_SCALAR && n->is_null);
}

/*
 * Walk the path; with dry set only check it.  cur NULL stands for "nothing
 * there yet": an empty container that the real run creates.
 */
static int
yset_walk(struct yset *ys, struct ynode *value, int dry)
{
	struct ynode	**slot = &ys->doc->root, *cur = ys->doc->root, *k;
	struct ynode	**items;
	struct ypair	*p, *pairs;
	struct yseg	*sg;
	size_t		 s, n;
	int		 last;

	for (s = 0; s < ys->nseg; s++) {
		sg = &ys->seg[s];
		last = s + 1 == ys->nseg;
		if (!sg->is_index) {
			if (!yset_absent(cur) && cur->kind != YN_MAP)
				return yset_kind_err(ys, s, "a mapping");
			if (dry) {
				p = yset_absent(cur) ? NULL :
				    yset_find(cur, sg->key, sg->keylen);
				cur = p != NULL ? p->val : NULL;
				continue;
			}
			if (yset_absent(cur)) {
				if ((cur = yset_container(ys, YN_MAP, s)) ==
				    NULL)
					return yset_oom(ys);
				ydoc_link(cur);
				*slot = cur;
			} else if ((cur = yset_own(ys, slot)) == NULL)
				return yset_oom(ys);
			if ((p = yset_find(cur, sg->key, sg->keylen)) == NULL) {
				pairs = ydoc_alloc(ys->doc,
				    (cur->n + 1) * sizeof *pairs);
				k = ydoc_node(ys->doc, YN_SCALAR, ys->file,
				    ys->ordinal, (int)sg->start + 1);
				if (pairs == NULL || k == NULL ||
				    (k->str = ydoc_alloc(ys->doc,
				    sg->keylen + 1)) == NULL)
					return yset_oom(ys);
				memcpy(k->str, sg->key, sg->keylen);
				k->plain = 1;
				ydoc_link(k);
				if (cur->n > 0)
					memcpy(pairs, cur->pairs,
					    cur->n * sizeof *pairs);
				cur->pairs = pairs;
				p = &pairs[cur->n++];
				p->key = k;
				p->val = NULL;
			}
			slot = &p->val;
		} else {
			if (!yset_absent(cur) && cur->kind != YN_SEQ)
				return yset_kind_err(ys, s, "a list");
			n = yset_absent(cur) ? 0 : cur->n;
			if (sg->index > n) {
				diags_add(ys->diags, "--set", ys->ordinal,
				    (int)sg->start + 1, "index %zu out of "
				    "range (list has %zu item%s)", sg->index, n,
				    n == 1 ? "" : "s");
				return -1;
			}
			if (dry) {
				cur = sg->index < n ? cur->items[sg->index] :
				    NULL;
				continue;
			}
			if (yset_absent(cur)) {
				if ((cur = yset_container(ys, YN_SEQ, s)) ==
				    NULL)
					return yset_oom(ys);
				ydoc_link(cur);
				*slot = cur;
			} else if ((cur = yset_own(ys, slot)) == NULL)
				return yset_oom(ys);
			if (sg->index == n) {
				if ((items = ydoc_alloc(ys->doc,
				    (n + 1) * sizeof *items)) == NULL)
					return yset_oom(ys);
				if (n > 0)
					memcpy(items, cur->items,
					    n * sizeof *items);
				items[n] = NULL;
				cur->items = items;
				cur->n++;
			}
			slot = &cur->items[sg->index];
		}
		if (last) {
			ydoc_link(value);
			*slot = value;
		} else
			cur = *slot;
	}
	return 0;
}

/* "nothing at PATH" for the segments up to and including s */
static int
yset_missing(struct yset *ys, size_t s)
{
	size_t	end = s + 1 < ys->nseg ? ys->seg[s + 1].start : strlen(ys->arg);

	if (end > 0 && ys->arg[end - 1] == '.')
		end--;
	diags_add(ys->diags, "--set", ys->ordinal, (int)ys->seg[s].start + 1,
	    "nothing to remove: '%.*s' is not in the site", (int)end, ys->arg);
	return -1;
}

/*
 * "!PATH" (--unset PATH): remove a key from its mapping or an item from its
 * list, as if deleted from the file.  A check walk first, so that an error
 * changes nothing; shared containers are copied before they change.
 */
static int
yset_unset(struct yset *ys)
{
	struct ynode	**slot = &ys->doc->root, *cur = ys->doc->root;
	struct ypair	*p;
	struct yseg	*sg;
	size_t		 s;
	int		 dry;

	for (dry = 1; dry >= 0; dry--) {
		slot = &ys->doc->root;
		cur = ys->doc->root;
		for (s = 0; s < ys->nseg; s++) {
			int	last = s + 1 == ys->nseg;

			sg = &ys->seg[s];
			if (yset_absent(cur))
				return yset_missing(ys, s);
			if (!dry && (cur = yset_own(ys, slot)) == NULL)
				return yset_oom(ys);
			if (!sg->is_index) {
				if (cur->kind != YN_MAP)
					return yset_kind_err(ys, s, "a mapping");
				if ((p = yset_find(cur, sg->key, sg->keylen)) == NULL)
					return yset_missing(ys, s);
				if (last && !dry) {
					memmove(p, p + 1, (size_t)(cur->pairs + cur->n -
					    (p + 1)) * sizeof *p);
					cur->n--;
					return 0;
				}
				slot = &p->val;
			} else {
				if (cur->kind != YN_SEQ)
					return yset_kind_err(ys, s, "a list");
				if (sg->index >= cur->n) {
					diags_add(ys->diags, "--set", ys->ordinal,
					    (int)sg->start + 1, "index %zu out of range "
					    "(list has %zu item%s)", sg->index, cur->n,
					    cur->n == 1 ? "" : "s");
					return -1;
				}
				if (last && !dry) {
					memmove(&cur->items[sg->index],
					    &cur->items[sg->index + 1], (cur->n -
					    sg->index - 1) * sizeof *cur->items);
					cur->n--;
					return 0;
				}
				slot = &cur->items[sg->index];
			}
			cur = *slot;
		}
	}
	return 0;
}

int
ydoc_set(struct ydoc *doc, const char *arg, int ordinal, struct diags *diags)
{
	struct yset	 ys;
	struct ydoc	 vd = { NULL, NULL };
	struct ynode	*value;
	const char	*eq;
	size_t		 voff;
	int		 rc = -1;

	memset(&ys, 0, sizeof ys);
	ys.doc = doc;
	ys.arg = arg;
	ys.ordinal = ordinal;
	ys.diags = diags;
	if (arg[0] == '!') {
		/* --unset PATH: columns are PATH's */
		ys.arg = arg + 1;
		ys.unset = 1;
		if (yset_parse_path(&ys, 0, strlen(ys.arg)) == 0)
			rc = yset_unset(&ys);
		free(ys.seg);
		return rc;
	}
	if ((eq = strchr(arg, '=')) == NULL) {
		diags_add(diags, "--set", ordinal, 1, "expected PATH=VALUE, "
		    "not '%s'", arg);
		return -1;
	}
	voff = (size_t)(eq - arg) + 1;
	if (yset_parse_path(&ys, 0, voff - 1) != 0)
		goto out;
	if (ydoc_load_string(&vd, arg + voff, "--set", ordinal, (int)voff,
	    NULL, diags) != 0)
		goto out;
	if (yset_walk(&ys, NULL, 1) != 0)
		goto out;

	/* From here on only running out of memory can fail. */
	value = vd.root;
	if (ydoc_adopt(doc, &vd) != 0 ||
	    (ys.file = ydoc_strdup(doc, "--set")) == NULL) {
		rc = yset_oom(&ys);
		goto out;
	}
	if (value == NULL) {
		/* An empty VALUE is null. */
		if ((value = ydoc_node(doc, YN_SCALAR, ys.file, ordinal,
		    (int)voff + 1)) == NULL ||
		    (value->str = ydoc_strdup(doc, "")) == NULL) {
			rc = yset_oom(&ys);
			goto out;
		}
		value->plain = 1;
		value->is_null = 1;
	}
	rc = yset_walk(&ys, value, 0);
out:
	ydoc_release(&vd);
	free(ys.seg);
	return rc;
}
