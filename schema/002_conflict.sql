-- 002_conflict.sql — what sync had to decide (docs/architecture.md#merge-by-field, #offline-clashes).
-- A same-field conflict keeps the losing value here, shown to staff until a
-- person settles it; an offline double booking is flagged here too.
CREATE TABLE conflict (
	id           TEXT PRIMARY KEY,
	kind         TEXT NOT NULL CHECK (kind IN ('field', 'clash')),
	table_name   TEXT NOT NULL,
	row_id       TEXT NOT NULL,
	field        TEXT,
	kept_value   TEXT,
	losing_value TEXT,
	kept_desk    TEXT,
	losing_desk  TEXT,
	detected     TEXT NOT NULL,
	resolved_by  TEXT REFERENCES staff(id),
	resolved_at  TEXT
);
CREATE INDEX conflict_open ON conflict(resolved_at, detected);
