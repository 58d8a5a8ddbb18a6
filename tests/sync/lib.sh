# lib.sh — helpers for the sync tests: a real luukkud on loopback and desks
# enrolled with it. Source it with the luukku binary in $1; luukkud is
# taken from beside it. Builds on ../cli/lib.sh (ok, expect, same, …).
. "$(dirname "$0")/../cli/lib.sh"
LUUKKUD=$(dirname "$LUUKKU_BIN")/luukkud
LKPROXY=$(dirname "$LUUKKU_BIN")/tests/lkproxy
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

# on NAME ARGS… — run luukku on desk NAME. Bookings and their moves are
# judged against the CLI tests' Monday 2.3.2026 09:00 (the booking rule
# refuses a start in the past, docs/architecture.md#booking-contract); the
# sync stamps still come from the real clock (store.c next_hlc).
BOOK_NOW="2026-03-02 09:00"
on() {
	d=$1; shift
	for a in "$@"; do
		case $a in
		book|meeting|slots)
			LUUKKU_NOW=$BOOK_NOW timeout 30 "$LUUKKU" --db "$T/$d.db" "$@"
			return ;;
		esac
	done
	timeout 30 "$LUUKKU" --db "$T/$d.db" "$@"
}

# sync NAME… — one round for each desk, quietly; fails loudly.
sync() {
	for d in "$@"; do
		timeout 30 "$LUUKKU" --db "$T/$d.db" sync --quiet >"$T/sync.out" 2>&1 ||
			{ not_ok "sync $d"; sed 's/^/#   /' "$T/sync.out"; }
	done
}

# The synced tables, in the store's own order: read from the list the store
# captures and merges by (synced_tables[] in src/store/store.c, wherever it
# lives under src/), so this list cannot drift from it. Not found, or found
# twice: the script stops.
SRC_DIR=$(cd "$(dirname "$0")/../../src" 2>/dev/null && pwd)
synced_tables() {
	f=$(grep -rl --include='*.c' 'synced_tables\[\] *= *{' "$SRC_DIR" 2>/dev/null)
	[ -n "$f" ] && [ "$(printf '%s\n' "$f" | wc -l)" = 1 ] || return 1
	sed -n '/synced_tables\[\] *= *{/,/NULL/p' "$f" | sed 's,/\*.*\*/,,g' |
		grep -o '"[a-z_][a-z_0-9]*"' | tr -d '"' | tr '\n' ' '
}
SYNCED=$(synced_tables)
case $SYNCED in
*client*) ;;
*)	echo "not ok - the store's list of synced tables (synced_tables[] under $SRC_DIR) was not found"
	exit 1 ;;
esac

# content FILE — "DIGEST N rows": a digest of every synced table's rows and
# how many there are. An sqlite error (no such file or table) fails the
# test loudly, and so does a store with no rows at all: two unreadable or
# empty stores must never compare equal. (content runs inside $(…): the
# failure is marked in a file that done_testing reads.)
content() {
	if [ ! -f "$1" ]; then
		not_ok "content: no database at $1" >&2
		echo "no database"
		return 1
	fi
	: >"$T/content.dump"
	_c_rows=0
	for _c_t in $SYNCED; do
		echo "== $_c_t" >>"$T/content.dump"
		if ! sqlite3 -batch -noheader "$1" "SELECT * FROM $_c_t ORDER BY 1, 2" \
			>>"$T/content.dump" 2>"$T/content.err" ||
			! _c_n=$(sqlite3 -batch -noheader "$1" "SELECT count(*) FROM $_c_t" 2>>"$T/content.err"); then
			not_ok "content of $1, table $_c_t: $(cat "$T/content.err")" >&2
			echo "unreadable"
			return 1
		fi
		_c_rows=$((_c_rows + _c_n))
	done
	if [ "$_c_rows" -eq 0 ]; then
		not_ok "content of $1: no rows in any synced table" >&2
		echo "empty"
		return 1
	fi
	echo "$(md5sum <"$T/content.dump" | cut -d' ' -f1) $_c_rows rows"
}

# q NAME SQL — query a desk's database ("node" for the node's); an sqlite
# error (no such file, table or column) fails the test.
q() {
	if [ "$1" = node ]; then f=$NODE_DB; else f=$T/$1.db; fi
	if [ ! -f "$f" ]; then
		not_ok "q $1: no database at $f" >&2
		return 1
	fi
	sqlite3 -batch -noheader "$f" "$2" 2>"$T/q.err" ||
		{ not_ok "q $1 '$2': $(cat "$T/q.err")" >&2; return 1; }
}

# after_stamp NAME — wait (≤ 5 s) until the wall clock has passed the last
# stamp desk NAME issued (meta hlc: wall milliseconds << 16), so that an
# edit made next on another desk is stamped later (docs/protocol.md, "What
# moves"): edits are ordered by the clock they are stamped with, not by a
# sleep of a guessed length.
after_stamp() {
	_as_last=$(q "$1" "select value >> 16 from meta where key = 'hlc'")
	[ -n "$_as_last" ] || { not_ok "desk $1 has issued no stamp"; return 1; }
	_as_i=0
	while [ "$(date +%s%3N)" -le "$_as_last" ] && [ $_as_i -lt 500 ]; do sleep 0.01; _as_i=$((_as_i + 1)); done
	[ "$(date +%s%3N)" -gt "$_as_last" ] || not_ok "the clock passes desk $1's last stamp"
}

# stamp NAME TABLE ID FIELD — the stamp of a field's last write on desk NAME.
stamp() { q "$1" "select hlc from field_stamp where tbl = '$2' and row_id = '$3' and col = '$4'"; }

# later NAME1 NAME2 TABLE ID FIELD — check that NAME2's last write of the
# field is stamped after NAME1's (what the test's ordering relies on).
later() {
	_l_1=$(stamp "$1" "$3" "$4" "$5") _l_2=$(stamp "$2" "$3" "$4" "$5")
	if [ -n "$_l_1" ] && [ -n "$_l_2" ] && [ "$_l_2" -gt "$_l_1" ]; then
		ok "$2's $5 is stamped after $1's"
	else
		not_ok "$2's $5 is stamped after $1's ($1: '$_l_1', $2: '$_l_2')"
	fi
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
