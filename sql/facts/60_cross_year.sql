-- The cross-year results (report_cross_year_fact, schema v13) of the units of the reports being
-- loaded (:report_ids as in 10_report_fact.sql), recomputed now that their facts are written:
-- each row inserted into cross_year_request recomputes one unit's results, its reports of all
-- years (a new year pairs with the one before and the one after), and is deleted again (SQLite:
-- at once; PostgreSQL, schema v16: at commit, so a unit already waiting is not asked twice;
-- the PostgreSQL batch writer recomputes its batch's units itself, loaders/pg_batch.cc).
INSERT INTO cross_year_request (unit)
SELECT DISTINCT unit FROM report
WHERE report_id IN (:report_ids) AND counted = 1 AND unit IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM cross_year_request q WHERE q.unit = report.unit);
