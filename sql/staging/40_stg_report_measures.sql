-- One row per counted report (stg_report) with its place and the figures the division rollups
-- (mart_county_year, mart_prefecture_year, mart_province_year and their ratios) add up, read
-- from report_fact (filled at load time, so no rollup aggregates `cell`): 政府集中采购 (2019
-- edition), 依申请公开 new applications by applicant type and outcomes, 行政复议 and 行政诉讼
-- totals — each a row's 总计, or the sum of its printed parts where 总计 is blank
-- (total_source). A figure the report does not state (blank, not applicable, or not in its
-- edition) is NULL, never 0.
CREATE VIEW stg_report_measures AS
SELECT r.report_id, r.year, r.unit, r.unit_kind, r.division_code, r.county_code,
       r.prefecture_code, r.province_code,
       f.procurement_items, f.procurement_amount_wan,
       f.new_total, f.new_natural, f.new_commercial, f.new_research, f.new_social, f.new_legal,
       f.new_other,
       f.outcome_open, f.outcome_partial, f.outcome_denied, f.outcome_cannot_provide,
       f.outcome_not_processed, f.outcome_other, f.outcome_total,
       f.review_total, f.litigation_total, f.after_review_total AS litigation_after_review_total,
       f.total_source, f.received, f.carry_next, f.review_corrected,
       f.litigation_corrected, f.after_review_corrected
FROM stg_report r
JOIN report_fact f ON f.report_id = r.report_id;
