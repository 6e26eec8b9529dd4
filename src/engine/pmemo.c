/*
 * pmemo.c - an exact memo of plant evaluations (see pmemo.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pmemo.h"

/* Entries per set. */
#define PMEMO_WAYS 4

struct pmemo_entry {
	uint64_t key[PMEMO_KEY_WORDS];
	uint64_t hash;			/* 0: empty */
	unsigned char val[PMEMO_VALUE_MAX];
};

struct pmemo {
	struct pmemo_entry *e, *steps;
	size_t	nsets, nsteps;		/* powers of two */
	unsigned char *next;		/* per set: the way to replace next */
	uint64_t hits, misses;
};

struct pmemo *
pmemo_new(unsigned log2_entries, unsigned log2_steps)
{
	struct pmemo *m;
	size_t	n;

	if (log2_entries < 2 || log2_entries > 24 || log2_steps > 24)
		return NULL;
	n = (size_t)1 << log2_entries;
	if ((m = calloc(1, sizeof *m)) == NULL)
		return NULL;
	m->nsets = n / PMEMO_WAYS;
	m->nsteps = (size_t)1 << log2_steps;
	/* calloc: pages never used are never touched */
	if ((m->e = calloc(n, sizeof *m->e)) == NULL ||
	    (m->next = calloc(m->nsets, 1)) == NULL ||
	    (m->steps = calloc(m->nsteps, sizeof *m->steps)) == NULL) {
		pmemo_free(m);
		return NULL;
	}
	return m;
}

void
pmemo_free(struct pmemo *m)
{
	if (m == NULL)
		return;
	free(m->e);
	free(m->steps);
	free(m->next);
	free(m);
}

void
pmemo_key_init(struct pmemo_key *k, enum pmemo_kind kind, uint64_t group)
{
	memset(k, 0, sizeof *k);
	k->w[0] = (uint64_t)kind;
	k->w[1] = group;
	k->n = 2;
}

static void
key_word(struct pmemo_key *k, uint64_t w)
{
	if (k->n < PMEMO_KEY_WORDS)
		k->w[k->n++] = w;
	else
		k->n = PMEMO_KEY_WORDS + 1;	/* too long: never matches */
}

void
pmemo_key_d(struct pmemo_key *k, double x)
{
	uint64_t w;

	memcpy(&w, &x, sizeof w);
	key_word(k, w);
}

void
pmemo_key_i(struct pmemo_key *k, int64_t i)
{
	key_word(k, (uint64_t)i);
}

/* 64-bit hash of the key's words (a multiply-xorshift mix per word, after
 * splitmix64: Steele, Lea and Flood, OOPSLA 2014); never 0. */
static uint64_t
key_hash(const struct pmemo_key *k)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	unsigned i;

	for (i = 0; i < PMEMO_KEY_WORDS; i++) {
		h ^= k->w[i];
		h *= 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
	}
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 29;
	return h ? h : 1;
}

static int
usable(const struct pmemo_key *k, size_t size)
{
	return k->n <= PMEMO_KEY_WORDS && size <= PMEMO_VALUE_MAX;
}

int
pmemo_get(struct pmemo *m, const struct pmemo_key *k, void *out, size_t size)
{
	struct pmemo_entry *set;
	uint64_t h;
	int	w;

	if (!usable(k, size)) {
		m->misses++;
		return 0;
	}
	h = key_hash(k);
	set = &m->e[(h & (m->nsets - 1)) * PMEMO_WAYS];
	for (w = 0; w < PMEMO_WAYS; w++)
		if (set[w].hash == h && memcmp(set[w].key, k->w, sizeof k->w) == 0) {
			memcpy(out, set[w].val, size);
			m->hits++;
			return 1;
		}
	m->misses++;
	return 0;
}

void
pmemo_put(struct pmemo *m, const struct pmemo_key *k, const void *val, size_t size)
{
	struct pmemo_entry *e;
	uint64_t h;
	size_t	s;

	if (!usable(k, size))
		return;
	h = key_hash(k);
	s = h & (m->nsets - 1);
	e = &m->e[s * PMEMO_WAYS + m->next[s]];
	m->next[s] = (unsigned char)((m->next[s] + 1) % PMEMO_WAYS);
	memcpy(e->key, k->w, sizeof e->key);
	e->hash = h;
	memcpy(e->val, val, size);
}

int
pmemo_step_get(struct pmemo *m, size_t step, const struct pmemo_key *k, void *out,
    size_t size)
{
	struct pmemo_entry *e = &m->steps[step & (m->nsteps - 1)];

	if (usable(k, size) && e->hash != 0 &&
	    memcmp(e->key, k->w, sizeof k->w) == 0) {
		memcpy(out, e->val, size);
		m->hits++;
		return 1;
	}
	m->misses++;
	return 0;
}

void
pmemo_step_put(struct pmemo *m, size_t step, const struct pmemo_key *k,
    const void *val, size_t size)
{
	struct pmemo_entry *e = &m->steps[step & (m->nsteps - 1)];

	if (!usable(k, size))
		return;
	memcpy(e->key, k->w, sizeof e->key);
	e->hash = 1;
	memcpy(e->val, val, size);
}

void
pmemo_stats(const struct pmemo *m, uint64_t *hits, uint64_t *misses)
{
	*hits = m->hits;
	*misses = m->misses;
}
