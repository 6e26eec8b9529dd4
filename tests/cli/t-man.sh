#!/bin/sh
# t-man.sh - the man pages (TAP):
#  - dcplan.1 and dcplan-site.5 lint clean with mandoc -T lint;
#  - every command that 'dcplan help' lists has an item in the COMMANDS list of
#    dcplan.1, and the list documents no command the program lacks;
#  - each item's head, rendered, is the 'usage:' line of 'dcplan COMMAND -h'
#    (git checks its SYNOPSIS against -h the same way);
#  - every '$ dcplan ...' example of dcplan.1's EXAMPLES runs and exits 0 or 1,
#    and those of DIAGNOSTICS print the messages shown.
# Environment (AM_TESTS_ENVIRONMENT): DCPLAN, MANDOC (may be empty), top_srcdir.

: "${top_srcdir:=.}"
: "${DCPLAN:=$top_srcdir/src/dcplan}"
man1=$top_srcdir/man/dcplan.1
man5=$top_srcdir/man/dcplan-site.5
n=0
fail=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	fail=1
	echo "not ok $n - $1"
}

skip() {
	n=$((n + 1))
	echo "ok $n # SKIP $1"
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/t-man.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- lint ----
for page in "$man1" "$man5" $(ls "$top_srcdir"/man/*.[1-9] | grep -v -e /dcplan.1 -e /dcplan-site.5); do
	name=$(basename "$page")
	if [ -z "$MANDOC" ]; then
		skip "mandoc not found ($name)"
		continue
	fi
	if [ ! -f "$page" ]; then
		not_ok "mandoc -T lint $name: no such file"
		continue
	fi
	# warnings and errors; not STYLE notes such as .Xr to a page that is not
	# installed yet (the pages refer to each other)
	out=$("$MANDOC" -T lint -W warning "$page" 2>&1)
	if [ -z "$out" ]; then
		ok "mandoc -T lint $name"
	else
		not_ok "mandoc -T lint $name"
		diag "$out"
	fi
done

# ---- the command items of dcplan.1 ----
# One line per top-level item of the first list in COMMANDS: "NAME<tab>HEAD",
# HEAD rendered as text from the mdoc macros the heads use (Cm Ar Fl Op Oo Oc
# Po Pc Pq Ns No Li Ic), with Xo/Xc heads joined.
mdoc_items() {
	awk '
	function render(s,	t, k, i, w, out, mode, sp, stk) {
		k = split(s, t, /[ \t]+/)
		out = ""
		mode = ""
		sp = 0
		for (i = 1; i <= k; i++) {
			w = t[i]
			if (w == "")
				continue
			if (w ~ /^(Cm|Ar|No|Li|Ic|Nm)$/) {
				mode = w
			} else if (w == "Fl") {
				mode = "Fl"
			} else if (w == "Ns") {
				out = out "\001"
			} else if (w == "Op" || w == "Pq") {
				out = out " " (w == "Op" ? "[" : "(")
				stk[++sp] = (w == "Op" ? "]" : ")")
				mode = ""
			} else if (w == "Oo" || w == "Po") {
				out = out " " (w == "Oo" ? "[" : "(")
				mode = ""
			} else if (w == "Oc" || w == "Pc") {
				out = out " " (w == "Oc" ? "]" : ")")
				mode = ""
			} else if (w ~ /^(Xo|Xc)$/) {
				continue
			} else if (w == "|") {
				out = out " |"
			} else {
				out = out " " (mode == "Fl" ? "-" : "") w
			}
		}
		while (sp > 0)
			out = out " " stk[sp--]
		gsub(/ *\001 */, "", out)
		gsub(/\[ +/, "[", out)
		gsub(/\( +/, "(", out)
		gsub(/ +\]/, "]", out)
		gsub(/ +\)/, ")", out)
		gsub(/  +/, " ", out)
		sub(/^ /, "", out)
		return out
	}
	/^\.Sh / { insec = ($0 == ".Sh COMMANDS"); next }
	!insec { next }
	/^\.Bl/ { depth++; if (depth == 1) lists++; next }
	/^\.El/ { depth--; next }
	lists != 1 || depth != 1 { if (!inxo) next }
	inxo {
		if ($0 ~ /^\.Xc/) {
			inxo = 0
			emit(head)
		} else
			head = head " " substr($0, 2)
		next
	}
	/^\.It Xo *$/ { inxo = 1; head = ""; next }
	/^\.It / { emit(substr($0, 5)); next }
	function emit(h,	r) {
		r = render(h)
		if (h ~ /^ *Cm /) {
			split(r, f, " ")
			printf "%s\t%s\n", f[1], r
		}
	}
	' "$1"
}

helpout=$("$DCPLAN" help 2>&1)
cmds=$(printf '%s\n' "$helpout" |
    sed -n '/^commands:/,/^$/p' | sed '1d' | awk 'NF { print $1 }')
if [ -n "$cmds" ]; then
	ok "'dcplan help' lists commands"
else
	not_ok "'dcplan help' lists commands"
	diag "$helpout"
fi
mdoc_items "$man1" >"$tmp/items"

for c in $cmds; do
	head=$(awk -F '\t' -v c="$c" '$1 == c { print $2; exit }' "$tmp/items")
	if [ -z "$head" ]; then
		not_ok "dcplan.1 documents '$c' (no .It Cm $c in COMMANDS)"
		continue
	fi
	ok "dcplan.1 documents '$c'"
	usage=$("$DCPLAN" "$c" -h 2>&1 | sed -n 's/^usage: dcplan \[global options\] //p' |
	    head -n 1 | tr -s ' ')
	if [ "$usage" = "$head" ]; then
		ok "'$c' usage matches dcplan.1"
	else
		not_ok "'$c' usage matches dcplan.1"
		diag "dcplan $c -h: $usage" "dcplan.1:      $head"
	fi
done

cut -f 1 "$tmp/items" | while read -r c; do
	if printf '%s\n' "$cmds" | grep -qx "$c"; then
		echo "ok"
	else
		echo "not ok - dcplan.1 documents '$c', which 'dcplan help' does not list"
	fi
done >"$tmp/extra"
if grep -q '^not ok' "$tmp/extra"; then
	not_ok "dcplan.1 documents only existing commands"
	diag "$(grep '^not ok' "$tmp/extra" | sed 's/^not ok - //')"
else
	ok "dcplan.1 documents only existing commands"
fi

# ---- the examples run ----
# '$ dcplan ...' lines of EXAMPLES joined with their continuation lines (after
# a trailing \e or |), run in a scratch directory where examples/ is the
# source tree's.
mkdir "$tmp/ex" "$tmp/run" || exit 99
awk -v dir="$tmp/ex" '
function add(line) {
	if (line ~ /\\e$/) {
		cmd = cmd substr(line, 1, length(line) - 2) " "
		return 1
	}
	cmd = cmd line
	if (line ~ /\|$/) {
		cmd = cmd " "
		return 1
	}
	return 0
}
function put() {
	k++
	printf "%s\n", cmd >(dir "/" k)
	close(dir "/" k)
}
/^\.Sh / { insec = ($0 == ".Sh EXAMPLES"); next }
!insec { next }
cont { cont = add($0); if (!cont) put(); next }
/^\$ dcplan / { cmd = ""; cont = add(substr($0, 3)); if (!cont) put() }
' "$man1"

ln -s "$top_srcdir/examples" "$tmp/run/examples" || exit 99
bindir=$(cd "$(dirname "$DCPLAN")" && pwd)
nex=0
while [ -f "$tmp/ex/$((nex + 1))" ]; do
	nex=$((nex + 1))
	(cd "$tmp/run" && PATH="$bindir:$PATH" sh "$tmp/ex/$nex" >"$tmp/out" 2>"$tmp/err")
	rc=$?
	first=$(head -n 1 "$tmp/ex/$nex")
	if { [ $rc -eq 0 ] || [ $rc -eq 1 ]; } && [ ! -s "$tmp/err" ]; then
		ok "example runs: $first"
	else
		not_ok "example runs: $first (exit $rc)"
		diag "$(head -n 20 "$tmp/err")"
	fi
done
if [ $nex -gt 0 ]; then
	ok "dcplan.1 has examples ($nex)"
else
	not_ok "dcplan.1 has examples"
fi

# ---- the diagnostics shown are the real ones ----
# In DIAGNOSTICS, each '$ dcplan ...' line of a literal display is followed by
# the messages it prints; run it and compare.  A command on a file that is not
# in the source tree (site.yaml) is skipped.
mkdir "$tmp/dg" || exit 99
awk -v dir="$tmp/dg" '
function add(line) {
	if (line ~ /\\e$/) {
		cmd = cmd substr(line, 1, length(line) - 2) " "
		return 1
	}
	cmd = cmd line
	return 0
}
function flush() {
	if (k > 0)
		close(dir "/" k ".out")
}
/^\.Sh / { insec = ($0 == ".Sh DIAGNOSTICS"); next }
!insec { next }
/^\.Bd / { inbd = 1; next }
/^\.Ed/ { inbd = 0; flush(); next }
!inbd { next }
cont { cont = add($0); if (!cont) { printf "%s\n", cmd >(dir "/" k ".cmd"); close(dir "/" k ".cmd") }; next }
/^\$ dcplan / {
	flush()
	k++
	cmd = ""
	printf "" >(dir "/" k ".out")
	cont = add(substr($0, 3))
	if (!cont) { printf "%s\n", cmd >(dir "/" k ".cmd"); close(dir "/" k ".cmd") }
	next
}
k > 0 { gsub(/\\e/, "\\"); print >>(dir "/" k ".out") }
' "$man1"

k=0
while [ -f "$tmp/dg/$((k + 1)).cmd" ]; do
	k=$((k + 1))
	first=$(cat "$tmp/dg/$k.cmd")
	if grep -q 'site\.yaml' "$tmp/dg/$k.cmd"; then
		skip "diagnostics of '$first' (site.yaml is an illustration)"
		continue
	fi
	(cd "$tmp/run" && PATH="$bindir:$PATH" sh "$tmp/dg/$k.cmd" >"$tmp/out" 2>&1)
	if cmp -s "$tmp/out" "$tmp/dg/$k.out"; then
		ok "diagnostics as shown: $first"
	else
		not_ok "diagnostics as shown: $first"
		diag "$(diff "$tmp/dg/$k.out" "$tmp/out")"
	fi
done
if [ $k -gt 0 ]; then
	ok "DIAGNOSTICS shows commands ($k)"
else
	not_ok "DIAGNOSTICS shows commands"
fi

echo "1..$n"
exit 0
