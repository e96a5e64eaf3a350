-- Cases sealed before the case version was bound into the associated data (decision 039): they
-- are opened the old way until their next write re-seals them. Cases created from now on never
-- appear here.
INSERT INTO `case_sealing_legacy` (`case_id`) SELECT `id` FROM `cases`;
