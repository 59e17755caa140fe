-- The ratios of mart_ratios_unit_year per county (县级) and year, keyed by county code with its
-- name and its prefecture's and province's (county names repeat across provinces: 三个
-- 红河镇's counties are told apart by code), from stg_division_ratios: numerator and
-- denominator summed over the counted reports placed in the county (its government, its
-- departments, its townships) that print both figures of that ratio, NULL with a reason.
-- prefecture_* is NULL for a county under a pseudo-prefecture (市辖区, 省直辖县级行政区划);
-- units above the county level and unplaced reports are in no county.
CREATE VIEW mart_ratios_county AS
SELECT r.division_code AS county_code, c.name AS county_name,
       CASE WHEN p.level = 'prefecture' AND p.pseudo = 0 THEN p.code END AS prefecture_code,
       CASE WHEN p.level = 'prefecture' AND p.pseudo = 0 THEN p.name END AS prefecture_name,
       v.code AS province_code, v.name AS province_name, r.year, r.reports,
       r.open_rate_reports, r.open_rate_numerator, r.open_rate_denominator, r.open_rate, r.open_rate_null_reason,
       r.partial_rate_reports, r.partial_rate_numerator, r.partial_rate_denominator, r.partial_rate, r.partial_rate_null_reason,
       r.denied_rate_reports, r.denied_rate_numerator, r.denied_rate_denominator, r.denied_rate, r.denied_rate_null_reason,
       r.review_correction_rate_reports, r.review_correction_rate_numerator, r.review_correction_rate_denominator, r.review_correction_rate, r.review_correction_rate_null_reason,
       r.litigation_correction_rate_reports, r.litigation_correction_rate_numerator, r.litigation_correction_rate_denominator, r.litigation_correction_rate, r.litigation_correction_rate_null_reason,
       r.carry_rate_reports, r.carry_rate_numerator, r.carry_rate_denominator, r.carry_rate, r.carry_rate_null_reason
FROM stg_division_ratios r
JOIN division c ON c.code = r.division_code
JOIN division p ON p.code = c.parent_code
JOIN division v ON v.code = CASE WHEN p.level = 'province' THEN p.code ELSE p.parent_code END
WHERE r.level = 'county';
