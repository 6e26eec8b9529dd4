/*
 * elec.c - electrical chain losses between the grid feed and the IT load.
 *
 * Transformer: P_loss = P_NL + P_LL (S / S_rated)^2, the no-load (core) and
 * load (winding I^2 R) losses of IEEE C57.12.00 and the test code IEEE
 * C57.12.91 (dry-type) / C57.12.90 (liquid-immersed); efficiency as in the
 * DOE test procedure, 10 CFR 431 Subpart K Appendix A.
 * UPS: P_loss = rating (c0 + c1 x + c2 x^2), x = output / rating: the
 * no-load, proportional and square-law losses of Schneider Electric White
 * Paper 108, "Making Large UPS Systems More Efficient" (V. Avelar, rev. 2),
 * also the UPS model of Schneider WP 113, "Electrical Efficiency Modeling
 * for Data Centers".
 */

#include <math.h>
#include <stddef.h>

#include "elec.h"

/* A power factor outside (0, 1] is taken as 1 rather than divided by. */
static double
elec_pf(double pf)
{
	if (!(pf > 0) || pf > 1)
		return 1;
	return pf;
}

/* Non-negative, finite-or-zero load: NaN and negatives become 0. */
static double
elec_pos(double x)
{
	return x > 0 ? x : 0;
}

double
transformer_loss(const struct transformer_model *t, double load_va)
{
	double	x;

	if (!(t->rating_va > 0))
		return 0;
	x = elec_pos(fabs(load_va)) / t->rating_va;
	return t->no_load_loss + t->load_loss * x * x;
}

/* eta = P_out / (P_out + losses), P_out = load_frac S_rated pf. */
double
transformer_efficiency(const struct transformer_model *t, double load_frac,
    double pf)
{
	double	s, out, loss;

	s = elec_pos(load_frac) * t->rating_va;
	out = s * elec_pf(pf);
	if (!(out > 0))
		return 0;
	loss = transformer_loss(t, s);
	return out / (out + loss);
}

/*
 * Split the total loss at one rated point into core and winding loss.  The
 * DOE test procedure (10 CFR 431 Subpart K, Appendix A) rates efficiency with
 * output = per-unit load x nameplate kVA, i.e. at unity power factor, so
 * L = k S (1/eta - 1).  No single split follows from one efficiency; a
 * design optimised for the rating point has its efficiency peak there, where
 * core loss equals winding loss (nl_share = 0.5).  Example: 1000 kVA
 * low-voltage dry-type, 99.28 % at 35 % (10 CFR 431.196(a)(2)):
 * L = 350 kW x (1/0.9928 - 1) = 2538.3 W, P_NL = 1269.1 W,
 * P_LL = 1269.1 / 0.35^2 = 10360 W.
 */
int
transformer_from_efficiency(struct transformer_model *t, double rating_va,
    double eff, double load_frac, double nl_share)
{
	double	out, loss;

	if (!(rating_va > 0) || !(eff > 0) || eff > 1 || !(load_frac > 0) ||
	    load_frac > 1 || !(nl_share >= 0) || nl_share > 1)
		return -1;
	out = load_frac * rating_va;
	loss = out * (1 / eff - 1);
	t->rating_va = rating_va;
	t->no_load_loss = nl_share * loss;
	t->load_loss = (1 - nl_share) * loss / (load_frac * load_frac);
	return 0;
}

/* One module; an energised UPS has its no-load loss even at zero output. */
double
ups_loss(const struct ups_model *u, double out_w)
{
	double	x, loss;

	if (!(u->rating_w > 0))
		return 0;
	x = elec_pos(out_w) / u->rating_w;
	loss = u->rating_w * (u->loss_c[0] + u->loss_c[1] * x +
	    u->loss_c[2] * x * x);
	return elec_pos(loss);
}

double
ups_efficiency(const struct ups_model *u, double load_frac)
{
	double	out;

	out = elec_pos(load_frac) * u->rating_w;
	if (!(out > 0))
		return 0;
	return out / (out + ups_loss(u, out));
}

/*
 * Feed -> n_xfmr transformers -> (mech_w) and [ups_fraction through n_ups
 * UPS modules] -> PDUs -> it_w.  Units of a kind share their load equally.
 * The UPS carries ups_fraction of the PDU input; the transformers carry
 * everything below them, as apparent power S = P / pf.  UPS and PDU losses
 * are released in the cooled space (heat_to_room); transformer losses are
 * taken as outdoors (pad-mounted / yard substations) and not added to the
 * cooling load.
 */
void
elec_chain_eval(const struct elec_chain *c, double it_w, double mech_w,
    struct elec_op *op)
{
	double	pdu_in, ups_out, fr, pf, below;

	op->it_w = elec_pos(it_w);
	op->mech_w = elec_pos(mech_w);
	pf = elec_pf(c->power_factor);

	/* PDU/busway: loss = it / eta - it. */
	if (c->pdu_eff > 0 && c->pdu_eff < 1)
		op->pdu_loss = op->it_w / c->pdu_eff - op->it_w;
	else
		op->pdu_loss = 0;
	pdu_in = op->it_w + op->pdu_loss;

	op->ups_loss = 0;
	fr = c->ups_fraction > 1 ? 1 : elec_pos(c->ups_fraction);
	if (c->ups != NULL && c->n_ups > 0 && fr > 0) {
		ups_out = fr * pdu_in / c->n_ups;
		op->ups_loss = c->n_ups * ups_loss(c->ups, ups_out);
	}

	below = pdu_in + op->ups_loss + op->mech_w;
	op->xfmr_loss = 0;
	if (c->xfmr != NULL && c->n_xfmr > 0)
		op->xfmr_loss = c->n_xfmr *
		    transformer_loss(c->xfmr, below / pf / c->n_xfmr);

	op->input_w = below + op->xfmr_loss;
	op->input_va = op->input_w / pf;
	op->heat_to_room = op->ups_loss + op->pdu_loss;
}
