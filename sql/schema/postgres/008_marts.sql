-- Schema v8 (PostgreSQL): per-report fact tables that make the marts fast. Twin:
-- schema/sqlite/008_marts.sql. report_fact holds one row per loaded report with its headline
-- figures (表三 totals, taken from 总计 or, where 总计 is blank and parts are printed, from the
-- sum of the parts: total_source), 采购, 表四 and the 2021 edition's 现行有效件数 chain. The
-- loaders fill both tables inside the load transaction from the report's cells, with
-- sql/facts/*.sql, so they always equal what cell holds; the marts aggregate them instead of
-- the cell table (README: "Fast marts"). Counts are integers; money (万元) keeps decimals.
CREATE TABLE report_fact (
  report_id BIGINT NOT NULL PRIMARY KEY REFERENCES report (report_id) ON DELETE CASCADE,
  edition INTEGER,
  new_total BIGINT,
  carried_total BIGINT,
  received BIGINT,
  new_natural BIGINT,
  new_commercial BIGINT,
  new_research BIGINT,
  new_social BIGINT,
  new_legal BIGINT,
  new_other BIGINT,
  outcome_open BIGINT,
  outcome_partial BIGINT,
  outcome_denied BIGINT,
  outcome_cannot_provide BIGINT,
  outcome_not_processed BIGINT,
  outcome_other BIGINT,
  outcome_total BIGINT,
  carry_next BIGINT,
  total_source TEXT COLLATE "C" CHECK (total_source = 'reported' OR total_source = 'sum_of_parts'),
  t3_blank_cells BIGINT NOT NULL DEFAULT 0,
  t3_rows_from_parts BIGINT NOT NULL DEFAULT 0,
  procurement_cells BIGINT NOT NULL DEFAULT 0,
  procurement_items BIGINT,
  procurement_amount_wan DOUBLE PRECISION,
  procurement_blank_cells BIGINT NOT NULL DEFAULT 0,
  review_upheld BIGINT,
  review_corrected BIGINT,
  review_other BIGINT,
  review_pending BIGINT,
  review_total BIGINT,
  litigation_upheld BIGINT,
  litigation_corrected BIGINT,
  litigation_other BIGINT,
  litigation_pending BIGINT,
  litigation_total BIGINT,
  after_review_upheld BIGINT,
  after_review_corrected BIGINT,
  after_review_other BIGINT,
  after_review_pending BIGINT,
  after_review_total BIGINT,
  t4_blank_cells BIGINT NOT NULL DEFAULT 0,
  t4_totals_from_parts BIGINT NOT NULL DEFAULT 0,
  regulation_issued BIGINT,
  regulation_abolished BIGINT,
  regulation_in_force BIGINT,
  normative_issued BIGINT,
  normative_abolished BIGINT,
  normative_in_force BIGINT,
  rules_failed BIGINT NOT NULL DEFAULT 0,
  rules_not_assessable BIGINT NOT NULL DEFAULT 0
);
-- One row per report and 表三 column (the six applicant types and 总计), with the lines the
-- cross-year rule cites.
CREATE TABLE report_applicant_fact (
  report_id BIGINT NOT NULL REFERENCES report (report_id) ON DELETE CASCADE,
  applicant TEXT COLLATE "C" NOT NULL,
  new_applications BIGINT,
  carried_over BIGINT,
  processed BIGINT,
  carry_next BIGINT,
  blank_cells BIGINT NOT NULL DEFAULT 0,
  carried_line BIGINT,
  carry_next_line BIGINT,
  PRIMARY KEY (report_id, applicant)
);
-- The line of the report text a narrative rule read its number from (NULL for table rules).
ALTER TABLE rule_result ADD COLUMN source_line BIGINT;
