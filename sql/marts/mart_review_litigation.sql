-- 行政复议、行政诉讼 by county and year: 复议 (review), 未经复议直接起诉 (litigation) and
-- 复议后起诉 (litigation after review), each by result and total (a group's 总计, or the sum
-- of its results where 总计 is blank; see mart_unit_year.total_source).
CREATE VIEW mart_review_litigation AS
SELECT r.county, r.year, COUNT(*) AS reports,
       CAST(SUM(f.review_upheld) AS BIGINT) AS review_upheld,
       CAST(SUM(f.review_corrected) AS BIGINT) AS review_corrected,
       CAST(SUM(f.review_other) AS BIGINT) AS review_other,
       CAST(SUM(f.review_pending) AS BIGINT) AS review_pending,
       CAST(SUM(f.review_total) AS BIGINT) AS review_total,
       CAST(SUM(f.litigation_upheld) AS BIGINT) AS litigation_upheld,
       CAST(SUM(f.litigation_corrected) AS BIGINT) AS litigation_corrected,
       CAST(SUM(f.litigation_other) AS BIGINT) AS litigation_other,
       CAST(SUM(f.litigation_pending) AS BIGINT) AS litigation_pending,
       CAST(SUM(f.litigation_total) AS BIGINT) AS litigation_total,
       CAST(SUM(f.after_review_upheld) AS BIGINT) AS after_review_upheld,
       CAST(SUM(f.after_review_corrected) AS BIGINT) AS after_review_corrected,
       CAST(SUM(f.after_review_other) AS BIGINT) AS after_review_other,
       CAST(SUM(f.after_review_pending) AS BIGINT) AS after_review_pending,
       CAST(SUM(f.after_review_total) AS BIGINT) AS after_review_total,
       CAST(COALESCE(SUM(f.t4_blank_cells), 0) AS BIGINT) AS blank_cells
FROM stg_report r
LEFT JOIN report_fact f ON f.report_id = r.report_id
GROUP BY r.county, r.year;
