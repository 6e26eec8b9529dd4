/*
 * site_load_risk.c - what dcplan risk samples: uncertain dates (delay, delay_group),
 * delivery-rate factors, unit reliability, and the site's delay groups (the
 * top-level 'risk' section).  The section loaders call one helper per item;
 * plan and the other commands ignore what is read here.
 * Keys, units and defaults are documented in dcplan-site(5).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "date.h"
#include "site.h"
#include "ydoc.h"
#include "site_load_int.h"

/* Days of delay: at most ten years either way. */
#define RISK_MAX_DELAY_D 3650.0

struct qspec {
	enum unit_kind kind;
	double	scale;		/* SI per unit of the stored value (86400 for days) */
	double	lo, hi;		/* SI */
};

/* One scalar with its unit, in the stored unit. */
static int
qty(struct bind *b, const struct ynode *n, const char *what, const struct qspec *q,
    double *out)
{
	double	v;

	if (!bind_qty_node(b, n, what, q->kind, 0, q->lo, q->hi, &v))
		return 0;
	*out = v / q->scale;
	return 1;
}

/* [A, B] or [A, B, C] */
static int
triple(struct bind *b, const struct ynode *n, const char *what, size_t want,
    const struct qspec *q, double *v)
{
	size_t	i;
	int	ok = 1;

	if (n->kind != YN_SEQ || n->n != want) {
		bind_error(b, n, "'%s' takes a list of %zu values (%s)", what, want,
		    want == 3 ? "[MIN, MODE, MAX]" : "[MIN, MAX]");
		return 0;
	}
	for (i = 0; i < want; i++)
		if (!qty(b, n->items[i], what, q, &v[i]))
			ok = 0;
	return ok;
}

static int
load_base(struct bind *b, const struct ynode *n, const struct qspec *q,
    struct dist_base *d, int *is_risk, const struct ynode **risk_node)
{
	static const char *const kinds[] = { "triangular", "pert", "uniform",
	    "lognormal", "risk", NULL };
	static const char *const lkeys[] = { "median", "p90", NULL };
	const struct ynode *v;
	const char *k;
	double	t[3];
	char	msg[160];
	struct dist tmp;

	memset(d, 0, sizeof *d);
	if (n->kind == YN_SCALAR) {
		d->kind = DIST_FIXED;
		return qty(b, n, "delay", q, &d->a);
	}
	if (n->kind != YN_MAP || n->n != 1) {
		bind_error(b, n, "a distribution is a value or a mapping with one key: "
		    "triangular, pert, uniform, lognormal or risk");
		return 0;
	}
	bind_keys(b, n, kinds);
	k = n->pairs[0].key->str;
	v = n->pairs[0].val;
	if (strcmp(k, "triangular") == 0 || strcmp(k, "pert") == 0) {
		if (!triple(b, v, k, 3, q, t))
			return 0;
		d->kind = k[0] == 't' ? DIST_TRIANGULAR : DIST_PERT;
		d->a = t[0];
		d->c = t[1];
		d->b = t[2];
	} else if (strcmp(k, "uniform") == 0) {
		if (!triple(b, v, k, 2, q, t))
			return 0;
		d->kind = DIST_UNIFORM;
		d->a = t[0];
		d->b = t[1];
	} else if (strcmp(k, "lognormal") == 0) {
		const struct ynode *m, *p;

		if (v->kind != YN_MAP) {
			bind_error(b, v, "'lognormal' takes {median: VALUE, p90: VALUE}");
			return 0;
		}
		bind_keys(b, v, lkeys);
		if ((m = bind_node(b, v, "median", B_REQ)) == NULL ||
		    (p = bind_node(b, v, "p90", B_REQ)) == NULL ||
		    !qty(b, m, "median", q, &t[0]) || !qty(b, p, "p90", q, &t[1]))
			return 0;
		d->kind = DIST_LOGNORMAL;
		d->a = t[0];
		d->b = t[1];
	} else if (strcmp(k, "risk") == 0) {
		*is_risk = 1;
		*risk_node = v;
		return 1;
	} else
		return 0;	/* bind_keys reported it */
	memset(&tmp, 0, sizeof tmp);
	tmp.d = *d;
	if (dist_check(&tmp, msg, sizeof msg) != 0) {
		bind_error(b, v, "'%s': %s", k, msg);
		return 0;
	}
	return 1;
}

/* A distribution node into *d; 1 on success. */
static int
load_dist(struct bind *b, const struct ynode *n, const struct qspec *q, struct dist *d)
{
	static const char *const rkeys[] = { "probability", "impact", NULL };
	const struct ynode *rn = NULL, *pn, *in;
	int	is_risk = 0, inner = 0;
	double	p;

	memset(d, 0, sizeof *d);
	if (!load_base(b, n, q, &d->d, &is_risk, &rn))
		return 0;
	if (!is_risk)
		return 1;
	if (rn->kind != YN_MAP) {
		bind_error(b, rn, "'risk' takes {probability: P %%, impact: DISTRIBUTION}");
		return 0;
	}
	bind_keys(b, rn, rkeys);
	if ((pn = bind_node(b, rn, "probability", B_REQ)) == NULL ||
	    (in = bind_node(b, rn, "impact", B_REQ)) == NULL)
		return 0;
	if (!bind_qty_node(b, pn, "probability", U_FRACTION, 0, -INFINITY, INFINITY, &p))
		return 0;
	if (!(p >= 0 && p <= 1)) {
		bind_error(b, pn, "'probability' %s is outside 0..100 %%", pn->str);
		return 0;
	}
	d->d.kind = DIST_RISK;
	d->p = p;
	if (!load_base(b, in, q, &d->impact, &inner, &rn))
		return 0;
	if (inner) {
		bind_error(b, in, "a risk event's impact cannot itself be a risk event");
		return 0;
	}
	return 1;
}

static const struct qspec days_q = { U_TIME, 86400, -RISK_MAX_DELAY_D * 86400,
	RISK_MAX_DELAY_D * 86400 };

void
site_load_risk(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "delay_groups", NULL };
	const struct ynode *m, *g;
	size_t	i, j;

	if ((m = bind_map(b, root, "risk", 0)) == NULL)
		return;
	bind_keys(b, m, keys);
	if ((g = bind_map(b, m, "delay_groups", 0)) == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		struct site_delay_group *dg;

		if (strlen(g->pairs[i].key->str) >= sizeof dg->name) {
			bind_error(b, g->pairs[i].val, "delay group name '%s' is longer "
			    "than %zu characters", g->pairs[i].key->str, sizeof dg->name - 1);
			continue;
		}
		for (j = 0; j < s->risk.ngroups; j++)
			if (strcmp(s->risk.groups[j].name, g->pairs[i].key->str) == 0)
				bind_error(b, g->pairs[i].val, "delay group '%s' is "
				    "given twice", g->pairs[i].key->str);
		if ((dg = site_load_grow(&s->risk.groups, &s->risk.ngroups,
		    sizeof *dg)) == NULL)
			return;
		snprintf(dg->name, sizeof dg->name, "%s", g->pairs[i].key->str);
		load_dist(b, g->pairs[i].val, &days_q, &dg->dist);
	}
}

void
site_load_delay(struct site *s, struct bind *b, const struct ynode *map, int date,
    struct site_delay *out)
{
	const struct ynode *n, *gn;
	size_t	i;

	memset(out, 0, sizeof *out);
	n = ymap_get(map, "delay");
	gn = ymap_get(map, "delay_group");
	if ((n != NULL || gn != NULL) && (date == DATE_NONE || date == DATE_NEVER)) {
		bind_error(b, n ? n : gn, "'%s' needs a date to delay: give the item's "
		    "date", n ? "delay" : "delay_group");
		return;
	}
	if (n != NULL)
		load_dist(b, n, &days_q, &out->dist);
	if (gn == NULL)
		return;
	if (gn->kind != YN_SCALAR) {
		bind_error(b, gn, "'delay_group' must be the name of a group in "
		    "risk.delay_groups");
		return;
	}
	for (i = 0; i < s->risk.ngroups; i++)
		if (strcmp(s->risk.groups[i].name, gn->str) == 0) {
			out->group = (int)i + 1;
			return;
		}
	{
		const char *cands[64];
		const char *sug;
		size_t	nc = 0;

		for (i = 0; i < s->risk.ngroups && nc < 64; i++)
			cands[nc++] = s->risk.groups[i].name;
		sug = diag_suggest(gn->str, cands, nc);
		if (sug != NULL)
			bind_error(b, gn, "unknown delay group '%s' (did you mean '%s'?)",
			    gn->str, sug);
		else
			bind_error(b, gn, "unknown delay group '%s': declare it under "
			    "risk.delay_groups", gn->str);
	}
}

void
site_load_rate_factor(struct bind *b, const struct ynode *map, struct dist *out)
{
	static const struct qspec q = { U_FRACTION, 1, 0, 10 };
	const struct ynode *n;

	memset(out, 0, sizeof *out);
	if ((n = ymap_get(map, "rate_factor")) == NULL)
		return;
	if (ymap_get(map, "rate") == NULL) {
		bind_error(b, n, "'rate_factor' multiplies a delivery 'rate': give 'start' "
		    "and 'rate'");
		return;
	}
	if (load_dist(b, n, &q, out) && out->d.kind == DIST_RISK) {
		bind_error(b, n, "'rate_factor' cannot be a risk event");
		memset(out, 0, sizeof *out);
	}
}

void
site_load_reliability(struct bind *b, const struct ynode *map, enum rel_kind kind,
    struct reliability *out)
{
	static const char *const keys[] = { "mtbf", "mttr", "forced_outage_rate",
	    "repair", NULL };
	static const struct qspec hours = { U_TIME, 3600, 0, 1e9 * 3600 };
	const struct ynode *n, *f, *t, *r;
	const char *src;
	double	v;

	memset(out, 0, sizeof *out);
	if ((n = ymap_get(map, "reliability")) == NULL)
		return;
	if (n->kind == YN_SCALAR && strcmp(n->str, "ieee493") == 0) {
		if (reliability_default(kind, out, &src) != 0)
			bind_error(b, n, "no IEEE 493 default for this kind of equipment: "
			    "give {mtbf, mttr}");
		return;
	}
	if (n->kind != YN_MAP) {
		bind_error(b, n, "'reliability' is ieee493 or {mtbf: H h, mttr: H h} or "
		    "{forced_outage_rate: P %%, mttr: H h}");
		return;
	}
	bind_keys(b, n, keys);
	f = ymap_get(n, "forced_outage_rate");
	t = ymap_get(n, "mtbf");
	r = ymap_get(n, "repair");
	if (f != NULL && t != NULL) {
		bind_error(b, f, "give 'mtbf' or 'forced_outage_rate', not both");
		return;
	}
	if (f == NULL && t == NULL) {
		bind_error(b, n, "'reliability' needs 'mtbf' or 'forced_outage_rate'");
		return;
	}
	if (r != NULL) {
		if (ymap_get(n, "mttr") != NULL) {
			bind_error(b, r, "give 'mttr' or 'repair', not both ('repair' "
			    "sets the mean repair time)");
			return;
		}
		if (!load_dist(b, r, &hours, &out->repair))
			return;
		if (out->repair.d.kind == DIST_RISK) {
			bind_error(b, r, "'repair' cannot be a risk event");
			return;
		}
		out->mttr_h = dist_mean(&out->repair);
		if (!(out->mttr_h > 0)) {
			bind_error(b, r, "the repair time's mean must be positive");
			return;
		}
	} else {
		const struct ynode *m = bind_node(b, n, "mttr", B_REQ);

		if (m == NULL)
			return;
		if (!bind_qty_node(b, m, "mttr", U_TIME, 0, -INFINITY, INFINITY, &v))
			return;
		if (!(v > 0)) {
			bind_error(b, m, "'mttr' must be positive, not %s", m->str);
			return;
		}
		out->mttr_h = v / 3600;
	}
	if (t != NULL) {
		if (!bind_qty_node(b, t, "mtbf", U_TIME, 0, -INFINITY, INFINITY, &v))
			return;
		if (!(v > 0)) {
			bind_error(b, t, "'mtbf' must be positive, not %s", t->str);
			return;
		}
		out->mtbf_h = v / 3600;
	} else {
		if (!bind_qty_node(b, f, "forced_outage_rate", U_FRACTION, 0, -INFINITY,
		    INFINITY, &v))
			return;
		if (!(v > 0 && v < 1)) {
			bind_error(b, f, "'forced_outage_rate' %s must be above 0 %% and "
			    "below 100 %%", f->str);
			return;
		}
		/* q = MTTR / (MTBF + MTTR) => MTBF = MTTR (1 - q) / q */
		out->mtbf_h = out->mttr_h * (1 - v) / v;
	}
	out->given = 1;
}
