/*
 * bind.c - typed, diagnosed access to YAML trees (see bind.h).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "date.h"

void
bind_error(struct bind *b, const struct ynode *at, const char *fmt, ...)
{
	char	msg[512];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_add(b->d, at ? at->file : "?", at ? at->line : 0, at ? at->col : 0,
	    "%s", msg);
	b->errors++;
}

void
bind_keys(struct bind *b, const struct ynode *map, const char *const *keys)
{
	size_t	i, n;
	const char *s;

	if (map == NULL || map->kind != YN_MAP)
		return;
	if (b->keys_cb != NULL)
		b->keys_cb(b->keys_arg, b->root, map, keys);
	for (n = 0; keys[n] != NULL; n++)
		;
	for (i = 0; i < map->n; i++) {
		const struct ynode *k = map->pairs[i].key;
		size_t j;

		for (j = 0; j < n; j++)
			if (strcmp(k->str, keys[j]) == 0)
				break;
		if (j < n)
			continue;
		s = diag_suggest(k->str, keys, n);
		if (s != NULL)
			bind_error(b, k, "unknown key '%s' (did you mean '%s'?)",
			    k->str, s);
		else
			bind_error(b, k, "unknown key '%s'", k->str);
	}
}

static const char *
kind_noun(enum ynode_kind k)
{
	switch (k) {
	case YN_MAP:
		return "a mapping";
	case YN_SEQ:
		return "a list";
	default:
		return "a scalar";
	}
}

/* "a" or "an" before a noun ("an integer", "an apparent power", "a power"). */
static const char *
bind_article(const char *noun)
{
	return noun[0] != '\0' && strchr("aeiouAEIOU", noun[0]) != NULL ? "an" : "a";
}

static const struct ynode *
bind_kind(struct bind *b, const struct ynode *map, const char *key, int flags,
    enum ynode_kind want)
{
	const struct ynode *n;

	n = bind_node(b, map, key, flags);
	if (n == NULL)
		return NULL;
	if (n->kind != want) {
		bind_error(b, n, "'%s' must be %s, not %s", key, kind_noun(want),
		    kind_noun(n->kind));
		return NULL;
	}
	return n;
}

/* The key node of map[key] (for diagnostics), or the map itself. */
static const struct ynode *
bind_key_node(const struct ynode *map, const char *key)
{
	size_t	i;

	for (i = 0; i < map->n; i++)	/* the pair ymap_get finds */
		if (map->pairs[i].key->kind == YN_SCALAR &&
		    strcmp(map->pairs[i].key->str, key) == 0)
			return map->pairs[i].key;
	return map;
}

const struct ynode *
bind_node(struct bind *b, const struct ynode *map, const char *key, int flags)
{
	const struct ynode *n;

	if (map == NULL || map->kind != YN_MAP)
		return NULL;
	n = ymap_get(map, key);
	if (n != NULL && n->kind == YN_SCALAR && n->is_null) {
		/* "racks:" with nothing after it: the key is there, its value is
		 * not.  A null from --set (PATH= or PATH=null) is blamed on the
		 * --set argument, where it was written. */
		if (flags & B_REQ)
			bind_error(b, strcmp(n->file, "--set") == 0 ? n :
			    bind_key_node(map, key), "'%s' has no value", key);
		return NULL;
	}
	if (n == NULL && (flags & B_REQ))
		bind_error(b, map, "missing required key '%s'", key);
	return n;
}

const struct ynode *
bind_map(struct bind *b, const struct ynode *map, const char *key, int flags)
{
	return bind_kind(b, map, key, flags, YN_MAP);
}

const struct ynode *
bind_seq(struct bind *b, const struct ynode *map, const char *key, int flags)
{
	return bind_kind(b, map, key, flags, YN_SEQ);
}

static const struct ynode *
bind_scalar(struct bind *b, const struct ynode *map, const char *key, int flags)
{
	return bind_kind(b, map, key, flags, YN_SCALAR);
}

int
bind_str(struct bind *b, const struct ynode *map, const char *key, int flags,
    char *buf, size_t len)
{
	const struct ynode *n;

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	if (strlen(n->str) >= len) {
		bind_error(b, n, "'%s' is too long (at most %zu characters)", key,
		    len - 1);
		return 0;
	}
	memcpy(buf, n->str, strlen(n->str) + 1);
	return 1;
}

int
bind_strdup(struct bind *b, const struct ynode *map, const char *key, int flags,
    char **out)
{
	const struct ynode *n;
	char	*s;

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	if ((s = strdup(n->str)) == NULL) {
		bind_error(b, n, "out of memory");
		return 0;
	}
	free(*out);
	*out = s;
	return 1;
}

/*
 * A bool is true or false as the YAML 1.2 core schema spells them (true, True,
 * TRUE, false, False, FALSE; YAML 1.2 section 10.3.2).  YAML 1.1's yes/no/on/off
 * are strings in YAML 1.2 and are refused with a message that says so, rather
 * than read one way by dcplan and another way by other YAML tools.
 */
int
bind_bool(struct bind *b, const struct ynode *map, const char *key, int flags,
    int *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", NULL };
	static const char *const no[] = { "false", "False", "FALSE", NULL };
	static const char *const yaml11[] = { "yes", "no", "on", "off", "y", "n",
	    NULL };
	const struct ynode *n;
	int	i;

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	for (i = 0; yes[i] != NULL; i++)
		if (strcmp(n->str, yes[i]) == 0) {
			*out = 1;
			return 1;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(n->str, no[i]) == 0) {
			*out = 0;
			return 1;
		}
	for (i = 0; yaml11[i] != NULL; i++)
		if (strcasecmp(n->str, yaml11[i]) == 0) {
			bind_error(b, n, "'%s' must be true or false, not '%s' (a "
			    "YAML 1.1 boolean; write %s)", key, n->str,
			    i % 2 == 0 ? "true" : "false");
			return 0;
		}
	bind_error(b, n, "'%s' must be true or false, not '%s'", key, n->str);
	return 0;
}

int
bind_int(struct bind *b, const struct ynode *map, const char *key, int flags,
    long lo, long hi, int *out)
{
	const struct ynode *n;
	double	v;
	char	err[256];

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	if (units_parse(n->str, U_INT, &v, err, sizeof err) != 0) {
		bind_error(b, n, "'%s': %s", key, err);
		return 0;
	}
	if (v < (double)lo || v > (double)hi) {
		if (hi >= 1000000000L)
			bind_error(b, n, "'%s' must be at least %ld, not %s", key,
			    lo, n->str);
		else
			bind_error(b, n, "'%s' must be between %ld and %ld, not %s",
			    key, lo, hi, n->str);
		return 0;
	}
	*out = (int)v;
	return 1;
}

int
bind_date_node(struct bind *b, const struct ynode *n, int *out)
{
	char	err[256];
	int	d;

	if (n->kind != YN_SCALAR) {
		bind_error(b, n, "expected a date (YYYY-MM-DD), not %s",
		    kind_noun(n->kind));
		return 0;
	}
	if (date_parse(n->str, &d, err, sizeof err) != 0) {
		bind_error(b, n, "%s", err);
		return 0;
	}
	*out = d;
	return 1;
}

int
bind_date(struct bind *b, const struct ynode *map, const char *key, int flags,
    int *out)
{
	const struct ynode *n;

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	return bind_date_node(b, n, out);
}

int
bind_enum(struct bind *b, const struct ynode *map, const char *key, int flags,
    const char *const *names, int *out)
{
	const struct ynode *n;
	char	list[512];
	size_t	i, k, len = 0;
	const char *s;

	if ((n = bind_scalar(b, map, key, flags)) == NULL)
		return 0;
	for (k = 0; names[k] != NULL; k++)
		if (strcmp(n->str, names[k]) == 0) {
			*out = (int)k;
			return 1;
		}
	list[0] = '\0';
	for (i = 0; i < k && len + 1 < sizeof list; i++) {
		int w = snprintf(list + len, sizeof list - len, "%s%s",
		    i ? ", " : "", names[i]);
		if (w < 0 || (size_t)w >= sizeof list - len)
			break;
		len += (size_t)w;
	}
	s = diag_suggest(n->str, names, k);
	if (s != NULL)
		bind_error(b, n, "'%s' must be one of %s, not '%s' (did you mean '%s'?)",
		    key, list, n->str, s);
	else
		bind_error(b, n, "'%s' must be one of %s, not '%s'", key, list,
		    n->str);
	return 0;
}

int
bind_qty_node(struct bind *b, const struct ynode *n, const char *what,
    enum unit_kind kind, int flags, double lo, double hi, double *out)
{
	char	err[256], lo_s[64], hi_s[64];
	double	v;

	if (n->kind != YN_SCALAR) {
		bind_error(b, n, "'%s' must be %s %s, not %s", what,
		    bind_article(unit_kind_name(kind)), unit_kind_name(kind),
		    kind_noun(n->kind));
		return 0;
	}
	if (units_parse(n->str, kind, &v, err, sizeof err) != 0) {
		bind_error(b, n, "'%s': %s", what, err);
		return 0;
	}
	if ((flags & B_POS) ? !(v > lo) : !(v >= lo)) {
		units_format(kind, lo, lo_s, sizeof lo_s);
		if (flags & B_POS)
			bind_error(b, n, "'%s' must be greater than %s, not %s", what,
			    lo_s, n->str);
		else
			bind_error(b, n, "'%s' must be at least %s, not %s", what,
			    lo_s, n->str);
		return 0;
	}
	if (!(v <= hi)) {
		units_format(kind, hi, hi_s, sizeof hi_s);
		bind_error(b, n, "'%s' must be at most %s, not %s", what, hi_s,
		    n->str);
		return 0;
	}
	*out = v;
	return 1;
}

int
bind_qty(struct bind *b, const struct ynode *map, const char *key, int flags,
    enum unit_kind kind, double lo, double hi, double *out)
{
	const struct ynode *n;

	if ((n = bind_node(b, map, key, flags)) == NULL)
		return 0;
	return bind_qty_node(b, n, key, kind, flags, lo, hi, out);
}

