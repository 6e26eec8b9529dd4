# lib.sh - a tiny Test Anything Protocol helper for dcplan's shell tests (POSIX sh).
#
# Source it, then:
#   plan N                 print the plan first (or call done_testing at the end)
#   ok STATUS DESC         pass when STATUS is 0:  test -f x; ok $? "x exists"
#   is GOT WANT DESC       pass when the strings are equal; shows both when not
#   like GOT PATTERN DESC  pass when GOT contains the fixed string PATTERN
#   is_abs GOT WANT TOL DESC  pass when GOT is a number within TOL of WANT (as
#                          tap.h's is_abs)
#   skip DESC REASON       a skipped test
#   todo REASON            mark the next test as a known bug (TAP "# TODO")
#   diag TEXT              a comment line; multi-line text is prefixed line by line
#   done_testing           print the plan if none was given; always exits 0 so the
#                          TAP driver judges by the results, not the exit status
#   run CMD...             run a command; stdout in $T/out, stderr in $T/err, exit
#                          status in $rc
#   run_csv CMD...         run, then drop the CRs of CSV's CRLF line ends from $T/out
#                          (the bytes as written stay in $T/raw)
#   subst FROM TO          filter stdin -> stdout replacing the literal string FROM
#   cmp_files GOT WANT DESC  compare two files, showing a diff when they differ
#
# Predicates, for "PRED FILE; ok $? DESC":
#   json_ok FILE           one JSON object, brackets balanced outside strings
#   crlf_ok FILE           every line ends in CRLF (RFC 4180), the last one too
#   lf_ok FILE             every line ends in LF alone (no CR anywhere), the last too
#
# The environment gives DCPLAN (the binary), top_srcdir and top_builddir.  The helper
# makes a scratch directory $T under ${TMPDIR:-/tmp} and removes it on exit: tests
# never write into the (possibly read-only) source tree.

tap_n=0
tap_planned=0
tap_todo=

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${DCPLAN:=$top_builddir/src/dcplan}"
DATA=$top_srcdir/tests/data

T=$(mktemp -d "${TMPDIR:-/tmp}/dcplan-test.XXXXXX") || {
	echo "Bail out! cannot make a scratch directory"
	exit 1
}
trap 'rm -rf "$T"' EXIT
trap 'rm -rf "$T"; exit 1' HUP INT TERM

plan()
{
	tap_planned=1
	echo "1..$1"
}

diag()
{
	printf '%s\n' "$*" | sed 's/^/# /'
}

tap_result()	# STATUS DESC
{
	tap_n=$((tap_n + 1))
	tap_sfx=
	if [ -n "$tap_todo" ]; then
		tap_sfx=" # TODO $tap_todo"
		tap_todo=
	fi
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2$tap_sfx"
	else
		echo "not ok $tap_n - $2$tap_sfx"
	fi
}

ok()
{
	tap_result "$1" "$2"
}

is()
{
	if [ "x$1" = "x$2" ]; then
		tap_result 0 "$3"
	else
		tap_result 1 "$3"
		diag "     got: '$1'"
		diag "expected: '$2'"
	fi
}

like()
{
	case $1 in
	*"$2"*)
		tap_result 0 "$3"
		;;
	*)
		tap_result 1 "$3"
		diag "     got: '$1'"
		diag "expected to contain: '$2'"
		;;
	esac
}

# is_abs GOT WANT TOL DESC: |GOT - WANT| <= TOL, GOT a plain decimal number
is_abs()
{
	if awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN {
	    if (g !~ /^-?[0-9.]+$/) exit 1
	    d = g - w; if (d < 0) d = -d; exit !(d <= t) }'; then
		tap_result 0 "$4"
	else
		tap_result 1 "$4"
		diag "     got: '$1'"
		diag "expected: $2 +- $3"
	fi
}

skip()
{
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

todo()
{
	tap_todo=$1
}

done_testing()
{
	[ "$tap_planned" -eq 1 ] || echo "1..$tap_n"
	exit 0
}

run()
{
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

run_csv()
{
	run "$@"
	mv "$T/out" "$T/raw" && tr -d '\r' <"$T/raw" >"$T/out"
}

subst()
{
	FROM=$1 TO=$2 awk '
	BEGIN { from = ENVIRON["FROM"]; to = ENVIRON["TO"]; n = length(from) }
	{
		out = ""
		while (n > 0 && (i = index($0, from)) > 0) {
			out = out substr($0, 1, i - 1) to
			$0 = substr($0, i + n)
		}
		print out $0
	}'
}

cmp_files()
{
	if cmp -s "$1" "$2"; then
		tap_result 0 "$3"
	else
		tap_result 1 "$3"
		diag "$(diff -u "$2" "$1" 2>&1 | head -40)"
	fi
}

# Structural JSON check without a JSON tool: brackets balance outside strings, the
# document is one object, and nothing follows it.
json_ok()
{
	awk '
	BEGIN { depth = 0; instr = 0; esc = 0; closed = 0; bad = 0 }
	{
		line = $0 "\n"
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (instr) {
				if (esc) esc = 0
				else if (c == "\\") esc = 1
				else if (c == "\"") instr = 0
				continue
			}
			if (c == " " || c == "\t" || c == "\n") continue
			if (closed) { bad = 1; continue }
			if (c == "\"") instr = 1
			else if (c == "{" || c == "[") stack[++depth] = c
			else if (c == "}" || c == "]") {
				if (depth == 0 || (c == "}") != (stack[depth] == "{")) bad = 1
				else if (--depth == 0) closed = 1
			} else if (depth == 0) bad = 1
		}
	}
	END { exit !(closed && !bad && !instr && depth == 0) }' "$1"
}

# Every line ends in CRLF (RFC 4180), including the last: as many CRs as newlines,
# and the file ends in CR LF.
lf_ok()
{
	[ -s "$1" ] && [ "$(tr -cd '\r' <"$1" | wc -c)" -eq 0 ] &&
	    [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]
}

crlf_ok()
{
	[ "$(tr -cd '\n' <"$1" | wc -c)" -eq "$(tr -cd '\r' <"$1" | wc -c)" ] &&
	    [ "$(tail -c 2 "$1" | od -An -c | tr -d ' ')" = '\r\n' ]
}

# png_size FILE: "WIDTHxHEIGHT" from the IHDR chunk, or "not a PNG"
png_size()
{
	sig=$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')
	ihdr=$(od -An -c -j12 -N4 "$1" 2>/dev/null | tr -d ' \n')
	if [ "$sig" != 89504e470d0a1a0a ] || [ "$ihdr" != IHDR ]; then
		echo "not a PNG"
		return
	fi
	w=$(od -An -tu1 -j16 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
	h=$(od -An -tu1 -j20 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
	echo "${w}x${h}"
}

# svg_size FILE: "WIDTHxHEIGHT" of the root element (px)
svg_size()
{
	sed -n 's/.*<svg[^>]* width="\([0-9.]*\)px" height="\([0-9.]*\)px".*/\1x\2/p' "$1" |
	    head -n 1
}

# pdf_size FILE: "WIDTHxHEIGHT" of the first MediaBox, if the file is a whole PDF
pdf_size()
{
	head -c 5 "$1" | grep -q '^%PDF-' || { echo "not a PDF"; return; }
	tail -c 32 "$1" | grep -q '%%EOF' || { echo "no %%EOF"; return; }
	LC_ALL=C grep -a -o '/MediaBox \[ 0 0 [0-9]* [0-9]* \]' "$1" | head -n 1 |
	    awk '{ print $5 "x" $6 }'
}
