-- decisions(lane, score) is a prefix of decisions_queue(lane, score DESC, declaration_id) (V4):
-- every query it served, that one serves, and each index is one more page rewritten per commit.
DROP INDEX decisions_lane_score;
