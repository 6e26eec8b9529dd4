#!/bin/sh
# t-cli-completion.sh - the bash completion (completion/dcplan): it is sourced
# in bash, COMP_WORDS/COMP_CWORD are set as bash sets them, and COMPREPLY is
# checked for commands, options, option values and --set paths of the site.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml
if ! command -v bash >/dev/null 2>&1; then
	skip "bash completion" "no bash"
	done_testing
fi

# comp WORD... : the completions of the last word, one a line, sorted
# (CW=N: of word N instead, counting dcplan as 0)
comp()
{
	CW=${CW:-} bash -c '
	. "$1" || exit 1
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=${CW:-$(($# - 1))}
	_dcplan
	printf "%s\n" "${COMPREPLY[@]}"' comp "$top_srcdir/completion/dcplan" \
	    "$DCPLAN" "$@" | sort
}

bash -n "$top_srcdir/completion/dcplan"
ok $? "the completion file parses"
bash -c ". \"$top_srcdir/completion/dcplan\" && complete -p dcplan" >"$T/c" 2>&1
is "$(cat "$T/c")" "complete -F _dcplan dcplan" "it registers _dcplan for dcplan"

is "$(comp pl | tr '\n' ' ')" "plan " "a command: pl -> plan"
is "$(comp s | tr '\n' ' ')" "simulate sweep swings " "s: the commands that begin with s"
n=$(comp '' | wc -l)
want=$("$DCPLAN" help | sed -n '/^commands:/,/^$/p' | grep -c '^  [a-z]')
is "$n" "$want" "an empty word: every command of 'dcplan help' ($want)"
is "$(comp plan --pl | tr '\n' ' ')" "--plot --plot-size " "plan's own options"
like "$(comp check --mo | tr '\n' ' ')" "--models-dir" "a global option after the command"
is "$(comp --vers | tr '\n' ' ')" "--version " "--version before a command"
is "$(comp check -f j | tr '\n' ' ')" "json " "-f j -> json"
is "$(comp check --format '' | tr '\n' ' ')" "csv json text " "--format: the three formats"
is "$(comp models s | tr '\n' ' ')" "show " "models s -> show"
is "$(comp help ti | tr '\n' ' ')" "timeline " "help ti -> timeline"

# --set paths from the schema, for the site on the line
is "$(comp check "$M" --set site.na | tr '\n' ' ')" "site.name= " "--set site.na -> site.name="
like "$(comp check "$M" --set 'it.phases[0].ra' | tr '\n' ' ')" "it.phases[0].rack= it.phases[0].racks=" \
    "--set in a list item: it.phases[0].rack= and racks="
like "$(CW=3 comp plan --set cooling.chillers "$M" | tr '\n' ' ')" "cooling.chillers[0].count=" \
    "the site may come after --set"
is "$(CW=3 comp plan -s climate.design.cooling_m "$M" | tr '\n' ' ')" "climate.design.cooling_mcwb= " "-s as --set"
is "$(comp check --set ec | tr '\n' ' ')" "economics= " "no site yet: the sections"
is "$(comp check "$M" --set site.name=x | wc -w | tr -d ' ')" 0 "a value: no completions"
"$DCPLAN" help --keys "$M" >"$T/keys"
is "$?:$(grep -c . "$T/keys")" "0:$(sort -u "$T/keys" | grep -c .)" "help --keys lists each path once"
while read -r k; do
	"$DCPLAN" check -q --set "$k=" "$M" >/dev/null 2>"$T/e"
	if grep -q "unknown key" "$T/e"; then echo "$k"; fi
done <"$T/keys" >"$T/unknown"
is "$(cat "$T/unknown")" "" "every listed path is a key the loader knows (none 'unknown')"

done_testing
