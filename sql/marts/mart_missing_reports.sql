-- For each year of the warehouse (a year some counted report is for), the units that reported
-- in another year but not in this one, with their division: a rollup that is smaller than last
-- year's shows here why. A unit is its name within its division (unplaced units: the name).
-- Whether a unit reported in a year is an indexed lookup in report (report_unit_year): any
-- loaded report of the unit's (division, unit, year) means one of them counts in stg_report.
CREATE VIEW mart_missing_reports AS
SELECT u.county, y.year, u.unit, u.division_code, d.name AS division_name, u.county_code,
       u.prefecture_code, u.province_code
FROM (SELECT DISTINCT county, unit, division_code, county_code, prefecture_code, province_code
      FROM report WHERE status = 'loaded') u
CROSS JOIN (SELECT DISTINCT year FROM report WHERE status = 'loaded') y
LEFT JOIN division d ON d.code = u.division_code
WHERE NOT EXISTS (SELECT 1 FROM report s
                  WHERE s.status = 'loaded' AND s.unit = u.unit AND s.year = y.year
                    AND COALESCE(s.division_code, '') = COALESCE(u.division_code, ''));
