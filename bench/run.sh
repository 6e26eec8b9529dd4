#!/bin/sh
# run.sh - dcplan benchmarks: the engine through the library API (bench-plant),
# then whole commands on the Memphis example.  'make bench' runs it; 'make check'
# never does.  Timings vary with the machine and its load: nothing here fails on
# a slow result, over-budget lines are only flagged.
#
# Environment: DCPLAN, BENCH_PLANT, top_srcdir (set by 'make bench'), BENCH_RUNS
# (runs per command, default 20), BENCH_SAMPLES (bench-plant samples, default 31).
#
# To benchmark another command, add a line to commands() below: the budget in
# milliseconds ("-" for none) and the arguments.  A command that this dcplan
# does not have yet is skipped.
set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${DCPLAN:=$top_srcdir/src/dcplan}"
: "${BENCH_PLANT:=$top_srcdir/bench/bench-plant}"
runs=${BENCH_RUNS:-20}
samples=${BENCH_SAMPLES:-31}
site=$top_srcdir/examples/colossus-memphis.yaml

# Budgets: the targets set for 'check' (5 ms), 'capacity' (20 ms) and 'plan' (50 ms).
commands() {
	printf '%s\t%s\n' 5 "check $site"
	printf '%s\t%s\n' 20 "capacity $site"
	printf '%s\t%s\n' - "timeline -f csv $site"
	printf '%s\t%s\n' - "simulate $site"
	printf '%s\t%s\n' 50 "plan $site"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dcplan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== engine: bench-plant (library API, per call)"
"$BENCH_PLANT" -n "$samples" -M "$top_srcdir/models" "$site"
echo

# bench-sim: the simulation and the timeline, computation only (BENCH_SIM, default
# next to bench-plant)
: "${BENCH_SIM:=$(dirname "$BENCH_PLANT")/bench-sim}"
if [ -x "$BENCH_SIM" ]; then
	echo "== engine: bench-sim (library API, per run; weather loaded, no output)"
	"$BENCH_SIM" -n "$samples" -M "$top_srcdir/models" "$site"
else
	echo "== engine: bench-sim not built ('make bench' builds it)"
fi
echo

# bench-plan: plan_run on the loaded site, as the sweep runs each case
# (BENCH_PLAN, default next to bench-plant)
: "${BENCH_PLAN:=$(dirname "$BENCH_PLANT")/bench-plan}"
if [ -x "$BENCH_PLAN" ]; then
	echo "== engine: bench-plan (library API, per plan; site and weather loaded)"
	"$BENCH_PLAN" -n "$samples" -M "$top_srcdir/models" "$site"
else
	echo "== engine: bench-plan not built ('make bench' builds it)"
fi
echo

# bench-swings: one hour at 100 Hz of the Memphis fleet, every stage, the band
# analysis and the sizing (BENCH_SWINGS, default next to bench-plant)
: "${BENCH_SWINGS:=$(dirname "$BENCH_PLANT")/bench-swings}"
if [ -x "$BENCH_SWINGS" ]; then
	echo "== engine: bench-swings (library API, per run; site loaded, no output)"
	"$BENCH_SWINGS" -n "$samples" -M "$top_srcdir/models" \
	    "$top_srcdir/examples/colossus-memphis.yaml"
else
	echo "== engine: bench-swings not built ('make bench' builds it)"
fi
echo

# median and min (ms) of the numbers in file $1, one a line
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 }
	    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		  printf "%.2f %.2f\n", m, v[1] }'
}

# time_cmd ARGS...: "median min" in ms over $runs runs of $DCPLAN ARGS
time_cmd() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -s none --warmup 3 --runs "$runs" -i \
		    --export-csv "$tmp/h.csv" -- "$*" >/dev/null 2>&1
		# command,mean,stddev,median,user,system,min,max (seconds)
		awk -F, 'NR == 2 { printf "%.2f %.2f\n", $4 * 1e3, $7 * 1e3 }' "$tmp/h.csv"
		return
	fi
	# bash's $EPOCHREALTIME costs no process; elsewhere date(1) does, and the
	# empty command shows how much
	: >"$tmp/t"
	i=0
	while [ "$i" -lt "$runs" ]; do
		if [ -n "${EPOCHREALTIME:-}" ]; then
			t0=$EPOCHREALTIME
			"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
			t1=$EPOCHREALTIME
		else
			t0=$(date +%s.%N)
			"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
			t1=$(date +%s.%N)
		fi
		echo "$t0 $t1" >>"$tmp/t0"
		i=$((i + 1))
	done
	# seconds with a decimal comma in some locales; awk wants a point
	tr ',' '.' <"$tmp/t0" | awk '{ printf "%.3f\n", ($2 - $1) * 1e3 }' >"$tmp/t"
	rm -f "$tmp/t0"
	stats "$tmp/t"
}

have=$("$DCPLAN" help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
if command -v hyperfine >/dev/null 2>&1; then
	echo "== commands: hyperfine, $runs runs each (ms, wall clock)"
else
	echo "== commands: $runs runs each (ms, wall clock)"
fi
# What starting a process and loading GSL, libyaml and cJSON costs on this
# machine: the floor under every command.  "work" is a command's median less
# this one's, and that is what the budget applies to.
printf '%-52s %9s %9s %9s %9s\n' command median min work budget
set -- $(time_cmd "$DCPLAN" --version)
start=$1
printf '%-52s %9s %9s %9s %9s\n' "dcplan --version (process start)" "$1" "$2" - -
commands | while IFS='	' read -r budget args; do
	name=${args%% *}
	if ! printf '%s\n' "$have" | grep -qx "$name"; then
		printf '%-52s %9s\n' "dcplan $name" "(no such command yet)"
		continue
	fi
	# a failing command is not a benchmark: show why and go on
	rc=0
	$DCPLAN $args >/dev/null 2>"$tmp/err" || rc=$?
	if [ "$rc" -gt 1 ]; then
		printf '%-52s %9s\n' "dcplan $name" "(exit $rc)"
		sed 's/^/    /' "$tmp/err" | head -n 5
		continue
	fi
	set -- $(time_cmd $DCPLAN $args)
	work=$(awk -v m="$1" -v s="$start" 'BEGIN { printf "%.2f", m - s }')
	flag=
	if [ "$budget" != - ] && awk -v w="$work" -v b="$budget" 'BEGIN { exit !(w > b) }'
	then
		flag="  OVER BUDGET"
	fi
	label="dcplan $(printf '%s' "$args" | sed "s|$top_srcdir/||g")"
	printf '%-52s %9s %9s %9s %9s%s\n' "$label" "$1" "$2" "$work" "$budget" "$flag"
done
