/*
 * cmd-help.c - "dcplan help [COMMAND]" and "dcplan help --keys SITE", the
 * --set paths of a site as the schema has them (for shell completion).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "paths.h"
#include "site_load.h"
#include "ydoc.h"

#define KEYS_MAX_DEPTH	64	/* as the YAML reader's nesting limit */

/* The path of target below n into buf (length len): 1 if found. */
static int
find_path(const struct ynode *n, const struct ynode *target, char *buf,
    size_t len, size_t off, int depth)
{
	size_t	i;
	int	w;

	if (n == NULL || depth > KEYS_MAX_DEPTH)
		return 0;
	if (n == target) {
		buf[off] = '\0';
		return 1;
	}
	if (n->kind == YN_MAP)
		for (i = 0; i < n->n; i++) {
			const struct ynode *k = n->pairs[i].key;

			if (k->kind != YN_SCALAR)
				continue;
			w = snprintf(buf + off, len - off, "%s%s", off ? "." : "",
			    k->str);
			if (w < 0 || (size_t)w >= len - off)
				continue;
			if (find_path(n->pairs[i].val, target, buf, len,
			    off + (size_t)w, depth + 1))
				return 1;
		}
	else if (n->kind == YN_SEQ)
		for (i = 0; i < n->n; i++) {
			w = snprintf(buf + off, len - off, "[%zu]", i);
			if (w < 0 || (size_t)w >= len - off)
				continue;
			if (find_path(n->items[i], target, buf, len, off + (size_t)w,
			    depth + 1))
				return 1;
		}
	return 0;
}

/* Every key the schema accepts in a mapping of the document, as a path. */
static void
print_keys(void *arg, const struct ynode *root, const struct ynode *map,
    const char *const *keys)
{
	char	path[1024];
	size_t	i;

	(void)arg;
	if (!find_path(root, map, path, sizeof path, 0, 0))
		return;		/* a model file's mapping, not the site's */
	for (i = 0; keys[i] != NULL; i++)
		if (path[0] != '\0')
			diag_printf(stdout, "%s.%s\n", path, keys[i]);
		else
			diag_printf(stdout, "%s\n", keys[i]);
}

static int
help_keys(struct cmd_ctx *c, const char *file)
{
	struct site_opts o;
	struct site s;
	struct paths p;
	struct diags d;
	int	rc;

	memset(&o, 0, sizeof o);
	memset(&d, 0, sizeof d);
	if (paths_models(&p, c->g->models_dir) != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	o.model_dirs = (const char *const *)p.dirs;
	o.n_model_dirs = p.n;
	o.sets = c->g->sets;
	o.nsets = c->g->nsets;
	o.keys_cb = print_keys;
	/* the keys of the mappings the site has, whether or not it is valid:
	 * completion runs on files being written */
	rc = site_load(file, &o, &s, &d);
	paths_release(&p);
	site_release(&s);
	diags_release(&d);
	return rc == -2 ? EXIT_IO : EXIT_OK;
}

static int
cmd_help_exec(struct cmd_ctx *c)
{
	const struct cmd_entry *e = NULL;
	const char *keys = cmd_opt(c, "keys");
	char	err[256];

	if (keys != NULL) {
		if (c->npos > 0) {
			cmd_error(c, "give --keys SITE or a COMMAND, not both");
			return EXIT_USAGE;
		}
		return help_keys(c, keys);
	}
	if (c->npos > 0 && (e = cmd_find(c->pos[0], err, sizeof err)) == NULL) {
		cmd_error(c, "%s", err);
		return EXIT_USAGE;
	}
	cmd_help(e, stdout);
	return EXIT_OK;
}

static const struct opt_def help_opts[] = {
	{ .name = "keys", .type = OPT_STRING, .arg = "SITE",
	  .help = "list the --set paths the schema accepts in SITE's mappings" },
	{ .name = NULL }
};

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.operands = "[COMMAND]",
	.summary = "describe dcplan or one of its commands",
	.opts = help_opts,
	.min_pos = 0,
	.max_pos = 1,
	.formats = FMTS_ALL,
	.exec = cmd_help_exec,
};
