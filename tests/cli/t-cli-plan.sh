#!/bin/sh
# t-cli-plan.sh - "dcplan plan": the verdict and its exit code, the wording of a met and
# a missed target (what binds, the shortfall in GPUs, days late or not met, the fix),
# the verdict in every format, generator permits, and Colossus, Memphis with and
# without its generators.  The hand-built tl-*.yaml sites (tests/data/sites) draw
# exactly 750 W a GPU at the feed at any weather; their headers work out the figures.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
SUP=$DATA/sites/tl-supply.yaml
COOL=$DATA/sites/tl-cooling.yaml
STEP=$DATA/sites/tl-step.yaml
GEN=$DATA/sites/tl-gen.yaml
MEM=$top_srcdir/examples/colossus-memphis.yaml

# line PATTERN: the first line of $T/out holding the fixed string PATTERN, from it on
line()
{
	awk -v p="$1" 'i = index($0, p) { print substr($0, i); exit }' "$T/out"
}

# csv_val SECTION KEY: the value of a plan CSV record (quoted values unquoted)
csv_val()
{
	tr -d '\r' <"$T/out" | awk -v s="$1" -v k="$2" '
	index($0, s ",," k ",") == 1 {
		v = substr($0, length(s) + length(k) + 4)
		if (substr(v, 1, 1) == "\"") {
			v = substr(v, 2)
			sub(/",[^,]*$/, "", v)
			gsub(/""/, "\"", v)
		} else
			sub(/,[^,]*$/, "", v)
		print v
		exit
	}'
}

# tv ROW COLUMN: a field of the targets table (targets.detail) in plan CSV
tv()
{
	tr -d '\r' <"$T/out" | awk -v p="targets,$1,detail.$2," '
	index($0, p) == 1 {
		v = substr($0, length(p) + 1)
		if (substr(v, 1, 1) == "\"") {
			v = substr(v, 2)
			sub(/",[^,]*$/, "", v)
			gsub(/""/, "\"", v)
		} else
			sub(/,[^,]*$/, "", v)
		print v
		exit
	}'
}

# verdict_is WANT: text, CSV and JSON all give the verdict WANT and the same exit code
# (0 for FEASIBLE, 1 for INFEASIBLE); the site and options follow
verdict_is()
{
	want=$1 desc=$2
	shift 2
	case $want in
	FEASIBLE) want_rc=0 ;;
	*) want_rc=1 ;;
	esac
	run "$DCPLAN" plan "$@"
	is "$rc:$(awk '$1 == "verdict" { print $2 }' "$T/out")" "$want_rc:$want" \
	    "$desc: exit $want_rc, text verdict $want"
	cp "$T/out" "$T/plan.text"
	run "$DCPLAN" plan -f csv "$@"
	is "$rc:$(csv_val verdict status)" "$want_rc:$want" "$desc: csv verdict $want"
	case $want in FEASIBLE) b=true ;; *) b=false ;; esac
	is "$(csv_val verdict feasible)" $b "$desc: csv feasible $b"
	run "$DCPLAN" plan -f json "$@"
	is "$(jq -r '[.verdict.status, .verdict.feasible] | join(" ")' "$T/out")" "$want $b" \
	    "$desc: json verdict $want, feasible $b"
	is "$rc" "$want_rc" "$desc: json exit $want_rc"
	cp "$T/plan.text" "$T/out"
}

# --- tl-step: FEASIBLE ---
# 1 MW steps to 1.5 MW on 2024-03-06, the day all 1920 GPUs are online; 1.44 MW then
# and ever after.  Target 1920 GPUs by 2024-03-07: met on 03-06.
verdict_is FEASIBLE "tl-step" "$STEP"
# the title names the site and file; a path too long for 80 columns keeps its name
want="tl feed step: plan for $STEP"
[ ${#want} -gt 80 ] && want="tl feed step: plan for .../${STEP##*/}"
is "$(head -1 "$T/out")" "$want" "tl-step: the title names the site and file"
like "$(line "all-racks")" "OK 1920 GPUs by 2024-03-07: met on 2024-03-06 (1 day" \
    "tl-step: the target is met a day early"
run_csv "$DCPLAN" plan -f csv "$STEP"
# its window: from full deployment (03-06; the target is dated later, 03-07) one
# year on: 2024-03-07 + 364 days = 2025-03-06
is "$(tv 1 message)" \
    "1920 GPUs by 2024-03-07: met on 2024-03-06 (1 day early) and held through 2025-03-06." \
    "tl-step: met a day early, held through the horizon ('1 day', singular)"
cp "$T/plan.text" "$T/out" 2>/dev/null || true
run "$DCPLAN" plan "$STEP"
grep -q "INFEASIBLE" "$T/out"
ok $((!$?)) "tl-step: INFEASIBLE appears nowhere"
# design capacity: equipment of 2024-03-16: 1.5 MW -> 2000 GPUs > 1920 installed
run_csv "$DCPLAN" plan -f csv "$STEP"
is "$(csv_val design gpus_installed):$(csv_val design gpus_runnable):$(csv_val design binding)" \
    "1920:1920:installed" "tl-step: at design conditions all 1920 can run"
is "$(csv_val operation supply_ok)" true "tl-step: the first year carries the fleet"
# the verdict on standard error with -o, unless -q
run "$DCPLAN" plan -o "$T/plan.txt" "$STEP"
is "$rc:$(cat "$T/err")" "0:tl feed step: FEASIBLE" "-o FILE: the verdict line on standard error"
run "$DCPLAN" plan -q -o "$T/plan.txt" "$STEP"
is "$rc:$(cat "$T/err")" "0:" "-q -o FILE: nothing on standard error"
run "$DCPLAN" plan -f csv -o "$T/plan.csv" "$STEP"
is "$rc:$(cat "$T/err")" "0:" "-f csv -o FILE: nothing on standard error"
run "$DCPLAN" plan -o "$T/plan.txt" --set 'targets[0].by=2024-03-05' "$STEP"
is "$rc:$(cat "$T/err")" "1:tl feed step: INFEASIBLE" "-o FILE: INFEASIBLE on standard error, exit 1"
is "$(awk '$1 == "verdict" { print $2 }' "$T/plan.txt")" INFEASIBLE "-o FILE: the file has the verdict"

# --- a supply-bound target met late ---
# 1600 GPUs by 2024-03-05: 1333 run that day (1e6 / 750), 267 short; met on 03-06
# when the feed steps up.  Supply wanted: 1600 x 750 W - 1 MW = 0.2 MW.  The first
# year is fine, so the target alone makes the plan INFEASIBLE.
set -- --set 'targets[0]={name: most, gpus: 1600, by: 2024-03-05}' "$STEP"
verdict_is INFEASIBLE "tl-step, 1600 by 03-05" "$@"
run_csv "$DCPLAN" plan -f csv "$@"
like "$(tv 1 message)" \
    "1600 GPUs by 2024-03-05: on 2024-03-05 at the hottest hour (" \
    "1600 by 03-05: one sentence: the date, the condition"
like "$(tv 1 message)" \
    "the firm supply binds, so 1333 GPUs can run, 267 short; it fails on 1 day of its window." \
    "1600 by 03-05: what can run, the shortfall, supply binds"
is "$(tv 1 met_message)" "met on 2024-03-06 (1 day late), held from then through 2025-03-05." \
    "1600 by 03-05: met a day later ('1 day late', singular), sustained"
like "$(tv 1 fix_message)" "fix: add 200 kW of firm supply in service by 2024-03-05 (" \
    "1600 by 03-05: fix 1600 x 750 W - 1 MW = 200 kW by the date"
like "$(tv 1 fix_message)" "grid +200 kW; or move the date to 2024-03-06." \
    "1600 by 03-05: as grid, or the date it is met"
is "$(csv_val operation supply_ok)" true "1600 by 03-05: the first year itself is fine"

# The step two days later (2024-03-08) and all 1920 by 2024-03-06: 1333 run, 587
# short; met on 03-08, 2 days late; 1920 x 750 W - 1 MW = 0.44 MW -> +440 kW (kW below a megawatt).
set -- --set 'power.grid.feeds[0].steps[0].date=2024-03-08' \
    --set 'targets[0].by=2024-03-06' "$STEP"
verdict_is INFEASIBLE "step on 03-08, 1920 by 03-06" "$@"
run_csv "$DCPLAN" plan -f csv "$@"
like "$(tv 1 message)" "so 1333 GPUs can run, 587 short; it fails on 2 days" \
    "step on 03-08: 587 GPUs short on 03-06 and 03-07"
like "$(tv 1 message)" "the firm supply binds" "step on 03-08: supply binds"
like "$(tv 1 met_message)" "met on 2024-03-08 (2 days late)" "step on 03-08: 2 days late"
like "$(tv 1 fix_message)" "add 440 kW of firm supply in service by 2024-03-06" \
    "step on 03-08: 1920 x 750 W - 1 MW = 440 kW by 2024-03-06"
# typed fields in CSV and JSON
is "$(tr -d '\r' <"$T/out" | grep '^targets,1,detail.supply_to_add_mw,' | cut -d, -f4)" \
    0.44 "step on 03-08 csv: supply_to_add_mw 0.44 as a number"
is "$(tr -d '\r' <"$T/out" | grep '^targets,1,detail.shortfall_gpus,' | cut -d, -f4)" \
    587 "step on 03-08 csv: shortfall_gpus 587"
is "$(tr -d '\r' <"$T/out" | grep '^targets,1,detail.fix_date,' | cut -d, -f4)" \
    2024-03-08 "step on 03-08 csv: fix_date"
run "$DCPLAN" plan -f json "$@"
like "$(cat "$T/out")" "add 440 kW of firm supply in service by 2024-03-06" "step on 03-08 json: the fix"
# a table is {columns, units, rows}: runnable_gpus, shortfall_gpus, binding in a row
like "$(tr -d '[:space:]' <"$T/out")" '"runnable_gpus","shortfall_gpus","binding",' \
    "step on 03-08 json: the detail columns"
like "$(tr -d '[:space:]' <"$T/out")" ',1333,587,"supply",' \
    "step on 03-08 json: the shortfall, a number, and the binding constraint"

# --- not met at all: tl-supply (1 MW for good) ---
# Its own target (1280 by 03-05) is met on 03-04; add all 1920 by 03-06: 1333 run
# for ever, 587 short, +0.44 MW.  And the first year is short by 1.44 - 1.00 MW.
set -- --set 'targets[1]={name: all, gpus: 1920, by: 2024-03-06}' "$SUP"
verdict_is INFEASIBLE "tl-supply, 1920 by 03-06" "$@"
run_csv "$DCPLAN" plan -f csv "$@"
like "$(tv 1 message)" "1280 GPUs by 2024-03-05: met on 2024-03-04 (1 day early)" \
    "tl-supply: the first target is met"
like "$(tv 2 message)" \
    "the firm supply binds, so 1333 GPUs can run, 587 short; it fails on 365 days of its window." \
    "tl-supply: 1920 by 03-06 fails every day of its year, supply binds"
is "$(tv 2 met_message)" "not met within 730 days of full deployment." \
    "tl-supply: not met within 730 days"
like "$(tv 2 fix_message)" "grid +440 kW." \
    "tl-supply: +440 kW, and no date to move to"
# the design capacity is what 'dcplan capacity' gives for the same equipment
run_csv "$DCPLAN" plan -f csv "$SUP"
is "$(csv_val design gpus_runnable):$(csv_val design binding)" "1333:supply" \
    "tl-supply: design capacity 1333, supply"
d=$(csv_val design date)
"$DCPLAN" capacity -f csv --date "$d" "$SUP" | tr -d '\r' >"$T/cap.csv"
is "$(awk -F, '$1 == "constraints" && $3 == "max_gpus" { print $4 }' "$T/cap.csv")" 1333 \
    "tl-supply: capacity --date $d agrees"
# its own target is met; the finished site cannot carry all 1920 GPUs (1.44 MW on
# 1 MW), but the first year runs the target's 1280 (0.96 MW): the 20 spare racks
# stay off, and the plan is FEASIBLE
verdict_is FEASIBLE "tl-supply as it is" "$SUP"
run_csv "$DCPLAN" plan -f csv "$SUP"
is "$(csv_val operation supply_message)" \
    "the supply carries 1280 GPUs (the largest target) every hour from 2024-03-06 to 2025-03-05." \
    "tl-supply: the first year judges the target's 1280 GPUs, not the 1920 on site"
is "$(csv_val operation gpus)" 1280 "tl-supply: the first year runs 1280 GPUs (a field)"
# all 1920 as the target: the first year then falls 1.44 - 1.00 MW short
run_csv "$DCPLAN" plan -f csv --set 'targets[0].gpus=1920' "$SUP"
like "$(csv_val operation supply_message)" "the supply falls short of 1920 GPUs (the largest target) for 8760 h" \
    "tl-supply, 1920 GPUs: the first year falls short every hour"
like "$(csv_val operation supply_message)" "by up to 440 kW" "tl-supply, 1920 GPUs: 1.44 - 1.00 MW short"

# --- cooling binds: tl-cooling ---
# 960 GPUs by 2024-03-03: 502 kW / 625 W = 803 run, 157 short, for ever.
verdict_is INFEASIBLE "tl-cooling" "$COOL"
run_csv "$DCPLAN" plan -f csv "$COOL"
like "$(tv 1 message)" "the cooling binds, so 803 GPUs can run, 157 short" \
    "tl-cooling: 157 GPUs short, cooling binds"
is "$(tv 1 met_message)" "not met within 730 days of full deployment." "tl-cooling: never met"
# 960 x 625 W = 600 kW of heat against 502 kW usable: 98 kW short; one more 502 kW
# chiller (its group is N+1: 3 units for 2 usable), and a tower cell with it
like "$(tv 1 fix_message)" "add 98 kW of chiller capacity by 2024-03-03" \
    "tl-cooling: 600 - 502 = 98 kW of chillers"
like "$(tv 1 fix_message)" "+1 x tl-flat-cop5-small (502 kW each there), 2 with N+1" \
    "tl-cooling: one chiller of the site's model, 2 with N+1"
is "$(csv_val design gpus_runnable):$(csv_val design binding)" "803:cooling" \
    "tl-cooling: design capacity 803, cooling"
is "$(csv_val operation cooling_ok)" false "tl-cooling: the first year has unmet cooling"

# --- deployment binds: too few racks online by the date ---
# all 1920 by 2024-03-03 on tl-step: 30 racks (960 GPUs) online; met on 03-06.
# 960 GPUs short at 32 GPUs a rack = 30 racks.
set -- --set 'targets[0].by=2024-03-03' "$STEP"
verdict_is INFEASIBLE "tl-step, 1920 by 03-03" "$@"
run_csv "$DCPLAN" plan -f csv "$@"
is "$(tv 1 message)" \
    "1920 GPUs by 2024-03-03: on 2024-03-03 only 960 GPUs are online, 960 short; it fails on 3 days of its window." \
    "1920 by 03-03: deployment binds"
like "$(tv 1 met_message)" "met on 2024-03-06 (3 days late)" "1920 by 03-03: 3 days late"
like "$(tv 1 fix_message)" "fix: have 960 more GPUs (30 racks) online by 2024-03-03;" \
    "1920 by 03-03: 960 GPUs / 32 a rack = 30 racks"
like "$(tv 1 fix_message)" "or move the date to 2024-03-06." "1920 by 03-03: or the date"
# more GPUs than the site will ever have: invalid input, where the count is
for cmd in check plan; do
	run "$DCPLAN" $cmd --set 'targets[0].gpus=5000' "$STEP"
	is "$rc" 3 "$cmd: 5000 GPUs of 1920: exit 3"
	like "$(cat "$T/err")" "--set:1:17: target 'all-racks' asks for 5000 GPUs, more than the 1920 the site deploys" \
	    "$cmd: 5000 GPUs of 1920: file:line:col and why"
	is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$cmd: 5000 GPUs of 1920: no output"
done
sed 's/gpus: 1920 *#.*/gpus: 1921/; s/gpus: 1920$/gpus: 1921/' "$STEP" >"$T/over.yaml"
run "$DCPLAN" plan "$T/over.yaml"
like "$rc:$(cat "$T/err")" "3:$T/over.yaml:" "one GPU above the fleet in the file: exit 3, file:line:col"

# --- generators: tl-gen ---
# 1 MW of grid; 0.4 MW of generators from 03-08, 0.2 MW more on 03-10 and 03-11.
# Target 1920 by 03-10: met on that very day.  The first year is short (1.4 MW from
# 03-12), so the plan is INFEASIBLE all the same.
verdict_is INFEASIBLE "tl-gen" "$GEN"
# 1920 GPUs can run on 03-10 and 03-11 only: the rental leaves on 03-12, and the
# count falls back to 1866.  A day that holds for two days is not "met".
run_csv "$DCPLAN" plan -f csv "$GEN"
like "$(tv 1 message)" "1920 GPUs by 2024-03-10: on 2024-03-12 at the hottest hour" \
    "tl-gen: the target fails on 03-12, when the rental leaves"
like "$(tv 1 message)" "so 1866 GPUs can run, 54 short" \
    "tl-gen: 1.4e6 / 750 = 1866 run, 54 short"
is "$(tv 1 met_message)" "not met within 730 days of full deployment." \
    "tl-gen: met for two days is not met"
# 1920 x 750 W - 1.4 MW = 40 kW: a figure that rounds to 0.0 MW must not be the advice
like "$(tv 1 fix_message)" "grid +40 kW, or +1 x tl-genset-250kw (200 kW each at" \
    "tl-gen: +40 kW of grid, or one 200 kW genset (80 % of 250 kW), 2 with N+1"
run "$DCPLAN" plan --set 'targets[0].by=2024-03-09' "$GEN"
is "$rc" 1 "tl-gen, 1920 by 03-09: exit 1"

# 1.5 MW of grid carries the fleet (1.44 MW) alone: FEASIBLE, the generators idle
# under grid-first dispatch.
set -- --set 'power.grid.feeds[0].capacity=1.5MW' "$GEN"
verdict_is FEASIBLE "tl-gen on 1.5 MW of grid" "$@"
run_csv "$DCPLAN" plan -f csv "$@"
like "$(tv 1 message)" "1920 GPUs by 2024-03-10: met on 2024-03-06 (4 days early)" \
    "tl-gen on 1.5 MW: met on 03-06"
run "$DCPLAN" plan "$@"
like "$(line "gensets")" "OK (firm): 0 h per unit (no limit given) (never" "tl-gen on 1.5 MW: the gensets never run"

# A NOx permit: the gensets as base load (generators-base) run 2 units x 200 kW every
# hour from 2024-03-08 to the end of the first year, 2025-03-09 (367 days; the year
# runs from the target's date, 03-10): 367 x 24 h x 0.4 MW = 3523.2 MWh; at 1 kg/MWh
# that is 3.52 t of NOx against a 1 t permit: EXCEEDED, INFEASIBLE.
set -- --set 'power.grid.feeds[0].capacity=1.5MW' --set 'power.dispatch.policy=generators-base' \
    --set 'power.generators[0].role=base' --set 'power.generators[0].model.nox_factor=1 kg/MWh' \
    --set 'power.generators[0].max_nox=1 t' "$GEN"
verdict_is INFEASIBLE "NOx permit" "$@"
like "$(line "gensets")" "EXCEEDED" "NOx permit: the gensets' permit is EXCEEDED"
like "$(line "rental")" "OK" "NOx permit: the rental's is OK"
run_csv "$DCPLAN" plan -f csv "$@"
is_abs "$(csv_val year nox_t)" 3.5232 1e-9 "NOx permit: 3523.2 MWh x 1 kg/MWh = 3.5232 t"
is "$(tv 1 ok)" true "NOx permit: the target is still met"

# An hour permit kept in each calendar year: 4000 h a unit, 3 units rotating = 12000
# unit-hours a year.  2 units run as base load: 2024-03-08..12-31 has 7176 h, so the
# budget (6000 h of 2 units) runs out; 2025-01-01..03-05 is 1536 h, 3072 unit-hours.
# No calendar year is over 4000 h a unit, so the permit is kept.
set -- --set 'power.grid.feeds[0].capacity=1.5MW' --set 'power.dispatch.policy=generators-base' \
    --set 'power.generators[0].role=base' --set 'power.generators[0].max_hours=4000 h' "$GEN"
run "$DCPLAN" plan "$@"
like "$(line "gensets")" "OK" "hour permit kept in each calendar year: OK"

# A generator group that leaves no unit usable should be rejected, as a chiller
# group is ("N units leave none usable under R redundancy").
run "$DCPLAN" check --set 'power.generators[1].redundancy=N+1' "$GEN"
is "$rc" 3 "1 generator at N+1 (none usable): invalid, exit 3"

# --- no targets ---
run_csv "$DCPLAN" plan -f csv --set 'targets=[]' --set 'power.grid.feeds[0].capacity=1.5MW' "$SUP"
is "$rc:$(grep -c '^targets,1,' "$T/out"):$(csv_val verdict status)" "0:0:FEASIBLE" \
    "no targets and enough supply: FEASIBLE"

# --- deterministic ---
run "$DCPLAN" plan -f csv "$GEN"
cp "$T/out" "$T/gen1.csv"
run "$DCPLAN" plan -f csv "$GEN"
cmp_files "$T/out" "$T/gen1.csv" "tl-gen: two runs are byte-identical"

# --- Colossus, Memphis ---
if [ -f "$MEM" ]; then
	# On the servers' expected draw (8.4 of 10.2 kW, Latif et al.) the supply of
	# 2 Sep 2024 - 50 MW of grid, 14 x 2.5 MW mobile units and 5 SMT-130 - carries
	# the whole fleet, as reported ("all 100k H100 online", 2 Sep 2024).
	verdict_is FEASIBLE "memphis" "$MEM"
	run_csv "$DCPLAN" plan -f csv "$MEM"
	like "$(tv 1 message)" "512 GPUs by 2024-07-22: met on" \
	    "memphis: the first training job is met"
	like "$(tv 2 message)" "100000 GPUs by 2024-09-02: met on 2024-08-30" \
	    "memphis: all-100k-online met on the expected draw (2024-08-30)"
	with=100032
	is "$(csv_val design binding)" installed \
	    "memphis: at design conditions the installed fleet binds, nothing else"
	# on the nameplate (10.2 kW a server) the same supply falls short on 2 Sep
	verdict_is INFEASIBLE "memphis nameplate" --set it.workload.power=nameplate "$MEM"
	run_csv "$DCPLAN" plan -f csv --set it.workload.power=nameplate "$MEM"
	l=$(tv 2 message)
	like "$l" "100000 GPUs by 2024-09-02: on 2024-09-02 at the hottest hour" \
	    "memphis nameplate: all-100k-online fails on its date"
	like "$l" "the firm supply binds" "memphis nameplate: supply binds"
	like "$(tv 2 fix_message)" " MW of firm supply in service by 2024-09-02" \
	    "memphis nameplate: the fix is firm supply in MW"
	like "$(tv 2 fix_message)" "x smt-130 (" \
	    "memphis nameplate: ... or a count of SMT-130s"
	nameplate=$(echo "$l" | sed -n 's/.* so \([0-9]*\) GPUs can run.*/\1/p')
	[ -n "$nameplate" ] && [ "$nameplate" -lt "$with" ]
	ok $? "memphis: fewer GPUs run on the nameplate ($nameplate < $with)"
	is "$(csv_val design binding)" supply "memphis nameplate: supply binds at design conditions"

	# a 650 W cap on the nameplate basis (on the expected draw the GPUs stay below
	# 600 W): every day's hottest hour carries the 100,000 GPUs, the design
	# conditions (evaporation 0.4 %: 32.8 degC, 26.8 degC wet-bulb) do not
	verdict_is INFEASIBLE "memphis 650 W" --set it.workload.power=nameplate \
	    --set it.workload.gpu_power_cap=650W "$MEM"
	run_csv "$DCPLAN" plan -f csv --set it.workload.power=nameplate \
	    --set it.workload.gpu_power_cap=650W "$MEM"
	like "$(tv 2 message)" "at the design condition evaporation 0.4 % (32.8 degC" \
	    "memphis 650 W: a design-condition shortfall makes the plan INFEASIBLE"
	is "$(tr -d '\r' <"$T/out" | grep '^targets,2,detail.reason,' | cut -d, -f4)" \
	    "design_condition" "memphis 650 W: reason 'design_condition' as a field"

	# grid only: --set 'power.generators=[]' against a copy without the section
	# (the copy reads the example's weather file by its absolute path)
	wx=$(cd "$top_srcdir/examples/weather" && pwd)
	sed -e '/^  generators:/,/^  batteries:/{/^  batteries:/!d;}' \
	    -e "s|weather_file: weather/|weather_file: $wx/|" "$MEM" >"$T/nogen.yaml"
	grep -q 'smt-130\|mobile-gas' "$T/nogen.yaml"
	ok $((!$?)) "memphis copy: the generators are gone"
	run "$DCPLAN" check -q "$T/nogen.yaml"
	is "$rc" 0 "memphis copy without generators: valid"
	verdict_is INFEASIBLE "memphis grid only" --set 'power.generators=[]' "$MEM"
	run_csv "$DCPLAN" plan -f csv --set 'power.generators=[]' "$MEM"
	l=$(tv 2 message)
	like "$l" "the firm supply binds" "memphis grid only: supply binds"
	without=$(echo "$l" | sed -n 's/.* so \([0-9]*\) GPUs can run.*/\1/p')
	run "$DCPLAN" plan --set 'power.generators=[]' "$MEM"
	[ -n "$with" ] && [ -n "$without" ] && [ "$without" -lt "$with" ]
	ok $? "memphis grid only: fewer GPUs run on 2024-09-02 ($without < $with)"
	like "$(cat "$T/out")" "none on site" "memphis grid only: no generators"
	for f in text csv json; do
		# the text title names the file; CSV and JSON have no title
		from=1
		[ $f = text ] && from=2
		# JSON's "dcplan" head says which file and overrides: the rest must agree
		run "$DCPLAN" plan -f $f --set 'power.generators=[]' "$MEM"
		rc1=$rc
		tail -n +$from "$T/out" | awk '/^\t"dcplan":/ { skip = 1 } !skip; /^\t},/ { skip = 0 }' \
		    >"$T/a.$f"
		run "$DCPLAN" plan -f $f "$T/nogen.yaml"
		tail -n +$from "$T/out" | awk '/^\t"dcplan":/ { skip = 1 } !skip; /^\t},/ { skip = 0 }' \
		    >"$T/b.$f"
		is "$rc1:$rc" "1:1" "memphis grid only -f $f: exit 1 both ways"
		cmp_files "$T/a.$f" "$T/b.$f" \
		    "memphis grid only -f $f: --set generators=[] = the file without them"
	done
	is "$(head -1 "$T/plan.text" 2>/dev/null | sed 's/: plan for .*//')" \
	    "xAI Colossus, Memphis TN" "memphis: the title line names the site"
else
	skip "memphis plan" "no examples/colossus-memphis.yaml"
fi

done_testing
