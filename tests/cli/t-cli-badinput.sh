#!/bin/sh
# t-cli-badinput.sh - the loader's diagnostics on a corpus of broken site files, and
# the exit codes and file hygiene of failed runs.
#
# Each tests/data/bad/NAME.yaml has exactly one (or a few deliberate) error(s);
# NAME.expect holds "exit N" and then the exact standard error, with the site path
# written as @FILE@ and its directory as @DIR@.
. "${top_srcdir:-.}/tests/cli/lib.sh"

# Known bugs in code this test does not own: NAME and the reason (TAP TODO).
known_bug()
{
	case $1 in
	# none at present; add "NAME) echo REASON ;;" entries here
	esac
}

# --- the corpus ---
n=0
for y in "$DATA"/bad/*.yaml; do
	name=${y##*/}
	name=${name%.yaml}
	e=${y%.yaml}.expect
	n=$((n + 1))
	if [ ! -f "$e" ]; then
		ok 1 "$name: has an .expect file"
		continue
	fi
	run "$DCPLAN" check "$y"
	sed 1d "$e" | subst @FILE@ "$y" | subst @DIR@ "${y%/*}" >"$T/want"
	want_rc=$(sed -n '1s/^exit //p' "$e")
	reason=$(known_bug "$name")
	[ -n "$reason" ] && todo "$reason"
	[ "$rc" = "$want_rc" ] && cmp -s "$T/err" "$T/want"
	st=$?
	ok $st "$name: exit $want_rc and the expected diagnostics"
	if [ $st -ne 0 ]; then
		diag "exit status $rc"
		diag "$(diff -u "$T/want" "$T/err" | head -30)"
	fi
	is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$name: nothing on standard output"
done
[ "$n" -ge 35 ]
ok $? "the corpus has at least 35 files ($n)"

# Every error line is compiler style and names the file given on the command line.
y=$DATA/bad/several-errors.yaml
run "$DCPLAN" check "$y"
bad=$(grep -v "^dcplan: " "$T/err" | grep -cv "^$y:[0-9][0-9]*:[0-9][0-9]*: ")
is "$bad" 0 "several-errors: every diagnostic reads FILE:LINE:COL: message"
grep -v "^dcplan: " "$T/err" | cut -d: -f2 >"$T/lines"
sort -n "$T/lines" | cmp -s - "$T/lines"
ok $? "several-errors: diagnostics sorted by line"
is "$(grep -c . "$T/lines")" 5 "several-errors: all five errors reported"

# --quiet drops the summary line, not the diagnostics.
run "$DCPLAN" check -q "$DATA/bad/unknown-key.yaml"
is "$rc:$(grep -c . "$T/err")" "3:1" "--quiet: exit 3, only the diagnostic"

# --- a failed run leaves no output file and no temporary file ---
mkdir "$T/o"
run "$DCPLAN" check -f csv -o "$T/o/out.csv" "$DATA/bad/several-errors.yaml"
is "$rc" 3 "-o with a bad site: exit 3"
is "$(ls -A "$T/o")" "" "-o with a bad site: no output and no temporary file"

# An existing output file survives a failed run unchanged.
echo previous >"$T/o/keep.csv"
run "$DCPLAN" check -f csv -o "$T/o/keep.csv" "$DATA/bad/unknown-key.yaml"
is "$rc:$(cat "$T/o/keep.csv")" "3:previous" "-o over an existing file: untouched on error"
is "$(ls -A "$T/o")" "keep.csv" "-o over an existing file: no temporary file left"

# A good run writes the file whole, and only it.
rm -f "$T/o/keep.csv"
run "$DCPLAN" check -f csv -o "$T/o/out.csv" "$DATA/sites/minimal.yaml"
is "$rc:$(ls -A "$T/o")" "0:out.csv" "-o with a good site: exit 0, the file alone"
is "$(wc -c <"$T/out" | tr -d ' ')" 0 "-o: nothing on standard output"
"$DCPLAN" check -f csv "$DATA/sites/minimal.yaml" >"$T/stdout.csv" 2>/dev/null
cmp_files "$T/o/out.csv" "$T/stdout.csv" "-o: the same bytes as standard output"

# The output file gets the ordinary umask mode, like a shell redirection.
rm -f "$T/o/out.csv"
(umask 022; "$DCPLAN" check -o "$T/o/out.txt" "$DATA/sites/minimal.yaml")
is "$(ls -l "$T/o/out.txt" | cut -c1-10)" "-rw-r--r--" "-o: file mode 0644 under umask 022"
rm -f "$T/o/out.txt"
(umask 027; "$DCPLAN" check -o "$T/o/out.txt" "$DATA/sites/minimal.yaml")
is "$(ls -l "$T/o/out.txt" | cut -c1-10)" "-rw-r-----" "-o: file mode 0640 under umask 027"
# replacing a file keeps its mode, whatever the umask
echo previous >"$T/o/out.txt"
chmod 604 "$T/o/out.txt"
(umask 077; "$DCPLAN" check -o "$T/o/out.txt" "$DATA/sites/minimal.yaml")
"$DCPLAN" check "$DATA/sites/minimal.yaml" >"$T/o.want" 2>/dev/null
cmp_files "$T/o/out.txt" "$T/o.want" "-o over an existing file: replaced"
is "$(ls -l "$T/o/out.txt" | cut -c1-10)" "-rw----r--" \
    "-o over an existing file keeps its mode 0604 under umask 077"
rm -f "$T/o/out.txt"

# -o into a missing directory is an I/O error, and leaves nothing behind.
run "$DCPLAN" check -o "$T/o/nodir/out.csv" "$DATA/sites/minimal.yaml"
is "$rc" 4 "-o into a missing directory: exit 4"
like "$(cat "$T/err")" "dcplan: cannot write" "-o into a missing directory: says so"

# -o onto a FIFO must write into it, not replace it with a regular file (for a
# device such as /dev/stdout, replacing it would be worse).
if mkfifo "$T/fifo" 2>/dev/null; then
	cat "$T/fifo" >"$T/fifo.out" &
	reader=$!
	"$DCPLAN" check -o "$T/fifo" "$DATA/sites/minimal.yaml" >/dev/null 2>&1
	if [ -p "$T/fifo" ]; then
		wait $reader
		st=0
	else
		# the FIFO was renamed over: the reader still waits for a writer
		kill $reader 2>/dev/null
		wait $reader 2>/dev/null
		st=1
	fi
	ok $st "-o onto a FIFO keeps the FIFO"
	"$DCPLAN" check "$DATA/sites/minimal.yaml" >"$T/fifo.want" 2>/dev/null
	cmp_files "$T/fifo.out" "$T/fifo.want" "-o onto a FIFO: the reader gets the output"
else
	skip "-o onto a FIFO keeps the FIFO" "mkfifo failed"
	skip "-o onto a FIFO: the reader gets the output" "mkfifo failed"
fi

# -o onto a character device writes through it (made here, so that a regression
# replaces a node in the scratch directory, not /dev/null); a write error on it,
# like a full disk, is exit 4.  mknod needs privileges: skip without them.
if mknod "$T/null" c 1 3 2>/dev/null && mknod "$T/full" c 1 7 2>/dev/null; then
	run "$DCPLAN" check -o "$T/null" "$DATA/sites/minimal.yaml"
	[ "$rc" -eq 0 ] && [ -c "$T/null" ]
	ok $? "-o onto a character device: exit 0, the device stays"
	run "$DCPLAN" check -o "$T/full" "$DATA/sites/minimal.yaml"
	[ "$rc" -eq 4 ] && [ -c "$T/full" ]
	ok $? "-o onto a full device: exit 4, the device stays"
	like "$(cat "$T/err")" "dcplan: cannot write '$T/full': " \
	    "-o onto a full device: says so"
	is "$(ls -A "$T" | grep -c '\.tmp\.')" 0 "-o onto a device: no temporary file"
else
	for d in "-o onto a character device" "-o onto a full device" \
	    "-o onto a full device: says so" "-o onto a device: no temporary file"; do
		skip "$d" "mknod failed"
	done
fi

# --- missing or unreadable site files: exit 4 ---
run "$DCPLAN" check "$T/no-such-site.yaml"
is "$rc" 4 "missing site file: exit 4"
like "$(head -1 "$T/err")" "$T/no-such-site.yaml: cannot open" \
    "missing site file: FILE: cannot open..."
run "$DCPLAN" check "$T"
is "$rc" 4 "a directory as the site file: exit 4"
like "$(head -1 "$T/err")" "$T: cannot read" "a directory as the site file: FILE: cannot read"
# root reads anything, so mode 000 only tells when not root
cp "$DATA/sites/minimal.yaml" "$T/locked.yaml"
chmod 000 "$T/locked.yaml"
if cat "$T/locked.yaml" >/dev/null 2>&1; then
	skip "unreadable site file: exit 4" "running as root"
else
	run "$DCPLAN" check "$T/locked.yaml"
	is "$rc" 4 "unreadable site file: exit 4"
fi
chmod 600 "$T/locked.yaml"

# --- standard output on a full disk: exit 4 ---
if [ -c /dev/full ]; then
	for f in text csv json; do
		"$DCPLAN" check -f $f "$DATA/sites/minimal.yaml" >/dev/full 2>"$T/err"
		rc=$?
		is "$rc" 4 "check -f $f >/dev/full: exit 4"
		like "$(cat "$T/err")" "dcplan: cannot write standard output: " \
		    "check -f $f >/dev/full: says so, without quotes"
	done
	"$DCPLAN" check -o - "$DATA/sites/minimal.yaml" >/dev/full 2>"$T/err"
	is "$?:$(cut -d: -f1-2 "$T/err")" "4:dcplan: cannot write standard output" \
	    "check -o - >/dev/full: exit 4, standard output named as such"
	"$DCPLAN" models list >/dev/full 2>/dev/null
	is "$?" 4 "models list >/dev/full: exit 4"
	"$DCPLAN" --version >/dev/full 2>/dev/null
	is "$?" 4 "--version >/dev/full: exit 4"
else
	skip "check >/dev/full: exit 4" "no /dev/full"
fi

# --- a site file whose weather file is missing is not valid ---
sed 's/^  source: builtin/  weather_file: no-such.epw/' "$DATA/sites/minimal.yaml" \
    >"$T/epw-missing.yaml"
run "$DCPLAN" check "$T/epw-missing.yaml"
is "$rc" 4 "check with a missing weather file: exit 4"
is "$(head -1 "$T/err")" "$T/no-such.epw: cannot open: No such file or directory" \
    "check with a missing weather file: names it"
run "$DCPLAN" check -q -o "$T/o/epw.txt" "$T/epw-missing.yaml"
is "$rc:$(grep -c . "$T/err"):$(ls -A "$T/o")" "4:1:" \
    "check -q -o with a missing weather file: one line, no output file"
# a directory as the weather file is an I/O error too
sed 's|^  source: builtin|  weather_file: o|' "$DATA/sites/minimal.yaml" >"$T/epw-dir.yaml"
run "$DCPLAN" check "$T/epw-dir.yaml"
is "$rc" 4 "check with a directory as the weather file: exit 4"
like "$(head -1 "$T/err")" "$T/o:1: read error: " \
    "check with a directory as the weather file: read error"
# an EPW file without design conditions, and none in the site file: derived from
# its hours, with a note (t-cli-epw.sh checks the values)
sed '2s/^DESIGN CONDITIONS,1,.*/DESIGN CONDITIONS,0/' "$DATA/good.epw" >"$T/nodesign.epw"
sed 's|^  source: builtin|  weather_file: nodesign.epw|; /^  design:/,/evaporation_mcdb/d' \
    "$DATA/sites/minimal.yaml" >"$T/epw-nodesign.yaml"
run "$DCPLAN" check "$T/epw-nodesign.yaml"
is "$rc" 0 "check with an EPW file without design conditions: exit 0"
like "$(head -1 "$T/err")" "$T/nodesign.epw: note: no ASHRAE design conditions in the file" \
    "check with an EPW file without design conditions: says they are derived"
# and a good EPW file is valid
sed 's|^  source: builtin|  weather_file: good.epw|' "$DATA/sites/minimal.yaml" \
    >"$T/epw-good.yaml"
cp "$DATA/good.epw" "$T/good.epw"
run "$DCPLAN" check "$T/epw-good.yaml"
is "$rc" 0 "check with a good EPW file: exit 0"

# --- a vanishingly slow delivery rate ---
# SCHEMA/site_load.c say "at least one rack a year", but any rate > 0 is taken and
# expanded one day at a time: 1e-7 /d is 20 million days for 2 racks.
sed 's|^        rate: 1 /d|        rate: 1e-7 /d|' "$DATA/sites/minimal.yaml" \
    >"$T/slow-rate.yaml"
run "$DCPLAN" check "$T/slow-rate.yaml"
is "$rc" 3 "rate 1e-7 /d is rejected"

done_testing
