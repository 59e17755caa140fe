-- report.finding_count of the reports being loaded that 30_corrected_cell_changed.sql gave a
-- finding (:report_ids as in 10_report_fact.sql).
UPDATE report SET finding_count = (SELECT count(*) FROM finding f
                                   WHERE f.report_id = report.report_id)
WHERE report_id IN (SELECT f.report_id FROM finding f
                    WHERE f.kind = 'corrected_cell_changed' AND f.report_id IN (:report_ids));
