#!/bin/sh
# t-cli-perf.sh - 'dcplan models perf NAME --at KEY=V,...' (TAP).
# Expected values are worked out by hand from the model files and the equations
# of doc/model-reference.md; the arithmetic is in the comments (and redone in awk).
#
# Exit codes checked: 2 = usage (bad --at syntax, unknown key, a required key
# missing such as the capacity of a model without one, a grid too large, a kind
# without a performance table); 3 = invalid value (bad unit, non-physical value).

. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH

# col NAME [ROW]: field NAME of data row ROW (default 1) of the CSV in $T/out
col()
{
	awk -F, -v name="$1" -v row="${2:-1}" '
	NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
	NR - 1 == row && c { print $c }' "$T/out"
}

YORK=york-yk-4396kw-vanes

# ---- York YK 4396 kW at its reference point -------------------------------
# models/york-yk-4396kw-vanes.yaml: Q_ref 4395800 W, COP 6.63, x = 6.67 degC,
# y = 26.67 degC (both inside the curve limits, so no clamping).
# CAPFT = 0.3693621 - 0.07284715 x - 0.0048719 x^2 + 0.1223355 y
#         - 0.005368259 y^2 + 0.01035036 x y                       = 0.952244
# EIRFT = 0.5913358 - 0.05974145 x + 0.0008176561 x^2 + 0.03987353 y
#         - 0.0008176694 y^2 + 0.001457994 x y                     = 0.970426
# Q_avail = Q_ref CAPFT = 4185.88 kW; the CAPFT of this regression is not 1 at its
# own reference point (doc/model-reference.md), so load 100 % = 4395.8 kW gives
# PLR = 1 / CAPFT = 1.050151 (< PLR_max 1.06: the load is met, unmet 0).
# EIRFPLR(PLR) = 0.302107 + 0.03103971 PLR + 0.6669726 PLR^2 = 1.070253
# P = Q_avail / COP x EIRFT x EIRFPLR
#   = 4185.88 / 6.63 x 0.970426 x 1.070253 = 655.724 kW
# (when CAPFT is 1 this is the familiar Q_ref / COP_ref x EIRFT x EIRFPLR);
# COP = 4395.8 / 655.724 = 6.7037; kW/ton = 3.5168528 / 6.7037 = 0.52461.
run_csv "$DCPLAN" models perf $YORK
is "$rc" 0 "perf at the reference point exits 0"
is "$(awk 'END { print NR }' "$T/out")" 2 "default grid: header and one row"
hand=$(awk 'BEGIN {
	x = 6.67; y = 26.67; q = 4395800; cop = 6.63
	cap = 0.3693621 - 0.07284715 * x - 0.0048719 * x * x + 0.1223355 * y \
	    - 0.005368259 * y * y + 0.01035036 * x * y
	eir = 0.5913358 - 0.05974145 * x + 0.0008176561 * x * x + 0.03987353 * y \
	    - 0.0008176694 * y * y + 0.001457994 * x * y
	plr = 1 / cap
	pl = 0.302107 + 0.03103971 * plr + 0.6669726 * plr * plr
	printf "%.4f %.4f %.4f %.6f\n", cap, eir, pl, q * cap / cop * eir * pl / 1e6
}')
set -- $hand
is_abs "$(col capft)" "$1" 0.00006 "CAPFT at the reference point ($1)"
is_abs "$(col eirft)" "$2" 0.00006 "EIRFT at the reference point ($2)"
is_abs "$(col eirfplr)" "$3" 0.00006 "EIRFPLR at PLR 1/CAPFT ($3)"
is_abs "$(col power_mw)" "$4" 0.000006 "power = Q_ref CAPFT / COP x EIRFT x EIRFPLR ($4 MW)"
is_abs "$(col power_mw)" 0.655724 0.000006 "power matches the comment's arithmetic"
is_abs "$(col plr)" 1.0502 0.00006 "PLR = 1 / CAPFT"
is_abs "$(col cop)" 6.704 0.0006 "COP = Q_evap / P"
is_abs "$(col kw_per_ton)" 0.5246 0.00006 "kW/ton = 3.5168528 / COP"
is "$(col unmet_mw)" "0" "the reference load is met"
# Hermetic motor (f_motor 1), no false load: Q_cond = P + Q_evap = 5051.5 kW
is_abs "$(col q_cond_mw)" 5.0515 0.00006 "Q_cond = P + Q_evap"

# ---- a 3 x 2 grid: header, row count, order --------------------------------
run_csv "$DCPLAN" models perf $YORK --at t_ecw=20degC,24degC,26.67degC --at load=50%,2MW
is "$rc" 0 "3x2 grid exits 0"
is "$(head -n 1 "$T/out")" "t_lchw_c,t_ecw_c,capacity_mw,load_pct,load_mw,capft,eirft,eirfplr,plr,cycling_ratio,false_load_mw,q_avail_mw,power_mw,q_evap_mw,q_cond_mw,cop,kw_per_ton,unmet_mw" \
    "CSV header carries the units (power in MW)"
is "$(awk 'END { print NR - 1 }' "$T/out")" 6 "3 x 2 values give 6 rows"
# CSV numbers have full precision: 2000 / 4395.8 = 0.4549797534009736
is "$(awk -F, 'NR > 1 { printf "%s/%s ", $2, $4 }' "$T/out")" \
    "20/50 20/45.49797534009736 24/50 24/45.49797534009736 26.67/50 26.67/45.49797534009736 " \
    "first key slowest; load 2 MW = 2000 / 4395.8 = 45.49797534009736 %"
lf_ok "$T/raw"
ok $? "CSV lines end in LF"
run "$DCPLAN" --crlf models perf $YORK --at t_ecw=20degC,24degC,26.67degC --at load=50%,2MW
crlf_ok "$T/out"
ok $? "--crlf: CSV lines end in CR LF (RFC 4180)"

# ---- JSON ------------------------------------------------------------------
run "$DCPLAN" -f json models perf $YORK --at t_ecw=20degC,24degC,26.67degC --at load=50%,2MW
is "$rc" 0 "JSON output exits 0"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json, sys
d = json.load(sys.stdin)
assert len(d["rows"]) == 6 and len(d["columns"]) == 18
assert d["summary"]["model"] == "york-yk-4396kw-vanes"' <"$T/out"
	ok $? "JSON parses: 6 rows of 18 columns"
else
	skip "JSON parses" "python3 not available"
fi
grep -i nan "$T/out" >/dev/null
test $? -ne 0
ok $? "no NaN in JSON"

# ---- text ------------------------------------------------------------------
run "$DCPLAN" -f text models perf $YORK --at load=0%,100%
is "$rc" 0 "text output exits 0"
is "$(awk 'END { print NR }' "$T/out")" 3 "text: header and two rows"
# Off at 0 % load: COP and kW/ton are undefined and shown as '-'
is "$(awk 'NR == 2 { print $(NF - 1) }' "$T/out")" "-" "kW/ton undefined at zero load"

# ---- capacity --------------------------------------------------------------
run_csv "$DCPLAN" models perf doe2-centrifugal-5.50cop
is "$rc" 2 "a model without capacity needs --at capacity (usage, 2)"
like "$(cat "$T/err")" "--at capacity=" "the message says how to give the capacity"
[ ! -s "$T/raw" ]
ok $? "nothing on stdout on error"
# doe2 at 5 MW, 50 %: load = 2500 kW
run_csv "$DCPLAN" models perf doe2-centrifugal-5.50cop --at capacity=5MW --at load=50%
is "$rc" 0 "doe2 with --at capacity=5MW exits 0"
is "$(col capacity_mw),$(col load_mw)" "5,2.5" "capacity and load in MW"

# ---- errors ----------------------------------------------------------------
run_csv "$DCPLAN" models perf $YORK --at tlchw=7degC
is "$rc" 2 "unknown --at key exits 2"
like "$(cat "$T/err")" "dcplan: --at 'tlchw': unknown key for a chiller (did you mean 't_lchw'?)" \
    "unknown key message with a suggestion"
[ ! -s "$T/raw" ]
ok $? "nothing on stdout for an unknown key"
run_csv "$DCPLAN" models perf $YORK --at twb=20degC
is "$rc" 2 "a tower key on a chiller exits 2"
like "$(cat "$T/err")" "keys: t_lchw, t_ecw, capacity, load" "without a close match, the keys are listed"
run_csv "$DCPLAN" models perf $YORK --at t_lchw
is "$rc" 2 "--at without '=' exits 2"
run_csv "$DCPLAN" models perf $YORK --at t_lchw=7degC --at t_lchw=8degC
is "$rc" 2 "a key given twice exits 2"
run_csv "$DCPLAN" models perf $YORK --at t_lchw=7degC,,8degC
is "$rc" 2 "an empty value exits 2"
run_csv "$DCPLAN" models perf $YORK --at t_lchw=7degX
is "$rc" 3 "a bad unit exits 3"
like "$(cat "$T/err")" "unknown unit 'degX' for temperature" "bad unit message"
[ ! -s "$T/raw" ]
ok $? "nothing on stdout for a bad unit"
run_csv "$DCPLAN" models perf $YORK --at load=50%,-5%
is "$rc" 3 "load=-5% exits 3"
like "$(cat "$T/err")" "--at 'load=-5%': load must be at least 0 %" "negative load message"
run_csv "$DCPLAN" models perf $YORK --at load=50
is "$rc" 3 "a load without a unit exits 3"
run_csv "$DCPLAN" models perf yorkcalc-generic --at twb=200degC
is "$rc" 3 "twb=200degC exits 3"
run_csv "$DCPLAN" models perf megapack2xl-2h
is "$rc" 2 "perf of a battery exits 2"
like "$(cat "$T/err")" "not defined" "the battery message says perf is not defined"
run_csv "$DCPLAN" models perf no-such-model
is "$rc" 3 "unknown model exits 3"
# 400 x 300 = 120000 rows > 100000
loads=$(awk 'BEGIN { for (i = 1; i <= 400; i++) printf "%s%d%%", (i > 1 ? "," : ""), i }')
temps=$(awk 'BEGIN { for (i = 1; i <= 300; i++) printf "%s%.1fdegC", (i > 1 ? "," : ""), 10 + i / 20 }')
run_csv "$DCPLAN" models perf $YORK --at load="$loads" --at t_ecw="$temps"
is "$rc" 2 "a grid over 100000 rows exits 2"
like "$(cat "$T/err")" "120000 rows" "the message gives the grid size"
[ ! -s "$T/raw" ]
ok $? "nothing on stdout for a grid too large"

# ---- other kinds -----------------------------------------------------------
# yorkcalc-generic: 0.215 m3/s, 40 kW fan, saturated-exit evaporation (air flow
# 40000 x 0.5 / 190 = 105.263 m3/s), drift 0.008 %, 4 cycles.
# Reference condition (doc/model-reference.md): 25.6 degC wet-bulb, range 5.6 K, LG 1 ->
# approach 3.8 K.  Heat = 997 x 4180 x 0.215 x 5.6 = 5017.6 kW.
# Air flow 50 %: fan 40 x 0.5^3 = 5.00 kW, drift 0.215 x 3600 x 0.00008 x 0.5
# = 0.0310 m3/h.  Evaporation (ASHRAE 2017 ch. 1 by hand, python3 as the
# calculator; air saturated at 25.6 degC, 101325 Pa): W_in = 0.0208351,
# rho = 1.1468 kg/m3, m_air = 0.5 x 105.263 x 1.1468 = 61.4264 kg/s; h_in =
# 78854.38 J/kg, h_out = h_in + 5017.6 kW / m_air = 160539.53 J/kg -> saturated at
# 39.318 degC, W_out = 0.0470006; evap = m_air (W_out / (1 + W_out) - W_in /
# (1 + W_in)) / 997 = 1.50829e-3 m3/s = 5.4298 m3/h.
run_csv "$DCPLAN" models perf yorkcalc-generic --at twb=25.6degC --at range=5.6K --at air_flow=1,0.5
is "$rc" 0 "tower perf exits 0"
is_abs "$(col approach_k 1)" 3.8 0.1 "YorkCalc approach at the reference condition ~ 3.8 K"
is_abs "$(col heat_mw 1)" 5.0176 0.00006 "heat = rho cp V range"
is_abs "$(col fan_power_mw 2)" 0.005 0.000006 "fan power follows the cube of the air flow"
is_abs "$(col drift_m3_h 2)" 0.0310 0.00006 "drift proportional to the air flow"
is_abs "$(col evaporation_m3_h 2)" 5.4298 0.0006 "evaporation: saturated exit air"
lg=$(col lg 2)
is_abs "$lg" 2 1e-12 "LG = water-flow ratio / air-flow ratio"
# Leaving water = twb + approach: higher at half air flow
awk -v a="$(col t_out_c 1)" -v b="$(col t_out_c 2)" 'BEGIN { exit !(b > a) }'
ok $? "less air flow, warmer leaving water"

# titan-130 at 35 degC: derate 86 % -> 14.19 MW; full load fuel
# 14.19 MW x 10160 kJ/kWh / 3600 = 40.047 MW; CO2 40.047 MW x 3600 s x 56.1 kg/GJ
# = 8.088 t/h.  At 50 % (the min-load point) the heat rate is 13000 kJ/kWh.
run_csv "$DCPLAN" models perf titan-130 --at t_amb=35degC --at load=50%,100%
is "$rc" 0 "generator perf exits 0"
is_abs "$(col available_mw 2)" 14.19 0.0006 "derated output at 35 degC"
is_abs "$(col fuel_mw 2)" 40.047 0.0006 "fuel at full load"
is_abs "$(col co2_t_per_h 2)" 8.088 0.0006 "CO2 per hour"
is_abs "$(col heat_rate_kj_per_kwh 1)" 13000 1e-8 "heat rate at the min-load point"
run_csv "$DCPLAN" models perf titan-130 --at load=110%
is "$rc" 3 "generator load above 100 % exits 3"

# dgx-h100 at full utilisation, GPUs capped at 400 W: DC = 8 x 400 + 3988 =
# 7188 W; 7188 / 9588 = 74.97 % of full DC load -> PSU 96 + (0.7497 - 0.5) / 0.5
# x (94 - 96) = 95.001 %; AC = 7188 / 0.95001 = 7566 W.
run_csv "$DCPLAN" models perf dgx-h100 --at util=100% --at gpu_cap=400W
is "$rc" 0 "server perf exits 0"
is "$(col gpu_power_mw)" 0.0032 "capped GPU power"
is_abs "$(col power_mw)" 0.0075662 0.0000001 "capped server's AC input"
run_csv "$DCPLAN" models perf cpu-node-1u --at gpu_cap=300W
is "$rc" 2 "gpu_cap on a server without GPUs exits 2"

# ups-double-conversion, c = 0.01, 0.02, 0.01: at 50 % loss 0.0225 x 1 MW =
# 22.5 kW, efficiency 0.5 / 0.5225 = 95.69 %.
run_csv "$DCPLAN" models perf ups-double-conversion --at load=50%
is_abs "$(col efficiency_pct)" 95.69 0.006 "UPS efficiency at 50 %"
# xfmr-lv-1000kva at 35 %, pf 1: loss 1500 + 0.1225 x 8470 = 2537.6 W,
# efficiency 350 / 352.5376 = 99.280 %.
run_csv "$DCPLAN" models perf xfmr-lv-1000kva --at load=35%
is_abs "$(col loss_mw)" 0.002538 0.0000006 "transformer loss at 35 %"
is_abs "$(col efficiency_pct)" 99.280 0.0006 "transformer efficiency at 35 % (DOE point)"

done_testing
