-- Schema v11 (SQLite): how many rule results each report has per rule and status, so that
-- mart_rule_results counts ~10 rows a report instead of its ~40 rule_result rows (4 million at
-- 100,000 reports). Twin: schema/postgres/011_rule_fact.sql. Filled by the loaders inside the
-- load transaction with the other fact tables (sql/facts/50_report_rule_fact.sql), from the
-- report's rule_result rows; year and edition are the report's, copied so that the mart groups
-- this table alone (its index holds every column the mart reads, in the mart's group order).
-- A warehouse migrated to v11 has every fact table filled again from its cells and rule results.
CREATE TABLE report_rule_fact (
  report_id INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  rule_key TEXT NOT NULL,
  status TEXT NOT NULL,
  year INTEGER,
  edition INTEGER,
  results INTEGER NOT NULL,
  PRIMARY KEY (report_id, rule_key, status)
) WITHOUT ROWID;
CREATE INDEX report_rule_fact_group ON report_rule_fact (year, edition, rule_key, status, results);
