#!/bin/sh
# output-speed.sh [DCPLAN] - the cost of writing: a year of hourly rows for the
# Memphis example as text (the summary report), CSV and JSON, and the CSV/text and
# JSON/text ratios (the target: both under 2).  Each figure is the mean over
# BENCH_RUNS runs (default 20) of the CPU time (perf stat's task-clock, stable on
# a loaded machine) and of the wall time.  Run from the top of the source tree.
set -eu
dcplan=${1:-src/dcplan}
runs=${BENCH_RUNS:-20}
site=examples/colossus-memphis.yaml
# the mean CPU time of a run, ms
cost() {
	perf stat -x, -r "$runs" -e task-clock -o /dev/stdout \
	    "$dcplan" -M "$PWD/models" "$@" -o /dev/null "$site" 2>/dev/null |
	    awk -F, '$3 == "task-clock" { cpu = $1 }
		END { printf "%.1f\n", cpu }'
}
wall_ms() {
	i=0 s=$(date +%s%N)
	while [ $i -lt "$runs" ]; do
		"$dcplan" -M "$PWD/models" "$@" -o /dev/null "$site"
		i=$((i + 1))
	done
	e=$(date +%s%N)
	awk -v d=$((e - s)) -v n="$runs" 'BEGIN { printf "%.1f\n", d / n / 1e6 }'
}
t=$(cost simulate); tw=$(wall_ms simulate)
c=$(cost simulate -f csv); cw=$(wall_ms simulate -f csv)
j=$(cost simulate -f json); jw=$(wall_ms simulate -f json)
echo "$dcplan simulate $site ($runs runs each, mean ms)"
echo "$t $tw $c $cw $j $jw" | awk '{
	printf "  CPU:  text %6.1f  csv %6.1f  json %6.1f   csv/text %.2f  json/text %.2f\n", $1, $3, $5, $3 / $1, $5 / $1
	printf "  wall: text %6.1f  csv %6.1f  json %6.1f   csv/text %.2f  json/text %.2f\n", $2, $4, $6, $4 / $2, $6 / $2 }'
