#!/bin/sh
# t-cli-framework.sh - the command framework (src/cli/cmd.c): options a command
# does not take are errors, short options cluster, long options may be
# abbreviated to a unique prefix and a mistyped one gets a suggestion, typed
# option values are checked once, option groups, generated usage lines, and
# --version / --help.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml

usage_err()	# DESC WANT-LINE1 ARGS...
{
	desc=$1 want=$2
	shift 2
	run "$DCPLAN" "$@"
	is "$rc" 2 "$desc: exit 2"
	is "$(head -1 "$T/err")" "$want" "$desc: message"
	like "$(sed -n 2p "$T/err")" "usage: dcplan" "$desc: usage follows"
	is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$desc: nothing on standard output"
}

# --- options a command does not take ---
usage_err "psychro --set" "dcplan: 'psychro' does not take --set" \
    psychro --set foo=bar --tdb 25degC --rh 50%
usage_err "--set before psychro" "dcplan: 'psychro' does not take --set" \
    -s foo=bar psychro --tdb 25degC --rh 50%
usage_err "psychro -M" "dcplan: 'psychro' does not take --models-dir" \
    psychro -M /tmp --tdb 25degC --rh 50%
usage_err "help -f csv" "dcplan: 'help' does not take --format" help -f csv
usage_err "-o before help" "dcplan: 'help' does not take --output" -o "$T/x" help
test ! -e "$T/x"
ok $? "help -o: no file made"
usage_err "models --set" "dcplan: 'models' does not take --set" models list --set a=b
usage_err "check --at" "dcplan: unknown option '--at'" check --at x=1 "$M"

# --- short options cluster; a value attaches or follows ---
run_csv "$DCPLAN" check -qf csv "$M"
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "-qf csv: quiet and CSV"
run_csv "$DCPLAN" check -qfcsv "$M"
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "-qfcsv: value attached"
run_csv "$DCPLAN" -qfjson check "$M"
is "$rc:$(head -c 1 "$T/out")" "0:{" "-qfjson before the command"
run "$DCPLAN" check -qo "$T/c.txt" "$M"
is "$rc:$(wc -c <"$T/out" | tr -d ' ')" "0:0" "-qo FILE: nothing on standard output"
like "$(head -1 "$T/c.txt")" "valid" "-qo FILE: the report is in FILE"
usage_err "unknown letter in a cluster" "dcplan: unknown option '-z'" check -qz "$M"
usage_err "cluster ending in an option without its value" \
    "dcplan: option '--format' needs a value (FORMAT)" check "$M" -qf

# --- long options: unique prefixes, ambiguity, suggestions ---
run_csv "$DCPLAN" check --form=csv "$M"
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "--form=csv: a unique prefix"
run_csv "$DCPLAN" check --fo csv --qu "$M"
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "--fo csv --qu"
run_csv "$DCPLAN" timeline -f csv --fr 2024-01-01 --t 2024-01-02 "$M"
is "$rc:$(sed -n 2p "$T/out" | cut -d, -f1)" "0:2024-01-01" "timeline --fr/--t: prefixes of the command's options"
usage_err "ambiguous prefix" "dcplan: ambiguous option '--f' (could be --format, --from, --full)" \
    simulate --f csv "$M"
usage_err "mistyped long option" "dcplan: unknown option '--formt' (did you mean '--format'?)" \
    check --formt csv "$M"
usage_err "mistyped command option" "dcplan: unknown option '--daet' (did you mean '--date'?)" \
    capacity --daet 2024-01-01 "$M"
usage_err "unknown long option" "dcplan: unknown option '--zzzzzz'" check --zzzzzz "$M"
# a prefix of an option the command does not take is no match
usage_err "prefix of --set on psychro" "dcplan: unknown option '--se'" psychro --se a=b --tdb 25degC --rh 1%

# --- typed values, checked once by the framework ---
usage_err "a bad --date" "dcplan: --date: not a date: '2024-13-01' (month 13)" \
    capacity --date 2024-13-01 "$M"
usage_err "a bad timeline --from" "dcplan: --from: not a date: 'soon' (use YYYY-MM-DD)" timeline --from soon "$M"
usage_err "--date given twice" "dcplan: option '--date' given twice" \
    capacity --date 2024-01-01 --date 2024-02-01 "$M"
run "$DCPLAN" psychro --tdb 25degQ --rh 50%
is "$rc:$(head -1 "$T/err" | cut -c1-14)" "3:dcplan: --tdb:" "a quantity with a bad unit: exit 3, named option"
usage_err "two humidity measures" "dcplan: give --rh or --twb, not both" \
    psychro --tdb 25degC --rh 50% --twb 18degC
usage_err "no humidity measure" "dcplan: give one of --rh, --twb or --tdp" psychro --tdb 25degC
usage_err "required option missing" "dcplan: --tdb is required" psychro --rh 50%
usage_err "flag with a value" "dcplan: option '--full' takes no value" simulate --full=1 "$M"

# --- usage lines are generated from the declarations ---
first() { "$DCPLAN" "$@" -h | head -1; }
is "$(first capacity)" "usage: dcplan [global options] capacity [--date DATE] SITE" "capacity usage"
is "$(first psychro)" \
    "usage: dcplan [global options] psychro --tdb T (--rh R | --twb T | --tdp T) [--elevation Z | --pressure P]" \
    "psychro usage: required option and groups"
is "$(first simulate)" \
    "usage: dcplan [global options] simulate [--from DATE] [--to DATE] [--step 1h|15min] [--full] [--plot FILE] [--plot-kind NAME] [--plot-size WxH] SITE" \
    "simulate usage"
is "$(first models)" \
    "usage: dcplan [global options] models list | show NAME | perf NAME [--at KEY=V1,V2,...]..." \
    "models usage: repeatable option"
# a command's help lists only the global options it takes
run "$DCPLAN" psychro -h
case $(cat "$T/out") in *--set*|*--models-dir*) r=1 ;; *) r=0 ;; esac
ok $r "psychro -h lists no --set or --models-dir"
like "$(cat "$T/out")" "--format" "psychro -h lists --format"
run "$DCPLAN" help -h
case $(cat "$T/out") in *--format*|*--output*) r=1 ;; *) r=0 ;; esac
ok $r "help -h lists no --format or --output"

# --- --version and --help ---
run "$DCPLAN" --version
is "$rc" 0 "--version: exit 0"
like "$(sed -n 2p "$T/out")" "GSL " "--version names the GSL version"
like "$(sed -n 2p "$T/out")" "libyaml " "--version names the libyaml version"
like "$(sed -n 2p "$T/out")" "cJSON " "--version names the cJSON version"
run "$DCPLAN" --vers
is "$rc:$(head -1 "$T/out" | cut -d' ' -f1)" "0:dcplan" "--vers: a prefix of --version"
run "$DCPLAN" check --version
is "$rc:$(head -1 "$T/out" | cut -d' ' -f1)" "0:dcplan" "check --version prints the version"
run "$DCPLAN" --help
like "$(cat "$T/out")" "--version" "--help lists --version"

# help is for people: every line but the usage line (which the man page's SYNOPSIS
# must equal) fits 80 columns, for dcplan and each command
wide=
for c in "" plan sweep swings check capacity simulate timeline risk merge models psychro help; do
	if [ -z "$c" ]; then "$DCPLAN" --help >"$T/h" 2>&1; else "$DCPLAN" help $c >"$T/h" 2>&1; fi
	w=$(grep -v '^usage: ' "$T/h" | awk 'length > 80' | head -1)
	[ -n "$w" ] && wide="$wide${c:-dcplan}: $w
"
done
is "$wide" "" "help text fits 80 columns (options wrap)"

done_testing
