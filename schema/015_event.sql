-- 015_event.sql — group sessions and info events (docs/rules.md#groups-and-events;
-- issue 17): info events open to anyone (a head count), targeted info
-- sessions a target group is invited to (attendance may be an obligation),
-- and groups that recur weekly, each occurrence its own row with its own
-- attendance. Both tables are synced (store.c synced_tables) and scoped on
-- the node like bookings (node-scope.c: an event by its point, a
-- participant by the client). An event is cancelled, never deleted.

CREATE TABLE event (
	id                 TEXT PRIMARY KEY,        -- random 128 bits
	title              TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	kind               TEXT NOT NULL CHECK (kind IN ('info','targeted','group')),
	point_id           TEXT NOT NULL REFERENCES service_point(id),
	room_id            TEXT REFERENCES room(id),
	link               TEXT,                    -- remote: the link text
	start              TEXT NOT NULL,           -- 'YYYY-MM-DD HH:MM'
	minutes            INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
	capacity           INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
	host_id            TEXT NOT NULL REFERENCES staff(id),
	partner            TEXT,                    -- a partner organisation
	lang               TEXT NOT NULL DEFAULT 'fi',
	description        TEXT,
	obligation         INTEGER NOT NULL DEFAULT 0 CHECK (obligation IN (0,1)),
	series_id          TEXT,                    -- a group's first occurrence
	benefit_checked_by TEXT REFERENCES staff(id), -- the lead who checked the benefit effect
	head_count         INTEGER CHECK (head_count IS NULL OR head_count >= 0),
	status             TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','cancelled')),
	cancel_reason      TEXT,
	created            TEXT NOT NULL
);
CREATE INDEX event_host ON event(host_id, start);
CREATE INDEX event_room ON event(room_id, start);
CREATE INDEX event_point ON event(point_id, start);

-- One row per client on an event's list. The id is 128 bits derived from
-- the event and the client (event.c), not drawn at random: two desks that
-- invite or sign up the same client offline make the same row, which sync
-- merges field by field instead of keeping two. The state is derived when
-- read: attendance when marked, else cancelled, else by sign-up order —
-- the first `capacity` live sign-ups by (signup_stamp, id) are signed up,
-- the rest wait — else invited. signup_stamp is the desk's hybrid clock at
-- the sign-up, so sign-ups made offline on two desks order alike on every
-- node and the overflow waits everywhere.
CREATE TABLE event_participant (
	id           TEXT PRIMARY KEY,
	event_id     TEXT NOT NULL REFERENCES event(id),
	client_id    TEXT NOT NULL REFERENCES client(id),
	invited      TEXT,                          -- when invited
	obligation   INTEGER NOT NULL DEFAULT 0 CHECK (obligation IN (0,1)),
	signup_stamp INTEGER,                       -- NULL: not signed up
	cancelled    TEXT,                          -- when the sign-up was cancelled
	attendance   TEXT CHECK (attendance IS NULL OR attendance IN ('attended','no-show')),
	staff_id     TEXT REFERENCES staff(id)      -- who last changed it
);
CREATE INDEX event_participant_event ON event_participant(event_id, signup_stamp);
CREATE INDEX event_participant_client ON event_participant(client_id);

-- Each participant with the state derived as above; place is the 1-based
-- place among the live sign-ups (NULL for others): places up to capacity
-- are signed up, the rest wait in that order.
CREATE VIEW event_participant_state AS
SELECT p.id, p.event_id, p.client_id, p.invited, p.obligation, p.signup_stamp, p.cancelled,
	p.attendance, p.staff_id,
	CASE WHEN p.attendance IS NOT NULL THEN p.attendance
	     WHEN p.cancelled IS NOT NULL THEN 'cancelled'
	     WHEN p.signup_stamp IS NULL THEN 'invited'
	     WHEN row_number() OVER w <= e.capacity THEN 'signed-up'
	     ELSE 'waiting' END AS state,
	CASE WHEN p.cancelled IS NULL AND p.signup_stamp IS NOT NULL
	     THEN row_number() OVER w END AS place
FROM event_participant p JOIN event e ON e.id = p.event_id
WINDOW w AS (PARTITION BY p.event_id
             ORDER BY (p.cancelled IS NOT NULL OR p.signup_stamp IS NULL), p.signup_stamp, p.id);
