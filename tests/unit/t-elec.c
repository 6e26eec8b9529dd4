/*
 * t-elec.c - transformer, UPS and chain losses against hand-computed values.
 * Python one-liners in the comments show the arithmetic behind each literal.
 */

#include <string.h>

#include "elec.h"
#include "tap.h"

static struct transformer_model
xfmr(void)
{
	struct transformer_model	t;

	memset(&t, 0, sizeof t);
	strcpy(t.name, "xfmr-test");
	t.rating_va = 1e6;
	t.no_load_loss = 1000;
	t.load_loss = 8000;
	return t;
}

static struct ups_model
ups(void)
{
	struct ups_model	u;

	memset(&u, 0, sizeof u);
	strcpy(u.name, "ups-test");
	u.rating_w = 1e6;
	u.loss_c[0] = 0.01;
	u.loss_c[1] = 0.02;
	u.loss_c[2] = 0.03;
	return u;
}

static void
test_transformer(void)
{
	struct transformer_model	t = xfmr(), d;

	is_rel(transformer_loss(&t, 0), 1000, 1e-12, "xfmr: no load = core loss");
	/* 1000 + 8000 x 0.5^2 = 3000 W */
	is_rel(transformer_loss(&t, 5e5), 3000, 1e-12, "xfmr: half load 3000 W");
	is_rel(transformer_loss(&t, 1e6), 9000, 1e-12, "xfmr: rated load 9000 W");
	/* 1000 + 8000 x 1.2^2 = 12520 W */
	is_rel(transformer_loss(&t, 1.2e6), 12520, 1e-12, "xfmr: 120 %% load 12520 W");
	is_rel(transformer_loss(&t, -5e5), 3000, 1e-12, "xfmr: sign of S ignored");
	/* out = 0.5 x 1e6 x 0.9 = 450 kW; 450000 / 453000 = 0.993377 */
	is_rel(transformer_efficiency(&t, 0.5, 0.9), 450000.0 / 453000, 1e-12,
	    "xfmr: efficiency at 50 %%, pf 0.9");
	is_rel(transformer_efficiency(&t, 1, 1), 1e6 / 1.009e6, 1e-12,
	    "xfmr: efficiency at rated, pf 1");
	is_abs(transformer_efficiency(&t, 0, 0.9), 0, 1e-15, "xfmr: efficiency 0 at no load");

	/* 10 CFR 431.196: 1000 kVA LV dry-type 99.28 % at 35 %, split 50/50:
	 * L = 350000 x (1/0.9928 - 1) = 2538.2756 W; P_NL = 1269.1378 W;
	 * P_LL = 1269.1378 / 0.1225 = 10360.3085 W */
	memset(&d, 0, sizeof d);
	ok(transformer_from_efficiency(&d, 1e6, 0.9928, 0.35, 0.5) == 0,
	    "DOE helper accepts valid input");
	is_rel(d.no_load_loss, 1269.1377921031476, 1e-9, "DOE 1000 kVA: P_NL 1269.14 W");
	is_rel(d.load_loss, 10360.308506964471, 1e-9, "DOE 1000 kVA: P_LL 10360.3 W");
	is_rel(transformer_efficiency(&d, 0.35, 1), 0.9928, 1e-12,
	    "DOE 1000 kVA: round trip to 99.28 %% at 35 %%");
	/* nl_share 0.5 puts the efficiency peak at the rating point */
	ok(transformer_efficiency(&d, 0.30, 1) < 0.9928 &&
	    transformer_efficiency(&d, 0.40, 1) < 0.9928,
	    "DOE 1000 kVA: efficiency peaks at 35 %%");
	ok(transformer_from_efficiency(&d, 1e6, 1.2, 0.35, 0.5) == -1,
	    "DOE helper rejects efficiency > 1");
	ok(transformer_from_efficiency(&d, 1e6, 0.99, 0, 0.5) == -1,
	    "DOE helper rejects load 0");
	ok(transformer_from_efficiency(&d, 0, 0.99, 0.35, 0.5) == -1,
	    "DOE helper rejects rating 0");
	ok(transformer_from_efficiency(&d, 1e6, 0.99, 0.35, 1.5) == -1,
	    "DOE helper rejects share > 1");
}

static void
test_ups(void)
{
	struct ups_model	u = ups();

	/* 1e6 x (0.01 + 0.02 x 0.5 + 0.03 x 0.25) = 27500 W */
	is_rel(ups_loss(&u, 5e5), 27500, 1e-12, "ups: loss at 50 %% 27.5 kW");
	is_rel(ups_loss(&u, 1e6), 60000, 1e-12, "ups: loss at 100 %% 60 kW");
	is_rel(ups_loss(&u, 0), 10000, 1e-12, "ups: no-load loss at zero output");
	is_rel(ups_loss(&u, -3), 10000, 1e-12, "ups: negative output taken as 0");
	is_rel(ups_efficiency(&u, 0.5), 5e5 / 5.275e5, 1e-12, "ups: efficiency 94.79 %% at 50 %%");
	is_rel(ups_efficiency(&u, 1), 1e6 / 1.06e6, 1e-12, "ups: efficiency 94.34 %% at 100 %%");
	is_abs(ups_efficiency(&u, 0), 0, 1e-15, "ups: efficiency 0 at no load");
	u.rating_w = 0;
	is_abs(ups_loss(&u, 1000), 0, 1e-15, "ups: zero rating gives no loss, no NaN");
}

static void
test_chain(void)
{
	struct transformer_model	t = xfmr();
	struct ups_model		u = ups();
	struct elec_chain		c;
	struct elec_op			op;

	memset(&c, 0, sizeof c);
	c.xfmr = &t;
	c.n_xfmr = 2;
	c.ups = &u;
	c.n_ups = 2;
	c.ups_fraction = 1;
	c.pdu_eff = 0.98;
	c.power_factor = 0.95;

	/*
	 * it = 1 MW, mech = 200 kW:
	 * pdu = 1e6/0.98 - 1e6 = 20408.163; pdu_in = 1020408.163
	 * x = 1020408.163/2/1e6 = 0.5102041; ups = 2e6 (0.01 + 0.02 x + 0.03 x^2)
	 *   = 56026.656
	 * below = 1020408.163 + 56026.656 + 200000 = 1276434.819
	 * S per xfmr = below/0.95/2 = 671807.799 VA
	 * xfmr = 2 (1000 + 8000 (0.671807799)^2) = 9221.2115
	 * input = 1285656.030 W, 1353322.137 VA; heat indoors 76434.819 W
	 */
	elec_chain_eval(&c, 1e6, 2e5, &op);
	is_rel(op.it_w, 1e6, 1e-15, "chain: it_w echoed");
	is_rel(op.mech_w, 2e5, 1e-15, "chain: mech_w echoed");
	is_rel(op.pdu_loss, 20408.163265306153, 1e-9, "chain: PDU loss 20.41 kW");
	is_rel(op.ups_loss, 56026.65556018326, 1e-9, "chain: UPS loss 56.03 kW");
	is_rel(op.xfmr_loss, 9221.211508964254, 1e-9, "chain: transformer loss 9.22 kW");
	is_rel(op.input_w, 1285656.0303344536, 1e-12, "chain: input 1.2857 MW");
	is_rel(op.input_va, 1353322.1371941618, 1e-12, "chain: input 1.3533 MVA");
	is_rel(op.heat_to_room, 20408.163265306153 + 56026.65556018326, 1e-12,
	    "chain: heat indoors = UPS + PDU");

	/* Half behind one UPS, no transformer:
	 * x = 0.5 x 1020408.163 / 1e6 = 0.5102041, loss 28013.328 W */
	c.n_ups = 1;
	c.ups_fraction = 0.5;
	c.xfmr = NULL;
	elec_chain_eval(&c, 1e6, 2e5, &op);
	is_rel(op.ups_loss, 28013.32778009163, 1e-9, "chain: 50 %% behind one UPS");
	is_abs(op.xfmr_loss, 0, 1e-15, "chain: NULL transformer gives no loss");
	is_rel(op.input_w, 1e6 + 20408.163265306153 + 28013.32778009163 + 2e5,
	    1e-12, "chain: input without transformer");

	/* No UPS, lossless PDU, one transformer, pf 1: S = 1.2 MVA, 12520 W */
	c.ups = NULL;
	c.pdu_eff = 1;
	c.n_xfmr = 1;
	c.xfmr = &t;
	c.power_factor = 1;
	elec_chain_eval(&c, 1e6, 2e5, &op);
	is_abs(op.ups_loss, 0, 1e-15, "chain: NULL UPS gives no loss");
	is_abs(op.pdu_loss, 0, 1e-15, "chain: PDU efficiency 1 gives no loss");
	is_rel(op.xfmr_loss, 12520, 1e-12, "chain: 1.2 MVA on one 1 MVA transformer");
	is_rel(op.input_w, 1212520, 1e-12, "chain: input 1.21252 MW");
	is_rel(op.input_va, 1212520, 1e-12, "chain: pf 1, VA = W");
	is_abs(op.heat_to_room, 0, 1e-15, "chain: no indoor losses");

	/* n_ups 0 with a model: no UPS.  Invalid pf taken as 1. */
	c.ups = &u;
	c.n_ups = 0;
	c.power_factor = 0;
	elec_chain_eval(&c, 1e6, 2e5, &op);
	is_abs(op.ups_loss, 0, 1e-15, "chain: n_ups 0 gives no loss");
	is_rel(op.input_va, 1212520, 1e-12, "chain: pf 0 taken as 1");

	/* Zero IT load: the UPS and transformers are still energised.
	 * ups = 2 x 10000 = 20000 W; S = 20000/0.95/2 = 10526.3 VA per unit;
	 * xfmr = 2 (1000 + 8000 (0.0105263)^2) = 2001.7729 W */
	c.n_ups = 2;
	c.ups_fraction = 1;
	c.n_xfmr = 2;
	c.pdu_eff = 0.98;
	c.power_factor = 0.95;
	elec_chain_eval(&c, 0, 0, &op);
	is_abs(op.pdu_loss, 0, 1e-12, "chain idle: no PDU loss");
	is_rel(op.ups_loss, 20000, 1e-12, "chain idle: UPS no-load losses");
	is_rel(op.xfmr_loss, 2001.7728531855955, 1e-12, "chain idle: transformer core losses");
	is_rel(op.input_w, 22001.7728531855955, 1e-12, "chain idle: input = losses");
}

/* A plan of `blocks' blocks of `m' 1 MW modules (the ups() model). */
static struct elec_plan
plan(const struct ups_model *u, enum ups_topology t, int m, int blocks, int reserve)
{
	struct elec_plan	p;

	memset(&p, 0, sizeof p);
	p.ups = u;
	p.topology = t;
	p.modules = m;
	p.blocks = blocks;
	p.reserve = reserve;
	return p;
}

/* UPS loss of a chain with the plan energised for ups_w, IT = ups_w (PDU and
 * transformers lossless, all IT behind the UPS). */
static double
plan_loss(const struct elec_plan *p, double ups_w, struct elec_chain *c)
{
	struct elec_op	op;

	memset(c, 0, sizeof *c);
	c->ups = p->ups;
	c->ups_fraction = 1;
	c->pdu_eff = 1;
	c->power_factor = 1;
	elec_chain_energise(p, ups_w, 0, c);
	elec_chain_eval(c, ups_w, 0, &op);
	return op.ups_loss;
}

/*
 * Topologies (Schneider WP 75).  Module: 1 MW, loss/rating = 0.01 + 0.02 x +
 * 0.03 x^2; at x = 0.75: 0.01 + 0.015 + 0.016875 = 0.041875 -> 41875 W; at
 * x = 0.375: 0.01 + 0.0075 + 0.00421875 = 0.02171875 -> 21718.75 W; at 0: 10 kW.
 */
static void
test_topologies(void)
{
	struct ups_model	u = ups();
	struct elec_plan	p;
	struct elec_chain	c;

	/* N+1 per block: 10 blocks of 3 + 1 -> 10 x 3 MW = 30 MW usable */
	p = plan(&u, UPS_TOPO_N1, 4, 10, 0);
	ok(elec_plan_valid(&p), "N+1: valid");
	is_rel(elec_ups_usable(&p), 30e6, 1e-15, "N+1: 10 blocks x 3 usable x 1 MW");
	/* full build at 30 MW: 40 modules at 0.75 -> 40 x 41875 = 1.675 MW */
	is_rel(plan_loss(&p, 30e6, &c), 1675000, 1e-12, "N+1 full: 40 x 41875 W");
	is_int(c.n_ups, 40, "N+1 full: 40 modules energised");
	/* half-built day, 15 MW: ceil(15 / 3) = 5 blocks, 20 modules at 0.75:
	 * 20 x 41875 = 837500 W (all 40 energised would lose 40 x 21718.75 =
	 * 868750 W) */
	is_rel(plan_loss(&p, 15e6, &c), 837500, 1e-12, "N+1 half-built: 5 blocks, 20 x 41875 W");
	is_int(c.n_ups, 20, "N+1 half-built: 20 modules energised");
	is_int(c.n_ups_idle, 0, "N+1: no idle modules");
	/* empty site: nothing energised, no no-load loss */
	is_abs(plan_loss(&p, 0, &c), 0, 1e-15, "N+1 empty site: no UPS loss");
	is_int(c.n_ups, 0, "N+1 empty site: nothing energised");
	/* a load above the installed: never more than installed */
	plan_loss(&p, 50e6, &c);
	is_int(c.n_ups, 40, "N+1: at most the 40 installed");

	/* block-redundant: 5 blocks of 4, 1 reserve -> 4 x 4 MW = 16 MW usable;
	 * 6 MW: 2 active blocks (8 modules at 0.75) + the reserve's 4 at no load:
	 * 8 x 41875 + 4 x 10000 = 375000 W */
	p = plan(&u, UPS_TOPO_BLOCK, 4, 5, 1);
	ok(elec_plan_valid(&p), "block-redundant: valid");
	is_rel(elec_ups_usable(&p), 16e6, 1e-15, "block-redundant: (5 - 1) x 4 MW");
	is_rel(plan_loss(&p, 6e6, &c), 375000, 1e-12, "block-redundant: 8 sharing + 4 idle");
	is_int(c.n_ups, 8, "block-redundant: 2 active blocks");
	is_int(c.n_ups_idle, 4, "block-redundant: the reserve block energised at no load");
	plan_loss(&p, 40e6, &c);
	ok(c.n_ups == 16 && c.n_ups_idle == 4, "block-redundant: the reserve never carries load");

	/* distributed-redundant 4-make-3: 4 blocks of 4 -> 3 x 4 MW = 12 MW;
	 * 12 MW: all 4 blocks share, 16 modules at 0.75 -> 670000 W;
	 * 5 MW: ceil(5 / 4) + 1 = 3 blocks */
	p = plan(&u, UPS_TOPO_DISTRIBUTED, 4, 4, 0);
	is_rel(elec_ups_usable(&p), 12e6, 1e-15, "distributed: (4 - 1) x 4 MW");
	is_rel(plan_loss(&p, 12e6, &c), 670000, 1e-12, "distributed: 16 x 41875 W");
	plan_loss(&p, 5e6, &c);
	is_int(c.n_ups, 12, "distributed: 2 blocks + 1 energised for 5 MW");

	/* 2N: 6 blocks, 3 a side -> 3 x 4 MW = 12 MW usable; 6 MW: 2 blocks a
	 * side, 16 modules share 50/50 at 0.375 -> 16 x 21718.75 = 347500 W */
	p = plan(&u, UPS_TOPO_2N, 4, 6, 0);
	is_rel(elec_ups_usable(&p), 12e6, 1e-15, "2N: one side, 3 x 4 MW");
	is_rel(plan_loss(&p, 6e6, &c), 347500, 1e-12, "2N: both sides share, 16 x 21718.75 W");
	is_int(c.n_ups, 16, "2N: 2 blocks a side energised");

	/* N: 3 blocks of 2 -> 6 MW */
	p = plan(&u, UPS_TOPO_N, 2, 3, 0);
	is_rel(elec_ups_usable(&p), 6e6, 1e-15, "N: 3 x 2 x 1 MW");

	/* counts that do not fit */
	p = plan(&u, UPS_TOPO_N1, 1, 3, 0);
	ok(!elec_plan_valid(&p) && elec_ups_usable(&p) == 0, "N+1 with 1 module a block: invalid");
	p = plan(&u, UPS_TOPO_2N, 4, 3, 0);
	ok(!elec_plan_valid(&p), "2N with 3 blocks: invalid");
	p = plan(&u, UPS_TOPO_BLOCK, 4, 2, 2);
	ok(!elec_plan_valid(&p) && elec_ups_usable(&p) == 0, "block-redundant, no active block: invalid");
	p = plan(&u, UPS_TOPO_DISTRIBUTED, 4, 1, 0);
	ok(!elec_plan_valid(&p) && elec_ups_usable(&p) == 0, "distributed with 1 block: invalid");
	is_str(ups_topology_name(UPS_TOPO_BLOCK), "block-redundant", "topology name");
	is_str(ups_topology_name(UPS_TOPO_COUNT), "?", "topology name out of range");
}

static void
test_plan_size(void)
{
	struct ups_model		u = ups();
	struct transformer_model	t = xfmr();
	struct elec_plan		p;
	struct elec_chain		c;

	/* auto: N+1 blocks of 4 (3 usable) for 10 MW: ceil(10 / 3) = 4 blocks */
	p = plan(&u, UPS_TOPO_N1, 0, 0, 0);
	is_int(elec_plan_size(&p, 10e6, 0), 0, "auto-size: ok");
	ok(p.ups_auto && p.modules == ELEC_AUTO_MODULES && p.blocks == 4,
	    "auto-size N+1: 4 blocks of 4 for 10 MW");
	/* 9 MW exactly: 3 blocks (no rounding up of an exact fit) */
	p = plan(&u, UPS_TOPO_N1, 0, 0, 0);
	elec_plan_size(&p, 9e6, 0);
	is_int(p.blocks, 3, "auto-size: 9 MW fits 3 blocks exactly");
	/* block-redundant: 2 active for 8 MW + 1 reserve */
	p = plan(&u, UPS_TOPO_BLOCK, 4, 0, 0);
	elec_plan_size(&p, 8e6, 0);
	ok(p.blocks == 3 && p.reserve == 1, "auto-size block-redundant: 2 + 1 reserve");
	/* distributed: 3 + 1 for 10 MW; 2N: 2 x 3 */
	p = plan(&u, UPS_TOPO_DISTRIBUTED, 4, 0, 0);
	elec_plan_size(&p, 10e6, 0);
	is_int(p.blocks, 4, "auto-size distributed: 3 + 1 blocks for 10 MW");
	p = plan(&u, UPS_TOPO_2N, 4, 0, 0);
	elec_plan_size(&p, 10e6, 0);
	is_int(p.blocks, 6, "auto-size 2N: 2 x 3 blocks for 10 MW");
	/* given counts are kept, not auto-sized */
	p = plan(&u, UPS_TOPO_N1, 4, 7, 0);
	elec_plan_size(&p, 10e6, 0);
	ok(!p.ups_auto && p.blocks == 7, "counts given: kept");
	p = plan(&u, UPS_TOPO_2N, 4, 5, 0);
	is_int(elec_plan_size(&p, 10e6, 0), -1, "2N with 5 blocks given: -1");

	/* transformers: 1 MVA; auto N for 2.5 MVA -> 3; N+1 -> 4; 2N -> 6 */
	memset(&p, 0, sizeof p);
	p.xfmr = &t;
	elec_plan_size(&p, 0, 2.5e6);
	ok(p.xfmr_auto && p.n_xfmr == 3, "transformers auto N: 3 for 2.5 MVA");
	is_rel(elec_xfmr_usable(&p), 3e6, 1e-15, "transformers N: 3 MVA usable");
	p.n_xfmr = 0;
	p.xfmr_redundancy = RED_N1;
	elec_plan_size(&p, 0, 2.5e6);
	is_int(p.n_xfmr, 4, "transformers auto N+1: 3 + 1");
	is_rel(elec_xfmr_usable(&p), 3e6, 1e-15, "transformers N+1: 3 MVA usable");
	/* energised for 1.5 MVA: 2 + the spare */
	elec_chain_energise(&p, 0, 1.5e6, &c);
	is_int(c.n_xfmr, 3, "transformers N+1 energised for 1.5 MVA: 2 + 1");
	elec_chain_energise(&p, 0, 0, &c);
	is_int(c.n_xfmr, 0, "transformers: nothing energised for no load");
	elec_chain_energise(&p, 0, 9e6, &c);
	is_int(c.n_xfmr, 4, "transformers: at most the installed");
	p.n_xfmr = 0;
	p.xfmr_redundancy = RED_2N;
	elec_plan_size(&p, 0, 2.5e6);
	is_int(p.n_xfmr, 6, "transformers auto 2N: 2 x 3");
	is_rel(elec_xfmr_usable(&p), 3e6, 1e-15, "transformers 2N: half usable");
	elec_chain_energise(&p, 0, 0.5e6, &c);
	is_int(c.n_xfmr, 2, "transformers 2N energised for 0.5 MVA: 1 a side");
	p.n_xfmr = 1;
	ok(!elec_plan_valid(&p), "one transformer under 2N: invalid");
}

int
main(void)
{
	test_transformer();
	test_ups();
	test_chain();
	test_topologies();
	test_plan_size();
	return tap_done();
}
