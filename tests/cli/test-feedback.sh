# luukku feedback and `report feedback` (issue 7, "Feedback"): quick
# feedback 1–5 and an optional word, anonymous; the report per point and
# month (count, mean, distribution, the most frequent words) on fixed data,
# filters, CSV round-tripped through python3's csv; bad scores and words
# refused with exit 2 naming the field, nothing written.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
Q=kiteen-palvelupiste
n() { sql "select count(*) from feedback"; }
out0=$(sql "select count(*) from outbox")

# fb DAY POINT SCORE [WORD] — feedback given on DAY.
fb() {
	LUUKKU_NOW="$1 12:00" lk feedback --point "$2" --score "$3" ${4:+--word "$4"} ||
		not_ok "feedback $*"
}
# Joensuu, February: 5 hyvä, 4 hyvä, 2 hidas.
fb 2026-02-03 $P 5 hyvä
fb 2026-02-10 $P 4 Hyvä
fb 2026-02-27 $P 2 hidas
# Joensuu, March: 5 nopea, 5 Nopea, 5 ystävällinen, 1, 3 hyvä.
fb 2026-03-02 $P 5 nopea
fb 2026-03-02 $P 5 Nopea
fb 2026-03-03 $P 5 ystävällinen
fb 2026-03-04 $P 1
fb 2026-03-05 $P 3 hyvä
# Kitee, March: 4.
fb 2026-03-05 $Q 4
same "nine answers stored" "$(n)" 9
same "anonymous: a point, a day, a score and a word, nothing else" \
	"$(sql "select point_id, given_on, score, coalesce(word, '-'), source from feedback where given_on = '2026-03-03'")" \
	"$P|2026-03-03|5|ystävällinen|desk"
same "words kept in lower case" "$(sql "select count(*) from feedback where word = 'hyvä'")" 3

# --- the report ---------------------------------------------------------------
expect 0 "the feedback report as CSV" lk report feedback --csv
same "per point and month: count, mean, 1-5, the most frequent words" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,month,answers,mean,score_1,score_2,score_3,score_4,score_5,top_words' \
'joensuun-palvelupiste,Joensuun palvelupiste,2026-02,3,3.67,0,1,0,1,1,"hyvä (2), hidas (1)"' \
'joensuun-palvelupiste,Joensuun palvelupiste,2026-03,5,3.80,1,0,1,0,3,"nopea (2), hyvä (1), ystävällinen (1)"' \
'kiteen-palvelupiste,Kiteen palvelupiste,2026-03,1,4.00,0,0,0,1,0,')"
expect 0 "the feedback report for people, from March" lk report feedback --from 2026-03-01
same "columns by display width" "$OUT" "$(printf '%s\n' \
'Point                          Month   Answers Mean   1   2   3   4   5 Words' \
'Joensuun palvelupiste          2026-03       5 3.80   1   0   1   0   3 nopea (2), hyvä (1), ystävällinen (1)' \
'Kiteen palvelupiste            2026-03       1 4.00   0   0   0   1   0 ')"
expect 0 "one municipality" lk report feedback --municipality Kitee --csv
same "Kitee only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'kiteen-palvelupiste,Kiteen palvelupiste,2026-03,1,4.00,0,0,0,1,0,'
expect 0 "one point, February" lk report feedback --point $P --to 2026-02-28 --csv
same "Joensuu in February" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'joensuun-palvelupiste,Joensuun palvelupiste,2026-02,3,3.67,0,1,0,1,1,"hyvä (2), hidas (1)"'
expect 0 "a point without feedback" lk report feedback --point heinaveden-palvelupiste
same "says so" "$OUT" "Nothing to report."

lk report feedback --csv >"$T/feedback.csv"
case $(head -1 "$T/feedback.csv" | od -An -c | tr -d ' \n') in
*'\r\n') ok "records end in CRLF" ;; *) not_ok "records end in CRLF" ;;
esac
got=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert all(len(r) == 11 for r in rows), rows
print(len(rows)); print(rows[2][10]); print(sum(int(r[3]) for r in rows[1:]))
print(round(sum(int(r[3]) * float(r[4]) for r in rows[1:])))' "$T/feedback.csv")
same "python3 csv reads it back: rows, the quoted words, 9 answers, 34 points" "$got" \
	"$(printf '%s\n' 4 'nopea (2), hyvä (1), ystävällinen (1)' 9 34)"

# --- refusals: exit 2 naming the field, nothing written ------------------------
out_before=$(sql "select count(*) from outbox")
same "each answer went to the outbox for sync" "$out_before" $((out0 + 9))
for s in 0 6 x; do
	expect 2 "score '$s' refused" lk feedback --point $P --score "$s"
	contains "naming --score" "$ERR" "--score:"
done
expect 2 "no score" lk feedback --point $P
contains "naming --score" "$ERR" "--score:"
expect 2 "an identity code as the word" lk feedback --point $P --score 3 --word 010594Y9032
contains "naming --word" "$ERR" "--word:"
expect 2 "digits only as the word" lk feedback --point $P --score 3 --word 0401234567
contains "naming --word" "$ERR" "--word:"
expect 2 "two words" lk feedback --point $P --score 3 --word "Matti Virtanen"
contains "naming --word" "$ERR" "--word:"
expect 3 "an unknown point" lk feedback --point nowhere --score 3
contains "naming --point" "$ERR" "--point:"
same "nothing written by the refusals" "$(n)" 9
same "nothing waits in the outbox for them either" "$(sql "select count(*) from outbox")" $((out0 + 9))
done_testing
