-- Data-quality findings in one place: what the extractor could not read with certainty, the
-- template arithmetic that does not add up, files that failed, and duplicate reports (naming
-- the file not counted in source_path and the one counted in raw and message).
CREATE VIEW mart_findings AS
SELECT r.county, r.unit, r.year, r.source_path, f.kind, f.severity,
       f.table_code, f.row_code, f.col_code, f.source_line, f.raw, f.message
FROM finding f
JOIN report r ON r.report_id = f.report_id
UNION ALL
SELECT NULL, NULL, NULL, r.source_path, r.error_kind, 'error',
       NULL, NULL, NULL, NULL, NULL, r.error_message
FROM report r
WHERE r.status = 'failed'
UNION ALL
SELECT r.county, r.unit, r.year, r.source_path, 'duplicate_report', 'warning',
       NULL, NULL, NULL, NULL, s.source_path,
       'another file reports the same unit of the same division and year and counts instead: '
         || s.source_path
FROM report r
JOIN stg_report s
  ON s.unit = r.unit AND s.year = r.year
 AND COALESCE(s.division_code, '') = COALESCE(r.division_code, '')
WHERE r.status = 'loaded'
  AND s.report_id <> r.report_id;
