-- 005_sync.sql — what sync keeps (docs/architecture.md#sync-contract; docs/protocol.md).
--
-- Every store (desk or central node) keeps:
--   field_stamp  the hybrid-logical-clock stamp of the last write of one
--                field of one synced row: the merge-by-field rule compares
--                stamps (hlc, then desk name), the higher wins on every node.
--                A field without a row here was never updated since its row
--                was inserted, and loses to any stamped write.
-- The central node (luukkud) also keeps:
--   hub_desk     the enrolled desks: name, scope, pinned public key, the
--                one-time enrolment token (its hash) until used, revocation,
--                and the stamp of the last outbox entry applied from it, so
--                a changeset sent again after a cut link is not applied twice.
--   hub_log      every accepted changeset in the one global order (gseq):
--                desks ask for what follows the last gseq they applied.
-- A desk keeps its link settings (node address and key, its own key pair,
-- the last gseq it applied) in meta under keys starting with "sync_".

CREATE TABLE field_stamp (
	tbl    TEXT NOT NULL,
	row_id TEXT NOT NULL,      -- the primary key's values joined by '|'
	col    TEXT NOT NULL,
	hlc    INTEGER NOT NULL,
	desk   TEXT NOT NULL,
	PRIMARY KEY (tbl, row_id, col)
) WITHOUT ROWID;

CREATE TABLE hub_desk (
	name       TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
	scope      TEXT NOT NULL,  -- 'area', 'kiosk' or service-point ids joined by ','
	pk         BLOB UNIQUE CHECK (pk IS NULL OR length(pk) = 32),
	token_hash BLOB,           -- set until the desk has enrolled
	created    TEXT NOT NULL,
	enrolled   TEXT,
	revoked    TEXT,
	last_hlc   INTEGER NOT NULL DEFAULT 0,
	last_seen  TEXT
);

CREATE TABLE hub_log (
	gseq      INTEGER PRIMARY KEY AUTOINCREMENT,
	desk      TEXT NOT NULL,
	hlc       INTEGER NOT NULL,
	changeset BLOB NOT NULL
);
CREATE INDEX hub_log_desk ON hub_log(desk, hlc);

-- A desk's outbox entries that the node refused (outside the desk's scope,
-- or not valid on the node): kept here, never silently dropped.
CREATE TABLE sync_refused (
	seq       INTEGER PRIMARY KEY,
	hlc       INTEGER NOT NULL,
	created   TEXT NOT NULL,
	changeset BLOB NOT NULL,
	reason    TEXT NOT NULL,
	refused   TEXT NOT NULL
);
