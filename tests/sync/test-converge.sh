# Convergence: three desks write at random (new clients, changed fields,
# bookings) and sync at random while the node comes and goes; once everyone
# has synced, every desk holds exactly the node's data (sync contract 6, 9).
. "$(dirname "$0")/lib.sh"

lkd init --area pohjois-karjala >/dev/null
node_start
desk a; desk b; desk c
sync a b c
S=$(on a staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
sync a b c
seed=${SEED:-$$}
echo "# seed $seed"
# rnd N — a pseudo-random number below N in $R (the seed is printed above).
rnd() { seed=$(( (seed * 1103515245 + 12345) % 2147483648 )); R=$(( seed / 65536 % $1 )); }
# pick DESK — a random client id of that desk in $ID, or false.
pick() {
	count=$(q $1 "select count(*) from client")
	[ "$count" -gt 0 ] || return 1
	rnd "$count"
	ID=$(q $1 "select id from client order by id limit 1 offset $R")
}
fails=0
for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
	for d in a b c; do
		rnd 4; n=$R
		while [ "$n" -gt 0 ]; do
			n=$((n - 1))
			rnd 4
			case $R in
			0) on $d client add --name "Asiakas$round$d, Testi" --municipality Joensuu >/dev/null ;;
			1|2) pick $d && rnd 1000 && on $d client set "$ID" --phone "040 $R" >/dev/null ;;
			3) pick $d && rnd 5 && day=$((R + 1)) && rnd 6 &&
				on $d book --client "$ID" --staff "$S" --kind muu --channel phone \
					--at "2026-04-0$day 1$R:00" --minutes 30 >/dev/null 2>&1 ;;
			esac
		done
		rnd 2
		[ "$R" = 0 ] && { timeout 30 "$LUUKKU" --db "$T/$d.db" sync --quiet >/dev/null 2>&1 || fails=$((fails + 1)); }
	done
	# The node goes away now and then; desks keep working offline.
	if [ "$round" = 4 ] || [ "$round" = 8 ]; then node_stop; fi
	if [ "$round" = 6 ] || [ "$round" = 10 ]; then node_start; fi
done
echo "# $fails syncs failed while the node was away"
# Walk-in visits of three years ago, then desk a's retention purge turns
# them into counts (visit_count); quick feedback on desk c. These tables are
# synced too, and content() compares every table of the store's list.
LUUKKU_NOW="2023-01-10 10:00" on a piste log --point joensuun-palvelupiste --topic digi >/dev/null
LUUKKU_NOW="2023-01-10 11:00" on b piste log --point joensuun-palvelupiste --topic digi >/dev/null
on c feedback --point joensuun-palvelupiste --score 4 --word nopea >/dev/null
sync a b c a
expect 0 "desk a purges the old visits" on a purge
sync a b c
sync a b c
same "the node holds the counts and the feedback" \
	"$(q node 'select day, topic, visits from visit_count')|$(q node 'select score, word from feedback')" \
	"2023-01-10|digi|2|4|nopea"
h=$(content "$NODE_DB")
for d in a b c; do
	same "desk $d holds exactly the node's data" "$(content "$T/$d.db")" "$h"
	same "desk $d has nothing waiting" "$(q $d 'select count(*) from outbox')" "0"
done
same "every node holds the same conflicts" \
	"$(q a 'select * from conflict order by id' | md5sum)$(q b 'select * from conflict order by id' | md5sum)" \
	"$(q c 'select * from conflict order by id' | md5sum)$(q node 'select * from conflict order by id' | md5sum)"
echo "# $(q node 'select count(*) from client') clients, $(q node 'select count(*) from hub_log') changes, $(q node 'select count(*) from conflict') conflicts"
node_stop
done_testing
