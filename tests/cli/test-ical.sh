# luukku ical: a staff member's or a point's bookings as RFC 5545 iCalendar,
# parsed back with a small unfolder/parser of our own (python3; the
# icalendar package is not a dependency) and checked against the UTC
# instants written below and against the system's tz database (zoneinfo),
# across the daylight-saving changes of 29.3.2026 and 25.10.2026.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
S2=$(lk staff add --name "Ojala, Eeva" --role caseworker --point $P)
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu)
# A long name with ä and ö: SUMMARY lines must fold without splitting them.
C2=$(lk client add --name "Äijälä-Kärkkäinen, Öljy-Mörkö Sisko-Liisa Annikki Åsa" --municipality Joensuu)

book() { lk book --client "$1" --staff "$2" --kind "$3" --at "$4" --minutes 60 --channel "$5"; }
# The change-day Sundays and their night hours can no longer be booked
# (docs/rules.md#booking-times); such rows still reach a desk from before
# the rule, and the export must read them right: written straight in.
old() {
	sql "insert into appointment(id, client_id, staff_id, point_id, kind, channel, start, minutes,
	 created) values (lower(hex(randomblob(16))), '$1', '$2', '$P', '$3', '$5', '$4', 60,
	 '2026-03-01 09:00') returning id"
}
A1=$(book "$C" "$S" alkuhaastattelu "2026-03-27 10:00" face)     # Fri, winter time
A2=$(old "$C" "$S" taydentava "2026-03-29 10:00" phone)          # Sun of the spring change
A3=$(book "$C2" "$S" taydentava "2026-03-30 10:00" face)         # Mon, summer time
A4=$(book "$C" "$S" tyonhakukeskustelu "2026-10-23 10:00" video) # Fri, summer time
A5=$(old "$C2" "$S" muu "2026-10-25 10:00" face)                 # Sun of the autumn change
A6=$(book "$C" "$S" taydentava "2026-10-26 10:00" face)          # Mon, winter time
A7=$(old "$C" "$S" muu "2026-10-25 03:30" phone)                 # the repeated hour: first one
A8=$(old "$C" "$S" muu "2026-03-29 03:30" phone)                 # the missing hour
A9=$(old "$C" "$S2" verkostopalaveri "2026-10-25 12:00" face)    # another staff member
lk meeting cancel "$A6" >/dev/null
lk meeting reschedule "$A4" --at "2026-10-23 09:00" >/dev/null
[ -n "$A9" ] || not_ok "nine bookings made"

export LUUKKU_NOW="2026-07-01 12:00"
expect 0 "export Liisa's calendar to a file" lk ical --staff "$S" --from 2026-03-01 --to 2026-12-31 \
	--out "$T/liisa.ics"
same "nothing on stdout with --out" "$OUT" ""
same "the file is private (0600)" "$(stat -c %a "$T/liisa.ics")" "600"
same "no temporary file left" "$(ls "$T" | grep -c 'liisa.ics.')" "0"

cat >"$T/parse.py" <<'PY'
# A minimal RFC 5545 reader: unfold (CRLF + one space/tab), split
# NAME;PARAMS:VALUE, unescape TEXT, nest BEGIN/END. Prints checked facts.
import sys, datetime, zoneinfo
raw = open(sys.argv[1], "rb").read()
mode = sys.argv[2]
errors = []
if not raw.endswith(b"\r\n"):
    errors.append("does not end in CRLF")
lines = raw.split(b"\r\n")[:-1]
for i, l in enumerate(lines):
    if b"\n" in l or b"\r" in l:
        errors.append("bare LF or CR in line %d" % i)
    if len(l) > 75:
        errors.append("line %d is %d octets" % (i, len(l)))
    try:
        l.decode("utf-8")
    except UnicodeDecodeError:
        errors.append("line %d splits a UTF-8 character" % i)
unfolded = []
for l in lines:
    if l[:1] in (b" ", b"\t"):
        unfolded[-1] += l[1:]
    else:
        unfolded.append(l)
def unescape(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append("\n" if v[i + 1] in "nN" else v[i + 1]); i += 2
        else:
            out.append(v[i]); i += 1
    return "".join(out)
root = {"name": "ROOT", "props": [], "subs": []}
stack = [root]
for b in unfolded:
    l = b.decode("utf-8")
    head, _, value = l.partition(":")
    name, *params = head.split(";")
    params = dict(p.split("=", 1) for p in params)
    if name == "BEGIN":
        c = {"name": value, "props": [], "subs": []}
        stack[-1]["subs"].append(c); stack.append(c)
    elif name == "END":
        if stack[-1]["name"] != value:
            errors.append("END:%s closes %s" % (value, stack[-1]["name"]))
        stack.pop()
    else:
        stack[-1]["props"].append((name, params, value))
if len(stack) != 1:
    errors.append("unclosed " + stack[-1]["name"])
def prop(c, n):
    for name, params, value in c["props"]:
        if name == n:
            return params, value
    return None, None
cal = root["subs"][0]
hel = zoneinfo.ZoneInfo("Europe/Helsinki")
def local(v):
    return datetime.datetime.strptime(v, "%Y%m%dT%H%M%S")
def utc_of(params, v):
    if v.endswith("Z"):
        return datetime.datetime.strptime(v, "%Y%m%dT%H%M%SZ")
    if params.get("TZID") != "Europe/Helsinki":
        errors.append("TZID is %r" % params.get("TZID"))
    return local(v).replace(tzinfo=hel).astimezone(datetime.timezone.utc).replace(tzinfo=None)
if mode == "events":
    for ev in [c for c in cal["subs"] if c["name"] == "VEVENT"]:
        p, start = prop(ev, "DTSTART"); pe, end = prop(ev, "DTEND")
        print("\t".join([prop(ev, "UID")[1],
            utc_of(p, start).strftime("%Y-%m-%d %H:%MZ"), utc_of(pe, end).strftime("%H:%MZ"),
            prop(ev, "STATUS")[1], prop(ev, "SEQUENCE")[1], prop(ev, "DTSTAMP")[1],
            unescape(prop(ev, "SUMMARY")[1]), unescape(prop(ev, "LOCATION")[1])]))
elif mode == "vtimezone":
    # The file's own zone rules against the tz database, every UTC hour of
    # 2025-2028: the VTIMEZONE says which offset holds from each change on.
    tz = [c for c in cal["subs"] if c["name"] == "VTIMEZONE"][0]
    print("TZID", prop(tz, "TZID")[1])
    rules = []
    for r in tz["subs"]:
        frm = prop(r, "TZOFFSETFROM")[1]; to = prop(r, "TZOFFSETTO")[1]
        rr = dict(kv.split("=") for kv in prop(r, "RRULE")[1].split(";"))
        print(r["name"], frm, to, prop(r, "DTSTART")[1], prop(r, "RRULE")[1])
        off = lambda s: (1 if s[0] == "+" else -1) * datetime.timedelta(hours=int(s[1:3]), minutes=int(s[3:5]))
        rules.append((off(frm), off(to), local(prop(r, "DTSTART")[1]), int(rr["BYMONTH"]), rr["BYDAY"]))
    def changes(year):
        out = []
        for frm, to, dt, month, byday in rules:
            assert byday == "-1SU"
            d = datetime.date(year, month % 12 + 1, 1) if month < 12 else datetime.date(year + 1, 1, 1)
            d -= datetime.timedelta(days=1)
            while d.weekday() != 6:
                d -= datetime.timedelta(days=1)
            at_local = datetime.datetime.combine(d, dt.time())
            out.append((at_local - frm, to))     # the change as a UTC instant
        return sorted(out)
    bad = 0; n = 0
    t = datetime.datetime(2025, 1, 1)
    while t < datetime.datetime(2029, 1, 1):
        # the offset from the latest change at or before t
        ch = [c for y in (t.year - 1, t.year) for c in changes(y) if c[0] <= t]
        mine = ch[-1][1]
        theirs = t.replace(tzinfo=datetime.timezone.utc).astimezone(hel).utcoffset()
        n += 1
        if mine != theirs:
            bad += 1
            if bad < 5: print("differs at", t, mine, theirs)
        t += datetime.timedelta(minutes=30)
    print("compared", n, "half-hours,", bad, "differ")
for e in errors:
    print("ERROR", e)
PY

py() { python3 "$T/parse.py" "$@"; }
EV=$(py "$T/liisa.ics" events)
same "no structural errors (CRLF, <= 75 octets, whole UTF-8, BEGIN/END)" \
	"$(echo "$EV" | grep ERROR)" ""
same "start, end in UTC through zoneinfo, status, sequence, stamp, summary, location" "$EV" \
"$A1@pohjois-karjala	2026-03-27 08:00Z	09:00Z	CONFIRMED	0	20260701T090000Z	Initial interview: V. M.	Joensuun palvelupiste, Koskikatu 5/Torikatu 19, 80100 Joensuu
$A8@pohjois-karjala	2026-03-29 01:30Z	02:30Z	CONFIRMED	0	20260701T090000Z	Other meeting: V. M.	by phone
$A2@pohjois-karjala	2026-03-29 07:00Z	08:00Z	CONFIRMED	0	20260701T090000Z	Supplementary discussion: V. M.	by phone
$A3@pohjois-karjala	2026-03-30 07:00Z	08:00Z	CONFIRMED	0	20260701T090000Z	Supplementary discussion: Ä. K. Ö. M. S. L. A. Å.	Joensuun palvelupiste, Koskikatu 5/Torikatu 19, 80100 Joensuu
$A4@pohjois-karjala	2026-10-23 06:00Z	07:00Z	CONFIRMED	1	20260701T090000Z	Job-search discussion: V. M.	by video
$A7@pohjois-karjala	2026-10-25 00:30Z	01:30Z	CONFIRMED	0	20260701T090000Z	Other meeting: V. M.	by phone
$A5@pohjois-karjala	2026-10-25 08:00Z	09:00Z	CONFIRMED	0	20260701T090000Z	Other meeting: Ä. K. Ö. M. S. L. A. Å.	Joensuun palvelupiste, Koskikatu 5/Torikatu 19, 80100 Joensuu
$A6@pohjois-karjala	2026-10-26 08:00Z	09:00Z	CANCELLED	1	20260701T090000Z	Supplementary discussion: V. M.	Joensuun palvelupiste, Koskikatu 5/Torikatu 19, 80100 Joensuu"
ICS=$(cat "$T/liisa.ics")
contains "local times with the zone" "$ICS" "DTSTART;TZID=Europe/Helsinki:20261025T100000"
contains "the change-day morning in summer time" "$ICS" "DTSTART;TZID=Europe/Helsinki:20260329T100000"
contains "an hour from 03:30 in the missing hour ends at 05:30" "$ICS" "DTEND;TZID=Europe/Helsinki:20260329T053000"
contains "an hour from the first 03:30 ends at the second one: said in UTC" "$ICS" "DTEND:20261025T013000Z"
case $ICS in *010594*|*Virtanen*|*Kärkkäinen*) not_ok "no identity code and no names by default" ;;
	*) ok "no identity code and no names by default" ;; esac
same "twice the CRLF count as lines: every line ends in CRLF" \
	"$(tr -cd '\r' <"$T/liisa.ics" | wc -c)" "$(wc -l <"$T/liisa.ics")"

VT=$(py "$T/liisa.ics" vtimezone)
same "the VTIMEZONE agrees with the tz database" "$VT" "TZID Europe/Helsinki
DAYLIGHT +0200 +0300 19960331T030000 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
STANDARD +0300 +0200 19961027T040000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
compared 70128 half-hours, 0 differ"

# DTSTAMP in winter time: Helsinki 12:00 is 10:00 UTC.
LUUKKU_NOW="2026-12-01 12:00" lk ical --staff "$S" --from 2026-03-01 --to 2026-12-31 >"$T/w.ics"
same "DTSTAMP in winter" "$(grep -c 'DTSTAMP:20261201T100000Z' "$T/w.ics")" "8"
same "the same UIDs on a second export" "$(grep UID: "$T/w.ics" | tr -d '\r')" \
	"$(grep UID: "$T/liisa.ics" | tr -d '\r')"

# A point's calendar, full names: long SUMMARY lines fold on character boundaries.
expect 0 "a point's calendar with --names" lk ical --point $P --from 2026-10-25 --to 2026-10-25 --names
printf '%s\n' "$OUT" >"$T/p.ics"
EV=$(py "$T/p.ics" events)
same "folded, parsed back, the names whole" "$(echo "$EV" | cut -f2,7)" \
"2026-10-25 00:30Z	Other meeting: Virtanen Matti (Mäkelä Liisa)
2026-10-25 08:00Z	Other meeting: Äijälä-Kärkkäinen Öljy-Mörkö Sisko-Liisa Annikki Åsa (Mäkelä Liisa)
2026-10-25 10:00Z	Network meeting: Virtanen Matti (Ojala Eeva)"
same "a long line was folded" "$(grep -c '^ ' "$T/p.ics")" "1"
same "calendar named by the point" "$(grep X-WR-CALNAME "$T/p.ics")" "$(printf 'X-WR-CALNAME:Luukku: Joensuun palvelupiste\r')"
same "Liisa's by her name" "$(grep X-WR-CALNAME "$T/liisa.ics")" "$(printf 'X-WR-CALNAME:Luukku: Mäkelä Liisa\r')"

# Audit: the export, and each client in it once.
same "exports audited: 3 calendars, 2+2+2 client rows" \
	"$(sql "select count(*) from audit where action = 'export' and client_id is null"), $(sql "select count(*) from audit where action = 'export' and client_id is not null")" \
	"3, 6"
contains "detail names the scope" "$(sql "select detail from audit where action = 'export' and client_id is null")" \
	"ical point $P 2026-10-25..2026-10-25, 3 events, names"

# Bad input changes nothing and names the field.
N0=$(sql "select count(*) from audit")
expect 2 "--to before --from" lk ical --staff "$S" --from 2026-05-01 --to 2026-04-01
contains "naming --to" "$ERR" "--to"
expect 2 "a bad date" lk ical --staff "$S" --from 2026-02-30
contains "naming --from" "$ERR" "--from"
expect 2 "over a year" lk ical --staff "$S" --from 2026-01-01 --to 2027-06-01
expect 2 "both --staff and --point" lk ical --staff "$S" --point $P
expect 3 "an unknown staff member" lk ical --staff 0123456789abcdef0123456789abcdef
expect 3 "an unknown point" lk ical --point nowhere
expect 2 "a directory that is not there" lk ical --staff "$S" --out "$T/no/such/dir.ics"
same "nothing audited for refused exports" "$(sql "select count(*) from audit")" "$N0"

# Roles: once accounts are in use, the agenda's capability (book) is needed.
PI=$(lk staff add --name "Piste, Pia" --role piste --point $P)
# One secret set while none is in use yet, the same hash given to the Piste
# account straight in the table (no admin here); then each acts signed in.
echo 4321 | lk staff passwd "$S" >/dev/null
sql "update staff set secret_hash = (select secret_hash from staff where id = '$S') where id = '$PI'"
secret "$PI" 4321
secret "$S" 4321
expect 4 "a Piste desk may not export a calendar" as_staff "$PI" ical --staff "$S" --out "$T/x.ics"
same "and no file was written" "$(ls "$T"/x.ics* 2>/dev/null)" ""
expect 0 "the caseworker may" as_staff "$S" ical --staff "$S" --from 2026-03-27 --to 2026-03-27
contains "with her staff id in the audit" "$(sql "select count(*) from audit where action = 'export' and staff_id = '$S'")" "2"
done_testing
