# Re-tagging an old node's log (schema/011_retag_audit.sql): a node from
# before audit rows without a client (sign-ins, their failures, refusals)
# were tagged '*' left such entries without that tag, so point desks never
# received them. Such a log is made here as an old node had it — the tags
# of the entries holding a failed sign-in deleted, the database back at
# version 10 — and a point desk indeed does not get the row. After a
# restart the migration flags the log, the node re-tags it once at
# start-up, and another point desk of the same point receives the row.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lkd init --area pohjois-karjala >/dev/null
node_start
desk hq area
desk jk1 $P
desk jk2 $P
sync hq
A=$(on hq staff add --name "Aalto, Aino" --role admin --point $P)
echo 4321 | on hq staff passwd "$A" >/dev/null
sync hq jk1 jk2
H0=$(q node "select max(gseq) from hub_log")
echo 9999 >"$T/wrong"
expect 4 "a wrong secret is refused" on hq --staff "$A" --secret-fd 3 client find virt 3<"$T/wrong"
sync hq
same "the failed sign-in reached the node, without a client" \
	"$(q node "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$A' and client_id is null")" "1"
same "this node tags its entry for every desk" \
	"$(q node "select count(*) from hub_log_tag where gseq > $H0 and tag = '*'")" "1"

# The log as an old node left it: no tag on the entry (deleted under the
# running node, which reads the tags at every round), version 10.
q node "delete from hub_log_tag where gseq > $H0"
sync jk1
same "an untagged entry does not reach a point desk" \
	"$(q jk1 "select count(*) from audit where action = 'sign-in-failed'")" "0"
node_stop
# A version-10 file has none of the later migrations' changes either:
# undo 012's column, 013's tables, 014's column and 015's tables too, so the
# migrations from 11 on run as on a real one.
q node "alter table client drop column plain_language; drop table sync_sent;
 drop table sync_orphan; drop table hub_log_epoch; alter table hub_desk drop column safe_hlc;
 alter table hub_desk drop column held_hlc; drop view event_participant_state;
 drop table event_participant; drop table event; pragma user_version = 10"
same "no flag before the migration" "$(q node "select count(*) from meta where key = 'hub_retag_audit'")" "0"

# Restart: migration 011 flags the log, start-up re-tags it and drops the flag.
node_start
same "the node is at version 11 or later" "$(q node "pragma user_version" | awk '{ print ($1 >= 11) }')" "1"
same "the flag is gone after start-up" "$(q node "select count(*) from meta where key = 'hub_retag_audit'")" "0"
same "the old entry is tagged for every desk" \
	"$(q node "select count(*) from hub_log_tag where gseq > $H0 and tag = '*'")" "1"
sync jk2
same "a point desk now receives the failed sign-in" \
	"$(q jk2 "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$A'")" "1"
# A second restart re-tags nothing again (the flag is gone).
q node "delete from hub_log_tag where gseq > $H0"
node_stop
node_start
same "re-tagging runs once" "$(q node "select count(*) from hub_log_tag where gseq > $H0")" "0"
node_stop
done_testing
