-- Reports per county and year against the units known to report there (any year): a county
-- whose units did not all report shows it here rather than as a quietly smaller sum (the units
-- themselves: mart_missing_reports). A unit is its name within its division. stg_report counts
-- one report per unit and year, so the units missing in a year are the units known minus that
-- year's reports; the units known are read from every loaded report (a duplicate file names
-- the same unit), so no lookup is made per unit.
CREATE VIEW mart_county_coverage AS
SELECT g.county, g.year, g.reports, k.units_known, k.units_known - g.reports AS units_missing
FROM stg_county_year g
JOIN (SELECT county, COUNT(DISTINCT COALESCE(division_code, '') || '|' || unit) AS units_known
      FROM report
      WHERE status = 'loaded'
      GROUP BY county) k
  ON k.county = g.county OR (k.county IS NULL AND g.county IS NULL);
