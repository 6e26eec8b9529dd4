#!/bin/sh
# t-cli-swings.sh - "dcplan swings" on tests/data/sites/swings.yaml, whose header works
# out the figures by hand: 80 GPUs squaring between 700 and 300 W every 2 s at a
# lossless site, a 32 kW swing about 40 kW; fundamental 2 x 32 kW / pi = 20.372 kW,
# 0.1-2 Hz equivalent amplitude sqrt(1 + 1/9) x 20.372 = 21.474 kW.  Also the CSV
# waveform (one LF row a sample, the storage energy balance), determinism by seed,
# the floor and battery sizing, the islanded generators, and the usage errors.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
SW=$DATA/sites/swings.yaml
MEM=$top_srcdir/examples/colossus-memphis.yaml

# jv KEY [N]: the Nth (default 1st) value of "KEY" in the JSON of $T/out, in
# document order: a member, or a column of a table ({columns, units, rows}) row by
# row (python3; empty without it)
jv()
{
	command -v python3 >/dev/null 2>&1 || return 0
	python3 - "$1" "${2:-1}" "$T/out" <<'EOF'
import json, sys
key, n = sys.argv[1], int(sys.argv[2])
found = []
def walk(v):
    if isinstance(v, dict):
        if "columns" in v and "rows" in v:
            for row in v["rows"]:
                if key in v["columns"]:
                    found.append(row[v["columns"].index(key)])
            return
        for k, x in v.items():
            if k == "dcplan":	# the document's head: provenance, not results
                continue
            if k == key and not isinstance(x, (dict, list)):
                found.append(x)
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
walk(json.load(open(sys.argv[3])))
if len(found) >= n:
    print(found[n - 1])
EOF
}

# --- the summary, against the hand figures ---
run "$DCPLAN" swings -f json "$SW"
is "$rc" 1 "limits fail: exit 1"
json_ok "$T/out"
ok $? "JSON summary parses"
is_abs "$(jv mean_mw)" 0.040 0.0005 "raw mean = 80 x (700 + 300) / 2 W = 40 kW"
is_abs "$(jv p2p_mw)" 0.032 0.0005 "raw peak-to-peak = 80 x 400 W = 32 kW"
is_abs "$(jv amplitude_mw)" 0.021474 0.000002 "0.1-2 Hz amplitude = sqrt(a1^2 + a3^2) = 21.474 kW"
is_abs "$(jv largest_component_mw)" 0.020372 0.000002 "largest line = 2 dP / pi = 20.372 kW"
is "$(jv status):$(jv ok)" FAIL:False "overall verdict FAIL (ok false)"
is_abs "$(jv value)" 0.032 0.0001 "ramp over 1 s: the whole 32 kW step"
is_abs "$(jv margin)" -0.022 0.0001 "against 10 kW/s: margin -22 kW/s"

run "$DCPLAN" swings "$SW"
is "$rc" 1 "text: exit 1"
like "$(cat "$T/out")" "ramp (1 s)         grid" "text: the ramp verdict row"
long=$(awk 'length > 80' "$T/out" | wc -l | tr -d ' ')
is "$long" 0 "text report fits 80 columns"

# --- the waveform ---
run_csv "$DCPLAN" swings -f csv "$SW"
is "$rc" 1 "CSV: exit 1"
lf_ok "$T/raw"
ok $? "CSV lines end in LF"
is "$(head -1 "$T/out")" "time_s,raw_mw,smoothed_mw,battery_mw,soc_pct,after_storage_mw,grid_mw" \
    "CSV header with units"
is "$(sed 1d "$T/out" | wc -l | tr -d ' ')" 60000 "one row per sample: 10 min x 100 Hz"
is_abs "$(sed 1d "$T/out" | awk -F, '{ s += $2 } END { printf "%.9f", s / NR }')" 0.04 1e-9 \
    "CSV raw mean 40 kW"
is "$(sed -n 2p "$T/out" | cut -d, -f1,2)" "0,0.024" "t = 0 in the comm phase: 80 x 300 W"
is "$(sed -n 3p "$T/out" | cut -d, -f1,2)" "0.01,0.056" "t = 0.01 s computing: 80 x 700 W"

# --- storage: grid = load - battery at every sample, SOC in its window ---
BAT="--set swings.storage.enabled=true --set swings.storage.power=20kW \
--set swings.storage.energy=5kWh --set swings.storage.soc_min=20% \
--set swings.storage.soc_max=80%"
# shellcheck disable=SC2086
run_csv "$DCPLAN" swings -f csv $BAT "$SW"
bad=$(sed 1d "$T/out" | awk -F, '{ d = $6 + $4 - $3; if (d < 0) d = -d;
    if (d > 2e-6 || $5 < 20 - 1e-9 || $5 > 80 + 1e-9) n++ } END { print n + 0 }')
is "$bad" 0 "battery: after storage = smoothed - battery, SOC 20..80 %, every row"
busy=$(sed 1d "$T/out" | awk -F, '$4 != 0 { n++ } END { print n + 0 }')
ok "$([ "$busy" -gt 1000 ] && echo 0 || echo 1)" "the battery works ($busy samples)"

# --- a ramp-limiting battery: the grid ramps at exactly its 10 kW/s limit ---
run "$DCPLAN" swings -f json --set 'swings.storage={power: 30kW, energy: 5kWh, control: ramp, ramp_rate: 10kW/s, response_time: 0s}' "$SW"
is "$rc" 0 "ramp limiter 10 kW/s: every limit met, exit 0"
is_abs "$(jv value)" 0.01 1e-12 "the grid's ramp over 1 s is the limiter's 10 kW/s"
is "$(jv status):$(jv ok)" OK:True "overall OK (ok true)"

# --- a job as a share of the GPUs online ---
run "$DCPLAN" swings -f json --set 'swings.jobs[0]={share: 50 %, iteration_period: 2 s, compute_power: 700 W, comm_power: 300 W, comm_fraction: 50 %, phase: 5 ms}' "$SW"
is "$(jv gpus)" 40 "share 50 % of 80 GPUs online: 40"
is_abs "$(jv p2p_mw)" 0.016 0.0005 "and half the swing: 16 kW"

# --- determinism ---
"$DCPLAN" swings -f csv --set 'swings.jobs[0].jitter=50ms' "$SW" >"$T/a.csv" 2>/dev/null
"$DCPLAN" swings -f csv --set 'swings.jobs[0].jitter=50ms' "$SW" >"$T/b.csv" 2>/dev/null
cmp -s "$T/a.csv" "$T/b.csv"
ok $? "same site and seed: byte-identical waveform"
"$DCPLAN" swings -f csv --set 'swings.jobs[0].jitter=50ms' --set swings.seed=2 "$SW" \
    >"$T/c.csv" 2>/dev/null
cmp -s "$T/a.csv" "$T/c.csv"
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "another seed: another waveform"

# --- sizing ---
run "$DCPLAN" swings -f json --size "$SW"
is "$rc" 1 "--size: still exit 1 (the site as given fails)"
# the 10 kW/s ramp binds: 80 x 700 x (1 - F) <= 10 kW -> F >= 82.14 %
is_abs "$(jv floor_pct)" 82.2 0.05 "smallest floor 82.2 % (hand: 1 - 10 kW / 56 kW = 82.14 %)"
# the floor lifts the comm half of each iteration from 300 W to 700 F W
is_abs "$(jv floor_extra_mwh_per_day)" 0.2645 0.002 \
    "the floor's energy: 0.5 x 80 x (575.3 - 300) W x 24 h = 0.264 MWh/d"
# a battery must carry 32 - 10 kW of the step at once
is_abs "$(jv battery_power_mw)" 0.022 0.0001 "smallest battery power 22 kW = 32 kW - 10 kW"

# --- islanded on the generators ---
run "$DCPLAN" swings --set swings.supply=generators "$SW"
is "$rc" 1 "islanded: exit 1"
like "$(cat "$T/out")" "load step          gensets 0.0320  0.0250 -0.0070 MW" \
    "32 kW step against 2 x 50 kW x 25 %"
like "$(cat "$T/out")" "time between steps gensets 2.0000 10.0000 -8.0000 s" \
    "a step every 2 s against 10 s"
run "$DCPLAN" swings --set swings.supply=generators --set 'power.generators[0].load_step=40%' "$SW"
like "$(cat "$T/out")" "load step          gensets 0.0320  0.0400  0.0080 MW     OK" \
    "a group's own load_step (40 %) overrides its model's"
run_csv "$DCPLAN" swings -f csv --set swings.supply=generators "$SW"
like "$(head -1 "$T/out")" "after_storage_mw,gen_gensets_mw" "CSV: a column per generator group"

# --- usage and input errors ---
run "$DCPLAN" swings --rate 50Hz "$SW"
is "$rc" 2 "--rate 50Hz: exit 2"
like "$(cat "$T/err")" "cannot resolve the 3-30 Hz band" "names the band (Nyquist)"
is "$(wc -c <"$T/out" | tr -d ' ')" 0 "nothing on standard output"
run "$DCPLAN" swings --window 2h --duration 3h "$SW"
is "$rc" 2 "--window 2h: exit 2"
like "$(cat "$T/err")" "longer than the limit of 3600 s" "the window limit"
run "$DCPLAN" swings --window 20min "$SW"
is "$rc" 2 "a window longer than the duration: exit 2"
run "$DCPLAN" swings -o "$T/x.txt" --rate 10Hz "$SW"
test ! -e "$T/x.txt"
ok $? "a failed run writes no output file"
run "$DCPLAN" swings -o "$T/x.json" -f json "$SW"
test -s "$T/x.json" && json_ok "$T/x.json"
ok $? "-o writes the JSON summary"
run "$DCPLAN" swings "$DATA/sites/minimal.yaml"
is "$rc" 3 "a site without a swings section: exit 3"

# --- the Memphis example runs in each of its README cases ---
run "$DCPLAN" swings "$MEM"
ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "Memphis with the Megapacks: exit 0 or 1"
run "$DCPLAN" swings --set swings.storage.enabled=false "$MEM"
ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "Memphis without them"
run "$DCPLAN" swings --date 2024-07-22 --set swings.supply=generators "$MEM"
ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "Memphis on the mobile generators in July 2024"
like "$(cat "$T/out")" "voltagrid-mobile" "the mobile generator group is judged"

done_testing
