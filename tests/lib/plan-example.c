/*
 * plan-example.c - the example program of dcplan-lib(3): load a site, plan it and
 * print each target's verdict.  tests/cli/t-lib.sh compiles it against an installed
 * libdcplan with `pkg-config --cflags --libs dcplan` and checks what it prints
 * against `dcplan plan -f csv` on the same site.
 *
 *	usage: plan-example SITE.yaml MODELS_DIR
 */
#include <stdio.h>

#include <dcplan.h>

int
main(int argc, char **argv)
{
	const char *dirs[1];
	struct dc_load_options opt = { 0 };
	struct dc_plan plan;
	struct dc_sim_options so = { 0 };
	struct dc_sim_summary sum;
	struct dc_risk_options ro = { 0 };
	struct dc_risk risk;
	struct dc_diag dg;
	dc_diags *diags;
	dc_site *site;
	size_t	i;
	int	st;

	if (argc != 3) {
		fprintf(stderr, "usage: plan-example SITE.yaml MODELS_DIR\n");
		return 2;
	}
	dc_init();
	dirs[0] = argv[2];
	opt.model_dirs = dirs;
	opt.n_model_dirs = 1;
	st = dc_site_load(argv[1], &opt, &site, &diags);
	for (i = 0; i < dc_diags_count(diags); i++)
		if (dc_diags_get(diags, i, &dg) == DC_OK)
			fprintf(stderr, "%s:%d:%d: %s\n", dg.file ? dg.file : "-", dg.line,
			    dg.column, dg.message);
	dc_diags_free(diags);
	if (st != DC_OK) {
		fprintf(stderr, "plan-example: %s\n", dc_strerror(st));
		return 3;
	}
	if ((st = dc_plan_run(site, &plan)) != DC_OK) {
		fprintf(stderr, "plan-example: %s\n", dc_strerror(st));
		dc_site_free(site);
		return 4;
	}
	printf("site %s, %ld GPUs, %s\n", dc_site_name(site), dc_site_gpus(site),
	    plan.feasible ? "FEASIBLE" : "INFEASIBLE");
	printf("design: %.0f of %.0f GPUs can run, %s binds\n", plan.design_gpus_max,
	    plan.gpus_installed, plan.design_binding);
	for (i = 0; i < plan.ntargets; i++) {
		const struct dc_target *t = &plan.targets[i];

		printf("target %s %ld by %s: %s, met on %s, %.0f runnable, "
		    "%.0f short, %s binds\n", t->name, t->gpus, t->by,
		    t->ok ? "OK" : "FAIL", t->met_on[0] ? t->met_on : "never",
		    t->runnable, t->shortfall, t->binding);
	}
	printf("PUE %.3f, peak %.2f MW\n", plan.pue, plan.peak_facility_w / 1e6);
	dc_plan_release(&plan);
	/* one day of the finished site */
	so.from = so.to = "2024-03-20";
	so.full = 1;
	if ((st = dc_simulate(site, &so, &sum)) != DC_OK) {
		fprintf(stderr, "plan-example: %s\n", dc_strerror(st));
		dc_site_free(site);
		return 4;
	}
	/* risk with no uncertainty gives plan's answer */
	ro.trials = 200;
	if ((st = dc_risk_run(site, &ro, &risk)) != DC_OK) {
		fprintf(stderr, "plan-example: %s\n", dc_strerror(st));
		dc_site_free(site);
		return 4;
	}
	for (i = 0; i < risk.ntargets; i++)
		printf("risk %s: %llu trials, P(met) %.3f +- %.3f, P50 %s\n",
		    risk.targets[i].name, risk.trials, risk.targets[i].p_met,
		    risk.targets[i].p_met_se, risk.targets[i].p50[0] ?
		    risk.targets[i].p50 : "never");
	dc_risk_release(&risk);
	printf("simulate %s..%s: %.0f h, facility %.6g MWh, unserved %.6g MWh\n",
	    sum.from, sum.to, sum.hours, sum.facility_energy_j / 3.6e9,
	    sum.unserved_energy_j / 3.6e9);
	dc_site_free(site);
	return 0;
}
