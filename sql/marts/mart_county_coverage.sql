-- Reports per county and year against the units known to report there (any year): a county
-- whose units did not all report shows it here rather than as a quietly smaller sum (the units
-- themselves: mart_missing_reports).
CREATE VIEW mart_county_coverage AS
SELECT g.county, g.year, g.reports,
       (SELECT COUNT(DISTINCT COALESCE(s.division_code, '') || '|' || s.unit)
          FROM stg_report s WHERE s.county = g.county) AS units_known,
       (SELECT COUNT(DISTINCT COALESCE(s.division_code, '') || '|' || s.unit)
          FROM stg_report s
         WHERE s.county = g.county
           AND NOT EXISTS (SELECT 1 FROM stg_report t
                           WHERE t.unit = s.unit AND t.year = g.year
                             AND COALESCE(t.division_code, '') = COALESCE(s.division_code, '')))
         AS units_missing
FROM stg_county_year g;
