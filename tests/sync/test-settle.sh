# Settling conflicts: `luukku conflicts settle ID --keep|--take-losing`
# closes a conflict with who and when; taking the losing value writes it
# back as a normal change; the settlement reaches the node and every desk.
. "$(dirname "$0")/lib.sh"

expect 0 "the node's store is made like a desk's" lkd init --area pohjois-karjala
node_start
desk a; desk b
sync a b
S=$(on a staff add --name "Kettunen, Aila" --role caseworker --point joensuun-palvelupiste)
C=$(on a client add --name "Virtanen, Matti" --municipality Joensuu --phone "040 1")
sync a b

# Two same-field conflicts: phone and e-mail.
on a client set "$C" --phone "050 111" >/dev/null
on a client set "$C" --email "a@example.fi" >/dev/null
after_stamp a
on b client set "$C" --phone "050 222" >/dev/null
on b client set "$C" --email "b@example.fi" >/dev/null
later a b client "$C" phone
later a b client "$C" email
sync a b a
same "two open conflicts" "$(on a conflicts --tsv | wc -l)" "2"
P=$(q a "select id from conflict where field = 'phone'")
E=$(q a "select id from conflict where field = 'email'")
expect 0 "the list names each conflict's id" on a conflicts --tsv
contains "as the last column" "$OUT" "$P"

expect 2 "settle needs --keep or --take-losing" on a conflicts settle "$P"
contains "naming the option" "$ERR" "--keep"
expect 2 "not both" on a conflicts settle "$P" --keep --take-losing
expect 3 "an unknown conflict" on a conflicts settle 0123456789abcdef0123456789abcdef --keep
expect 2 "a malformed id" on a conflicts settle "x'; drop" --keep

expect 0 "keep the phone" on a conflicts settle "$P" --keep --by "$S"
same "the kept value stays" "$(q a "select phone from client where id = '$C'")" "050 222"
same "settled by and when" "$(q a "select resolved_by is not null and resolved_at is not null from conflict where id = '$P'")" "1"
expect 4 "settling twice is refused" on a conflicts settle "$P" --keep

expect 0 "take the losing e-mail" on b conflicts settle "$E" --take-losing --by "$S"
same "the losing value is back" "$(q b "select email from client where id = '$C'")" "a@example.fi"
same "as a change in the outbox" "$(q b 'select count(*) from outbox')" "1"
same "b still lists the phone (settled on a, not yet synced)" "$(on b conflicts --tsv | cut -f4)" "phone"

sync a b a b
for d in a b node; do
	same "the e-mail taken back is everywhere ($d)" "$(q $d "select email from client where id = '$C'")" "a@example.fi"
	same "both settled everywhere ($d)" "$(q $d 'select count(*) from conflict where resolved_at is not null')" "2"
done
same "desks equal the node" "$(content "$T/a.db") $(content "$T/b.db")" "$(content "$NODE_DB") $(content "$NODE_DB")"

# [sync] node reaches the pinned node at another address (it moved).
printf '[sync]\nnode = 127.0.0.1:1\n' >"$T/moved.ini"
expect 1 "[sync] node is where the desk looks" on a --config "$T/moved.ini" sync
contains "and it says so" "$ERR" "127.0.0.1:1"
printf '[sync]\nnode = 127.0.0.1:%s\n' "$PORT" >"$T/here.ini"
expect 0 "the right address works" on a --config "$T/here.ini" sync
node_stop
done_testing
