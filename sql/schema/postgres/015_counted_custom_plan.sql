-- Schema v15 (PostgreSQL): report_counted_refresh (schema v12, run by the counted triggers for
-- every report row written) planned for its arguments at every call. Its cached generic plan,
-- made in a loader's session while report was nearly empty, scanned report whole at every call,
-- so that each report written cost more than the one before (a 3,000-report load read 9.3 M
-- report rows for 3,000 calls; after: 0.2 M). Planning it costs ~0.4 ms. Twin:
-- schema/sqlite/015_counted_custom_plan.sql (nothing to do there).
ALTER FUNCTION report_counted_refresh(TEXT, INTEGER, TEXT, BIGINT)
  SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION cross_year_refresh(TEXT) SET plan_cache_mode = auto;
