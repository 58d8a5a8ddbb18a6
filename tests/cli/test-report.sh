# luukku report: the areas' targets (issue 7) on a small fixed dataset —
# face-to-face shares per point and month, Piste walk-in visits with median
# waiting and service times, no-shows and referrals by topic, hour and
# weekday, caseloads against 100–200; filters, refusals and the CSV export
# round-tripped through a real CSV reader. (The cadence, TYM and integration
# reports are test-report-cadence.sh's; outside-home and channels
# test-report-places.sh's.)
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
Q=kiteen-palvelupiste
S1=$(lk staff add --name 'Korhonen, Kalle "Kake"' --role caseworker --point $P)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point $Q)
C1=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --caseworker "$S1")
C2=$(lk client add --name "Nieminen, Aino" --municipality Joensuu --caseworker "$S1")
C3=$(lk client add --name "Mäkinen, Olli" --municipality Joensuu --caseworker "$S1")
C4=$(lk client add --name "Laine, Sari" --municipality Joensuu --caseworker "$S1" \
	--job-search-start 2025-06-01 --job-search-end 2026-02-01)
# One initial interview per client and job-search period (docs/rules.md#
# initial-interview): the extra initial interviews are other clients'.
C5=$(lk client add --name "Heikkinen, Ville" --municipality Joensuu)
C6=$(lk client add --name "Koskinen, Liisa" --municipality Joensuu)
C7=$(lk client add --name "Järvinen, Pekka" --municipality Kitee)
C8=$(lk client add --name "Lehtonen, Anu" --municipality Kitee)
# 120 more clients for Ojala, straight into the table: a caseload within target.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
	INSERT INTO client(id, surname, given_names, caseworker_id, created)
	SELECT printf('%032x', i), 'Asiakas', 'N' || i, '$S2', '2026-01-01' FROM n"

# book CLIENT STAFF KIND AT CHANNEL [done] — book (with $REASON when set), and
# mark it held.
book() {
	a=$(lk book --client "$1" --staff "$2" --kind "$3" --at "$4" --minutes 30 --channel "$5" \
		${REASON:+--reason "$REASON"} ${HELD:+--held}) ||
		not_ok "book $3 at $4"
	[ "${6-}" = done ] && [ -z "${HELD-}" ] &&
		{ lk meeting done "$a" >/dev/null || not_ok "done $3 at $4"; }
}
# Joensuu, March: 3 of 4 initial interviews face to face (a fifth is not held).
book "$C1" "$S1" alkuhaastattelu "2026-03-03 09:00" face done
book "$C2" "$S1" alkuhaastattelu "2026-03-03 10:00" face done
book "$C3" "$S1" alkuhaastattelu "2026-03-03 11:00" face done
REASON="asks for a call"
book "$C5" "$S1" alkuhaastattelu "2026-03-03 12:00" phone done
REASON=
book "$C6" "$S1" alkuhaastattelu "2026-03-03 13:00" face
# … and 1 of 3 job-search discussions.
book "$C1" "$S1" tyonhakukeskustelu "2026-03-04 09:00" face done
book "$C2" "$S1" tyonhakukeskustelu "2026-03-04 10:00" video done
book "$C3" "$S1" tyonhakukeskustelu "2026-03-04 11:00" video done
# Joensuu, February: the one job-search discussion face to face (past:
# recorded as held).
HELD=1
book "$C4" "$S1" tyonhakukeskustelu "2026-02-10 10:00" face done
HELD=
# Kitee, March: 2 of 2 initial interviews face to face.
book "$C7" "$S2" alkuhaastattelu "2026-03-05 09:00" face done
book "$C8" "$S2" alkuhaastattelu "2026-03-05 10:00" face done

# --- face-to-face -------------------------------------------------------------
expect 0 "the face-to-face report as CSV" lk report face-to-face --csv
same "header and one row per point and month, with the targets" "$(printf '%s\n' "$OUT" | tr -d '\r')" \
"$(printf '%s\n' \
'point_id,point,month,initial_interviews,initial_face,initial_face_pct,initial_target_pct,initial_met,job_search_discussions,job_search_face,job_search_face_pct,job_search_target_pct,job_search_met' \
'joensuun-palvelupiste,Joensuun palvelupiste,2026-02,0,0,,>= 75,,1,1,100.0,> 50,1' \
'joensuun-palvelupiste,Joensuun palvelupiste,2026-03,4,3,75.0,>= 75,1,3,1,33.3,> 50,0' \
'kiteen-palvelupiste,Kiteen palvelupiste,2026-03,2,2,100.0,>= 75,1,0,0,,> 50,')"
expect 0 "the face-to-face report for people" lk report face-to-face --from 2026-03-01
contains "3 of 4 initial interviews is 75.0 %, which meets 75 %" "$OUT" "3/4     75.0 %  >= 75 % met"
contains "1 of 3 job-search discussions is 33.3 %, below > 50 %" "$OUT" "1/3     33.3 %  > 50 %  below"
case $OUT in *2026-02*) not_ok "--from leaves February out" ;; *) ok "--from leaves February out" ;; esac
expect 0 "one point" lk report face-to-face --point $Q --csv
same "Kitee only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'kiteen-palvelupiste,Kiteen palvelupiste,2026-03,2,2,100.0,>= 75,1,0,0,,> 50,'
expect 0 "one municipality, by name" lk report face-to-face --municipality Joensuu --to 2026-02-28 --csv
same "Joensuu in February only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'joensuun-palvelupiste,Joensuun palvelupiste,2026-02,0,0,,>= 75,,1,1,100.0,> 50,1'

# --- walk-in ------------------------------------------------------------------
# Event times straight into the table (the queue itself is test-piste.sh's).
v() { sql "INSERT INTO visit(id, point_id, topic, client_id, ticket, arrived, called, served, ended, outcome)
	VALUES ('$1', '$P', '$2', $3, $4, '$5', $6, $7, $8, $9)"; }
v v1 digi NULL 1 "2026-03-02 09:00" "'2026-03-02 09:10'" "'2026-03-02 09:12'" "'2026-03-02 09:30'" "'served'"
v v2 digi "'$C1'" 2 "2026-03-02 09:05" "'2026-03-02 09:35'" "'2026-03-02 09:36'" "'2026-03-02 09:46'" "'served'"
v v3 digi NULL 3 "2026-03-02 10:00" "'2026-03-02 10:04'" "'2026-03-02 10:05'" "'2026-03-02 10:15'" "'served'"
v v4 tyonhaku NULL 4 "2026-03-02 11:00" "'2026-03-02 11:05'" NULL NULL "'no-show'"
v v5 tyonhaku "'$C2'" 5 "2026-03-02 11:00" "'2026-03-02 11:20'" "'2026-03-02 11:20'" "'2026-03-02 11:45'" "'served'"
v v6 digi NULL 1 "2026-02-27 09:00" "'2026-02-27 09:50'" "'2026-02-27 09:50'" "'2026-02-27 10:50'" "'served'"
v v7 koulutus "'$C3'" 1 "2026-03-03 14:00" "'2026-03-03 14:02'" "'2026-03-03 14:03'" "'2026-03-03 14:10'" "'referred'"
expect 0 "an anonymous visit logged at Kitee" lk piste log --point $Q --topic muu
expect 0 "the walk-in report as CSV" lk report walk-in --csv
same "visits, anonymous/identified, median wait and service per point and topic" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,topic,visits,anonymous,identified,median_wait_min,median_service_min,no_shows,referred' \
'joensuun-palvelupiste,Joensuun palvelupiste,digi,4,3,1,20.0,14.0,0,0' \
'joensuun-palvelupiste,Joensuun palvelupiste,koulutus,1,0,1,2.0,7.0,0,1' \
'joensuun-palvelupiste,Joensuun palvelupiste,tyonhaku,2,1,1,12.5,25.0,1,0' \
'kiteen-palvelupiste,Kiteen palvelupiste,muu,1,1,0,,,0,0')"
expect 0 "the walk-in report from March, for people" lk report walk-in --from 2026-03-01 --point $P
same "medians over 10/30/4 and 18/10/10 minutes; 5/20 and 25; the no-show and the referral" \
"$OUT" "$(printf '%s\n' \
'Point                          Topic              Visits Anonymous Identified Median wait Median service No-shows Referred' \
'Joensuun palvelupiste          Digital services        3         2          1 10.0 min    10.0 min              0        0' \
'Joensuun palvelupiste          Education               1         0          1 2.0 min     7.0 min               0        1' \
'Joensuun palvelupiste          Job search              2         1          1 12.5 min    25.0 min              1        0')"
expect 0 "walk-in visits by hour of arrival, as CSV" lk report walk-in --by hour --csv
same "09: waits 10/30/50, service 18/10/60; 11: the no-show; 14: the referral; Kitee's logged visit at 09" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,hour,visits,anonymous,identified,median_wait_min,median_service_min,no_shows,referred' \
'joensuun-palvelupiste,Joensuun palvelupiste,9,3,2,1,30.0,18.0,0,0' \
'joensuun-palvelupiste,Joensuun palvelupiste,10,1,1,0,4.0,10.0,0,0' \
'joensuun-palvelupiste,Joensuun palvelupiste,11,2,1,1,12.5,25.0,1,0' \
'joensuun-palvelupiste,Joensuun palvelupiste,14,1,0,1,2.0,7.0,0,1' \
'kiteen-palvelupiste,Kiteen palvelupiste,9,1,1,0,,,0,0')"
expect 0 "walk-in visits by hour, for people" lk report walk-in --by hour --point $Q
same "the hour as a span" "$OUT" "$(printf '%s\n' \
'Point                          Hour        Visits Anonymous Identified Median wait Median service No-shows Referred' \
'Kiteen palvelupiste            09–10            1         1          0 –           –                     0        0')"
expect 0 "walk-in visits by weekday, as CSV" lk report walk-in --by weekday --point $P --csv
same "Monday 2.3. (waits 4/5/10/20/30), Tuesday 3.3., Friday 27.2." \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,weekday,visits,anonymous,identified,median_wait_min,median_service_min,no_shows,referred' \
'joensuun-palvelupiste,Joensuun palvelupiste,1,5,3,2,10.0,14.0,1,0' \
'joensuun-palvelupiste,Joensuun palvelupiste,2,1,0,1,2.0,7.0,0,1' \
'joensuun-palvelupiste,Joensuun palvelupiste,5,1,1,0,50.0,60.0,0,0')"
expect 0 "walk-in visits by weekday, for people" lk report walk-in --by weekday --point $P
contains "the weekday by name" "$OUT" 'Joensuun palvelupiste          Fri          1         1          0 50.0 min    60.0 min              0        0'
expect 0 "--by topic is the default" lk report walk-in --by topic --point $Q --csv
same "one topic row" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	'kiteen-palvelupiste,Kiteen palvelupiste,muu,1,1,0,,,0,0'

# --- caseload -----------------------------------------------------------------
expect 0 "the caseload report as CSV" lk report caseload --csv
same "clients per caseworker against 100-200 (an ended job search does not count)" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'staff_id,caseworker,point_id,clients,target_min,target_max,within_target' \
"$S1,\"Korhonen, Kalle \"\"Kake\"\"\",$P,3,100,200,0" \
"$S2,\"Ojala, Eeva\",$Q,120,100,200,1")"
expect 0 "the caseload report for people" lk report caseload
contains "Korhonen below" "$OUT" 'Korhonen, Kalle "Kake"         joensuun-palvelupiste                3 100-200 below'
contains "Ojala within" "$OUT" 'Ojala, Eeva                    kiteen-palvelupiste                120 100-200 within'
expect 0 "as it stood before Laine's job search ended" lk report caseload --to 2026-01-31 --point $P --csv
contains "Laine counts then" "$OUT" "$P,4,100,200,0"

# --- CSV round trip -----------------------------------------------------------
lk report caseload --csv >"$T/caseload.csv"
case $(head -1 "$T/caseload.csv" | od -An -c | tr -d ' \n') in
*'\r\n') ok "records end in CRLF" ;; *) not_ok "records end in CRLF" ;;
esac
if command -v python3 >/dev/null 2>&1; then
	got=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert all(len(r) == 7 for r in rows), rows
print(rows[1][1]); print(rows[2][1]); print(len(rows))' "$T/caseload.csv")
	same "python3 csv reads the comma and the quotes back" "$got" \
		"$(printf '%s\n' 'Korhonen, Kalle "Kake"' 'Ojala, Eeva' 3)"
else
	# awk: the quoted field is the one between the first ," and the next unpaired ".
	got=$(awk 'NR == 2 { sub(/^[^,]*,"/, ""); sub(/",[^"]*$/, ""); gsub(/""/, "\""); print }' \
		"$T/caseload.csv")
	same "awk reads the comma and the quotes back" "$got" 'Korhonen, Kalle "Kake"'
fi

expect 0 "a point with no visits" lk report walk-in --point heinaveden-palvelupiste
same "says so" "$OUT" "Nothing to report."
expect 0 "CSV of nothing is the header alone" lk report walk-in --point heinaveden-palvelupiste --csv
same "one line" "$(printf '%s\n' "$OUT" | wc -l)" "1"

# --- refusals -----------------------------------------------------------------
expect 2 "an unknown report" lk report weather
contains "naming it" "$ERR" "unknown report 'weather'"
expect 2 "a date that does not exist" lk report walk-in --from 2026-02-30
contains "naming --from" "$ERR" "--from:"
expect 2 "a bad --to" lk report walk-in --to tomorrow
contains "naming --to" "$ERR" "--to:"
expect 2 "an end before the start" lk report walk-in --from 2026-03-02 --to 2026-03-01
contains "naming --to" "$ERR" "--to:"
expect 2 "an unknown point" lk report caseload --point nowhere
same "naming --point" "$ERR" "luukku report: --point: no service point 'nowhere'"
expect 2 "an unknown municipality" lk report caseload --municipality Atlantis
contains "naming --municipality" "$ERR" "--municipality:"
expect 2 "an unknown grouping" lk report walk-in --by month
same "naming --by" "$ERR" "luukku report: --by: 'month' is not topic, hour or weekday"
expect 2 "--by on a report that is not grouped so" lk report caseload --by hour
contains "naming --by" "$ERR" "--by:"
expect 2 "--within on a report that does not look ahead" lk report walk-in --within 7
contains "naming --within" "$ERR" "--within:"
expect 2 "a point and a municipality at once" lk report caseload --point $P --municipality Joensuu
expect 2 "no report named" lk report
expect 2 "an unknown option" lk report caseload --pdf
done_testing
