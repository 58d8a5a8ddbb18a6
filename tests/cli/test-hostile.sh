# Hostile text in: every command that stores text a person types is run
# with one string of each hostile class in each of its text fields, and
# must refuse it (exit 2, naming the field) and write nothing — every
# table but the audit trail (a refusal is audited) and the change capture
# of that audit row hashes the same before and after.
#
# Classes: C0 (ESC, BEL, tab, newline, CR), DEL, C1 (U+009B CSI, U+0085
# NEL, and a raw 0x9B byte), surrogates encoded in UTF-8 (U+D800, U+DFFF),
# overlong encodings ("/" in 2 and 3 bytes, 0xC1), code points above
# U+10FFFF (4- and 5-byte), broken sequences (a cut-short lead, a lone
# continuation byte, a lead before ASCII), the line separator U+2028, bidi
# controls (U+202E everywhere; U+2066, U+200F, U+061C in names), a formula
# in a name, and identity codes in free text however they are written.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --job-search-start 2026-02-20)
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
CASE=$(lk tym open --client "$C" --referral perus)

hash_tables() {
	for t in $(sql "select name from sqlite_master where type = 'table' and name not in
		('audit', 'outbox', 'sqlite_sequence') order by name"); do
		printf '%s ' "$t"; sqlite3 -batch "$DB" "select * from \"$t\"" | md5sum
	done
}

# One string per line of this list: "class<TAB>printf-format".
cat >"$T/classes" <<'LIST'
C0 ESC	x\033[2Jx
C0 BEL	x\007x
C0 tab	x\tx
C0 newline	x\nx
C0 CR	x\rx
DEL	x\177x
C1 U+009B	x\302\233x
C1 U+0085	x\302\205x
C1 raw byte	x\233x
surrogate U+D800	x\355\240\200x
surrogate U+DFFF	x\355\277\277x
overlong 2 bytes	x\300\257x
overlong 3 bytes	x\340\200\257x
overlong C1	x\301\201x
above U+10FFFF	x\364\220\200\200x
5-byte	x\370\210\200\200\200x
cut-short lead	x\342\202
lone continuation	x\200x
lead before ASCII	x\303(x
U+2028	x\342\200\250x
bidi U+202E	x\342\200\256x
LIST
# Names also refuse every bidi control and a formula's first character.
cat >"$T/names" <<'LIST'
bidi U+2066	x\342\201\246x
bidi U+200F	x\342\200\217x
bidi U+061C	x\330\234x
formula	=HYPERLINK("http://x";"y")
formula +	+cmd
formula @	@SUM(1)
LIST
# Free text also refuses identity codes however they are written.
cat >"$T/hetus" <<'LIST'
hetu lower-case sign	käynti 010594y9032
hetu space	käynti 010594 Y9032
hetu dash	käynti 010594-9032
hetu spaced dash	käynti 010594 - 9032
hetu no sign	käynti 0105949032
hetu plain	käynti 010594Y9032
LIST

before=$(hash_tables)
tried=0
# try FIELD LIST 'command with "$H"' — run the command once per hostile
# string of LIST in H; each must exit 2 naming --FIELD.
try() {
	field=$1 list=$2 snippet=$3
	while IFS='	' read -r class fmt; do
		H=$(printf "${fmt}.")
		H=${H%.}
		case $field in
		word) H="hyvä$H" ;;
		name) H="Virtanen, $H" ;;
		esac
		eval "$snippet" >"$T/out" 2>"$T/err"
		got=$?
		tried=$((tried + 1))
		if [ "$got" != 2 ] || ! grep -q -- "--$field:" "$T/err"; then
			not_ok "$class in --$field ($snippet): exit $got"
			sed 's/^/#   err: /' "$T/err" | head -3
		fi
	done <"$T/$list"
}
all_text() { try "$1" classes "$2"; }
free_text() { try "$1" classes "$2"; try "$1" hetus "$2"; }
name() { try "$1" classes "$2"; try "$1" names "$2"; }

name name 'lk client add --name "$H" --municipality Joensuu'
name name 'lk client set "$C" --name "$H"'
all_text address 'lk client add --name "Oja, Olli" --address "$H"'
all_text address 'lk client set "$C" --address "$H"'
name name 'lk staff add --name "$H" --role caseworker --point $P'
free_text note 'lk book --client "$C" --staff "$S" --kind muu --at "2026-03-03 10:00" --minutes 30 --channel face --note "$H"'
free_text reason 'lk book --client "$C" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 30 --channel phone --reason "$H"'
free_text scope 'lk consent give --client "$C" --kind terveydenhuolto --scope "$H"'
free_text final-assessment 'lk tym close "$CASE" --outcome tyo --final-assessment "$H"'
free_text note 'lk piste log --point $P --topic digi --note "$H"'
free_text note 'lk piste arrive --point $P --topic digi --note "$H"'
try first-name classes 'lk piste arrive --point $P --topic digi --first-name "Aino$H"'
try first-name names 'lk piste arrive --point $P --topic digi --first-name "Aino$H"'
free_text word 'lk feedback --point $P --score 4 --word "$H"'
# init --admin on a database of its own: nothing is left behind.
name name 'echo 4321 | "$LUUKKU" --db "$T/admin.db" init --area pohjois-karjala --admin "$H"'
same "no database left by a refused --admin" "$(ls "$T" | grep -c admin.db)" "0"

# Every class on every path above: a loop that stopped early tries fewer.
[ "$tried" -ge 366 ] && ok "$tried hostile strings tried" ||
	not_ok "only $tried hostile strings tried (366 expected: every class on every path)"
same "no table but the audit trail changed" "$(hash_tables)" "$before"
# The good text still goes in (the guards are not just refusing all).
expect 0 "a name with å ä ö and an apostrophe" lk client add --name "D'Angelo, Åsa-Märta" --municipality Joensuu
expect 0 "a note in Arabic with a right-to-left mark" lk book --client "$C" --staff "$S" --kind muu \
	--at "2026-03-03 10:00" --minutes 30 --channel face --note "$(printf 'مرحبا\342\200\217 tulkki')"
expect 0 "a phone number in a note is no identity code" lk piste log --point $P --topic digi --note "soita 040 123 4567"

# A valid identity code whose birth date is after the desk's today.
expect 2 "a birth date in the future (1.5.2026, today 2.3.2026) is refused" lk client add --name "Uusi, Vauva" --hetu 010526A902F
same "naming --hetu" "$ERR" "luukku client add: --hetu: '010526A902F' has a birth date in the future"
expect 2 "also on client set" lk client set "$C" --hetu 010526A902F
expect 0 "born yesterday is fine" lk client add --name "Uusi, Vauva" --hetu 010326A902V

done_testing
