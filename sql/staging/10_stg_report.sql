-- Loaded reports, one per (unit, year): when two source files report the same unit and year
-- (the same report exported twice), the one with the smallest path counts; mart_findings lists
-- the others as duplicate_report.
CREATE VIEW stg_report AS
SELECT r.report_id, r.source_path, r.title, r.unit, r.year, r.county, r.county_source,
       r.edition, r.extractor_version, r.cell_count, r.finding_count
FROM report r
WHERE r.status = 'loaded'
  AND NOT EXISTS (
    SELECT 1 FROM report d
    WHERE d.status = 'loaded' AND d.unit = r.unit AND d.year = r.year
      AND d.source_path < r.source_path
  );
