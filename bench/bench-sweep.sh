#!/bin/sh
# bench-sweep.sh - dcplan sweep on the Memphis example: cases per second on 1
# and 2 threads (the same bytes both ways), and the peak RSS at 100 and at 1000
# cases (memory flat in the number of cases: the cases are built, planned and
# written a batch at a time).  'make bench-sweep' runs it; 'make check' never
# does (the timings depend on the machine and its load; nothing here fails on a
# slow result).
#
# The cases: GPU power cap x the date of the grid's 50 MW step x the count of
# the first turbine group, every plan in full (the design conditions, the
# targets against the timeline, the build and first year hour by hour, the
# fixes of failing targets: every field of a row).
#
# Environment: DCPLAN, top_srcdir (set by make); BENCH_SITE (default the Memphis
# example), BENCH_RSS=0 to skip the 1000-case run.
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${DCPLAN:=$top_srcdir/src/dcplan}"
site=${BENCH_SITE:-$top_srcdir/examples/colossus-memphis.yaml}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dcplan-bench-sweep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# N cases: caps x dates x counts
sweep()	# CAPS DATES COUNTS THREADS OUT
{
	/usr/bin/env time -f '%e %U %S %M' -o "$tmp/time" \
	    "$DCPLAN" -q sweep "$site" -f csv --threads "$4" \
	    --vary "it.workload.gpu_power_cap=$1" \
	    --vary "power.grid.feeds[0].steps[0].date=$2" \
	    --vary "power.generators[1].count=$3" >"$5" || test $? -eq 3
}

report()	# THREADS CASES
{
	read -r wall user sys rss <"$tmp/time"
	awk -v t="$1" -v w="$wall" -v u="$user" -v s="$sys" -v n="$2" -v m="$rss" \
	    'BEGIN { printf "%-8s %6d %9.2f %9.2f %9.1f %9.1f %9.1f\n", t, n, w,
	    u + s, n / w, n / (u + s), m / 1024 }'
}

echo "== dcplan sweep, $site"
printf '%-8s %6s %9s %9s %9s %9s %9s\n' threads cases "wall s" "CPU s" \
    "cases/s" "/CPU-s" "RSS MB"
for t in 1 2; do
	sweep "500:700:50 W" "2024-07-25:2024-08-15:7 d" "1:9:2" "$t" "$tmp/out.$t"
	report "$t" "$(($(wc -l <"$tmp/out.$t") - 1))"
done
if cmp -s "$tmp/out.1" "$tmp/out.2"; then
	echo "1 and 2 threads: the same output"
else
	echo "1 and 2 threads: OUTPUTS DIFFER"
fi
if [ "${BENCH_RSS:-1}" != 0 ]; then
	sweep "500:725:25 W" "2024-07-18:2024-09-19:7 d" "1:10:1" 2 "$tmp/out.1000"
	report 2 "$(($(wc -l <"$tmp/out.1000") - 1))"
	echo "peak RSS: the 100-case rows above against the 1000-case row"
fi
