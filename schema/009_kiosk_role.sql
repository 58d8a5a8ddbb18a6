-- 009_kiosk_role.sql — 'kiosk' becomes a staff role (core/roles.c: the
-- self-service kiosk's account, no secret, no client data), and the audit
-- trail gets an index by staff member and action (store/signin.c counts an
-- account's failed sign-ins from it for the slow-down).
--
-- SQLite cannot alter a CHECK constraint, and the usual rebuild (create
-- staff_new, copy, drop, rename) is wrong here: migrations run in a
-- transaction with foreign keys on, where PRAGMA foreign_keys cannot be
-- turned off, and renaming would rewrite the REFERENCES staff(id) of every
-- other table. The change only widens the list of allowed values, so every
-- row stays valid and nothing on disk but the table's SQL text changes:
-- the documented case for editing sqlite_schema under writable_schema
-- (sqlite.org/lang_altertable.html, "otherwise"). RESET reloads the
-- schema; the CREATE INDEX after it bumps the schema cookie for other
-- connections. No trigger or sync hook depends on staff's SQL text.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
	SET sql = replace(sql, '''lead'',''admin'')', '''lead'',''admin'',''kiosk'')')
	WHERE type = 'table' AND name = 'staff';
PRAGMA writable_schema = RESET;
-- Refuse the migration (and roll it back) if the text was not found.
CREATE TEMP TABLE m009_check (ok INTEGER CHECK (ok = 1));
INSERT INTO m009_check
	SELECT sql LIKE '%''kiosk''%' FROM sqlite_schema WHERE type = 'table' AND name = 'staff';
DROP TABLE m009_check;
CREATE INDEX audit_staff ON audit(staff_id, action);
