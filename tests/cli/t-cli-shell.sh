#!/bin/sh
# t-cli-shell.sh - the shell contract, second round (issue 15): -o through a
# symbolic link and with a name of NAME_MAX bytes, --set nulls blamed on the
# --set argument, booleans as YAML 1.2 spells them, builds and targets bounded.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml

# --- -o LINK writes to the link's target and keeps the link ---
mkdir "$T/o" && : >"$T/o/target.txt" && ln -s target.txt "$T/o/link"
run "$DCPLAN" check -o "$T/o/link" "$M"
is "$rc" 0 "check -o LINK: exit 0"
[ -L "$T/o/link" ]
ok $? "the link is still a link"
grep -q "minimal test site" "$T/o/target.txt"
ok $? "the report went to the link's target"
ln -s "$T/o/absent.txt" "$T/o/dangling"
run "$DCPLAN" check -o "$T/o/dangling" "$M"
{ [ "$rc" = 0 ] && [ -L "$T/o/dangling" ] && grep -q "minimal test site" "$T/o/absent.txt"; }
ok $? "-o to a dangling link creates its target, as '>' does"
ln -s loop1 "$T/o/loop2" && ln -s loop2 "$T/o/loop1"
run "$DCPLAN" check -o "$T/o/loop1" "$M"
is "$rc:$(cat "$T/err")" "4:dcplan: cannot write '$T/o/loop1': Too many levels of symbolic links" \
    "a loop of links: exit 4 with the system's reason"
[ "$(ls -A "$T/o" | grep -c '^\.dcplan-')" = 0 ]
ok $? "no temporary file left behind"

# --- output names up to NAME_MAX (255 bytes) ---
n255=$(printf '%0255d' 0 | tr 0 a)
run "$DCPLAN" check -o "$T/o/$n255" "$M"
{ [ "$rc" = 0 ] && [ -s "$T/o/$n255" ]; }
ok $? "-o with a 255-byte name: written (the temporary name is short)"
run "$DCPLAN" check -o "$T/o/${n255}b" "$M"
is "$rc:$(cat "$T/err")" "4:dcplan: cannot write '$T/o/${n255}b': File name too long" \
    "a 256-byte name: the system's reason"

# --- --set PATH= and PATH=null blame the --set argument ---
run "$DCPLAN" check --set site.name= "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:11: 'name' has no value" "--set site.name=: blames --set:1:11"
run "$DCPLAN" check --set site.location.elevation=80m --set site.name=null "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:2:11: 'name' has no value" "--set site.name=null: blames --set:2:11"
run "$DCPLAN" check --set 'site.name=~' "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:11: 'name' has no value" "--set site.name=~: blames --set:1:11"
sed 's/^  name: minimal test site$/  name:/' "$M" >"$T/noname.yaml"
run "$DCPLAN" check "$T/noname.yaml"
is "$(head -1 "$T/err")" "$T/noname.yaml:9:3: 'name' has no value" "a null in the file still blames the file's key"

# --- booleans: true/false (YAML 1.2 core schema); yes/no/on/off refused ---
for v in true True TRUE false False FALSE; do
	run "$DCPLAN" check -q --set "cooling.economizer.enabled=$v" "$M"
	is "$rc" 0 "economizer.enabled=$v: accepted"
done
run "$DCPLAN" check --set cooling.economizer.enabled=off "$M"
is "$rc:$(head -1 "$T/err")" \
    "3:--set:1:28: 'enabled' must be true or false, not 'off' (a YAML 1.1 boolean; write false)" \
    "enabled=off: refused, says what to write"
run "$DCPLAN" check --set cooling.economizer.enabled=1 "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:28: 'enabled' must be true or false, not '1'" \
    "enabled=1: refused"
run_csv "$DCPLAN" simulate -f csv --set cooling.economizer.enabled=FALSE "$M"
cp "$T/out" "$T/false.csv"
run_csv "$DCPLAN" simulate -f csv --set cooling.economizer.enabled=true "$M"
cmp -s "$T/out" "$T/false.csv"
[ $? -ne 0 ]
ok $? "enabled=true and enabled=FALSE simulate differently (the value is used)"

# --- a build or a target more than 100 years out is bounded, with a message ---
dates='it.phases[0].delivery={dates: [{date: 2024-01-01, racks: 1}, {date: DAY, racks: 1}]}'
run "$DCPLAN" check -q --set "$(echo "$dates" | sed s/DAY/2124-01-01/)" "$M"
is "$rc" 0 "lots exactly 100 years apart: accepted"
run "$DCPLAN" check -q --set "$(echo "$dates" | sed s/DAY/2124-01-02/)" "$M"
is "$rc:$(cat "$T/err")" \
    "3:--set:1:23: the build spans more than 100 years, from 2024-01-01 to 2124-01-02" \
    "lots 100 years and a day apart: exit 3 at the delivery"
run "$DCPLAN" check -q --set 'it.phases[1]={name: late, rack: supermicro-h100-lc-rack, racks: 1, delivery: {start: 2190-01-01, rate: 1 /d}}' "$M"
is "$rc:$(cat "$T/err")" \
    "3:--set:1:78: the build spans more than 100 years, from 2024-07-01 to 2190-01-01" \
    "a second phase 166 years after the first: exit 3"
run "$DCPLAN" plan -q --set 'targets=[{name: far, gpus: 1, by: 2199-01-01}]' "$M"
is "$rc:$(cat "$T/err")" \
    "3:--set:1:35: target 'far' is due more than 100 years after the first delivery (2024-07-01)" \
    "plan with a target 175 years out: exit 3 at once, not minutes of simulation"
run "$DCPLAN" check -q --set 'targets=[{name: near, gpus: 1, by: 2124-07-01}]' "$M"
is "$rc" 0 "a target exactly 100 years out: accepted"

# --- --unset PATH deletes a key or a list item ---
run_csv "$DCPLAN" check -f csv "$M"
grep -q '^site,,elevation_m,80,' "$T/out"
ok $? "(the site's elevation is 80 m)"
run_csv "$DCPLAN" check -f csv --unset site.location.elevation "$M"
is "$rc:$(grep '^site,,elevation_m,' "$T/out")" "0:site,,elevation_m,0,m" \
    "--unset site.location.elevation: the default (sea level) applies"
run "$DCPLAN" check --unset site.name "$M"
is "$rc:$(head -1 "$T/err")" "3:$M:9:3: missing required key 'name'" \
    "--unset a required key: 'missing', not 'has no value'"
two='it.phases[1]={name: late, rack: supermicro-h100-lc-rack, racks: 1, delivery: {start: 2024-09-01, rate: 1 /d}}'
run_csv "$DCPLAN" check -f csv --set "$two" --unset 'it.phases[0]' "$M"
is "$rc:$(grep -c '^it,[0-9]*,phases.name,' "$T/out"):$(grep '^it,1,phases.name,' "$T/out")" \
    "0:1:it,1,phases.name,late," "--unset 'it.phases[0]' after appending one: the later item moves up"
run "$DCPLAN" check --set site.name=x --unset site.nmae "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:2:6: nothing to remove: 'site.nmae' is not in the site" \
    "--unset of a path that is not there: exit 3 at --set:2 (counted with --set)"
run "$DCPLAN" check --unset 'it.phases[3]' "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:10: index 3 out of range (list has 1 item)" \
    "--unset of an index past the list"
run "$DCPLAN" check --unset site.name.x "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:11: 'site.name' is not a mapping" "--unset through a scalar"
run "$DCPLAN" check --unset '' "$M"
is "$rc:$(head -1 "$T/err")" "3:--set:1:1: empty path" "--unset of an empty path"
run_csv "$DCPLAN" simulate -f csv "$M"
cp "$T/out" "$T/default.csv"
run_csv "$DCPLAN" simulate -f csv --set cooling.economizer.enabled=false --unset cooling.economizer "$M"
is "$rc" 0 "--set a section, then --unset it: exit 0"
cmp_files "$T/out" "$T/default.csv" "... the overrides apply in order: the default plant again"
if command -v jq >/dev/null 2>&1; then
	run "$DCPLAN" check -f json --unset site.location.elevation --set site.name=y "$M"
	is "$(jq -c .dcplan.set "$T/out")" \
	    '[{"path":"site.location.elevation","value":null},{"path":"site.name","value":"y"}]' \
	    "the JSON head: an --unset is an override with value null, in order"
else
	skip "the JSON head of --unset" "no jq"
fi

done_testing
