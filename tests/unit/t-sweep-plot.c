/*
 * t-sweep-plot.c - the data of dcplan sweep's pictures (src/output/sweep_plot.c):
 * which cases each line holds, in x order, with their values and which are
 * infeasible; the verdict map's cells.  Cases are made by hand: a plan result
 * with only its year summary filled, so that peak_facility_mw (the default y
 * without prices) is known: 10 MW per MW of the first input, plus 1 MW on the
 * second line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "site.h"
#include "sweep_doc.h"
#include "sweep_plot.h"
#include "tap.h"

int
main(void)
{
	static const char *const paths[] = { "power.grid.feeds[0].capacity",
	    "targets[0].gpus" };
	/* the cases in the order given: x not sorted, one infeasible, one invalid */
	static const struct { const char *x, *s; double mw; int cls; } cs[] = {
		{ "3 MW", "a", 30, 0 }, { "1 MW", "a", 10, 1 }, { "2 MW", "a", 20, 0 },
		{ "3 MW", "b", 31, 0 }, { "1 MW", "b", 11, 1 }, { "2 MW", "b", 21, 0 },
		{ "4 MW", "b", 0, 3 },
	};
	struct site s;
	struct plan_result r;
	struct sweep_doc *d;
	struct sweep_plot *p;
	FILE	*null = fopen("/dev/null", "w");
	char	err[256];
	size_t	i, n, nl;
	const char *lab;
	double	*x, *y, *z;
	int	*bad, nx, ny;

	memset(&s, 0, sizeof s);
	plan_result_init(&r);
	d = sweep_doc_new(null, FMT_CSV, NULL, "t", paths, NULL, 2, 0, 7, NULL);
	ok(d != NULL, "a sweep document");
	p = sweep_plot_new(d, "site", paths, 2, NULL, SWEEP_PIC_LINES, err, sizeof err);
	ok(p != NULL, "a lines picture");
	ok(sweep_plot_new(d, "site", paths, 1, NULL, SWEEP_PIC_VERDICT, err,
	    sizeof err) == NULL && strstr(err, "two varied inputs") != NULL,
	    "the verdict picture needs two inputs: %s", err);
	ok(sweep_plot_new(d, "site", paths, 2, "verdict", SWEEP_PIC_LINES, err,
	    sizeof err) == NULL && strstr(err, "not a number column") != NULL,
	    "--plot-y verdict: %s", err);
	ok(sweep_plot_new(d, "site", paths, 2, "nope", SWEEP_PIC_LINES, err,
	    sizeof err) == NULL && strstr(err, "no such column") != NULL,
	    "--plot-y nope: %s", err);
	for (i = 0; i < sizeof cs / sizeof cs[0]; i++) {
		struct sweep_case_out o;
		const char *typed[2] = { cs[i].x, cs[i].s };
		double	value[2] = { NAN, NAN };

		r.year.e_it = 1;
		r.year.e_facility = 1.25;
		r.year.peak_facility_w = cs[i].mw * 1e6;
		r.feasible = cs[i].cls == 0;
		memset(&o, 0, sizeof o);
		o.id = i + 1;
		o.typed = typed;
		o.value = value;
		o.exit_class = cs[i].cls;
		o.error = "bad";
		o.site = cs[i].cls <= 1 ? &s : NULL;
		o.res = cs[i].cls <= 1 ? &r : NULL;
		ok(sweep_doc_row(d, &o) == 0 && sweep_plot_add(p, d, &o) == 0,
		    "case %zu taken", i + 1);
	}
	sweep_plot_lines(p, &nl);
	is_int((int)nl, 2, "a line per value of the second input");
	ok(sweep_plot_line(p, 0, &lab, &x, &y, &bad, &n) == 0, "line 1");
	is_str(lab, "a", "line 1 is targets[0].gpus = a");
	is_int((int)n, 3, "line 1 has 3 points");
	for (i = 0; i < n && n == 3; i++) {
		is_abs(x[i], (double)(i + 1), 0, "line 1 point %zu: x = %zu (MW, sorted)",
		    i + 1, i + 1);
		is_abs(y[i], 10.0 * (double)(i + 1), 1e-12, "line 1 point %zu: y = %g MW",
		    i + 1, 10.0 * (double)(i + 1));
		is_int(bad[i], i == 0, "line 1 point %zu: %s", i + 1, i == 0 ?
		    "infeasible" : "feasible");
	}
	free(x);
	free(y);
	free(bad);
	ok(sweep_plot_line(p, 1, &lab, &x, &y, &bad, &n) == 0, "line 2");
	is_str(lab, "b", "line 2 is targets[0].gpus = b");
	is_int((int)n, 4, "line 2 has 4 points, the invalid one a gap");
	if (n == 4) {
		is_abs(y[0], 11, 1e-12, "line 2 at 1 MW: 11 MW");
		is_abs(y[2], 31, 1e-12, "line 2 at 3 MW: 31 MW");
		is_abs(x[3], 4, 0, "line 2's last x: 4 MW");
		ok(isnan(y[3]), "the invalid case has no value");
	}
	free(x);
	free(y);
	free(bad);
	ok(sweep_plot_grid(p, &nx, &ny, &z) == 0, "the verdict grid");
	is_int(nx, 4, "4 columns (values of input 1, in case order)");
	is_int(ny, 2, "2 rows (values of input 2)");
	if (nx == 4 && ny == 2) {
		is_abs(z[0], 1, 0, "a, 3 MW: feasible (1)");
		is_abs(z[1], -1, 0, "a, 1 MW: infeasible (-1)");
		ok(isnan(z[3]), "a, 4 MW: no such case");
		is_abs(z[4 + 2], 1, 0, "b, 2 MW: feasible");
		ok(isnan(z[4 + 3]), "b, 4 MW: invalid");
	}
	free(z);
	sweep_plot_free(p);
	sweep_doc_free(d);
	plan_result_release(&r);
	fclose(null);
	return tap_done();
}
