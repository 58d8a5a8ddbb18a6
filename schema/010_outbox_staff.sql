-- 010_outbox_staff.sql — who made each change (docs/protocol.md, Roles on
-- the node): the staff member acting when the write transaction committed
-- (the signed-in person on the terminal, --staff on the command line;
-- NULL when nobody was named). PUSH carries it, and the node refuses a
-- change whose staff member's role may not write its tables. A refused
-- entry keeps it in sync_refused.
ALTER TABLE outbox ADD COLUMN staff_id TEXT;
ALTER TABLE sync_refused ADD COLUMN staff_id TEXT;
