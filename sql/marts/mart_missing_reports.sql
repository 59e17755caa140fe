-- Gazetteer units with no report for a year in which their county has at least one report.
CREATE VIEW mart_missing_reports AS
SELECT g.county, g.year, z.unit
FROM stg_county_year g
JOIN gazetteer z ON z.county = g.county
WHERE NOT EXISTS (SELECT 1 FROM stg_report s
                  WHERE s.unit = z.unit AND s.county = z.county AND s.year = g.year);
