import { fnv1a } from '../hash';

/**
 * A set of strings numbered 0, 1, 2 … in the order they were added, held in typed arrays: the
 * characters in one pool, an open-addressing table of ids by hash. A catalogue of a million
 * items has about a million distinct words; as keys of a `Map` they are a million small heap
 * objects (about 100 MB that every garbage collection walks), here they are about 40 MB of flat
 * arrays. A string is given as two parts (`head` + `tail`, e.g. "w:" + a word), so callers
 * need not build the joined string, and is hashed with FNV-1a from `seed`: `hashOf` is the hash
 * of the joined string, the same as `fnv1a(head + tail, seed)`.
 */
export class FeatureTable {
  /** Number of strings held. */
  size = 0;
  private chars = new Uint16Array(1024);
  private starts = new Int32Array(257);
  private hashes = new Uint32Array(256);
  /** Open addressing, linear probing: id + 1 per slot, 0 when empty. */
  private table = new Int32Array(1024);

  constructor(private readonly seed: number) {}

  /** FNV-1a of `head + tail` from this table's seed. */
  hashOf(head: string, tail: string): number {
    return fnv1a(tail, fnv1a(head, this.seed));
  }

  /** The hash of string `id` (as hashOf gave it). */
  hashAt(id: number): number {
    return this.hashes[id] ?? 0;
  }

  /** The id of `head + tail` (its hash is `hash`), or -1 when it is not held. */
  find(head: string, tail: string, hash = this.hashOf(head, tail)): number {
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at] ?? 0;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, head, tail)) return entry - 1;
    }
  }

  /** The id of `head + tail`, added (as the next id) when it is not held yet. */
  add(head: string, tail: string, hash = this.hashOf(head, tail)): number {
    const found = this.find(head, tail, hash);
    if (found !== -1) return found;
    const id = this.size;
    if ((id + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    if (id + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, new Uint32Array(this.hashes.length * 2));
      this.starts = grown(this.starts, new Int32Array(this.hashes.length + 1));
    }
    const start = this.starts[id] ?? 0;
    const end = start + head.length + tail.length;
    if (end > this.chars.length) {
      this.chars = grown(this.chars, new Uint16Array(Math.max(end, this.chars.length * 2)));
    }
    for (let i = 0; i < head.length; i++) this.chars[start + i] = head.charCodeAt(i);
    for (let i = 0; i < tail.length; i++) this.chars[start + head.length + i] = tail.charCodeAt(i);
    this.starts[id + 1] = end;
    this.hashes[id] = hash;
    this.place(id, hash);
    this.size = id + 1;
    return id;
  }

  private equals(id: number, head: string, tail: string): boolean {
    const start = this.starts[id] ?? 0;
    if ((this.starts[id + 1] ?? 0) - start !== head.length + tail.length) return false;
    for (let i = 0; i < head.length; i++) {
      if (this.chars[start + i] !== head.charCodeAt(i)) return false;
    }
    const from = start + head.length;
    for (let i = 0; i < tail.length; i++) {
      if (this.chars[from + i] !== tail.charCodeAt(i)) return false;
    }
    return true;
  }

  private place(id: number, hash: number): void {
    const mask = this.table.length - 1;
    let at = hash & mask;
    while (this.table[at] !== 0) at = (at + 1) & mask;
    this.table[at] = id + 1;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity);
    for (let id = 0; id < this.size; id++) this.place(id, this.hashes[id] ?? 0);
  }
}

function grown<T extends Uint16Array | Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from.subarray(0, Math.min(from.length, to.length)));
  return to;
}
