-- One row per unit and year (one report): its headline figures, the first thing a dashboard or
-- a spreadsheet asks for. received = new + carried over; outcome_* are 表三's result groups;
-- total_source says whether every figure is the report's own 总计 ('reported') or at least one
-- was summed from its printed parts because 总计 was left blank ('sum_of_parts'). review_* are
-- 行政复议, litigation_* 未经复议直接起诉 and after_review_* 复议后起诉; procurement (2019
-- edition only) in items and 万元. arithmetic_holds is 1 when none of the template's rules
-- failed (rules_failed), 0 otherwise; finding_count counts every finding of the report. Then
-- the report's place (README "Placement"): unit_kind and placed_by with their labels, the
-- division it belongs to or governs and its county, prefecture and province, codes with names
-- from the division table (NULL where the unit sits above that level or is not placed).
-- corrected_cells > 0: the figures use that many values a person corrected (cell_correction).
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
       CASE WHEN f.rules_failed = 0 THEN 1 ELSE 0 END AS arithmetic_holds,
       r.unit_kind, uk.label_zh AS unit_kind_label, r.placed_by, pb.label_zh AS placed_by_label,
       r.division_code, dv.name AS division_name, r.county_code, cn.name AS county_name,
       r.prefecture_code, pf.name AS prefecture_name, r.province_code, pv.name AS province_name,
       f.corrected_cells
FROM stg_report r
JOIN report_fact f ON f.report_id = r.report_id
LEFT JOIN division dv ON dv.code = r.division_code
LEFT JOIN division cn ON cn.code = r.county_code
LEFT JOIN division pf ON pf.code = r.prefecture_code
LEFT JOIN division pv ON pv.code = r.province_code
LEFT JOIN dim_code uk ON uk.code_kind = 'unit_kind' AND uk.code = r.unit_kind
LEFT JOIN dim_code pb ON pb.code_kind = 'placed_by' AND pb.code = r.placed_by;
