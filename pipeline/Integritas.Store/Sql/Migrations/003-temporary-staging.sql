-- Version 3: staging moves to per-connection temporary tables (dropped at the end of each file, which is
-- far cheaper than deleting millions of staged rows), so the persistent staging tables go.
DROP TABLE stage_answer;
DROP TABLE stage_submission;
