-- 001_init.sql — the first Luukku schema.
--
-- Rows that desks create carry a random 128-bit id (32 hex characters) made
-- where the row is born; reference rows that come from data/service_points.csv
-- (area, municipality, service point, commuting link) carry stable readable
-- ids (slugs) so that every desk that runs `luukku init` names them alike.
-- Nothing a caseworker does deletes a row: cancelling, closing and archiving
-- are states. Dates are ISO text 'YYYY-MM-DD', times 'YYYY-MM-DD HH:MM' on
-- the Finnish wall clock.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT
);

CREATE TABLE area (
	id   TEXT PRIMARY KEY,               -- 'pohjois-karjala'
	name TEXT NOT NULL,
	host TEXT NOT NULL                   -- host municipality (vastuukunta)
);

CREATE TABLE municipality (
	id      TEXT PRIMARY KEY,            -- 'joensuu'
	area_id TEXT NOT NULL REFERENCES area(id),
	name    TEXT NOT NULL UNIQUE
);

CREATE TABLE service_point (
	id              TEXT PRIMARY KEY,    -- 'joensuun-palvelupiste'
	municipality_id TEXT NOT NULL REFERENCES municipality(id),
	name            TEXT NOT NULL,
	kind            TEXT NOT NULL CHECK (kind IN
	                ('main','point','fixed','visited','branch','occasional','piste')),
	street          TEXT,
	postcode        TEXT,
	town            TEXT,
	fte             REAL,
	opens           TEXT NOT NULL DEFAULT '08:00',
	closes          TEXT NOT NULL DEFAULT '16:00',
	note            TEXT
);

-- Commuting (pendelöinti): staff of `served_from` serve `point_id`.
CREATE TABLE point_link (
	point_id    TEXT NOT NULL REFERENCES service_point(id),
	served_from TEXT NOT NULL REFERENCES service_point(id),
	services    TEXT NOT NULL,           -- 'basic+tym', 'tym', 'all'
	PRIMARY KEY (point_id, served_from)
);

CREATE TABLE room (
	id       TEXT PRIMARY KEY,
	point_id TEXT NOT NULL REFERENCES service_point(id),
	name     TEXT NOT NULL,
	UNIQUE (point_id, name)
);

CREATE TABLE staff (
	id            TEXT PRIMARY KEY,
	surname       TEXT NOT NULL,
	given_names   TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN
	              ('caseworker','tym-caseworker','social-worker','kela-advisor',
	               'nurse','coordinator','career-counsellor','ohjaamo','job-coach',
	               'lobby','piste','lead','admin')),
	organisation  TEXT NOT NULL DEFAULT 'area' CHECK (organisation IN
	              ('area','wellbeing','kela','municipality','other')),
	home_point_id TEXT NOT NULL REFERENCES service_point(id),
	secret_hash   TEXT,
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
);

-- The points a staff member serves, with share and weekdays ('1'..'7').
CREATE TABLE staff_point (
	staff_id TEXT NOT NULL REFERENCES staff(id),
	point_id TEXT NOT NULL REFERENCES service_point(id),
	percent  INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
	weekdays TEXT NOT NULL DEFAULT '12345',
	PRIMARY KEY (staff_id, point_id)
);

CREATE TABLE client (
	id               TEXT PRIMARY KEY,
	surname          TEXT NOT NULL CHECK (length(surname) BETWEEN 1 AND 100),
	given_names      TEXT NOT NULL CHECK (length(given_names) BETWEEN 1 AND 100),
	hetu             TEXT UNIQUE CHECK (hetu IS NULL OR length(hetu) = 11),
	municipality_id  TEXT REFERENCES municipality(id),
	lang             TEXT NOT NULL DEFAULT 'fi',
	interpreter_lang TEXT,
	phone            TEXT,
	email            TEXT,
	address          TEXT,
	service_line     TEXT NOT NULL DEFAULT 'tyonvalitys' CHECK (service_line IN
	                 ('tyonvalitys','tuettu','tym','koto')),
	caseworker_id    TEXT REFERENCES staff(id),
	job_search_start TEXT,
	job_search_end   TEXT,
	koto_start       TEXT,
	residence_permit TEXT,
	youth            INTEGER NOT NULL DEFAULT 0,
	immigrant        INTEGER NOT NULL DEFAULT 0,
	created          TEXT NOT NULL
);
CREATE INDEX client_caseworker ON client(caseworker_id);
-- Search as you type: surname prefixes in name order straight from this index.
CREATE INDEX client_surname ON client(lower(surname), given_names);

-- Name search: word prefixes in any order, case- and accent-insensitive.
-- A local index only (never synced), keyed by the client's rowid and kept by
-- the triggers below; it holds its own copy of the name.
CREATE VIRTUAL TABLE client_fts USING fts5(
	name, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
CREATE TRIGGER client_fts_ai AFTER INSERT ON client BEGIN
	INSERT INTO client_fts(rowid, name) VALUES (new.rowid, new.surname || ' ' || new.given_names);
END;
CREATE TRIGGER client_fts_ad AFTER DELETE ON client BEGIN
	DELETE FROM client_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER client_fts_au AFTER UPDATE OF surname, given_names ON client BEGIN
	UPDATE client_fts SET name = new.surname || ' ' || new.given_names WHERE rowid = old.rowid;
END;

CREATE TABLE appointment (
	id          TEXT PRIMARY KEY,
	client_id   TEXT REFERENCES client(id),
	staff_id    TEXT NOT NULL REFERENCES staff(id),
	point_id    TEXT REFERENCES service_point(id),
	room_id     TEXT REFERENCES room(id),
	kind        TEXT NOT NULL CHECK (kind IN ('alkuhaastattelu','tyonhakukeskustelu',
	            'taydentava','verkostopalaveri','tym-paivitys','muu')),
	channel     TEXT NOT NULL CHECK (channel IN ('face','phone','video','remote-point')),
	start       TEXT NOT NULL,
	minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
	status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN
	            ('scheduled','checked-in','done','no-show','cancelled')),
	interpreter TEXT,
	note        TEXT,
	created     TEXT NOT NULL
);
CREATE INDEX appointment_client ON appointment(client_id, start);
CREATE INDEX appointment_staff ON appointment(staff_id, start);
CREATE INDEX appointment_room ON appointment(room_id, start);

-- Measure kinds and whether one lasting over a month exempts the client from
-- discussions (Act 380/2023 as quoted in 001 §5.1; docs/rules.md#exemption).
CREATE TABLE measure_kind (
	code      TEXT PRIMARY KEY,
	label     TEXT NOT NULL,
	exempting INTEGER NOT NULL CHECK (exempting IN (0,1)),
	max_months INTEGER
);
INSERT INTO measure_kind VALUES
	('palkkatuki',  'Palkkatuettu työ', 1, NULL),
	('tyokokeilu',  'Työkokeilu', 1, 6),                -- at most 6 months (002)
	('kuntoutus',   'Jatkuva kuntoutus', 1, NULL),
	('koulutus',    'Työvoimakoulutus', 1, NULL),
	('omaehtoinen', 'Omaehtoinen opiskelu työttömyysetuudella', 1, 24), -- 2 years (001 §5.2)
	('starttiraha', 'Starttiraha', 0, 12),              -- 12 months (001 §5.3)
	('muu',         'Muu palvelu', 0, NULL);

CREATE TABLE measure (
	id        TEXT PRIMARY KEY,
	client_id TEXT NOT NULL REFERENCES client(id),
	kind      TEXT NOT NULL REFERENCES measure_kind(code),
	start     TEXT NOT NULL,
	end       TEXT,
	CHECK (end IS NULL OR end >= start)
);
CREATE INDEX measure_client ON measure(client_id);

CREATE TABLE plan (
	id          TEXT PRIMARY KEY,
	client_id   TEXT NOT NULL REFERENCES client(id),
	type        TEXT NOT NULL CHECK (type IN ('tyollistymissuunnitelma',
	            'aktivointisuunnitelma','kotoutumissuunnitelma',
	            'monialainen-kotoutumissuunnitelma','tym-suunnitelma')),
	made        TEXT NOT NULL,
	next_review TEXT,
	staff_id    TEXT REFERENCES staff(id)
);
CREATE INDEX plan_client ON plan(client_id, made);

CREATE TABLE tym_case (
	id              TEXT PRIMARY KEY,
	client_id       TEXT NOT NULL REFERENCES client(id),
	referral        TEXT NOT NULL CHECK (referral IN
	                ('perus','hyvinvointialue','kela','tyokykytiimi','itse')),
	opened          TEXT NOT NULL,
	assessment_done TEXT,
	closed          TEXT,
	outcome         TEXT CHECK (outcome IS NULL OR outcome IN
	                ('perus','tyo','opiskelu','elake','muu')),
	final_assessment TEXT
);
CREATE INDEX tym_case_client ON tym_case(client_id);

CREATE TABLE tym_review (
	id      TEXT PRIMARY KEY,
	case_id TEXT NOT NULL REFERENCES tym_case(id),
	day     TEXT NOT NULL
);

CREATE TABLE tym_member (
	id       TEXT PRIMARY KEY,
	case_id  TEXT NOT NULL REFERENCES tym_case(id),
	staff_id TEXT NOT NULL REFERENCES staff(id),
	team     TEXT NOT NULL CHECK (team IN ('start','pair','network','workability')),
	UNIQUE (case_id, staff_id, team)
);

CREATE TABLE consent (
	id         TEXT PRIMARY KEY,
	client_id  TEXT NOT NULL REFERENCES client(id),
	kind       TEXT NOT NULL CHECK (kind IN ('rinnalla','terveydenhuolto','tym')),
	scope      TEXT,
	given_how  TEXT NOT NULL CHECK (given_how IN ('oral','written','electronic')),
	staff_id   TEXT REFERENCES staff(id),
	given_at   TEXT NOT NULL,
	withdrawn_at TEXT
);

-- Piste walk-in visits: anonymous unless client_id is given.
CREATE TABLE visit (
	id        TEXT PRIMARY KEY,
	point_id  TEXT NOT NULL REFERENCES service_point(id),
	topic     TEXT NOT NULL CHECK (topic IN ('tyonhaku','koulutus','digi','rinnalla','muu')),
	client_id TEXT REFERENCES client(id),
	ticket    INTEGER,
	arrived   TEXT NOT NULL,
	called    TEXT,
	served    TEXT,
	ended     TEXT,
	outcome   TEXT CHECK (outcome IS NULL OR outcome IN ('served','referred','no-show')),
	minutes   INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 600),
	staff_id  TEXT REFERENCES staff(id)
);
CREATE INDEX visit_point ON visit(point_id, arrived);

-- Who read or exported what. Append-only: the database refuses the rest.
CREATE TABLE audit (
	id        TEXT PRIMARY KEY,
	at        TEXT NOT NULL,
	staff_id  TEXT,
	action    TEXT NOT NULL,
	client_id TEXT,
	detail    TEXT
);
CREATE INDEX audit_client ON audit(client_id, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
	SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'audit is append-only');
END;

-- Every committed write transaction's changes (a session-extension
-- changeset), in the same transaction; sync sends them in seq order.
CREATE TABLE outbox (
	seq       INTEGER PRIMARY KEY,
	hlc       INTEGER NOT NULL,
	created   TEXT NOT NULL,
	changeset BLOB NOT NULL
);
