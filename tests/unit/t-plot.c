/*
 * t-plot.c - the plotting module: nice ticks (Heckbert 1990) and date ticks worked
 * out by hand, the colour maps' end and middle colours (Tol 2021), the option
 * parsers, the data each picture is drawn from for small hand-built records, and
 * that each format comes out valid at the requested size (PNG IHDR, SVG root
 * element, PDF MediaBox).  No pixels are compared.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plot.h"
#include "plot_pics.h"
#include "sim.h"
#include "site.h"
#include "swings.h"
#include "tap.h"
#include "timeline.h"

static void
test_ticks(void)
{
	double	t[64], step;
	int	n;
	char	unit;

	/* 97 / 5 = 19.4 -> the nice step not below it is 20: 0, 20, ..., 100 */
	n = plot_ticks(0, 97, 5, t, 64, &step);
	is_int(n, 6, "ticks over 0..97: six");
	is_abs(step, 20, 1e-12, "step 20");
	is_abs(t[0], 0, 1e-12, "first tick 0");
	is_abs(t[5], 100, 1e-12, "last tick 100 covers 97");
	/* 0.3 / 6 = 0.05 exactly: 1.00, 1.05, ..., 1.30 */
	n = plot_ticks(1.0, 1.3, 6, t, 64, &step);
	is_int(n, 7, "ticks over 1..1.3: seven");
	is_abs(step, 0.05, 1e-12, "step 0.05");
	/* 12 / 5 = 2.4 -> 2.5: -5, -2.5, 0, 2.5, 5, 7.5 */
	n = plot_ticks(-4, 8, 5, t, 64, &step);
	is_abs(step, 2.5, 1e-12, "step 2.5 over -4..8");
	is_abs(t[0], -5, 1e-12, "first tick -5");
	is_abs(t[n - 1], 10, 1e-12, "last tick 10 covers 8");
	ok(plot_ticks(NAN, 1, 5, t, 64, &step) == 0, "no ticks for a NaN range");

	/* 2024-07-03 .. 2024-09-29 (88 days), at most 8 ticks: daily (89), every
	 * 2 days (45), weekly (12 Mondays from 2024-07-08) are too many; fortnightly
	 * from Monday 2024-07-08 gives 07-08, 07-22, 08-05, 08-19, 09-02, 09-16 */
	n = plot_date_ticks(date_from_ymd(2024, 7, 3), date_from_ymd(2024, 9, 29), 8, t,
	    64, &unit);
	is_int(n, 6, "fortnightly ticks over the Memphis build");
	ok(unit == 'd', "labelled as days");
	is_int((int)t[0], date_from_ymd(2024, 7, 8), "first tick Monday 2024-07-08");
	is_int((int)(t[1] - t[0]), 14, "14 days apart");
	/* 2020-01-01 .. 2030-06-01, at most 6: monthly 126, 2-monthly 63, quarterly
	 * 42, half-yearly 21, yearly 11 are too many; every 2 years: 2020..2030 = 6 */
	n = plot_date_ticks(date_from_ymd(2020, 1, 1), date_from_ymd(2030, 6, 1), 6, t,
	    64, &unit);
	is_int(n, 6, "two-yearly ticks over ten years");
	ok(unit == 'y', "labelled as years");
	is_int((int)t[0], date_from_ymd(2020, 1, 1), "first tick 2020-01-01");
	is_int((int)t[5], date_from_ymd(2030, 1, 1), "last tick 2030-01-01");
	/* 2024-01-01 .. 2024-12-31 at most 12: monthly is 12 */
	n = plot_date_ticks(date_from_ymd(2024, 1, 1), date_from_ymd(2024, 12, 31), 12, t,
	    64, &unit);
	is_int(n, 12, "monthly ticks over a year");
	ok(unit == 'm', "labelled as months");
	is_int((int)t[11], date_from_ymd(2024, 12, 1), "last tick 2024-12-01");
}

static void
test_parsers(void)
{
	enum plot_fmt f = PLOT_PDF;
	int	w = 0, h = 0;
	char	err[256];

	ok(plot_fmt_from_path("a/b.png", &f) == 0 && f == PLOT_PNG, ".png is PNG");
	ok(plot_fmt_from_path("B.SVG", &f) == 0 && f == PLOT_SVG, ".SVG is SVG");
	ok(plot_fmt_from_path("x.pdf", &f) == 0 && f == PLOT_PDF, ".pdf is PDF");
	ok(plot_fmt_from_path("x.jpg", &f) != 0, ".jpg is refused");
	ok(plot_fmt_from_path("dir.png/x", &f) != 0, "no extension in the last part");
	ok(plot_parse_size("800x500", &w, &h, err, sizeof err) == 0 && w == 800 &&
	    h == 500, "800x500");
	ok(plot_parse_size("100x500", &w, &h, err, sizeof err) != 0 &&
	    strstr(err, "200 to 8000") != NULL, "100 wide is too small: %s", err);
	ok(plot_parse_size("800x", &w, &h, err, sizeof err) != 0, "800x is refused");
	ok(plot_parse_size("800x500px", &w, &h, err, sizeof err) != 0,
	    "trailing text is refused");
	ok(plot_parse_size("-800x500", &w, &h, err, sizeof err) != 0,
	    "a sign is refused");
}

static void
test_cmaps(void)
{
	double	c[3];

	/* YlOrBr ends #FFFFE5 and #662506; BuRd (red low) #B2182B, #F7F7F7, #2166AC */
	plot_cmap_rgb(PCM_SEQUENTIAL, 0, c);
	ok(fabs(c[0] - 1) < 1e-9 && fabs(c[2] - 0xE5 / 255.0) < 1e-9, "YlOrBr starts "
	    "#FFFFE5");
	plot_cmap_rgb(PCM_SEQUENTIAL, 1, c);
	ok(fabs(c[0] - 0x66 / 255.0) < 1e-9 && fabs(c[1] - 0x25 / 255.0) < 1e-9,
	    "YlOrBr ends #662506");
	plot_cmap_rgb(PCM_DIVERGING, 0, c);
	ok(fabs(c[0] - 0xB2 / 255.0) < 1e-9 && fabs(c[1] - 0x18 / 255.0) < 1e-9,
	    "diverging low end is red #B2182B");
	plot_cmap_rgb(PCM_DIVERGING, 0.5, c);
	ok(fabs(c[0] - 0xF7 / 255.0) < 1e-9 && fabs(c[2] - 0xF7 / 255.0) < 1e-9,
	    "diverging middle is #F7F7F7");
	plot_cmap_rgb(PCM_DIVERGING, 2, c);
	ok(fabs(c[2] - 0xAC / 255.0) < 1e-9, "beyond 1 takes the high end #2166AC");
}

/* ---- the build over time from five hand-made timeline rows ---- */
static struct site_target targets[2];

static void
mk_site(struct site *s)
{
	memset(s, 0, sizeof *s);
	s->name = "hand site";
	snprintf(targets[0].name, sizeof targets[0].name, "first");
	targets[0].gpus = 100;
	targets[0].by = date_from_ymd(2025, 1, 2);
	snprintf(targets[1].name, sizeof targets[1].name, "all");
	targets[1].gpus = 300;
	targets[1].by = date_from_ymd(2025, 1, 4);
	s->targets = targets;
	s->ntargets = 2;
}

static void
test_build(void)
{
	struct site s;
	struct tl_day t[5];
	struct build_series b;
	int	d0 = date_from_ymd(2025, 1, 1), i;
	/* online 100, 200, 300, 300, 300; runnable 100, 150, 300, 250, 300:
	 * target "first" (100 by day 1) holds; "all" (300 by day 3) fails on day 3 */
	const long on[5] = { 100, 200, 300, 300, 300 };
	const double run[5] = { 100, 150, 300, 250, 300 };

	mk_site(&s);
	memset(t, 0, sizeof t);
	for (i = 0; i < 5; i++) {
		t[i].day = d0 + i;
		t[i].gpus_online = on[i];
		t[i].gpus_runnable = run[i];
		t[i].grid_w = 1e6 * (i + 1);
		t[i].gen_w = 0.5e6;
		t[i].batt_w = i >= 3 ? 0.25e6 : 0;
		t[i].demand_w = 0.75e3 * (double)on[i];
	}
	ok(plot_build_series(&s, t, 5, &b) == 0, "build series");
	is_int((int)b.n, 5, "five days");
	is_abs(b.day[2], d0 + 2, 0, "x is the day");
	is_abs(b.grid_mw[4], 5, 1e-12, "grid 5 MW on the last day");
	is_abs(b.gen_mw[0], 0.5, 1e-12, "generators 0.5 MW");
	is_abs(b.batt_mw[3], 0.25, 1e-12, "batteries 0.25 MW from day 3");
	is_abs(b.demand_mw[1], 0.15, 1e-12, "demand 200 x 750 W = 0.15 MW");
	is_abs(b.online[2], 300, 0, "300 online on day 2");
	is_abs(b.runnable[3], 250, 0, "250 runnable on day 3");
	/* "all" is due on day 3 (d0 + 3) and 250 < 300 runs then; day 4 runs 300 */
	is_int((int)b.nfail, 1, "one failing span");
	is_abs(b.fail_from[0], d0 + 3, 0, "failing from day 3");
	is_abs(b.fail_to[0], d0 + 4, 0, "to day 4 (exclusive)");
	/* runnable < online on day 1 (150 < 200) and day 3 (250 < 300) */
	is_int((int)b.nstrand, 2, "two spans with GPUs that cannot run");
	is_abs(b.strand_from[1], d0 + 3, 0, "the second on day 3");
	is_int((int)b.ntgt, 2, "two targets");
	is_abs(b.tgt_day[1], d0 + 3, 0, "'all' marked on its date");
	is_abs(b.tgt_gpus[1], 300, 0, "at 300 GPUs");
	is_str(b.tgt_name[0], "first", "named");
	plot_build_free(&b);
}

/* ---- simulate: eight hand-made hourly steps over two days in two months ---- */
static void
mk_steps(struct sim_series *ss)
{
	struct sim_step st;
	struct plant_result pr;
	int	i;
	/* Jan 31 00:00..03:00 and Feb 1 00:00..03:00 of 2025 */
	const double it[8] = { 1, 2, 3, 4, 4, 3, 2, 0 };	/* MW */
	const double fac[8] = { 1.5, 2.5, 3.6, 4.8, 5, 3.9, 2.4, 0.2 };

	plot_sim_init(ss, 3600);
	for (i = 0; i < 8; i++) {
		memset(&st, 0, sizeof st);
		memset(&pr, 0, sizeof pr);
		st.plant = &pr;
		st.day = date_from_ymd(2025, 1, 31) + i / 4;
		st.minute = (i % 4) * 60;
		pr.it.it_w = it[i] * 1e6;
		pr.facility_w = fac[i] * 1e6;
		pr.pue = it[i] > 0 ? fac[i] / it[i] : 0;
		pr.chiller_w = 0.1e6 * i;
		pr.cw_pump_w = 0.01e6;
		pr.water = 1e-3 * (i + 1);	/* m3/s */
		st.grid_cap_w = 4e6;
		st.gen_cap_w = i < 4 ? 0 : 1e6;
		ok(plot_sim_add(ss, &st) == 0, "step %d", i);
	}
}

static void
test_sim(void)
{
	struct sim_series ss;
	double	h[8], fac[8], it[8], cool[8], grid[8], firm[8];
	double	pue[4], water[4], *z;
	char	lab[4][8];
	int	n, nx, ny, d0;

	mk_steps(&ss);
	is_int((int)ss.n, 8, "eight steps kept");
	/* cooling = chillers + pumps: step 3: 0.3 + 0.01 MW */
	is_abs(ss.cool_mw[3], 0.31, 1e-12, "cooling plant 0.31 MW at step 3");
	ok(isnan(ss.pue[7]), "no PUE without IT load");
	is_abs(ss.water_m3[2], 3e-3 * 3600, 1e-9, "water 3 L/s for an hour = 10.8 m3");
	plot_sim_duration(&ss, h, fac, it, cool, grid, firm);
	is_abs(h[0], 1, 0, "first sorted step ends at 1 h");
	is_abs(h[7], 8, 0, "the last at 8 h");
	is_abs(fac[0], 5, 1e-12, "facility sorted: 5 MW first");
	is_abs(fac[1], 4.8, 1e-12, "then 4.8");
	is_abs(fac[7], 0.2, 1e-12, "0.2 last");
	is_abs(it[1], 4, 1e-12, "IT sorted on its own: 4, 4, 3, ...");
	is_abs(firm[3], 5, 1e-12, "grid + generators: four hours at 5 MW");
	is_abs(firm[4], 4, 1e-12, "then 4 MW");
	/* January: facility 1.5+2.5+3.6+4.8 = 12.4 over IT 10; February 11.5 / 9 */
	n = plot_sim_monthly(&ss, pue, water, lab, 4);
	is_int(n, 2, "two months");
	is_str(lab[0], "2025-01", "January first");
	is_abs(pue[0], 12.4 / 10, 1e-12, "January PUE 1.24");
	is_abs(pue[1], 11.5 / 9, 1e-12, "February PUE 11.5/9");
	/* water 1..4 L/s then 5..8 L/s for an hour each: 36 m3 and 93.6 m3 */
	is_abs(water[0], 36, 1e-9, "January water 36 m3");
	is_abs(water[1], 93.6, 1e-9, "February water 93.6 m3");
	ok(plot_sim_grid(&ss, &nx, &ny) == 0 && nx == 24 && ny == 2, "24 x 2 grid");
	z = calloc((size_t)nx * ny, sizeof *z);
	ok(z != NULL && plot_sim_heat(&ss, SIM_HEAT_MARGIN, z, &nx, &ny, &d0) == 0,
	    "margin heat map");
	is_int(d0, date_from_ymd(2025, 1, 31), "first row Jan 31");
	is_abs(z[3], 4 - 4.8, 1e-12, "margin at Jan 31 03:00: 4 - 4.8 MW");
	is_abs(z[24 + 0], 5 - 5, 1e-12, "margin at Feb 1 00:00: 5 - 5 MW");
	ok(isnan(z[10]), "no step at 10:00: no value");
	ok(plot_sim_heat(&ss, SIM_HEAT_PUE, z, &nx, &ny, &d0) == 0, "PUE heat map");
	is_abs(z[24 + 1], 3.9 / 3, 1e-12, "PUE at Feb 1 01:00");
	free(z);
	plot_sim_free(&ss);
}

/* ---- swings: the spectrum of a tone, decimation ---- */
static void
test_swings(void)
{
	/* 3 MW at 2 Hz on 50 MW, 100 Hz for 60 s, 10 s windows: L = 1000, bins every
	 * 0.1 Hz; 2 Hz is bin 20, whose amplitude is the tone's, 3 MW; the periodic
	 * Hann window puts half of it in bins 19 and 21 and nothing further out */
	size_t	n = 6000, i, nb;
	double	*x = malloc(n * sizeof *x), *f, *a, t[10], y[10];
	const double pi = 3.14159265358979323846;
	const double spike[10] = { 0, 1, 2, 9, 4, 5, -3, 7, 8, 6 };

	for (i = 0; i < n; i++)
		x[i] = 50e6 + 3e6 * sin(2 * pi * 2 * (double)i / 100);
	nb = swings_spectrum_bins(n, 100, 10);
	is_int((int)nb, 500, "500 bins up to the Nyquist frequency");
	f = malloc(nb * sizeof *f);
	a = malloc(nb * sizeof *a);
	ok(x && f && a && swings_spectrum(x, n, 100, 10, f, a) == 0, "spectrum");
	is_abs(f[19], 2, 1e-12, "bin 20 at 2 Hz");
	is_rel(a[19], 3e6, 1e-9, "its amplitude is the tone's, 3 MW");
	is_rel(a[18], 1.5e6, 1e-9, "1.9 Hz holds half (Hann)");
	is_rel(a[20], 1.5e6, 1e-9, "2.1 Hz holds half (Hann)");
	ok(a[25] < 1e-6 * 3e6, "2.6 Hz holds nothing");
	ok(swings_spectrum_bins(n, 100, 100) == 0, "a window longer than the run: none");
	free(x);
	free(f);
	free(a);
	/* ten samples in two buckets of five: each keeps its lowest and highest,
	 * in time order: (0, 0) (3, 9) then (6, -3) (7, 7)... bucket 2 is 5..9 */
	is_int((int)plot_decimate(spike, 10, 0.5, 2, t, y), 4, "two buckets: 4 points");
	is_abs(t[0], 0, 0, "bucket 1 low at 0 s");
	is_abs(y[1], 9, 0, "bucket 1 keeps the spike of 9");
	is_abs(t[1], 1.5, 1e-12, "at 1.5 s");
	is_abs(y[2], -3, 0, "bucket 2 low -3 first (3 s)");
	is_abs(y[3], 8, 0, "then its high 8 (4 s)");
	is_int((int)plot_decimate(spike, 10, 1, 5, t, y), 10, "few samples: all kept");
}

/* ---- risk: the S-curve and the tornado from hand-made Monte Carlo records ---- */
static const uint64_t rk_counts[4] = { 2, 3, 0, 5 };
static const char *const rk_names[3] = { "grid delay", "rack delay", "rate factor" };
static const double rk_rho[3] = { 0.2, -0.7, 0.5 };

static void
mk_risk(struct risk_curve_in *c, struct risk_tornado_in *t)
{
	memset(c, 0, sizeof *c);
	c->name = "all";
	c->gpus = 300;
	c->by = date_from_ymd(2025, 1, 3);
	c->day0 = date_from_ymd(2025, 1, 1);
	c->ndays = 4;
	c->counts = rk_counts;
	c->trials = 12;		/* 2 never met */
	c->p_on_time = 5.0 / 12;
	t->target = "all";
	t->ninputs = 3;
	t->names = rk_names;
	t->rho = rk_rho;
}

static void
test_risk(void)
{
	struct risk_curve_in c;
	struct risk_tornado_in t;
	double	x[4], p[4];
	size_t	order[3];
	int	d = 0;

	mk_risk(&c, &t);
	/* cumulative 2, 5, 5, 10 of 12 trials */
	ok(plot_risk_scurve(&c, x, p) == 0, "S-curve");
	is_abs(x[1], c.day0 + 1, 0, "x is the day");
	is_abs(p[0], 2.0 / 12, 1e-15, "P(met by day 0) = 2/12");
	is_abs(p[2], 5.0 / 12, 1e-15, "flat on a day nobody met it: 5/12");
	is_abs(p[3], 10.0 / 12, 1e-15, "10/12 by the last day: 2 trials never");
	ok(plot_risk_quantile(&c, 0.5, &d) == 0 && d == c.day0 + 3,
	    "P50 is the first day with 6 of 12: day 3");
	ok(plot_risk_quantile(&c, 5.0 / 12, &d) == 0 && d == c.day0 + 1,
	    "P(5/12) is reached on day 1");
	ok(plot_risk_quantile(&c, 0.9, &d) != 0, "P90 is never reached (10/12)");
	plot_risk_tornado(&t, order);
	ok(order[0] == 1 && order[1] == 2 && order[2] == 0,
	    "tornado by |rho|: rack delay, rate factor, grid delay");
	{
		/* two days of hours; 4 trials; hour 13 of day 1 short in 3 of them */
		static uint64_t cnt[48];
		struct risk_lolp_in l = { cnt, 48, 4 };
		double	z[48];
		int	nd = 0;

		cnt[24 + 13] = 3;
		cnt[5] = 1;
		ok(plot_risk_lolp(&l, z, &nd) == 0 && nd == 2, "LOLP heat map: 2 days");
		is_abs(z[24 + 13], 0.75, 1e-15, "day 2, 13:00: 3 of 4 trials short");
		is_abs(z[5], 0.25, 1e-15, "day 1, 05:00: 1 of 4");
		is_abs(z[6], 0, 0, "an hour no trial was short: 0");
		l.trials = 0;
		ok(plot_risk_lolp(&l, z, &nd) != 0, "no trials: no picture");
	}
}

/* ---- formats and sizes ---- */
static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* strstr over binary data (a PDF's compressed streams hold NUL bytes) */
static int
has(const char *buf, size_t len, const char *pat)
{
	size_t	n = strlen(pat), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(buf + i, pat, n) == 0)
			return 1;
	return 0;
}

static char *
slurp(FILE *fp, size_t *len)
{
	char	*buf;
	long	n;

	fflush(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	if (n < 0 || (buf = malloc((size_t)n + 1)) == NULL)
		return NULL;
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	return buf;
}

static void
test_formats(void)
{
	struct site s;
	struct sim_series ss;
	static const enum sim_pic pics[4] = { SIM_LOAD_DURATION, SIM_MONTHLY,
	    SIM_HEAT_MARGIN, SIM_HEAT_PUE };
	struct tl_day t[3];
	struct build_series b;
	FILE	*fp;
	char	*buf;
	size_t	len;
	int	i;

	mk_site(&s);
	memset(t, 0, sizeof t);
	for (i = 0; i < 3; i++) {
		t[i].day = date_from_ymd(2025, 1, 1) + i;
		t[i].gpus_online = 100 * (i + 1);
		t[i].gpus_runnable = 100 * (i + 1);
		t[i].grid_w = 1e6;
		t[i].demand_w = 0.5e6;
	}
	ok(plot_build_series(&s, t, 3, &b) == 0, "build series for drawing");
	mk_steps(&ss);
	for (i = 0; i < 4; i++) {
		fp = tmpfile();
		ok(fp != NULL && plot_sim_draw(&s, &ss, pics[i], PLOT_PNG, 640, 400, fp)
		    == 0, "simulate picture %d as PNG", i);
		buf = slurp(fp, &len);
		ok(buf != NULL && len > 24 && memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0 &&
		    memcmp(buf + 12, "IHDR", 4) == 0 && be32((unsigned char *)buf + 16) ==
		    640 && be32((unsigned char *)buf + 20) == 400,
		    "picture %d: a PNG, IHDR 640 x 400", i);
		free(buf);
		fclose(fp);
	}
	fp = tmpfile();
	ok(fp != NULL && plot_build_draw(&s, &b, "timeline", PLOT_SVG, 1000, 600, fp) ==
	    0, "build as SVG");
	buf = slurp(fp, &len);
	ok(buf != NULL && has(buf, len, "<svg") &&
	    has(buf, len, "width=\"1000px\" height=\"600px\"") &&
	    has(buf, len, "</svg>"), "SVG root 1000px x 600px, closed");
	free(buf);
	fclose(fp);
	fp = tmpfile();
	ok(fp != NULL && plot_build_draw(&s, &b, "plan", PLOT_PDF, 1200, 700, fp) == 0,
	    "build as PDF");
	buf = slurp(fp, &len);
	ok(buf != NULL && strncmp(buf, "%PDF-", 5) == 0 &&
	    has(buf, len, "/MediaBox [ 0 0 1200 700 ]") && has(buf, len, "%%EOF") &&
	    !has(buf, len, "/CreationDate"),
	    "PDF header, MediaBox 1200 x 700, %%%%EOF, no creation date");
	free(buf);
	fclose(fp);
	{
		struct risk_curve_in rc;
		struct risk_tornado_in rt;
		enum risk_pic rp[2] = { RISK_SCURVE, RISK_TORNADO };

		mk_risk(&rc, &rt);
		for (i = 0; i < 2; i++) {
			fp = tmpfile();
			ok(fp != NULL && plot_risk_draw("risk", "hand-made", rp[i], &rc, 1,
			    &rt, PLOT_PNG, 800, 450, fp) == 0, "risk picture %d", i);
			buf = slurp(fp, &len);
			ok(buf != NULL && len > 24 && be32((unsigned char *)buf + 16) == 800 &&
			    be32((unsigned char *)buf + 20) == 450,
			    "risk picture %d: PNG 800 x 450", i);
			free(buf);
			fclose(fp);
		}
	}
	plot_build_free(&b);
	plot_sim_free(&ss);
}

int
main(void)
{
	test_ticks();
	test_parsers();
	test_cmaps();
	test_build();
	test_sim();
	test_swings();
	test_risk();
	test_formats();
	plot_release();
	return tap_done();
}
