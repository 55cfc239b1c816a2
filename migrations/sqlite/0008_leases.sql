-- A lease on a job only one process may do at a time, such as reading a Telegram bot's updates (Telegram lets
-- one program poll a bot; a second one cuts the first off). The holder renews it while it works; another
-- process takes it over only once `until` (unix seconds) has passed, e.g. after the holder died.
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  INTEGER NOT NULL
);
