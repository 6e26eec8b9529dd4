#!/bin/sh
# compare-outputs.sh OLD_DCPLAN NEW_DCPLAN - run every command on every example in
# every format with both binaries and report any output (stdout, stderr, exit
# status) that differs.  Used to show that a refactoring changed nothing.
# Run from the top of the source tree.
old=$1 new=$2
[ -x "$old" ] && [ -x "$new" ] || { echo "usage: $0 OLD NEW" >&2; exit 2; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
# -M for the commands that read models (psychro and help take no -M)
run() {
	n=$((n + 1))
	case $1 in psychro|help|--help) M= ;; *) M=-M$PWD/models ;; esac
	"$old" ${M:+"$M"} "$@" >"$tmp/o1" 2>"$tmp/e1"; r1=$?
	"$new" ${M:+"$M"} "$@" >"$tmp/o2" 2>"$tmp/e2"; r2=$?
	if [ $r1 != $r2 ] || ! cmp -s "$tmp/o1" "$tmp/o2" || ! cmp -s "$tmp/e1" "$tmp/e2"; then
		bad=$((bad + 1)); echo "DIFFERS: $* (exit $r1 / $r2)"
		diff "$tmp/o1" "$tmp/o2" | head -5
	fi
}
for ex in examples/*.yaml; do
	for f in text csv json; do
		run check -f $f "$ex"
		run capacity -f $f "$ex"
		run timeline -f $f "$ex"
		run plan -f $f "$ex"
		run simulate -f $f "$ex"
		run simulate --full -f $f "$ex"
		if grep -q '^swings:' "$ex"; then
			run swings -f $f "$ex"
			run swings --size -f $f "$ex"
		fi
	done
done
for f in text csv json; do
	run models list -f $f
	for m in $(ls models/*.yaml | sed 's#models/##; s#\.yaml##'); do
		run models show -f $f "$m"
		run models perf -f $f "$m"
	done
	run psychro -f $f --tdb 35degC --rh 40%
done
run --help
run help plan
echo "$n runs, $bad differ"
[ $bad = 0 ]
