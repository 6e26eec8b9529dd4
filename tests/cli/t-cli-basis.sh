#!/bin/sh
# t-cli-basis.sh - every report says which IT power its figures use
# (it.workload.power: the expected draw under training, or the nameplate):
# check, capacity, simulate, timeline and plan, as one text line within 80
# columns and as a typed field "power_basis" in JSON and CSV, following --set.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
S=$DATA/sites/tl-supply.yaml
SIM="--from 2024-03-01 --to 2024-03-02"

if ! command -v jq >/dev/null 2>&1; then
	skip "power basis" "no jq"
	done_testing
fi

# args CMD: the command's arguments after the command name
args()
{
	case $1 in
	simulate) echo "simulate $SIM" ;;
	*) echo "$1" ;;
	esac
}

# json_basis CMD: where the JSON puts it
json_basis()
{
	case $1 in
	check) echo '.it.power_basis' ;;
	capacity) echo '.fleet.power_basis' ;;
	plan) echo '.design.power_basis' ;;
	simulate) echo '.summary.energy.power_basis, .rows[0][-1]' ;;
	timeline) echo '.rows[0][-1]' ;;
	esac
}

for b in expected nameplate; do
	label=$b
	[ $b = expected ] && label="expected draw"
	for c in check capacity simulate timeline plan; do
		# shellcheck disable=SC2046
		run "$DCPLAN" --set it.workload.power=$b $(args $c) "$S"
		line=$(grep 'IT power basis' "$T/out")
		case $c in
		timeline) want="IT power basis: $label" ;;
		*) want=$b ;;
		esac
		like "$line" "$want" "$c $b text: '$line'"
		[ -n "$line" ] && [ "$(printf '%s' "$line" | wc -L)" -le 80 ] &&
		    [ "$(grep -c 'IT power basis' "$T/out")" -eq 1 ]
		ok $? "$c $b text: one line, at most 80 columns"
		run "$DCPLAN" -f json --set it.workload.power=$b $(args $c) "$S"
		got=$(jq -r "$(json_basis $c)" "$T/out" | sort -u)
		is "$got" "$b" "$c $b json: $(json_basis $c) = \"$b\""
		run_csv "$DCPLAN" -f csv --set it.workload.power=$b $(args $c) "$S"
		case $c in
		simulate|timeline)
			got=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++)
			    if ($i == "power_basis") k = i; next }
			    { print k ? $k : "none" }' "$T/out" | sort -u) ;;
		*)
			got=$(awk -F, '$3 == "power_basis" { print $4 }' "$T/out") ;;
		esac
		is "$got" "$b" "$c $b csv: power_basis = $b"
	done
done
done_testing
