/*
 * doc.c - the head of every JSON document and JSON strings (see doc.h).
 */
#include <stdio.h>
#include <string.h>

#include <cJSON.h>

#include "config.h"
#include "doc.h"

int
doc_json_head(cJSON *top, const char *schema, const struct out_doc *doc)
{
	cJSON	*obj, *site, *sets, *o;
	size_t	i;

	if (cJSON_AddStringToObject(top, "schema", schema ? schema : "") == NULL ||
	    (obj = cJSON_AddObjectToObject(top, "dcplan")) == NULL ||
	    cJSON_AddStringToObject(obj, "version", PACKAGE_VERSION) == NULL)
		return -1;
	if (doc == NULL || doc->site_path == NULL) {
		if (cJSON_AddNullToObject(obj, "site") == NULL)
			return -1;
	} else {
		if ((site = cJSON_AddObjectToObject(obj, "site")) == NULL ||
		    cJSON_AddStringToObject(site, "path", doc->site_path) == NULL)
			return -1;
		if (doc->site_name != NULL ?
		    cJSON_AddStringToObject(site, "name", doc->site_name) == NULL :
		    cJSON_AddNullToObject(site, "name") == NULL)
			return -1;
	}
	if ((sets = cJSON_AddArrayToObject(obj, "set")) == NULL)
		return -1;
	for (i = 0; doc != NULL && i < doc->nsets; i++) {
		const char *s = doc->sets[i], *eq = strchr(s, '=');
		char	path[512];
		size_t	n;
		int	unset = s[0] == '!';	/* --unset PATH: value null */

		if (unset) {
			s++;
			eq = NULL;
		}
		n = eq ? (size_t)(eq - s) : strlen(s);

		if (n >= sizeof path)
			n = sizeof path - 1;
		memcpy(path, s, n);
		path[n] = '\0';
		if ((o = cJSON_CreateObject()) == NULL)
			return -1;
		cJSON_AddItemToArray(sets, o);
		if (cJSON_AddStringToObject(o, "path", path) == NULL ||
		    (unset ? cJSON_AddNullToObject(o, "value") :
		    cJSON_AddStringToObject(o, "value", eq ? eq + 1 : "")) == NULL)
			return -1;
	}
	if (doc != NULL && doc->has_seed) {
		char	buf[32];

		snprintf(buf, sizeof buf, "%llu", doc->seed);
		if (cJSON_AddRawToObject(obj, "seed", buf) == NULL)
			return -1;
	} else if (cJSON_AddNullToObject(obj, "seed") == NULL)
		return -1;
	return 0;
}

void
doc_json_string(FILE *fp, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;

	putc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s - run), fp);
		run = s + 1;
		putc('\\', fp);
		switch (c) {
		case '"': putc('"', fp); break;
		case '\\': putc('\\', fp); break;
		case '\n': putc('n', fp); break;
		case '\r': putc('r', fp); break;
		case '\t': putc('t', fp); break;
		default:
			fputs("u00", fp);
			putc(hex[c >> 4], fp);
			putc(hex[c & 15], fp);
			break;
		}
	}
	fwrite(run, 1, (size_t)(s - run), fp);
	putc('"', fp);
}

const char *
doc_eol(const struct out_doc *doc)
{
	return doc != NULL && doc->crlf ? "\r\n" : "\n";
}
