# No English inside Finnish and Swedish: the error and state paths of every
# layer (core's identity-code check, the store's states and refusals, the
# queue, consents, a bad config file and iniparser's own lines) run under
# --lang fi and --lang sv, and the output must hold none of the program's
# own English words. Machine codes stay in --tsv.
. "$(dirname "$0")/lib.sh"
unset LUUKKU_LANG

# Words the program writes in English (states, ways, core details, the
# config reader); matched as whole words, case-insensitively.
WORDS='open-card|read-due|consent-given|cli|tyonvalitys|done|is marked|no letter|called|cancelled|scheduled|waiting|serving|served|referred|written|oral|electronic|check character|does not match|cannot|already|ticket|appointment|iniparser|syntax error|ini file|healthcare|consent|terveydenhuolto'

lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Virtanen, Matti" --job-search-start 2026-02-20)
S=$(lk staff add --name "Oja, Olli" --role caseworker --point joensuun-palvelupiste)
P=joensuun-palvelupiste
printf '[ui\nlang = fi\n' >"$T/bad.ini"

# run LANG cmd… — append what a person reads (stdout and stderr) to $T/said.LANG.
run() {
	l=$1; shift
	{ echo "\$ $*"; "$LUUKKU" --db "$DB" --lang "$l" "$@" 2>&1; } >>"$T/said.$l"
}
for l in fi sv; do
	: >"$T/said.$l"
	run $l client add --name "Virtanen, Maija" --hetu 010594Y9033
	run $l hetu 010594Y9033
	run $l hetu 010594Y9032
	A=$("$LUUKKU" --db "$DB" book --client "$C" --staff "$S" --kind alkuhaastattelu \
		--at "2026-03-0$([ $l = fi ] && echo 3 || echo 4) 10:00" --minutes 60 --channel face)
	run $l meeting cancel "$A"
	run $l meeting cancel "$A"
	run $l meeting reschedule "$A" --at "2026-03-10 10:00"
	run $l meeting history "$A"
	run $l piste arrive --point $P --topic digi
	run $l piste call 1 --point $P
	run $l piste serve 1 --point $P
	run $l piste end 1 --point $P
	run $l piste end 1 --point $P
	run $l piste queue --point $P
	"$LUUKKU" --db "$DB" consent withdraw --client "$C" --kind terveydenhuolto --scope "työkyky" >/dev/null 2>&1
	run $l consent give --client "$C" --kind terveydenhuolto --scope "työkyky"
	run $l consent give --client "$C" --kind terveydenhuolto --scope "työkyky"
	run $l consent give --client "$C" --kind rinnalla --scope "neuvonta $l"
	run $l consent list --client "$C"
	run $l consent withdraw --client "$C" --kind terveydenhuolto --scope "työkyky"
	run $l audit --client no-such-client
	run $l audit --client "$C"
	run $l client show "$C"
	run $l letter "$A"
	run $l --config "$T/bad.ini" hetu 010594Y9032
	# The command's and the option's names lead a message: they are what
	# was typed, not words to translate.
	grep -v '^\$ ' "$T/said.$l" | sed 's/^luukku[a-z -]*: //; s/^--[a-z-]*: //' >"$T/read.$l"
	if grep -E -i -w -q "$WORDS" "$T/read.$l"; then
		not_ok "--lang $l: English words in what a person reads"
		grep -E -i -w "$WORDS" "$T/read.$l" | head -10 | sed 's/^/#   /'
	else
		ok "--lang $l: no English word of the program in $(grep -c -v '^\$ ' "$T/said.$l") lines"
	fi
done
# The paths ran and said what they should, in the language asked.
contains "fi: the core's detail" "$(cat "$T/said.fi")" "tarkistemerkki ei täsmää"
contains "sv: the core's detail" "$(cat "$T/said.sv")" "kontrolltecknet stämmer inte"
contains "fi: the queue's state" "$(cat "$T/said.fi")" "vuoronumero 1: kutsuttu"
contains "fi: cancelling twice" "$(cat "$T/said.fi")" "tapaamisen tila on jo ”peruttu”"
contains "fi: the consent's way" "$(cat "$T/said.fi")" "kirjallinen"
contains "sv: the consent's way" "$(cat "$T/said.sv")" "skriftligt"
contains "fi: the config file's line, not iniparser's" "$(cat "$T/said.fi")" "rivi 1"
contains "sv: the config file's line" "$(cat "$T/said.sv")" "rad 1"
# Machine codes stay in --tsv.
expect 0 "consent list --tsv" lk consent list --client "$C" --tsv
contains "the code in TSV" "$OUT" "	written	"
done_testing
