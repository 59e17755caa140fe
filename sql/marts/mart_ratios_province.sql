-- The ratios of mart_ratios_unit_year per province (省级) and year, keyed by division code with
-- its name (stg_division_ratios: numerators and denominators summed over the counted reports
-- placed in the province that print both figures of that ratio, NULL with a reason); the
-- province's own government and departments included.
CREATE VIEW mart_ratios_province AS
SELECT r.division_code AS province_code, v.name AS province_name, r.year, r.reports,
       r.open_rate_reports, r.open_rate_numerator, r.open_rate_denominator, r.open_rate, r.open_rate_null_reason,
       r.partial_rate_reports, r.partial_rate_numerator, r.partial_rate_denominator, r.partial_rate, r.partial_rate_null_reason,
       r.denied_rate_reports, r.denied_rate_numerator, r.denied_rate_denominator, r.denied_rate, r.denied_rate_null_reason,
       r.review_correction_rate_reports, r.review_correction_rate_numerator, r.review_correction_rate_denominator, r.review_correction_rate, r.review_correction_rate_null_reason,
       r.litigation_correction_rate_reports, r.litigation_correction_rate_numerator, r.litigation_correction_rate_denominator, r.litigation_correction_rate, r.litigation_correction_rate_null_reason,
       r.carry_rate_reports, r.carry_rate_numerator, r.carry_rate_denominator, r.carry_rate, r.carry_rate_null_reason
FROM stg_division_ratios r
JOIN division v ON v.code = r.division_code
WHERE r.level = 'province';
