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

const char *const ups_topology_names[UPS_TOPO_COUNT + 1] = {
	"N", "N+1", "block-redundant", "distributed-redundant", "2N", NULL
};

const char *
ups_topology_name(enum ups_topology t)
{
	return t >= 0 && t < UPS_TOPO_COUNT ? ups_topology_names[t] : "?";
}

/* ceil(x / unit - 1e-9) as a count in [lo, hi]; NaN and huge values clamp. */
static int
elec_count(double x, double unit, int lo, int hi)
{
	double	n;

	if (!(unit > 0) || !(x > 0))
		return lo;
	n = ceil(x / unit - 1e-9);
	if (!(n < (double)hi))
		return hi;
	return n < lo ? lo : (int)n;
}

/* Units installed for `need' under a redundancy rule (the inverse of
 * redundancy_usable): N+1 and N+2 add spares, 2N doubles. */
static int
elec_with_spares(int need, enum redundancy r)
{
	switch (r) {
	case RED_N1:
		return need + 1;
	case RED_N2:
		return need + 2;
	case RED_2N:
		return need * 2;
	default:
		return need;
	}
}

/* Output one block can carry towards the usable total, W: its modules less the
 * spare of an N+1 block.  Reserve blocks (block-redundant), the spare block
 * (distributed) and the B side (2N) are counted by the callers. */
static double
elec_block_w(const struct elec_plan *p)
{
	int	m = p->topology == UPS_TOPO_N1 ? p->modules - 1 : p->modules;

	return m > 0 ? m * p->ups->rating_w : 0;
}

double
elec_ups_usable(const struct elec_plan *p)
{
	int	b;

	if (p->ups == NULL || p->blocks <= 0 || p->modules <= 0)
		return 0;
	switch (p->topology) {
	case UPS_TOPO_BLOCK:
		b = p->blocks - p->reserve;
		break;
	case UPS_TOPO_DISTRIBUTED:
		b = p->blocks - 1;
		break;
	case UPS_TOPO_2N:
		b = p->blocks / 2;
		break;
	default:
		b = p->blocks;
		break;
	}
	return b > 0 ? b * elec_block_w(p) : 0;
}

double
elec_xfmr_usable(const struct elec_plan *p)
{
	if (p->xfmr == NULL || p->n_xfmr <= 0)
		return 0;
	return redundancy_usable(p->n_xfmr, p->xfmr_redundancy) * p->xfmr->rating_va;
}

int
elec_plan_valid(const struct elec_plan *p)
{
	if (p->xfmr != NULL && p->n_xfmr < 1)
		return 0;
	if (p->xfmr != NULL && redundancy_usable(p->n_xfmr, p->xfmr_redundancy) < 1)
		return 0;
	if (p->ups == NULL)
		return 1;
	if (p->modules < 1 || p->blocks < 1 || !(p->ups->rating_w > 0))
		return 0;
	switch (p->topology) {
	case UPS_TOPO_N1:
		return p->modules >= 2;
	case UPS_TOPO_BLOCK:
		return p->reserve >= 1 && p->blocks - p->reserve >= 1;
	case UPS_TOPO_DISTRIBUTED:
		return p->blocks >= 2;
	case UPS_TOPO_2N:
		return p->blocks >= 2 && p->blocks % 2 == 0;
	default:
		return 1;
	}
}

/*
 * Auto-sizing: the fewest blocks whose usable output carries ups_w under the
 * topology (plus the reserve block, the spare block or the B side), and the
 * fewest transformers for xfmr_va plus their spares.
 */
int
elec_plan_size(struct elec_plan *p, double ups_w, double xfmr_va)
{
	int	need;

	if (p->ups != NULL) {
		if (p->modules <= 0) {
			p->modules = ELEC_AUTO_MODULES;
			p->ups_auto = 1;
		}
		if (p->topology == UPS_TOPO_BLOCK && p->reserve <= 0)
			p->reserve = 1;
		if (p->blocks <= 0) {
			p->ups_auto = 1;
			need = elec_count(ups_w, elec_block_w(p), 1, 1000000);
			switch (p->topology) {
			case UPS_TOPO_BLOCK:
				p->blocks = need + p->reserve;
				break;
			case UPS_TOPO_DISTRIBUTED:
				p->blocks = need + 1;
				break;
			case UPS_TOPO_2N:
				p->blocks = 2 * need;
				break;
			default:
				p->blocks = need;
				break;
			}
		}
	}
	if (p->xfmr != NULL && p->n_xfmr <= 0) {
		need = elec_count(xfmr_va, p->xfmr->rating_va, 1, 1000000);
		p->n_xfmr = elec_with_spares(need, p->xfmr_redundancy);
		p->xfmr_auto = 1;
	}
	return elec_plan_valid(p) ? 0 : -1;
}

/*
 * Energised blocks: the fewest that carry ups_w under the topology, with the
 * spares it keeps live - N+1 blocks their spare module, block-redundant its
 * reserve blocks (at no load), distributed redundancy one more block, 2N both
 * sides.  Transformers: the fewest for xfmr_va plus the redundancy's spares.
 */
void
elec_chain_energise(const struct elec_plan *p, double ups_w, double xfmr_va,
    struct elec_chain *c)
{
	int	a, m = p->modules;

	c->n_ups = c->n_ups_idle = 0;
	c->n_xfmr = 0;
	if (p->ups != NULL && m > 0 && p->blocks > 0 && ups_w > 0) {
		switch (p->topology) {
		case UPS_TOPO_BLOCK:
			a = elec_count(ups_w, elec_block_w(p), 1,
			    p->blocks - p->reserve > 1 ? p->blocks - p->reserve : 1);
			c->n_ups = a * m;
			c->n_ups_idle = p->reserve * m;
			break;
		case UPS_TOPO_DISTRIBUTED:
			a = elec_count(ups_w, elec_block_w(p), 1, p->blocks) + 1;
			c->n_ups = (a < p->blocks ? a : p->blocks) * m;
			break;
		case UPS_TOPO_2N:
			a = elec_count(ups_w, elec_block_w(p), 1,
			    p->blocks / 2 > 1 ? p->blocks / 2 : 1);
			c->n_ups = 2 * a * m;
			break;
		default:
			a = elec_count(ups_w, elec_block_w(p), 1, p->blocks);
			c->n_ups = a * m;
			break;
		}
	}
	if (p->xfmr != NULL && p->n_xfmr > 0 && xfmr_va > 0) {
		a = elec_with_spares(elec_count(xfmr_va, p->xfmr->rating_va, 1,
		    p->n_xfmr), p->xfmr_redundancy);
		c->n_xfmr = a < p->n_xfmr ? a : p->n_xfmr;
	}
}

/*
 * Feed -> n_xfmr transformers -> (mech_w) and [ups_fraction through n_ups
 * UPS modules] -> PDUs -> it_w.  Units of a kind share their load equally
 * (parallel modules share by droop or a common bus: WP 75); n_ups_idle reserve
 * modules add their no-load loss.
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
	/* reserve modules energised at no load: their no-load loss only */
	if (c->ups != NULL && c->n_ups_idle > 0)
		op->ups_loss += c->n_ups_idle * ups_loss(c->ups, 0);

	below = pdu_in + op->ups_loss + op->mech_w;
	op->xfmr_loss = 0;
	if (c->xfmr != NULL && c->n_xfmr > 0)
		op->xfmr_loss = c->n_xfmr *
		    transformer_loss(c->xfmr, below / pf / c->n_xfmr);

	op->input_w = below + op->xfmr_loss;
	op->input_va = op->input_w / pf;
	op->heat_to_room = op->ups_loss + op->pdu_loss;
}
