/*
 * fuzz-units.c - the units parser: the first byte picks the unit kind, the rest is
 * the text.  units_parse must return 0 with a finite value, or -1 with a message.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*text, err[256];
	double	v = 0;
	enum unit_kind k;

	if (size == 0 || size > 4096)
		return 0;
	k = (enum unit_kind)(data[0] % (U_INT + 1));
	if ((text = malloc(size)) == NULL)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	err[0] = '\0';
	if (units_parse(text, k, &v, err, sizeof err) == 0) {
		if (!isfinite(v))
			abort();	/* documented: never inf or NaN */
	} else if (err[0] == '\0')
		abort();	/* a failure always says why */
	free(text);
	return 0;
}
