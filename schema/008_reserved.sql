-- 008_reserved.sql — a placeholder, nothing else. Migration 008 belongs to
-- another branch (the kiosk screen's 008_feedback.sql); this branch needs
-- the number filled so its 009 runs (migrate.c applies numbers in order
-- and stops at a gap). At merge, delete this file: with both present,
-- migrate.c takes the first 008 in name order, 008_feedback.sql, anyway.
SELECT 1;
