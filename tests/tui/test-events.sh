#!/bin/sh
# tests/tui/test-events.sh — the events screen (ui/screen-events.c): F12
# from the lookup opens a week of events at the desk's point; Enter opens a
# targeted session's list (the target group invited with `luukku event
# invite`); F5 signs a client up through the picker, past the capacity onto
# the waiting list; c twice cancels a sign-up and the first waiting moves
# up; after the start d and n mark attendance, one key per person; a on a
# list invites a target group by a filter counted live; a on the week makes
# a new targeted session, whose group is then invited the same way.
#
#   sh tests/tui/test-events.sh build/luukku
#
# Uses only temporary identity codes (individual numbers 900–999).
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
desk=$(lk staff add --name "Räsänen, Pirjo" --role caseworker --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$desk" >"$TMPDIR_TUI/luukku.ini"
n=0
for given in Aino Eero Ilona; do
	n=$((n + 1))
	lk client add --name "Kutsuttu, $given" --hetu "$(hetu 0${n}0185 - 90$n)" \
		--municipality Joensuu --job-search-start 2025-06-01 >/dev/null
done
lk client add --name "Myöhäinen, Matti" --hetu "$(hetu 121280 - 999)" --municipality Joensuu >/dev/null
E=$(lk event add --title "Työnhaun info" --kind targeted --point joensuun-palvelupiste \
	--at "2026-03-04 10:00" --minutes 90 --capacity 2 --host "$desk" --obligation)
lk event invite "$E" --municipality Joensuu --months 6 >/dev/null

tui_start 80 16 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Haku" >/dev/null
# The host's calendar shows the event among the bookings; e opens the week's events.
keys F4
wait_for "Kalenteri" >/dev/null
keys w
wait_for "Työnhaun info" && ok "the event is in the host's calendar" ||
	not_ok "the event is in the host's calendar"
keys e
wait_for "Tilaisuudet 2.3.2026" >/dev/null && ok "e opens the week's events from the calendar" ||
	not_ok "e opens the week's events from the calendar"
keys F3
wait_for "Kalenteri" >/dev/null
keys F3
wait_for "Haku" >/dev/null
keys F12
wait_for "Työnhaun info" >/dev/null
assert_screen events-week <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Tilaisuudet 2.3.2026–8.3.2026

  Aika              Nimi                Laji                       Paikat
> ke 10:00-11:30    Työnhaun info       Kohdennettu infotilaisuus  0/2









 Paikallinen tila · 4 asiakasta                                     1 tilaisuus
F1Ohje   EnterLista  F3Takaisin F8Muokkaa cPeru tilaisuus F10Lopeta
SCREEN
keys Enter
wait_for "Kutsuttu Aino" >/dev/null
assert_screen events-list <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Työnhaun info · Kohdennettu infotilaisuus (osallistuminen velvoite)
 ke 4.3.2026 10:00-11:30 · Joensuun palvelupiste · Räsänen Pirjo
 2 paikkaa, 0 ilmoittautunut, 0 jonossa, 3 kutsuttu

> Kutsuttu Aino                    kutsuttu
  Kutsuttu Eero                    kutsuttu
  Kutsuttu Ilona                   kutsuttu






 Paikallinen tila · 4 asiakasta                                      3 listalla
F1Ohje   F3Takaisin F5Ilmoita mKirje  F10Lopeta
SCREEN
# Sign three up through the picker: the third waits.
for who in "kutsuttu aino" "kutsuttu eero" "kutsuttu ilona"; do
	keys F5
	wait_for "kuka asiakas" >/dev/null
	type_text "$who"
	wait_for "1 osuma" >/dev/null
	keys Enter
	wait_for "Työnhaun info ·" >/dev/null
done
wait_for "Jonossa, sija 1" && ok "past the capacity onto the waiting list" ||
	not_ok "past the capacity onto the waiting list"
assert_screen events-signed <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Työnhaun info · Kohdennettu infotilaisuus (osallistuminen velvoite)
 ke 4.3.2026 10:00-11:30 · Joensuun palvelupiste · Räsänen Pirjo
 2 paikkaa, 2 ilmoittautunut, 1 jonossa, 0 kutsuttu

> Kutsuttu Aino                    ilmoittautunut
  Kutsuttu Eero                    ilmoittautunut
  Kutsuttu Ilona                   odottaa 1






 Paikallinen tila · 4 asiakasta                                      3 listalla
F1Ohje   F3Takaisin F5Ilmoita mKirje  F10Lopeta
SCREEN
# c twice on Aino: Ilona moves up.
keys c
wait_for "uudelleen" >/dev/null
keys c
wait_for "jonosta nousi: Kutsuttu Ilona" && ok "the first waiting moves up, named" ||
	not_ok "the first waiting moves up, named"
# A group added meanwhile: its target group by a filter with a live count.
lk event add --title "Työnhakuryhmä" --kind group --point joensuun-palvelupiste \
	--at "2026-03-05 13:00" --minutes 60 --capacity 8 --host "$desk" >/dev/null
keys F3
wait_for "Työnhakuryhmä" >/dev/null
keys Down Enter
wait_for "Listalla ei ole vielä ketään" >/dev/null
keys a
wait_for "Täytä ainakin yksi kenttä" >/dev/null
type_text "joensuu"
wait_for "Kohderyhmässä 3, kutsuttaisiin 3" && ok "the group counted as it is typed" ||
	not_ok "the group counted as it is typed"
keys Down
type_text "x"
wait_for "Kuukaudet: kokonaisluku" && ok "a field that does not read is named" ||
	not_ok "a field that does not read is named"
keys BSpace Down Down Down
type_text "30"
assert_screen events-invite <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 2.3.2026
 Kutsu kohderyhmä: Työnhakuryhmä
 Alueen työnhakijat; tyhjät kentät eivät rajaa.

  Kotikunta                              joensuu
  Työnhaussa vähintään kuukautta
  Ikäväli (esim. 25-54)
  Asiointikieli
> Ei tapaamista seuraavina päivinä       30

  Kohderyhmässä 3, kutsuttaisiin 3

  Enter kutsuu heidät; kutsu velvoittaa, jos tilaisuus velvoittaa.

 Paikallinen tila · 4 asiakasta                                      0 listalla
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys Enter
wait_for "Kutsuttu Aino" >/dev/null
same_list=$("$LUUKKU" --db "$TMPDIR_TUI/test.db" event show "$("$LUUKKU" --db "$TMPDIR_TUI/test.db" event list --tsv | grep Työnhakuryhmä | cut -f1)" --tsv | cut -f3 | sort | uniq -c | tr -s ' ')
[ "$same_list" = " 3 invited" ] && ok "Enter invited the group" || not_ok "Enter invited the group: $same_list"
keys F10
assert_exit 0

# After the start: attendance, one key per person.
LUUKKU_NOW="2026-03-04 11:00"
export LUUKKU_NOW
tui_start 80 16 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Haku" >/dev/null
keys F12
wait_for "Työnhaun info" >/dev/null
keys Enter
wait_for "Kutsuttu Eero" >/dev/null
keys d
wait_for "Osallistui" >/dev/null
keys n
wait_for "Ei saapunut" >/dev/null
assert_screen events-marked <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 4.3.2026
 Työnhaun info · Kohdennettu infotilaisuus (osallistuminen velvoite)
 ke 4.3.2026 10:00-11:30 · Joensuun palvelupiste · Räsänen Pirjo
 2 paikkaa, 2 ilmoittautunut, 0 jonossa, 0 kutsuttu

  Kutsuttu Eero                    osallistui
  Kutsuttu Ilona                   ei saapunut
> Kutsuttu Aino                    peruttu






 Paikallinen tila · 4 asiakasta                                      3 listalla
F1Ohje   F3Takaisin F5Ilmoita mKirje  F10Lopeta
SCREEN
# The no-show of an obligatory session shows on the client's card.
keys F3
wait_for "Tilaisuudet" >/dev/null
keys F3
wait_for "Haku" >/dev/null
type_text "kutsuttu ilona"
wait_for "1 osuma" >/dev/null
keys Enter
wait_for "Lakisääteiset määräajat" >/dev/null
keys PgDn PgDn PgDn
wait_for "Velvoittava tilaisuus: Työnhaun info" && ok "the card shows the obligatory no-show" ||
	not_ok "the card shows the obligatory no-show"
keys F10
assert_exit 0
out=$("$LUUKKU" --db "$TMPDIR_TUI/test.db" event show "$E" --tsv | cut -f2,3 | tr '\t\n' ':;')
[ "$out" = "Kutsuttu Eero:attended;Kutsuttu Ilona:no-show;Kutsuttu Aino:cancelled;" ] &&
	ok "the marks are in the store" || not_ok "the marks are in the store: $out"

# A targeted session made on the screen, and its group invited by a filter.
tui_start 80 16 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Haku" >/dev/null
keys F12
wait_for "Tilaisuudet" >/dev/null
keys a
wait_for "Uusi tilaisuus" >/dev/null
type_text "Kohdennettu info"
keys Down
type_text "targeted"
keys Down
type_text "2026-03-04 10:00"
keys Down
type_text "60"
keys Down
type_text "20"
keys Down
type_text "x"
keys Enter
wait_for "at: Räsänen Pirjo" && ok "a clash is named on the form" || not_ok "a clash is named on the form"
keys Up Up Up
keys C-u
type_text "2026-03-06 09:00"
assert_screen events-new <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Pirjo Räsänen · 4.3.2026
 Uusi tilaisuus
 Vetäjä: sinä; paikka: tämä toimipiste.

  Nimi                               Kohdennettu info
  Laji (info, targeted, group)       targeted
> Alkaa (VVVV-KK-PP HH:MM)           2026-03-06 09:00
  Minuutit                           60
  Paikat                             20
  Osallistuminen velvoite (x)        x
  Viikoittain: mon,wed until PVM



 Paikallinen tila · 4 asiakasta                                   2 tilaisuutta
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys Enter
wait_for "Listalla ei ole vielä ketään" && ok "the new session's list opens" ||
	not_ok "the new session's list opens"
keys a
wait_for "Kutsu kohderyhmä: Kohdennettu info" >/dev/null
type_text "joensuu"
wait_for "Kohderyhmässä 3, kutsuttaisiin 3" >/dev/null
keys Enter
wait_for "3 kutsuttu" && ok "its group invited" || not_ok "its group invited"
keys F10
assert_exit 0
out=$("$LUUKKU" --db "$TMPDIR_TUI/test.db" event list --from 2026-03-06 --days 1 --tsv | cut -f2,3,4,9,10)
[ "$out" = "$(printf '2026-03-06 09:00\t60\ttargeted\t20\t3')" ] &&
	ok "the session and its invitations are in the store" ||
	not_ok "the session and its invitations are in the store: $out"
[ "$(sqlite3 "$TMPDIR_TUI/test.db" "select obligation from event where title = 'Kohdennettu info'")" = 1 ] &&
	ok "as an obligation" || not_ok "as an obligation"
# The CLI's other writes from the screen (issue 17's gaps). An open info
# event hosted by a lead, added before it starts.
lead=$(lk staff add --name "Johtaja, Leena" --role lead --point joensuun-palvelupiste)
printf '[desk]\nstaff = %s\npoint = joensuun-palvelupiste\n' "$lead" >"$TMPDIR_TUI/lead.ini"
long="Avoin info: työnhaku, koulutus, yrittäjyys ja palvelut Joensuun palvelupisteessä"
I=$(LUUKKU_NOW="2026-03-02 08:00"; export LUUKKU_NOW; lk event add --title "$long" \
	--kind info --point joensuun-palvelupiste --at "2026-03-04 09:00" --minutes 60 \
	--capacity 30 --host "$lead")
G=$(lk event list --tsv | grep Työnhakuryhmä | cut -f1)
aino=$(sql "select id from client where surname = 'Kutsuttu' and given_names = 'Aino'")
want_letter=$(lk event letter "$G" --client "$aino")
XDG_DATA_HOME=$TMPDIR_TUI/data
export XDG_DATA_HOME
tui_start 80 16 --config "$TMPDIR_TUI/luukku.ini"
wait_for "Haku" >/dev/null
# The calendar: Down chooses the first event line, Enter opens it on the events screen.
keys F4
wait_for "Kalenteri" >/dev/null
keys w
wait_for "Työnhaun info" >/dev/null
keys Down Enter
wait_for "Työnhaun info · Kohdennettu" && ok "Enter on the calendar's event line opens its list" ||
	not_ok "Enter on the calendar's event line opens its list"
keys F3
wait_for "Tilaisuudet 2.3.2026" && ok "Back from it goes to its week" ||
	not_ok "Back from it goes to its week"
# A caseworker is no lead: o is refused, naming the field.
keys Down Down Enter
wait_for "Työnhakuryhmä · Ryhmä" >/dev/null
wait_for "etuusvaikutusta ei tarkistettu" >/dev/null
keys o
wait_for "benefit-checked-by: '$desk'" &&
	ok "a caseworker's benefit check refused, the field named" ||
	not_ok "a caseworker's benefit check refused, the field named"
# m: the invitation letter of the selected client, to a file, as the CLI writes it.
keys m
wait_for "Kirje: " >/dev/null
letter=$TMPDIR_TUI/data/luukku/letters/invitation-2026-03-05-1300-$(echo "$G" | cut -c1-8)-$(echo "$aino" | cut -c1-8).txt
[ -f "$letter" ] && [ "$(cat "$letter")" = "$want_letter" ] &&
	ok "m writes the invitation letter the CLI writes" ||
	not_ok "m writes the invitation letter the CLI writes: $(ls "$TMPDIR_TUI/data/luukku/letters" 2>&1; echo "$want_letter" | diff - "$letter")"
[ "$(sql "select count(*) from audit where action = 'print-letter' and client_id = '$aino' and detail like '%screen'")" = 1 ] &&
	ok "the letter is audited" || not_ok "the letter is audited"
keys F10
assert_exit 0

tui_start 80 16 --config "$TMPDIR_TUI/lead.ini"
wait_for "Haku" >/dev/null
keys F12
wait_for "Kohdennettu info" >/dev/null
# F8 edits the selected event; a field that does not read is named.
keys Down Down Down F8
wait_for "Muokkaa tilaisuutta" >/dev/null
keys Down Down C-u
type_text "abc"
keys Enter
wait_for "minutes: tilaisuus kestää 5–480 minuuttia" && ok "the edit names a bad field" ||
	not_ok "the edit names a bad field"
keys C-u
type_text "45"
assert_screen events-edit <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Leena Johtaja · 4.3.2026
 Muokkaa tilaisuutta
 Uuden ajan ja huoneen päällekkäisyydet tarkistetaan.

  Nimi                               Kohdennettu info
  Alkaa (VVVV-KK-PP HH:MM)           2026-03-06 09:00
> Minuutit                           45
  Paikat                             20
  Huone (tunnus; tyhjä: ei huonetta)





 Paikallinen tila · 4 asiakasta                                   4 tilaisuutta
F1Ohje   F3Takaisin F10Lopeta
SCREEN
keys Enter
wait_for "Tilaisuus muutettu" >/dev/null
[ "$(sql "select minutes from event where title = 'Kohdennettu info'")" = 45 ] &&
	ok "F8 changed the event in the store" || not_ok "F8 changed the event in the store"
# c cancels it: a reason (the field named when empty), then Enter again.
keys c
wait_for "Peru tilaisuus: Kohdennettu info" >/dev/null
keys Enter
wait_for "reason: miksi tilaisuus perutaan?" && ok "a cancel without a reason is refused" ||
	not_ok "a cancel without a reason is refused"
type_text "Vetäjä sairastui"
keys Enter
wait_for "Perutaanko" >/dev/null
assert_screen events-cancel <<'SCREEN'
 Luukku · Pohjois-Karjala · Joensuun palvelupiste      Leena Johtaja · 4.3.2026
 Peru tilaisuus: Kohdennettu info
 Tilaisuus säilyy perutuksi merkittynä, syy mukana.

> Peruste                            Vetäjä sairastui








 Perutaanko tilaisuus lopullisesti? Enter peruu sen, F3 jättää sen voimaan.
 Paikallinen tila · 4 asiakasta                                   4 tilaisuutta
F1Ohje   F3Takaisin F10Lopeta
SCREEN
[ "$(sql "select status from event where title = 'Kohdennettu info'")" = planned ] &&
	ok "nothing cancelled before the second Enter" || not_ok "nothing cancelled before the second Enter"
keys Enter
wait_for "Tilaisuus peruttu" >/dev/null
[ "$(sql "select status || ':' || cancel_reason from event where title = 'Kohdennettu info'")" = "cancelled:Vetäjä sairastui" ] &&
	ok "c cancelled the event with its reason, kept" || not_ok "c cancelled the event with its reason, kept"
# i on an open info event's list: the head count, a bad number named.
keys Up Up Up Enter
wait_for "Avoin info: työnhaku" >/dev/null
keys i
wait_for "Osallistujamäärä: Avoin info:" >/dev/null
type_text "x"
keys Enter
wait_for "people: osallistujamäärä on 0–100000" && ok "a head count that does not read is named" ||
	not_ok "a head count that does not read is named"
keys C-u
type_text "12"
keys Enter
wait_for ", osallistujia 12" && ok "i takes the head count" || not_ok "i takes the head count"
[ "$(sql "select head_count from event where id = '$I'")" = 12 ] &&
	ok "the head count is in the store" || not_ok "the head count is in the store"
# o on a group's list: the signed-in lead checked its benefit effect.
keys F3
wait_for "Tilaisuudet" >/dev/null
keys Down Down Enter
wait_for "Työnhakuryhmä · Ryhmä" >/dev/null
keys o
wait_for "Etuusvaikutuksen tarkisti Leena Johtaja" && ok "o records the lead's benefit check" ||
	not_ok "o records the lead's benefit check"
[ "$(sql "select benefit_checked_by from event where id = '$G'")" = "$lead" ] &&
	ok "the benefit check is in the store" || not_ok "the benefit check is in the store"
# a on the week: a group's weekly series, as --repeat takes it.
keys F3
wait_for "Tilaisuudet" >/dev/null
keys a
wait_for "Uusi tilaisuus" >/dev/null
type_text "Kävelyryhmä"
keys Down
type_text "group"
keys Down
type_text "2026-03-09 13:00"
keys Down
type_text "60"
keys Down
type_text "10"
keys Down Down
type_text "maanantaisin"
keys Enter
wait_for "repeat: " && ok "a series that does not read is named" ||
	not_ok "a series that does not read is named"
keys C-u
type_text "mon until 2026-03-23"
keys Enter
wait_for "Viikoittainen sarja lisätty: 3 tilaisuutta" && ok "a weekly series from the form" ||
	not_ok "a weekly series from the form"
# A long title survives an edit of another field.
keys F3
wait_for "Tilaisuudet" >/dev/null
keys Up Up Up Up F8
wait_for "Muokkaa tilaisuutta" >/dev/null
keys Down Down Down C-u
type_text "25"
keys Enter
wait_for "Tilaisuus muutettu" >/dev/null
[ "$(sql "select capacity || ':' || title from event where id = '$I'")" = "25:$long" ] &&
	ok "an edit keeps a title longer than the field shows" ||
	not_ok "an edit keeps a title longer than the field shows: $(sql "select title from event where id = '$I'")"
keys F10
assert_exit 0
out=$(lk event list --from 2026-03-09 --days 21 --tsv | grep Kävelyryhmä | cut -f2 | tr '\n' ';')
[ "$out" = "2026-03-09 13:00;2026-03-16 13:00;2026-03-23 13:00;" ] &&
	ok "the series is in the store" || not_ok "the series is in the store: $out"
finish
