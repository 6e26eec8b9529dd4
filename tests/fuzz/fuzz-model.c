/*
 * fuzz-model.c - a model file: YAML parsed with positions, then bound into a
 * model of any kind.  Either a model or diagnostics, never a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "diag.h"
#include "fuzz.h"
#include "model.h"
#include "model_bind.h"
#include "ydoc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ylimits lim = { YLIMIT_BYTES, YLIMIT_DEPTH, YLIMIT_NODES };
	struct diags d;
	struct ydoc doc;
	struct bind b;
	struct model m;
	char	*text;

	if (size > YLIMIT_BYTES)
		return 0;
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&d, 0, sizeof d);
	memset(&doc, 0, sizeof doc);
	if (ydoc_load_string(&doc, text, "fuzz.yaml", 1, 0, &lim, &d) == 0 &&
	    doc.root != NULL) {
		memset(&b, 0, sizeof b);
		b.d = &d;
		memset(&m, 0, sizeof m);
		if (model_bind(&b, doc.root, MK_COUNT, 1, &m) != 0 && d.n == 0)
			abort();	/* a rejected model always says why */
		model_clear(&m);
	}
	ydoc_release(&doc);
	diags_release(&d);
	free(text);
	return 0;
}
