-- For each year of the warehouse (a year some counted report is for), the units that reported
-- in another year but not in this one, with their division: a rollup that is smaller than last
-- year's shows here why. A unit is its name within its division (unplaced units: the name).
CREATE VIEW mart_missing_reports AS
SELECT u.county, y.year, u.unit, u.division_code, d.name AS division_name, u.county_code,
       u.prefecture_code, u.province_code
FROM (SELECT DISTINCT county, unit, division_code, county_code, prefecture_code, province_code
      FROM stg_report) u
CROSS JOIN (SELECT DISTINCT year FROM stg_report) y
LEFT JOIN division d ON d.code = u.division_code
WHERE NOT EXISTS (SELECT 1 FROM stg_report s
                  WHERE s.unit = u.unit AND s.year = y.year
                    AND COALESCE(s.division_code, '') = COALESCE(u.division_code, ''));
