-- The ratios of mart_ratios_unit_year per division of one level (prefecture | province) and
-- year, for mart_ratios_prefecture and mart_ratios_province: numerator and denominator are each
-- summed over the counted reports placed in it that print both figures of that ratio (a report
-- with either blank is left out of both sums; <ratio>_reports counts those that are in), then
-- divided, NULL with a reason as in mart_ratios_unit_year. Read from stg_report_measures
-- (report_fact). A prefecture holds the reports placed in it or below it (pseudo-prefectures
-- such as 市辖区 are not prefectures: their reports have no prefecture_code); a province also its
-- own government and departments.
CREATE VIEW stg_division_ratios AS
SELECT s.level, s.division_code, s.year, s.reports,
       s.open_rate_reports,
       s.open_rate_numerator, s.open_rate_denominator,
       CASE WHEN s.open_rate_numerator IS NOT NULL AND s.open_rate_denominator > 0 THEN ROUND(1.0 * s.open_rate_numerator / s.open_rate_denominator, 6) END AS open_rate,
       CASE WHEN s.open_rate_numerator IS NULL OR s.open_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.open_rate_denominator = 0 THEN 'denominator_zero' END AS open_rate_null_reason,
       s.partial_rate_reports,
       s.partial_rate_numerator, s.partial_rate_denominator,
       CASE WHEN s.partial_rate_numerator IS NOT NULL AND s.partial_rate_denominator > 0 THEN ROUND(1.0 * s.partial_rate_numerator / s.partial_rate_denominator, 6) END AS partial_rate,
       CASE WHEN s.partial_rate_numerator IS NULL OR s.partial_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.partial_rate_denominator = 0 THEN 'denominator_zero' END AS partial_rate_null_reason,
       s.denied_rate_reports,
       s.denied_rate_numerator, s.denied_rate_denominator,
       CASE WHEN s.denied_rate_numerator IS NOT NULL AND s.denied_rate_denominator > 0 THEN ROUND(1.0 * s.denied_rate_numerator / s.denied_rate_denominator, 6) END AS denied_rate,
       CASE WHEN s.denied_rate_numerator IS NULL OR s.denied_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.denied_rate_denominator = 0 THEN 'denominator_zero' END AS denied_rate_null_reason,
       s.review_correction_rate_reports,
       s.review_correction_rate_numerator, s.review_correction_rate_denominator,
       CASE WHEN s.review_correction_rate_numerator IS NOT NULL AND s.review_correction_rate_denominator > 0 THEN ROUND(1.0 * s.review_correction_rate_numerator / s.review_correction_rate_denominator, 6) END AS review_correction_rate,
       CASE WHEN s.review_correction_rate_numerator IS NULL OR s.review_correction_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.review_correction_rate_denominator = 0 THEN 'denominator_zero' END AS review_correction_rate_null_reason,
       s.litigation_correction_rate_reports,
       s.litigation_correction_rate_numerator, s.litigation_correction_rate_denominator,
       CASE WHEN s.litigation_correction_rate_numerator IS NOT NULL AND s.litigation_correction_rate_denominator > 0 THEN ROUND(1.0 * s.litigation_correction_rate_numerator / s.litigation_correction_rate_denominator, 6) END AS litigation_correction_rate,
       CASE WHEN s.litigation_correction_rate_numerator IS NULL OR s.litigation_correction_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.litigation_correction_rate_denominator = 0 THEN 'denominator_zero' END AS litigation_correction_rate_null_reason,
       s.carry_rate_reports,
       s.carry_rate_numerator, s.carry_rate_denominator,
       CASE WHEN s.carry_rate_numerator IS NOT NULL AND s.carry_rate_denominator > 0 THEN ROUND(1.0 * s.carry_rate_numerator / s.carry_rate_denominator, 6) END AS carry_rate,
       CASE WHEN s.carry_rate_numerator IS NULL OR s.carry_rate_denominator IS NULL THEN 'operand_missing'
            WHEN s.carry_rate_denominator = 0 THEN 'denominator_zero' END AS carry_rate_null_reason
FROM (
  SELECT l.level, CASE l.level WHEN 'prefecture' THEN m.prefecture_code ELSE m.province_code END AS division_code,
         m.year, COUNT(*) AS reports,
         CAST(SUM(CASE WHEN (m.outcome_open) IS NOT NULL AND (m.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS open_rate_reports,
         CAST(SUM(CASE WHEN (m.outcome_total) IS NOT NULL THEN m.outcome_open END) AS BIGINT) AS open_rate_numerator,
         CAST(SUM(CASE WHEN (m.outcome_open) IS NOT NULL THEN m.outcome_total END) AS BIGINT) AS open_rate_denominator,
         CAST(SUM(CASE WHEN (m.outcome_partial) IS NOT NULL AND (m.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS partial_rate_reports,
         CAST(SUM(CASE WHEN (m.outcome_total) IS NOT NULL THEN m.outcome_partial END) AS BIGINT) AS partial_rate_numerator,
         CAST(SUM(CASE WHEN (m.outcome_partial) IS NOT NULL THEN m.outcome_total END) AS BIGINT) AS partial_rate_denominator,
         CAST(SUM(CASE WHEN (m.outcome_denied) IS NOT NULL AND (m.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS denied_rate_reports,
         CAST(SUM(CASE WHEN (m.outcome_total) IS NOT NULL THEN m.outcome_denied END) AS BIGINT) AS denied_rate_numerator,
         CAST(SUM(CASE WHEN (m.outcome_denied) IS NOT NULL THEN m.outcome_total END) AS BIGINT) AS denied_rate_denominator,
         CAST(SUM(CASE WHEN (m.review_corrected) IS NOT NULL AND (m.review_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS review_correction_rate_reports,
         CAST(SUM(CASE WHEN (m.review_total) IS NOT NULL THEN m.review_corrected END) AS BIGINT) AS review_correction_rate_numerator,
         CAST(SUM(CASE WHEN (m.review_corrected) IS NOT NULL THEN m.review_total END) AS BIGINT) AS review_correction_rate_denominator,
         CAST(SUM(CASE WHEN (m.litigation_corrected + m.after_review_corrected) IS NOT NULL AND (m.litigation_total + m.litigation_after_review_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS litigation_correction_rate_reports,
         CAST(SUM(CASE WHEN (m.litigation_total + m.litigation_after_review_total) IS NOT NULL THEN m.litigation_corrected + m.after_review_corrected END) AS BIGINT) AS litigation_correction_rate_numerator,
         CAST(SUM(CASE WHEN (m.litigation_corrected + m.after_review_corrected) IS NOT NULL THEN m.litigation_total + m.litigation_after_review_total END) AS BIGINT) AS litigation_correction_rate_denominator,
         CAST(SUM(CASE WHEN (m.carry_next) IS NOT NULL AND (m.received) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS carry_rate_reports,
         CAST(SUM(CASE WHEN (m.received) IS NOT NULL THEN m.carry_next END) AS BIGINT) AS carry_rate_numerator,
         CAST(SUM(CASE WHEN (m.carry_next) IS NOT NULL THEN m.received END) AS BIGINT) AS carry_rate_denominator
  FROM stg_report_measures m
  CROSS JOIN (SELECT 'prefecture' AS level UNION ALL SELECT 'province') l
  WHERE CASE l.level WHEN 'prefecture' THEN m.prefecture_code ELSE m.province_code END IS NOT NULL
  GROUP BY l.level, CASE l.level WHEN 'prefecture' THEN m.prefecture_code ELSE m.province_code END, m.year
) s;
