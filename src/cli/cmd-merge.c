/*
 * cmd-merge.c - "dcplan merge SHARD...": combine the outputs of a sharded run
 * (--shard K/N) into exactly what one run of all the trials or cases writes.
 *
 * Each shard document names its schema; merge dispatches on it through the table
 * `mergers' below.  A kind of document joins by adding one entry: its schema
 * prefix and a function that reads the shards and writes the merged output.
 * dcplan.risk/3 is merged here (the exact state each JSON or CSV document
 * carries); dcplan.sweep/2 (and /1) by its rows (src/output/sweep_doc.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cmd.h"
#include "output.h"
#include "risk-doc.h"
#include "sweep_doc.h"

/* A shard as read: its path, its text and, for JSON, the parsed document. */
struct shard_doc {
	const char *path;
	char	*text;
	size_t	len;
	cJSON	*json;		/* NULL: not JSON (CSV) */
	const char *schema;	/* the document's schema, "" if none found */
};

struct merger {
	const char *schema_prefix;
	int	(*merge)(struct cmd_ctx *, struct shard_doc *, int n);
};

static int merge_risk(struct cmd_ctx *, struct shard_doc *, int);
static int merge_sweep(struct cmd_ctx *, struct shard_doc *, int);

static const struct merger mergers[] = {
	{ "dcplan.risk/", merge_risk },
	{ "dcplan.sweep/", merge_sweep },
	{ NULL, NULL }
};

static int
read_all(const char *path, char **out, size_t *len)
{
	FILE	*fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char	*b = NULL;
	size_t	n = 0, cap = 0, got;

	if (fp == NULL)
		return -1;
	for (;;) {
		if (n + 65536 + 1 > cap) {
			char	*nb = realloc(b, cap = (cap ? cap * 2 : 65536) + 65536 + 1);

			if (nb == NULL) {
				free(b);
				if (fp != stdin)
					fclose(fp);
				errno = ENOMEM;
				return -1;
			}
			b = nb;
		}
		got = fread(b + n, 1, 65536, fp);
		n += got;
		if (got < 65536)
			break;
	}
	if (ferror(fp)) {
		free(b);
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	b[n] = '\0';
	*out = b;
	*len = n;
	return 0;
}

/* CSV report rows are "section,row,key,value,unit": the value of a key. */
static char *
csv_value(const char *text, const char *section, const char *key)
{
	char	pre[128];
	const char *p;

	snprintf(pre, sizeof pre, "%s,,%s,", section, key);
	for (p = text; p != NULL && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, pre, strlen(pre)) == 0) {
			const char *v = p + strlen(pre), *e = v;
			char	*o;
			size_t	k = 0;

			if (*v == '"') {
				/* a quoted field (RFC 4180: a comma, a quote or a
				 * line break in it), "" a quote; unterminated: none */
				for (e = ++v; *e; e++) {
					if (*e != '"')
						continue;
					if (e[1] != '"')
						break;
					e++;
				}
				if (*e != '"' || (o = malloc((size_t)(e - v) + 1)) == NULL)
					return NULL;
				for (; v < e; v++) {
					o[k++] = *v;
					if (*v == '"')
						v++;
				}
				o[k] = '\0';
				return o;
			}
			while (*e && *e != ',' && *e != '\n' && *e != '\r')
				e++;
			if ((o = malloc((size_t)(e - v) + 1)) == NULL)
				return NULL;
			memcpy(o, v, (size_t)(e - v));
			o[e - v] = '\0';
			return o;
		}
	}
	return NULL;
}

static int
merge_risk(struct cmd_ctx *c, struct shard_doc *d, int n)
{
	struct risk_meta m0, m;
	struct risk_acc acc, a;
	struct report *r;
	char	err[256];
	int	i, rc, *seen = NULL;
	size_t	j;

	memset(&m0, 0, sizeof m0);
	memset(&acc, 0, sizeof acc);
	for (i = 0; i < n; i++) {
		char	*st = NULL;
		const char *s = NULL;

		if (d[i].json != NULL) {
			cJSON	*sec = cJSON_GetObjectItemCaseSensitive(d[i].json, "merge");
			cJSON	*v = cJSON_GetObjectItemCaseSensitive(sec, "state");

			s = cJSON_IsString(v) ? v->valuestring : NULL;
		} else
			s = st = csv_value(d[i].text, "merge", "state");
		if (s == NULL) {
			fprintf(stderr, "%s: no merge state: write shards with -f json or "
			    "-f csv\n", d[i].path);
			rc = EXIT_INPUT;
			goto out;
		}
		if (risk_state_decode(s, &m, &a, err, sizeof err) != 0) {
			fprintf(stderr, "%s: %s\n", d[i].path, err);
			free(st);
			rc = EXIT_INPUT;
			goto out;
		}
		free(st);
		if (i == 0) {
			m0 = m;
			acc = a;
			if ((seen = calloc((size_t)m0.shard_n + 1, sizeof *seen)) == NULL) {
				cmd_error(c, "out of memory");
				rc = EXIT_IO;
				goto out;
			}
			seen[m0.shard_k] = 1;
			continue;
		}
		/* the same run: site, overrides, seed, trials, shard count, layout */
		rc = strcmp(m.path, m0.path) != 0 || strcmp(m.name, m0.name) != 0 ||
		    m.nsets != m0.nsets || m.seed != m0.seed ||
		    m.trials_asked != m0.trials_asked || m.shard_n != m0.shard_n ||
		    m.cost_trials != m0.cost_trials ||
		    m.ntargets != m0.ntargets || m.ninputs != m0.ninputs ||
		    m.ngroups != m0.ngroups || m.nyears != m0.nyears;
		for (j = 0; !rc && j < m.nsets; j++)
			rc = strcmp(m.sets[j], m0.sets[j]) != 0;
		for (j = 0; !rc && j < m.nyears; j++)
			rc = strcmp(m.years[j].file, m0.years[j].file) != 0 ||
			    strcmp(m.years[j].weight, m0.years[j].weight) != 0;
		if (rc) {
			fprintf(stderr, "%s: not a shard of the same run as %s (site, --set, "
			    "--seed, --trials and N of --shard K/N must match)\n",
			    d[i].path, d[0].path);
			risk_meta_free(&m);
			risk_acc_release(&a);
			rc = EXIT_INPUT;
			goto out;
		}
		if (seen[m.shard_k]) {
			fprintf(stderr, "%s: shard %d/%d is given twice\n", d[i].path,
			    m.shard_k, m.shard_n);
			risk_meta_free(&m);
			risk_acc_release(&a);
			rc = EXIT_INPUT;
			goto out;
		}
		seen[m.shard_k] = 1;
		rc = risk_acc_merge(&acc, &a);
		risk_meta_free(&m);
		risk_acc_release(&a);
		if (rc != 0) {
			cmd_error(c, "out of memory");
			rc = EXIT_IO;
			goto out;
		}
	}
	for (i = 1; i <= m0.shard_n; i++)
		if (!seen[i]) {
			cmd_error(c, "shard %d/%d is missing: give all %d shards", i,
			    m0.shard_n, m0.shard_n);
			rc = EXIT_INPUT;
			goto out;
		}
	/* the merged run is the unsharded one */
	m0.shard_k = m0.shard_n = 1;
	/* write the shards' format unless -f says otherwise */
	if (!c->g->fmt_given)
		c->g->fmt = d[0].json != NULL ? FMT_JSON : FMT_CSV;
	if ((r = risk_report(&m0, &acc, c->g->fmt != FMT_TEXT)) == NULL) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
		goto out;
	}
	{
		struct out_doc doc;

		cmd_doc(c, &doc);
		risk_doc(&m0, &doc);	/* the run's site and seed, not the merge's */
		rc = report_set_doc(r, &doc) != 0 ? EXIT_IO : cmd_write_report(c, r);
	}
	report_free(r);
out:
	free(seen);
	risk_meta_free(&m0);
	risk_acc_release(&acc);
	return rc;
}

/* dcplan sweep: the rows of every shard in case order, under the shards' head
 * (sweep_doc.c), in the shards' format. */
static int
merge_sweep(struct cmd_ctx *c, struct shard_doc *d, int n)
{
	const char **texts, **names;
	size_t	*lens;
	struct output *o;
	char	err[512];
	int	i, rc, json = d[0].json != NULL;

	if (c->g->fmt_given && c->g->fmt != (json ? FMT_JSON : FMT_CSV)) {
		cmd_error(c, "sweep shards merge into their own format (%s here)",
		    json ? "json" : "csv");
		return EXIT_USAGE;
	}
	texts = calloc((size_t)n, sizeof *texts);
	names = calloc((size_t)n, sizeof *names);
	lens = calloc((size_t)n, sizeof *lens);
	if (texts == NULL || names == NULL || lens == NULL) {
		free(texts);
		free(names);
		free(lens);
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < n; i++) {
		texts[i] = d[i].text;
		lens[i] = d[i].len;
		names[i] = d[i].path;
	}
	if ((o = cmd_output(c)) == NULL)
		rc = EXIT_IO;
	else if ((rc = sweep_doc_merge(texts, lens, names, n, o->fp, err,
	    sizeof err)) != 0) {
		cmd_error(c, "%s", rc == -2 ? "out of memory" : err);
		rc = rc == -2 ? EXIT_IO : EXIT_INPUT;
	}
	free(texts);
	free(names);
	free(lens);
	return rc;
}

static int
cmd_merge_exec(struct cmd_ctx *c)
{
	struct shard_doc *d;
	const struct merger *mg = NULL;
	int	i, rc;

	if ((d = calloc((size_t)c->npos, sizeof *d)) == NULL) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	rc = EXIT_OK;
	for (i = 0; i < c->npos; i++) {
		const char *p;
		const struct merger *k;

		d[i].path = c->pos[i];
		if (read_all(d[i].path, &d[i].text, &d[i].len) != 0) {
			fprintf(stderr, "dcplan merge: %s: %s\n", d[i].path, strerror(errno));
			rc = EXIT_IO;
			break;
		}
		p = d[i].text;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		d[i].schema = "";
		if (*p == '{') {
			cJSON	*s;

			if ((d[i].json = cJSON_ParseWithLength(d[i].text, d[i].len)) == NULL) {
				fprintf(stderr, "%s: not valid JSON\n", d[i].path);
				rc = EXIT_INPUT;
				break;
			}
			s = cJSON_GetObjectItemCaseSensitive(d[i].json, "schema");
			if (cJSON_IsString(s))
				d[i].schema = s->valuestring;
		} else if (strstr(d[i].text, "merge,,state,risk-state/") != NULL ||
		    strstr(d[i].text, "merge,,state,\"risk-state/") != NULL)
			d[i].schema = RISK_SCHEMA;	/* a risk report as CSV */
		else if (strncmp(p, "case,cases,", 11) == 0)
			d[i].schema = SWEEP_SCHEMA;	/* sweep rows as CSV */
		for (k = mergers; k->schema_prefix != NULL; k++)
			if (strncmp(d[i].schema, k->schema_prefix,
			    strlen(k->schema_prefix)) == 0)
				break;
		if (k->schema_prefix == NULL) {
			fprintf(stderr, "%s: no shard output that dcplan merge knows "
			    "(schema '%s'; it merges dcplan.risk/3 "
			    "and dcplan.sweep/2)\n", d[i].path,
			    d[i].schema);
			rc = EXIT_INPUT;
			break;
		}
		if (mg != NULL && mg != k) {
			fprintf(stderr, "%s: schema '%s' differs from %s's\n", d[i].path,
			    d[i].schema, d[0].path);
			rc = EXIT_INPUT;
			break;
		}
		mg = k;
	}
	if (rc == EXIT_OK)
		rc = mg->merge(c, d, c->npos);
	for (i = 0; i < c->npos; i++) {
		free(d[i].text);
		cJSON_Delete(d[i].json);
	}
	free(d);
	return rc;
}

const struct cmd_entry cmd_merge_entry = {
	.name = "merge",
	.operands = "SHARD...",
	.summary = "join risk or sweep shards (--shard K/N) into one run's output",
	.opts = NULL,
	.min_pos = 1,
	.max_pos = CMD_MAX_VALUES,
	.needs = CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_merge_exec,
};
