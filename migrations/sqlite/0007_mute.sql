-- A muted item is still searched and what it finds is still recorded (the Found list shows it), but it is not
-- notified: the matches found while it is muted are marked announced when the outbox is composed, so unmuting
-- does not send them all at once. NULL = not muted; else when it was muted (unix seconds).
ALTER TABLE items ADD COLUMN muted_at INTEGER;
