#!/bin/sh
# t-cli-timeline.sh - "dcplan timeline" on small hand-built sites (tests/data/sites/tl-*.yaml):
# GPUs online, GPUs that can run and what binds on chosen days, worked out by hand in
# the sites' headers and below; the CSV's shape (one LF row a day from the first
# delivery to full deployment plus the horizon, unit-bearing column names, no NaN);
# --from and --to; the Memphis example's dates.
#
# The tl sites are built so that the facility power is exactly 750 W a GPU (625 W of IT
# and 125 W of chiller power at COP 5, nothing else) at any weather, so the day's hot
# hour and the ASHRAE design conditions give the same figures.  'dcplan capacity
# --date D' is a second path through the code to the same numbers.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
SUP=$DATA/sites/tl-supply.yaml
COOL=$DATA/sites/tl-cooling.yaml
STEP=$DATA/sites/tl-step.yaml
GEN=$DATA/sites/tl-gen.yaml
MEM=$top_srcdir/examples/colossus-memphis.yaml

HEADER=date,racks_online,gpus_online,gpus_runnable,gpus_full_power,tdb_c,twb_c,demand_mw,grid_mw,generators_mw,batteries_mw,cooling_mw,supply_margin_mw,binding,power_basis

# tl ARGS...: timeline as CSV; the raw bytes in $T/raw, CRs dropped in $T/out
tl()
{
	run_csv "$DCPLAN" timeline -f csv "$@"
}

# col DATE NAME: the field of column NAME on the row of DATE in $T/out
col()
{
	awk -F, -v d="$1" -v c="$2" '
	NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
	$1 == d { if (k) print $k; exit }' "$T/out"
}

# day DATE: "racks:gpus_online:gpus_runnable:binding" on DATE (binding empty:
# nothing binds)
day()
{
	echo "$(col "$1" racks_online):$(col "$1" gpus_online):$(col "$1" gpus_runnable):$(col "$1" binding)"
}

# dates FILE: the date column of a CSV without its header
dates()
{
	sed 1d "$1" | cut -d, -f1
}

# march FIRST LAST: 2024-03-FIRST .. 2024-03-LAST, one a line
march()
{
	i=$1
	while [ "$i" -le "$2" ]; do
		printf '2024-03-%02d\n' "$i"
		i=$((i + 1))
	done
}

# cap_max SITE DATE CONSTRAINT: max GPUs that 'dcplan capacity --date' gives for it
cap_max()
{
	"$DCPLAN" capacity -f csv --date "$2" "$1" 2>/dev/null | tr -d '\r' | awk -F, -v c="$3" '
	$3 == "by_constraint.constraint" && $4 == c { row = $2 }
	$3 == "by_constraint.max_gpus" && $2 == row && row != "" { print $4; exit }'
}

# Every row has the header's 15 fields, a date, numbers in the numeric columns, a
# known constraint name and the IT power basis (it.workload.power) last.
fields_ok()
{
	awk -F, '
	NR == 1 { next }
	NF != 15 { print "# " NF " fields: " $0; bad = 1; next }
	$1 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ { print "# date: " $0; bad = 1 }
	{
		for (i = 2; i <= 13; i++)
			if ($i !~ /^-?[0-9]+(\.[0-9]+)?$/) { print "# field " i ": " $0; bad = 1 }
		if ($14 !~ /^(|supply|cooling|ups|transformer|installed)$/) {
			print "# binding: " $0; bad = 1
		}
		if ($15 !~ /^(expected|nameplate)$/) { print "# basis: " $0; bad = 1 }
		rows++
	}
	END { exit bad || rows == 0 }' "$1"
}

# no_nan FILE: no NaN or infinity anywhere (any case)
no_nan()
{
	! grep -qiE 'nan|inf' "$1"
}

# --- tl-supply: the grid binds ---
# 625 W IT and 750 W at the feed a GPU; 1 MW -> 1333.3 GPUs.  Without the chillers'
# power the grid would carry 1e6 / 625 = 1600 GPUs: 1333 shows the cooling power is
# in the facility power.  10 racks (320 GPUs) come online a day from 2024-03-01.
tl "$SUP"
is "$rc" 0 "tl-supply: exit 0"
is "$(head -1 "$T/out")" "$HEADER" "tl-supply: the header, every column with its unit"
is "$(day 2024-03-01)" "10:320:320:" "tl-supply 03-01: 10 racks, 320 GPUs, all run"
is "$(day 2024-03-04)" "40:1280:1280:" "tl-supply 03-04: 1280 GPUs need 0.96 MW < 1 MW"
is "$(day 2024-03-05)" "50:1600:1333:supply" "tl-supply 03-05: 1600 online, 1e6 / 750 = 1333 run"
is "$(day 2024-03-06)" "60:1920:1333:supply" "tl-supply 03-06: all 60 racks, 1333 run"
is "$(day 2024-03-16)" "60:1920:1333:supply" "tl-supply 03-16: the last day, unchanged"
is "$(col 2024-03-06 gpus_full_power)" 1333 "tl-supply: full power = runnable at 100 % and no cap"
# demand: every online GPU running, 1920 x 750 W = 1.44 MW; margin 1.00 - 1.44
is "$(col 2024-03-06 demand_mw):$(col 2024-03-06 grid_mw):$(col 2024-03-06 supply_margin_mw)" \
    "1.44:1:-0.44" "tl-supply 03-06: demand 1.44 MW, grid 1.00 MW, margin -0.44 MW"
is "$(col 2024-03-04 demand_mw):$(col 2024-03-04 supply_margin_mw)" "0.96:0.04" \
    "tl-supply 03-04: demand 1280 x 750 W = 0.96 MW, margin 0.04 MW"
is "$(col 2024-03-06 cooling_mw):$(col 2024-03-06 generators_mw):$(col 2024-03-06 batteries_mw)" \
    "2:0:0" "tl-supply: 2 x 2 MW chillers at N+1 = 2.00 MW; no generators, no batteries"
# the demand column implies the same limit: floor(grid / (demand / online))
is "$(awk -F, '$1 == "2024-03-06" { printf "%d", $9 / ($8 / $3) + 1e-9 }' "$T/out")" 1333 \
    "tl-supply: grid / (demand per online GPU) gives the same 1333"
is "$(cap_max "$SUP" 2024-03-05 supply)" 1333 "tl-supply: capacity --date 2024-03-05 agrees (1333)"
# The exact limit: 1280 x 750 W = 960 kW of grid carries 1280 GPUs, not 1279.
tl --set 'power.grid.feeds[0].capacity=960kW' --to 2024-03-05 "$SUP"
is "$(day 2024-03-05)" "50:1600:1280:supply" "tl-supply at 960 kW: exactly 1280 GPUs run"

# --- the CSV: one LF row a day, first delivery to full deployment + horizon ---
tl "$SUP"
lf_ok "$T/raw"
ok $? "tl-supply CSV: every line ends in LF"
fields_ok "$T/out"
ok $? "tl-supply CSV: 15 fields a row, numbers where numbers belong"
no_nan "$T/out"
ok $? "tl-supply CSV: no NaN"
# deliveries from 2024-03-01, all online on 03-06, horizon 10 d -> 03-16: 16 rows
march 1 16 >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "tl-supply CSV: one row a day, 2024-03-01 .. 2024-03-16"
cp "$T/out" "$T/sup.csv"
tl "$SUP"
cmp_files "$T/out" "$T/sup.csv" "tl-supply CSV: two runs are byte-identical"

# Lags: delivered on 03-01 .. 03-06, installed a day and online two days later.  The
# timeline still starts at the first delivery (3 days with nothing online) and ends
# at the last rack online (03-09) + 10 d = 03-19.
tl --set 'it.phases[0].install_lag=1 d' --set 'it.phases[0].commission_lag=2 d' "$SUP"
march 1 19 >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "lags 1 + 2 d: rows 2024-03-01 .. 2024-03-19"
is "$(day 2024-03-03)" "0:0:0:" "lags: nothing online on 03-03"
is "$(day 2024-03-04)" "10:320:320:" "lags: the first lot online on 03-04"
is "$(day 2024-03-09)" "60:1920:1333:supply" "lags: all online on 03-09"
is "$(col 2024-03-03 demand_mw):$(col 2024-03-03 supply_margin_mw)" "0:1" \
    "lags: no demand before the first rack is online"
no_nan "$T/out"
ok $? "lags: no NaN on the empty days"

# horizon 0: the last row is the day of full deployment
tl --set 'simulation.horizon=0 d' "$SUP"
march 1 6 >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "horizon 0 d: rows 2024-03-01 .. 2024-03-06"

# --- --from and --to ---
tl "$SUP"
cp "$T/out" "$T/all.csv"
tl --from 2024-03-04 --to 2024-03-06 "$SUP"
is "$rc" 0 "--from 03-04 --to 03-06: exit 0"
{ head -1 "$T/all.csv"; grep -E '^2024-03-0[456],' "$T/all.csv"; } >"$T/want"
cmp_files "$T/out" "$T/want" "--from 03-04 --to 03-06: the same three rows as the full run"
tl --from=2024-03-14 "$SUP"
march 14 16 >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "--from=DATE alone: to the default end"
tl --to=2024-03-02 "$SUP"
march 1 2 >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "--to=DATE alone: from the first delivery"
tl --from 2024-03-05 --to 2024-03-05 "$SUP"
is "$(sed 1d "$T/out" | wc -l | tr -d ' '):$(day 2024-03-05)" "1:50:1600:1333:supply" \
    "--from = --to: one row"
# before the first delivery and across month, leap-day and year ends
tl --from 2024-02-28 --to 2024-03-01 "$SUP"
printf '2024-02-28\n2024-02-29\n2024-03-01\n' >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "--from before the first delivery, over the leap day"
is "$(day 2024-02-29)" "0:0:0:" "before the first delivery: nothing online"
tl --from 2024-12-30 --to 2025-01-02 "$SUP"
printf '2024-12-30\n2024-12-31\n2025-01-01\n2025-01-02\n' >"$T/want"
dates "$T/out" >"$T/got"
cmp_files "$T/got" "$T/want" "over the new year"
is "$(day 2025-01-01)" "60:1920:1333:supply" "2025-01-01: all online, the grid still binds"

# A feed that comes into service after racks are online: no supply, nothing runs.
tl --set 'power.grid.feeds[0].in_service=2024-03-03' --to 2024-03-03 "$SUP"
is "$(day 2024-03-02)" "20:640:0:supply" "no feed yet on 03-02: 0 of 640 run, supply binds"
is "$(col 2024-03-02 grid_mw):$(col 2024-03-02 supply_margin_mw)" "0:-0.48" \
    "no feed yet: grid 0, margin -640 x 750 W = -0.48 MW"
is "$(day 2024-03-03)" "30:960:960:" "the feed in service on 03-03: all 960 run"
no_nan "$T/out"
ok $? "no feed yet: no NaN"

# Usage errors: exit 2, a message, nothing on standard output.
run "$DCPLAN" timeline --from 2024-03-06 --to 2024-03-05 "$SUP"
is "$rc" 2 "--from after --to: exit 2"
like "$(cat "$T/err")" "must run forwards" "--from after --to: says so"
is "$(wc -c <"$T/out" | tr -d ' ')" 0 "--from after --to: nothing on standard output"
run "$DCPLAN" timeline --from 2024-01-01 --to 2035-01-01 "$SUP"
is "$rc" 2 "eleven years: exit 2"
like "$(cat "$T/err")" "ten years" "eleven years: says the limit"
run "$DCPLAN" timeline --from 2024-02-30 "$SUP"
is "$rc" 2 "--from 2024-02-30: exit 2"
like "$(cat "$T/err")" "2024-02-30" "--from 2024-02-30: names the bad date"
run "$DCPLAN" timeline --to tomorrow "$SUP"
is "$rc" 2 "--to tomorrow: exit 2"

# --- text and JSON carry the same rows ---
run "$DCPLAN" timeline "$SUP"
is "$rc" 0 "tl-supply text: exit 0"
is "$(head -1 "$T/out")" "IT power basis: expected draw" \
    "tl-supply text: the IT power basis above the table"
is "$(sed 1,3d "$T/out" | wc -l | tr -d ' ')" 16 "tl-supply text: 16 rows under a header"
is "$(awk '$1 == "2024-03-05" { print $3 ":" $4 ":" $NF }' "$T/out")" "1600:1333:supply" \
    "tl-supply text 03-05: 1600 online, 1333 run, supply"
no_nan "$T/out"
ok $? "tl-supply text: no NaN"
run "$DCPLAN" timeline -f json "$SUP"
is "$rc" 0 "tl-supply json: exit 0"
like "$(cat "$T/out")" '"schema":	"dcplan.timeline/3"' "tl-supply json: schema"
like "$(cat "$T/out")" '"columns":	["date", "racks_online", "gpus_online", "gpus_runnable",' \
    "tl-supply json: columns"
like "$(cat "$T/out")" '"units":	[null, null, null, null, null, "degC", "degC", "MW",' \
    "tl-supply json: units"
is "$(grep -c '^		\["2024-03-' "$T/out")" 16 "tl-supply json: 16 rows"
like "$(grep '"2024-03-05"' "$T/out")" '["2024-03-05", 50, 1600, 1333, 1333,' \
    "tl-supply json 03-05: counts are numbers"
like "$(grep '"2024-03-05"' "$T/out")" '"supply", "expected"]' \
    "tl-supply json 03-05: supply binds; the IT power basis"
no_nan "$T/out"
ok $? "tl-supply json: no NaN"

# --- the workload: power cap and utilisation ---
# cap 250 W: 8 x 250 + 1000 = 3000 W a server, 375 W a GPU, 450 W at the feed ->
# 2222 GPUs on 1 MW: all 1920 run; at full power still 1333.  Demand 1920 x 450 W.
tl --set 'it.workload.gpu_power_cap=250W' --from 2024-03-06 --to 2024-03-06 "$SUP"
is "$(day 2024-03-06):$(col 2024-03-06 gpus_full_power)" "60:1920:1920::1333" \
    "cap 250 W: all 1920 run, 1333 at full power"
is "$(col 2024-03-06 demand_mw)" 0.864 "cap 250 W: demand 1920 x 450 W = 0.864 MW"
# utilisation 50 %: GPU 50 + 0.5 x 450 = 275 W, 3200 W a server, 400 W a GPU, 480 W at
# the feed -> 2083 on 1 MW
tl --set 'it.workload.utilization=50%' --from 2024-03-06 --to 2024-03-06 "$SUP"
is "$(day 2024-03-06):$(col 2024-03-06 gpus_full_power)" "60:1920:1920::1333" \
    "utilisation 50 %: all 1920 run, 1333 at full power"
is "$(col 2024-03-06 demand_mw)" 0.9216 "utilisation 50 %: demand 1920 x 480 W = 0.9216 MW"

# --- tl-cooling: the chillers bind ---
# 502 kW usable / 625 W of heat a GPU = 803.2 -> 803; 5 MW of grid never binds.
tl "$COOL"
is "$(day 2024-03-02)" "20:640:640:" "tl-cooling 03-02: 640 GPUs, 400 kW of heat, all run"
is "$(day 2024-03-03)" "30:960:803:cooling" "tl-cooling 03-03: 960 online, 502 kW / 625 W = 803 run"
is "$(day 2024-03-16)" "60:1920:803:cooling" "tl-cooling 03-16: still 803"
is "$(col 2024-03-03 cooling_mw):$(col 2024-03-03 grid_mw)" "0.502:5" \
    "tl-cooling: 2 x 502 kW at N+1 = 0.50 MW of cooling; 5 MW of grid"
# demand with 960 GPUs: 600 kW of IT plus 100.4 kW (chillers at full load) .. 120 kW
# (if they could carry it all): between 0.70 and 0.72 MW
d=$(col 2024-03-03 demand_mw)
awk -v d="$d" 'BEGIN { exit !(d >= 0.70 && d <= 0.72) }'
ok $? "tl-cooling 03-03: demand $d MW within 0.70 .. 0.72 MW"
is "$(cap_max "$COOL" 2024-03-03 cooling)" 803 "tl-cooling: capacity --date 2024-03-03 agrees (803)"
no_nan "$T/out"
ok $? "tl-cooling: no NaN"

# --- tl-step: the feed steps from 1 MW to 1.5 MW on 2024-03-06 ---
tl "$STEP"
is "$(day 2024-03-05)" "50:1600:1333:supply" "tl-step 03-05: 1 MW, 1333 of 1600 run"
is "$(col 2024-03-05 grid_mw)" 1 "tl-step 03-05: 1 MW before the step"
is "$(day 2024-03-06)" "60:1920:1920:" "tl-step 03-06: the step's own day, 1.5 MW carries 1920"
is "$(col 2024-03-06 grid_mw):$(col 2024-03-06 supply_margin_mw)" "1.5:0.06" \
    "tl-step 03-06: grid 1.50 MW, margin 1.50 - 1.44 MW"
is "$(day 2024-03-16)" "60:1920:1920:" "tl-step 03-16: nothing binds"
is "$(cap_max "$STEP" 2024-03-05 supply):$(cap_max "$STEP" 2024-03-06 supply)" "1333:2000" \
    "tl-step: capacity --date 03-05 / 03-06 gives 1333 / 2000"
# an import limit caps the step: 1.2 MW -> 1600 GPUs
tl --set 'power.grid.feeds[0].import_limit=1.2MW' "$STEP"
is "$(day 2024-03-06):$(col 2024-03-06 grid_mw)" "60:1920:1600:supply:1.2" \
    "tl-step with a 1.2 MW import limit: 1.2e6 / 750 = 1600 run"
is "$(col 2024-03-05 grid_mw)" 1 "import limit above the feed: 1 MW before the step"

# --- tl-gen: generators arrive, and one group leaves ---
# each unit 250 kW x 80 % = 200 kW; gensets 3 at N+1 from 03-08, rental 1 from 03-10
# until 03-12 (gone that day); supply binds on 03-05..03-09 and 03-12..03-16: 10 days
tl "$GEN"
is "$(day 2024-03-07):$(col 2024-03-07 generators_mw)" "60:1920:1333:supply:0" \
    "tl-gen 03-07: no generators yet, 1333 run"
is "$(day 2024-03-08):$(col 2024-03-08 generators_mw)" "60:1920:1866:supply:0.4" \
    "tl-gen 03-08: 2 usable x 200 kW = 0.40 MW, 1.4e6 / 750 = 1866 run"
is "$(day 2024-03-10):$(col 2024-03-10 generators_mw)" "60:1920:1920::0.6" \
    "tl-gen 03-10: the rental unit too, 1.6 MW carries all 1920"
is "$(day 2024-03-11)" "60:1920:1920:" "tl-gen 03-11: the rental's last day"
is "$(day 2024-03-12):$(col 2024-03-12 generators_mw)" "60:1920:1866:supply:0.4" \
    "tl-gen 03-12: 'until' day, the rental is gone"
is "$(col 2024-03-08 supply_margin_mw)" -0.04 "tl-gen 03-08: margin 1.00 + 0.40 - 1.44 MW"
is "$(col 2024-03-08 grid_mw)" 1 "tl-gen: the grid column holds the grid alone"
# On every supply-bound day, runnable = floor((grid + generators) / 750 W).
awk -F, 'NR > 1 && $14 == "supply" {
	want = int(($9 + $10) * 1e6 / 750 + 1e-9)
	if ($4 != want) { print "# " $1 ": " $4 " != " want; bad = 1 }
	n++
} END { exit bad || n != 10 }' "$T/out"
ok $? "tl-gen: every supply-bound day runs floor((grid + generators) / 750 W)"
is "$(cap_max "$GEN" 2024-03-10 supply)" 2133 "tl-gen: capacity --date 2024-03-10: 1.6e6 / 750 = 2133"
no_nan "$T/out"
ok $? "tl-gen: no NaN"

# --- every hand-built site in every format: no NaN, LF, well-formed rows ---
for s in "$SUP" "$COOL" "$STEP" "$GEN"; do
	name=${s##*/}
	tl "$s"
	lf_ok "$T/raw" && fields_ok "$T/out" && no_nan "$T/out"
	ok $? "$name: LF, well-formed rows, no NaN"
	for f in text json; do
		run "$DCPLAN" timeline -f $f "$s"
		[ "$rc" -eq 0 ] && no_nan "$T/out"
		ok $? "$name -f $f: exit 0, no NaN"
	done
done

# --- Colossus, Memphis: the dates worked out from the site file ---
# 2 x 14 racks a day from 2024-07-03; 782 racks a phase take 56 days (last lot
# 2024-08-27), online 1 + 2 days after delivery: first on 07-06, all 1563 racks
# (100,032 GPUs) on 08-30; horizon 30 d -> 2024-09-29: 89 rows.
if [ -f "$MEM" ]; then
	tl "$MEM"
	is "$rc" 0 "memphis: exit 0"
	is "$(dates "$T/out" | head -1):$(dates "$T/out" | tail -1)" "2024-07-03:2024-09-29" \
	    "memphis: 2024-07-03 .. 2024-09-29"
	is "$(dates "$T/out" | wc -l | tr -d ' ')" 89 "memphis: 89 rows"
	is "$(col 2024-07-05 gpus_online):$(col 2024-07-06 gpus_online)" "0:1792" \
	    "memphis: nothing online until 07-06, then 28 racks x 64 GPUs"
	is "$(col 2024-08-29 racks_online):$(col 2024-08-30 racks_online)" "1540:1563" \
	    "memphis: the last racks online on 08-30"
	# on the expected draw the 2 Sep supply (50 MW grid + 35 MW mobile + 5 SMT-130)
	# carries the fleet; on the nameplate it does not
	is "$(col 2024-09-02 gpus_online):$(col 2024-09-02 gpus_runnable):$(col 2024-09-02 binding)" \
	    "100032:100032:" \
	    "memphis 2024-09-02: all 100,032 GPUs online and running (expected draw)"
	m=$(col 2024-09-02 supply_margin_mw)
	awk -v m="$m" 'BEGIN { exit !(m > 0) }'
	ok $? "memphis 2024-09-02: a positive supply margin ($m MW)"
	tl --set it.workload.power=nameplate "$MEM"
	r=$(col 2024-09-02 gpus_runnable)
	[ "$r" -gt 0 ] && [ "$r" -lt 100000 ] && [ "$(col 2024-09-02 binding)" = supply ]
	ok $? "memphis 2024-09-02 on the nameplate: supply binds, fewer than 100,000 GPUs run ($r)"
	tl "$MEM"
	lf_ok "$T/raw" && fields_ok "$T/out" && no_nan "$T/out"
	ok $? "memphis: LF, well-formed rows, no NaN"
else
	skip "memphis timeline" "no examples/colossus-memphis.yaml"
fi

done_testing
