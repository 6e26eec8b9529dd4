/*
 * t-risk.c - the Monte Carlo engine against analytic answers.
 *
 * risk-copt.yaml: four identical 200 kW units (forced outage rate q = 10 %, no
 * spare) against the site's hourly demand.  With independent two-state units the
 * capacity outage probability table (Billinton and Allan, "Reliability Evaluation
 * of Power Systems", 2nd ed., 1996, ch. 2) gives, hour by hour, P(k units up) =
 * C(4,k) (1-q)^k q^(4-k); LOLE = sum over hours of P(200 k kW < demand) and EUE =
 * sum of E[max(demand - 200 k kW, 0)] exactly, and the sequential Monte Carlo
 * estimate must fall within 3 standard errors of them (PRAS tests the same way).
 *
 * risk-uniform.yaml: one delivery delayed by U(0.5 d, 20.5 d), rounded up, so the
 * met date is 2024-03-01 + ceil(X): P10, P50, P80 and P90 are +3, +11, +17 and +19
 * days exactly, and P(met by 2024-03-11) = P(X <= 10) = 0.475.
 *
 * Also: any thread count and any sharding give the same accumulators bit for bit,
 * and the standard error of P(met) shrinks as 1 / sqrt(N).
 * The sites are read from $top_srcdir (set by 'make check'; default ".").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "reliability.h"
#include "risk.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "tap.h"

static const char *srcdir;

static int
load(const char *name, struct site *s, struct weather *w)
{
	struct site_opts so;
	struct diags d;
	char	path[1024], models[1024], err[256];
	const char *dirs[1];
	int	rc;

	snprintf(path, sizeof path, "%s/tests/data/sites/%s", srcdir, name);
	snprintf(models, sizeof models, "%s/models", srcdir);
	dirs[0] = models;
	memset(&so, 0, sizeof so);
	so.model_dirs = dirs;
	so.n_model_dirs = 1;
	memset(&d, 0, sizeof d);
	rc = site_load(path, &so, s, &d);
	if (rc != 0)
		diags_print(&d, stdout);
	diags_release(&d);
	if (rc != 0)
		return -1;
	if (site_weather(s, w, err, sizeof err) != 0) {
		printf("# %s\n", err);
		return -1;
	}
	return 0;
}

static int
run(const struct risk_model *m, uint64_t n, int k, int nsh, int threads,
    struct risk_acc *a)
{
	if (risk_acc_init(a, m->site->ntargets, m->ninputs, m->ngroups) != 0)
		return -1;
	return risk_run(m, 7, 0, n, k, nsh, threads, a, NULL, NULL);
}

static int
same_stat(const struct stat_sum *a, const struct stat_sum *b)
{
	return a->n == b->n && a->s == b->s && a->s2 == b->s2;
}

static int
same_acc(const struct risk_acc *a, const struct risk_acc *b)
{
	size_t	i;
	double	p;
	int	ok = a->trials == b->trials && same_stat(&a->lole_h, &b->lole_h) &&
	    same_stat(&a->eue_wh, &b->eue_wh) && same_stat(&a->demand_wh, &b->demand_wh);

	for (i = 0; ok && i < a->ntargets; i++) {
		ok = same_stat(&a->t[i].met, &b->t[i].met) &&
		    same_stat(&a->t[i].delay, &b->t[i].delay) &&
		    a->t[i].days.total == b->t[i].days.total;
		for (p = 0.05; ok && p <= 1; p += 0.05)
			ok = day_hist_quantile(&a->t[i].days, p) ==
			    day_hist_quantile(&b->t[i].days, p);
	}
	for (i = 0; ok && i < a->ngroups; i++)
		ok = same_stat(&a->g[i].hours, &b->g[i].hours);
	return ok;
}

static double
binom4(int k, double up)
{
	static const double c[5] = { 1, 4, 6, 4, 1 };

	return c[k] * pow(up, k) * pow(1 - up, 4 - k);
}

int
main(void)
{
	struct site s;
	struct weather w;
	struct risk_model m;
	struct risk_acc a, b, c1, c2;
	double	lole = 0, eue = 0, q, unit;
	size_t	h;
	int	k, base;
	const int N = 4000;

	srcdir = getenv("top_srcdir");
	if (srcdir == NULL || *srcdir == '\0')
		srcdir = ".";

	/* ---- COPT ---- */
	memset(&s, 0, sizeof s);
	memset(&w, 0, sizeof w);
	if (load("risk-copt.yaml", &s, &w) != 0 || risk_model_init(&m, &s, &w) != 0) {
		ok(0, "risk-copt.yaml loads");
		return tap_done();
	}
	ok(m.ngroups >= 1 && m.groups[0].kind == RG_GEN && m.groups[0].rel != NULL && m.groups[0].count == 4,
	    "a generator group of four units that fail");
	q = reliability_for(&s.power.gens[0].rel);
	is_abs(q, 0.10, 1e-12, "forced outage rate 10 %%");
	unit = m.years[0].gen_unit_w[0];
	is_rel(unit, 200e3, 1e-12, "a unit gives 200 kW (flat 80 %% derate)");
	/* the table, hour by hour over the weather year (the first year after full
	 * deployment covers 8760 hours of it) */
	for (h = 0; h < 8760; h++) {
		double	d = m.years[0].demand_w[h];

		for (k = 0; k <= 4; k++)
			if (k * unit < d - 1e-3) {
				lole += binom4(k, 1 - q);
				eue += binom4(k, 1 - q) * (d - k * unit);
			}
	}
	ok(m.years[0].demand_w[0] > 2 * unit && m.years[0].demand_w[0] < 3 * unit,
	    "the load needs three of the four units (%.1f kW)", m.years[0].demand_w[0] / 1e3);
	/* 1 - P(3 up) - P(4 up) = 1 - 0.2916 - 0.6561 with a constant load */
	is_rel(lole, 8760 * (1 - 0.2916 - 0.6561), 1e-3, "COPT LOLE %.2f h", lole);
	if (run(&m, N, 1, 1, 1, &a) != 0) {
		ok(0, "the trials run");
		return tap_done();
	}
	is_abs(stat_mean(&a.lole_h), lole, 3 * stat_se(&a.lole_h),
	    "LOLE %.2f +- %.2f h within 3 SE of the COPT's %.2f h",
	    stat_mean(&a.lole_h), stat_se(&a.lole_h), lole);
	is_abs(stat_mean(&a.eue_wh), eue, 3 * stat_se(&a.eue_wh),
	    "EUE %.3f +- %.3f MWh within 3 SE of the COPT's %.3f MWh",
	    stat_mean(&a.eue_wh) / 1e6, stat_se(&a.eue_wh) / 1e6, eue / 1e6);
	ok(stat_se(&a.lole_h) > 0, "the LOLE estimate has a standard error");
	ok(stat_mean(&a.g[0].any) > 0.99, "a year of four units with no spare nearly "
	    "always exhausts its redundancy");
	/* threads and shards */
	if (run(&m, N, 1, 1, 2, &b) == 0) {
		ok(same_acc(&a, &b), "2 threads give the same accumulators as 1");
		risk_acc_release(&b);
	}
	if (run(&m, N, 1, 2, 2, &c1) == 0 && run(&m, N, 2, 2, 1, &c2) == 0) {
		ok(c1.trials + c2.trials == (uint64_t)N, "shards 1/2 and 2/2 split the trials");
		risk_acc_merge(&c1, &c2);
		ok(same_acc(&a, &c1), "shards 1/2 + 2/2 merged equal one run");
		risk_acc_release(&c1);
		risk_acc_release(&c2);
	}
	risk_acc_release(&a);
	risk_model_release(&m);
	site_release(&s);
	weather_release(&w);

	/* ---- one uniform delay ---- */
	memset(&s, 0, sizeof s);
	memset(&w, 0, sizeof w);
	if (load("risk-uniform.yaml", &s, &w) != 0 || risk_model_init(&m, &s, &w) != 0) {
		ok(0, "risk-uniform.yaml loads");
		return tap_done();
	}
	ok(m.ninputs == 1, "one uncertain input");
	base = date_from_ymd(2024, 3, 1);
	if (run(&m, N, 1, 1, 0, &a) == 0) {
		const struct risk_target_acc *t = &a.t[0];

		is_int(day_hist_quantile(&t->days, 0.1) - base, 3, "P10 = +ceil(2.5) days");
		is_int(day_hist_quantile(&t->days, 0.5) - base, 11, "P50 = +ceil(10.5) days");
		is_int(day_hist_quantile(&t->days, 0.8) - base, 17, "P80 = +ceil(16.5) days");
		is_int(day_hist_quantile(&t->days, 0.9) - base, 19, "P90 = +ceil(18.5) days");
		is_abs(stat_mean(&t->met), 0.475, 3 * stat_se(&t->met),
		    "P(met) %.4f +- %.4f within 3 SE of 0.475", stat_mean(&t->met),
		    stat_se(&t->met));
		is_abs(day_hist_spearman(&t->days, 0), 1, 0.01,
		    "the only input ranks the date (rank correlation %.4f)",
		    day_hist_spearman(&t->days, 0));
		is_rel((double)t->critical[0] / (double)a.trials, 1, 1e-12,
		    "the delivery is critical in every trial");
		if (run(&m, N / 16, 1, 1, 0, &b) == 0) {
			/* SE ~ sqrt(p (1 - p) / N): 16 times the trials, a quarter of it */
			is_rel(stat_se(&b.t[0].met) / stat_se(&t->met), 4, 0.15,
			    "the standard error shrinks as 1/sqrt(N) (ratio %.3f)",
			    stat_se(&b.t[0].met) / stat_se(&t->met));
			risk_acc_release(&b);
		}
		risk_acc_release(&a);
	}
	risk_model_release(&m);
	site_release(&s);
	weather_release(&w);
	return tap_done();
}
