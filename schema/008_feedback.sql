-- 008_feedback.sql — quick feedback after a walk-in visit (issue 7;
-- docs/rules.md#quick-feedback: a quick-feedback device at the
-- main office). The kiosk (or a staff-side device) asks "How did we do?"
-- 1–5 and an optional word.
--
-- Anonymous by construction: no client, no visit, no ticket, no staff
-- member and no time of day — only the point and the day it was given, so
-- a row cannot be matched to a visit. The word is one word (letters, at
-- most 30 bytes); the store refuses digits and anything shaped like an
-- identity code (store/feedback.h). Synced like visits: a kiosk or a desk
-- of the point may write it (node/node-push.c scope).
CREATE TABLE feedback (
	id        TEXT PRIMARY KEY,
	point_id  TEXT NOT NULL REFERENCES service_point(id),
	given_on  TEXT NOT NULL,                      -- YYYY-MM-DD
	score     INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	word      TEXT CHECK (word IS NULL OR length(word) BETWEEN 1 AND 30),
	source    TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'desk'))
);
CREATE INDEX feedback_point ON feedback(point_id, given_on);
