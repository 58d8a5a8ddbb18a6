# Roles on the central node (issue 5; docs/protocol.md "Roles on the node"):
# every outbox entry names the staff member who made it, PUSH carries it,
# and luukkud refuses a change whose staff member's role may not write its
# tables — a Kela advisor's booking, a Piste desk's client row, a change
# naming nobody once accounts are in use — keeping it in the desk's
# sync_refused like an out-of-scope write. The desk's own checks are
# bypassed here on purpose (the outbox entry is re-attributed with
# sqlite3), as a tampered desk would. A desk of an older frame version is
# refused with an ERROR it can read.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lkd init --area pohjois-karjala >/dev/null
node_start
desk hq area
desk jk $P
desk jk2 $P
sync hq jk jk2
# as_on DESK ID ARGS… — luukku on DESK acting as ID, signed in (--secret-fd).
as_on() { d=$1 who=$2; shift 2; on "$d" --staff "$who" --secret-fd 3 "$@" 3<"$T/secret.$who"; }

A=$(on hq staff add --name "Aalto, Aino" --role admin --point $P)
echo 4321 | on hq staff passwd "$A" >/dev/null
secret "$A" 4321
K=$(as_on hq "$A" staff add --name "Kivelä, Kari" --role kela-advisor --point $P)
PI=$(as_on hq "$A" staff add --name "Piste, Pia" --role piste --point $P)
echo 1111 | as_on hq "$A" staff passwd "$K" >/dev/null
echo 2222 | as_on hq "$A" staff passwd "$PI" >/dev/null
secret "$K" 1111
secret "$PI" 2222
C=$(as_on hq "$A" client add --name "Virtanen, Matti" --municipality Joensuu)
same "the outbox names who made the change" "$(q hq "select staff_id from outbox order by seq desc limit 1")" "$A"
sync hq jk
same "the node's log got the admin's changes" "$(q node "select count(*) from client")" "1"

# A booking attributed to the Kela advisor: refused by the node.
as_on jk "$A" book --client "$C" --staff "$A" --kind muu --at "2026-03-03 10:00" --minutes 30 --channel face >/dev/null
same "the desk recorded the admin as its maker" "$(q jk "select staff_id from outbox order by seq desc limit 1")" "$A"
q jk "update outbox set staff_id = '$K' where seq = (select max(seq) from outbox)"
expect 0 "the desk syncs" on jk sync
contains "one change refused" "$OUT" "(1 refused)"
same "the booking never reached the node" "$(q node 'select count(*) from appointment')" "0"
same "the desk keeps it, with who and why" "$(q jk 'select staff_id, reason from sync_refused')" \
	"$K|the role 'kela-advisor' may not write appointment"
same "the outbox moved on" "$(q jk 'select count(*) from outbox')" "0"
grep -q "refused: staff" "$NODE_LOG.new" && ok "the node logs the refusal" || not_ok "the node logs the refusal"

# A client row attributed to the Piste desk: refused.
as_on jk "$A" client add --name "Korhonen, Kalle" --municipality Joensuu >/dev/null
q jk "update outbox set staff_id = '$PI' where seq = (select max(seq) from outbox)"
expect 0 "the desk syncs again" on jk sync
contains "refused again" "$OUT" "(1 refused)"
same "no client of the Piste desk on the node" "$(q node "select count(*) from client where surname = 'Korhonen'")" "0"

# A client change naming nobody, while accounts are in use: refused.
as_on jk "$A" client set "$C" --phone "040 1" >/dev/null
q jk "update outbox set staff_id = null where seq = (select max(seq) from outbox)"
expect 0 "sync" on jk sync
contains "a change naming nobody is refused" "$OUT" "(1 refused)"
same "why" "$(q jk "select reason from sync_refused order by seq desc limit 1")" \
	"the change to client names no staff member, and sign-in accounts are in use"

# What the roles allow still goes through: the admin's booking, a failed
# sign-in (audit only), the Kela advisor changing their own secret.
as_on jk "$A" book --client "$C" --staff "$A" --kind muu --at "2026-03-03 11:00" --minutes 30 --channel face >/dev/null
echo 9999 >"$T/wrong"
on jk --staff "$K" --secret-fd 3 client find virt 3<"$T/wrong" 2>/dev/null
echo 5555 | as_on jk "$K" staff passwd "$K" >/dev/null 2>&1
expect 0 "sync" on jk sync
contains "nothing refused" "$OUT" "(0 refused)"
same "the admin's booking arrived" "$(q node 'select count(*) from appointment')" "1"
same "the failed sign-in arrived" "$(q node "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$K'")" "1"
# A sign-in's audit row has no client and no point: every desk of the area
# receives it (the slow-down after failures counts them all), another desk
# of the same point as well as the area desk.
sync hq jk2
same "the area desk got the failed sign-in" "$(q hq "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$K'")" "1"
same "another point desk got it too" "$(q jk2 "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$K'")" "1"
same "the new secret arrived" "$(q node "select secret_hash = '$(q jk "select secret_hash from staff where id = '$K'")' from staff where id = '$K'")" "1"
# A desk speaking the old frame version gets an ERROR it can read.
python3 - "$PORT" >"$T/old.out" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(bytes([0, 0, 0, 3, 1, 1, 0]))   # version 1, HELLO, one byte
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
print(data[4], data[5], data[6], data[8:].decode())
PY
same "an old desk is told in its own framing" "$(cat "$T/old.out")" \
	"1 10 3 the desk runs another Luukku version than the node; update it"
node_stop
done_testing
