# luukku report cadence|tym|integration on a small fixed dataset (issue 7):
# statutory items overdue and coming per caseworker and point, TYM needs
# assessments, plan updates and 18-month cases, and the integration-plan
# waits against 80 %. The rules are core/cadence.c's; the expected figures
# below are worked out by hand from the dates. Today is Mon 2.3.2026
# (lib.sh), so "coming" runs to 16.3.2026.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
P=joensuun-palvelupiste
Q=kiteen-palvelupiste
S1=$(lk staff add --name "Korhonen, Kalle" --role caseworker --point $P)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point $Q)
S3=$(lk staff add --name "Aalto, Tiina" --role tym-caseworker --point $P)

# held ID CLIENT STAFF KIND DAY — a meeting held in the past, straight in.
held() {
	sql "INSERT INTO appointment(id, client_id, staff_id, point_id, kind, channel, start, minutes,
		status, created) VALUES ('$1', '$2', '$3', '$P', '$4', 'face', '$5 10:00', 30, 'done',
		'$5 09:00')"
}

# Korhonen (Joensuu):
#  A: job search from Mon 2.2.; first contact due 9.2., none held: 1 overdue.
#  B: job search from Wed 25.2.; first contact due Wed 4.3.: 1 coming.
#  C: job search from 10.12.2025, initial interview 16.12.: the 5
#     supplementary discussions and the job-search discussion all due
#     16.3. (the last day within 14): 6 coming.
A=$(lk client add --name "Anttila, Aino" --municipality Joensuu --caseworker "$S1" --job-search-start 2026-02-02)
B=$(lk client add --name "Berg, Bo" --municipality Joensuu --caseworker "$S1" --job-search-start 2026-02-25)
C=$(lk client add --name "Castrén, Carl" --municipality Joensuu --caseworker "$S1" --job-search-start 2025-12-10)
held m1 "$C" "$S1" alkuhaastattelu 2025-12-16
# Ojala (Kitee):
#  D: job search ended 15.2.: not counted.
#  F: KOTO from 10.1., no integration plan: due 9.2., 1 overdue.
D=$(lk client add --name "Dahl, Disa" --municipality Kitee --caseworker "$S2" \
	--job-search-start 2026-01-05 --job-search-end 2026-02-15)
F=$(lk client add --name "Farah, Faduma" --municipality Kitee --caseworker "$S2" --koto-start 2026-01-10)
# No caseworker: E, job search from 2.2.: 1 overdue.
E=$(lk client add --name "Eskola, Eero" --municipality Joensuu --job-search-start 2026-02-02)

# TYM cases (opened, assessment done, closed), plans and reviews:
#  T1 G1 (Aalto; pair Aalto): opened 1.10.2025, assessed 15.12. (due 1.1.:
#     in time), plan 15.12.: update due 15.3., coming.
#  T2 G2 (Ojala's client; pair Aalto, so Joensuu): opened 1.9.2025, assessed
#     10.12. (due 1.12.: late); plans 20.9. and 5.1. (update due 20.12.:
#     late); review due 1.3.2026 not held: overdue.
#  T3 G3 (Ojala, no pair: Kitee): opened 1.8.2024, assessed 15.9.2024 (in
#     time); plans 15.9. and 1.12.2024 (due 15.12.: on time), then the update
#     due 1.3.2025 never came: overdue; reviews kept up; 18 months on 1.2.2026.
#  T4 G4 (Aalto): opened 1.2.2026, nothing yet: assessment due 1.5., pending.
#  T5 G5 (Aalto): opened 1.5.2025, closed 15.6.2025 before any assessment.
G1=$(lk client add --name "Grön, Gunnar" --municipality Joensuu --caseworker "$S3")
G2=$(lk client add --name "Granqvist, Greta" --municipality Kitee --caseworker "$S2")
G3=$(lk client add --name "Gustafsson, Gun" --municipality Kitee --caseworker "$S2")
G4=$(lk client add --name "Göös, Gabriel" --municipality Joensuu --caseworker "$S3")
G5=$(lk client add --name "Grahn, Gösta" --municipality Joensuu --caseworker "$S3")
sql "INSERT INTO tym_case(id, client_id, referral, opened, assessment_done, closed, outcome,
	final_assessment) VALUES
	('t1', '$G1', 'perus', '2025-10-01', '2025-12-15', NULL, NULL, NULL),
	('t2', '$G2', 'kela', '2025-09-01', '2025-12-10', NULL, NULL, NULL),
	('t3', '$G3', 'perus', '2024-08-01', '2024-09-15', NULL, NULL, NULL),
	('t4', '$G4', 'itse', '2026-02-01', NULL, NULL, NULL, NULL),
	('t5', '$G5', 'perus', '2025-05-01', NULL, '2025-06-15', 'tyo', 'Found work.');
	INSERT INTO tym_member(id, case_id, staff_id, team) VALUES
	('tm1', 't1', '$S3', 'pair'), ('tm2', 't2', '$S3', 'pair');
	INSERT INTO plan(id, client_id, type, made) VALUES
	('p1', '$G1', 'tym-suunnitelma', '2025-12-15'),
	('p2', '$G2', 'tym-suunnitelma', '2025-09-20'), ('p3', '$G2', 'tym-suunnitelma', '2026-01-05'),
	('p4', '$G3', 'tym-suunnitelma', '2024-09-15'), ('p5', '$G3', 'tym-suunnitelma', '2024-12-01');
	INSERT INTO tym_review(id, case_id, day) VALUES
	('r1', 't3', '2025-01-20'), ('r2', 't3', '2025-07-15'), ('r3', 't3', '2026-01-10')"

# --- cadence ------------------------------------------------------------------
# Joensuu: Aalto 3 clients (G1's update coming); Korhonen 3 (A overdue,
# B 1 and C 6 coming). Kitee: Ojala 3 (F, G2 and G3 one overdue each).
# Unassigned: E.
expect 0 "the cadence report as CSV" lk report cadence --csv
same "per caseworker, per point, then the clients without a caseworker" \
"$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'level,point_id,point,staff_id,caseworker,clients,clients_overdue,overdue,coming,as_of,within_days' \
"caseworker,$P,Joensuun palvelupiste,$S3,\"Aalto, Tiina\",3,0,0,1,2026-03-02,14" \
"caseworker,$P,Joensuun palvelupiste,$S1,\"Korhonen, Kalle\",3,1,1,7,2026-03-02,14" \
"point,$P,Joensuun palvelupiste,,,6,1,1,8,2026-03-02,14" \
"caseworker,$Q,Kiteen palvelupiste,$S2,\"Ojala, Eeva\",3,3,3,0,2026-03-02,14" \
"point,$Q,Kiteen palvelupiste,,,3,3,3,0,2026-03-02,14" \
'unassigned,,,,,1,1,1,0,2026-03-02,14')"
expect 0 "the cadence report for people" lk report cadence
same "as of today, with the point's total and the unassigned" "$OUT" "$(printf '%s\n' \
'As of 2.3.2026; coming: due within 14 days.' \
'Point                          Caseworker                     Clients Clients late Overdue Coming' \
'Joensuun palvelupiste          Aalto, Tiina                         3            0       0      1' \
'Joensuun palvelupiste          Korhonen, Kalle                      3            1       1      7' \
'Joensuun palvelupiste          all caseworkers                      6            1       1      8' \
'Kiteen palvelupiste            Ojala, Eeva                          3            3       3      0' \
'Kiteen palvelupiste            all caseworkers                      3            3       3      0' \
'–                              no caseworker                        1            1       1      0')"
expect 0 "in Finnish, the default" lk --lang fi report cadence --point $Q
same "Finnish headings and the day as d.m.yyyy" "$OUT" "$(printf '%s\n' \
'Tilanne 2.3.2026; tulossa: erääntyy 14 päivän sisällä.' \
'Toimipiste                     Vastuuvirkailija               Asiakkaita Myöhässä asiakkaita Myöhässä Tulossa' \
'Kiteen palvelupiste            Ojala, Eeva                             3                   3        3       0' \
'Kiteen palvelupiste            kaikki virkailijat                      3                   3        3       0')"
expect 0 "--within 13 leaves out what falls due on 16.3." lk report cadence --within 13 --point $P --csv
same "B's and G1's coming only; A still overdue" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" "$(printf '%s\n' \
"caseworker,$P,Joensuun palvelupiste,$S3,\"Aalto, Tiina\",3,0,0,1,2026-03-02,13" \
"caseworker,$P,Joensuun palvelupiste,$S1,\"Korhonen, Kalle\",3,1,1,1,2026-03-02,13" \
"point,$P,Joensuun palvelupiste,,,6,1,1,2,2026-03-02,13")"
expect 0 "as it stood on 8.2." lk report cadence --to 2026-02-08 --point $P --csv
same "A's first contact was still coming then" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" "$(printf '%s\n' \
"caseworker,$P,Joensuun palvelupiste,$S3,\"Aalto, Tiina\",3,0,0,0,2026-02-08,14" \
"caseworker,$P,Joensuun palvelupiste,$S1,\"Korhonen, Kalle\",3,0,0,1,2026-02-08,14" \
"point,$P,Joensuun palvelupiste,,,6,0,0,1,2026-02-08,14")"
expect 0 "--from counts only what fell due since" lk report cadence --municipality Kitee --from 2026-02-10 --csv
same "G2's review (due 1.3.) only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" "$(printf '%s\n' \
"caseworker,$Q,Kiteen palvelupiste,$S2,\"Ojala, Eeva\",3,1,1,0,2026-03-02,14" \
"point,$Q,Kiteen palvelupiste,,,3,1,1,0,2026-03-02,14")"
expect 0 "--within 0 is allowed" lk report cadence --within 0 --point $Q
expect 2 "--within that is not a number" lk report cadence --within soon
same "naming --within" "$ERR" "luukku report: --within: 'soon' is not a whole number from 0 to 366"
expect 2 "--within below zero" lk report cadence --within -1
contains "naming --within" "$ERR" "--within:"
expect 2 "--within past a year" lk report cadence --within 367
contains "naming --within" "$ERR" "--within:"
expect 2 "a day that does not exist" lk report cadence --to 2026-02-29
contains "naming --to" "$ERR" "--to:"

# --- tym ------------------------------------------------------------------------
# Joensuu (T1 T2 T4 T5): 3 open, 4 opened; assessments 1 in time, 1 late,
# 1 pending: 1/2 = 50 % against 100 %; plan updates 0/1 on time.
# Kitee (T3): 1/1 assessed in time; updates 1/2 on time; 1 past 18 months.
expect 0 "the TYM report as CSV" lk report tym --csv
same "per point of the responsible TYM caseworker" "$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'point_id,point,open_cases,opened,assessed_in_time,assessed_late,assessment_pending,assessed_in_time_pct,assessment_target_pct,assessment_met,plan_updates_due,plan_updates_on_time,plan_updates_on_time_pct,past_18_months' \
"$P,Joensuun palvelupiste,3,4,1,1,1,50.0,>= 100,0,1,0,0.0,0" \
"$Q,Kiteen palvelupiste,1,1,1,0,0,100.0,>= 100,1,2,1,50.0,1")"
expect 0 "the TYM report for people" lk report tym
same "shares with their counts, the target and the verdict" "$OUT" "$(printf '%s\n' \
'Point                          Open cases Opened Assessed within 3 months Target        Plan updates on time Past 18 months' \
'Joensuun palvelupiste                   3      4 1/2 50.0 %               >= 100 % below 0/1 0.0 %                         0' \
'Kiteen palvelupiste                     1      1 1/1 100.0 %              >= 100 % met   1/2 50.0 %                        1')"
expect 0 "the TYM report in Finnish" lk --lang fi report tym --point $Q
same "Finnish headings, the verdict column unheaded" "$OUT" "$(printf '%s\n' \
'Toimipiste                        Avoimia Avattu Arvioitu 3 kuukaudessa   Tavoite         Suunnitelmat päivitetty ajallaan Yli 18 kuukautta' \
'Kiteen palvelupiste                     1      1 1/1 100.0 %              >= 100 % täyttyy 1/2 50.0 %                                      1')"
expect 0 "the TYM report from 1.1.2026" lk report tym --from 2026-01-01 --csv
same "T5 closed before; only T4 opened since; no update fell due since" \
"$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" "$(printf '%s\n' \
"$P,Joensuun palvelupiste,3,1,0,0,1,,>= 100,,0,0,,0" \
"$Q,Kiteen palvelupiste,1,0,0,0,0,,>= 100,,0,0,,1")"
expect 0 "the TYM report for Kitee" lk report tym --municipality Kitee --csv
same "T3 alone" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" \
	"$Q,Kiteen palvelupiste,1,1,1,0,0,100.0,>= 100,1,2,1,50.0,1"

# --- integration ----------------------------------------------------------------
# KOTO start and the first integration plan (due 30 days after the start):
#  K1 1.11.2025 → 20.11. in time; K2 1.11. → 1.12., day 30, in time;
#  K3 1.11. → 2.12. (the multidisciplinary plan) late; K4 20.2.2026, none
#  yet, due 22.3.: waiting; K5 1.2., plan 5.3. is after today: waiting (due
#  3.3.); K6 (no home municipality) 5.1. → 20.1. in time; F (Kitee) 10.1.,
#  none: waiting past 9.2. Joensuu 2/3 = 66.7 %, Kitee 0/1, unknown 1/1.
K1=$(lk client add --name "Kaya, Kerem" --municipality Joensuu --koto-start 2025-11-01)
K2=$(lk client add --name "Khan, Kiran" --municipality Joensuu --koto-start 2025-11-01)
K3=$(lk client add --name "Kovalenko, Kateryna" --municipality Joensuu --koto-start 2025-11-01)
K4=$(lk client add --name "Kim, Ki" --municipality Joensuu --koto-start 2026-02-20)
K5=$(lk client add --name "Kuznetsova, Kira" --municipality Joensuu --koto-start 2026-02-01)
K6=$(lk client add --name "Kamara, Kadiatou" --koto-start 2026-01-05)
sql "INSERT INTO plan(id, client_id, type, made) VALUES
	('k1', '$K1', 'kotoutumissuunnitelma', '2025-11-20'),
	('k2', '$K2', 'kotoutumissuunnitelma', '2025-12-01'),
	('k2b', '$K2', 'tyollistymissuunnitelma', '2025-11-05'),
	('k3', '$K3', 'monialainen-kotoutumissuunnitelma', '2025-12-02'),
	('k5', '$K5', 'kotoutumissuunnitelma', '2026-03-05'),
	('k6', '$K6', 'kotoutumissuunnitelma', '2026-01-20')"
expect 0 "the integration report as CSV" lk report integration --csv
same "per home municipality against 80 %" "$(printf '%s\n' "$OUT" | tr -d '\r')" "$(printf '%s\n' \
'municipality_id,municipality,clients,plan_in_time,in_time_pct,target_pct,met,plan_late,waiting_over_30_days,waiting' \
'joensuu,Joensuu,5,2,66.7,>= 80,0,1,0,2' \
'kitee,Kitee,1,0,0.0,>= 80,0,0,1,0' \
',,1,1,100.0,>= 80,1,0,0,0')"
expect 0 "the integration report for people" lk report integration
same "counts, share, target and verdict" "$OUT" "$(printf '%s\n' \
'Municipality         Clients Plan within 30 days Target        Late Waiting, late Waiting' \
'Joensuu                    5 2/3 66.7 %          >= 80 % below    1             0       2' \
'Kitee                      1 0/1 0.0 %           >= 80 % below    0             1       0' \
'unknown                    1 1/1 100.0 %         >= 80 % met      0             0       0')"
expect 0 "as of 10.3., K5's plan on 5.3. came late" lk report integration --to 2026-03-10 --municipality Joensuu --csv
same "Joensuu 2/4" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" 'joensuu,Joensuu,5,2,50.0,>= 80,0,2,0,1'
expect 0 "those who started this year" lk report integration --from 2026-01-01 --csv
same "K4 and K5 still waiting, F late, K6 in time" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" "$(printf '%s\n' \
'joensuu,Joensuu,2,0,,>= 80,,0,0,2' \
'kitee,Kitee,1,0,0.0,>= 80,0,0,1,0' \
',,1,1,100.0,>= 80,1,0,0,0')"
expect 0 "by the caseworker's point" lk report integration --point $Q --csv
same "Ojala's F only" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed 1d)" 'kitee,Kitee,1,0,0.0,>= 80,0,0,1,0'

# --- CSV round trip -------------------------------------------------------------
for r in cadence tym integration; do
	lk report $r --csv >"$T/$r.csv"
done
if command -v python3 >/dev/null 2>&1; then
	got=$(python3 -c '
import csv, sys
for name in sys.argv[1:]:
    rows = list(csv.reader(open(name, newline="", encoding="utf-8")))
    assert len({len(r) for r in rows}) == 1, rows
    print(len(rows), len(rows[0]), rows[1][4] if "cadence" in name else rows[-1][0])' \
	"$T/cadence.csv" "$T/tym.csv" "$T/integration.csv")
	same "python3 csv reads every report back, the quoted names whole" "$got" "$(printf '%s\n' \
		'7 11 Aalto, Tiina' "3 14 $Q" '4 10 ')"
else
	not_ok "python3 reads the CSV back: python3 is missing (a test dependency, as in test-consent.sh)"
fi

# --- refusals --------------------------------------------------------------------
before=$(sql "SELECT (SELECT count(*) FROM outbox) || '/' || (SELECT count(*) FROM audit)")
expect 2 "an unknown report" lk report cadance
contains "naming it" "$ERR" "unknown report 'cadance'"
expect 2 "an impossible date" lk report tym --from 2026-13-01
contains "naming --from" "$ERR" "--from:"
expect 2 "an end before the start" lk report integration --from 2026-03-02 --to 2026-03-01
contains "naming --to" "$ERR" "--to:"
same "nothing written by reports or refusals" \
	"$(sql "SELECT (SELECT count(*) FROM outbox) || '/' || (SELECT count(*) FROM audit)")" "$before"
done_testing
