# The role rule of the command line (cmd-roles.c, core/roles.h): once the
# database has sign-in accounts, commands that touch client data need the
# acting staff member (--staff or [desk] staff) and a role with the
# capability, signed in with the secret (--secret-fd here); otherwise
# exit 4 naming the role. TYM partners see only the
# TYM part of their own cases, and only while consent is on record.
. "$(dirname "$0")/lib.sh"

P=joensuun-palvelupiste
# --- Before any secret: every command runs as before -------------------------
lk init --area pohjois-karjala >/dev/null
A=$(lk staff add --name "Aalto, Aino" --role admin --point $P)
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu)
expect 0 "without accounts no --staff is needed" lk client find virt
echo 4321 | lk staff passwd "$A" >/dev/null
secret "$A" 4321

# --- Accounts in use ---------------------------------------------------------
W=$(as_staff "$A" staff add --name "Mäkelä, Liisa" --role caseworker --point $P)
TC=$(as_staff "$A" staff add --name "Berg, Bo" --role tym-caseworker --point $P)
S=$(as_staff "$A" staff add --name "Heikkinen, Sari" --role social-worker --point $P)
K=$(as_staff "$A" staff add --name "Kivelä, Kari" --role kela-advisor --point $P)
PI=$(as_staff "$A" staff add --name "Piste, Pia" --role piste --point $P)
L=$(as_staff "$A" staff add --name "Lehto, Leo" --role lead --point $P)
# Once accounts are in use every acting account signs in with its secret.
n=1000
for id in "$W" "$TC" "$S" "$K" "$PI" "$L"; do
	n=$((n + 1))
	echo "$n" | as_staff "$A" staff passwd "$id" >/dev/null
	secret "$id" "$n"
done

expect 4 "client find without an acting staff member" lk client find virt
same "naming --staff" "$ERR" "luukku client find: --staff: sign-in accounts are in use: name the acting staff member with --staff ID"
expect 4 "an unknown acting staff member" lk --staff 0123456789abcdef0123456789abcdef client find virt
expect 0 "a caseworker searches" as_staff "$W" client find virt
expect 0 "a caseworker opens the client" as_staff "$W" client show "$C"
expect 4 "a Piste desk may not search the register" as_staff "$PI" client find virt
same "naming the role" "$ERR" "luukku client find: --staff: the role 'piste' (Piste desk) may not do this"
expect 0 "a Piste desk logs a walk-in" as_staff "$PI" piste log --point $P --topic digi
expect 4 "a social worker may not open a client" as_staff "$S" client show "$C"
same "naming the role" "$ERR" "luukku client show: --staff: the role 'social-worker' (Social counsellor / worker) may not do this"
expect 4 "a social worker may not book" as_staff "$S" book --client "$C" --staff "$W" --kind muu --at "2026-03-03 10:00" --minutes 30 --channel face
expect 4 "a caseworker may not read the audit trail" as_staff "$W" audit --client "$C"
expect 0 "a lead may" as_staff "$L" audit --client "$C"
same "refusals are audited" "$(sql "select count(*) from audit where action = 'refused' and staff_id = '$PI'")" "1"
# The Piste desk links a visit by the whole identity code on the visitor's
# ID card, never by a name or part of a code (no search capability).
CODE=010594-9032   # synthetic: individual number 903
C3=$(as_staff "$A" client add --name "Virtanen, Ville" --hetu "$CODE")
expect 0 "a Piste desk links a visit by the whole identity code" \
	as_staff "$PI" piste log --point $P --topic tyonhaku --client "$CODE"
same "the visit is the client's" "$(sql "select count(*) from visit where client_id = '$C3' and topic = 'tyonhaku'")" "1"
expect 0 "a queue ticket too" as_staff "$PI" piste arrive --point $P --topic koulutus --client "$CODE"
same "the ticket is the client's" "$(sql "select count(*) from visit where client_id = '$C3' and topic = 'koulutus'")" "1"
expect 3 "a name is no client for the Piste desk" as_staff "$PI" piste log --point $P --topic muu --client Virtanen
same "naming the field" "$ERR" "luukku piste log: --client: no client 'Virtanen'"
expect 3 "nor is part of an identity code" as_staff "$PI" piste log --point $P --topic muu --client 010594
expect 3 "nor a code no client has" as_staff "$PI" piste log --point $P --topic muu --client 010594-9054
same "nothing was written" "$(sql "select count(*) from visit where topic = 'muu'")" "0"
expect 4 "a caseworker may not add staff" as_staff "$W" staff add --name "X, Y" --role caseworker --point $P
expect 0 "staff list runs without an acting staff member" lk staff list --tsv
same "staff list holds no client data: one row per staff member, nothing else" \
	"$(printf '%s\n' "$OUT" | cut -f1 | sort)" "$(sql "select id from staff" | sort)"
case $OUT in
*Virtanen*|*"$C"*|*"$C3"*|*010594*) not_ok "no client name, id or identity code in the staff list" ;;
*) ok "no client name, id or identity code in the staff list" ;;
esac

# --- A TYM partner: own case, with consent only -----------------------------
CASE=$(as_staff "$TC" tym open --client "$C" --referral perus)
as_staff "$TC" tym member add "$CASE" --staff "$TC" --team pair 2>/dev/null
as_staff "$TC" tym member add "$CASE" --staff "$S" --team pair 2>/dev/null
expect 4 "a partner may not add team members" as_staff "$S" tym member add "$CASE" --staff "$K" --team start
expect 4 "the partner sees nothing before consent" as_staff "$S" tym show "$CASE"
contains "naming consent" "$ERR" "consent"
as_staff "$TC" tym consent "$CASE" --given --how written
expect 0 "with consent the partner sees the TYM part" as_staff "$S" tym show "$CASE"
expect 4 "a Kela advisor outside the case sees nothing" as_staff "$K" tym show "$CASE"
as_staff "$TC" tym consent "$CASE" --withdrawn
expect 4 "after withdrawal the partner sees nothing again" as_staff "$S" tym show "$CASE"

# --- Settling sync conflicts: own data for caseworkers, any for a lead -------
as_staff "$W" client set "$C" --caseworker "$W" >/dev/null
C2=$(as_staff "$W" client add --name "Virtala, Ville" --municipality Joensuu)
# Two conflicts as sync leaves them (schema 002): one on Matti, whose
# caseworker W is, one on Ville, who has none.
sql "insert into conflict(id, kind, table_name, row_id, field, kept_value, losing_value, detected)
     values ('cf-own', 'field', 'client', '$C', 'phone', '040 1', '040 2', '2026-03-02 08:00'),
            ('cf-other', 'field', 'client', '$C2', 'phone', '050 1', '050 2', '2026-03-02 08:00')"
expect 4 "a Piste desk may not settle" as_staff "$PI" conflicts settle cf-own --keep
same "naming the role" "$ERR" "luukku conflicts settle: --staff: the role 'piste' (Piste desk) may not do this"
expect 4 "a caseworker may not settle another's client" as_staff "$W" conflicts settle cf-other --keep
same "saying which ones they may" "$ERR" "luukku conflicts settle: --staff: the role 'caseworker' may settle only conflicts on their own clients and bookings"
same "still open" "$(sql "select count(*) from conflict where resolved_at is null")" "2"
expect 4 "nor settle in another's name" as_staff "$W" conflicts settle cf-own --keep --by "$L"
expect 0 "a caseworker settles a conflict on their own client" as_staff "$W" conflicts settle cf-own --keep
same "settled by them" "$(sql "select resolved_by from conflict where id = 'cf-own'")" "$W"
expect 3 "an unknown conflict is not found" as_staff "$W" conflicts settle cf-nope --keep
expect 0 "a lead settles any" as_staff "$L" conflicts settle cf-other --keep
same "settled by the lead" "$(sql "select resolved_by from conflict where id = 'cf-other'")" "$L"

# --- 'kiosk' is a staff role (migration 009) ----------------------------------
expect 0 "a kiosk account" as_staff "$A" staff add --name "Kioski, Joensuu" --role kiosk --point $P
KI=$OUT
same "with the kiosk role" "$(sql "select role from staff where id = '$KI'")" "kiosk"
expect 2 "it may start the kiosk without a secret" lk --staff "$KI" kiosk --no-such-option
expect 4 "but nothing else" lk --staff "$KI" client find virt
expect 19 "roles are still checked by the database" sqlite3 "$DB" "insert into staff(id, surname, given_names, role, home_point_id) values ('x', 'X', 'Y', 'janitor', '$P')"
expect 0 "the migrated schema is sound" sqlite3 "$DB" "pragma integrity_check"
same "integrity ok" "$OUT" "ok"

# --- The acting staff member from the config ----------------------------------
printf '[desk]\nstaff = %s\n' "$W" >"$T/desk.ini"
expect 0 "[desk] staff acts when --staff is not given" lk --config "$T/desk.ini" --secret-fd 3 client find virt 3<"$T/secret.$W"
printf '[desk]\nstaff = %s\n' "$PI" >"$T/piste.ini"
expect 4 "and its role is checked" lk --config "$T/piste.ini" --secret-fd 3 client find virt 3<"$T/secret.$PI"

done_testing
