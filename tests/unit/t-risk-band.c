/*
 * t-risk-band.c - the band of GPUs online (risk.h): the level grid, the quantile
 * rule on a hand-filled accumulator, the merge, and the picture's series
 * (plot_pics.h).  Hand case: a fleet of 100 GPUs, 10 trials; trial i reaches
 * levels 0..19 (ceil(100 (k + 1) / 40) GPUs, level 19 = 50 GPUs) on day 10 + i
 * and levels 20..39 (up to 100 GPUs) on day 20 + i, or never (the sentinel,
 * day 1000) for trial 9.  On day d the share that reached level 0..19 is
 * (d - 9) / 10 clipped to [0, 1], and 20..39 (d - 19) / 10 clipped to [0, 0.9].
 */
#include <stdio.h>
#include <stdlib.h>

#include "plot_pics.h"
#include "risk.h"
#include "tap.h"

static void
fill(struct risk_acc *a, int i0, int i1)
{
	int	i;
	size_t	k;

	a->band_fleet = 100;
	for (i = i0; i < i1; i++)
		for (k = 0; k < RISK_BAND_LEVELS; k++)
			day_hist_add(&a->band[k], k < 20 ? 10 + i : i == 9 ? 1000 : 20 + i,
			    NULL);
}

int
main(void)
{
	struct risk_acc a, b, one;
	struct risk_band_in in;
	int	day[3] = { 5, 10, 20 };
	long	p1[3] = { 0, 0, 50 }, p5[3] = { 0, 25, 75 }, p9[3] = { 0, 50, 100 },
		tg = 100;
	int	tb = 30;
	const char *tn = "t";
	double	x[4], lo[4], mid[4], hi[4], end;

	is_int(risk_band_level(100, 0), 3, "level 0 of 100 GPUs: ceil(2.5) = 3");
	is_int(risk_band_level(100, 19), 50, "level 19: 50");
	is_int(risk_band_level(100, 39), 100, "level 39: the fleet");
	is_int(risk_band_level(640, 0), 16, "level 0 of 640: 16");

	if (risk_acc_init(&a, 0, 0, 0) != 0 || risk_acc_init(&b, 0, 0, 0) != 0 ||
	    risk_acc_init(&one, 0, 0, 0) != 0)
		return 1;
	fill(&a, 0, 4);
	fill(&b, 4, 10);
	fill(&one, 0, 10);
	ok(risk_acc_merge(&a, &b) == 0, "two parts merge");
	/* day 9: nobody; day 10: 1 of 10 reached 0..19 */
	is_int(risk_band_quantile(&one, 9, 0.9), 0, "day 9: P90 0");
	is_int(risk_band_quantile(&one, 10, 0.9), 50, "day 10: P(>= 50) = 0.1: P90 50");
	is_int(risk_band_quantile(&one, 10, 0.5), 0, "day 10: P50 0");
	is_int(risk_band_quantile(&one, 14, 0.5), 50, "day 14: share 0.5: P50 50");
	is_int(risk_band_quantile(&one, 13, 0.5), 0, "day 13: share 0.4: P50 0");
	is_int(risk_band_quantile(&one, 17, 0.1), 0, "day 17: share 0.8: P10 0");
	is_int(risk_band_quantile(&one, 18, 0.1), 50, "day 18: share 0.9: P10 50");
	is_int(risk_band_quantile(&one, 20, 0.9), 100, "day 20: P(all) = 0.1: P90 100");
	is_int(risk_band_quantile(&one, 24, 0.5), 100, "day 24: P(all) 0.5: P50 100");
	is_int(risk_band_quantile(&one, 23, 0.5), 50, "day 23: P(all) 0.4: P50 50");
	is_int(risk_band_quantile(&one, 500, 0.1), 100,
	    "day 500: trial 9 never reaches 100 GPUs, P(all) 0.9: P10 100");
	is_int(risk_band_quantile(&one, 500, 0.05), 50,
	    "day 500: P5 (share 0.95 needed) stays 50");
	{
		int	d, same = 1;
		double	q;

		for (d = 0; d < 40; d++)
			for (q = 0.1; q < 1; q += 0.4)
				same &= risk_band_quantile(&a, d, q) ==
				    risk_band_quantile(&one, d, q);
		ok(same, "the merged parts give the one run's quantiles on every day");
	}
	b.band_fleet = 99;
	ok(risk_acc_merge(&a, &b) != 0, "a different fleet does not merge");
	risk_acc_release(&a);
	risk_acc_release(&b);
	risk_acc_release(&one);

	in = (struct risk_band_in){ .n = 3, .day = day, .p10 = p1, .p50 = p5, .p90 = p9,
	    .nt = 1, .tgt_by = &tb, .tgt_gpus = &tg, .tgt_name = &tn };
	ok(plot_risk_band(&in, x, lo, mid, hi, &end) == 0, "the picture's series");
	is_int((long)end, 37, "end: the target day 30 + 7 d (a tenth of 25 d < 7)");
	ok(x[3] == 37 && lo[3] == 50 && mid[3] == 75 && hi[3] == 100,
	    "the last step holds to the end");
	ok(x[1] == 10 && lo[1] == 0 && mid[1] == 25 && hi[1] == 50, "a step as given");
	in.n = 0;
	ok(plot_risk_band(&in, x, lo, mid, hi, &end) != 0, "no steps: -1");
	return tap_done();
}
