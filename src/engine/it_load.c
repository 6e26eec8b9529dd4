/*
 * it_load.c - the IT load of a fleet: the racks online per phase (or the first
 * GPUs of the deployment), their servers at a utilisation and GPU power cap on the
 * site's power basis (expected draw or nameplate), the network and the support
 * nodes (the server model is itload.c's).
 */
#include <math.h>
#include <string.h>

#include "plant.h"

static void
add_server(struct it_load *o, const struct server_model *sm, double liq_override,
    double n, double util, double cap)
{
	struct server_model m = *sm;
	struct server_power p, np;

	if (!isnan(liq_override) && m.liquid_fraction > 0)
		m.liquid_fraction = liq_override;
	server_eval_basis(&m, util, cap, o->basis, &p);
	server_eval(&m, util, cap, &np);
	o->nameplate_w += n * np.ac_w;
	server_eval(&m, 1, 0, &np);
	o->rated_w += n * np.ac_w;
	o->it_w += n * p.ac_w;
	o->gpu_w += n * p.gpu_w;
	o->liquid_w += n * p.liquid_w;
	o->air_w += n * p.air_w;
}

double
it_cap_class(const struct site *s, double cap)
{
	size_t	i;

	if (!(cap > 0))
		return 0;
	/* add_server's only use of the cap is server_eval_basis's limit; the
	 * support nodes run uncapped */
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];

		if (p->server != NULL &&
		    server_gpu_limit(&p->server->u.server, cap) !=
		    server_gpu_limit(&p->server->u.server, 0))
			return cap;
	}
	return 0;
}

/* One phase's n racks. */
static void
add_racks(const struct site *s, const struct site_phase *p, double n, double util,
    double cap, struct it_load *o)
{
	double	liq0 = o->liquid_w, cdu;

	if (p->server == NULL || !(n > 0))
		return;
	add_server(o, &p->server->u.server, s->cooling.liquid_fraction,
	    n * p->rack.servers, util, cap);
	o->it_w += n * p->rack.switch_w;
	o->nameplate_w += n * p->rack.switch_w;
	o->rated_w += n * p->rack.switch_w;
	o->air_w += n * p->rack.switch_w;
	/* in-rack CDU pumps: a fraction of the liquid heat; their heat goes into the
	 * coolant (doc/equipment.md: ~1..2 % of heat [U]) */
	cdu = p->rack.cdu_pump_frac * (o->liquid_w - liq0);
	o->cdu_w += cdu;
	o->liquid_w += cdu;
	o->racks += n;
	o->servers += n * p->rack.servers;
	o->gpus += n * p->gpus_per_rack;
}

/* What goes with the GPU racks: the fabric and the CPU and storage nodes. */
static void
add_shared(const struct site *s, double util, struct it_load *o)
{
	size_t	i;
	double	total = fmax(1.0, (double)site_total_gpus(s));

	/* fabric: NICs, optics, switches, per GPU; air-cooled (doc/equipment.md [U]) */
	o->it_w += o->gpus * s->it.network_per_gpu;
	o->nameplate_w += o->gpus * s->it.network_per_gpu;
	o->rated_w += o->gpus * s->it.network_per_gpu;
	o->air_w += o->gpus * s->it.network_per_gpu;
	/* support nodes: per GPU, or a fixed count brought up with the GPUs */
	for (i = 0; i < s->it.nsupport; i++) {
		const struct site_support *su = &s->it.support[i];
		double	n = su->per_gpu > 0 ? su->per_gpu * o->gpus :
		    su->count * fmin(1.0, o->gpus / total);

		if (su->server != NULL && n > 0)
			add_server(o, &su->server->u.server, NAN, n, util, 0);
	}
}

void
it_load_eval(const struct site *s, const double *racks, double util, double cap,
    struct it_load *o)
{
	it_load_eval_basis(s, racks, util, cap, s->it.basis, o);
}

void
it_load_eval_basis(const struct site *s, const double *racks, double util, double cap,
    enum it_basis basis, struct it_load *o)
{
	size_t	i;

	memset(o, 0, sizeof *o);
	o->basis = basis;
	for (i = 0; i < s->it.nphases; i++)
		add_racks(s, &s->it.phases[i], racks[i], util, cap, o);
	add_shared(s, util, o);
}

void
it_load_gpus(const struct site *s, double gpus, double util, double cap,
    struct it_load *o)
{
	it_load_gpus_basis(s, gpus, util, cap, s->it.basis, o);
}

void
it_load_gpus_basis(const struct site *s, double gpus, double util, double cap,
    enum it_basis basis, struct it_load *o)
{
	double	left = gpus;
	size_t	i, n = s->it.nphases;

	memset(o, 0, sizeof *o);
	o->basis = basis;
	for (i = 0; i < n; i++) {
		const struct site_phase *p = &s->it.phases[i];
		double	r = p->gpus_per_rack > 0 ? left / p->gpus_per_rack : 0;

		/* GPUs beyond the installed fleet go into the last phase */
		if (r > p->racks && i + 1 < n)
			r = p->racks;
		if (r < 0)
			r = 0;
		add_racks(s, p, r, util, cap, o);
		left -= r * p->gpus_per_rack;
	}
	add_shared(s, util, o);
}
