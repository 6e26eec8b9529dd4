/*
 * library.c - the equipment library: model files in a list of directories given by
 * the caller (the first directory that has a name wins), loaded on demand and cached.
 * The library never chooses directories itself: the command line's search-path
 * policy is in src/cli/paths.c.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bind.h"
#include "model_bind.h"
#include "library.h"

static int
add_dir(struct library *l, const char *d, size_t len)
{
	char	**v;
	char	*s;

	if (len == 0)
		return 0;
	if ((s = strndup(d, len)) == NULL)
		return -1;
	if ((v = realloc(l->dirs, (l->ndirs + 1) * sizeof *v)) == NULL) {
		free(s);
		return -1;
	}
	l->dirs = v;
	l->dirs[l->ndirs++] = s;
	return 0;
}

int
library_init(struct library *l, const char *const *dirs, size_t ndirs)
{
	size_t	i;

	memset(l, 0, sizeof *l);
	for (i = 0; i < ndirs; i++)
		if (dirs[i] != NULL && add_dir(l, dirs[i], strlen(dirs[i])) != 0) {
			library_release(l);
			return -1;
		}
	return 0;
}

void
library_release(struct library *l)
{
	size_t	i;

	for (i = 0; i < l->ndirs; i++)
		free(l->dirs[i]);
	for (i = 0; i < l->nmodels; i++) {
		model_clear(l->models[i]);
		free(l->models[i]);
	}
	for (i = 0; i < l->nfailed; i++)
		free(l->failed[i]);
	free(l->dirs);
	free(l->models);
	free(l->failed);
	memset(l, 0, sizeof *l);
}

const struct model *
library_adopt(struct library *l, struct model *m)
{
	struct model **v, *c;

	if ((c = malloc(sizeof *c)) == NULL)
		return NULL;
	if ((v = realloc(l->models, (l->nmodels + 1) * sizeof *v)) == NULL) {
		free(c);
		return NULL;
	}
	*c = *m;
	l->models = v;
	l->models[l->nmodels++] = c;
	return c;
}

static int
valid_name(const char *s)
{
	if (*s == '\0' || *s == '.')
		return 0;
	for (; *s; s++)
		if (!(*s == '-' || *s == '_' || *s == '.' || (*s >= '0' && *s <= '9') ||
		    (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return 0;
	return 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
library_names(const struct library *l, size_t *np)
{
	char	**v = NULL, **nv;
	size_t	n = 0, i, j;

	for (i = 0; i < l->ndirs; i++) {
		DIR	*d = opendir(l->dirs[i]);
		struct dirent *e;

		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			size_t len = strlen(e->d_name);
			char *name;

			if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
				continue;
			if ((name = strndup(e->d_name, len - 5)) == NULL)
				continue;
			for (j = 0; j < n; j++)
				if (strcmp(v[j], name) == 0)
					break;
			if (j < n || !valid_name(name) ||
			    (nv = realloc(v, (n + 1) * sizeof *v)) == NULL) {
				free(name);
				continue;
			}
			v = nv;
			v[n++] = name;
		}
		closedir(d);
	}
	if (n > 0)
		qsort(v, n, sizeof *v, cmp_str);
	*np = n;
	return v;
}

void
library_names_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
report_unknown(const struct library *l, struct bind *b, enum model_kind kind,
    const char *name, const struct ynode *at)
{
	size_t	n;
	char	**names = library_names(l, &n);
	const char *s = diag_suggest(name, (const char *const *)names, n);
	const char *k = kind == MK_COUNT ? "" : model_kind_name(kind);

	if (s != NULL)
		bind_error(b, at, "unknown %s%smodel '%s' (did you mean '%s'?)", k,
		    *k ? " " : "", name, s);
	else if (n > 0)
		bind_error(b, at, "unknown %s%smodel '%s'", k, *k ? " " : "", name);
	else {
		/* no library at all: say where it was looked for */
		char	where[1024];
		size_t	off = 0, i;

		where[0] = '\0';
		for (i = 0; i < l->ndirs && off < sizeof where; i++)
			off += (size_t)snprintf(where + off, sizeof where - off,
			    "%s'%s'", i ? ", " : "", l->dirs[i]);
		bind_error(b, at, "unknown %s%smodel '%s': no model library found "
		    "(searched %s; see dcplan(1) FILES)", k, *k ? " " : "", name,
		    l->ndirs ? where : "no directory");
	}
	library_names_free(names, n);
}

/*
 * A model file that did not load: remember its name, so that later uses do not
 * report its errors again, and point from the use to the file's diagnostics.
 * `at` without a line is a caller's placeholder (dcplan models show): no note.
 */
static void
invalid_model(struct library *l, struct bind *b, const char *name,
    const struct ynode *at, int remember)
{
	char	**v, *s;

	if (remember && (s = strdup(name)) != NULL) {
		if ((v = realloc(l->failed, (l->nfailed + 1) * sizeof *v)) == NULL)
			free(s);
		else {
			l->failed = v;
			l->failed[l->nfailed++] = s;
		}
	}
	if (at != NULL && at->line > 0)
		diags_add(b->d, at->file, at->line, at->col,
		    "note: model '%s' used here is invalid", name);
}

const struct model *
library_get(struct library *l, struct bind *b, enum model_kind kind, const char *name,
    const struct ynode *at)
{
	char	path[PATH_MAX];
	struct ydoc doc;
	struct model m;
	const struct model *found = NULL;
	size_t	i;
	int	rc;

	for (i = 0; i < l->nmodels; i++)
		if (!l->models[i]->is_inline &&
		    strcmp(l->models[i]->name, name) == 0) {
			found = l->models[i];
			goto check;
		}
	for (i = 0; i < l->nfailed; i++)
		if (strcmp(l->failed[i], name) == 0) {
			invalid_model(l, b, name, at, 0);
			b->errors++;
			return NULL;
		}
	if (!valid_name(name)) {
		bind_error(b, at, "invalid model name '%s'", name);
		return NULL;
	}
	for (i = 0; i < l->ndirs; i++) {
		snprintf(path, sizeof path, "%s/%s.yaml", l->dirs[i], name);
		if (access(path, F_OK) == 0)
			break;
	}
	if (i == l->ndirs) {
		report_unknown(l, b, kind, name, at);
		return NULL;
	}
	memset(&doc, 0, sizeof doc);
	rc = ydoc_load_file(&doc, path, NULL, b->d);
	if (rc != 0) {
		b->errors++;
		ydoc_release(&doc);
		invalid_model(l, b, name, at, 1);
		return NULL;
	}
	if (doc.root == NULL) {
		diags_add(b->d, path, 0, 0, "empty model file");
		b->errors++;
		ydoc_release(&doc);
		invalid_model(l, b, name, at, 1);
		return NULL;
	}
	if (model_bind(b, doc.root, MK_COUNT, 1, &m) != 0) {
		model_clear(&m);
		ydoc_release(&doc);
		invalid_model(l, b, name, at, 1);
		return NULL;
	}
	if (strcmp(m.name, name) != 0) {
		const struct ynode *nn = ymap_get(doc.root, "name");
		bind_error(b, nn ? nn : doc.root,
		    "model name '%s' does not match its file name '%s.yaml'", m.name,
		    name);
		model_clear(&m);
		ydoc_release(&doc);
		invalid_model(l, b, name, at, 1);
		return NULL;
	}
	ydoc_release(&doc);
	if ((found = library_adopt(l, &m)) == NULL) {
		model_clear(&m);
		bind_error(b, at, "out of memory");
		return NULL;
	}
	if (found->kind == MK_RACK) {
		struct model *r = l->models[l->nmodels - 1];
		r->u.rack.server = library_get(l, b, MK_SERVER, r->u.rack.server_name, at);
	}
check:
	if (kind != MK_COUNT && found->kind != kind) {
		bind_error(b, at, "model '%s' is a %s, not a %s", name,
		    model_kind_name(found->kind), model_kind_name(kind));
		return NULL;
	}
	return found;
}
