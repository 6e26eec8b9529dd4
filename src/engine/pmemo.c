/*
 * pmemo.c - an exact memo of plant evaluations (see pmemo.h).
 */
#define _DEFAULT_SOURCE		/* mmap's MAP_ANONYMOUS, madvise */
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "pmemo.h"

/*
 * The tables are large (tens of MB a thread) and filled as used.  Zeroed
 * memory that is only touched where used: calloc; on Linux an anonymous
 * mapping that the kernel may back with 2 MB pages (madvise MADV_HUGEPAGE),
 * so that filling a table takes a few page faults instead of thousands, which
 * threads filling their tables at once would otherwise queue for.
 */
static void *
big_zalloc(size_t n)
{
#if defined(__linux__) && defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
	void	*p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	(void)madvise(p, n, MADV_HUGEPAGE);	/* advice: failing is harmless */
	return p;
#else
	return calloc(1, n);
#endif
}

static void
big_free(void *p, size_t n)
{
	if (p == NULL)
		return;
#if defined(__linux__) && defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
	munmap(p, n);
#else
	(void)n;
	free(p);
#endif
}

/* Entries per set. */
#define PMEMO_WAYS 4

struct pmemo_entry {
	uint64_t key[PMEMO_KEY_WORDS];
	uint64_t hash;			/* 0: empty */
	unsigned n;			/* words of key filled */
	unsigned char val[PMEMO_VALUE_MAX];
};

struct pmemo_day {
	uint64_t key[PMEMO_KEY_WORDS];
	int	valid;
};

struct pmemo_step {
	unsigned char v[PMEMO_STEP_VALUE];
};

struct pmemo_blob {
	uint64_t hash;			/* 0: empty */
	uint32_t fplen, len;
	unsigned char b[PMEMO_BLOB_MAX];	/* the fingerprint, then the value */
};

struct pmemo {
	struct pmemo_entry *e;
	struct pmemo_blob *blobs;
	size_t	nbsets;			/* sets of blobs (power of two), 0: none */
	size_t	ne;			/* entries of e */
	unsigned char *bnext;
	struct pmemo_step *steps;
	struct pmemo_day *days;
	size_t	nsets, nsteps;		/* powers of two */
	unsigned char *next;		/* per set: the way to replace next */
	uint64_t hits, misses;
	uint64_t bhits, bmisses;
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
	/* zeroed, touched only where used (big_zalloc) */
	m->ne = n;
	if ((m->e = big_zalloc(n * sizeof *m->e)) == NULL ||
	    (m->next = calloc(m->nsets, 1)) == NULL ||
	    (m->steps = big_zalloc(m->nsteps * sizeof *m->steps)) == NULL ||
	    (m->days = calloc(PMEMO_DAYS, sizeof *m->days)) == NULL) {
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
	big_free(m->e, m->ne * sizeof *m->e);
	big_free(m->blobs, m->nbsets * PMEMO_WAYS * sizeof *m->blobs);
	free(m->bnext);
	big_free(m->steps, m->nsteps * sizeof *m->steps);
	free(m->days);
	free(m->next);
	free(m);
}

/* 64-bit hash of the key's words (a multiply-xorshift mix per word, after
 * splitmix64: Steele, Lea and Flood, OOPSLA 2014); never 0. */
static uint64_t
key_hash(const struct pmemo_key *k)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ k->n;
	unsigned i;

	/* the words filled (the rest are 0; n is in the hash) */
	for (i = 0; i < k->n; i++) {
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
		if (set[w].hash == h && memcmp(set[w].key, k->w,
		    k->n * sizeof k->w[0]) == 0 && set[w].n == k->n) {
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
	e->n = k->n;
	memcpy(e->val, val, size);
}

int
pmemo_blobs(struct pmemo *m, unsigned log2)
{
	size_t	n;

	if (log2 < 2 || log2 > 20)
		return -1;
	n = (size_t)1 << log2;
	big_free(m->blobs, m->nbsets * PMEMO_WAYS * sizeof *m->blobs);
	free(m->bnext);
	m->blobs = NULL;
	m->bnext = NULL;
	m->nbsets = 0;
	if ((m->blobs = big_zalloc(n * sizeof *m->blobs)) == NULL ||
	    (m->bnext = calloc(n / PMEMO_WAYS, 1)) == NULL) {
		big_free(m->blobs, n * sizeof *m->blobs);
		m->blobs = NULL;
		return -1;
	}
	m->nbsets = n / PMEMO_WAYS;
	return 0;
}

/* The hash of a fingerprint: key_hash's mix, 8 bytes at a time, in four
 * lanes that do not wait for each other (a fingerprint is ~100 words; one
 * chain of multiplies was most of a whole day's look-up), then folded; the
 * tail and the length last. */
static uint64_t
mix(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 31);
}

static uint64_t
bytes_hash(const unsigned char *p, size_t n)
{
	uint64_t l[4] = { 0x9e3779b97f4a7c15ULL, 0xd1b54a32d192ed03ULL,
	    0x8cb92ba72f3d8dd7ULL, 0xc2b2ae3d27d4eb4fULL }, w[4], h;
	size_t	i = 0;
	int	j;

	for (; i + 32 <= n; i += 32) {
		memcpy(w, p + i, 32);
		for (j = 0; j < 4; j++)
			l[j] = mix(l[j], w[j]);
	}
	h = mix(mix(mix(l[0], l[1]), l[2]), l[3]);
	for (; i + 8 <= n; i += 8) {
		memcpy(w, p + i, 8);
		h = mix(h, w[0]);
	}
	if (i < n) {
		w[0] = 0;
		memcpy(w, p + i, n - i);
		h = mix(h, w[0]);
	}
	h = mix(h, (uint64_t)n);
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 29;
	return h ? h : 1;
}

int
pmemo_blob_get(struct pmemo *m, const void *fp, size_t fplen, void *val,
    size_t cap, size_t *len)
{
	struct pmemo_blob *set;
	uint64_t h;
	int	w;

	if (m->nbsets == 0 || fplen > PMEMO_BLOB_MAX) {
		m->misses++;
		m->bmisses++;
		return 0;
	}
	h = bytes_hash(fp, fplen);
	set = &m->blobs[(h & (m->nbsets - 1)) * PMEMO_WAYS];
	for (w = 0; w < PMEMO_WAYS; w++)
		if (set[w].hash == h && set[w].fplen == fplen && set[w].len <= cap &&
		    memcmp(set[w].b, fp, fplen) == 0) {
			memcpy(val, set[w].b + fplen, set[w].len);
			*len = set[w].len;
			m->hits++;
			m->bhits++;
			return 1;
		}
	m->misses++;
	m->bmisses++;
	return 0;
}

void
pmemo_blob_put(struct pmemo *m, const void *fp, size_t fplen, const void *val,
    size_t len)
{
	struct pmemo_blob *e;
	uint64_t h;
	size_t	s;

	if (m->nbsets == 0 || fplen > PMEMO_BLOB_MAX || len > PMEMO_BLOB_MAX - fplen)
		return;
	h = bytes_hash(fp, fplen);
	s = h & (m->nbsets - 1);
	e = &m->blobs[s * PMEMO_WAYS + m->bnext[s]];
	m->bnext[s] = (unsigned char)((m->bnext[s] + 1) % PMEMO_WAYS);
	e->hash = h;
	e->fplen = (uint32_t)fplen;
	e->len = (uint32_t)len;
	memcpy(e->b, fp, fplen);
	memcpy(e->b + fplen, val, len);
}

int
pmemo_sim_fits(const struct pmemo *m, size_t nsteps, size_t ndays)
{
	return nsteps <= m->nsteps && ndays <= PMEMO_DAYS;
}

int
pmemo_day_held(struct pmemo *m, size_t day, const struct pmemo_key *k)
{
	const struct pmemo_day *d = &m->days[day % PMEMO_DAYS];

	if (k->n <= PMEMO_KEY_WORDS && d->valid &&
	    memcmp(d->key, k->w, sizeof k->w) == 0) {
		m->hits++;
		return 1;
	}
	m->misses++;
	return 0;
}

void
pmemo_day_drop(struct pmemo *m, size_t day)
{
	m->days[day % PMEMO_DAYS].valid = 0;
}

void
pmemo_day_keep(struct pmemo *m, size_t day, const struct pmemo_key *k)
{
	struct pmemo_day *d = &m->days[day % PMEMO_DAYS];

	if (k->n > PMEMO_KEY_WORDS)
		return;
	memcpy(d->key, k->w, sizeof d->key);
	d->valid = 1;
}

void *
pmemo_step_slot(struct pmemo *m, size_t step)
{
	return m->steps[step & (m->nsteps - 1)].v;
}

void
pmemo_blob_stats(const struct pmemo *m, uint64_t *hits, uint64_t *misses)
{
	*hits = m->bhits;
	*misses = m->bmisses;
}

void
pmemo_stats(const struct pmemo *m, uint64_t *hits, uint64_t *misses)
{
	*hits = m->hits;
	*misses = m->misses;
}
