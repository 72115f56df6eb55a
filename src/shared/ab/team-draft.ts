import { FEED_PAGE } from '../ranking/rank';

/** The two strategies of an interleaving experiment. */
export type Team = 'a' | 'b';

/**
 * A team draft in progress (Radlinski, Kurup & Joachims, CIKM 2008): the team with fewer picks
 * so far (a coin flip on a tie) adds its highest-ranked item not yet in the list. Picks can be
 * taken back, last first, so that a page of the feed can give their places to items the feed
 * placed itself and leave them to the next page.
 */
class Draft {
  private readonly taken = new Set<number>();
  private readonly next = { a: 0, b: 0 };
  private readonly picks = { a: 0, b: 0 };
  private readonly ranking: Record<Team, readonly number[]>;

  constructor(
    a: readonly number[],
    b: readonly number[],
    private readonly random: () => number,
  ) {
    this.ranking = { a, b };
  }

  /** The next pick, or null when both rankings are used up. */
  pick(): { item: number; team: Team } | null {
    const hasA = this.skipTaken('a');
    const hasB = this.skipTaken('b');
    if (!hasA && !hasB) return null;
    const preferA =
      this.picks.a < this.picks.b || (this.picks.a === this.picks.b && this.random() < 0.5);
    const team: Team = hasA && (preferA || !hasB) ? 'a' : 'b';
    const item = this.ranking[team][this.next[team]] ?? -1;
    this.take(item);
    this.picks[team] += 1;
    return { item, team };
  }

  /** Marks an item shown without a pick (the draft skips it from now on). */
  take(item: number): void {
    this.taken.add(item);
  }

  /** Takes back one of `team`'s picks: the item may be drafted again. */
  putBack(item: number, team: Team): void {
    this.taken.delete(item);
    this.picks[team] -= 1;
    const at = this.ranking[team].indexOf(item);
    if (at >= 0) this.next[team] = Math.min(this.next[team], at);
  }

  has(item: number): boolean {
    return this.taken.has(item);
  }

  private skipTaken(team: Team): boolean {
    const list = this.ranking[team];
    while (this.next[team] < list.length && this.taken.has(list[this.next[team]] ?? -1)) {
      this.next[team] += 1;
    }
    return this.next[team] < list.length;
  }
}

/**
 * Team-draft interleaving of two rankings: `count` picks (fewer when both are used up), each
 * credited to the team that picked it, so a click on it counts for that team's strategy.
 */
export function teamDraft(
  a: readonly number[],
  b: readonly number[],
  count: number,
  random: () => number,
): { items: number[]; teams: Team[] } {
  const draft = new Draft(a, b, random);
  const items: number[] = [];
  const teams: Team[] = [];
  while (items.length < count) {
    const next = draft.pick();
    if (!next) break;
    items.push(next.item);
    teams.push(next.team);
  }
  return { items, teams };
}

/** A ranked list whose items may be placed by the feed's own policy (ranking/rank.ts `placed`). */
interface Listed {
  index: number;
  placed?: true;
}

/**
 * The interleaved feed of two ranked lists, a page (FEED_PAGE items) at a time, as the lists
 * themselves are ranked: a team draft of both fills the page; then what the first list placed
 * on that page by the feed's own policy (an interest's floor, an exploration slot) and the draft
 * left out takes the place of the page's last picks, at its place in the first list's page, with
 * no team (credited to neither); the picks it displaced go back to the draft for the next page.
 * The draft's own picks keep their team, placed or not.
 */
export function interleaveFeed<T extends Listed>(
  a: readonly T[],
  b: readonly T[],
  count: number,
  random: () => number,
  page = FEED_PAGE,
): { items: T[]; teams: (Team | null)[] } {
  const draft = new Draft(
    a.map((r) => r.index),
    b.map((r) => r.index),
    random,
  );
  const from = { a: new Map(a.map((r) => [r.index, r])), b: new Map(b.map((r) => [r.index, r])) };
  const items: T[] = [];
  const teams: (Team | null)[] = [];
  for (let start = 0; items.length < count; start += page) {
    const size = Math.min(page, count - items.length);
    const drawn: { ranked: T; team: Team | null }[] = [];
    while (drawn.length < size) {
      const next = draft.pick();
      if (!next) break;
      const ranked = from[next.team].get(next.item);
      if (ranked) drawn.push({ ranked, team: next.team });
    }
    const own = a.slice(start, start + page);
    const missing = own.filter((r) => r.placed && !draft.has(r.index)).slice(0, size);
    // Room for them: the page's last picks that the policy did not place go back to the draft.
    const room = Math.max(0, drawn.length + missing.length - size);
    for (let n = 0; n < room; n++) {
      const last = drawn.findLastIndex((d) => !d.ranked.placed);
      if (last < 0) break;
      const [back] = drawn.splice(last, 1);
      if (back?.team) draft.putBack(back.ranked.index, back.team);
    }
    for (const r of missing) {
      if (drawn.length >= size) break;
      draft.take(r.index);
      drawn.splice(Math.min(own.indexOf(r), drawn.length), 0, { ranked: r, team: null });
    }
    if (drawn.length === 0) break;
    for (const d of drawn) {
      items.push(d.ranked);
      teams.push(d.team);
    }
  }
  return { items, teams };
}
