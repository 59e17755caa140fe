-- The county x year grid every mart reports on: how many reports each county has each year.
-- county is NULL for reports whose county is unknown (see mart_findings: county_unknown).
CREATE VIEW stg_county_year AS
SELECT county, year, COUNT(*) AS reports
FROM stg_report
GROUP BY county, year;
