/*
 * site_load.c - the schema: a site file (plus --set overrides) bound into struct site.
 * Every key, unit and default is documented in dcplan-site(5); defaults carry their
 * sources here.  All problems are collected and reported together.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "model_bind.h"
#include "date.h"
#include "dclimits.h"
#include "diag.h"
#include "library.h"
#include "site.h"
#include "site_load.h"
#include "ydoc.h"
#include "site_load_int.h"

const char *const site_load_redundancy_names[] = { "N", "N+1", "N+2", "2N", NULL };


/* Grow an array by one zeroed element; NULL on allocation failure. */
long
site_load_years(int a, int b)
{
	int	ya, ma, da, yb, mb, db;

	date_to_ymd(a, &ya, &ma, &da);
	date_to_ymd(b, &yb, &mb, &db);
	return (long)(yb - ya) - (mb < ma || (mb == ma && db < da));
}

void *
site_load_grow(void *pv, size_t *n, size_t size)
{
	char	*v = realloc(*(void **)pv, (*n + 1) * size);

	if (v == NULL)
		return NULL;
	memset(v + *n * size, 0, size);
	*(void **)pv = v;
	return v + (*n)++ * size;
}

/* The library's lock, if it has one (library.h). */
static void
lib_take(struct library *l)
{
	if (l->lock != NULL)
		l->lock(l->lock_arg);
}

static void
lib_give(struct library *l)
{
	if (l->unlock != NULL)
		l->unlock(l->lock_arg);
}

/* A model given by name or inline. */
const struct model *
site_load_model(struct site *s, struct bind *b, const struct ynode *map, const char *key,
    enum model_kind kind, int flags)
{
	const struct ynode *n = bind_node(b, map, key, flags);
	struct model m;
	const struct model *r;

	if (n == NULL)
		return NULL;
	if (n->kind == YN_SCALAR) {
		lib_take(s->lib);
		r = library_get(s->lib, b, kind, n->str, n);
		lib_give(s->lib);
		return r;
	}
	if (n->kind != YN_MAP) {
		bind_error(b, n, "'%s' must be a model name or an inline model", key);
		return NULL;
	}
	if (model_bind(b, n, kind, 0, &m) != 0) {
		model_clear(&m);
		return NULL;
	}
	if (m.name[0] == '\0')
		snprintf(m.name, sizeof m.name, "inline@%d", n->line);
	m.is_inline = 1;
	lib_take(s->lib);
	if ((r = library_adopt(s->lib, &m)) == NULL) {
		lib_give(s->lib);
		model_clear(&m);
		bind_error(b, n, "out of memory");
		return NULL;
	}
	if (r->kind == MK_RACK) {
		struct model *rm = s->lib->models[s->lib->nmodels - 1];
		rm->u.rack.server = library_get(s->lib, b, MK_SERVER,
		    rm->u.rack.server_name, ymap_get(n, "server"));
	}
	lib_give(s->lib);
	return r;
}

static void
load_site(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "name", "location", "timezone", NULL };
	static const char *const lkeys[] = { "latitude", "longitude", "elevation", NULL };
	const struct ynode *m, *l, *tz;

	if ((m = bind_map(b, root, "site", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	bind_strdup(b, m, "name", B_REQ, &s->name);
	if ((l = bind_map(b, m, "location", 0)) != NULL) {
		bind_keys(b, l, lkeys);
		bind_qty(b, l, "latitude", 0, U_ANGLE, -90, 90, &s->latitude);
		bind_qty(b, l, "longitude", 0, U_ANGLE, -180, 180, &s->longitude);
		/* Dead Sea shore to the highest inhabited places */
		bind_qty(b, l, "elevation", 0, U_LENGTH, -500, 6000, &s->elevation);
	}
	if ((tz = bind_node(b, m, "timezone", 0)) != NULL) {
		int	sign, hh = 0, mm = 0, len = 0;
		char	c = 0;

		if (tz->kind != YN_SCALAR ||
		    (strcmp(tz->str, "UTC") != 0 &&
		    (sscanf(tz->str, "UTC%c%2d:%2d%n", &c, &hh, &mm, &len) != 3 ||
		    (c != '+' && c != '-') || (size_t)len != strlen(tz->str) ||
		    mm > 59 || (c == '+' && hh * 60 + mm > 14 * 60) ||
		    (c == '-' && hh * 60 + mm > 12 * 60)))) {
			/* civil offsets run from UTC-12:00 to UTC+14:00 (IANA tz
			 * database: Baker Island, Kiribati Line Islands) */
			bind_error(b, tz, "'timezone' must be a UTC offset from "
			    "UTC-12:00 to UTC+14:00, such as UTC-06:00");
		} else {
			sign = c == '-' ? -1 : 1;
			s->tz_hours = sign * (hh + mm / 60.0);
		}
	}
}

static void
load_targets(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "name", "gpus", "by", NULL };
	const struct ynode *l = bind_seq(b, root, "targets", 0);
	size_t	i;
	int	first;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		const struct ynode *e = l->items[i];
		struct site_target *t;

		if (e->kind != YN_MAP) {
			bind_error(b, e, "a target must be a mapping {name, gpus, by}");
			continue;
		}
		if ((t = site_load_grow(&s->targets, &s->ntargets, sizeof *t)) == NULL)
			return;
		bind_keys(b, e, keys);
		snprintf(t->name, sizeof t->name, "target%zu", i + 1);
		bind_str(b, e, "name", 0, t->name, sizeof t->name);
		if (bind_int(b, e, "gpus", B_REQ, 1, 100000000, &t->gpus) &&
		    s->it.nphases > 0 && t->gpus > site_total_gpus(s))
			/* no fix can make more GPUs run than the site will ever have */
			bind_error(b, ymap_get(e, "gpus"), "target '%s' asks for %d GPUs, "
			    "more than the %ld the site deploys (it.phases)", t->name,
			    t->gpus, site_total_gpus(s));
		if (bind_date(b, e, "by", B_REQ, &t->by) &&
		    (first = site_first_delivery(s)) != DATE_NONE &&
		    t->by > first &&
		    site_load_years(first, t->by - 1) >= DC_MAX_DELIVERY_YEARS) {
			char	d0[11];

			/* the plan runs from the first delivery to the last
			 * target: bounded as the build is */
			date_format(first, d0);
			bind_error(b, ymap_get(e, "by"), "target '%s' is due more "
			    "than %d years after the first delivery (%s)", t->name,
			    DC_MAX_DELIVERY_YEARS, d0);
		}
	}
}

static void
load_sim(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "year", "step", "horizon", NULL };
	const struct ynode *m;
	double	h;
	int	y, d;

	s->sim.step_s = 3600;
	s->sim.horizon_d = 30;
	d = site_first_delivery(s);
	if (d != DATE_NONE) {
		date_to_ymd(d, &y, &d, &d);
		s->sim.year = y;
	} else
		s->sim.year = 2024;
	if ((m = bind_map(b, root, "simulation", 0)) == NULL)
		return;
	bind_keys(b, m, keys);
	bind_int(b, m, "year", 0, 1900, 2199, &s->sim.year);
	if (bind_qty(b, m, "step", B_POS, U_TIME, 0, 3600, &s->sim.step_s) &&
	    s->sim.step_s != 3600 && s->sim.step_s != 900)
		bind_error(b, ymap_get(m, "step"), "'step' must be 1 h or 15 min");
	if (bind_qty(b, m, "horizon", 0, U_TIME, 0, 3650 * 86400.0, &h))
		s->sim.horizon_d = (int)ceil(h / 86400 - 1e-9);
}

/* Bind a parsed document (with its overrides) into s, whose path and library
 * are set. */
static int
bind_doc(struct site *s, struct bind *b, const char *path, const struct ydoc *doc)
{
	static const char *const keys[] = { "site", "climate", "it", "power", "cooling",
	    "targets", "simulation", "swings", "economics",
	    "risk", NULL };

	if (doc->root == NULL) {
		diags_add(b->d, path, 0, 0, "empty site file");
		return -1;
	}
	if (doc->root->kind != YN_MAP) {
		bind_error(b, doc->root, "a site file must be a mapping of sections");
		return -1;
	}
	bind_keys(b, doc->root, keys);
	load_site(s, b, doc->root);
	site_load_risk(s, b, doc->root);
	site_load_climate(s, b, doc->root);
	site_load_it(s, b, doc->root);
	site_load_power(s, b, doc->root);
	site_load_cooling(s, b, doc->root);
	load_targets(s, b, doc->root);
	load_sim(s, b, doc->root);
	site_load_swings(s, b, doc->root);
	site_load_econ(s, b, doc->root);	/* names feeds, generators, batteries */
	return b->errors ? -1 : 0;
}

int
site_load(const char *path, const struct site_opts *o, struct site *s,
    struct diags *d)
{
	struct ydoc doc;
	struct bind b = { .d = d };
	size_t	i;
	int	rc;

	memset(s, 0, sizeof *s);
	if ((s->path = strdup(path)) == NULL)
		return -2;
	if ((s->lib = calloc(1, sizeof *s->lib)) == NULL ||
	    library_init(s->lib, o->model_dirs, o->n_model_dirs) != 0) {
		diags_add(d, path, 0, 0, "out of memory");
		return -2;
	}
	memset(&doc, 0, sizeof doc);
	rc = ydoc_load_file(&doc, path, NULL, d);
	if (rc != 0) {
		ydoc_release(&doc);
		return rc == -2 ? -2 : -1;
	}
	for (i = 0; i < o->nsets; i++)
		if (ydoc_set(&doc, o->sets[i], (int)i + 1, d) != 0)
			b.errors++;
	if (b.errors) {
		ydoc_release(&doc);
		return -1;
	}
	b.keys_cb = o->keys_cb;
	b.keys_arg = o->keys_arg;
	b.root = doc.root;
	rc = bind_doc(s, &b, path, &doc);
	ydoc_release(&doc);
	return rc;
}

int
site_load_doc(const char *path, const struct ydoc *doc, struct library *lib,
    struct site *s, struct diags *d)
{
	struct bind b = { .d = d };

	memset(s, 0, sizeof *s);
	s->lib = lib;
	s->lib_borrowed = 1;
	if ((s->path = strdup(path)) == NULL) {
		diags_add(d, path, 0, 0, "out of memory");
		return -1;
	}
	return bind_doc(s, &b, path, doc);
}

void
site_release(struct site *s)
{
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		free(s->it.phases[i].lots);
	for (i = 0; i < s->power.nfeeds; i++)
		free(s->power.feeds[i].steps);
	free(s->it.phases);
	free(s->it.support);
	free(s->power.feeds);
	free(s->power.gens);
	free(s->power.batts);
	free(s->cooling.chillers);
	free(s->cooling.towers);
	free(s->cooling.drycoolers);
	free(s->targets);
	free(s->swings.jobs);
	free(s->risk.groups);
	free(s->climate.weather_file);
	for (i = 0; s->climate.weather_files != NULL && i < s->climate.nweather_files; i++)
		free(s->climate.weather_files[i]);
	free(s->climate.weather_files);
	free(s->climate.weather_weights);
	free(s->name);
	free(s->path);
	site_econ_free(s->econ);
	if (s->lib != NULL && !s->lib_borrowed) {
		library_release(s->lib);
		free(s->lib);
	}
	memset(s, 0, sizeof *s);
}
