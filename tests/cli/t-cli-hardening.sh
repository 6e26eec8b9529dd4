#!/bin/sh
# t-cli-hardening.sh - reproducers of hostile input (issue 15), one check each:
# control characters in diagnostics, closed pipes and full disks, capacity's
# climate checks.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml

# --- user text in diagnostics: control characters escaped ---
printf 'site:\n  name: x\n  "bad\\nx.yaml:1:1: error: forged": 1\n' >"$T/forge.yaml"
run "$DCPLAN" check "$T/forge.yaml"
is "$rc" 3 "a key with a newline: exit 3"
like "$(cat "$T/err")" "$T/forge.yaml:3:3: unknown key 'bad\\nx.yaml:1:1: error: forged'" \
    "the newline is written as \\n"
case $(cat "$T/err") in *"
x.yaml:1:1:"*) r=1 ;; *) r=0 ;; esac
ok $r "no forged line of its own"
run "$DCPLAN" "$(printf 'chec\033[31mk')"
is "$(head -1 "$T/err")" "dcplan: unknown command 'chec\\x1b[31mk'" "an escape sequence in a command name: \\x1b"
run "$DCPLAN" check --set "$(printf 'site.na\tme=1')" "$M"
like "$(cat "$T/err")" "unexpected character '\\t' in path" "a tab in a --set path: \\t"

# --- a closed pipe: exit 4 with a message, not SIGPIPE ---
S=$DATA/sites/epw-site.yaml
( "$DCPLAN" simulate -f csv "$S" 2>"$T/err"; echo $? >"$T/rc" ) | head -c 100 >/dev/null
is "$(cat "$T/rc")" 4 "simulate into a closed pipe: exit 4"
like "$(cat "$T/err")" "Broken pipe" "a closed pipe: says so"
( "$DCPLAN" check "$M" 2>"$T/err"; echo $? >"$T/rc" ) | true
sleep 0 # the reader exits at once
r=$(cat "$T/rc")
{ [ "$r" = 4 ] || [ "$r" = 0 ]; }
ok $? "check into a pipe closed early: exit 4 or (if it fit the pipe) 0, never 141 ($r)"

# --- a full disk: the system's reason ---
if [ -w /dev/full ]; then
	run "$DCPLAN" simulate -f csv -o /dev/full "$S"
	is "$rc" 4 "simulate -o /dev/full: exit 4"
	like "$(cat "$T/err")" "No space left on device" "simulate -o /dev/full: strerror"
	run "$DCPLAN" check -o /dev/full "$M"
	is "$rc:$(cat "$T/err")" "4:dcplan: cannot write '/dev/full': No space left on device" \
	    "check -o /dev/full: strerror"
	run sh -c "\"$DCPLAN\" check \"$M\" >/dev/full"
	is "$rc:$(cat "$T/err")" "4:dcplan: cannot write standard output: No space left on device" \
	    "check >/dev/full: strerror"
else
	skip "/dev/full" "no /dev/full"
fi

# --- capacity makes the climate checks that check and plan make ---
run "$DCPLAN" capacity --set climate.design.cooling_db=33degC \
    --set climate.design.cooling_mcwb=-10degC "$M"
is "$rc" 3 "capacity with a wet-bulb of -10 degC at 33 degC dry-bulb: exit 3"
run "$DCPLAN" check --set climate.design.cooling_db=33degC \
    --set climate.design.cooling_mcwb=-10degC "$M"
is "$rc" 3 "check agrees: exit 3"

# --- time zones: civil offsets only ---
run "$DCPLAN" check --set site.timezone=UTC+14:01 "$M"
is "$rc" 3 "UTC+14:01: exit 3"
like "$(cat "$T/err")" "must be a UTC offset from UTC-12:00 to UTC+14:00" "UTC+14:01: says the range"
run "$DCPLAN" check --set site.timezone=UTC-12:30 "$M"
is "$rc" 3 "UTC-12:30: exit 3"
run "$DCPLAN" check -q --set site.timezone=UTC+14:00 "$M"
is "$rc" 0 "UTC+14:00 (Kiribati): accepted"

# --- models perf: an absurd load is bounded ---
run "$DCPLAN" models perf doe2-centrifugal-5.50cop --at capacity=1MW --at load=1e300%
is "$rc" 3 "models perf --at load=1e300%: exit 3"
like "$(cat "$T/err")" "load must be at most 1000 %" "load=1e300%: says the bound"
run "$DCPLAN" models perf doe2-centrifugal-5.50cop --at capacity=1MW --at load=1e300W
is "$rc" 3 "models perf --at load=1e300W: exit 3"
run_csv "$DCPLAN" models perf doe2-centrifugal-5.50cop --at capacity=1MW --at load=50%
is "$rc" 0 "models perf --at load=50%: still fine"

# --- -M that is not a directory ---
run "$DCPLAN" check -M /nonexistent "$M"
is "$rc:$(head -1 "$T/err")" "2:dcplan: --models-dir '/nonexistent': No such file or directory" \
    "-M /nonexistent: exit 2, says why"
run "$DCPLAN" check -M "$M" "$M"
is "$rc:$(head -1 "$T/err")" "2:dcplan: --models-dir '$M': not a directory" "-M FILE: not a directory"

# --- timeline of a build past ten years: the default range is clamped ---
run_csv "$DCPLAN" timeline -f csv --set 'it.phases[0].racks=5000' "$M"
is "$rc" 0 "timeline of a 13-year build: exit 0"
is "$(($(wc -l <"$T/out") - 1))" 3661 "the default range stops after 3661 days"
like "$(cat "$T/err")" "note: the build runs past ten years; the timeline stops on 2034-07-09" \
    "a note says where it stopped"
run "$DCPLAN" timeline -f csv --set 'it.phases[0].racks=5000' --to 2040-01-01 "$M"
is "$rc" 2 "an explicit range over ten years: exit 2"

# --- plan names its time step ---
run "$DCPLAN" plan --set simulation.step=15min "$M"
like "$(cat "$T/out")" "Build and first year, every 15 minutes (" "plan at 15 min: not 'hourly'"
run "$DCPLAN" plan "$M"
like "$(cat "$T/out")" "Build and first year, hourly (" "plan at 1 h: hourly"

# --- '-' reads the site from standard input ---
run sh -c "\"$DCPLAN\" check -f csv - <\"$M\""
is "$rc:$(sed -n 2p "$T/out" | tr -d '\r')" "0:site,,name,minimal test site," "check - <SITE: read from stdin"
printf 'site:\n  nme: x\n' >"$T/bad.yaml"
run sh -c "\"$DCPLAN\" check - <\"$T/bad.yaml\""
like "$(cat "$T/err")" "<stdin>:2:3: unknown key 'nme'" "stdin: messages name <stdin>"
D=$(cd "$DATA" && pwd)
B=$(cd "$(dirname "$DCPLAN")" && pwd)/$(basename "$DCPLAN")
run sh -c "cd \"$D\" && \"$B\" check -q - <sites/epw-site.yaml"
is "$rc" 4 "stdin: a relative weather file is relative to the current directory (../good.epw is not there from tests/data)"
run sh -c "cd \"$D\" && sed 's|\.\./good.epw|good.epw|' sites/epw-site.yaml | \"$B\" check -q -"
is "$rc" 0 "stdin: good.epw found in the current directory"

# --- models list with a broken model file says why ---
mkdir "$T/bm" && printf 'kind: chiller\nname: broken\ncop: [\n' >"$T/bm/broken.yaml"
run "$DCPLAN" -M "$T/bm" models list
is "$rc" 3 "models list with a broken model file: exit 3"
like "$(cat "$T/err")" "$T/bm/broken.yaml:4:1: " "models list: the broken file's position and why"

done_testing
