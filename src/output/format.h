/*
 * format.h - the output formats every writer of the output layer offers, and what
 * every machine-readable document says about itself.
 */
#ifndef DCPLAN_FORMAT_H
#define DCPLAN_FORMAT_H

#include <stddef.h>

enum out_format { FMT_TEXT, FMT_CSV, FMT_JSON };

/*
 * The document's provenance and options, given by the command line: JSON
 * documents begin with "schema" and "dcplan": the version, the site (path
 * and name, null when the command reads none), the --set overrides as given (path
 * and value) and the seed (null when the command draws no random numbers).  CSV ends
 * its lines with LF, or CR LF when crlf is set.  All pointers may be NULL.
 */
struct out_doc {
	const char *site_path;
	const char *site_name;
	const char *const *sets;	/* "PATH=VALUE" */
	size_t	nsets;
	int	has_seed;
	unsigned long long seed;
	int	crlf;
};

#endif
