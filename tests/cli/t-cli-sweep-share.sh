#!/bin/sh
# t-cli-sweep-share.sh - dcplan sweep shares plant results between cases that
# vary only keys the plant never reads (dcplan(1) "Shared plant results"): the
# output is byte-identical to --fresh (every case computed alone) at 1 and 2
# threads, whatever the order of the axes, with every such key varied beside
# keys that do change the plant, in CSV and JSON, on every example.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
EXAMPLES=$top_srcdir/examples
M=$EXAMPLES/colossus-memphis.yaml
CAP=it.workload.gpu_power_cap
STEP='power.grid.feeds[0].steps[0].date'
TURB='power.generators[1].count'

same()	# NAME ARGS...: the sweep with and without sharing, same bytes
{
	name=$1
	shift
	"$DCPLAN" sweep "$@" --threads 1 >"$T/a" 2>"$T/ea"
	ra=$?
	"$DCPLAN" sweep "$@" --threads 2 >"$T/b" 2>"$T/eb"
	rb=$?
	"$DCPLAN" sweep "$@" --fresh --threads 1 >"$T/c" 2>"$T/ec"
	rc=$?
	test $ra -eq 0 && test $rb -eq 0 && test $rc -eq 0
	ok $? "$name: every case valid (exit $ra, $rb, $rc)"
	test -s "$T/a" && cmp -s "$T/a" "$T/c"
	ok $? "$name: shared = --fresh, byte for byte"
	cmp -s "$T/b" "$T/c"
	ok $? "$name: 2 threads shared = --fresh"
}

# Memphis: the power cap (the plant) x the grid step x the turbines (not)
same "memphis cap x step x turbines" "$M" -f csv \
    --vary "$CAP=500 W,700 W" --vary "$STEP=2024-07-25,2024-08-22" \
    --vary "$TURB=1,5"
# the plant's axis last: cases of one plant are not next to each other
same "memphis, the plant axis last" "$M" -f json \
    --vary "$TURB=3,9" --vary "$STEP=2024-08-01,2024-09-19" \
    --vary "$CAP=550 W,650 W"
# every key the plant never reads, each beside one it does
same "memphis batteries x towers" "$M" -f csv \
    --vary "power.batteries[0].count=10,40" \
    --vary "cooling.towers[0].count=2,12"
same "memphis dispatch x chillers" "$M" -f csv \
    --vary "power.dispatch.policy=grid-first,peak-shave" \
    --vary "cooling.chillers[0].count=6,12"
same "memphis targets x economics x racks" "$M" -f csv \
    --vary "targets[1].gpus=60000,100000" --vary "economics.gpu_hour=1 USD/GPU-h,3 USD/GPU-h" \
    --vary "it.phases[0].delivery.rate=24 /d,40 /d"
same "memphis zip" "$M" -f csv --zip \
    --vary "$CAP=500 W,500 W,700 W" --vary "$TURB=1,5,5"
# the other examples: their targets and supply against their plant
for x in small-lab nova-gb200 oracle-24k; do
	site=$EXAMPLES/$x.yaml
	same "$x targets x utilisation" "$site" -f csv \
	    --vary "targets[0].gpus=8,64" \
	    --vary "it.workload.utilization=50 %,90 %"
done
# 64 phases: a day's racks do not fit the memo's day key, so the steps are
# computed afresh (the capacity solves are still shared)
sed '/- name: hall65/,/rate: 1 \/d/d' "$DATA/bad/limit-phases.yaml" >"$T/p64.yaml"
same "64 phases" "$T/p64.yaml" -f csv \
    --vary "power.grid.feeds[0].capacity=1 MW,2 MW" \
    --vary "it.workload.utilization=50 %,90 %"
# whole days of the plan's year (dcplan(1)): what a day carries over - hour
# budgets used, the batteries' charge - and the prices and feeds it reads
same "memphis hour budgets x step x turbines" "$M" -f csv \
    --vary "power.generators[1].max_hours=300 h,3000 h" \
    --vary "$STEP=2024-07-25,2024-08-22" --vary "$TURB=1,5"
same "memphis battery charge x step" "$M" -f csv \
    --vary "power.batteries[0].initial_soc=10 %,100 %" \
    --vary "power.batteries[0].available=2024-07-01,2025-06-01" \
    --vary "$STEP=2024-07-25,2024-09-12"
same "memphis prices x feed x step" "$M" -f json \
    --vary "power.grid.feeds[0].tariff.energy=40 USD/MWh,90 USD/MWh" \
    --vary "power.grid.feeds[0].capacity=4 MW,8 MW" \
    --vary "$STEP=2024-07-25,2024-09-12"
same "oracle hour budgets x grid" "$EXAMPLES/oracle-24k.yaml" -f csv \
    --vary "power.grid.feeds[0].capacity=20 MW,30 MW" \
    --vary "power.dispatch.policy=grid-first,generators-base"
# 15-minute steps: 96 a day in each whole day
same "memphis 15-minute steps, batteries x step x turbines" "$M" -f csv \
    --set "simulation.step=15 min" \
    --vary "$STEP=2024-07-25,2024-08-22" --vary "$TURB=1,5" \
    --vary "power.batteries[0].count=50,153"
# caps at or above the TDP (700 W) limit nothing: one plant group
same "memphis caps at and above the TDP" "$M" -f csv \
    --vary "$CAP=650 W,700 W,725 W,0.8 kW" \
    --vary "$STEP=2024-07-25,2024-08-22" --vary "$TURB=1,5"
# a cases file mixing both kinds of key (rows repeat a plant)
cat >"$T/cases.csv" <<CSV
$CAP,$TURB,power.grid.feeds[0].capacity
500 W,1,8 MW
500 W,5,8 MW
700 W,5,
500 W,9,12 MW
700 W,1,
CSV
same "memphis cases file" "$M" -f json --cases "$T/cases.csv"
done_testing
