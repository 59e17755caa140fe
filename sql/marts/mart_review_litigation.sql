-- 行政复议、行政诉讼 by county and year: 复议 (review), 未经复议直接起诉 (litigation) and
-- 复议后起诉 (litigation after review), each by result and total.
CREATE VIEW mart_review_litigation AS
SELECT g.county, g.year, g.reports,
       SUM(CASE WHEN c.col_code = 'rev_upheld' THEN c.value END) AS review_upheld,
       SUM(CASE WHEN c.col_code = 'rev_corrected' THEN c.value END) AS review_corrected,
       SUM(CASE WHEN c.col_code = 'rev_other' THEN c.value END) AS review_other,
       SUM(CASE WHEN c.col_code = 'rev_pending' THEN c.value END) AS review_pending,
       SUM(CASE WHEN c.col_code = 'rev_total' THEN c.value END) AS review_total,
       SUM(CASE WHEN c.col_code = 'lit_upheld' THEN c.value END) AS litigation_upheld,
       SUM(CASE WHEN c.col_code = 'lit_corrected' THEN c.value END) AS litigation_corrected,
       SUM(CASE WHEN c.col_code = 'lit_other' THEN c.value END) AS litigation_other,
       SUM(CASE WHEN c.col_code = 'lit_pending' THEN c.value END) AS litigation_pending,
       SUM(CASE WHEN c.col_code = 'lit_total' THEN c.value END) AS litigation_total,
       SUM(CASE WHEN c.col_code = 'lar_upheld' THEN c.value END) AS after_review_upheld,
       SUM(CASE WHEN c.col_code = 'lar_corrected' THEN c.value END) AS after_review_corrected,
       SUM(CASE WHEN c.col_code = 'lar_other' THEN c.value END) AS after_review_other,
       SUM(CASE WHEN c.col_code = 'lar_pending' THEN c.value END) AS after_review_pending,
       SUM(CASE WHEN c.col_code = 'lar_total' THEN c.value END) AS after_review_total,
       SUM(CASE WHEN c.state <> 'number' THEN 1 ELSE 0 END) AS blank_cells
FROM stg_county_year g
LEFT JOIN stg_cell c
  ON c.year = g.year
 AND (c.county = g.county OR (c.county IS NULL AND g.county IS NULL))
 AND c.table_code = 't4'
GROUP BY g.county, g.year, g.reports;
