# A scheduled backup onto a disk that fills (issue 15): a small tmpfs holds
# the backup directory; while it is full each backup fails with a clear
# log line and leaves nothing (no file under a backup's name, no temp
# file), the node goes on serving desks, and the next backup after space
# returns completes, whole. Needs root to mount a tmpfs; skipped otherwise.
. "$(dirname "$0")/lib.sh"

BK=$T/small
mkdir -p "$BK"
if ! mount -t tmpfs -o size=2m tmpfs "$BK" 2>/dev/null; then
	echo "ok - # skip: cannot mount a tmpfs here (needs root)"
	done_testing
fi
trap 'node_kill; umount "$BK" 2>/dev/null; rm -rf "$T"' EXIT
backups_config "$BK" 1s 2
lkd init --area pohjois-karjala >/dev/null
node_start
desk a
sync a
ledger_add a "Ennen, Asiakas"
sync a
wait_until "a backup is made" 100 '[ "$(backups_made)" -ge 1 ]'
# Fill the disk but for 100 KB: a backup starts, and fails part-way.
dd if=/dev/zero of="$BK/filler" bs=64k 2>/dev/null
truncate -s -100K "$BK/filler"
failed() { grep -c "backup into $BK failed: .*the disk is full; nothing of it was kept" "$NODE_LOG.new"; }
wait_until "a backup onto the full disk fails, saying the disk is full" 100 '[ "$(failed)" -ge 1 ]'
listed=$(backups_kept "$BK" | tr '\n' ' ')
f0=$(failed)
wait_until "…and fails again at the next try" 100 '[ "$(failed)" -gt "$f0" ]'
grep "backup into $BK failed" "$NODE_LOG.new" | tail -n 1 | sed 's/^/# /'
ledger_add a "Taydella, Asiakas"
sync a
same "the node serves desks meanwhile" "$(q node "select count(*) from client where surname = 'Taydella'")" "1"
# Stopped: no backup under way, the directory as the failures left it.
node_stop
same "failed backups leave no file under a backup's name" \
	"$(backups_kept "$BK" | tr '\n' ' ')" "$listed"
same "…nor a temp file: only the filler beside backups made before the disk filled" \
	"$(ls -A "$BK" | grep -vc '^luukkud-[0-9]\{8\}T[0-9]\{6\}\.[0-9]\{3\}Z\.db$')" "1"
rm -f "$BK/filler"
node_start
wait_until "once space returns the next backup completes" 100 '[ "$(backups_made)" -ge 1 ]'
node_stop
b=$BK/$(backups_kept "$BK" | tail -n 1)
same "…a whole store" "$(sqlite3 "file:$b?immutable=1" "pragma integrity_check")" "ok"
same "…holding the write made while the disk was full" \
	"$(sqlite3 "file:$b?immutable=1" "select count(*) from client where surname = 'Taydella'")" "1"
same "…and nothing else is left beside the backups" "$(ls -A "$BK" | grep -vc '^luukkud-')" "0"
ledger_check node a
done_testing
