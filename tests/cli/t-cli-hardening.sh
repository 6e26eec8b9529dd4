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

done_testing
