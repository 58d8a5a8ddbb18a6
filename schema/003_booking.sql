-- 003_booking.sql — the life of a booking keeps its history (docs/architecture.md#data-model:
-- nothing a caseworker does deletes a row), and a remote
-- initial interview keeps the reason it was agreed (docs/rules.md#face-to-face: the initial
-- interview is face to face as a rule, remote only if separately agreed).

ALTER TABLE appointment ADD COLUMN remote_reason TEXT;

-- One row per thing that happened to a booking: booked, checked in, held,
-- missed, cancelled, moved. A move keeps where the booking was (old_start)
-- and where it went (new_start). Append-only, like audit.
CREATE TABLE appointment_event (
	id             TEXT PRIMARY KEY,
	appointment_id TEXT NOT NULL REFERENCES appointment(id),
	at             TEXT NOT NULL,
	what           TEXT NOT NULL CHECK (what IN ('booked','checked-in','done','no-show',
	               'cancelled','rescheduled')),
	staff_id       TEXT REFERENCES staff(id),
	old_start      TEXT,
	new_start      TEXT,
	note           TEXT
);
CREATE INDEX appointment_event_appointment ON appointment_event(appointment_id, at);
CREATE TRIGGER appointment_event_no_update BEFORE UPDATE ON appointment_event BEGIN
	SELECT RAISE(ABORT, 'appointment history is append-only');
END;
CREATE TRIGGER appointment_event_no_delete BEFORE DELETE ON appointment_event BEGIN
	SELECT RAISE(ABORT, 'appointment history is append-only');
END;

-- Bookings made before this migration start their history with 'booked'.
INSERT INTO appointment_event(id, appointment_id, at, what, new_start)
	SELECT lower(hex(randomblob(16))), id, created, 'booked', start FROM appointment;
