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

# --- staff passwd -------------------------------------------------------------
P=joensuun-palvelupiste
expect 4 "adding staff needs the acting admin once accounts exist" lk staff add --name "Mäkelä, Liisa" --role caseworker --point $P
contains "naming --staff" "$ERR" "--staff"
expect 0 "the admin adds a caseworker" lk --staff "$A" staff add --name "Mäkelä, Liisa" --role caseworker --point $P
B=$OUT
expect 0 "and another" lk --staff "$A" staff add --name "Oja, Olli" --role caseworker --point $P
O=$OUT
before=$(sql "select secret_hash from staff where id = '$A'")
expect 2 "a short PIN is refused" sh -c "echo 12 | \"$LUUKKU\" --db \"$DB\" --staff $A staff passwd $B"
same "naming --secret" "$ERR" "luukku staff passwd: --secret: use a PIN of at least 4 digits or a password of at least 8 characters"
same "nothing was set" "$(sql "select count(*) from staff where id = '$B' and secret_hash is not null")" "0"
expect 3 "an unknown staff member" sh -c "echo 123456 | \"$LUUKKU\" --db \"$DB\" --staff $A staff passwd 0123456789abcdef0123456789abcdef"
expect 0 "the admin sets a password" sh -c "echo 'kesä-2026!' | \"$LUUKKU\" --db \"$DB\" --staff $A staff passwd $B"
contains "hashed with argon2id" "$(sql "select secret_hash from staff where id = '$B'")" '$argon2id$'
expect 4 "a caseworker may not set a colleague's secret" sh -c "echo 5555 | \"$LUUKKU\" --db \"$DB\" --staff $B staff passwd $O"
contains "naming the role" "$ERR" "the role 'caseworker'"
expect 0 "but may change their own" sh -c "echo 98765 | \"$LUUKKU\" --db \"$DB\" --staff $B staff passwd $B"
same "the admin's hash is untouched" "$(sql "select secret_hash from staff where id = '$A'")" "$before"
same "each change is audited" "$(sql "select count(*) from audit where action = 'secret-set'")" "2"
same "no secret in the audit trail" "$(sql "select count(*) from audit where detail like '%98765%' or detail like '%kesä%'")" "0"

done_testing
