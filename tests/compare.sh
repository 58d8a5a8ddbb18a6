#!/bin/sh
# tests/compare.sh OLD_BUILD_DIR NEW_BUILD_DIR — were the CLI outputs and
# the screens byte-identical before and after a change?
#
# Runs every tests/cli/test-*.sh and tests/tui/test-*.sh of this tree once
# with each build's luukku, in trace mode (LK_TRACE, tests/cli/lib.sh and
# tests/tui/lib.sh): every run of luukku with its arguments, stdout, stderr
# and exit status; every key sent to the terminal, every screen a test
# compared and every screen a wait found (once steady); and each script's
# own output (its ok / not ok lines) and exit status. Then it normalises
# only what is random by nature:
#   - 32-hex ids (random row ids), numbered <ID1>, <ID2>, … by their first
#     appearance in each file, so the same id stays the same token;
#   - the script's temporary directory (named in the first line of its
#     trace), written <TMP>;
#   - one measured duration: the "… in 0.8 s" that `luukku demo` prints on
#     stderr after its counts (cmd-demo.c), written "in <SECONDS> s";
# and diffs the two trees byte for byte. Nothing else is touched.
#
# Prints what was compared and every difference; exits 1 when anything
# differs, or a script left no trace, 0 when all is identical.
#
#   COMPARE_KEEP=DIR     keep the traces in DIR (default: removed at the end)
#   COMPARE_ONLY="cli/test-hetu tui/test-pick"   compare only these scripts
#
#   sh tests/compare.sh /work/wt-base/build/san build/san
old=${1:?usage: $0 OLD_BUILD_DIR NEW_BUILD_DIR}
new=${2:?usage: $0 OLD_BUILD_DIR NEW_BUILD_DIR}
abs() { (cd "$1" 2>/dev/null && pwd) || { echo "compare: no build directory $1" >&2; exit 2; }; }
old=$(abs "$old") || exit 2
new=$(abs "$new") || exit 2
for b in "$old" "$new"; do
	[ -x "$b/luukku" ] || { echo "compare: $b/luukku is not built" >&2; exit 2; }
done
cd "$(dirname "$0")/.." || exit 2

if [ -n "${COMPARE_KEEP:-}" ]; then
	out=$COMPARE_KEEP
	rm -rf "$out/old" "$out/new" "$out/norm"
	mkdir -p "$out"
else
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LANG=C.UTF-8
unset LUUKKU_DB LUUKKU_CONFIG LUUKKU_LANG LUUKKU_NOW

scripts=
for t in tests/cli/test-*.sh tests/tui/test-*.sh; do
	name=$(basename "$(dirname "$t")")/$(basename "$t" .sh)
	if [ -n "${COMPARE_ONLY:-}" ]; then
		case " $COMPARE_ONLY " in *" $name "*) ;; *) continue ;; esac
	fi
	scripts="$scripts $name"
done
[ -n "$scripts" ] || { echo "compare: no scripts to run" >&2; exit 2; }

# run SIDE BUILD — every script once with BUILD's luukku.
run() {
	side=$1 build=$2
	export LUUKKU_LOCALEDIR=$build/locale
	for name in $scripts; do
		dir=$out/$side/$(dirname "$name")
		mkdir -p "$dir"
		LK_TRACE=$dir sh "tests/$name.sh" "$build/luukku" >"$dir/$(basename "$name").out" 2>&1
		st=$?
		echo "exit: $st" >>"$dir/$(basename "$name").out"
		[ "$st" = 0 ] || echo "  $side: $name exited with status $st"
	done
}
echo "compare: old $old"
run old "$old"
echo "compare: new $new"
run new "$new"

# normalise TMP FILE… — each FILE to stdout as FILE.norm: TMP as <TMP>,
# the ids numbered by their first appearance in the FILEs (the trace first,
# then the script's output), and the abbreviations of those same ids that
# screens show: 8 hex digits on their own ("client 94f5ace8") or the start
# of an id cut by "…" at the screen's edge ("letter-…-1315-3fb3…"), each
# only when it is the start of exactly one id seen in full.
normalise() {
	perl -e '
		my $tmp = shift;
		my (%id, @ids, $n);
		my @text;
		for my $f (@ARGV) {
			open my $fh, "<", $f or die "$f: $!";
			local $/;
			my $t = <$fh>;
			$t =~ s/\Q$tmp\E/<TMP>/g if length $tmp;
			$t =~ s/^(! .* visits) in [0-9]+\.[0-9] s$/$1 in <SECONDS> s/mg;
			while ($t =~ /(?<![0-9a-fA-F])([0-9a-f]{32})(?![0-9a-fA-F])/g) {
				next if $id{$1};
				$id{$1} = "ID" . ++$n;
				push @ids, $1;
			}
			push @text, [$f, $t];
		}
		my $short = sub {
			my ($hex, $end) = @_;
			my @m = grep { substr($_, 0, length $hex) eq $hex } @ids;
			return @m == 1 ? "<$id{$m[0]}:" . length($hex) . ">$end" : "$hex$end";
		};
		for (@text) {
			my ($f, $t) = @$_;
			$t =~ s/(?<![0-9a-fA-F])([0-9a-f]{32})(?![0-9a-fA-F])/<$id{$1}>/g;
			$t =~ s/(?<![0-9a-fA-F<])([0-9a-f]{8})(?![0-9a-fA-F>])/$short->($1, "")/ge;
			$t =~ s/(?<![0-9a-fA-F<])([0-9a-f]{4,31})(\x{e2}\x{80}\x{a6})/$short->($1, $2)/ge;
			open my $out, ">", "$f.norm" or die "$f.norm: $!";
			print $out $t;
			close $out;
		}' "$@"
}

missing=0
for side in old new; do
	for name in $scripts; do
		base=$(basename "$name") dir=$(dirname "$name")
		trace=$out/$side/$dir/$base.trace
		mkdir -p "$out/norm/$side/$dir"
		if [ ! -s "$trace" ]; then
			echo "  $side: $name left no trace"
			missing=$((missing + 1))
			: >"$trace"
		fi
		tmp=$(sed -n '1s/^# tmp: //p' "$trace")
		normalise "$tmp" "$trace" "$out/$side/$dir/$base.out" || exit 2
		mv "$trace.norm" "$out/norm/$side/$dir/$base.trace"
		mv "$out/$side/$dir/$base.out.norm" "$out/norm/$side/$dir/$base.out"
	done
done

count() { cat "$@" 2>/dev/null | grep -c "$pat"; }
n=$(echo $scripts | wc -w)
pat='^== screen '; asserted=$(count "$out"/norm/new/tui/*.trace)
pat='^== wait .*: found$'; waited=$(count "$out"/norm/new/tui/*.trace)
pat='^\$ luukku'; runs=$(count "$out"/norm/new/*/*.trace)
lines=$(cat "$out"/norm/new/*/* | wc -l)
diff -r -u "$out/norm/old" "$out/norm/new" >"$out/diff"
differ=$(grep -c '^[-+][^-+]' "$out/diff")
files=$(grep -c '^diff ' "$out/diff")

echo "scripts compared:    $n"
echo "screens compared:    $((asserted + waited)) ($asserted asserted by the tests, $waited found by waits)"
echo "CLI runs compared:   $runs"
echo "lines compared:      $lines"
echo "differences:         $differ line(s) in $files file(s)"
if [ "$differ" -gt 0 ] || [ "$files" -gt 0 ]; then
	sed 's/^/    /' "$out/diff" | head -n "${COMPARE_SHOW:-300}"
	echo "compare: the outputs differ"
	exit 1
fi
case " $scripts" in *" tui/"*) want_screens=1 ;; *) want_screens=0 ;; esac
if [ "$missing" -gt 0 ] || [ "$lines" -eq 0 ] || [ "$runs" -eq 0 ] ||
	{ [ "$want_screens" = 1 ] && [ $((asserted + waited)) -eq 0 ]; }; then
	echo "compare: nothing to compare (a script left no trace)"
	exit 1
fi
echo "compare: identical"
