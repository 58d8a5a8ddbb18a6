# The store's file: migrations in place, newer files refused untouched,
# foreign files refused, mode 0600, WAL.
. "$(dirname "$0")/lib.sh"
SCHEMA=$(dirname "$0")/../../schema

# An older file: only migration 001 applied, with a client in it.
sqlite3 "$T/old.db" < "$SCHEMA/001_init.sql"
sqlite3 "$T/old.db" "PRAGMA user_version = 1;
	INSERT INTO area VALUES ('pohjois-karjala', 'Pohjois-Karjala', 'Joensuu');
	INSERT INTO client(id, surname, given_names, created) VALUES ('c1', 'Vanha', 'Veikko', '2025-01-01 08:00');"
expect 0 "an older file opens" "$LUUKKU" --db "$T/old.db" client find --tsv vanha
same "its client is there" "$(echo "$OUT" | cut -f1,2)" "$(printf 'c1\tVanha, Veikko')"
# (the newest migration's number: numbers held for other branches are gaps)
same "it was migrated in place" "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" \
	"$(ls "$SCHEMA"/*.sql | sed 's|.*/||; s/_.*//; s/^0*//' | sort -n | tail -1)"
same "the new table exists" "$(sqlite3 "$T/old.db" "select count(*) from sqlite_schema where name = 'conflict'")" "1"
same "its client got the plain-language flag, off" \
	"$(sqlite3 "$T/old.db" "select plain_language from client where id = 'c1'")" "0"

# A newer file is refused and left byte for byte as it was.
lk init --area pohjois-karjala >/dev/null
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; PRAGMA user_version = 999" >/dev/null
sum=$(md5sum < "$DB")
expect 1 "a file from a newer version is refused" lk client find x
contains "with a clear message" "$ERR" "newer"
same "and left untouched" "$(md5sum < "$DB")" "$sum"
[ -e "$DB-wal" ] && not_ok "no WAL file made for it" || ok "no WAL file made for it"

# Not a Luukku file.
sqlite3 "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
expect 1 "another program's SQLite file is refused" "$LUUKKU" --db "$T/foreign.db" client find x
same "and left alone" "$(sqlite3 "$T/foreign.db" 'select count(*) from sqlite_schema')" "1"
printf 'not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 9 > "$T/text.db"
expect 1 "a text file is refused" "$LUUKKU" --db "$T/text.db" client find x

# New files: 0600, WAL, foreign keys.
expect 0 "init a fresh file" "$LUUKKU" --db "$T/fresh.db" init --area mikkelin-seutu
same "mode 0600" "$(stat -c %a "$T/fresh.db")" "600"
same "WAL journal" "$(sqlite3 "$T/fresh.db" 'PRAGMA journal_mode')" "wal"
same "Mikkelin seutu has 6 points" "$(sqlite3 "$T/fresh.db" 'select count(*) from service_point')" "6"

# The database path: --db, then $LUUKKU_DB, then the config, then XDG.
LUUKKU_DB="$T/fresh.db" "$LUUKKU" point list --tsv > "$T/p1"
same "\$LUUKKU_DB is used" "$(wc -l < "$T/p1")" "6"
mkdir -p "$T/config/luukku"
printf '[store]\npath = %s\n' "$T/fresh.db" > "$T/config/luukku/luukku.ini"
"$LUUKKU" point list --tsv > "$T/p2"
same "[store] path of the config is used" "$(wc -l < "$T/p2")" "6"
rm "$T/config/luukku/luukku.ini"
expect 0 "XDG_DATA_HOME is the default" "$LUUKKU" init --area paijat-hame
[ -f "$T/data/luukku/luukku.db" ] && ok "made under XDG_DATA_HOME" || not_ok "made under XDG_DATA_HOME"
printf '[store\npath = x\n' > "$T/broken.ini"
expect 2 "a broken config file is refused" "$LUUKKU" --config "$T/broken.ini" point list
contains "naming --config" "$ERR" "--config"
expect 2 "a missing config file is refused" "$LUUKKU" --config "$T/none.ini" point list
expect 2 "an unknown language is refused" "$LUUKKU" --lang de point list
contains "naming --lang" "$ERR" "--lang"
done_testing
