-- 006_retention.sql — what is left of walk-in visits after the retention
-- purge: counts per point, day and topic, no people (luukku purge).
CREATE TABLE visit_count (
	point_id TEXT NOT NULL REFERENCES service_point(id),
	day      TEXT NOT NULL,
	topic    TEXT NOT NULL,
	visits   INTEGER NOT NULL CHECK (visits >= 0),
	PRIMARY KEY (point_id, day, topic)
);
