/** The two strategies of an interleaving experiment. */
export type Team = 'a' | 'b';

/**
 * Team-draft interleaving (Radlinski, Kurup & Joachims, CIKM 2008): the team with fewer picks so
 * far (a coin flip on a tie) adds its highest-ranked item not yet in the list, until `count` items
 * are drawn or both rankings are used up. Each item is credited to the team that picked it, so a
 * click on it counts for that team's strategy.
 */
export function teamDraft(
  a: readonly number[],
  b: readonly number[],
  count: number,
  random: () => number,
): { items: number[]; teams: Team[] } {
  const items: number[] = [];
  const teams: Team[] = [];
  const taken = new Set<number>();
  const next = { a: 0, b: 0 };
  const picks = { a: 0, b: 0 };
  const ranking = { a, b };
  const skipTaken = (team: Team) => {
    while (next[team] < ranking[team].length && taken.has(ranking[team][next[team]] ?? -1)) {
      next[team] += 1;
    }
    return next[team] < ranking[team].length;
  };
  while (items.length < count) {
    const hasA = skipTaken('a');
    const hasB = skipTaken('b');
    if (!hasA && !hasB) break;
    const preferA = picks.a < picks.b || (picks.a === picks.b && random() < 0.5);
    const team: Team = hasA && (preferA || !hasB) ? 'a' : 'b';
    const item = ranking[team][next[team]] ?? -1;
    items.push(item);
    teams.push(team);
    taken.add(item);
    picks[team] += 1;
  }
  return { items, teams };
}
