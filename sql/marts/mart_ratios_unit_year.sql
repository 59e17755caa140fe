-- The ratios oversight staff compute, per unit and year (one report), each with its numerator
-- and denominator beside it, rounded to 6 decimals. A ratio is NULL with a reason
-- (<ratio>_null_reason) where it cannot be computed: 'denominator_zero', or 'operand_missing'
-- when a figure it needs is blank in the report (never taken as 0). Figures are
-- mart_unit_year's (total_source applies).
--   open_rate: 公开率 = 予以公开 ÷ 办理结果总计
--   partial_rate: 部分公开率 = 部分公开 ÷ 办理结果总计
--   denied_rate: 不予公开率 = 不予公开 ÷ 办理结果总计
--   review_correction_rate: 复议纠错率 = 复议结果纠正 ÷ 复议总计
--   litigation_correction_rate: 诉讼纠错率 = 诉讼结果纠正 ÷ 诉讼总计 (未经复议直接起诉 + 复议后起诉)
--   carry_rate: 结转率 = 结转下年度继续办理 ÷ 收到申请 (本年新收 + 上年结转)
CREATE VIEW mart_ratios_unit_year AS
SELECT s.county, s.unit, s.year, s.edition, s.report_id, s.total_source,
       s.open_rate_numerator, s.open_rate_denominator,
       CASE WHEN s.open_rate_numerator IS NOT NULL AND s.open_rate_denominator > 0 THEN ROUND(1.0 * s.open_rate_numerator / s.open_rate_denominator, 6) END AS open_rate,
       CASE WHEN s.open_rate_numerator IS NULL OR s.open_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.open_rate_denominator = 0 THEN 'denominator_zero' END AS open_rate_null_reason,
       s.partial_rate_numerator, s.partial_rate_denominator,
       CASE WHEN s.partial_rate_numerator IS NOT NULL AND s.partial_rate_denominator > 0 THEN ROUND(1.0 * s.partial_rate_numerator / s.partial_rate_denominator, 6) END AS partial_rate,
       CASE WHEN s.partial_rate_numerator IS NULL OR s.partial_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.partial_rate_denominator = 0 THEN 'denominator_zero' END AS partial_rate_null_reason,
       s.denied_rate_numerator, s.denied_rate_denominator,
       CASE WHEN s.denied_rate_numerator IS NOT NULL AND s.denied_rate_denominator > 0 THEN ROUND(1.0 * s.denied_rate_numerator / s.denied_rate_denominator, 6) END AS denied_rate,
       CASE WHEN s.denied_rate_numerator IS NULL OR s.denied_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.denied_rate_denominator = 0 THEN 'denominator_zero' END AS denied_rate_null_reason,
       s.review_correction_rate_numerator, s.review_correction_rate_denominator,
       CASE WHEN s.review_correction_rate_numerator IS NOT NULL AND s.review_correction_rate_denominator > 0 THEN ROUND(1.0 * s.review_correction_rate_numerator / s.review_correction_rate_denominator, 6) END AS review_correction_rate,
       CASE WHEN s.review_correction_rate_numerator IS NULL OR s.review_correction_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.review_correction_rate_denominator = 0 THEN 'denominator_zero' END AS review_correction_rate_null_reason,
       s.litigation_correction_rate_numerator, s.litigation_correction_rate_denominator,
       CASE WHEN s.litigation_correction_rate_numerator IS NOT NULL AND s.litigation_correction_rate_denominator > 0 THEN ROUND(1.0 * s.litigation_correction_rate_numerator / s.litigation_correction_rate_denominator, 6) END AS litigation_correction_rate,
       CASE WHEN s.litigation_correction_rate_numerator IS NULL OR s.litigation_correction_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.litigation_correction_rate_denominator = 0 THEN 'denominator_zero' END AS litigation_correction_rate_null_reason,
       s.carry_rate_numerator, s.carry_rate_denominator,
       CASE WHEN s.carry_rate_numerator IS NOT NULL AND s.carry_rate_denominator > 0 THEN ROUND(1.0 * s.carry_rate_numerator / s.carry_rate_denominator, 6) END AS carry_rate,
       CASE WHEN s.carry_rate_numerator IS NULL OR s.carry_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.carry_rate_denominator = 0 THEN 'denominator_zero' END AS carry_rate_null_reason
FROM (
  SELECT r.county, r.unit, r.year, r.edition, r.report_id, f.total_source,
         f.outcome_open AS open_rate_numerator, f.outcome_total AS open_rate_denominator,
         f.outcome_partial AS partial_rate_numerator, f.outcome_total AS partial_rate_denominator,
         f.outcome_denied AS denied_rate_numerator, f.outcome_total AS denied_rate_denominator,
         f.review_corrected AS review_correction_rate_numerator, f.review_total AS review_correction_rate_denominator,
         f.litigation_corrected + f.after_review_corrected AS litigation_correction_rate_numerator, f.litigation_total + f.after_review_total AS litigation_correction_rate_denominator,
         f.carry_next AS carry_rate_numerator, f.received AS carry_rate_denominator
  FROM stg_report r
  JOIN report_fact f ON f.report_id = r.report_id
) s;
