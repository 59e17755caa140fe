-- Every stored cell with its report's unit, year, county (name and division codes) and the
-- Chinese labels of its coordinate: the table oversight staff query directly.
CREATE VIEW stg_cell AS
SELECT r.county, r.unit, r.year, r.edition, r.report_id, r.source_path,
       c.table_code, t.label_zh AS table_label,
       c.row_code, dr.label_zh AS row_label,
       c.col_code, dc.label_zh AS col_label,
       c.state, c.value, c.measure, c.raw, c.source_line,
       r.division_code, r.county_code, r.prefecture_code, r.province_code
FROM cell c
JOIN stg_report r ON r.report_id = c.report_id
LEFT JOIN dim_table t ON t.table_code = c.table_code
LEFT JOIN dim_row dr
  ON dr.edition = r.edition AND dr.table_code = c.table_code AND dr.row_code = c.row_code
LEFT JOIN dim_col dc
  ON dc.edition = r.edition AND dc.table_code = c.table_code AND dc.col_code = c.col_code;
