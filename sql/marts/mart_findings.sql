-- Data-quality findings in one place: what the extractor could not read with certainty, the
-- template arithmetic that does not add up, files that failed, and duplicate reports (naming
-- the file not counted in source_path and the one counted in raw and message), each with its
-- review state: the decision in finding_review for the finding's unit, year, kind, coordinate
-- and raw text, or 'open' when none applies (a failed file is always open). kind_label (the
-- finding or error kind) and the table, row and column labels are the codes' Chinese labels.
-- A duplicate is a loaded report with counted = 0 (schema v12), so only those few look for the
-- report that counts; each row carries its report's edition for the row and column labels.
CREATE VIEW mart_findings AS
WITH base AS (
  SELECT r.county, r.unit, r.year, r.source_path, f.kind, f.severity,
         f.table_code, f.row_code, f.col_code, f.source_line, f.raw, f.message, f.message_zh,
         r.division_code, r.report_id, f.seq AS finding_seq, r.edition
  FROM finding f
  JOIN report r ON r.report_id = f.report_id
  UNION ALL
  SELECT NULL, NULL, NULL, r.source_path, r.error_kind, 'error',
         NULL, NULL, NULL, NULL, NULL, r.error_message, r.error_message_zh,
         NULL, r.report_id, NULL, r.edition
  FROM report r
  WHERE r.status = 'failed'
  UNION ALL
  SELECT r.county, r.unit, r.year, r.source_path, 'duplicate_report', 'warning',
         NULL, NULL, NULL, NULL, s.source_path,
         'another file reports the same unit of the same division and year and counts instead: '
           || s.source_path,
         '同一区划同一单位同一年度另有报告，计入的是：' || s.source_path,
         r.division_code, r.report_id, NULL, r.edition
  FROM report r
  JOIN stg_report s
    ON s.unit = r.unit AND s.year = r.year
   AND COALESCE(s.division_code, '') = COALESCE(r.division_code, '')
  WHERE r.status = 'loaded' AND r.counted = 0
    AND s.report_id <> r.report_id
)
SELECT b.county, b.unit, b.year, b.source_path, b.kind, b.severity,
       b.table_code, b.row_code, b.col_code, b.source_line, b.raw, b.message, b.message_zh,
       b.division_code, b.report_id, b.finding_seq,
       COALESCE(v.state, 'open') AS review_state, v.reason AS review_reason,
       v.reviewer AS reviewed_by, v.reviewed_at,
       COALESCE(fk.label_zh, ek.label_zh) AS kind_label, t.label_zh AS table_label,
       dr.label_zh AS row_label, dc.label_zh AS col_label
FROM base b
LEFT JOIN dim_code fk ON fk.code_kind = 'finding_kind' AND fk.code = b.kind
LEFT JOIN dim_code ek ON ek.code_kind = 'error_kind' AND ek.code = b.kind
LEFT JOIN dim_table t ON t.table_code = b.table_code
LEFT JOIN dim_row dr
  ON dr.edition = b.edition AND dr.table_code = b.table_code AND dr.row_code = b.row_code
LEFT JOIN dim_col dc
  ON dc.edition = b.edition AND dc.table_code = b.table_code AND dc.col_code = b.col_code
LEFT JOIN finding_review v
  ON v.division_code = COALESCE(b.division_code, '') AND v.unit = b.unit AND v.year = b.year
 AND v.kind = b.kind AND v.table_code = COALESCE(b.table_code, '')
 AND v.row_code = COALESCE(b.row_code, '') AND v.col_code = COALESCE(b.col_code, '')
 AND v.source_text = COALESCE(b.raw, '');
