/*
 * risk-plot.h - the risk pictures from a run's accumulators: the met-date
 * histograms and the Spearman correlations become the plain records the output
 * layer draws (plot_pics.h).
 */
#ifndef DCPLAN_RISK_PLOT_H
#define DCPLAN_RISK_PLOT_H

#include "cli-plot.h"
#include "risk-doc.h"

extern const char *const risk_plot_kinds[];	/* s-curve, tornado */

/* Draw the picture of req (kind index in risk_plot_kinds): EXIT_OK or EXIT_IO. */
int	risk_plot_write(struct cmd_ctx *, const struct plot_req *,
	    const struct risk_meta *, const struct risk_acc *);

#endif
