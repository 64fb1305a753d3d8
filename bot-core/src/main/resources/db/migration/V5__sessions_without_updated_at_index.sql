-- Every click changes updated_at, so its index cost a write in every commit (and on PostgreSQL kept updates from
-- being heap-only). Its one reader is the hourly purge of idle setups, for which a scan of the table is enough.
DROP INDEX sessions_updated_at;
