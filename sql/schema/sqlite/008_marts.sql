-- Schema v8 (SQLite): per-report fact tables that make the marts fast. Twin:
-- schema/postgres/008_marts.sql. report_fact holds one row per loaded report with its headline
-- figures (表三 totals, taken from 总计 or, where 总计 is blank and parts are printed, from the
-- sum of the parts: total_source), 采购, 表四 and the 2021 edition's 现行有效件数 chain. The
-- loaders fill both tables inside the load transaction from the report's cells, with
-- sql/facts/*.sql, so they always equal what cell holds; the marts aggregate them instead of
-- the cell table (README: "Fast marts"). Counts are integers; money (万元) keeps decimals.
CREATE TABLE report_fact (
  report_id INTEGER NOT NULL PRIMARY KEY REFERENCES report (report_id) ON DELETE CASCADE,
  edition INTEGER,
  new_total INTEGER,
  carried_total INTEGER,
  received INTEGER,
  new_natural INTEGER,
  new_commercial INTEGER,
  new_research INTEGER,
  new_social INTEGER,
  new_legal INTEGER,
  new_other INTEGER,
  outcome_open INTEGER,
  outcome_partial INTEGER,
  outcome_denied INTEGER,
  outcome_cannot_provide INTEGER,
  outcome_not_processed INTEGER,
  outcome_other INTEGER,
  outcome_total INTEGER,
  carry_next INTEGER,
  total_source TEXT CHECK (total_source = 'reported' OR total_source = 'sum_of_parts'),
  t3_blank_cells INTEGER NOT NULL DEFAULT 0,
  t3_rows_from_parts INTEGER NOT NULL DEFAULT 0,
  procurement_cells INTEGER NOT NULL DEFAULT 0,
  procurement_items INTEGER,
  procurement_amount_wan REAL,
  procurement_blank_cells INTEGER NOT NULL DEFAULT 0,
  review_upheld INTEGER,
  review_corrected INTEGER,
  review_other INTEGER,
  review_pending INTEGER,
  review_total INTEGER,
  litigation_upheld INTEGER,
  litigation_corrected INTEGER,
  litigation_other INTEGER,
  litigation_pending INTEGER,
  litigation_total INTEGER,
  after_review_upheld INTEGER,
  after_review_corrected INTEGER,
  after_review_other INTEGER,
  after_review_pending INTEGER,
  after_review_total INTEGER,
  t4_blank_cells INTEGER NOT NULL DEFAULT 0,
  t4_totals_from_parts INTEGER NOT NULL DEFAULT 0,
  regulation_issued INTEGER,
  regulation_abolished INTEGER,
  regulation_in_force INTEGER,
  normative_issued INTEGER,
  normative_abolished INTEGER,
  normative_in_force INTEGER,
  rules_failed INTEGER NOT NULL DEFAULT 0,
  rules_not_assessable INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- One row per report and 表三 column (the six applicant types and 总计), with the lines the
-- cross-year rule cites.
CREATE TABLE report_applicant_fact (
  report_id INTEGER NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  applicant TEXT NOT NULL,
  new_applications INTEGER,
  carried_over INTEGER,
  processed INTEGER,
  carry_next INTEGER,
  blank_cells INTEGER NOT NULL DEFAULT 0,
  carried_line INTEGER,
  carry_next_line INTEGER,
  PRIMARY KEY (report_id, applicant)
) WITHOUT ROWID;
-- The line of the report text a narrative rule read its number from (NULL for table rules).
ALTER TABLE rule_result ADD COLUMN source_line INTEGER;
