-- Reports per county and year against the gazetteer: a county whose units did not all report
-- shows it here rather than as a quietly smaller sum.
CREATE VIEW mart_county_coverage AS
SELECT g.county, g.year, g.reports,
       (SELECT COUNT(*) FROM gazetteer z WHERE z.county = g.county) AS units_in_gazetteer,
       (SELECT COUNT(*) FROM gazetteer z
         WHERE z.county = g.county
           AND NOT EXISTS (SELECT 1 FROM stg_report s
                           WHERE s.unit = z.unit AND s.county = z.county AND s.year = g.year))
         AS units_missing
FROM stg_county_year g;
