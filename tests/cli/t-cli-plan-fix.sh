#!/bin/sh
# t-cli-plan-fix.sh - every fix "dcplan plan" prints, applied to the site as printed
# (the --set overrides the CSV carries in fix_set_*), makes its target pass: the
# examples, the cases of the issue (a 30 MW grid for oracle-24k, a 580 W GPU cap for
# Colossus) and the hand-built tl-*.yaml sites.  A target that fails gets at least
# one fix, and each alternative (another date, grid, generators, chillers) passes
# on its own.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
EX=$top_srcdir/examples
S=$DATA/sites

# row_val ROW KEY: the value of column KEY of row ROW of the targets table (CSV)
row_val()
{
	tr -d '\r' <"$T/out" | awk -v r="$1" -v k="$2" '
	index($0, "targets," r ",detail." k ",") == 1 {
		v = substr($0, length("targets," r ",detail." k ",") + 1)
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

# try ROW DESC ARG...: plan with the case's options ($base, '|'-separated), then
# ARGs (each a --set value) and the site; row ROW of the targets must be OK
try()
{
	row=$1 what=$2
	shift 2
	extra=
	for a in "$@"; do
		[ -n "$a" ] && extra="$extra|--set|$a"
	done
	args=$base$extra
	args=${args#|}
	oldifs=$IFS
	IFS='|'
	# shellcheck disable=SC2086
	run "$DCPLAN" plan -f csv $args "$site"
	IFS=$oldifs
	is "$(row_val "$row" status)" OK "$desc: $name passes with $what: $*"
}

# fixes DESC SITE [--set VALUE...]: plan the site; apply each fix of each failing
# target: another date; or, when its GPUs are online in time, the supply (the grid,
# or the generators) together with the cooling it needs
fixes()
{
	desc=$1 site=$2
	shift 2
	base=
	for a in "$@"; do
		base="$base${base:+|}$a"
	done
	oldifs=$IFS
	IFS='|'
	# shellcheck disable=SC2086
	run "$DCPLAN" plan -f csv $base "$site"
	IFS=$oldifs
	cp "$T/out" "$T/plan.csv"
	nfail=0
	for i in 1 2 3 4 5 6 7 8 9; do
		cp "$T/plan.csv" "$T/out"
		st=$(row_val $i status)
		[ -n "$st" ] || break
		[ "$st" = FAIL ] || continue
		nfail=$((nfail + 1))
		name=$(row_val $i name)
		date=$(row_val $i fix_set_date)
		racks=$(row_val $i fix_racks)
		ch=$(row_val $i fix_set_chillers)
		tw=$(row_val $i fix_set_towers)
		grid=$(row_val $i fix_set_grid)
		gen=$(row_val $i fix_set_generators)
		sup=$(row_val $i supply_to_add_mw)
		nfix=0
		if [ -n "$date" ]; then
			nfix=$((nfix + 1))
			try $i "the date" "$date"
		fi
		if [ "${racks:-0}" = 0 ]; then
			for s in "$grid" "$gen"; do
				[ -n "$s" ] || continue
				nfix=$((nfix + 1))
				try $i "the supply and cooling" "$s" "$ch" "$tw"
			done
			case $sup in
			0|0.000000|"") if [ -n "$ch" ]; then
					nfix=$((nfix + 1))
					try $i "the cooling" "$ch" "$tw"
				fi ;;
			esac
		fi
		ok $((nfix == 0)) "$desc: $name fails and has at least one fix to apply ($nfix)"
	done
	printf '# %s: %d failing target(s)\n' "$desc" "$nfail"
}

fixes "colossus-memphis" "$EX/colossus-memphis.yaml"
fixes "colossus-memphis, 580 W cap" "$EX/colossus-memphis.yaml" \
    --set it.workload.gpu_power_cap=580W
fixes "colossus-memphis, 600 W cap (design condition)" "$EX/colossus-memphis.yaml" \
    --set it.workload.gpu_power_cap=600W
fixes "colossus-memphis, no generators" "$EX/colossus-memphis.yaml" \
    --set 'power.generators=[]'
fixes "oracle-24k, 30 MW grid" "$EX/oracle-24k.yaml" \
    --set 'power.grid.feeds[0].capacity=30MW'
fixes "oracle-24k" "$EX/oracle-24k.yaml"
fixes "small-lab" "$EX/small-lab.yaml"
fixes "tl-step, 1600 by 03-05" "$S/tl-step.yaml" \
    --set 'targets[0]={name: most, gpus: 1600, by: 2024-03-05}'
fixes "tl-step, step on 03-08" "$S/tl-step.yaml" \
    --set 'power.grid.feeds[0].steps[0].date=2024-03-08' --set 'targets[0].by=2024-03-06'
fixes "tl-step, 1920 by 03-03" "$S/tl-step.yaml" --set 'targets[0].by=2024-03-03'
fixes "tl-supply, 1920 by 03-06" "$S/tl-supply.yaml" \
    --set 'targets[1]={name: all, gpus: 1920, by: 2024-03-06}'
fixes "tl-cooling" "$S/tl-cooling.yaml"
fixes "tl-gen" "$S/tl-gen.yaml"
fixes "tl-gen, by 03-09" "$S/tl-gen.yaml" --set 'targets[0].by=2024-03-09'

done_testing
