-- 政府集中采购 by county and year (2019 edition only: the 2021 template has no such item).
-- amount_wan is in 万元. blank_cells counts cells left blank or marked not applicable, so a
-- reader can tell a sum of zeros from a sum with gaps.
CREATE VIEW mart_procurement AS
SELECT g.county, g.year, g.reports,
       COUNT(DISTINCT c.report_id) AS reports_with_item,
       SUM(CASE WHEN c.col_code = 'items' THEN c.value END) AS procurement_items,
       ROUND(CAST(SUM(CASE WHEN c.col_code = 'amount_wan' THEN c.value END) AS NUMERIC), 6)
         AS amount_wan,
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blank_cells
FROM stg_county_year g
LEFT JOIN stg_cell c
  ON c.year = g.year
 AND (c.county = g.county OR (c.county IS NULL AND g.county IS NULL))
 AND c.table_code = 't2' AND c.row_code = 'a9_procurement'
GROUP BY g.county, g.year, g.reports;
