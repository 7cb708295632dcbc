-- National scale (docs/decisions/006, docs/performance.md).

-- Publishing a plan to the whole country writes one plan_audience row per addressed unit
-- (~340,000). The GiST index on its unit_path tripled the cost of those rows and served only the
-- rare subtree move, which rewrites the instances of the subtree by a scan anyway.
DROP INDEX IF EXISTS plan_audience_path_gist;

-- Every submission adds to the counters of its unit and of each ancestor. Room left on each page
-- lets those updates stay on the page (HOT: no new index entry), which keeps the rows near the
-- root, updated by every submission of a plan, cheap to change.
ALTER TABLE progress_counter SET (fillfactor = 70);
