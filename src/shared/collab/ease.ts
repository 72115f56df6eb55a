import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019): the closed-form item–item
 * regression B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, over the binary user–item matrix X of
 * positive interactions. A user's score for item j is (x·B)_j = −(x·P)_j / P_jj off the
 * diagonal, so only rows of P are needed, never B itself.
 *
 * P is an items × items inverse; with fewer users than items the same rows come from a
 * users × users one (Woodbury: P = (I − Xᵀ(XXᵀ + λI)⁻¹X) / λ), so MovieLens' 9k items cost a
 * 610 × 610 solve. Items nobody used have zero scores (their column of B is 0).
 */
export class Ease {
  private readonly solver: PrimalSolver | DualSolver;
  /** diag(P)·λ for every item (1 for unused ones). */
  private readonly diag: Float64Array;

  constructor(
    readonly items: number,
    userItems: readonly (readonly number[])[],
    readonly lambda: number,
  ) {
    const rows = userItems.map((list) => [...new Set(list)].filter((i) => i >= 0 && i < items));
    const used = new Set(rows.flat()).size;
    this.solver =
      used <= rows.length
        ? new PrimalSolver(items, rows, lambda)
        : new DualSolver(items, rows, lambda);
    this.diag = this.solver.diagonal();
  }

  /** EASE scores of every item for a user who liked `liked` (their own items included). */
  scores(liked: readonly number[]): Float32Array {
    const set = [...new Set(liked)].filter((i) => i >= 0 && i < this.items);
    const xp = this.solver.rowSum(set);
    const out = new Float32Array(this.items);
    const own = new Set(set);
    for (let j = 0; j < this.items; j++) {
      const p = (xp[j] ?? 0) - (own.has(j) ? (this.diag[j] ?? 1) : 0);
      out[j] = -p / (this.diag[j] ?? 1);
    }
    return out;
  }
}

/** λ·P by a direct inverse of XᵀX + λI over the items anyone used. */
class PrimalSolver {
  private readonly slot: Int32Array;
  private readonly p: Matrix;

  constructor(
    private readonly items: number,
    rows: readonly number[][],
    lambda: number,
  ) {
    this.slot = new Int32Array(items).fill(-1);
    let n = 0;
    for (const row of rows) for (const i of row) if (this.slot[i] === -1) this.slot[i] = n++;
    const g = Matrix.eye(n, n, lambda);
    for (const row of rows) {
      const slots = row.map((i) => this.slot[i] ?? 0);
      for (const a of slots) for (const b of slots) g.set(a, b, g.get(a, b) + 1);
    }
    this.p = new CholeskyDecomposition(g).solve(Matrix.eye(n, n, lambda));
  }

  diagonal(): Float64Array {
    return Float64Array.from({ length: this.items }, (_, i) => {
      const s = this.slot[i] ?? -1;
      return s < 0 ? 1 : this.p.get(s, s);
    });
  }

  rowSum(set: readonly number[]): Float64Array {
    const out = new Float64Array(this.items);
    for (const i of set) {
      const a = this.slot[i] ?? -1;
      if (a < 0) {
        out[i] = (out[i] ?? 0) + 1;
        continue;
      }
      for (let j = 0; j < this.items; j++) {
        const b = this.slot[j] ?? -1;
        if (b >= 0) out[j] = (out[j] ?? 0) + this.p.get(a, b);
      }
    }
    return out;
  }
}

/** λ·P = I − Xᵀ K X with K = (XXᵀ + λI)⁻¹, users × users. */
class DualSolver {
  private readonly usersOf: number[][];
  private readonly k: Float64Array;
  private readonly n: number;

  constructor(
    private readonly items: number,
    private readonly rows: readonly number[][],
    lambda: number,
  ) {
    this.n = rows.length;
    this.usersOf = Array.from({ length: items }, () => []);
    rows.forEach((row, u) => {
      for (const i of row) this.usersOf[i]?.push(u);
    });
    const g = Matrix.eye(this.n, this.n, lambda);
    for (const users of this.usersOf) {
      for (const u of users) for (const v of users) g.set(u, v, g.get(u, v) + 1);
    }
    const inverse = new CholeskyDecomposition(g).solve(Matrix.eye(this.n, this.n));
    this.k = Float64Array.from(inverse.to1DArray());
  }

  diagonal(): Float64Array {
    const { n, k } = this;
    return Float64Array.from(this.usersOf, (users) => {
      let quad = 0;
      for (const u of users) for (const v of users) quad += k[u * n + v] ?? 0;
      return 1 - quad;
    });
  }

  rowSum(set: readonly number[]): Float64Array {
    const { n, k } = this;
    const c = new Float64Array(n);
    for (const i of set) for (const u of this.usersOf[i] ?? []) c[u] = (c[u] ?? 0) + 1;
    const d = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      const cu = c[u] ?? 0;
      if (cu === 0) continue;
      for (let v = 0; v < n; v++) d[v] = (d[v] ?? 0) + cu * (k[u * n + v] ?? 0);
    }
    const out = new Float64Array(this.items);
    for (const i of set) out[i] = (out[i] ?? 0) + 1;
    this.rows.forEach((row, v) => {
      const dv = d[v] ?? 0;
      for (const j of row) out[j] = (out[j] ?? 0) - dv;
    });
    return out;
  }
}
