-- 007_hub_log_tag.sql — the scope of each change-log entry, judged once
-- when the node appends it (docs/protocol.md, Scope), so a desk's round
-- finds the entries that may concern it by an index instead of decoding
-- every changeset since its last round.
--
--   hub_log_tag  one row per (entry, tag); tags:
--                '*'        rows every point-scoped desk must judge
--                           (reference tables, rows whose owner is unknown)
--                'k'        rows a kiosk receives (area, points, rooms…)
--                'm:MUNI'   client data of a client of municipality MUNI
--                'p:POINT'  rows without a client, by their point
-- The tags only pick candidates: every candidate is still filtered row by
-- row on the node's current rows before it is sent. Entries logged before
-- this migration are tagged '*' and 'k': every desk judges them as before.
CREATE TABLE hub_log_tag (
	tag  TEXT NOT NULL,
	gseq INTEGER NOT NULL,     -- hub_log.gseq (the log is never pruned)
	PRIMARY KEY (tag, gseq)
) WITHOUT ROWID;

INSERT INTO hub_log_tag(tag, gseq) SELECT '*', gseq FROM hub_log;
INSERT INTO hub_log_tag(tag, gseq) SELECT 'k', gseq FROM hub_log;
