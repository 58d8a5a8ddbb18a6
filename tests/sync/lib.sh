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
