/*
 * capacity.c - maximum GPUs per constraint by root finding on the plant model.
 */
#include <math.h>
#include <string.h>

#include "capacity.h"
#include "pmemo.h"
#include "roots.h"
#include "weather.h"
#include "supply.h"

static const char *const names[CAP_COUNT] = {
	"installed", "supply", "cooling", "ups", "transformer"
};

const char *
cap_constraint_name(enum cap_constraint c)
{
	return c < CAP_COUNT ? names[c] : "?";
}

const char *
cap_constraint_label(const struct cap_result *r, enum cap_constraint c)
{
	if (c == CAP_COOLING && isfinite(r->gpus[CAP_COOLING]))
		return r->cooling_limit == COOL_LIMIT_REJECTION ?
		    "cooling (heat rejection)" : "cooling (chillers)";
	return cap_constraint_name(c);
}

void
capacity_design_conditions(const struct design_conditions *dc, double p,
    struct cap_condition cond[2])
{
	cond[0].name = "cooling 0.4 %";
	cond[0].tdb = dc->cool_db;
	cond[0].twb = dc->cool_mcwb;
	cond[1].name = "evaporation 0.4 %";
	cond[1].tdb = dc->evap_mcdb;
	cond[1].twb = dc->evap_wb;
	cond[0].p = cond[1].p = p;
}

double
capacity_supply_w(const struct site *s, int day, double tdb)
{
	return supply_grid_at(s, day) + supply_gen_at(s, day, tdb);
}

struct margin_args {
	const struct plant_cfg *cfg;
	const struct cap_condition *cond;
	enum cap_constraint which;
	double	util, cap, avail;
	int	failed;
	int	running;	/* chillers running at the last evaluation */
	double	need;		/* one bank: its load over one unit's capacity
				   there (chillers it needs before rounding up);
				   NaN otherwise */
	enum cool_limit limit;	/* CAP_COOLING: the smaller margin at the last call */
	double	mech_w;		/* cooling power there */
};

/* Margin of one constraint with `gpus` running: positive while it holds. */
static double
margin(double gpus, void *vp)
{
	struct margin_args *a = vp;
	struct plant_result r;
	/* the UPS and the transformers are sized on the nameplate basis; supply and
	 * cooling on the site's (the expected draw by default) */
	enum it_basis basis = a->which == CAP_UPS || a->which == CAP_TRANSFORMER ?
	    IT_NAMEPLATE : a->cfg->site->it.basis;

	a->running = 0;
	a->mech_w = 0;
	a->need = NAN;
	if (a->which == CAP_UPS) {
		struct it_load it;

		it_load_gpus_basis(a->cfg->site, gpus, a->util, a->cap, basis, &it);
		/* the UPS output is its share of the PDU input */
		return a->avail - it.nameplate_w / a->cfg->chain.pdu_eff *
		    a->cfg->chain.ups_fraction;
	}
	if (plant_eval_gpus(a->cfg, gpus, a->util, a->cap, basis, a->cond->tdb,
	    a->cond->twb, a->cond->p, &r) != 0) {
		a->failed = 1;
		return -1;
	}
	a->running = r.chillers_running;
	a->mech_w = r.mech_w;
	a->need = NAN;
	if (a->cfg->nch == 1 && a->cfg->ch_usable[0] > 0) {
		/* chill_cap = usable x one unit's q_avail (plant.h) */
		double	unit = (r.cooling_capacity_w - r.q_free_w) /
		    a->cfg->ch_usable[0];

		if (unit > 0)
			a->need = r.q_mech_w / unit;
	}
	switch (a->which) {
	case CAP_SUPPLY:
		return a->avail - r.facility_w;
	case CAP_COOLING:
		a->limit = r.cool_limit;
		return r.cooling_margin_w;
	case CAP_TRANSFORMER:
		return a->avail - r.facility_va;
	default:
		return 0;
	}
}

/* Brent on a bracket [lo, hi] with margin(lo) >= 0 > margin(hi), to tol GPUs;
 * returns the feasible end of the final bracket. */
static double
bracket_solve(struct margin_args *a, double lo, double hi, double tol)
{
	double	root, blo, bhi;

	if (roots_brent(margin, a, lo, hi, tol, 200, &root, &blo, &bhi) != 0 ||
	    a->failed)
		return NAN;
	/* the feasible side of the final bracket */
	return margin(bhi, a) >= 0 ? bhi : blo;
}

/*
 * The monotone envelope.  The plant stages the fewest chillers that carry the load
 * (chiller.c), so facility power falls by a little where one more chiller starts
 * (two units at a lower part load draw less than one near PLR_max): the margin of
 * a constraint in GPUs is a saw tooth, and "the most GPUs that can run" has more
 * than one root.  dcplan answers on the envelope max(g' <= g) of demand: the most
 * GPUs g such that every count up to g holds, i.e. the first crossing.  Demand
 * rises within each staging interval, so its maxima below g sit just before the
 * staging steps; the one that can cross is the step just below g (a deeper step
 * would need a staging drop larger than the rise of demand across a whole
 * chiller's share of the load).  stage_below() finds that step by bisection on the
 * number of chillers running (tol GPUs), env_margin() is the envelope's margin.
 */
/* How close (GPUs) the staging step is found: demand there is within a watt of
 * its maximum just before the step (about 1 kW a GPU at most). */
#define STAGE_TOL 1e-4

static int
running_at(struct margin_args *a, double g)
{
	margin(g, a);
	return a->running;
}

/* The top of the staging search's bracket for g: the power of two at or above
 * g.  The search depends on g only through it, so every g of an octave finds
 * the same step, to the same bits, for the same chillers running: the step is
 * then a value the memo can hold (stage_key), and a case served from the memo
 * gives what a fresh run gives. */
static double
stage_top(double g)
{
	int	e;
	double	f = frexp(g, &e);	/* g = f 2^e, 0.5 <= f < 1 */

	return f == 0.5 ? g : ldexp(1.0, e);
}

/* The step's key: what margin() reads for the chillers running, and the
 * search's own inputs. */
static void
stage_key(struct pmemo_key *k, const struct margin_args *a, enum it_basis basis,
    int n, double top, double tol)
{
	const struct plant_cfg *cfg = a->cfg;

	pmemo_key_init(k, PMEMO_STAGE, cfg->site->plant_group);
	pmemo_key_i(k, (int64_t)(uint32_t)cfg->epoch | (int64_t)basis << 32);
	pmemo_key_d(k, a->cond->tdb);
	pmemo_key_d(k, a->cond->twb);
	pmemo_key_d(k, a->cond->p);
	pmemo_key_d(k, a->util);
	pmemo_key_d(k, it_cap_class(cfg->site, a->cap));
	pmemo_key_i(k, n);
	pmemo_key_d(k, top);
	pmemo_key_d(k, tol);
}

/* The search for the step from n - 1 to n chillers, in [lo, hi] with fewer
 * than n running at lo (need nlo) and n or more at hi (need nhi).
 *
 * The bracket is narrowed, by the chillers running, until hi - lo <= tol.
 * With one bank (the usual plant: identical groups are merged) the bank's
 * `need` (load over one unit's capacity) is a smooth, nearly linear function
 * of the GPUs, and staging runs ceil(need - STAGE_NEED_EPS) units
 * (chiller_bank_eval), so the step is where need crosses n - 1 +
 * STAGE_NEED_EPS.  The guesses are the secant through the last two points of
 * need that tell where it crosses: not a point where nothing runs (need 0:
 * free cooling carries it all, flat), nor one on the wrong side of the
 * crossing for the chillers it ran.  Once the secant says the step is within
 * tol / 4 of the last point, the next point is tol / 2 past it, which closes
 * the bracket: five or six evaluations for most steps, 8.6 on average at
 * Memphis (near the step the balance can sit on it, plant.c cool_try, and
 * need is flat or jumps there), where halving takes ~30.  A guess outside
 * the bracket, fewer than two such points (or a `need` that is not a number:
 * more than one bank), or more than STAGE_SECANT rounds fall back to halving.
 * The answer is the same step within tol either way. */
#define STAGE_SECANT	24
#define STAGE_NEED_EPS	1e-9	/* chiller.c, chiller_bank_eval */

/* need - (n - 1 + eps) at a point with `running` chillers, or NaN if the point
 * does not tell where need crosses. */
static double
stage_f(double need, int running, int n)
{
	double	f = need - (n - 1) - STAGE_NEED_EPS;

	if (!(need > 0) || !isfinite(f) || (running < n ? !(f < 0) : !(f > 0)))
		return NAN;
	return f;
}

static double
stage_search(struct margin_args *a, int n, double lo, double nlo, double hi,
    double nhi, double tol)
{
	/* the last two points that tell, oldest first */
	double	xa = lo, fa = stage_f(nlo, n - 1, n), xb = hi,
		fb = stage_f(nhi, n, n);
	int	round;

	if (isnan(fb)) {
		xb = xa;
		fb = fa;
		fa = NAN;
	}
	for (round = 0; hi - lo > tol && !a->failed; round++) {
		double	m = 0.5 * (lo + hi), f;
		int	run;

		if (round < STAGE_SECANT && isfinite(fa) && isfinite(fb) && fb != fa) {
			double	r = xb - fb * (xb - xa) / (fb - fa);

			if (fabs(r - xb) < 0.25 * tol)
				/* close: tol / 2 past the step */
				r = xb + copysign(0.5 * tol, r - xb);
			if (r > lo && r < hi)
				m = fmin(fmax(r, lo + 0.25 * tol), hi - 0.25 * tol);
		}
		run = running_at(a, m);
		if (run < n)
			lo = m;
		else
			hi = m;
		if (!isnan(f = stage_f(a->need, run, n))) {
			xa = xb;
			fa = fb;
			xb = m;
			fb = f;
		}
	}
	return lo;
}

/* The count just below the staging step under g (fewer chillers run there than
 * at g), or -1 if the same number runs all the way down to no GPUs.  The step
 * is searched for in [0, stage_top(g)]: the answer is the same step within
 * tol whichever g of the octave asked, and the memo keeps it.  The chillers
 * running need not rise with the load everywhere (free cooling, a plant that
 * cannot be evaluated beyond some load), so where fewer run at the top than
 * at g, or that search fails or finds its step at or above g, the step is
 * searched for in [0, g] instead, and that one is not kept (it depends on
 * g). */
static double
stage_below(struct margin_args *a, double g, double tol)
{
	struct pmemo *m = a->cfg->site->plant_memo;
	struct pmemo_key k;
	double	nlo, ng, nhi, top, s = NAN;
	int	n, held = 0;
	enum it_basis basis = a->which == CAP_TRANSFORMER ? IT_NAMEPLATE :
	    a->cfg->site->it.basis;

	if (a->which == CAP_UPS)
		return -1;
	n = running_at(a, g);
	ng = a->need;
	if (a->failed || running_at(a, 0) >= n)
		return -1;
	nlo = a->need;
	top = stage_top(g);
	if (m != NULL) {
		stage_key(&k, a, basis, n, top, tol);
		held = pmemo_get(m, &k, &s, sizeof s);
	}
	if (!held) {
		int	ntop = n;

		nhi = ng;
		if (top > g) {
			ntop = running_at(a, top);
			nhi = a->need;
		}
		/* fewer running at the top than at g: no bracket there */
		if (!a->failed && ntop >= n)
			s = stage_search(a, n, 0, nlo, top, nhi, tol);
		if (a->failed) {
			/* beyond what the plant can be evaluated at */
			a->failed = 0;
			s = NAN;
		} else if (m != NULL)
			pmemo_put(m, &k, &s, sizeof s);
	}
	if (!(s < g))
		s = stage_search(a, n, 0, nlo, g, ng, tol);
	return s;
}

/* Margin of the monotone envelope at g: the smaller of the margin at g and at
 * the last count before the staging step below g.  The step is looked for only
 * when the margin at g is smaller than the plant's whole cooling power there
 * (over the power factor for the transformers): a chiller staging on changes
 * the cooling power by a fraction of itself, so a wider margin holds below g
 * too.  The cooling margin (capacity less load) does not depend on how many
 * chillers run, and is monotone as it is. */
static double
env_margin(struct margin_args *a, double g, double tol)
{
	double	f = margin(g, a), s, bound;

	if (a->failed || f < 0 || a->which == CAP_COOLING || a->which == CAP_UPS)
		return f;
	bound = a->mech_w;
	if (a->which == CAP_TRANSFORMER && a->cfg->chain.power_factor > 0)
		bound /= a->cfg->chain.power_factor;
	if (f >= bound)
		return f;
	s = stage_below(a, g, tol);
	if (a->failed || s < 0)
		return f;
	return fmin(f, margin(s, a));
}

/* The first crossing in [lo, hi] (margin(lo) >= 0 > margin(hi)): Brent finds a
 * root; while the envelope breaks before it (at the staging step below the root),
 * look again below that step. */
static double
first_root(struct margin_args *a, double lo, double hi, double tol)
{
	int	k;

	for (k = 0; k < 64; k++) {
		double	g = bracket_solve(a, lo, hi, tol), s;

		if (isnan(g))
			return NAN;
		s = a->which == CAP_COOLING ? -1 : stage_below(a, g, STAGE_TOL);
		if (a->failed)
			return NAN;
		if (s < 0 || margin(s, a) >= 0)
			return a->failed ? NAN : g;
		/* the envelope crosses below s */
		hi = s;
		if (hi <= lo) {
			lo = 0;
			if (margin(0, a) < 0)
				return 0;
		}
		if (hi <= lo)
			return lo;
	}
	return NAN;
}

static double
demand_env_fresh(const struct plant_cfg *cfg, const struct cap_condition *cond,
    double gpus, double util, double gpu_cap, double *facility_va)
{
	struct margin_args a;
	double	w, va, s;

	memset(&a, 0, sizeof a);
	a.cfg = cfg;
	a.cond = cond;
	a.util = util;
	a.cap = gpu_cap;
	a.which = CAP_SUPPLY;		/* avail 0: margin = -facility power */
	w = -margin(gpus, &a);
	a.which = CAP_TRANSFORMER;
	va = -margin(gpus, &a);
	s = stage_below(&a, gpus, STAGE_TOL);
	if (!a.failed && s >= 0) {
		va = fmax(va, -margin(s, &a));
		a.which = CAP_SUPPLY;
		w = fmax(w, -margin(s, &a));
	}
	if (facility_va != NULL)
		*facility_va = va;
	return a.failed ? NAN : w;
}

/* Largest g in [0, hi] with margin(g) >= 0 (margin falls with g). */
static double
solve(struct margin_args *a, double hi)
{
	double	f_lo, f_hi;
	int	it;

	f_lo = margin(0, a);
	if (a->failed)
		return NAN;
	if (f_lo < 0)
		return 0;
	/* expand until the constraint breaks (bounded: 2^20 x installed) */
	for (it = 0; (f_hi = margin(hi, a)) >= 0 && it < 20; it++)
		hi *= 2;
	if (a->failed)
		return NAN;
	if (f_hi >= 0)
		return INFINITY;
	return first_root(a, 0, hi, 0.01);
}

int
capacity_solve(const struct plant_cfg *cfg, const struct cap_condition *cond,
    int ncond, double installed, double util, double gpu_cap, struct cap_result *r)
{
	const struct site *s = cfg->site;
	int	k, i;

	memset(r, 0, sizeof *r);
	r->gpus[CAP_INSTALLED] = installed;
	r->present[CAP_INSTALLED] = 1;
	r->present[CAP_SUPPLY] = 1;
	r->present[CAP_COOLING] = 1;
	r->present[CAP_UPS] = cfg->chain.ups != NULL;
	r->present[CAP_TRANSFORMER] = cfg->chain.xfmr != NULL;
	for (k = CAP_SUPPLY; k < CAP_COUNT; k++)
		r->gpus[k] = INFINITY;
	for (k = 0; k < CAP_COUNT; k++)
		r->condition[k] = ncond > 0 ? cond[0].name : "";
	for (i = 0; i < ncond; i++) {
		for (k = CAP_SUPPLY; k < CAP_COUNT; k++) {
			struct margin_args a;
			double	g;

			if (!r->present[k])
				continue;
			memset(&a, 0, sizeof a);
			a.cfg = cfg;
			a.cond = &cond[i];
			a.which = (enum cap_constraint)k;
			a.util = util;
			a.cap = gpu_cap;
			a.avail = k == CAP_SUPPLY ? capacity_supply_w(s, cfg->day, cond[i].tdb) :
			    k == CAP_UPS ? cfg->ups_capacity_w :
			    k == CAP_TRANSFORMER ? cfg->xfmr_capacity_va : 0;
			g = solve(&a, installed > 0 ? installed : 1000);
			if (isnan(g))
				return -1;
			/* quote the capacity at the condition where the constraint
			 * binds hardest, the one its GPU count comes from */
			if (g < r->gpus[k] || i == 0) {
				if (k != CAP_COOLING)
					r->available[k] = a.avail;
				r->cond_index[k] = i;
			}
			if (g < r->gpus[k]) {
				r->gpus[k] = g;
				r->condition[k] = cond[i].name;
				/* what breaks first just beyond the answer */
				if (k == CAP_COOLING && isfinite(g)) {
					margin(g + 1, &a);
					if (a.failed)
						return -1;
					r->cooling_limit = a.limit;
				}
			}
		}
	}
	r->binding = CAP_INSTALLED;
	r->max_gpus = installed;
	for (k = CAP_SUPPLY; k < CAP_COUNT; k++)
		if (r->present[k] && r->gpus[k] < r->max_gpus) {
			r->max_gpus = r->gpus[k];
			r->binding = (enum cap_constraint)k;
		}
	r->max_gpus = floor(r->max_gpus + 1e-6);
	r->binding_condition = r->condition[r->binding];
	return 0;
}

static double
avail_of(const struct plant_cfg *cfg, enum cap_constraint k, double tdb)
{
	switch (k) {
	case CAP_SUPPLY:
		return capacity_supply_w(cfg->site, cfg->day, tdb);
	case CAP_UPS:
		return cfg->ups_capacity_w;
	case CAP_TRANSFORMER:
		return cfg->xfmr_capacity_va;
	default:
		return 0;
	}
}

static int
solve_min_fresh(const struct plant_cfg *cfg, const struct cap_condition *cond,
    double installed, double util, double gpu_cap, double hint, struct cap_result *r)
{
	struct margin_args a;
	double	f;
	int	k;

	memset(r, 0, sizeof *r);
	r->present[CAP_INSTALLED] = r->present[CAP_SUPPLY] = r->present[CAP_COOLING] = 1;
	r->present[CAP_UPS] = cfg->chain.ups != NULL;
	r->present[CAP_TRANSFORMER] = cfg->chain.xfmr != NULL;
	r->gpus[CAP_INSTALLED] = installed;
	r->binding = CAP_INSTALLED;
	r->max_gpus = installed;
	for (k = 0; k < CAP_COUNT; k++)
		r->condition[k] = cond->name;
	r->binding_condition = cond->name;
	for (k = CAP_SUPPLY; k < CAP_COUNT; k++) {
		double	lo = 0, hi = installed, g;

		r->gpus[k] = INFINITY;
		if (!r->present[k] || installed <= 0)
			continue;
		memset(&a, 0, sizeof a);
		a.cfg = cfg;
		a.cond = cond;
		a.which = (enum cap_constraint)k;
		a.util = util;
		a.cap = gpu_cap;
		a.avail = r->available[k] = avail_of(cfg, a.which, cond->tdb);
		/* only a constraint already broken below the current answer matters */
		f = env_margin(&a, r->max_gpus, STAGE_TOL);
		if (a.failed)
			return -1;
		if (f >= 0)
			continue;
		hi = r->max_gpus;
		if (margin(0, &a) < 0) {
			g = 0;
		} else {
			/* warm start from the previous answer: a 2 % bracket around it */
			if (hint > 0 && hint < hi) {
				if (margin(hint, &a) >= 0) {
					lo = hint;
					if (hint * 1.02 < hi && margin(hint * 1.02, &a) < 0)
						hi = hint * 1.02;
				} else {
					hi = hint;
					if (margin(hint * 0.98, &a) >= 0)
						lo = hint * 0.98;
				}
			}
			g = first_root(&a, lo, hi, 0.5);
		}
		if (a.failed || isnan(g))
			return -1;
		r->gpus[k] = g;
		if (g < r->max_gpus) {
			r->max_gpus = g;
			r->binding = (enum cap_constraint)k;
		}
	}
	r->max_gpus = floor(r->max_gpus + 1e-6);
	return 0;
}

/* ---- the site's memo (pmemo.h): both are pure functions of the plant, the
 * day, the condition, the workload and (for the solve) the capacities ---- */

static void
cond_key(struct pmemo_key *k, enum pmemo_kind kind, const struct plant_cfg *cfg,
    const struct cap_condition *cond, double gpus, double util, double gpu_cap)
{
	pmemo_key_init(k, kind, cfg->site->plant_group);
	pmemo_key_i(k, cfg->epoch);
	pmemo_key_d(k, cond->tdb);
	pmemo_key_d(k, cond->twb);
	pmemo_key_d(k, cond->p);
	pmemo_key_d(k, gpus);
	pmemo_key_d(k, util);
	pmemo_key_d(k, it_cap_class(cfg->site, gpu_cap));
}

double
capacity_demand_env_w(const struct plant_cfg *cfg, const struct cap_condition *cond,
    double gpus, double util, double gpu_cap, double *facility_va)
{
	struct pmemo *m = cfg->site->plant_memo;
	struct pmemo_key k;
	double	v[2];

	if (m == NULL)
		return demand_env_fresh(cfg, cond, gpus, util, gpu_cap, facility_va);
	cond_key(&k, PMEMO_DEMAND_ENV, cfg, cond, gpus, util, gpu_cap);
	if (!pmemo_get(m, &k, v, sizeof v)) {
		v[0] = demand_env_fresh(cfg, cond, gpus, util, gpu_cap, &v[1]);
		if (isnan(v[0]))
			return NAN;
		pmemo_put(m, &k, v, sizeof v);
	}
	if (facility_va != NULL)
		*facility_va = v[1];
	return v[0];
}

/* The solve's key: the plant's inputs and the supply, the case's own (the UPS
 * and the transformers are the plant's, the same for a group in an epoch). */
static void
solve_key(struct pmemo_key *k, const struct site *s, int day,
    const struct cap_condition *cond, double installed, double util,
    double gpu_cap, double hint)
{
	pmemo_key_init(k, PMEMO_CAPACITY, s->plant_group);
	/* the plant's epoch (plant.h); the supply below is the day's own */
	pmemo_key_i(k, plant_epoch(s, day));
	pmemo_key_d(k, cond->tdb);
	pmemo_key_d(k, cond->twb);
	pmemo_key_d(k, cond->p);
	pmemo_key_d(k, installed);
	pmemo_key_d(k, util);
	pmemo_key_d(k, it_cap_class(s, gpu_cap));
	pmemo_key_d(k, hint);
	pmemo_key_d(k, capacity_supply_w(s, day, cond->tdb));
}

static void
held_names(const struct cap_condition *cond, struct cap_result *r)
{
	int	i;

	/* the names are the caller's condition's */
	for (i = 0; i < CAP_COUNT; i++)
		r->condition[i] = cond->name;
	r->binding_condition = cond->name;
}

/* With the plant ready, or set up in scratch when first needed (*have). */
static int
solve_min(const struct site *s, int day, const struct plant_cfg *ready,
    struct plant_cfg *scratch, int *have, const struct cap_condition *cond,
    double installed, double util, double gpu_cap, double hint, struct cap_result *r)
{
	struct pmemo *m = s->plant_memo;
	struct pmemo_key k;

	if (m != NULL) {
		solve_key(&k, s, day, cond, installed, util, gpu_cap, hint);
		if (pmemo_get(m, &k, r, sizeof *r)) {
			held_names(cond, r);
			return 0;
		}
	}
	if (ready == NULL) {
		if (!*have) {
			plant_cfg_init(scratch, s, day);
			*have = 1;
		}
		ready = scratch;
	}
	if (solve_min_fresh(ready, cond, installed, util, gpu_cap, hint, r) != 0)
		return -1;
	if (m != NULL)
		pmemo_put(m, &k, r, sizeof *r);
	return 0;
}

int
capacity_solve_min_at(const struct site *s, int day, struct plant_cfg *cfg,
    int *have_cfg, const struct cap_condition *cond, double installed, double util,
    double gpu_cap, double hint, struct cap_result *r)
{
	return solve_min(s, day, *have_cfg ? cfg : NULL, cfg, have_cfg, cond,
	    installed, util, gpu_cap, hint, r);
}

int
capacity_solve_min(const struct plant_cfg *cfg, const struct cap_condition *cond,
    double installed, double util, double gpu_cap, double hint, struct cap_result *r)
{
	return solve_min(cfg->site, cfg->day, cfg, NULL, NULL, cond, installed, util,
	    gpu_cap, hint, r);
}
