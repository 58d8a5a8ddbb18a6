#!/bin/sh
# tests/tui/test-report.sh — the leads' report screen (issue 7) in tmux at
# 80x24, in English, on a small fixed dataset: F6 from the lookup opens it
# for a lead; the pages (face-to-face shares with the target marker and a
# 12-month sparkline, caseload against 100-200, walk-in visits with
# medians and a weekly sparkline, feedback means with the spread over 1-5,
# the statutory cadence as stacked overdue/coming bars with the overdue
# count in reverse, TYM assessments against 100 % with the cases past 18
# months, integration plans against 80 %, visits from other municipalities,
# the channel mix as 100 % stacked bars with a fill per channel, walk-in
# arrivals by hour and by weekday) through Right, Tab and Left; more rows
# than fit scroll; the period key switches to the last 12 months; Back
# returns to the lookup; a caseworker (no reports capability)
# gets no screen, only a refusal.
#
#   sh tests/tui/test-report.sh build/luukku
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
Q=kiteen-palvelupiste
echo 4321 | lk init --area pohjois-karjala --admin "Aalto, Aino" >"$TMPDIR_TUI/admin"
A=$(cat "$TMPDIR_TUI/admin")
echo 4321 >"$TMPDIR_TUI/admin.secret"
# la ARGS — luukku acting as the admin, signed in with the secret.
la() { lk --staff "$A" --secret-fd 3 "$@" 3<"$TMPDIR_TUI/admin.secret"; }
LEAD=$(la staff add --name "Johtaja, Leena" --role lead --point $P)
echo lead-1234 | la staff passwd "$LEAD"
S1=$(la staff add --name "Korhonen, Kalle" --role caseworker --point $P)
echo kalle-1234 | la staff passwd "$S1"
S2=$(la staff add --name "Ojala, Eeva" --role caseworker --point $Q)
C1=$(la client add --name "Virtanen, Matti" --municipality Joensuu --caseworker "$S1")
C2=$(la client add --name "Nieminen, Aino" --municipality Joensuu --caseworker "$S1")
C3=$(la client add --name "Mäkinen, Olli" --municipality Joensuu --caseworker "$S1")
# One initial interview per client and job-search period: the February and
# Kitee ones are other clients' (no caseworker: the caseloads stay).
C4=$(la client add --name "Heikkinen, Ville" --municipality Joensuu)
C5=$(la client add --name "Koskinen, Liisa" --municipality Joensuu)
# 120 clients for Ojala, straight into the table: within 100-200.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
	INSERT INTO client(id, surname, given_names, caseworker_id, created)
	SELECT printf('%032x', i), 'Asiakas', 'N' || i, '$S2', '2026-01-01' FROM n"

# book CLIENT STAFF KIND AT CHANNEL — booked and held.
book() {
	a=$(la book --client "$1" --staff "$2" --kind "$3" --at "$4" --minutes 30 \
		--channel "$5" ${REASON:+--reason "$REASON"}) && la meeting done "$a" >/dev/null ||
		{ echo "not ok - book $3 at $4" >&2; exit 1; }
}
# Joensuu, March: 2 of 3 initial interviews face to face (67 %, below 75 %);
# February: 1 of 1 (100 %). Kitee, March: 1 of 1. Job search: Joensuu 1 of 2.
book "$C1" "$S1" alkuhaastattelu "2026-03-02 10:00" face
book "$C2" "$S1" alkuhaastattelu "2026-03-02 11:00" face
REASON="asks for a call"
book "$C3" "$S1" alkuhaastattelu "2026-03-02 12:00" phone
REASON=
book "$C4" "$S1" alkuhaastattelu "2026-03-02 13:00" face
sql "UPDATE appointment SET start = '2026-02-10 13:00' WHERE start = '2026-03-02 13:00'"
book "$C5" "$S2" alkuhaastattelu "2026-03-02 14:00" face
book "$C1" "$S1" tyonhakukeskustelu "2026-03-02 15:00" face
book "$C2" "$S1" tyonhakukeskustelu "2026-03-02 15:30" video

# Walk-in visits at Joensuu: this week 3 digi (waits 10, 30, 4; service 18,
# 10, 10 min), last week 1 job search; Kitee this week 1.
v() { sql "INSERT INTO visit(id, point_id, topic, ticket, arrived, called, served, ended, outcome)
	VALUES ('$1', '$2', '$3', 1, '$4', '$5', '$6', '$7', 'served')"; }
v v1 $P digi "2026-03-02 08:00" "2026-03-02 08:10" "2026-03-02 08:12" "2026-03-02 08:30"
v v2 $P digi "2026-03-02 08:05" "2026-03-02 08:35" "2026-03-02 08:36" "2026-03-02 08:46"
v v3 $P digi "2026-03-02 08:20" "2026-03-02 08:24" "2026-03-02 08:25" "2026-03-02 08:35"
v v4 $P tyonhaku "2026-02-24 10:00" "2026-02-24 10:05" "2026-02-24 10:05" "2026-02-24 10:25"
v v5 $Q muu "2026-03-02 08:30" "2026-03-02 08:32" "2026-03-02 08:32" "2026-03-02 08:40"

# Feedback: Joensuu 5, 5, 4, 2 (mean 4.00); Kitee 3.
for s in 5 5 4 2; do la feedback --point $P --score $s; done
la feedback --point $Q --score 3

# Statutory cadence (today Mon 2.3.; coming = due by 16.3.): D1 job search
# from 2.2., first contact due 9.2. not held: overdue; D2 from 25.2., due
# 4.3.: coming (both Korhonen, Joensuu). D3 (Ojala, Kitee) from 2.2.: overdue.
D1=$(la client add --name "Anttila, Aino" --municipality Joensuu --caseworker "$S1" --job-search-start 2026-02-02)
D2=$(la client add --name "Berg, Bo" --municipality Joensuu --caseworker "$S1" --job-search-start 2026-02-25)
D3=$(la client add --name "Dahl, Disa" --municipality Kitee --caseworker "$S2" --job-search-start 2026-02-02)
# Aalto (Joensuu) has one client, D4, from 2.2.: overdue; E (no caseworker)
# from 2.2.: overdue. Joensuu's total is 4 + 3, Korhonen's 3 + 3: the totals
# and the caseworkers are each on their own scale, so Korhonen's bar is as
# long as Joensuu's and Ojala's (3 of 6) longer than Kitee's (3 of 7).
S3=$(la staff add --name "Aalto, Tiina" --role caseworker --point $P)
D4=$(la client add --name "Eklund, Eva" --municipality Joensuu --caseworker "$S3" --job-search-start 2026-02-02)
E=$(la client add --name "Eskola, Eero" --municipality Joensuu --job-search-start 2026-02-02)
# TYM cases (Korhonen's clients: Joensuu; Ojala's: Kitee): G1 opened 1.10.2025,
# assessed 15.12. (due 1.1.: in time); G2 opened 1.9.2025, assessed 10.12.
# (due 1.12.: late); G3 opened 1.8.2024, open: past 18 months on 1.2.2026.
G1=$(la client add --name "Grön, Gunnar" --municipality Joensuu --caseworker "$S1")
G2=$(la client add --name "Granqvist, Greta" --municipality Joensuu --caseworker "$S1")
G3=$(la client add --name "Gustafsson, Gun" --municipality Kitee --caseworker "$S2")
sql "INSERT INTO tym_case(id, client_id, referral, opened, assessment_done) VALUES
	('t1', '$G1', 'perus', '2025-10-01', '2025-12-15'),
	('t2', '$G2', 'kela', '2025-09-01', '2025-12-10'),
	('t3', '$G3', 'perus', '2024-08-01', '2024-09-15')"
# Integration plans (due 30 days after the KOTO start): K1 (Joensuu) plan
# in time, K2 (Joensuu) none and past due, K3 (Kitee) in time, K4 (Kitee)
# started 20.2., still waiting.
K1=$(la client add --name "Kaya, Kerem" --municipality Joensuu --caseworker "$S1" --koto-start 2025-11-01)
K2=$(la client add --name "Khan, Kiran" --municipality Joensuu --caseworker "$S1" --koto-start 2025-12-01)
K3=$(la client add --name "Kim, Ki" --municipality Kitee --caseworker "$S2" --koto-start 2026-01-05)
K4=$(la client add --name "Kamara, Kadiatou" --municipality Kitee --caseworker "$S2" --koto-start 2026-02-20)
sql "INSERT INTO plan(id, client_id, type, made) VALUES
	('k1', '$K1', 'kotoutumissuunnitelma', '2025-11-20'),
	('k3', '$K3', 'kotoutumissuunnitelma', '2026-01-20')"
# Outside the home municipality: C2 (Joensuu) met Ojala at Kitee in March
# (above); K3 (Kitee) had a meeting at Joensuu on 20.1. by
# video and one on 27.1. face to face, and came in to Joensuu as a walk-in
# on Tue 4.11.2025 (referred on).
sql "INSERT INTO appointment(id, client_id, staff_id, point_id, kind, channel, start, minutes,
	status, created) VALUES
	('m1', '$K3', '$S1', '$P', 'muu', 'video', '2026-01-20 10:00', 60, 'done', '2026-01-10'),
	('m2', '$K3', '$S1', '$P', 'muu', 'face', '2026-01-27 10:00', 60, 'done', '2026-01-10')"
sql "INSERT INTO visit(id, point_id, topic, client_id, ticket, arrived, called, served, ended, outcome)
	VALUES ('v6', '$P', 'muu', '$K3', 2, '2025-11-04 13:10', '2025-11-04 13:15', '2025-11-04 13:15',
	'2025-11-04 13:20', 'referred')"

# --- a lead signs in and opens the reports from the lookup -------------------
tui_start 80 24 --lang en
type_text "Johtaja, Leena"
keys Enter
wait_for "Secret"
type_text "lead-1234"
keys Enter
see "the lead reaches the lookup" "Client lookup"
keys F6
assert_screen report-f2f-initial <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Initial interviews face to face                             Page 1/12
 This month 1.3.2026–2.3.2026
 Bar: share per point; | the target 75 %; trend: the last 12 months
 Point                                                              12 months
 Joensuun palvelupiste  █████████████████  │         67 % 2/3 below           █▆
 Kiteen palvelupiste    ███████████████████│██████  100 % 1/1 met              █















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Right
assert_screen report-f2f-jobsearch <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Job-search discussions face to face                         Page 2/12
 This month 1.3.2026–2.3.2026
 Bar: share per point; | the target over 50 %; trend: the last 12 months
 Point                                                              12 months
 Joensuun palvelupiste  █████████████│               50 % 1/2 below            ▅
















 Local mode · 137 clients                                                 1 row
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-caseload <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Caseload per caseworker                                     Page 3/12
 This month 1.3.2026–2.3.2026
 Bar: clients now; | | the band 100-200 clients per caseworker
 Caseworker
 Aalto, Tiina           █               │                │              1 below
 Korhonen, Kalle        ██              │                │              9 below
 Ojala, Eeva            ████████████████│████            │            124 met














 Local mode · 137 clients                                                3 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-walkin <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Walk-in visits per point                                    Page 4/12
 This month 1.3.2026–2.3.2026
 Bar: visits; median wait/service in minutes; trend: visits per week, 12 weeks
 Point                                                              12 weeks
 Joensuun palvelup… Digital servi… ███████████████      3 10/10 min ▁▁▁▁▁▁▁▁▁▁▃█
 Kiteen palvelupis… Other          █████                1 2/8 min   ▁▁▁▁▁▁▁▁▁▁▁█















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-feedback <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Feedback per point                                          Page 5/12
 This month 1.3.2026–2.3.2026
 Bar: mean score of 5; trend: how many gave 1, 2, 3, 4 and 5
 Point                                                                     1-5
 Joensuun palvelupiste  ██████████████████████████          4.00 4 answers ▁▅▁▅█
 Kiteen palvelupiste    ████████████████████                3.00 1 answer  ▁▁█▁▁















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-cadence <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Statutory contacts overdue and coming                       Page 6/12
 This month 1.3.2026–2.3.2026
 Today; bar: overdue, then coming within 14 days; number: overdue
 Point, caseworker      █ Overdue  ▓ Coming
 Joensuun palvelupiste  ██████████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      4 3 coming
   Aalto, Tiina         ███████                                      1 0 coming
   Korhonen, Kalle      ████████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      3 3 coming
 Kiteen palvelupiste    █████████████████                            3 0 coming
   Ojala, Eeva          ████████████████████                         3 0 coming
 No caseworker          ██████                                       1 0 coming











 Local mode · 137 clients                                                6 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
# Overdue in reverse (the value), coming not: the screen with attributes.
screen_attr() { tm capture-pane -p -e; }
screen_attr >"$TMPDIR_TUI/attr"
grep "Korhonen" "$TMPDIR_TUI/attr" | grep -q "$(printf '\033')\[7m3" &&
	ok "the overdue count is in reverse" || not_ok "the overdue count is in reverse"
# More rows than fit scroll: at 80x10 three of the six rows show, Down
# moves one on (the arrows say there is more above or below).
tm resize-window -x 80 -y 10
assert_screen report-cadence-short <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Statutory contacts overdue and coming                       Page 6/12
 This month 1.3.2026–2.3.2026
 Today; bar: overdue, then coming within 14 days; number: overdue
 Point, caseworker      █ Overdue  ▓ Coming
 Joensuun palvelupiste  ██████████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      4 3 coming
   Aalto, Tiina         ███████                                      1 0 coming
   Korhonen, Kalle      ████████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      3 3 coming↓
 Local mode · 137 clients                                                6 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Down
assert_screen report-cadence-scrolled <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Statutory contacts overdue and coming                       Page 6/12
 This month 1.3.2026–2.3.2026
 Today; bar: overdue, then coming within 14 days; number: overdue
 Point, caseworker      █ Overdue  ▓ Coming
   Aalto, Tiina         ███████                                      1 0 coming↑
   Korhonen, Kalle      ████████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      3 3 coming
 Kiteen palvelupiste    █████████████████                            3 0 coming↓
 Local mode · 137 clients                                                6 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
tm resize-window -x 80 -y 24
wait_for "Local mode"
keys Tab F5
assert_screen report-tym-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: TYM needs assessments within 3 months                       Page 7/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: share of the period's TYM cases assessed in time; | the target 100 %
 Point
 Joensuun palvelupiste  █████████████           │   50 % 1/2              below
 Kiteen palvelupiste                            │      – 1 past 18 months















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-integration-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Integration plans within 30 days                            Page 8/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: share of KOTO clients with a plan within 30 days; | the target 80 %
 Home municipality
 Joensuu                ██████████████       │        50 % 1/2            below
 Kitee                  █████████████████████│█████  100 % 1/1, 1 waiting met















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-outside-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Visits from outside the home municipality                   Page 9/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: visits by clients from other municipalities; note: most came from
 Point                  █ Appointments  ▓ Walk-in visits
 Joensuun palvelupiste  ███████████████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓      2 Kitee 2
 Kiteen palvelupiste    ███████████████████                         1 Joensuu 1















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-channels-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Meetings by channel                                        Page 10/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: held meetings by channel, each municipality 100 %; number: meetings
 Home municipality  █ face to face ▓ by phone ▒ by video ░ remote service point
 Joensuu                ██████████████████████████████████▓▓▓▓▓▓▓▒▒▒▒▒▒▒      7
 Kitee                  ████████████████████████▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒      2















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-by-hour-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Walk-in arrivals by hour                                   Page 11/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: visits; no-shows/referred; trend: arrivals per hour of the day
 Point                                                                hours 8-13
 All points             ██████████████████████████████████      6 0/1 █▁▃▁▁▃
 Joensuun palvelupiste  ████████████████████████████            5 0/1 █▁▃▁▁▃
 Kiteen palvelupiste    ██████                                  1 0/0 █▁▁▁▁▁














 Local mode · 137 clients                                                3 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys Tab
assert_screen report-by-weekday-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Walk-in arrivals by weekday                                Page 12/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: visits; no-shows/referred; trend: arrivals from Monday to Sunday
 Point                                                                   Mon-Sun
 All points             █████████████████████████████████████      6 0/1 █▅▁▁▁▁▁
 Joensuun palvelupiste  ███████████████████████████████            5 0/1 █▆▁▁▁▁▁
 Kiteen palvelupiste    ██████                                     1 0/0 █▁▁▁▁▁▁














 Local mode · 137 clients                                                3 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
keys F5 Tab
see "Tab goes round to the first page" "Reports: Initial interviews face to face"
keys Left
see "Left goes back a page" "Reports: Walk-in arrivals by weekday"
keys Right F5
assert_screen report-f2f-year <<'SCREEN'
 Luukku · Pohjois-Karjala                              Leena Johtaja · 2.3.2026
 Reports: Initial interviews face to face                             Page 1/12
 The last 12 months 1.4.2025–2.3.2026
 Bar: share per point; | the target 75 %; trend: the last 12 months
 Point                                                              12 months
 Joensuun palvelupiste  ███████████████████│         75 % 3/4 met             █▆
 Kiteen palvelupiste    ███████████████████│██████  100 % 1/1 met              █















 Local mode · 137 clients                                                2 rows
F1Help   F5Period F3Back   F10Quit
SCREEN
# SIGWINCH: wider, the page is laid out again to the new right edge.
tm resize-window -x 100 -y 30
i=0
while [ $i -lt 50 ] && [ "$(screen | awk '/Page 1\/12/ { print length($0) }')" != 99 ]; do
	sleep 0.1; i=$((i + 1))
done
same_w=$(screen | awk '/Page 1\/12/ { print length($0) }')
[ "$same_w" = 99 ] && ok "resized to 100 columns, the page follows" ||
	not_ok "resized to 100 columns, the page follows (line ends at $same_w)"
screen | grep -q "Kiteen palvelupiste  *█*│█* *100 % 1/1 met" && ok "and the bars are drawn again" ||
	not_ok "and the bars are drawn again"
tm resize-window -x 80 -y 24
keys F1
see "F1 shows the report keys" "Help: Reports"
screen | grep -q "F5 m  *This month or the last 12 months" && ok "the help names the period key" ||
	not_ok "the help names the period key"
screen | grep -q "^  Pages: face to face, caseload, walk-in visits, feedback, statutory$" &&
	screen | grep -q "^  arrivals by hour and by weekday. | is the target; a stacked bar's$" &&
	ok "the help lists the pages" || not_ok "the help lists the pages"
keys Escape
wait_for "Reports: Initial"
keys Escape
see "Back returns to the lookup" "Client lookup"
keys F10
assert_exit 0

# --- a caseworker has no reports capability ----------------------------------
tui_start 80 24 --lang en
wait_for "Leena Johtaja"   # the last sign-in, pre-filled
keys Escape
type_text "Korhonen, Kalle"
keys Enter
wait_for "Secret"
type_text "kalle-1234"
keys Enter
see "the caseworker reaches the lookup" "Client lookup"
keys F6
see "F6 is refused for a caseworker" "Not for the role"
screen | grep -q "Reports:" && not_ok "no report screen for a caseworker" || ok "no report screen for a caseworker"
screen | grep -q "Client lookup" && ok "the caseworker stays on the lookup" ||
	not_ok "the caseworker stays on the lookup"
keys F10
assert_exit 0
finish
