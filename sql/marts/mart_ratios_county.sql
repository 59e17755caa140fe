-- The ratios of mart_ratios_unit_year per county (县级) and year, keyed by county code with its
-- name and its prefecture's and province's (county names repeat across provinces, codes do
-- not): numerator and denominator are each summed over the counted reports placed in the county
-- (its government, its departments, its townships) that print both figures of that ratio (a
-- report with either blank is left out of both sums; <ratio>_reports counts those that are in),
-- then divided, NULL with a reason as in mart_ratios_unit_year. prefecture_* is NULL for a
-- county under a pseudo-prefecture (市辖区, 省直辖县级行政区划), as in mart_county_year; units
-- above the county level and unplaced reports are in no county.
CREATE VIEW mart_ratios_county AS
SELECT s.county_code, c.name AS county_name, s.prefecture_code, p.name AS prefecture_name,
       s.province_code, v.name AS province_name, s.year, s.reports,
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
  SELECT r.county_code, r.prefecture_code, r.province_code, r.year, COUNT(*) AS reports,
         CAST(SUM(CASE WHEN (f.outcome_open) IS NOT NULL AND (f.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS open_rate_reports,
         CAST(SUM(CASE WHEN (f.outcome_total) IS NOT NULL THEN f.outcome_open END) AS BIGINT) AS open_rate_numerator,
         CAST(SUM(CASE WHEN (f.outcome_open) IS NOT NULL THEN f.outcome_total END) AS BIGINT) AS open_rate_denominator,
         CAST(SUM(CASE WHEN (f.outcome_partial) IS NOT NULL AND (f.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS partial_rate_reports,
         CAST(SUM(CASE WHEN (f.outcome_total) IS NOT NULL THEN f.outcome_partial END) AS BIGINT) AS partial_rate_numerator,
         CAST(SUM(CASE WHEN (f.outcome_partial) IS NOT NULL THEN f.outcome_total END) AS BIGINT) AS partial_rate_denominator,
         CAST(SUM(CASE WHEN (f.outcome_denied) IS NOT NULL AND (f.outcome_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS denied_rate_reports,
         CAST(SUM(CASE WHEN (f.outcome_total) IS NOT NULL THEN f.outcome_denied END) AS BIGINT) AS denied_rate_numerator,
         CAST(SUM(CASE WHEN (f.outcome_denied) IS NOT NULL THEN f.outcome_total END) AS BIGINT) AS denied_rate_denominator,
         CAST(SUM(CASE WHEN (f.review_corrected) IS NOT NULL AND (f.review_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS review_correction_rate_reports,
         CAST(SUM(CASE WHEN (f.review_total) IS NOT NULL THEN f.review_corrected END) AS BIGINT) AS review_correction_rate_numerator,
         CAST(SUM(CASE WHEN (f.review_corrected) IS NOT NULL THEN f.review_total END) AS BIGINT) AS review_correction_rate_denominator,
         CAST(SUM(CASE WHEN (f.litigation_corrected + f.after_review_corrected) IS NOT NULL AND (f.litigation_total + f.after_review_total) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS litigation_correction_rate_reports,
         CAST(SUM(CASE WHEN (f.litigation_total + f.after_review_total) IS NOT NULL THEN f.litigation_corrected + f.after_review_corrected END) AS BIGINT) AS litigation_correction_rate_numerator,
         CAST(SUM(CASE WHEN (f.litigation_corrected + f.after_review_corrected) IS NOT NULL THEN f.litigation_total + f.after_review_total END) AS BIGINT) AS litigation_correction_rate_denominator,
         CAST(SUM(CASE WHEN (f.carry_next) IS NOT NULL AND (f.received) IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)
           AS carry_rate_reports,
         CAST(SUM(CASE WHEN (f.received) IS NOT NULL THEN f.carry_next END) AS BIGINT) AS carry_rate_numerator,
         CAST(SUM(CASE WHEN (f.carry_next) IS NOT NULL THEN f.received END) AS BIGINT) AS carry_rate_denominator
  FROM stg_report r
  JOIN report_fact f ON f.report_id = r.report_id
  WHERE r.county_code IS NOT NULL
  GROUP BY r.county_code, r.prefecture_code, r.province_code, r.year
) s
JOIN division c ON c.code = s.county_code
LEFT JOIN division p ON p.code = s.prefecture_code
JOIN division v ON v.code = s.province_code;
