-- One row per unit and year (one report): its headline figures, the first thing a dashboard or
-- a spreadsheet asks for. received = new + carried over; outcome_* are 表三's result groups;
-- total_source says whether every figure is the report's own 总计 ('reported') or at least one
-- was summed from its printed parts because 总计 was left blank ('sum_of_parts'). review_* are
-- 行政复议, litigation_* 未经复议直接起诉 and after_review_* 复议后起诉; procurement (2019
-- edition only) in items and 万元. arithmetic_holds is 1 when none of the template's rules
-- failed (rules_failed), 0 otherwise; finding_count counts every finding of the report.
CREATE VIEW mart_unit_year AS
SELECT r.county, r.unit, r.year, r.edition, r.report_id, r.source_path,
       f.received, f.new_total, f.carried_total,
       f.outcome_open, f.outcome_partial, f.outcome_denied, f.outcome_cannot_provide,
       f.outcome_not_processed, f.outcome_other, f.outcome_total, f.carry_next,
       f.total_source,
       f.procurement_items, f.procurement_amount_wan,
       f.review_upheld, f.review_corrected, f.review_other, f.review_pending, f.review_total,
       f.litigation_upheld, f.litigation_corrected, f.litigation_other, f.litigation_pending,
       f.litigation_total,
       f.after_review_upheld, f.after_review_corrected, f.after_review_other,
       f.after_review_pending, f.after_review_total,
       r.finding_count, f.rules_failed,
       CASE WHEN f.rules_failed = 0 THEN 1 ELSE 0 END AS arithmetic_holds
FROM stg_report r
JOIN report_fact f ON f.report_id = r.report_id;
