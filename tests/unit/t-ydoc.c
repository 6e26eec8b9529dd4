/*
 * t-ydoc.c - the YAML document tree, --set overrides and diagnostics.
 *
 * Positions are counted by hand from the test strings (1-based line:col);
 * libyaml places a node at the start of its properties (&anchor, !tag) or,
 * for a block sequence, at its first '-'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "ydoc.h"
#include "tap.h"

/* The diagnostics as printed, malloc'd. */
static char *
dstr(const struct diags *d)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return NULL;
	diags_print(d, fp);
	fclose(fp);
	return buf;
}

static void
is_diags(struct diags *d, const char *want, const char *what)
{
	char	*got = dstr(d);

	is_str(got, want, "%s", what);
	free(got);
	diags_release(d);
}

/* Walk "a.b[1].c" in a tree (test helper, independent of yset.c). */
static struct ynode *
at(struct ynode *n, const char *path)
{
	char	 key[64];
	size_t	 i;
	long	 idx;
	char	*end;

	while (n != NULL && *path != '\0') {
		if (*path == '.')
			path++;
		if (*path == '[') {
			idx = strtol(path + 1, &end, 10);
			path = end + 1;
			if (n->kind != YN_SEQ || idx < 0 || (size_t)idx >= n->n)
				return NULL;
			n = n->items[idx];
			continue;
		}
		for (i = 0; path[i] != '\0' && path[i] != '.' &&
		    path[i] != '[' && i < sizeof key - 1; i++)
			key[i] = path[i];
		key[i] = '\0';
		path += i;
		n = ymap_get(n, key);
	}
	return n;
}

static int
is_pos(const struct ynode *n, const char *file, int line, int col)
{
	return n != NULL && strcmp(n->file, file) == 0 && n->line == line &&
	    n->col == col;
}

static const char *
sval(struct ynode *n)
{
	return n != NULL && n->kind == YN_SCALAR ? n->str : "(not a scalar)";
}

static int
load(struct ydoc *doc, const char *text, struct diags *d)
{
	return ydoc_load_string(doc, text, "t.yaml", 1, 0, NULL, d);
}

static void
t_positions(void)
{
	static const char text[] =
	    "site:\n"
	    "  name: \"x\"\n"
	    "  list:\n"
	    "    - a\n"
	    "    - {b: 1, c: [2, 3]}\n";
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	struct ynode	*r;

	is_int(load(&doc, text, &d), 0, "load positions document");
	r = doc.root;
	ok(r != NULL && r->kind == YN_MAP && r->n == 1, "root is a map");
	ok(is_pos(r, "t.yaml", 1, 1), "root at 1:1");
	ok(is_pos(r->pairs[0].key, "t.yaml", 1, 1), "key site at 1:1");
	ok(is_pos(at(r, "site"), "t.yaml", 2, 3), "site map at 2:3");
	ok(is_pos(at(r, "site")->pairs[0].key, "t.yaml", 2, 3), "name key");
	ok(is_pos(at(r, "site.name"), "t.yaml", 2, 9), "\"x\" at 2:9");
	is_str(sval(at(r, "site.name")), "x", "quoted text");
	ok(!at(r, "site.name")->plain, "quoted is not plain");
	ok(is_pos(at(r, "site.list"), "t.yaml", 4, 5), "block seq at its -");
	is_int(at(r, "site.list")->n, 2, "two items");
	ok(is_pos(at(r, "site.list[0]"), "t.yaml", 4, 7), "a at 4:7");
	ok(at(r, "site.list[0]")->plain, "a is plain");
	ok(is_pos(at(r, "site.list[1]"), "t.yaml", 5, 7), "{ at 5:7");
	ok(is_pos(at(r, "site.list[1].b"), "t.yaml", 5, 11), "1 at 5:11");
	ok(is_pos(at(r, "site.list[1].c"), "t.yaml", 5, 17), "[ at 5:17");
	ok(is_pos(at(r, "site.list[1].c[0]"), "t.yaml", 5, 18), "2 at 5:18");
	ok(is_pos(at(r, "site.list[1].c[1]"), "t.yaml", 5, 21), "3 at 5:21");
	ok(at(r, "site.nope") == NULL, "absent key");
	ok(ymap_get(at(r, "site.list"), "x") == NULL, "ymap_get on a seq");
	ok(ymap_get(NULL, "x") == NULL, "ymap_get on NULL");
	ydoc_release(&doc);
	ok(doc.root == NULL && doc.priv == NULL, "free clears the document");
	ydoc_release(&doc);	/* twice is harmless */
	is_int(d.n, 0, "no diagnostics");

	/* Offsets: first line shifted by col0, later lines not. */
	is_int(ydoc_load_string(&doc, "a: [1, 2]\nb: 3", "--set", 7, 10, NULL,
	    &d), 0, "load with offsets");
	ok(is_pos(doc.root->pairs[0].key, "--set", 7, 11), "a at 7:11");
	ok(is_pos(at(doc.root, "a"), "--set", 7, 14), "[ at 7:14");
	ok(is_pos(at(doc.root, "b"), "--set", 8, 4), "3 at 8:4");
	ydoc_release(&doc);

	/* Empty input and comments only: no root. */
	is_int(load(&doc, "", &d), 0, "empty string loads");
	ok(doc.root == NULL, "empty: root NULL");
	ydoc_release(&doc);
	is_int(load(&doc, "# just a comment\n\n", &d), 0, "comment loads");
	ok(doc.root == NULL, "comment only: root NULL");
	ydoc_release(&doc);
	is_int(d.n, 0, "still no diagnostics");
}

static void
t_scalars(void)
{
	static const char text[] =
	    "a: ~\n"
	    "b:\n"
	    "c: null\n"
	    "d: Null\n"
	    "e: NULL\n"
	    "f: 'null'\n"
	    "g: nul\n"
	    "h: !!str null\n"
	    "i: \"\"\n"
	    "j: |\n"
	    "  two\n"
	    "  lines\n"
	    "k: 50 MW\n";
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	struct ynode	*r;

	is_int(load(&doc, text, &d), 0, "load scalars");
	r = doc.root;
	ok(at(r, "a")->is_null && at(r, "a")->plain, "~ is null");
	ok(at(r, "b")->is_null, "empty value is null");
	is_str(sval(at(r, "b")), "", "empty value has text ''");
	ok(at(r, "c")->is_null, "null is null");
	ok(at(r, "d")->is_null, "Null is null");
	ok(at(r, "e")->is_null, "NULL is null");
	ok(!at(r, "f")->is_null && !at(r, "f")->plain, "'null' is a string");
	ok(!at(r, "g")->is_null, "nul is not null");
	ok(!at(r, "h")->is_null && !at(r, "h")->plain, "!!str null is a string");
	ok(!at(r, "i")->is_null && !at(r, "i")->plain, "\"\" is a string");
	is_str(sval(at(r, "j")), "two\nlines\n", "literal block");
	is_str(sval(at(r, "k")), "50 MW", "plain with space");
	ydoc_release(&doc);
}

static void
t_aliases(void)
{
	static const char text[] =
	    "base: &b\n"
	    "  x: 1\n"
	    "  y: 2\n"
	    "other: &o\n"
	    "  z: 3\n"
	    "  x: 9\n"
	    "use: *b\n"
	    "m1:\n"
	    "  <<: *b\n"
	    "  y: 20\n"
	    "m2:\n"
	    "  <<: [*b, *o]\n"
	    "  w: 4\n"
	    "m3:\n"
	    "  y: 30\n"
	    "  <<: {y: 0, q: 5}\n"
	    "s: &s hello\n"
	    "t: [*s, *s]\n";
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	struct ynode	*r;

	is_int(load(&doc, text, &d), 0, "load aliases and merges");
	r = doc.root;
	ok(at(r, "use") == at(r, "base"), "alias shares the node");
	ok(at(r, "t[0]") == at(r, "s") && at(r, "t[1]") == at(r, "s"),
	    "scalar alias shared");
	is_str(sval(at(r, "t[1]")), "hello", "scalar alias text");
	ok(is_pos(at(r, "base"), "t.yaml", 1, 7), "anchored map at its &");

	is_int(at(r, "m1")->n, 2, "m1 has x and y, no '<<'");
	ok(ymap_get(at(r, "m1"), "<<") == NULL, "no '<<' key after merge");
	is_str(sval(at(r, "m1.x")), "1", "m1.x merged");
	ok(at(r, "m1.x") == at(r, "base.x"), "merged value shared");
	is_str(sval(at(r, "m1.y")), "20", "explicit key wins");

	is_int(at(r, "m2")->n, 4, "m2 has x y z w");
	is_str(sval(at(r, "m2.x")), "1", "first merged map wins");
	is_str(sval(at(r, "m2.y")), "2", "m2.y from base");
	is_str(sval(at(r, "m2.z")), "3", "m2.z from other");
	is_str(sval(at(r, "m2.w")), "4", "m2.w explicit");

	is_int(at(r, "m3")->n, 2, "m3 has y and q");
	is_str(sval(at(r, "m3.y")), "30", "explicit before << still wins");
	is_str(sval(at(r, "m3.q")), "5", "inline merge");
	ok(ymap_get(at(r, "base"), "w") == NULL, "base untouched by merges");
	ydoc_release(&doc);

	/* Quoted "<<" is an ordinary key. */
	is_int(load(&doc, "a: {'<<': 1}", &d), 0, "quoted << loads");
	is_str(sval(at(doc.root, "a.<<")), "1", "quoted << is a key");
	ydoc_release(&doc);

	is_int(load(&doc, "m: {<<: 5}\n", &d), -1, "merge of a scalar");
	ok(doc.root == NULL, "failed load: root NULL");
	is_diags(&d, "t.yaml:1:9: merge key '<<' needs a mapping or a list "
	    "of mappings\n", "merge of a scalar message");
	is_int(load(&doc, "a: &a {x: 1}\nm: {<<: [*a, 2]}\n", &d), -1,
	    "merge list with a scalar");
	is_diags(&d, "t.yaml:2:14: merge key '<<' needs a mapping or a list "
	    "of mappings\n", "merge list message");

	is_int(load(&doc, "a: *nope\n", &d), -1, "unknown alias");
	is_diags(&d, "t.yaml:1:4: unknown alias '*nope'\n",
	    "unknown alias message");
	is_int(load(&doc, "a: &x [1, *x]\n", &d), -1, "recursive alias");
	is_diags(&d, "t.yaml:1:11: alias '*x' refers to a node that contains "
	    "it\n", "recursive alias message");
	/* A redefined anchor: aliases see the latest one. */
	is_int(load(&doc, "a: &x 1\nb: &x 2\nc: *x\n", &d), 0,
	    "redefined anchor");
	is_str(sval(at(doc.root, "c")), "2", "alias takes the latest anchor");
	ydoc_release(&doc);
}

static void
t_limits(void)
{
	/* Billion laughs: level k expands to 1 + 9 * size(k-1) nodes:
	 * a 10, b 91, c 820, d 7381, e 66430, f 597871, g 5380840. */
	static const char bomb[] =
	    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
	struct ylimits	 lim;
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	char		 deep[200];
	int		 i;

	is_int(load(&doc, bomb, &d), -1, "billion laughs rejected");
	ok(doc.root == NULL, "bomb: no root");
	is_diags(&d, "t.yaml:7:4: document expands to more than 1000000 "
	    "nodes (alias bomb?)\n", "bomb message at the first node over");

	/* Exactly at the node limit: root + 9 items = 10 nodes. */
	memset(&lim, 0, sizeof lim);
	lim.max_nodes = 10;
	is_int(ydoc_load_string(&doc, "[1, 2, 3, 4, 5, 6, 7, 8, 9]", "t.yaml",
	    1, 0, &lim, &d), 0, "10 nodes with max_nodes 10");
	ydoc_release(&doc);
	lim.max_nodes = 9;
	is_int(ydoc_load_string(&doc, "[1, 2, 3, 4, 5, 6, 7, 8, 9]", "t.yaml",
	    1, 0, &lim, &d), -1, "10 nodes with max_nodes 9");
	is_diags(&d, "t.yaml:1:1: document expands to more than 9 nodes "
	    "(alias bomb?)\n", "node limit message");
	/* Aliases count expanded: root, a, [, 1, 2, b, *x (3) = 9. */
	is_int(ydoc_load_string(&doc, "a: &x [1, 2]\nb: *x", "t.yaml", 1, 0,
	    &lim, &d), 0, "9 expanded nodes with max_nodes 9");
	ydoc_release(&doc);
	lim.max_nodes = 8;
	is_int(ydoc_load_string(&doc, "a: &x [1, 2]\nb: *x", "t.yaml", 1, 0,
	    &lim, &d), -1, "9 expanded nodes with max_nodes 8");
	is_diags(&d, "t.yaml:1:1: document expands to more than 8 nodes "
	    "(alias bomb?)\n", "expanded limit message");

	/* Depth: root map 1, its keys/values 2, inner keys/values 3. */
	memset(&lim, 0, sizeof lim);
	lim.max_depth = 3;
	is_int(ydoc_load_string(&doc, "a: {b: 1}", "t.yaml", 1, 0, &lim, &d),
	    0, "depth 3 within max_depth 3");
	ydoc_release(&doc);
	is_int(ydoc_load_string(&doc, "a: {b: {c: 1}}", "t.yaml", 1, 0, &lim,
	    &d), -1, "depth 4 beyond max_depth 3");
	is_diags(&d, "t.yaml:1:9: nesting deeper than 3 levels\n",
	    "depth message");
	/* Through an alias: [ at depth 2, *x (height 2) reaches depth 4. */
	is_int(ydoc_load_string(&doc, "a: &x {b: 1}\nc: [*x]", "t.yaml", 1, 0,
	    &lim, &d), -1, "alias deepens beyond max_depth");
	is_diags(&d, "t.yaml:2:5: nesting deeper than 3 levels (through alias "
	    "'*x')\n", "alias depth message");

	/* Default depth 64: 64 nested lists load, 65 do not. */
	for (i = 0; i < 64; i++) {
		deep[i] = '[';
		deep[64 + i] = ']';
	}
	deep[128] = '\0';
	is_int(load(&doc, deep, &d), 0, "64 nested lists");
	ydoc_release(&doc);
	for (i = 0; i < 65; i++) {
		deep[i] = '[';
		deep[65 + i] = ']';
	}
	deep[130] = '\0';
	is_int(load(&doc, deep, &d), -1, "65 nested lists");
	is_diags(&d, "t.yaml:1:65: nesting deeper than 64 levels\n",
	    "default depth message");

	memset(&lim, 0, sizeof lim);
	lim.max_bytes = 10;
	is_int(ydoc_load_string(&doc, "a: 1234567", "t.yaml", 1, 0, &lim, &d),
	    0, "10 bytes with max_bytes 10");
	ydoc_release(&doc);
	is_int(ydoc_load_string(&doc, "a: 12345678", "t.yaml", 1, 0, &lim, &d),
	    -1, "11 bytes with max_bytes 10");
	is_diags(&d, "t.yaml: document is too large (11 bytes; the limit is "
	    "10)\n", "size message");
}

static void
t_errors(void)
{
	struct diags	 d = { 0 };
	struct ydoc	 doc;

	is_int(load(&doc, "a: 1\nb: 2\na: 3\n", &d), -1, "duplicate key");
	is_diags(&d, "t.yaml:3:1: duplicate key 'a' (first at line 1)\n",
	    "duplicate key message");
	is_int(load(&doc, "x:\n  k: 1\n  k: 2\n  k: 3\n", &d), -1,
	    "nested duplicates");
	is_diags(&d, "t.yaml:3:3: duplicate key 'k' (first at line 2)\n"
	    "t.yaml:4:3: duplicate key 'k' (first at line 2)\n",
	    "every duplicate reported");
	is_int(load(&doc, "? [1, 2]\n: x\n", &d), -1, "sequence as a key");
	is_diags(&d, "t.yaml:1:3: mapping keys must be scalars\n",
	    "non-scalar key message");
	is_int(load(&doc, "a: b: c\n", &d), -1, "syntax error");
	is_diags(&d, "t.yaml:1:5: mapping values are not allowed in this "
	    "context\n", "libyaml problem at its mark");
	is_int(load(&doc, "a: [1, 2\nb: 3\n", &d), -1, "unclosed flow seq");
	is_diags(&d, "t.yaml:2:2: did not find expected ',' or ']' while "
	    "parsing a flow sequence started at line 1\n",
	    "libyaml problem with its context");
	is_int(load(&doc, "a:\n\tb: 1\n", &d), -1, "tab indentation");
	is_diags(&d, "t.yaml:2:1: found character that cannot start any token "
	    "while scanning for the next token\n", "tab message");
	is_int(load(&doc, "a: \xff\n", &d), -1, "bad UTF-8");
	is_diags(&d, "t.yaml:1:4: invalid leading UTF-8 octet\n",
	    "reader error placed by its offset");
	is_int(load(&doc, "a: 1\n---\nb: 2\n", &d), -1, "two documents");
	is_diags(&d, "t.yaml:2:1: only one YAML document is allowed\n",
	    "second document message");
	is_int(load(&doc, "a: \"x\\0y\"\n", &d), -1, "NUL in a string");
	is_diags(&d, "t.yaml:1:4: NUL character in a string\n", "NUL message");
	/* Several errors in one document: all reported, in order. */
	is_int(load(&doc, "b: *u\na: 1\na: 2\n", &d), -1, "two errors");
	is_diags(&d, "t.yaml:1:4: unknown alias '*u'\n"
	    "t.yaml:3:1: duplicate key 'a' (first at line 2)\n",
	    "both errors reported");
}

static void
t_files(void)
{
	struct ylimits	 lim;
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	char		 dir[] = "/tmp/t-ydoc.XXXXXX", path[64], want[128];
	FILE		*fp;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/s.yaml", dir);

	is_int(ydoc_load_file(&doc, "/nonexistent/s.yaml", NULL, &d), -2,
	    "missing file: -2");
	is_diags(&d, "/nonexistent/s.yaml: cannot open: No such file or "
	    "directory\n", "missing file message");

	fp = fopen(path, "w");
	fputs("site:\n  name: x\n", fp);
	fclose(fp);
	is_int(ydoc_load_file(&doc, path, NULL, &d), 0, "load a file");
	ok(is_pos(at(doc.root, "site.name"), path, 2, 9), "file positions");
	ydoc_release(&doc);

	/* 16 bytes against a 15-byte limit: refused before parsing. */
	memset(&lim, 0, sizeof lim);
	lim.max_bytes = 15;
	is_int(ydoc_load_file(&doc, path, &lim, &d), -1, "file too large");
	snprintf(want, sizeof want, "%s: file is too large (16 bytes; the "
	    "limit is 15)\n", path);
	is_diags(&d, want, "file size message");
	lim.max_bytes = 16;
	is_int(ydoc_load_file(&doc, path, &lim, &d), 0, "file at the limit");
	ydoc_release(&doc);

	fp = fopen(path, "w");
	fclose(fp);
	is_int(ydoc_load_file(&doc, path, NULL, &d), 0, "empty file");
	ok(doc.root == NULL, "empty file: root NULL");
	ydoc_release(&doc);

	fp = fopen(path, "w");
	fputs("a: [\n", fp);
	fclose(fp);
	is_int(ydoc_load_file(&doc, path, NULL, &d), -1, "bad file");
	ok(d.n == 1 && strcmp(d.v[0].file, path) == 0 && d.v[0].line == 2,
	    "file parse error names the file");
	diags_release(&d);

	unlink(path);
	rmdir(dir);
}

static const char site[] =
    "power:\n"
    "  grid:\n"
    "    feeds:\n"
    "      - name: a\n"
    "        capacity: 20 MW\n"
    "      - name: b\n"
    "        capacity: 30 MW\n"
    "it:\n"
    "  phases:\n"
    "    - racks: 5\n";

static void
t_set(void)
{
	struct diags	 d = { 0 };
	struct ydoc	 doc;
	struct ynode	*n;

	is_int(load(&doc, site, &d), 0, "load site");

	/* "power.grid.feeds[0].capacity=" is 29 characters: VALUE at 30. */
	is_int(ydoc_set(&doc, "power.grid.feeds[0].capacity=50MW", 1, &d), 0,
	    "set a scalar");
	n = at(doc.root, "power.grid.feeds[0].capacity");
	is_str(sval(n), "50MW", "new value");
	ok(is_pos(n, "--set", 1, 30), "value at --set:1:30");
	is_str(sval(at(doc.root, "power.grid.feeds[1].capacity")), "30 MW",
	    "other feed untouched");
	is_str(sval(at(doc.root, "power.grid.feeds[0].name")), "a",
	    "sibling untouched");

	is_int(ydoc_set(&doc, "it.phases[1].racks=10", 2, &d), 0,
	    "append at index == length");
	is_int(at(doc.root, "it.phases")->n, 2, "phases now 2");
	n = at(doc.root, "it.phases[1]");
	ok(n != NULL && n->kind == YN_MAP && n->n == 1, "appended a map");
	is_str(sval(at(n, "racks")), "10", "appended value");
	ok(is_pos(n->pairs[0].key, "--set", 2, 14), "new key at --set:2:14");

	is_int(ydoc_set(&doc, "cooling.chillers[0].model=york-yk-2771kw-vsd",
	    3, &d), 0, "create missing maps and list");
	n = at(doc.root, "cooling.chillers");
	ok(n != NULL && n->kind == YN_SEQ && n->n == 1, "created a list");
	ok(is_pos(n, "--set", 3, 17), "created list at its [");
	is_str(sval(at(doc.root, "cooling.chillers[0].model")),
	    "york-yk-2771kw-vsd", "value in created map");
	is_int(doc.root->n, 3, "root has power, it, cooling");

	is_int(ydoc_set(&doc, "power.generators=[]", 4, &d), 0, "empty list");
	n = at(doc.root, "power.generators");
	ok(n != NULL && n->kind == YN_SEQ && n->n == 0, "[] is an empty seq");

	/* "it.phases[0].racks=" is 19 characters. */
	is_int(ydoc_set(&doc, "it.phases[0].racks=[1, 22]", 5, &d), 0,
	    "flow sequence value");
	n = at(doc.root, "it.phases[0].racks");
	ok(n != NULL && n->kind == YN_SEQ && n->n == 2, "two items");
	ok(is_pos(at(n, "[1]"), "--set", 5, 24), "item at --set:5:24");
	is_str(sval(at(n, "[1]")), "22", "item text");

	is_int(ydoc_set(&doc, "x.y={a: 1, b: [two]}", 6, &d), 0, "flow map");
	is_str(sval(at(doc.root, "x.y.b[0]")), "two", "flow map value");

	is_int(ydoc_set(&doc, "power.grid.feeds[1].name=", 7, &d), 0,
	    "empty value");
	n = at(doc.root, "power.grid.feeds[1].name");
	ok(n != NULL && n->kind == YN_SCALAR && n->is_null, "empty is null");
	ok(is_pos(n, "--set", 7, 26), "null at --set:7:26");

	is_int(ydoc_set(&doc, "it.phases[0].name='quoted'", 8, &d), 0,
	    "quoted value");
	ok(!at(doc.root, "it.phases[0].name")->plain, "quoted value not plain");

	/* A null in the way counts as absent. */
	is_int(ydoc_set(&doc, "power.grid.feeds[1].name.first=z", 9, &d), 0,
	    "walk through a null");
	is_str(sval(at(doc.root, "power.grid.feeds[1].name.first")), "z",
	    "null replaced by a map");

	/* A value with '=' in it: only the first '=' splits. */
	is_int(ydoc_set(&doc, "site.name=a=b", 10, &d), 0, "value with =");
	is_str(sval(at(doc.root, "site.name")), "a=b", "value keeps =");
	is_int(d.n, 0, "no diagnostics so far");

	/* Errors leave the document alone. */
	is_int(ydoc_set(&doc, "power.grid.feeds[5].name=x", 11, &d), -1,
	    "index beyond the end");
	is_int(ydoc_set(&doc, "power.grid.feeds[0].name.first=x", 12, &d), -1,
	    "walk into a scalar");
	is_int(ydoc_set(&doc, "power[0]=x", 13, &d), -1, "index into a map");
	is_int(ydoc_set(&doc, "chillers.list[3].a=1", 14, &d), -1,
	    "index beyond a list that would be created");
	ok(ymap_get(doc.root, "chillers") == NULL,
	    "failed set creates nothing");
	is_int(ydoc_set(&doc, "it.phases[1]=[1, 2", 15, &d), -1, "bad value");
	is_int(at(doc.root, "it.phases")->n, 2, "bad value changes nothing");
	is_int(ydoc_set(&doc, "it.phases[0][1]=1", 16, &d), -1,
	    "index into a map item");
	is_diags(&d,
	    "--set:11:17: index 5 out of range (list has 2 items)\n"
	    "--set:12:26: 'power.grid.feeds[0].name' is not a mapping\n"
	    "--set:13:6: 'power' is not a list\n"
	    "--set:14:14: index 3 out of range (list has 0 items)\n"
	    "--set:15:19: did not find expected ',' or ']' while parsing a "
	    "flow sequence\n"
	    "--set:16:13: 'it.phases[0]' is not a list\n",
	    "--set error messages");
	ydoc_release(&doc);
}

static void
t_set_paths(void)
{
	static const struct {
		const char	*arg;
		const char	*msg;
	} bad[] = {
		{ "=5", "--set:1:1: empty path before '='\n" },
		{ "a..b=1", "--set:1:3: empty key in path\n" },
		{ ".a=1", "--set:1:1: empty key in path\n" },
		{ "a.b.=1", "--set:1:5: empty key in path\n" },
		{ "a b=1", "--set:1:2: unexpected character ' ' in path\n" },
		{ "a/b=1", "--set:1:2: unexpected character '/' in path\n" },
		{ "a[x]=1", "--set:1:2: expected a list index in '[N]'\n" },
		{ "a[1=1", "--set:1:2: expected a list index in '[N]'\n" },
		{ "a[]=1", "--set:1:2: expected a list index in '[N]'\n" },
		{ "a[0]b=1", "--set:1:5: unexpected character 'b' in path\n" },
		{ "[0]=1", "--set:1:1: empty key in path\n" },
		{ "a[99999999999]=1", "--set:1:2: list index too large\n" },
		{ "noequals", "--set:1:1: expected PATH=VALUE, not 'noequals'\n" },
	};
	struct diags	 d = { 0 };
	struct ydoc	 doc = { NULL, NULL };
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		is_int(ydoc_set(&doc, bad[i].arg, 1, &d), -1, "reject '%s'",
		    bad[i].arg);
		is_diags(&d, bad[i].msg, bad[i].arg);
	}
	ok(doc.root == NULL, "bad paths leave no root");

	/* No document yet: a map root is made. */
	is_int(ydoc_set(&doc, "a.b-c_1[0]=1", 2, &d), 0, "set on no root");
	ok(doc.root != NULL && doc.root->kind == YN_MAP, "map root created");
	is_str(sval(at(doc.root, "a.b-c_1[0]")), "1", "key chars -_ digits");
	ydoc_release(&doc);

	is_int(load(&doc, "[1, 2]", &d), 0, "list root");
	is_int(ydoc_set(&doc, "a=1", 3, &d), -1, "key into a list root");
	is_diags(&d, "--set:3:1: the document is not a mapping\n",
	    "list root message");
	ydoc_release(&doc);
}

/* Overrides change only the path they name, not other users of a node. */
static void
t_set_shared(void)
{
	struct diags	 d = { 0 };
	struct ydoc	 doc;

	is_int(load(&doc, "base: &b {x: 1, l: [1], s: {t: 1}}\nuse: *b\n"
	    "m: {<<: *b}\n", &d), 0, "load shared");
	is_int(ydoc_set(&doc, "use.x=2", 1, &d), 0, "set through an alias");
	is_str(sval(at(doc.root, "use.x")), "2", "alias path changed");
	is_str(sval(at(doc.root, "base.x")), "1", "anchor unchanged");
	is_int(ydoc_set(&doc, "use.l[1]=3", 2, &d), 0, "append via alias");
	is_int(at(doc.root, "use.l")->n, 2, "alias list grew");
	is_int(at(doc.root, "base.l")->n, 1, "anchor list unchanged");
	is_int(ydoc_set(&doc, "m.s.t=5", 3, &d), 0, "set through a merge");
	is_str(sval(at(doc.root, "m.s.t")), "5", "merged path changed");
	is_str(sval(at(doc.root, "base.s.t")), "1", "merge source unchanged");
	is_str(sval(at(doc.root, "use.s.t")), "1", "other alias unchanged");
	is_int(ydoc_set(&doc, "base.x=7", 4, &d), 0, "set the anchor");
	is_str(sval(at(doc.root, "base.x")), "7", "anchor changed");
	is_str(sval(at(doc.root, "m.x")), "1", "merged copy unchanged");
	is_int(d.n, 0, "no diagnostics");
	ydoc_release(&doc);
}

static void
t_diags(void)
{
	struct diags	 d = { 0 };

	diags_add(&d, "b.yaml", 5, 2, "e1");
	diags_add(&d, "a.yaml", 3, 1, "e2");
	diags_add(&d, "b.yaml", 1, 9, "e3");
	diags_add(&d, "a.yaml", 0, 0, "e4");
	diags_add(&d, "b.yaml", 5, 2, "e5");
	diags_add(&d, NULL, 0, 0, "e6");
	diags_add(&d, "a.yaml", 3, 0, "e7 %d '%s'", 42, "x");
	is_int(d.n, 7, "seven diagnostics");
	is_diags(&d,
	    "b.yaml:1:9: e3\n"
	    "b.yaml:5:2: e1\n"
	    "b.yaml:5:2: e5\n"
	    "a.yaml: e4\n"
	    "a.yaml:3: e7 42 'x'\n"
	    "a.yaml:3:1: e2\n"
	    "e6\n",
	    "sorted by file order, line, col; stable");
	ok(d.n == 0 && d.v == NULL, "diags_release empties");
	is_diags(&d, "", "nothing to print");
}

static void
t_suggest(void)
{
	static const char *const c[] = { "chillers", "towers", "dry_coolers",
	    "pumps", "economizer" };
	static const char *const tie[] = { "ab1", "ab2" };
	const char	*s;

	is_str(diag_suggest("chilers", c, 5), "chillers", "chilers");
	is_str(diag_suggest("Chillers", c, 5), "chillers", "case-insensitive");
	is_str(diag_suggest("tower", c, 5), "towers", "tower");
	is_str(diag_suggest("towres", c, 5), "towers", "transposition");
	/* Two transpositions: Damerau 2, plain Levenshtein 4. */
	is_str(diag_suggest("hcilelrs", c, 5), "chillers", "two swaps");
	/* economiser: 1 substitution. */
	is_str(diag_suggest("economiser", c, 5), "economizer", "economiser");
	/* drycoolerz vs dry_coolers: insert _, z->s = 2 edits. */
	is_str(diag_suggest("drycoolerz", c, 5), "dry_coolers", "two edits");
	s = diag_suggest("xyz", c, 5);
	ok(s == NULL, "nothing near");
	/* pxmxs vs pumps: u->x, p->x = 2 <= max(2, 5/3). */
	is_str(diag_suggest("pxmxs", c, 5), "pumps", "distance 2 allowed");
	ok(diag_suggest("pxxxs", c, 5) == NULL, "distance 3 too far");
	ok(diag_suggest("chillers", c, 0) == NULL, "no candidates");
	is_str(diag_suggest("ab", tie, 2), "ab1", "tie: first wins");
}

int
main(void)
{
	t_positions();
	t_scalars();
	t_aliases();
	t_limits();
	t_errors();
	t_files();
	t_set();
	t_set_paths();
	t_set_shared();
	t_diags();
	t_suggest();
	return tap_done();
}
