# The catalogs are whole: every message of the source is in po/fi.po and
# po/sv.po, translated and not fuzzy (make check fails otherwise; `make pot`
# brings new msgids in, then translate them).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgattrib >/dev/null 2>&1; then
	not_ok "gettext tools are missing (make deps installs them)"
	done_testing
fi
cd "$top" || exit 1
# The same extraction as `make pot`.
xgettext --keyword=_ --keyword=N_ --keyword=dngettext:2,3 --keyword=lk_err_set:4 \
	--keyword=cmd_usage:3 --keyword=lk_import_problem:4 --from-code=UTF-8 \
	-o "$T/now.pot" $(ls src/*/*.c ui/*.c | sort) 2>"$T/xgettext.err" ||
	not_ok "xgettext runs: $(cat "$T/xgettext.err")"
for lang in fi sv; do
	po=po/$lang.po
	if msgcmp "$po" "$T/now.pot" >"$T/cmp" 2>&1; then
		ok "$lang: every message of the source is in $po"
	else
		not_ok "$lang: messages missing from $po (run make pot and translate them)"
		grep -m 10 'this message is used but not defined' "$T/cmp" | sed 's/^/#   /'
	fi
	msgattrib --untranslated --no-obsolete "$po" >"$T/untr" 2>/dev/null
	n=$(grep -c '^msgid ' "$T/untr")
	# The header's empty msgid counts once when anything else is listed.
	if [ "$n" -le 1 ] && ! grep -q '^msgid "[^"]' "$T/untr"; then
		ok "$lang: no untranslated message"
	else
		not_ok "$lang: untranslated messages in $po"
		grep '^msgid "[^"]' "$T/untr" | head -10 | sed 's/^/#   /'
	fi
	msgattrib --only-fuzzy --no-obsolete "$po" >"$T/fuzzy" 2>/dev/null
	if grep -q '^msgid "[^"]' "$T/fuzzy"; then
		not_ok "$lang: fuzzy messages in $po"
		grep '^msgid "[^"]' "$T/fuzzy" | head -10 | sed 's/^/#   /'
	else
		ok "$lang: no fuzzy message"
	fi
	msgfmt --check --statistics -o /dev/null "$po" 2>"$T/stat" && ok "$lang: $(cat "$T/stat")" ||
		not_ok "$lang: msgfmt --check: $(cat "$T/stat")"
done
done_testing
