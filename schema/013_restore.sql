-- 013_restore.sql — what survives a restore (docs/protocol.md, "Restore").
--
-- A desk keeps:
--   sync_sent      its own changes the node acknowledged, until the node says
--                  a backup it keeps holds them (DONE's "safe" stamp): a node
--                  restored from an older backup gets them again.
-- Every store keeps:
--   sync_orphan    the fields of an update that came before its row was born
--                  here (after a restore a desk may send its change to
--                  another desk's row before that desk sends the row again),
--                  merged into the row when it arrives.
-- The central node keeps:
--   hub_log_epoch  the earlier identities of its log (meta hub_log_id) and
--                  up to which gseq the log now agrees with each: a desk that
--                  last synced with such a log asks again from there.
--   hub_desk.safe_hlc
--                  the desk's last stamp held in the oldest backup the node
--                  keeps; the desk may forget its sent changes up to it.
CREATE TABLE sync_sent (
	hlc       INTEGER PRIMARY KEY,
	created   TEXT NOT NULL,
	changeset BLOB NOT NULL,
	staff_id  TEXT
);

CREATE TABLE sync_orphan (
	tbl    TEXT NOT NULL,
	row_id TEXT NOT NULL,
	col    TEXT NOT NULL,
	value,
	hlc    INTEGER NOT NULL,
	desk   TEXT NOT NULL,
	PRIMARY KEY (tbl, row_id, col)
) WITHOUT ROWID;

CREATE TABLE hub_log_epoch (
	log_id TEXT PRIMARY KEY,
	base   INTEGER NOT NULL
);

ALTER TABLE hub_desk ADD COLUMN safe_hlc INTEGER NOT NULL DEFAULT 0;
