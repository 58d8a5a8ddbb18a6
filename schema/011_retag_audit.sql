-- 011_retag_audit.sql — the node tags audit rows without a client (sign-ins
-- and their failures, refusals) '*', so point desks receive them
-- (src/node/node-scope.c, row_tags). A node from before that gave them no
-- tag, and the entries already in its log keep the old tags. Which entries
-- hold such rows is known only from the changeset blobs, which SQL cannot
-- read: this migration only leaves the flag hub_retag_audit in meta when
-- the log has entries, and the node at its next start (lk_hub_retag_audit,
-- src/node/node-changelog.c) adds to every logged entry the tags its audit rows
-- get now, then drops the flag. A desk's log is empty: no flag.
INSERT INTO meta(key, value) SELECT 'hub_retag_audit', '1'
	WHERE EXISTS (SELECT 1 FROM hub_log);
