/**
 * Items the app's home feed shows: twice the ten that NDCG@10 judges. While the feed's A/B test
 * runs, the feed is a team-draft interleaving of two rankings (src/shared/ab), and a list of
 * twenty shows the first ten of both; a list of ten shows about five of each, so a difference at
 * places 6–10 of either ranking could never be seen (docs/evaluation.md, "Interleaving").
 */
export const HOME_FEED_COUNT = 20;
