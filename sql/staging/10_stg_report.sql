-- Loaded reports, one per (division, unit, year): 昌乐县红河镇 and 礼县红河镇 are two reports.
-- When two source files report the same unit of the same division and year (the same report
-- exported twice), the later-modified file counts (equal times: the smallest path);
-- mart_findings lists the others as duplicate_report. Unplaced reports (division_code NULL)
-- are one per (unit, year). Which report counts is stored in report.counted (schema v12), kept
-- exact by triggers on report whatever writes it, so that no mart pays for the rule per row.
CREATE VIEW stg_report AS
SELECT r.report_id, r.source_path, r.title, r.unit, r.year, r.county, r.county_source,
       r.edition, r.extractor_version, r.cell_count, r.finding_count,
       r.division_code, r.county_code, r.prefecture_code, r.province_code, r.unit_kind,
       r.placed_by
FROM report r
WHERE r.counted = 1;
