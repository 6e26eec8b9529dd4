#!/bin/sh
# bench-risk.sh - dcplan risk on the Memphis example: 10,000 trials of the build and
# the first year, on 1 and on 2 threads, wall and CPU time, and a check that both
# write the same bytes.  'make bench-risk' runs it; 'make check' never does (the
# timings depend on the machine and its load; nothing here fails on a slow result).
#
# Environment: DCPLAN, top_srcdir (set by make), RISK_TRIALS (default 10000).
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${DCPLAN:=$top_srcdir/src/dcplan}"
trials=${RISK_TRIALS:-10000}
site=$top_srcdir/examples/colossus-memphis.yaml
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dcplan-bench-risk.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== dcplan risk --trials $trials, $site"
printf '%-8s %10s %10s %12s\n' threads "wall s" "CPU s" "ms/trial"
for t in 1 2; do
	/usr/bin/env time -f '%e %U %S' -o "$tmp/time.$t" \
	    "$DCPLAN" -f json risk --trials "$trials" --threads "$t" "$site" >"$tmp/out.$t"
	read -r wall user sys <"$tmp/time.$t"
	awk -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v n="$trials" 'BEGIN {
	    printf "%-8s %10.2f %10.2f %12.3f\n", t, w, u + s, 1000 * w / n }'
done
if cmp -s "$tmp/out.1" "$tmp/out.2"; then
	echo "1 and 2 threads: the same output"
else
	echo "1 and 2 threads: OUTPUTS DIFFER"
fi
echo "budget: 10,000 trials in 10 s of wall time on 2 cores"
