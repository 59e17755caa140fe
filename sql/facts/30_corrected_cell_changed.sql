-- A finding corrected_cell_changed for each correction (cell_correction) of the reports being
-- loaded whose cell now reads differently from what the correction was made against (another
-- state or value), or is no longer there (:report_ids as in 10_report_fact.sql). The
-- correction still applies; a person checks it. Not repeated when the report's facts are filled
-- again (gongkai correct).
WITH ids AS (
  SELECT report_id, unit, year, COALESCE(division_code, '') AS division_key FROM report
  WHERE status = 'loaded' AND report_id IN (:report_ids)
),
changed AS (
  SELECT i.report_id, k.table_code, k.row_code, k.col_code, c.source_line, c.raw,
         k.extracted_raw,
         ROW_NUMBER() OVER (PARTITION BY i.report_id
                            ORDER BY k.table_code, k.row_code, k.col_code) AS n
  FROM ids i
  JOIN cell_correction k
    ON k.division_code = i.division_key AND k.unit = i.unit AND k.year = i.year
  LEFT JOIN cell c
    ON c.report_id = i.report_id AND c.table_code = k.table_code
   AND c.row_code = k.row_code AND c.col_code = k.col_code
  WHERE (c.report_id IS NULL OR c.state <> k.extracted_state
         OR (CASE WHEN c.value IS NULL THEN 1 ELSE 0 END)
              <> (CASE WHEN k.extracted_value IS NULL THEN 1 ELSE 0 END)
         OR c.value <> k.extracted_value)
    AND NOT EXISTS (SELECT 1 FROM finding f
                    WHERE f.report_id = i.report_id AND f.kind = 'corrected_cell_changed'
                      AND f.table_code = k.table_code AND f.row_code = k.row_code
                      AND f.col_code = k.col_code)
)
INSERT INTO finding (report_id, seq, kind, severity, table_code, row_code, col_code,
                     source_line, raw, message, message_zh)
SELECT h.report_id,
       (SELECT COALESCE(MAX(f.seq), 0) FROM finding f WHERE f.report_id = h.report_id) + h.n,
       'corrected_cell_changed', 'warning', h.table_code, h.row_code, h.col_code,
       h.source_line, h.raw,
       'the cell was corrected when it read "' || h.extracted_raw || '"; it now reads '
         || COALESCE('"' || h.raw || '"', 'nothing (no such cell)')
         || '; the correction still applies, check it',
       '该单元格更正时原文为“' || h.extracted_raw || '”，现为'
         || COALESCE('“' || h.raw || '”', '空（已无此单元格）') || '；更正值仍然采用，请复核'
FROM changed h;
