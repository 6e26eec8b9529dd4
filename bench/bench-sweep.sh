#!/bin/sh
# bench-sweep.sh - dcplan sweep on the Memphis example: cases per second on 1
# and 2 threads (the same bytes both ways, and the same as --fresh), and the
# peak RSS at 100 and at 1000 cases (memory flat in the number of cases: the
# cases are built, planned and written a batch at a time, and each thread's
# shared plant results have a fixed size).  'make bench-sweep' runs it; 'make
# check' never does (the timings depend on the machine and its load; nothing
# here fails on a slow result).
#
# Every plan in full (the design conditions, the targets against the
# timeline, the build and first year hour by hour, the fixes of failing
# targets: every field of a row).  The sweeps:
#   mixed   GPU power cap (changes the plant) x the date of the grid's 50 MW
#           step x the count of the first turbine group: 5 plants, 100 cases
#   supply  the grid step's date x the turbines x the value of a GPU-hour
#           (the bridge-or-wait question; one plant): 100 cases
#   full    the issue's 500 cases: cap 500:725:25 W x the step date
#           2024-07-18:2024-09-19:7 d x turbines 1:9:2 (10 plants)
# and "mixed" once with --fresh (nothing shared: what every case cost before).
#
# Environment: DCPLAN, top_srcdir (set by make); BENCH_SITE (default the Memphis
# example), BENCH_RSS=0 to skip the 1000-case run, BENCH_FRESH=0 to skip the
# --fresh run.
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${DCPLAN:=$top_srcdir/src/dcplan}"
site=${BENCH_SITE:-$top_srcdir/examples/colossus-memphis.yaml}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dcplan-bench-sweep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
STEP='power.grid.feeds[0].steps[0].date'
TURB='power.generators[1].count'

run()	# THREADS OUT ARGS...
{
	t=$1 out=$2
	shift 2
	/usr/bin/env time -f '%e %U %S %M' -o "$tmp/time" \
	    "$DCPLAN" -q sweep "$site" -f csv --threads "$t" "$@" >"$out" ||
	    test $? -eq 3
}

report()	# NAME THREADS OUT
{
	read -r wall user sys rss <"$tmp/time"
	awk -v name="$1" -v t="$2" -v w="$wall" -v u="$user" -v s="$sys" \
	    -v n="$(($(wc -l <"$3") - 1))" -v m="$rss" \
	    'BEGIN { printf "%-14s %3s %6d %8.2f %8.2f %8.1f %8.1f %7.1f\n",
	    name, t, n, w, u + s, n / w, n / (u + s), m / 1024 }'
}

mixed()	{ run "$@" --vary "it.workload.gpu_power_cap=500:700:50 W" \
	    --vary "$STEP=2024-07-25:2024-08-15:7 d" --vary "$TURB=1:9:2"; }
supply() { run "$@" --vary "$STEP=2024-07-18:2024-09-19:7 d" \
	    --vary "$TURB=1:9:2" --vary "economics.gpu_hour=1 USD/GPU-h,2 USD/GPU-h"; }
full()	{ run "$@" --vary "it.workload.gpu_power_cap=500:725:25 W" \
	    --vary "$STEP=2024-07-18:2024-09-19:7 d" --vary "$TURB=1:9:2"; }

echo "== dcplan sweep, $site"
printf '%-14s %3s %6s %8s %8s %8s %8s %7s\n' sweep thr cases "wall s" "CPU s" \
    "cases/s" "/CPU-s" "RSS MB"
for s in mixed supply full; do
	for t in 1 2; do
		$s "$t" "$tmp/$s.$t"
		report "$s" "$t" "$tmp/$s.$t"
	done
	if cmp -s "$tmp/$s.1" "$tmp/$s.2"; then
		echo "$s: 1 and 2 threads give the same output"
	else
		echo "$s: 1 and 2 threads: OUTPUTS DIFFER"
	fi
done
if [ "${BENCH_FRESH:-1}" != 0 ]; then
	mixed 1 "$tmp/mixed.fresh" --fresh
	report "mixed --fresh" 1 "$tmp/mixed.fresh"
	if cmp -s "$tmp/mixed.1" "$tmp/mixed.fresh"; then
		echo "mixed: --fresh gives the same output"
	else
		echo "mixed: --fresh: OUTPUTS DIFFER"
	fi
fi
if [ "${BENCH_RSS:-1}" != 0 ]; then
	run 2 "$tmp/out.1000" --vary "it.workload.gpu_power_cap=500:725:25 W" \
	    --vary "$STEP=2024-07-18:2024-09-19:7 d" --vary "$TURB=1:10:1"
	report "1000 cases" 2 "$tmp/out.1000"
	echo "peak RSS: the 100-case rows above against the 1000-case row"
fi
