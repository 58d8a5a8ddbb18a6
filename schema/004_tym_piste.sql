-- 004_tym_piste.sql — the Piste walk-in queue and TYM team assembly.
--
-- Piste (docs/rules.md#piste; docs/architecture.md#anonymous-walk-ins): a visit stays anonymous
-- unless a client is linked. What a walk-in visit may hold besides:
--   call_name     a first name the visitor chose to give (kiosk or desk), to
--                 be called by; never an identity code; emptied when the
--                 visit ends, so a finished visit keeps no name at all;
--   note          a short note, never identifying (the store refuses text
--                 shaped like an identity code);
--   oral_consent  "Rinnalla": when the visitor gave the one-time oral consent
--                 for that situation (a linked client gets a consent row too);
--   source        where the ticket was taken: the desk or the kiosk.
-- Waiting and service times come from arrived/called/served/ended, never
-- typed.
ALTER TABLE visit ADD COLUMN call_name TEXT
	CHECK (call_name IS NULL OR length(call_name) BETWEEN 1 AND 30);
ALTER TABLE visit ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) <= 200);
ALTER TABLE visit ADD COLUMN oral_consent TEXT;
ALTER TABLE visit ADD COLUMN source TEXT NOT NULL DEFAULT 'desk'
	CHECK (source IN ('desk', 'kiosk'));
CREATE INDEX visit_point_ticket ON visit(point_id, ticket);

-- TYM: members by case, consents by client and kind.
CREATE INDEX tym_member_case ON tym_member(case_id, team);
CREATE INDEX consent_client ON consent(client_id, kind);
