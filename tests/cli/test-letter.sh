# luukku letter: the appointment letter in the client's language (fi, sv,
# en; others get Finnish and English), plain Finnish with --plain or for a
# client who needs plain language (client --plain-language yes); audited;
# refused to roles without the booking or card capability. Every expected
# letter is written out in full.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu --phone "040 123 4567")
SV=$(lk client add --name "Lindqvist, Anna" --municipality Joensuu --lang sv)
K=$(lk client add --name "Haddad, Omar" --municipality Joensuu --lang ar --service-line koto \
	--phone "050 765 4321")
A1=$(lk book --client "$C" --staff "$S" --kind alkuhaastattelu --at "2026-03-03 10:00" --minutes 60 \
	--channel face --interpreter ar)
A2=$(lk book --client "$SV" --staff "$S" --kind tyonhakukeskustelu --at "2026-03-04 13:15" \
	--minutes 45 --channel face)
A3=$(lk book --client "$K" --staff "$S" --kind taydentava --at "2026-10-26 09:00" --minutes 30 \
	--channel phone)
A4=$(lk book --client "$C" --staff "$S" --kind muu --at "2026-03-05 10:00" --minutes 30 --channel video)

expect 0 "the Finnish letter (the client's language)" lk letter "$A1"
same "in full" "$OUT" "KUTSU TAPAAMISEEN

Hei Matti Virtanen,

sinulle on varattu aika työllisyyspalveluihin.

Tapaaminen:    Alkuhaastattelu
Aika:          tiistai 3.3.2026 klo 10.00–11.00
Tapa:          käynti palvelupisteessä
Paikka:        Joensuun palvelupiste
               Koskikatu 5/Torikatu 19, 80100 Joensuu
Kenen kanssa:  Liisa Mäkelä
Tulkki:        tulkki on varattu (arabia)

Ota mukaan:
- henkilökortti tai passi
- ansioluettelo (CV) sekä työ- ja opiskelutodistukset

Jos et pääse tapaamiseen, ilmoita siitä mahdollisimman pian.
Voit perua tai siirtää ajan soittamalla työntekijälle tai
käymällä palvelupisteessä (Joensuun palvelupiste, avoinna klo 8.00–16.00).

Ystävällisin terveisin
Liisa Mäkelä
Joensuun palvelupiste"

expect 0 "the same in Swedish" lk letter "$A1" --lang sv
same "in full" "$OUT" "KALLELSE TILL MÖTE

Hej Matti Virtanen,

du har fått en tid hos sysselsättningstjänsterna.

Möte:          Inledande intervju
Tid:           tisdag 3.3.2026 kl. 10.00–11.00
Sätt:          besök på servicestället
Plats:         Joensuun palvelupiste
               Koskikatu 5/Torikatu 19, 80100 Joensuu
Med vem:       Liisa Mäkelä
Tolk:          tolk är bokad (arabiska)

Ta med:
- identitetskort eller pass
- cv samt arbets- och studieintyg

Om du inte kan komma, meddela det så snart som möjligt.
Du kan avboka eller flytta tiden genom att ringa den anställda eller
besöka servicestället (Joensuun palvelupiste, öppet kl. 8.00–16.00).

Med vänliga hälsningar
Liisa Mäkelä
Joensuun palvelupiste"

expect 0 "the same in English" lk letter "$A1" --lang en
same "in full" "$OUT" "INVITATION TO AN APPOINTMENT

Dear Matti Virtanen,

an appointment has been booked for you at the employment services.

Meeting:       Initial interview
Time:          Tuesday 3.3.2026, 10:00–11:00
How:           visit to the service point
Place:         Joensuun palvelupiste
               Koskikatu 5/Torikatu 19, 80100 Joensuu
With:          Liisa Mäkelä
Interpreter:   an interpreter has been booked (Arabic)

Please bring:
- an identity card or passport
- your CV and certificates of work and study

If you cannot come, please let us know as soon as possible.
You can cancel or move the appointment by calling the staff member or
visiting the service point (Joensuun palvelupiste, open 8:00–16:00).

Kind regards
Liisa Mäkelä
Joensuun palvelupiste"

expect 0 "plain Finnish" lk letter "$A1" --plain
same "in full" "$OUT" "SINULLA ON AIKA TYÖLLISYYSPALVELUISSA

Hei Matti Virtanen!

Milloin?
Tiistaina 3.3.2026 kello 10.00.
Tapaaminen kestää 60 minuuttia.

Missä?
Joensuun palvelupiste
Koskikatu 5/Torikatu 19, 80100 Joensuu

Kenen kanssa?
Sinua tapaa Liisa Mäkelä.

Mikä tapaaminen on?
Alkuhaastattelu.
Puhumme työnhausta.
Teemme yhdessä suunnitelman.

Tulkki on mukana.
Tulkki puhuu arabiaa.

Ota mukaan:
- henkilökortti tai passi
- ansioluettelo eli CV ja todistukset

Et pääse tulemaan?
Kerro siitä heti.
Soita työntekijälle tai tule palvelupisteeseen.
Palvelupiste on auki kello 8.00–16.00."

# The client's language, not the desk's: a Finnish desk prints a Swedish letter.
LUUKKU_LANG=fi expect 0 "a Swedish-speaking client, on a Finnish desk" lk letter "$A2"
same "in full" "$OUT" "KALLELSE TILL MÖTE

Hej Anna Lindqvist,

du har fått en tid hos sysselsättningstjänsterna.

Möte:          Jobbsökningssamtal
Tid:           onsdag 4.3.2026 kl. 13.15–14.00
Sätt:          besök på servicestället
Plats:         Joensuun palvelupiste
               Koskikatu 5/Torikatu 19, 80100 Joensuu
Med vem:       Liisa Mäkelä

Ta med:
- identitetskort eller pass
- din sysselsättningsplan
- uppgifter om jobb som du har sökt

Om du inte kan komma, meddela det så snart som möjligt.
Du kan avboka eller flytta tiden genom att ringa den anställda eller
besöka servicestället (Joensuun palvelupiste, öppet kl. 8.00–16.00).

Med vänliga hälsningar
Liisa Mäkelä
Joensuun palvelupiste"

# Arabic is no letter language: Finnish, then English. A phone meeting says
# who calls which number; no identity card; KOTO: the residence permit.
expect 0 "a KOTO client speaking Arabic, by phone" lk letter "$A3"
same "in full" "$OUT" "KUTSU TAPAAMISEEN

Hei Omar Haddad,

sinulle on varattu aika työllisyyspalveluihin.

Tapaaminen:    Täydentävä työnhakukeskustelu
Aika:          maanantai 26.10.2026 klo 9.00–9.30
Tapa:          puhelu
Yhteydenotto:  Liisa Mäkelä soittaa sinulle numeroon 050 765 4321.
Kenen kanssa:  Liisa Mäkelä

Pidä saatavilla:
- työllistymissuunnitelmasi
- tiedot työpaikoista, joita olet hakenut
- oleskelulupakortti

Jos et pääse tapaamiseen, ilmoita siitä mahdollisimman pian.
Voit perua tai siirtää ajan soittamalla työntekijälle tai
käymällä palvelupisteessä (Joensuun palvelupiste, avoinna klo 8.00–16.00).

Ystävällisin terveisin
Liisa Mäkelä
Joensuun palvelupiste

----------------------------------------------------------------------

INVITATION TO AN APPOINTMENT

Dear Omar Haddad,

an appointment has been booked for you at the employment services.

Meeting:       Supplementary job-search discussion
Time:          Monday 26.10.2026, 9:00–9:30
How:           phone call
Contact:       Liisa Mäkelä will call you on 050 765 4321.
With:          Liisa Mäkelä

Please have at hand:
- your employment plan
- a list of the jobs you have applied for
- your residence permit card

If you cannot come, please let us know as soon as possible.
You can cancel or move the appointment by calling the staff member or
visiting the service point (Joensuun palvelupiste, open 8:00–16:00).

Kind regards
Liisa Mäkelä
Joensuun palvelupiste"

expect 0 "a video meeting in plain Finnish" lk letter "$A4" --plain
same "where: how they will be contacted" "$(echo "$OUT" | sed -n '/^Missä?/,/^$/p')" "Missä?
Tapaaminen on videolla.
Saat linkin ennen tapaamista."
case $OUT in *Koskikatu*|*henkilökortti*) not_ok "no address and no identity card for video" ;;
	*) ok "no address and no identity card for video" ;; esac

# A client who needs plain language gets plain Finnish without --plain;
# the unflagged Matti above got the ordinary letter. --no-plain overrides
# the flag; a Swedish letter stays Swedish.
F=$(lk client add --name "Korhonen, Aino" --municipality Joensuu --plain-language yes)
A5=$(lk book --client "$F" --staff "$S" --kind tyonhakukeskustelu --at "2026-03-06 09:00" \
	--minutes 30 --channel face)
expect 0 "a client who needs plain language" lk letter "$A5"
same "plain Finnish in full" "$OUT" "SINULLA ON AIKA TYÖLLISYYSPALVELUISSA

Hei Aino Korhonen!

Milloin?
Perjantaina 6.3.2026 kello 9.00.
Tapaaminen kestää 30 minuuttia.

Missä?
Joensuun palvelupiste
Koskikatu 5/Torikatu 19, 80100 Joensuu

Kenen kanssa?
Sinua tapaa Liisa Mäkelä.

Mikä tapaaminen on?
Työnhakukeskustelu.
Puhumme, miten työnhaku sujuu.

Ota mukaan:
- henkilökortti tai passi
- suunnitelmasi
- tiedot työpaikoista, joita olet hakenut

Et pääse tulemaan?
Kerro siitä heti.
Soita työntekijälle tai tule palvelupisteeseen.
Palvelupiste on auki kello 8.00–16.00."
expect 0 "--lang fi for her is plain too" lk letter "$A5" --lang fi
same "the plain heading" "$(echo "$OUT" | head -1)" "SINULLA ON AIKA TYÖLLISYYSPALVELUISSA"
expect 0 "--no-plain gives her the ordinary letter" lk letter "$A5" --no-plain
same "the ordinary heading" "$(echo "$OUT" | head -3)" "KUTSU TAPAAMISEEN

Hei Aino Korhonen,"
expect 0 "in Swedish her letter is Swedish" lk letter "$A5" --lang sv
same "the Swedish heading" "$(echo "$OUT" | head -1)" "KALLELSE TILL MÖTE"
same "the audit says which were plain" \
	"$(sql "select group_concat(detail, '|') from (select detail from audit where action = 'print-letter' and client_id = '$F' order by rowid)")" \
	"letter $A5 fi plain|letter $A5 fi plain|letter $A5 fi|letter $A5 sv"
expect 0 "unflagged again" lk client set "$F" --plain-language no
expect 0 "her letter is ordinary" lk letter "$A5"
same "the ordinary heading" "$(echo "$OUT" | head -1)" "KUTSU TAPAAMISEEN"
expect 2 "--plain and --no-plain together" lk letter "$A5" --plain --no-plain
contains "naming --plain" "$ERR" "--plain"

expect 0 "to a file" lk letter "$A1" --lang en --out "$T/letter.txt"
same "nothing on stdout" "$OUT" ""
same "the file holds the letter" "$(head -1 "$T/letter.txt")" "INVITATION TO AN APPOINTMENT"
same "private (0600)" "$(stat -c %a "$T/letter.txt")" "600"

same "every letter printed is audited under its client" \
	"$(sql "select count(*) from audit where action = 'print-letter' and client_id = '$C'")" "6"
contains "with the appointment and the language" \
	"$(sql "select group_concat(detail, '|') from audit where action = 'print-letter' and client_id = '$SV'")" \
	"letter $A2 sv"

# Refusals: nothing printed, nothing audited.
N0=$(sql "select count(*) from audit")
expect 3 "an unknown appointment" lk letter 0123456789abcdef0123456789abcdef
same "named" "$ERR" "luukku letter: --id: no appointment '0123456789abcdef0123456789abcdef'"
expect 2 "a malformed appointment id" lk letter "no such thing"
contains "named" "$ERR" "'no such thing' is not an appointment id"
expect 2 "an unknown letter language" lk letter "$A1" --lang de
contains "naming --lang" "$ERR" "--lang"
expect 2 "plain wording is Finnish" lk letter "$A2" --plain
contains "naming --plain" "$ERR" "--plain"
lk meeting cancel "$A4" >/dev/null
expect 4 "no letter for a cancelled meeting" lk letter "$A4"
contains "saying so" "$ERR" "is marked \"cancelled\""
expect 2 "an unwritable file" lk letter "$A1" --out "$T/no/such/dir/letter.txt"
same "nothing audited" "$(sql "select count(*) from audit")" "$N0"

# Roles: the booking or card capability is needed.
PI=$(lk staff add --name "Piste, Pia" --role piste --point $P)
SW=$(lk staff add --name "Heikkinen, Sari" --role social-worker --point $P)
LO=$(lk staff add --name "Aula, Aapo" --role lobby --point $P)
# One secret set while none is in use yet, the same hash given to the others
# straight in the table (no admin here); then each acts signed in.
echo 4321 | lk staff passwd "$S" >/dev/null
sql "update staff set secret_hash = (select secret_hash from staff where id = '$S')
	where id in ('$PI', '$SW', '$LO')"
for who in "$PI" "$SW" "$LO" "$S"; do secret "$who" 4321; done
expect 4 "a Piste desk may not print a letter" as_staff "$PI" letter "$A1"
same "naming the role" "$ERR" "luukku letter: --staff: the role 'piste' (Piste desk) may not do this"
same "nothing printed" "$OUT" ""
expect 4 "nor may a TYM partner" as_staff "$SW" letter "$A1"
expect 0 "the lobby (books appointments) may" as_staff "$LO" letter "$A1"
expect 0 "the caseworker may" as_staff "$S" letter "$A1"
same "audited under who printed" \
	"$(sql "select count(*) from audit where action = 'print-letter' and staff_id in ('$LO', '$S')")" "2"
done_testing
