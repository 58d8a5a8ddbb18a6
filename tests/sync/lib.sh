# lib.sh — helpers for the sync tests: a real luukkud on loopback and desks
# enrolled with it. Source it with the luukku binary in $1; luukkud is
# taken from beside it. Builds on ../cli/lib.sh (ok, expect, same, …).
. "$(dirname "$0")/../cli/lib.sh"
LUUKKUD=$(dirname "$LUUKKU")/luukkud
LKPROXY=$(dirname "$LUUKKU")/tests/lkproxy
NODE_DB=$T/node.db
NODE_LOG=$T/node.log
NODE_PID=
PORT=
# Never leave a node behind, whatever happens.
trap 'node_kill; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
unset LUUKKU_NOW   # stamps and "detected" times come from the real clock

lkd() { timeout 30 "$LUUKKUD" --db "$NODE_DB" "$@"; }

# node_start — run luukkud in the background on a free port; sets PORT.
node_start() {
	: >"$NODE_LOG.new"
	"$LUUKKUD" --db "$NODE_DB" --listen 127.0.0.1:${PORT:-0} --log-level debug \
		2>"$NODE_LOG.new" &
	NODE_PID=$!
	i=0
	while [ $i -lt 100 ]; do
		p=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$NODE_LOG.new")
		[ -n "$p" ] && { PORT=$p; return 0; }
		kill -0 "$NODE_PID" 2>/dev/null || break
		sleep 0.05; i=$((i + 1))
	done
	cat "$NODE_LOG.new" >&2
	echo "luukkud did not start" >&2
	exit 1
}

# node_stop — SIGTERM and wait (bounded); the log goes to $NODE_LOG.
node_stop() {
	[ -n "$NODE_PID" ] || return 0
	kill -TERM "$NODE_PID" 2>/dev/null
	i=0
	while kill -0 "$NODE_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	node_kill
	wait "$NODE_PID" 2>/dev/null
	NODE_STATUS=$?
	cat "$NODE_LOG.new" >>"$NODE_LOG" 2>/dev/null
	NODE_PID=
}

node_kill() {
	[ -n "$NODE_PID" ] && kill -9 "$NODE_PID" 2>/dev/null
	return 0
}

# desk NAME [SCOPE] — enrol a new desk whose database is $T/NAME.db.
desk() {
	code=$(lkd enrol "$1" --scope "${2:-area}") || { not_ok "enrol $1"; return 1; }
	timeout 30 "$LUUKKU" --db "$T/$1.db" enrol "127.0.0.1:$PORT" "$code" >/dev/null ||
		{ not_ok "desk $1 joins"; return 1; }
}

# on NAME ARGS… — run luukku on desk NAME.
on() { d=$1; shift; timeout 30 "$LUUKKU" --db "$T/$d.db" "$@"; }

# sync NAME… — one round for each desk, quietly; fails loudly.
sync() {
	for d in "$@"; do
		timeout 30 "$LUUKKU" --db "$T/$d.db" sync --quiet >"$T/sync.out" 2>&1 ||
			{ not_ok "sync $d"; sed 's/^/#   /' "$T/sync.out"; }
	done
}

# The synced tables (content only), in a stable order.
SYNCED="area municipality service_point point_link room staff staff_point client appointment
 appointment_event measure plan tym_case tym_review tym_member consent visit audit conflict
 event event_participant"

# content FILE — a hash of every synced table's rows.
content() {
	for t in $SYNCED; do
		echo "== $t"
		sqlite3 -batch -noheader "$1" "SELECT * FROM $t ORDER BY 1, 2" 2>/dev/null
	done | md5sum | cut -d' ' -f1
}

# q NAME SQL — query a desk's database ("node" for the node's).
q() {
	if [ "$1" = node ]; then f=$NODE_DB; else f=$T/$1.db; fi
	sqlite3 -batch -noheader "$f" "$2"
}

# The ledger: every write a test makes, to be found after a fault.
# ledger_add DESK NAME — add client NAME on DESK and write it down.
ledger_add() {
	on "$1" client add --name "$2" --municipality Joensuu >/dev/null ||
		{ not_ok "write $2 on $1"; return 1; }
	echo "client $2" >>"$T/ledger"
}
# ledger_phone DESK NAME PHONE — set the phone of client NAME on DESK.
ledger_phone() {
	id=$(q "$1" "select id from client where surname || ', ' || given_names = '$2'")
	on "$1" client set "$id" --phone "$3" >/dev/null || { not_ok "phone $2 on $1"; return 1; }
	echo "phone $2 $3" >>"$T/ledger"
}
# ledger_check WHERE… — each store holds every write once: prints the
# counts (written, found, lost, duplicated) and checks nothing is lost or
# doubled.
ledger_check() {
	for w in "$@"; do
		written=0 found=0 lost=0 dup=0
		while read -r kind a b c; do
			written=$((written + 1))
			case $kind in
			client) n=$(q "$w" "select count(*) from client where surname || ', ' || given_names = '$a $b'") ;;
			phone) n=$(q "$w" "select count(*) from client where surname || ', ' || given_names = '$a $b' and phone = '$c'") ;;
			esac
			case $n in 0) lost=$((lost + 1)) ;; 1) found=$((found + 1)) ;; *) dup=$((dup + 1)) ;; esac
		done <"$T/ledger"
		echo "# ledger $w: written $written, found $found, lost $lost, duplicated $dup"
		same "$w holds every write once" "$lost $dup" "0 0"
	done
}

# wait_until "what" TENTHS CONDITION — check CONDITION (shell, eval'd) every
# tenth of a second, at most TENTHS times: ok once it holds, not ok when it
# never did. For what the node does on its own (scheduled backups).
wait_until() {
	what=$1 n=$2; shift 2
	i=0
	while ! eval "$*"; do
		i=$((i + 1))
		[ $i -ge "$n" ] && { not_ok "$what (not within $((n / 10)) s)"; return 1; }
		sleep 0.1
	done
	ok "$what"
}

# backups_config DIR INTERVAL KEEP — luukkud reads [backup] from
# $T/luukkud.ini ($LUUKKUD_CONFIG) from now on.
backups_config() {
	printf '[backup]\ndir = %s\ninterval = %s\nkeep = %s\n' "$1" "$2" "$3" >"$T/luukkud.ini"
	export LUUKKUD_CONFIG=$T/luukkud.ini
}
# backups_made — how many scheduled backups the running node logged.
backups_made() { grep -c "backup made" "$NODE_LOG.new"; }
# backups_kept DIR — the scheduled backups in DIR, oldest first.
backups_kept() { ls "$1" | grep '^luukkud-[0-9]\{8\}T[0-9]\{6\}\.[0-9]\{3\}Z\.db$'; }
