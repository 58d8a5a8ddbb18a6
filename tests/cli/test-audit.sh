# Every look at a client's data by any path, and every refusal with the
# client it concerned, is in `audit --client`; an unknown client there is
# exit 3. Every action the code writes is explained in luukku.1 (AUDIT
# ACTIONS).
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Virtanen, Matti" --hetu 010594Y9032 --municipality Joensuu --job-search-start 2026-02-20)
rows() { sql "select count(*) from audit where client_id = '$C' and action = '$1'"; }

expect 0 "client find by a whole identity code" lk client find 010594y9032
same "is audited for the client found" "$(rows find-hetu)" "1"
expect 0 "client find by a name" lk client find virt
same "a name search is a list, not a look at one client" "$(rows find-hetu)" "1"
expect 0 "due" lk due "$C"
same "due is audited" "$(rows read-due)" "1"
expect 0 "piste log --client" lk piste log --point $P --topic digi --client "$C"
same "a Piste visit of the client is audited" "$(rows piste-visit)" "1"
expect 0 "piste arrive --client" lk piste arrive --point $P --topic digi --client "$C"
same "and a queue ticket" "$(rows piste-visit)" "2"
expect 2 "a refused Piste visit of the client" lk piste log --point $P --topic kahvi --client "$C"
same "is audited as refused with the client" "$(rows refused)" "1"
expect 0 "audit --client" lk audit --client "$C"
contains "lists the looks, in words" "$OUT" "read the due list"
expect 0 "audit --client --tsv" lk audit --client "$C" --tsv
contains "the action's code in TSV" "$OUT" "read-due"
expect 3 "audit --client of an unknown id" lk audit --client 0123456789abcdef0123456789abcdef
expect 3 "audit --client of garbage" lk audit --client nobody

# A role refusal on the CLI names the client it concerned.
A=$(printf '4321\n' | "$LUUKKU" --db "$T/r.db" init --area pohjois-karjala --admin "Aalto, Aino")
DB=$T/r.db
secret "$A" 4321
K=$(as_staff "$A" staff add --name "Kivelä, Kari" --role kela-advisor --point $P)
C=$(as_staff "$A" client add --name "Virtanen, Matti" --municipality Joensuu)
printf '5555\n' | as_staff "$A" staff passwd "$K" >/dev/null
secret "$K" 5555
expect 4 "a Kela advisor may not open a card" as_staff "$K" client show "$C"
same "the refusal is audited with the client" "$(rows refused)" "1"
expect 4 "nor book for the client" as_staff "$K" book --client "$C" --staff "$K" --kind muu \
	--at "2026-03-03 10:00" --minutes 30 --channel face
same "audited with the client too" "$(rows refused)" "2"

# Every action the code writes to the audit trail is explained in
# luukku.1 (AUDIT ACTIONS): the actions named in lk_audit calls, and the
# sign-in and unlock actions with their -failed forms (store/signin.c).
top=$(cd "$(dirname "$0")/../.." && pwd)
man=$top/docs/luukku.1
actions=$( {
	grep -rhoE 'lk_audit\([^;]*' "$top/src" "$top/ui" | grep -oE '"[a-z]+(-[a-z]+)+"|"(export|import|refused)"'
	grep -rhoE 'lk_signin_verify\([^;]*' "$top/src" "$top/ui" | grep -oE '"[a-z]+(-[a-z]+)*"' |
		awk '{ print; sub(/"$/, "-failed\""); print }'
	} | tr -d '"' | sort -u)
[ -n "$actions" ] || not_ok "no audit action found in the code"
section=$(sed -n '/^\.SH AUDIT ACTIONS/,/^\.SH /p' "$man")
for a in $actions; do
	if printf '%s\n' "$section" | grep -qE "^\.BR? (.*[ \"])?$a( |\"|\$)"; then
		ok "luukku.1 explains the audit action $a"
	else
		not_ok "luukku.1 explains the audit action $a"
	fi
done

done_testing
