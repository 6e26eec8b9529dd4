#!/bin/sh
# t-cli-sweep.sh - "dcplan sweep" and its merge: a 3 x 3 sweep gives the 9 rows
# of 9 separate "dcplan plan" runs field by field; any --threads and any shard
# split (merged with dcplan merge, and by the GNU parallel recipe of dcplan(1))
# give the same bytes; an invalid case is a row, not a line on stderr; ranges
# expand as documented; bad --vary arguments and cases files are diagnosed
# before any case runs, at their column.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
S=$DATA/sites/tl-supply.yaml
SW=$DATA/sweep
CAP='power.grid.feeds[0].capacity'
GPUS='targets[0].gpus'

sweep9()
{
	"$DCPLAN" sweep "$S" --vary "$CAP=0.8 MW,1 MW,1.5 MW" \
	    --vary "$GPUS=800,1280,1600" "$@"
}

# 1. 3 x 3 = 9 rows, in the documented order (the last --vary fastest), each
# equal to its own plan run
sweep9 -f json >"$T/sw.json" 2>"$T/err"
ok $? "the 3 x 3 sweep runs (exit 0: every case ran)"
is "$(cat "$T/err")" "" "nothing on stderr"
json_ok "$T/sw.json"; ok $? "valid JSON"
is "$(jq -r '.schema' "$T/sw.json")" "dcplan.sweep/2" "schema dcplan.sweep/2"
is "$(jq -r '.rows | length' "$T/sw.json")" 9 "9 rows"
is "$(jq -r '[.rows[] | .[0]] | map(tostring) | join(",")' "$T/sw.json")" \
    "1,2,3,4,5,6,7,8,9" "case ids 1..9"
is "$(jq -r '.columns as $c | [.rows[] | [.[($c | index("'"$CAP"'"))],
    .[($c | index("'"$GPUS"'"))]] | join("/")] | join(",")' "$T/sw.json")" \
    "0.8 MW/800,0.8 MW/1280,0.8 MW/1600,1 MW/800,1 MW/1280,1 MW/1600,1.5 MW/800,1.5 MW/1280,1.5 MW/1600" \
    "the Cartesian product, the last --vary fastest"
is "$(jq -r '.columns as $c | [.rows[] | .[($c | index("'"$CAP"'_value"))]] |
    map(tostring) | join(",")' "$T/sw.json")" \
    "0.8,0.8,0.8,1,1,1,1.5,1.5,1.5" \
    "the varied power echoed in MW, the one unit of power"
# the units (dcplan-json(5) Units): a power MW, a count none; GPU counts none,
# as plan's; no US gallons
is "$(jq -c '.columns as $c | .units as $u | [("'"$CAP"'_value", "'"$GPUS"'_value",
    "t1_runnable_on_by", "t1_shortfall_gpus", "water_m3_per_day") as $k |
    $u[$c | index($k)]]' "$T/sw.json")" '["MW",null,null,null,"m3/d"]' \
    "units: MW for the power, none for the GPU counts, m3/d for water"
is "$(jq -r '.columns | map(select(test("gal|_si$"))) | length' "$T/sw.json")" 0 \
    "no US gallons and no _si column"
# each kind in its unit: a temperature difference in K (9 degF = 9 x 5/9 =
# 5 K), a fraction in %, a date none (the value null), a temperature in degC
# ((50 - 32) x 5/9 = 10, 283.15 - 273.15 = 10), a time in s (1 wk = 604800 s);
# quantities of two kinds: no unit and no number
"$DCPLAN" sweep "$top_srcdir/examples/small-lab.yaml" --zip \
    --vary 'cooling.chilled_water.delta_t=5 K,9 degF' \
    --vary 'it.workload.utilization=50 %,90 %' \
    --vary 'targets[0].by=2024-03-01,2024-04-01' \
    --vary 'cooling.chilled_water.supply_temp=283.15 K,50 degF' \
    --vary 'it.phases[0].commission_lag=7 d,1 wk' \
    --vary 'power.grid.feeds[0].capacity=1 MW,2 MVA' -f json >"$T/k.json" 2>/dev/null
is "$(jq -c '[.columns as $c | .units as $u | $c | to_entries[] |
    select(.value | endswith("_value")) | $u[.key]]' "$T/k.json")" \
    '["K","%",null,"degC","s",null]' "units: K, %, none for a date, degC, s, none for two kinds"
is "$(jq -c '.columns as $c | [.rows[] | [$c, .] | transpose[] |
    select(.[0] | endswith("_value")) | .[1]]' "$T/k.json")" \
    '[5,50,null,10,604800,null,5,90,null,10,604800,null]' \
    "values: 5 K, 50 %, null, 10 degC, 604800 s, null; 5 K, 90 %, null, 10 degC, 604800 s, null"
# the fields, from the sweep's rows and from plan's documents (unserved energy
# to the kWh: a division of the same figure in another order)
jq -r '.columns as $c | .rows[] | [$c, .] | transpose |
    map({(.[0]): .[1]}) | add |
    [.verdict, .exit, .t1_status, .t1_met_on, .t1_runnable_on_by,
     .t1_shortfall_gpus, .t1_binding, .t1_fix_set, .pue,
     .peak_facility_mw, .water_m3_per_day, .co2_t, .nox_t, (.unserved_mwh * 1000 | round)] |
    map(tostring) | join(" ")' "$T/sw.json" >"$T/got"
: >"$T/want"
for c in "0.8 MW" "1 MW" "1.5 MW"; do
	for g in 800 1280 1600; do
		"$DCPLAN" -f json plan "$S" --set "$CAP=$c" --set "$GPUS=$g" \
		    >"$T/p.json" 2>/dev/null
		prc=$?
		jq -r --arg rc "$prc" '.targets.detail as $d |
		    ([$d.columns, $d.rows[0]] | transpose | map({(.[0]): .[1]}) |
		    add) as $t |
		    [.verdict.status, ($rc | tonumber),
		     (if $t.ok then "OK" else "FAIL" end), $t.met_on,
		     $t.runnable_on_by, $t.shortfall_gpus, $t.binding,
		     $t.fix_set_grid, .year.pue, .year.peak_facility_mw,
		     .year.water_m3_per_day, .year.co2_t, .year.nox_t, (.year.unserved_mwh * 1000 | round)] |
		    map(tostring) | join(" ")' "$T/p.json" >>"$T/want"
	done
done
cmp -s "$T/got" "$T/want"
st=$?
ok $st "the 9 rows equal 9 plan runs field by field"
[ $st -eq 0 ] || diag "$(diff "$T/want" "$T/got")"
is "$(jq -r '[.rows[] | .[6]] | join(",")' "$T/sw.json")" \
    "FEASIBLE,INFEASIBLE,INFEASIBLE,FEASIBLE,FEASIBLE,INFEASIBLE,FEASIBLE,FEASIBLE,FEASIBLE" \
    "the verdicts: 1920 GPUs x 750 W = 1.44 MW needs the 1.5 MW feed"

# 2. threads and shards: the same bytes
for f in csv json; do
	sweep9 -f $f --threads 1 >"$T/t1.$f"
	sweep9 -f $f --threads 2 >"$T/t2.$f"
	cmp -s "$T/t1.$f" "$T/t2.$f"
	ok $? "$f: --threads 1 and 2 write the same bytes"
	sweep9 -f $f --shard 1/2 >"$T/s1.$f"
	sweep9 -f $f --shard 2/2 >"$T/s2.$f"
	"$DCPLAN" merge "$T/s2.$f" "$T/s1.$f" >"$T/m.$f"
	ok $? "$f: merge runs"
	cmp -s "$T/t1.$f" "$T/m.$f"
	ok $? "$f: shards 1/2 and 2/2 merged equal the unsharded run byte for byte"
	for k in 1 2 3 4; do
		sweep9 -f $f --shard $k/4 >"$T/q$k.$f"
	done
	"$DCPLAN" merge "$T/q3.$f" "$T/q1.$f" "$T/q4.$f" "$T/q2.$f" >"$T/m4.$f"
	cmp -s "$T/t1.$f" "$T/m4.$f"
	ok $? "$f: four shards merged equal it too"
	run "$DCPLAN" merge "$T/s1.$f"
	is "$rc" 3 "$f: a missing shard: exit 3"
	is "$(cat "$T/err")" "dcplan: case 2 of 9 is missing: give every shard" \
	    "$f: a missing shard: the message"
	run "$DCPLAN" merge "$T/s1.$f" "$T/s2.$f" "$T/s1.$f"
	is "$rc" 3 "$f: a shard given twice: exit 3"
	is "$(cat "$T/err")" "dcplan: case 1 is in two shards: a shard given twice?" \
	    "$f: a shard given twice: the message"
done
run "$DCPLAN" merge -f json "$T/s1.csv" "$T/s2.csv"
is "$rc" 2 "merge writes the shards' format: -f json on CSV shards is exit 2"
# a dcplan.sweep/1 shard (an older dcplan's: its JSON names the schema, its
# CSV header has water_gal_per_day) among dcplan.sweep/2 shards is refused,
# naming both; shards all of /1 still merge as they are
sed 's|"dcplan.sweep/2"|"dcplan.sweep/1"|' "$T/s2.json" >"$T/old2.json"
run "$DCPLAN" merge "$T/s1.json" "$T/old2.json"
is "$rc" 3 "json: a sweep/1 shard among sweep/2 shards: exit 3"
is "$(cat "$T/err")" "dcplan: $T/old2.json is a dcplan.sweep/1 shard, but $T/s1.json is dcplan.sweep/2: the shards of one sweep come from one dcplan (run the older shards again)" \
    "json: the message names both versions"
is "$(cat "$T/out")" "" "json: nothing written"
sed '1s/,water_m3_per_day,/,water_m3_per_day,water_gal_per_day,/' "$T/s1.csv" >"$T/old1.csv"
sed '1s/,water_m3_per_day,/,water_m3_per_day,water_gal_per_day,/' "$T/s2.csv" >"$T/old2.csv"
run "$DCPLAN" merge "$T/old1.csv" "$T/s2.csv"
is "$rc" 3 "csv: a sweep/1 shard among sweep/2 shards: exit 3"
is "$(cat "$T/err")" "dcplan: $T/s2.csv is a dcplan.sweep/2 shard, but $T/old1.csv is dcplan.sweep/1: the shards of one sweep come from one dcplan (run the older shards again)" \
    "csv: the message names both versions"
"$DCPLAN" merge "$T/old2.csv" "$T/old1.csv" >"$T/old.csv"
ok $? "csv: sweep/1 shards together merge"
sed '1s/,water_m3_per_day,/,water_m3_per_day,water_gal_per_day,/' "$T/t1.csv" |
    cmp -s - "$T/old.csv"
ok $? "csv: into their own rows, as they are"
sed 's|"dcplan.sweep/2"|"dcplan.sweep/3"|' "$T/s1.json" >"$T/new1.json"
sed 's|"dcplan.sweep/2"|"dcplan.sweep/3"|' "$T/s2.json" >"$T/new2.json"
run "$DCPLAN" merge "$T/new1.json" "$T/new2.json"
is "$rc:$(cat "$T/err")" "3:dcplan: $T/new1.json is a dcplan.sweep/3 shard, newer than this dcplan's dcplan.sweep/2" \
    "json: a newer major version is refused"

# 2b. the cases' sites are built on the pool too, sharing the equipment
# library under a lock: cases that load model files no other case named (and
# one that names a model that does not exist) give the same bytes at 1, 2 and
# 4 threads, shared or --fresh
MEM=$top_srcdir/examples/colossus-memphis.yaml
models_sweep()
{
	"$DCPLAN" sweep "$MEM" -f csv "$@" \
	    --vary "cooling.chillers[0].model=ashrae901-2022-wc-centrifugal,york-yk-4396kw-vanes,trane-cvhf-4610kw-vanes,carrier-19ex-4667kw-vanes,york-yk-2771kw-vsd,no-such-chiller" \
	    --vary "power.generators[1].model=smt-130,titan-130" \
	    --vary "power.generators[1].count=3,7"
}
models_sweep --threads 1 >"$T/mod1" 2>"$T/mod1.err"
is "$?" 3 "models: one unknown model, exit 3"
is "$(cat "$T/mod1.err")" "" "models: nothing on stderr"
is "$(grep -c "unknown chiller model 'no-such-chiller'" "$T/mod1")" 4 \
    "models: the 4 cases of the unknown model are rows that say so"
is "$(grep -c ',INVALID,' "$T/mod1")" 4 \
    "models: every other case runs (chillers whose staging is not monotone on cold days)"
for t in 2 4; do
	models_sweep --threads $t >"$T/mod$t" 2>/dev/null
	cmp -s "$T/mod1" "$T/mod$t"
	ok $? "models: --threads 1 and $t write the same bytes"
done
models_sweep --threads 2 --fresh >"$T/modf" 2>/dev/null
cmp -s "$T/mod1" "$T/modf"
ok $? "models: --fresh at 2 threads, the same bytes"

# 3. the GNU parallel recipe of dcplan(1)
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite -j 2 "$DCPLAN" sweep "$S" \
	    --vary "'$CAP=0.8 MW,1 MW,1.5 MW'" --vary "'$GPUS=800,1280,1600'" \
	    -f csv --shard {}/3 -o "$T/par{}.csv" ::: 1 2 3 &&
	    "$DCPLAN" merge "$T/par1.csv" "$T/par2.csv" "$T/par3.csv" >"$T/par.csv"
	ok $? "the GNU parallel recipe runs"
	cmp -s "$T/t1.csv" "$T/par.csv"
	ok $? "the GNU parallel recipe's merged output equals the single run"
else
	skip "the GNU parallel recipe" "parallel is not installed"
	skip "the GNU parallel recipe's output" "parallel is not installed"
fi

# 4. an invalid case is a row with its message and exit class; exit 3
run "$DCPLAN" sweep "$S" --vary "$GPUS=0,800" -f csv
is "$rc" 3 "an invalid case: exit 3"
is "$(cat "$T/err")" "" "an invalid case: nothing on stderr"
like "$(sed -n 2p "$T/out")" \
    "INVALID,3,\"targets[0].gpus=0: 'gpus' must be between 1 and 100000000, not 0\"" \
    "the invalid case's row says why"
is "$(sed -n 3p "$T/out" | cut -d, -f5-6)" "FEASIBLE,0" "the next case runs"
run "$DCPLAN" sweep "$S" --vary "climate.source=epw" \
    --vary "climate.weather_file=nowhere.epw" --zip -f csv
is "$rc" 4 "a case whose weather file cannot be read: exit 4"
like "$(sed -n 2p "$T/out")" "ERROR,4," "its row: ERROR, exit class 4"
like "$(sed -n 2p "$T/out")" "nowhere.epw: cannot open" "its row names the file"

# 5. cases files: quoted fields, a blank line, an empty field keeps the site's
# value
run "$DCPLAN" sweep "$S" --cases "$SW/cases.csv" -f csv
is "$rc" 0 "a cases file runs"
is "$(cut -d, -f1-7 "$T/out" | sed 1d | tr '\n' ' ')" \
    "1,3,0.8 MW,0.8,800,800,FEASIBLE 2,3,1.5 MW,1.5,1600,1600,FEASIBLE 3,3,,,1280,1280,FEASIBLE " \
    "three cases; the empty field is the site's 1 MW"

# 6. ranges: quantities (the unit once or on every part), counts, dates, and
# binary rounding that does not lose the last value
vals()
{
	"$DCPLAN" sweep "$S" --vary "$1" -f json |
	    jq -r '[.rows[] | .[2]] | join(",")'
}
is "$(vals "$CAP=0.5:1.5:0.25 MW")" "0.5 MW,0.75 MW,1 MW,1.25 MW,1.5 MW" \
    "a quantity range A:B:STEP UNIT"
is "$(vals "$CAP=500 kW:1500 kW:500 kW")" "500 kW,1000 kW,1500 kW" \
    "a quantity range with the unit on every part"
is "$(vals "$GPUS=800:1600:400")" "800,1200,1600" "a count range"
is "$(vals "targets[0].by=2024-03-01:2024-03-15:7 d")" \
    "2024-03-01,2024-03-08,2024-03-15" "a date range"
is "$(vals "$CAP=0.7:1:0.1 MW")" "0.7 MW,0.8 MW,0.9 MW,1 MW" \
    "0.7:1:0.1 has its 4 values (floor((B-A)/STEP + 1e-9) + 1)"
is "$(vals "$CAP={capacity: 1 MW}")" "{capacity: 1 MW}" \
    "commas and colons inside braces do not split"

# 7. bad --vary arguments and cases files: before any case runs, at their column
bad()	# WANT-RC WANT-MESSAGE DESC ARGS...
{
	want_rc=$1 want=$2 desc=$3
	shift 3
	run "$DCPLAN" sweep "$S" "$@"
	is "$rc" "$want_rc" "$desc: exit $want_rc"
	is "$(cat "$T/err")" "$want" "$desc: the message"
	is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$desc: no output"
}
bad 3 "--vary:2:12: unknown key 'fedes' (did you mean 'feeds'?)" "unknown key" \
    --vary "$GPUS=800" --vary "power.grid.fedes[0].capacity=1 MW"
bad 3 "--vary:1:17: index 3 out of range (list has 1 item)" "index past the list" \
    --vary "power.grid.feeds[3].capacity=1 MW"
bad 3 "--vary:1:21: range A:B:STEP: the step must be above 0, not '0'" \
    "a zero step" --vary "$GPUS=1:5:0"
bad 3 "--vary:1:24: range A:B:STEP: one unit for all three parts, not 'MW' and 'kW' (write 50:150:25 MW)" \
    "two units in a range" --vary "$GPUS=1:5 MW:1 kW"
bad 3 "--vary:1:37: the step of a date range must be a whole number of days, not '36 h'" \
    "a date step of 36 h" --vary "targets[0].by=2024-03-01:2024-03-10:36 h"
bad 3 "--vary:2:1: --zip pairs the values: 3 of them here, 2 in --vary 1" \
    "--zip with unequal lists" --vary "$GPUS=1,2" --vary "$CAP=1 MW,2 MW,3 MW" --zip
bad 3 "--vary:3:1: more than the 1000000 cases a sweep may run (the product of the values of every --vary)" \
    "past the case limit" --vary "$GPUS=1:1000:1" --vary "$CAP=1:1000:1 kW" \
    --vary "targets[0].by=2024-01-01:2024-12-31:1 d"
bad 3 "--vary:2:1: 'targets[0].gpus' is varied twice (first at 1:1)" \
    "a path varied twice" --vary "$GPUS=1" --vary "$GPUS=2"
bad 3 "$SW/bad-fields.csv:3:1: case 2 has 1 field, the header 2" \
    "a cases file row short of fields" --cases "$SW/bad-fields.csv"
bad 3 "$SW/bad-quote.csv:3:8: a quote inside an unquoted field (quote the whole field)" \
    "a stray quote in a cases file" --cases "$SW/bad-quote.csv"
bad 3 "$SW/bad-key.csv:1:28: unknown key 'feedz' (did you mean 'feeds'?)" \
    "an unknown key in a cases file's header" --cases "$SW/bad-key.csv"
bad 4 "$SW/none.csv: cannot read: No such file or directory" \
    "a cases file that is not there" --cases "$SW/none.csv"
run "$DCPLAN" sweep "$S"
is "$rc" 2 "no --vary and no --cases: exit 2"
run "$DCPLAN" sweep "$S" --vary "$GPUS=1" --cases "$SW/cases.csv"
is "$rc" 2 "--vary and --cases: exit 2"
run "$DCPLAN" sweep "$S" --vary "$GPUS=1" --shard 3/2
is "$rc" 2 "--shard 3/2: exit 2"

# 8. text: the summary fits 80 columns
sweep9 >"$T/text"
ok $? "the text summary"
is "$(awk 'length > 80' "$T/text" | wc -l | tr -d ' ')" 0 "it fits 80 columns"
like "$(cat "$T/text")" "9 cases: 6 feasible, 3 infeasible, 0 invalid" "the counts"
is "$(sed -n '/most feasible/,/^$/p' "$T/text" | awk '$1 ~ /^[0-9]+$/ { print $1 }' |
    tr '\n' ' ')" "1 4 5 7 8 " "the five most feasible: the feasible cases first"

# 9. pictures (the data they show: tests/unit/t-sweep-plot.c): valid files of
# the size asked for; bad picture options are usage errors with nothing written
run sweep9 -f csv -o "$T/p.csv" --plot "$T/l.png" --plot-size 640x400
is "$rc" 0 "--plot lines.png: exit 0"
is "$(png_size "$T/l.png")" 640x400 "a PNG of 640 x 400"
run sweep9 -f csv -o "$T/p.csv" --plot "$T/v.svg" --plot-kind verdict \
    --plot-size 800x500
is "$(svg_size "$T/v.svg")" 800x500 "the verdict map: an SVG of 800 x 500"
grep -q '</svg>' "$T/v.svg"
ok $? "the SVG is whole"
run sweep9 -f csv -o "$T/p.csv" --plot "$T/l.pdf" --plot-y t1_shortfall_gpus
is "$(pdf_size "$T/l.pdf")" 1200x700 "--plot-y t1_shortfall_gpus: a PDF of the default 1200 x 700"
cmp -s "$T/p.csv" "$T/t1.csv"
ok $? "the rows are the same with a picture"
rm -f "$T/p.csv"
run sweep9 -f csv -o "$T/p.csv" --plot "$T/x.png" --plot-y verdict
is "$rc" 2 "--plot-y of a text column: exit 2"
is "$(cat "$T/err")" "dcplan: --plot: --plot-y 'verdict': not a number column" \
    "--plot-y of a text column: the message"
test ! -e "$T/p.csv" && test ! -e "$T/x.png"
ok $? "--plot-y of a text column: nothing written"
run "$DCPLAN" sweep "$S" --vary "$GPUS=800,1600" --plot "$T/x.png" --plot-kind verdict
is "$rc" 2 "the verdict map of one input: exit 2"
run "$DCPLAN" sweep "$S" --vary "$GPUS=800,1600" --plot-y pue
is "$rc" 2 "--plot-y without --plot: exit 2"

# 10. costs (issue 16): with prices every cost column is plan's; without, null
E=$DATA/sites/econ-tl.yaml
"$DCPLAN" sweep "$E" --vary "$CAP=1 MW,2 MW" -f json >"$T/ec.json"
ok $? "a priced sweep runs"
jq -r '.columns as $c | .rows[] | [$c, .] | transpose | map({(.[0]): .[1]}) |
    add | [.currency, .cost_energy, .cost_demand, .cost_fixed, .cost_water,
    .cost_total, .cost_delay, .cost_total_with_delay, .cost_per_gpu_hour] |
    map(tostring) | join(" ")' "$T/ec.json" >"$T/got"
: >"$T/want"
for c in "1 MW" "2 MW"; do
	"$DCPLAN" -f json plan "$E" --set "$CAP=$c" >"$T/p.json" 2>/dev/null
	jq -r '.costs | [.delay.units[2], .energy, .demand, .fixed, .water, .total,
	    ([.delay.rows[] | .[2]] | add), (.total + ([.delay.rows[] | .[2]] | add)),
	    .per_gpu_hour] | map(tostring) | join(" ")' "$T/p.json" >>"$T/want"
done
cmp -s "$T/got" "$T/want"
st=$?
ok $st "the cost columns equal plan's costs (total, categories, delay)"
[ $st -eq 0 ] || diag "$(diff "$T/want" "$T/got")"
is "$(jq -r '[.rows[0][(.columns | index("cost_total"))]] | map(tostring) |
    join("")' "$T/sw.json")" "null" "no prices: cost_total is null"

done_testing
