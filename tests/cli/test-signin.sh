# Staff secrets: `luukku init --admin` makes the first administrator with a
# secret from standard input; `luukku staff passwd` sets a new one. Secrets
# are argon2id hashes; too short ones are refused naming --secret and
# change nothing; the audit trail records the change, never the secret.
. "$(dirname "$0")/lib.sh"

# --- init --admin ----------------------------------------------------------
expect 2 "a three-digit PIN is refused" sh -c "echo 123 | \"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Aalto, Aino'"
same "naming --secret" "$ERR" "luukku init: --secret: use a PIN of at least 4 digits or a password of at least 8 characters"
same "no database is left behind" "$(ls "$T" | grep -c test.db)" "0"
expect 2 "a seven-letter password is refused" sh -c "echo salasan | \"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Aalto, Aino'"
expect 2 "no secret at all is refused" sh -c "\"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Aalto, Aino' </dev/null"
same "naming --secret again" "$ERR" "luukku init: --secret: no secret on standard input"
expect 2 "a bad admin name is refused, nothing left" sh -c "echo 4321 | \"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Aalto'"
same "still no database" "$(ls "$T" | grep -c test.db)" "0"
expect 0 "a four-digit PIN makes the admin" sh -c "echo 4321 | \"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Aalto, Aino'"
A=$OUT
same "the admin's role" "$(sql "select role || ' ' || home_point_id from staff where id = '$A'")" "admin joensuun-palvelupiste"
contains "an argon2id hash is stored" "$(sql "select secret_hash from staff where id = '$A'")" '$argon2id$'
same "the PIN itself is stored nowhere" "$(sql "select count(*) from staff where secret_hash like '%4321%'")" "0"
expect 2 "--admin only for a new database" sh -c "echo 4321 | \"$LUUKKU\" --db \"$DB\" init --area pohjois-karjala --admin 'Berg, Bo'"

# --- signing in on the command line ---------------------------------------------
P=joensuun-palvelupiste
secret "$A" 4321
expect 4 "adding staff needs the acting admin once accounts exist" lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P
contains "naming --staff" "$ERR" "--staff"
expect 4 "an acting id alone is not enough" lk --staff "$A" staff add --name "Mäkelä, Liisa" --role caseworker --point $P </dev/null
same "naming where the secret goes, not the account" "$ERR" "luukku staff add: --secret-fd: give the acting staff member's secret with --secret-fd N, LUUKKU_SECRET_FILE or on a terminal"
echo 1234 >"$T/wrong"
expect 4 "a wrong secret is refused" lk --staff "$A" --secret-fd 3 staff add --name "Mäkelä, Liisa" --role caseworker --point $P 3<"$T/wrong"
same "after the first failure it waits; the refusal names nobody" "$ERR" "luukku staff add: --secret: failed sign-ins in a row: 1; waiting 1 s
luukku staff add: --staff: sign-in failed: no such account, or a wrong secret"
same "nobody was added" "$(sql "select count(*) from staff")" "1"
same "both refusals audited as sign-in-failed" "$(sql "select count(*) from audit where action = 'sign-in-failed' and staff_id = '$A'")" "2"
expect 2 "a descriptor that is not open" lk --staff "$A" --secret-fd 7 staff list
same "naming --secret-fd" "$ERR" "luukku: --secret-fd: '7' is not an open file descriptor"
# Two failures so far; a new process (a restart) still waits 2 s.
expect 0 "the right secret through --secret-fd" as_staff "$A" staff add --name "Mäkelä, Liisa" --role caseworker --point $P
B=$OUT
same "after two failures the attempt is delayed" "$ERR" "luukku staff add: --secret: failed sign-ins in a row: 2; waiting 2 s"
same "the sign-in is audited with the command" "$(sql "select detail from audit where action = 'sign-in' and staff_id = '$A'")" "cli: staff add"
expect 0 "a success ends the run: no wait" as_staff "$A" staff add --name "Oja, Olli" --role caseworker --point $P
O=$OUT
same "nothing on stderr" "$ERR" ""
# LUUKKU_SECRET_FILE: only a file nobody else can read.
cp "$T/secret.$A" "$T/mine"; chmod 644 "$T/mine"
expect 4 "a secret file others can read is refused" env LUUKKU_SECRET_FILE="$T/mine" "$LUUKKU" --db "$DB" --staff "$A" client find virt
same "naming LUUKKU_SECRET_FILE" "$ERR" "luukku client find: LUUKKU_SECRET_FILE: cannot be read, or is not a file of yours readable by you only (mode 0600)"
chmod 600 "$T/mine"
expect 0 "a 0600 secret file signs in" env LUUKKU_SECRET_FILE="$T/mine" "$LUUKKU" --db "$DB" --staff "$A" client find virt
same "after the one failure, a wait of 1 s" "$ERR" "luukku client find: --secret: failed sign-ins in a row: 1; waiting 1 s"
# An unknown --staff gets word for word the answer of a known one.
expect 4 "an unknown --staff with a secret" lk --staff 0123456789abcdef0123456789abcdef --secret-fd 3 client find virt 3<"$T/wrong"
unknown_err=$ERR unknown_with=$ERR
expect 4 "nobody's secret for a known --staff" lk --staff "$A" --secret-fd 3 client find virt 3<"$T/wrong"
same "the same message for unknown and known" "$(printf '%s\n' "$unknown_err" | tail -1)" "$(printf '%s\n' "$ERR" | tail -1)"
expect 4 "an unknown --staff without a secret" lk --staff 0123456789abcdef0123456789abcdef client find virt </dev/null
unknown_err=$ERR
expect 4 "a known --staff without a secret" lk --staff "$A" client find virt </dev/null
same "the same message without a secret" "$(printf '%s\n' "$unknown_err" | tail -1)" "$(printf '%s\n' "$ERR" | tail -1)"
# An account without a secret cannot act once accounts are in use, and
# is answered word for word as an unknown --staff, naming nobody.
expect 4 "an account without a secret is refused" lk --staff "$B" client find virt </dev/null
same "the unknown --staff's message" "$(printf '%s\n' "$ERR" | tail -1)" "$(printf '%s\n' "$unknown_err" | tail -1)"
case $ERR in *Mäkelä*|*"$B"*) not_ok "the owner of the account is not named: $ERR" ;; *) ok "the owner of the account is not named" ;; esac
expect 4 "an account without a secret, a secret given" lk --staff "$B" --secret-fd 3 client find virt 3<"$T/wrong"
same "the wrong secret's message" "$(printf '%s\n' "$ERR" | tail -1)" "$(printf '%s\n' "$unknown_with" | tail -1)"
same "both audited as refused with the command" "$(sql "select count(*) from audit where action = 'refused' and staff_id = '$B' and detail = 'client find'")" "2"
# … except as the unattended kiosk (here it gets as far as its own options).
K=$(as_staff "$A" staff add --name "Kioski, Joensuu" --role piste --point $P)
expect 2 "a kiosk account without a secret may start the kiosk" lk --staff "$K" kiosk --no-such-option

# --- staff passwd -------------------------------------------------------------
before=$(sql "select secret_hash from staff where id = '$A'")
expect 2 "a short PIN is refused" sh -c "echo 12 | \"$LUUKKU\" --db \"$DB\" --staff $A --secret-fd 3 staff passwd $B 3<\"$T/secret.$A\""
same "naming --secret" "$ERR" "luukku staff passwd: --secret: use a PIN of at least 4 digits or a password of at least 8 characters"
same "nothing was set" "$(sql "select count(*) from staff where id = '$B' and secret_hash is not null")" "0"
expect 3 "an unknown staff member" sh -c "echo 123456 | \"$LUUKKU\" --db \"$DB\" --staff $A --secret-fd 3 staff passwd 0123456789abcdef0123456789abcdef 3<\"$T/secret.$A\""
expect 0 "the admin sets a password" sh -c "echo 'kesä-2026!' | \"$LUUKKU\" --db \"$DB\" --staff $A --secret-fd 3 staff passwd $B 3<\"$T/secret.$A\""
contains "hashed with argon2id" "$(sql "select secret_hash from staff where id = '$B'")" '$argon2id$'
secret "$B" 'kesä-2026!'
expect 4 "a caseworker may not set a colleague's secret" sh -c "echo 5555 | \"$LUUKKU\" --db \"$DB\" --staff $B --secret-fd 3 staff passwd $O 3<\"$T/secret.$B\""
contains "naming the role" "$ERR" "the role 'caseworker'"
expect 4 "nor change their own without the old one" sh -c "echo 98765 | \"$LUUKKU\" --db \"$DB\" --staff $B staff passwd $B"
expect 0 "but may change their own" sh -c "echo 98765 | \"$LUUKKU\" --db \"$DB\" --staff $B --secret-fd 3 staff passwd $B 3<\"$T/secret.$B\""
secret "$B" 98765
expect 0 "the new one signs in" as_staff "$B" client find virt
same "the admin's hash is untouched" "$(sql "select secret_hash from staff where id = '$A'")" "$before"
same "each change is audited" "$(sql "select count(*) from audit where action = 'secret-set'")" "2"
same "no secret in the audit trail" "$(sql "select count(*) from audit where detail like '%98765%' or detail like '%kesä%' or detail like '%4321%'")" "0"

done_testing
