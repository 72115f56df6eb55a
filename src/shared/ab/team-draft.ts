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

/** A ranked list whose items may be placed by the feed's own policy (ranking/rank.ts `placed`). */
interface Listed {
  index: number;
  placed?: true;
}

/**
 * The interleaved feed of two ranked lists: a team draft of both (teamDraft); then what the
 * first list placed by the feed's own policy (an interest's floor, an exploration slot) and the
 * draft left out takes the place of the draft's last picks, at its place in the first list, with
 * no team (credited to neither). The draft's own picks keep their team, placed or not.
 */
export function interleaveFeed<T extends Listed>(
  a: readonly T[],
  b: readonly T[],
  count: number,
  random: () => number,
): { items: T[]; teams: (Team | null)[] } {
  const drawn = teamDraft(
    a.map((r) => r.index),
    b.map((r) => r.index),
    count,
    random,
  );
  const from = { a: new Map(a.map((r) => [r.index, r])), b: new Map(b.map((r) => [r.index, r])) };
  const items: T[] = [];
  const teams: (Team | null)[] = [];
  drawn.items.forEach((index, i) => {
    const team = drawn.teams[i] ?? 'a';
    const ranked = from[team].get(index);
    if (!ranked) return;
    items.push(ranked);
    teams.push(team);
  });
  const shown = new Set(items.map((r) => r.index));
  const missing = a.filter((r) => r.placed && !shown.has(r.index)).slice(0, count);
  // Room for them: the draft's last picks that the policy did not place go.
  const room = Math.max(0, items.length + missing.length - count);
  for (let n = 0; n < room; n++) {
    const last = items.findLastIndex((r) => !r.placed);
    if (last < 0) break;
    items.splice(last, 1);
    teams.splice(last, 1);
  }
  for (const r of missing) {
    if (items.length >= count) break;
    const at = Math.min(a.indexOf(r), items.length);
    items.splice(at, 0, r);
    teams.splice(at, 0, null);
  }
  return { items, teams };
}
