#!/bin/sh
# t-cli-risk.sh - "dcplan risk" and "dcplan merge": with no uncertainty risk gives
# plan's met dates (P(met) 0 or 1); any --threads gives the same bytes; the GNU
# parallel recipe of dcplan(1) over shards, merged, equals one run byte for byte
# (JSON, CSV and text); the command-line errors and their exit codes.  The analytic
# checks (COPT, uniform delay, 1/sqrt(N)) are in tests/unit/t-risk.c.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
UNI=$DATA/sites/risk-uniform.yaml
COPT=$DATA/sites/risk-copt.yaml

# 1. no uncertainty: every target's P(met) is plan's status and every quantile
# its met date
for y in "$DATA/sites/tl-supply.yaml" "$DATA/sites/tl-cooling.yaml" \
    "$DATA/sites/tl-step.yaml" "$DATA/sites/tl-gen.yaml" "$COPT" \
    "$top_srcdir/examples/oracle-24k.yaml"; do
	name=${y##*/}
	"$DCPLAN" -f json plan "$y" >"$T/plan.json" 2>/dev/null
	"$DCPLAN" -f json risk --trials 3 "$y" >"$T/risk.json" 2>"$T/err"
	ok $? "$name: risk runs"
	jq -r '.targets.detail as $t | ($t.columns | index("name")) as $n |
	    ($t.columns | index("ok")) as $o | ($t.columns | index("met_on")) as $m |
	    $t.rows[] | [.[$n], (if .[$o] then 1 else 0 end), .[$m]] | @tsv' \
	    "$T/plan.json" >"$T/want"
	jq -r '.targets as $t | ($t.detail.columns | index("p_met")) as $p |
	    $t.detail.rows | to_entries[] | .key as $k | [.value[0],
	    (.value[$p] | floor), $t.dates.rows[$k][1], $t.dates.rows[$k][2],
	    $t.dates.rows[$k][4]] | @tsv' "$T/risk.json" |
	    awk -F '\t' '$3 == $4 && $4 == $5 { print $1 "\t" $2 "\t" $3; next }
	    { print "quantiles differ: " $0 }' >"$T/got"
	[ -s "$T/want" ] && cmp -s "$T/want" "$T/got"
	ok $? "$name: P(met) and the met dates equal plan's"
	[ $? -eq 0 ] || diag "$(diff "$T/want" "$T/got")"
	is "$(jq -r '.run.trials' "$T/risk.json")" 3 "$name: 3 trials"
done

# 2. threads: the same bytes
for t in 1 2; do
	"$DCPLAN" -f json risk --trials 400 --threads $t "$UNI" >"$T/t$t.json"
done
cmp -s "$T/t1.json" "$T/t2.json"
ok $? "--threads 1 and 2 write the same JSON"
"$DCPLAN" -f json risk --trials 400 --seed 20240902 "$UNI" >"$T/s.json"
jq 'del(.run)' "$T/t1.json" >"$T/a"
jq 'del(.run)' "$T/s.json" | sed 's/"state":.*//' >"$T/b"
sed 's/"state":.*//' "$T/a" | cmp -s - "$T/b"
ok $? "the default seed is 20240902"
is "$(jq -r '.run.seed' "$T/t1.json")" 20240902 "the report prints the seed"
"$DCPLAN" -f json risk --trials 400 --seed 5 "$UNI" >"$T/s5.json"
cmp -s "$T/t1.json" "$T/s5.json"
[ $? -ne 0 ]
ok $? "another seed gives other trials"

# 3. the GNU parallel recipe of dcplan(1): shards, merged, equal one run
if command -v parallel >/dev/null 2>&1; then
	for f in json csv; do
		"$DCPLAN" -f $f risk --trials 600 "$COPT" >"$T/one.$f"
		parallel "$DCPLAN" -f $f -o "$T/shard-{}.$f" risk --trials 600 \
		    --shard {}/3 "$COPT" ::: 1 2 3
		ok $? "parallel ran 3 $f shards"
		"$DCPLAN" merge "$T"/shard-*.$f >"$T/merged.$f"
		ok $? "merge of $f shards"
		cmp -s "$T/one.$f" "$T/merged.$f"
		ok $? "merged $f shards equal one run byte for byte"
		[ $? -eq 0 ] || diag "$(diff "$T/one.$f" "$T/merged.$f" | head -10)"
	done
	"$DCPLAN" risk --trials 600 "$COPT" >"$T/one.txt"
	"$DCPLAN" -f text merge "$T"/shard-*.json >"$T/merged.txt"
	cmp -s "$T/one.txt" "$T/merged.txt"
	ok $? "merged shards as text equal one run's text"
	run "$DCPLAN" merge "$T/shard-1.json" "$T/shard-3.json"
	is "$rc" 3 "a missing shard: exit 3"
	like "$(cat "$T/err")" "shard 2/3 is missing" "a missing shard is named"
	run "$DCPLAN" merge "$T/shard-1.json" "$T/shard-1.json" "$T/shard-2.json"
	is "$rc" 3 "a repeated shard: exit 3"
	"$DCPLAN" -f json risk --trials 600 --shard 2/3 "$UNI" >"$T/other.json"
	run "$DCPLAN" merge "$T/shard-1.json" "$T/other.json" "$T/shard-3.json"
	is "$rc" 3 "a shard of another run: exit 3"
	like "$(cat "$T/err")" "not a shard of the same run" "another run is refused"
else
	skip "GNU parallel recipe" "parallel not installed"
fi
"$DCPLAN" -f json plan "$UNI" >"$T/plan.json"
run "$DCPLAN" merge "$T/plan.json"
is "$rc" 3 "merge of a plan document: exit 3"

# 4. the command line
run "$DCPLAN" risk --trials 0 "$UNI"
is "$rc" 2 "--trials 0: exit 2"
like "$(cat "$T/err")" "--trials must be at least 1" "--trials 0 is explained"
run "$DCPLAN" risk --shard 3/2 "$UNI"
is "$rc" 2 "--shard 3/2: exit 2"
like "$(cat "$T/err")" "K must be from 1 to N (2)" "--shard 3/2 is explained"
run "$DCPLAN" risk --shard 1-2 "$UNI"
is "$rc" 2 "--shard 1-2: exit 2"
run "$DCPLAN" risk --target-se 0.01 --shard 1/2 "$UNI"
is "$rc" 2 "--target-se with --shard: exit 2"
run "$DCPLAN" risk --target-se 2 "$UNI"
is "$rc" 2 "--target-se 2: exit 2"
run "$DCPLAN" risk --seed -1 "$UNI"
is "$rc" 2 "--seed -1: exit 2"
for b in risk-min-above-mode risk-mode-above-max risk-probability risk-mtbf-zero \
    risk-mttr-negative risk-unknown-group; do
	run "$DCPLAN" risk --trials 1 "$DATA/bad/$b.yaml"
	is "$rc:$(wc -c <"$T/out" | tr -d ' ')" "3:0" "$b: exit 3, no output"
done

# 5. --target-se stops early, at a multiple of 500 trials
"$DCPLAN" -f json risk --trials 20000 --target-se 0.02 "$UNI" >"$T/se.json"
n=$(jq -r '.run.trials' "$T/se.json")
se=$(jq -r '.targets.detail as $t | $t.rows[0][$t.columns | index("p_met_se")]' "$T/se.json")
[ "$n" -lt 20000 ] && [ $((n % 500)) -eq 0 ]
ok $? "--target-se 0.02 stopped at $n trials"
awk -v s="$se" 'BEGIN { exit !(s < 0.02) }'
ok $? "... with P(met) SE $se below 0.02"

# 7. weather years: each trial samples its year from climate.weather_files (25 %
# Memphis, 75 % Sterling); the share of trials per file lies within 3 standard
# errors of its weight, and a trial's result equals the one-year run on its file
# (the same seed and trial: the year is drawn after the trial's inputs)
YRS=$DATA/sites/risk-years.yaml
WX=../../../examples/weather
MEM=$WX/USA_TN_Memphis.Intl.AP.723340_TMY3.epw
STE=$WX/USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw
"$DCPLAN" -f json risk --trials 2000 "$YRS" >"$T/yrs.json" 2>/dev/null
ok $? "risk over two weather years runs"
is "$(jq -r '[.run.weather_years.rows[][3]] | add' "$T/yrs.json")" 2000 \
    "every trial drew one of the two years"
jq -r '.run.weather_years.rows[] | [.[2], .[3]] | @tsv' "$T/yrs.json" |
    awk -F '\t' '{ p = $1; s = sqrt(p * (1 - p) / 2000); d = $2 / 2000 - p
	if (d < 0) d = -d; if (d > 3 * s) bad++ } END { exit bad > 0 }'
ok $? "the share of trials per file is within 3 SE of its weight"
is "$(jq -r '.run.weather_years.rows[0][1]' "$T/yrs.json")" \
    USA_TN_Memphis.Intl.AP.723340_TMY3.epw "the table names each year's file"
seen=""
for seed in 1 2 3 4 5 6 7 8; do
	"$DCPLAN" -f json risk --trials 1 --seed $seed "$YRS" >"$T/y.json" 2>/dev/null
	k=$(jq -r '.run.weather_years.rows | map(.[3]) | index(1)' "$T/y.json")
	if [ "$k" = 0 ]; then f=$MEM; else f=$STE; fi
	seen="$seen$k"
	"$DCPLAN" -f json risk --trials 1 --seed $seed --set "climate.weather_files=[$f]" \
	    "$YRS" >"$T/f.json" 2>/dev/null
	jq -S '{targets, adequacy, redundancy}' "$T/y.json" >"$T/a"
	jq -S '{targets, adequacy, redundancy}' "$T/f.json" >"$T/b"
	cmp -s "$T/a" "$T/b"
	ok $? "seed $seed: the trial on year $k equals the one-year run on its file"
done
case $seen in *0*1*|*1*0*) r=0 ;; *) r=1 ;; esac
ok $r "both years were drawn ($seen)"
"$DCPLAN" -f json risk --trials 1 --seed 1 --set "climate.weather_files=[$MEM]" \
    "$YRS" >"$T/m.json" 2>/dev/null
"$DCPLAN" -f json risk --trials 1 --seed 1 --set "climate.weather_files=[$STE]" \
    "$YRS" >"$T/s.json" 2>/dev/null
[ "$(jq .adequacy.lole_h "$T/m.json")" != "$(jq .adequacy.lole_h "$T/s.json")" ]
ok $? "the two years give different shortfalls (the test can tell them apart)"
if command -v parallel >/dev/null 2>&1; then
	parallel "$DCPLAN" -f json -o "$T/ys-{}.json" risk --trials 300 --shard {}/2 \
	    "$YRS" ::: 1 2 2>/dev/null
	"$DCPLAN" -f json risk --trials 300 "$YRS" >"$T/y1.json" 2>/dev/null
	"$DCPLAN" merge "$T"/ys-*.json >"$T/ym.json"
	cmp -s "$T/y1.json" "$T/ym.json"
	ok $? "weather years: merged shards equal one run"
fi
"$DCPLAN" risk --trials 20 "$YRS" >"$T/yrs.txt" 2>/dev/null
is "$(tail -n +2 "$T/yrs.txt" | awk 'length > 80' | wc -l | tr -d ' ')" 0 \
    "weather years text fits 80 columns"

# 8. the cost of delay, by hand: risk-uniform.yaml meets its 640 GPUs on
# 2024-03-01 + D, D = ceil(U(0.5 d, 20.5 d)) (1 and 21 w.p. 0.025, 2..20 w.p.
# 0.05 each), against 2024-03-11; at 2 USD a GPU-hour a day late costs
# 640 x 24 x 2 = 30720 USD.  Days late L = max(0, D - 10): P(L = 0) = 0.475,
# P(L = k) = 0.05 for k = 1..10, P(L = 11) = 0.025, so E[L] = 2.75 + 0.275 =
# 3.025 d (E[cost] 92928 USD), P50 = 1 d (P(L <= 0) = 0.475, P(L <= 1) = 0.525),
# P90 = 9 d (P(L <= 8) = 0.875, P(L <= 9) = 0.925), sd(L) = sqrt(22.275 -
# 3.025^2) = 3.6228 d; a one-sd slip of the one input costs rho x sd x 30720.
"$DCPLAN" -f json risk --trials 10000 --set economics.currency=USD \
    --set "economics.gpu_hour=2 USD/GPU-h" "$UNI" >"$T/cost.json"
ok $? "risk with a GPU-hour value runs"
jq -r '.delay_cost.targets.rows[0] | map(tostring) | join(" ")' "$T/cost.json" >"$T/c"
read -r _ per mean se p50 p90 <"$T/c"
is "$per $p50 $p90" "30720 30720 276480" "a day late costs 30720 USD; P50 1 d, P90 9 d"
awk -v m="$mean" -v s="$se" 'BEGIN { d = m - 92928; if (d < 0) d = -d
    exit !(s > 0 && d < 3 * s) }'
ok $? "mean delay cost $mean +- $se within 3 SE of 92928 USD"
awk -v m="$mean" -v s="$se" 'BEGIN { exit !(s > 0.5 * 1113 && s < 1.5 * 1113) }'
ok $? "its standard error is sd x 30720 / sqrt(N) (about 1113 USD)"
# the drivers: one table (dcplan.risk/3), a row per target and input and a row
# "weather" per target; here the delivery is the only uncertainty, so it is
# critical in every trial and the weather in none
is "$(jq -r '.targets.drivers | .columns, .units, (.rows[] | .[:2] + .[3:4]) |
    map(tostring) | join(",")' "$T/cost.json" | tr '\n' ' ')" \
    "target,input,rank_correlation,criticality,slip_cost null,null,null,null,USD all-racks,delivery of hall,1 all-racks,weather,0 " \
    "the drivers table: the delivery critical in every trial, the weather in none"
is "$(jq -r '[.targets.drivers.rows[1][2,4]] | map(tostring) | join(",")' \
    "$T/cost.json"):$(jq -r '[keys[] | select(test("^drivers"))] | length' \
    "$T/cost.json")" "null,null:0" \
    "the weather row has no rank correlation or slip cost; no drivers_N sections"
"$DCPLAN" -f json risk --trials 20 "$top_srcdir/examples/colossus-memphis.yaml" \
    >"$T/mem.json"
is "$(jq -r '.run.inputs as $n | [.targets.detail.rows[][0]] as $t |
    [.targets.drivers.rows[] | .[0] + "/" + (if .[1] == "weather" then "w"
    else "i" end)] == [$t[] as $x | ([range($n)] | map($x + "/i")) +
    [$x + "/w"] | .[]] and ($t | length) == 2 and $n > 0' "$T/mem.json")" true \
    "two targets: each target's inputs, then its weather row, in the targets' order"
jq -r '.targets.drivers.rows[0] | "\(.[2]) \(.[4])"' "$T/cost.json" >"$T/d"
read -r rho slip <"$T/d"
awk -v r="$rho" -v c="$slip" 'BEGIN { w = r * 3.6228 * 30720; d = (c - w) / w
    if (d < 0) d = -d; exit !(d < 0.05) }'
ok $? "a one-sd slip of the delivery costs rho x sd x 30720 ($slip USD)"
"$DCPLAN" -f json risk --trials 20 "$UNI" >"$T/nocost.json"
like "$(jq -r '.delay_cost.message' "$T/nocost.json")" "no economics.gpu_hour" \
    "without a GPU-hour value no delay cost is computed"

# a merge state with a comma in it (the Memphis example's) is a quoted CSV
# field: CSV shards merge all the same
MEMS=$top_srcdir/examples/colossus-memphis.yaml
"$DCPLAN" -f csv risk --trials 40 "$MEMS" >"$T/mone.csv"
for k in 1 2; do
	"$DCPLAN" -f csv risk --trials 40 --shard $k/2 "$MEMS" >"$T/mshard-$k.csv"
done
grep -q '^merge,,state,"risk-state/' "$T/mshard-1.csv"
ok $? "the Memphis shard's merge state is a quoted CSV field"
"$DCPLAN" merge "$T/mshard-1.csv" "$T/mshard-2.csv" >"$T/mmerged.csv"
ok $? "merge of CSV shards with a quoted state"
cmp_files "$T/mmerged.csv" "$T/mone.csv" \
    "merged CSV shards with a quoted state equal one run byte for byte"

# 9. the loss-of-load heat map's data: per hour of day, the share of trials short
# averaged over the days (lolp_by_hour, from the counts the picture draws).  On
# the COPT site the load needs 3 of the 4 units at every hour, so each hour's
# P(short) = P(2 or more of 4 down) = 1 - 0.9^4 - 4 x 0.1 x 0.9^3 = 0.0523; the
# hours-short column sums to the LOLE exactly
"$DCPLAN" -f json risk --trials 3000 "$COPT" >"$T/lolp.json"
jq -r '[.adequacy.lole_h, ([.adequacy.lolp_by_hour.rows[][2]] | add),
    (.adequacy.lolp_by_hour.rows | length)] | @tsv' "$T/lolp.json" >"$T/l"
read -r lole sum nrow <"$T/l"
is "$nrow" 24 "lolp_by_hour: 24 hours"
awk -v a="$lole" -v b="$sum" 'BEGIN { d = a - b; if (d < 0) d = -d
    exit !(a > 0 && d <= 1e-9 * a) }'
ok $? "the hours short by hour of day sum to the LOLE ($sum, $lole)"
jq -r '.adequacy.lolp_by_hour.rows[][1]' "$T/lolp.json" |
    awk 'BEGIN { s = 3 * sqrt(0.0523 * 0.9477 / 3000) }
    { d = $1 - 0.0523; if (d < 0) d = -d; if (d > s) bad++ } END { exit bad > 0 }'
ok $? "every hour's P(short) within 3 SE of the COPT's 0.0523"

# 6. text fits 80 columns; no progress line in a pipe
"$DCPLAN" risk --trials 50 "$top_srcdir/examples/colossus-memphis.yaml" >"$T/mem.txt" \
    2>"$T/err"
# (the title line names the site file by the path given, which can be any length)
is "$(tail -n +2 "$T/mem.txt" | awk 'length > 80' | wc -l | tr -d ' ')" 0 \
    "Memphis risk text fits 80 columns"
is "$(wc -c <"$T/err" | tr -d ' ')" 0 "nothing on stderr when it is not a terminal"
done_testing
