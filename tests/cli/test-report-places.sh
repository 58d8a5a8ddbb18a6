# luukku report outside-home|channels on a small fixed dataset (issue 7;
# 001 §4.1: visits outside the home municipality are monitored, and the
# municipalities share the costs by how their residents were met): held
# appointments and identified walk-in visits at a point in another
# municipality, and held meetings per home municipality by channel.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
Q=kiteen-palvelupiste
S1=$(lk staff add --name "Korhonen, Kalle" --role caseworker --point $P)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point $Q)
J=$(lk client add --name "Virtanen, Matti" --municipality Joensuu)
K=$(lk client add --name "Nieminen, Aino" --municipality Kitee)
L=$(lk client add --name "Lehtonen, Lasse" --municipality Liperi)
N=$(lk client add --name "Nobody, Nils")

# book CLIENT STAFF POINT AT CHANNEL [done|no-show]
book() {
	a=$(lk book --client "$1" --staff "$2" --point "$3" --kind muu --at "$4" --minutes 30 \
		--channel "$5") || not_ok "book at $4"
	case ${6-} in
	done) lk meeting done "$a" >/dev/null || not_ok "done at $4" ;;
	no-show) lk meeting no-show "$a" >/dev/null || not_ok "no-show at $4" ;;
	esac
}
# Virtanen (Joensuu) at Kitee: face, phone and a remote point, all held; and
# once at home in Joensuu.
book "$J" "$S2" $Q "2026-03-03 09:00" face done
book "$J" "$S2" $Q "2026-03-03 10:00" phone done
book "$J" "$S2" $Q "2026-03-03 11:00" remote-point done
book "$J" "$S1" $P "2026-03-04 09:00" face done
# Nieminen (Kitee) in Joensuu: face and video held; a third one missed.
book "$K" "$S1" $P "2026-03-04 10:00" face done
book "$K" "$S1" $P "2026-03-04 11:00" video done
book "$K" "$S1" $P "2026-03-04 12:00" face no-show
# Nobody (no home municipality) by phone; Lehtonen (Liperi) in Joensuu in
# February, straight into the table (the past cannot be booked).
book "$N" "$S1" $P "2026-03-05 09:00" phone done
sql "INSERT INTO appointment(id, client_id, staff_id, point_id, kind, channel, start, minutes,
	status, created) VALUES ('feb', '$L', '$S1', '$P', 'muu', 'face', '2026-02-10 10:00', 30,
	'done', '2026-02-01 09:00')"
# Walk-in visits: Nieminen at Joensuu counts; an anonymous visit, Virtanen
# at home and Nobody at Kitee do not.
lk piste log --point $P --topic digi --client "$K" >/dev/null || not_ok "log K"
lk piste log --point $P --topic digi >/dev/null || not_ok "log anonymous"
lk piste log --point $P --topic tyonhaku --client "$J" >/dev/null || not_ok "log J"
lk piste log --point $Q --topic muu --client "$N" >/dev/null || not_ok "log N"

# --- outside-home ---------------------------------------------------------------
expect 0 "visits outside the home municipality as CSV" lk report outside-home --csv
same "per point and home municipality; phone and video are not visits" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,home_municipality_id,home_municipality,appointments,walk_ins,visits' \
"$P,Joensuun palvelupiste,kitee,Kitee,1,1,2" \
"$P,Joensuun palvelupiste,liperi,Liperi,1,0,1" \
"$Q,Kiteen palvelupiste,joensuu,Joensuu,2,0,2")"
expect 0 "for people" lk report outside-home
same "columns under their headings" "$OUT" "$(printf '%s\n' \
'Point                          Home municipality    Appointments Walk-in visits Visits' \
'Joensuun palvelupiste          Kitee                           1              1      2' \
'Joensuun palvelupiste          Liperi                          1              0      1' \
'Kiteen palvelupiste            Joensuu                         2              0      2')"
expect 0 "a municipality: its points and its residents" lk report outside-home --municipality Kitee --csv
same "Kitee's residents in Joensuu, Joensuu's at Kitee" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
"$(printf '%s\n' "$P,Joensuun palvelupiste,kitee,Kitee,1,1,2" "$Q,Kiteen palvelupiste,joensuu,Joensuu,2,0,2")"
expect 0 "from March" lk report outside-home --from 2026-03-01 --point $P --csv
same "Lehtonen's February meeting left out" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	"$P,Joensuun palvelupiste,kitee,Kitee,1,1,2"

# --- channels -------------------------------------------------------------------
expect 0 "the channel mix as CSV" lk report channels --csv
same "held meetings per home municipality and channel" "$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'municipality_id,municipality,meetings,face,face_pct,phone,phone_pct,video,video_pct,remote_point,remote_point_pct' \
'joensuu,Joensuu,4,2,50.0,1,25.0,0,0.0,1,25.0' \
'kitee,Kitee,2,1,50.0,0,0.0,1,50.0,0,0.0' \
'liperi,Liperi,1,1,100.0,0,0.0,0,0.0,0,0.0' \
',,1,0,0.0,1,100.0,0,0.0,0,0.0')"
expect 0 "the channel mix for people" lk report channels
same "counts with shares; no home municipality last" "$OUT" "$(printf '%s\n' \
'Municipality         Meetings   face to face       by phone       by video remote service point' \
'Joensuu                     4     2 (50.0 %)     1 (25.0 %)      0 (0.0 %)           1 (25.0 %)' \
'Kitee                       2     1 (50.0 %)      0 (0.0 %)     1 (50.0 %)            0 (0.0 %)' \
'Liperi                      1    1 (100.0 %)      0 (0.0 %)      0 (0.0 %)            0 (0.0 %)' \
'unknown                     1      0 (0.0 %)    1 (100.0 %)      0 (0.0 %)            0 (0.0 %)')"
expect 0 "up to 4.3." lk report channels --to 2026-03-04 --csv
same "Nobody's phone call on 5.3. left out" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d | tail -1)" \
	'liperi,Liperi,1,1,100.0,0,0.0,0,0.0,0,0.0'
expect 0 "where the meetings were held" lk report channels --point $Q --csv
same "Kitee point: Virtanen's three" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'joensuu,Joensuu,3,1,33.3,1,33.3,0,0.0,1,33.3'
expect 0 "one home municipality" lk report channels --municipality kitee --csv
same "Kitee's residents only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'kitee,Kitee,2,1,50.0,0,0.0,1,50.0,0,0.0'
expect 0 "a day without meetings" lk report channels --from 2026-03-06
same "says so" "$OUT" "Nothing to report."

# --- CSV round trip -------------------------------------------------------------
lk report outside-home --csv >"$T/outside.csv"
lk report channels --csv >"$T/channels.csv"
if command -v python3 >/dev/null 2>&1; then
	got=$(python3 -c '
import csv, sys
for name in sys.argv[1:]:
    rows = list(csv.DictReader(open(name, newline="", encoding="utf-8")))
    if "outside" in name:
        print(sum(int(r["visits"]) for r in rows), rows[0]["home_municipality"])
    else:
        print(sum(int(r["meetings"]) for r in rows), sum(int(r["face"]) for r in rows))' \
	"$T/outside.csv" "$T/channels.csv")
	same "python3 csv reads both back" "$got" "$(printf '%s\n' '5 Kitee' '8 4')"
else
	not_ok "python3 reads the CSV back: python3 is missing (a test dependency, as in test-consent.sh)"
fi

# --- refusals --------------------------------------------------------------------
expect 2 "an impossible date" lk report outside-home --to 2026-04-31
contains "naming --to" "$ERR" "--to:"
expect 2 "an unknown municipality" lk report channels --municipality Narnia
same "naming --municipality" "$ERR" "luukku report: --municipality: no municipality 'Narnia'"
expect 2 "an unknown point" lk report outside-home --point nowhere --csv
same "and no CSV header either" "$OUT" ""
done_testing
