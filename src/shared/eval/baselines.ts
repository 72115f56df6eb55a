/** Indices of the `k` highest scores, skipping `exclude`; ties keep catalogue order. */
export function topK(scores: Float32Array, k: number, exclude: ReadonlySet<number>): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (exclude.has(i)) continue;
    const score = scores[i] ?? 0;
    if (best.length === k && score <= (scores[best[k - 1] ?? 0] ?? 0)) continue;
    let at = best.length;
    while (at > 0 && (scores[best[at - 1] ?? 0] ?? 0) < score) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * Server-side item-kNN (Sarwar et al., 2001; Deshpande and Karypis, 2004): cosine similarity of
 * items over all training users' positive interactions, each item keeping its `neighbours` most
 * similar items; a user's score for an item sums its similarity to the items they liked.
 */
export class ItemKnn {
  private readonly lists: { item: Int32Array; sim: Float32Array }[];

  constructor(
    private readonly items: number,
    userItems: readonly (readonly number[])[],
    neighbours: number,
  ) {
    const usersOf: number[][] = Array.from({ length: items }, () => []);
    userItems.forEach((list, user) => {
      for (const item of new Set(list)) usersOf[item]?.push(user);
    });
    const count = usersOf.map((users) => users.length);
    const co = new Float32Array(items);
    this.lists = usersOf.map((users, j) => {
      const touched: number[] = [];
      for (const user of users) {
        for (const i of new Set(userItems[user])) {
          if (i === j) continue;
          if (co[i] === 0) touched.push(i);
          co[i] = (co[i] ?? 0) + 1;
        }
      }
      const scored = touched.map((i) => ({
        i,
        s: (co[i] ?? 0) / Math.sqrt((count[i] ?? 1) * (count[j] ?? 1)),
      }));
      for (const i of touched) co[i] = 0;
      scored.sort((a, b) => b.s - a.s);
      const kept = scored.slice(0, neighbours);
      return {
        item: Int32Array.from(kept.map((n) => n.i)),
        sim: Float32Array.from(kept.map((n) => n.s)),
      };
    });
  }

  /** Scores every item for a user who liked `liked`. */
  scores(liked: readonly number[]): Float32Array {
    const out = new Float32Array(this.items);
    for (const j of liked) {
      const list = this.lists[j];
      if (!list) continue;
      for (let n = 0; n < list.item.length; n++) {
        const i = list.item[n] ?? 0;
        out[i] = (out[i] ?? 0) + (list.sim[n] ?? 0);
      }
    }
    return out;
  }
}
