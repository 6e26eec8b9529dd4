#!/bin/sh
# t-cli-set.sh - "--set PATH=VALUE" overrides: they change the result, append to
# lists, take YAML flow values, and report their own errors as --set:N:COL.
. "${top_srcdir:-.}/tests/cli/lib.sh"

M=$DATA/sites/minimal.yaml
A=$DATA/sites/inline-anchors.yaml

# csv_val FILE SECTION ROW KEY: the value column of a `check --format csv` line
csv_val()
{
	awk -F, -v s="$2" -v r="$3" -v k="$4" \
	    '$1 == s && $2 == r && $3 == k { print $4; exit }' "$1"
}

# --- overrides change the result ---
run_csv "$DCPLAN" check -f csv "$M"
is "$(csv_val "$T/out" supply 1 by_date.grid_mw)" 2 "minimal: feed 2 MW"

run_csv "$DCPLAN" check -f csv --set 'power.grid.feeds[0].capacity=7 MW' "$M"
is "$rc" 0 "feed capacity override: exit 0"
is "$(csv_val "$T/out" supply 1 by_date.grid_mw)" 7 "feed capacity override: 7 MW shows"

# 100 racks x (8 x 10.2 kW + 0.4 kW) = 8.2 MW; 100 x 64 = 6400 GPUs
run_csv "$DCPLAN" check -f csv --set 'it.phases[0].racks=100' --set \
    'it.phases[0].delivery.rate=10 /d' "$M"
is "$rc" 0 "racks override: exit 0"
is "$(csv_val "$T/out" it "" gpus)" 6400 "racks override: 6400 GPUs"
is "$(csv_val "$T/out" it "" nameplate_mw)" 8.2 "racks override: 8.2 MW nameplate"
# 100 racks at 10 a day from 2024-07-01: the last lot on day 10, 2024-07-10
is "$(csv_val "$T/out" it 1 phases.last_delivery)" 2024-07-10 \
    "rate override: last delivery 2024-07-10"

# short and --set=VALUE forms; the later override of the same key wins
run_csv "$DCPLAN" check -f csv -s 'power.grid.feeds[0].capacity=3 MW' \
    --set='power.grid.feeds[0].capacity=4 MW' "$M"
is "$rc:$(csv_val "$T/out" supply 1 by_date.grid_mw)" "0:4" "-s then --set=: the last wins"

# a quoted YAML string with a colon
run_csv "$DCPLAN" check -f csv --set 'site.name="x: y"' "$M"
is "$(csv_val "$T/out" site "" name)" "x: y" "quoted string value"

# a key that is not in the file is created, with the maps on its way
run_csv "$DCPLAN" check -f csv --set 'cooling.chilled_water.supply_temp=7 degC' "$M"
is "$rc:$(csv_val "$T/out" cooling "" chw_supply_c)" "0:7" "new key: chilled water 7 degC"

# a unit other than the one the file uses
run_csv "$DCPLAN" check -f csv --set 'cooling.chillers[0].capacity=284.3 ton' "$M"
# 1 ton = 12,000 Btu/h = 3.516852842 kW (NIST SP 811, appendix B.8)
is_abs "$(csv_val "$T/out" cooling 1 chillers.unit_mw)" 0.9998412630 1e-9 \
    "capacity in tons: 284.3 ton x 3.516852842 kW = 0.9998412630 MW"

# --- appending: index == length ---
run_csv "$DCPLAN" check -f csv --set \
    'power.grid.feeds[1]={name: second, capacity: 3 MW, in_service: 2024-03-01}' "$M"
is "$rc" 0 "append a feed: exit 0"
is "$(csv_val "$T/out" supply 2 by_date.date)" 2024-03-01 "append a feed: a new date"
is "$(csv_val "$T/out" supply 2 by_date.grid_mw)" 5 "append a feed: 2 + 3 = 5 MW"

run_csv "$DCPLAN" check -f csv --set 'it.phases[1]={name: two, rack: supermicro-h100-lc-rack,
    racks: 3, delivery: {dates: [{date: 2024-09-01, racks: 3}]}}' "$M"
is "$rc" 0 "append a phase: exit 0"
is "$(csv_val "$T/out" it "" racks)" 5 "append a phase: 2 + 3 = 5 racks"
is "$(csv_val "$T/out" it 2 phases.name)" two "append a phase: named 'two'"

# --- overrides through anchors change only the path they name ---
run_csv "$DCPLAN" check -f csv --set 'it.phases[0].server.max_power=6 kW' "$A"
is "$rc" 0 "override an aliased inline server: exit 0"
# phase a: 3 racks x 10 x 6 kW = 0.18 MW; phase b keeps 2 x 10 x 3 kW = 0.06 MW
is "$(csv_val "$T/out" it 1 phases.nameplate_mw)" 0.18 "phase a uses the new server"
is "$(csv_val "$T/out" it 2 phases.nameplate_mw)" 0.06 "phase b keeps the aliased one"
run_csv "$DCPLAN" check -f csv --set 'it.phases[1].racks=4' \
    --set 'it.phases[1].delivery.rate=4 /d' "$A"
is "$(csv_val "$T/out" it 1 phases.racks):$(csv_val "$T/out" it 2 phases.racks)" "3:4" \
    "override a merged phase: the merge source keeps its racks"

# --- errors in overrides: --set:N:COL, exit 3 ---
check_err()	# DESC WANT-STDERR-LINE1 ARGS...
{
	desc=$1 want=$2
	shift 2
	run "$DCPLAN" check "$@"
	is "$rc" 3 "$desc: exit 3"
	is "$(head -1 "$T/err")" "$want" "$desc: diagnostic"
}

# a required key set to nothing by --set is reported at the --set argument
check_err "required key emptied" "--set:1:20: 'racks' has no value" \
    --set 'it.phases[0].racks=' "$M"
check_err "required key set to null" "--set:1:20: 'racks' has no value" \
    --set 'it.phases[0].racks=~' "$M"
check_err "index out of range" \
    "--set:1:17: index 3 out of range (list has 1 item)" \
    --set 'power.grid.feeds[3]={name: x, capacity: 3 MW}' "$M"
check_err "bad unit" \
    "--set:1:30: 'capacity': unknown unit 'MX' for power or apparent power (use W, kW, MW, GW, VA, kVA, MVA)" \
    --set 'power.grid.feeds[0].capacity=7 MX' "$M"
check_err "second override's ordinal" \
    "--set:2:30: 'capacity': unknown unit 'MX' for power or apparent power (use W, kW, MW, GW, VA, kVA, MVA)" \
    --set 'power.grid.feeds[0].capacity=3 MW' --set 'power.grid.feeds[0].capacity=4 MX' "$M"
check_err "unknown key" \
    "--set:1:21: unknown key 'capcity' (did you mean 'capacity'?)" \
    --set 'power.grid.feeds[0].capcity=7 MW' "$M"
# short words: one edit at most ('id' -> 'it'); two edits would turn any 2-letter
# word into any other ('ab' is not a misspelt 'it')
check_err "unknown 2-letter key, one edit" \
    "--set:1:1: unknown key 'id' (did you mean 'it'?)" --set 'id=1' "$M"
check_err "unknown 2-letter key, two edits" "--set:1:1: unknown key 'ab'" \
    --set 'ab=1' "$M"
check_err "unknown 3-letter key, two edits" "--set:1:1: unknown key 'xyt'" \
    --set 'xyt=1' "$M"
check_err "unknown model" \
    "--set:1:25: unknown tower model 'yorkcalc-generik' (did you mean 'yorkcalc-generic'?)" \
    --set 'cooling.towers[0].model=yorkcalc-generik' "$M"
check_err "empty key" "--set:1:7: empty key in path" --set 'power..grid=1' "$M"
check_err "trailing dot" "--set:1:7: empty key in path" --set 'power.=1' "$M"
check_err "bad index" "--set:1:17: expected a list index in '[N]'" \
    --set 'power.grid.feeds[x]=1' "$M"
check_err "unclosed index" "--set:1:17: expected a list index in '[N]'" \
    --set 'power.grid.feeds[0=1' "$M"
check_err "bad character" "--set:1:6: unexpected character '/' in path" \
    --set 'power/grid=1' "$M"
check_err "no '='" "--set:1:1: expected PATH=VALUE, not 'noequals'" --set noequals "$M"
check_err "empty path" "--set:1:1: empty path before '='" --set '=5' "$M"
check_err "index into a map" "--set:1:5: 'site' is not a list" --set 'site[0]=1' "$M"
check_err "key into a list" "--set:1:18: 'power.grid.feeds' is not a mapping" \
    --set 'power.grid.feeds.x=1' "$M"
check_err "key into a scalar" "--set:1:11: 'site.name' is not a mapping" \
    --set 'site.name.first=x' "$M"
check_err "map for a scalar" "--set:1:11: 'name' must be a scalar, not a mapping" \
    --set 'site.name={a: 1}' "$M"
check_err "YAML error in the value" \
    "--set:1:20: did not find expected ',' or ']' while parsing a flow sequence" \
    --set 'site.name=[unclosed' "$M"
check_err "unknown alias in the value" "--set:1:11: unknown alias '*a'" \
    --set 'site.name=*a' "$M"

# A bad override value and an error in the file are both reported, file first.
run "$DCPLAN" check --set 'power.grid.feeds[0].capacity=7 MX' \
    "$DATA/bad/unknown-key.yaml"
is "$(grep -c '^--set:1:30: ' "$T/err"):$(grep -c "unknown key 'colour'" "$T/err")" "1:1" \
    "a bad override value and a bad file: both reported"
like "$(tail -1 "$T/err")" "2 errors" "a bad override value and a bad file: 2 errors"
# A malformed override path stops before the site is bound: nothing else is reported.
run "$DCPLAN" check --set 'power..grid=1' "$DATA/bad/unknown-key.yaml"
is "$(grep -c '^--set:' "$T/err"):$(grep -c 'colour' "$T/err")" "1:0" \
    "a malformed override path is reported alone"

# --- flow values: removing all feeds leaves no power supply ---
run "$DCPLAN" check --set 'power.grid.feeds=[]' "$M"
is "$rc" 3 "feeds=[]: exit 3"
like "$(head -1 "$T/err")" "$M:" "feeds=[]: the error is in the site file"
like "$(head -1 "$T/err")" "no power supply: give 'grid.feeds' or 'generators'" \
    "feeds=[]: no power supply"
# ... and a generator put in their place makes it valid again
run_csv "$DCPLAN" check -f csv --set 'power.grid.feeds=[]' --set \
    'power.generators=[{name: g, model: mobile-gas-2.5mw, count: 4, redundancy: N+1}]' "$M"
is "$rc" 0 "feeds=[] plus generators: exit 0"
# 4 x 2.5 MW less one redundant unit = 7.5 MW at ISO conditions
is "$(csv_val "$T/out" supply 1 by_date.generators_mw)" 7.5 "generators: 3 x 2.5 MW usable"

done_testing
