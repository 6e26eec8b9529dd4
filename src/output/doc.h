/*
 * doc.h - the head every JSON document shares (see format.h and dcplan-json(5)),
 * and JSON strings written straight to a stream.
 */
#ifndef DCPLAN_DOC_H
#define DCPLAN_DOC_H

#include <stdio.h>

#include <cJSON.h>

#include "format.h"

/* Add "schema" and "dcplan": {"version", "site", "set", "seed"} to obj; 0 or
 * -1 when out of memory.  doc may be NULL (no site, no overrides, no seed). */
int	doc_json_head(cJSON *obj, const char *schema, const struct out_doc *doc);

/* s as a JSON string (RFC 8259, section 7), quotes included. */
void	doc_json_string(FILE *, const char *s);

/* The line ending of CSV for doc. */
const char *doc_eol(const struct out_doc *doc);

#endif
