-- 012_client_plain.sql — whether the client needs plain language
-- (selkokieli): their letters are then in plain Finnish without the
-- caseworker asking each time (docs/rules.md#client-language: client-facing text in Finnish,
-- plain Finnish where needed). `client` is synced: the new column travels
-- in its changesets like any other, merged field by field (sync-apply.c
-- reads the columns from pragma_table_info), so both ends must have run
-- this migration, as with 003's remote_reason.
ALTER TABLE client ADD COLUMN plain_language INTEGER NOT NULL DEFAULT 0
	CHECK (plain_language IN (0,1));
