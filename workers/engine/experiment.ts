import { credit, emptyTally, readTally, verdict, type Tally } from '../../src/shared/ab/tally';
import { interleaveFeed, type Team } from '../../src/shared/ab/team-draft';
import type { ExperimentView } from '../../src/shared/engine-api';
import type { Interaction } from '../../src/shared/interactions/types';
import { seededRandom } from '../../src/shared/random';
import type { PersonalScorer } from '../../src/shared/ranking/personal';
import type { Ranked } from '../../src/shared/ranking/rank';
import type { Repository } from '../storage/repository';

/** Where the tally lives: the `settings` store, so exports carry it and forget() erases it. */
export const EXPERIMENT_SETTING = 'experiment';
/** Showings remembered for crediting (the items of the last few feeds). */
const REMEMBERED = 500;
/** Engagement that credits the strategy that showed the item (a view may come from anywhere). */
const CREDITED = new Set<Interaction['type']>(['click', 'like', 'add_to_cart', 'purchase']);

/**
 * A private A/B test of two ranking strategies in the visitor's feed, on the device: (a) the
 * learned head and (b) the profile scorer. Until a sign test separates them, each feed is a
 * team-draft interleaving of both rankings; a click, like, cart or purchase on a shown item is
 * credited to the strategy that put it there; then the feed uses the winner. The tally is kept
 * in IndexedDB with the visitor's other settings (exported, erased, reset from the Your-data page).
 */
export class Experiment {
  private tally: Tally | null = null;
  /** Item id → the strategy that last showed it, oldest first. */
  private readonly shown = new Map<string, Team>();

  constructor(private readonly repository: Repository) {}

  /**
   * The feed for one view: interleaved while the test runs, the winner's ranking after (the
   * engine asks only once the head has learned something: before, there is nothing to compare).
   */
  async feed(
    rank: (scorer: PersonalScorer) => Promise<Ranked[]>,
    learned: PersonalScorer,
    profile: PersonalScorer,
    ids: readonly { id: string }[],
    count: number,
  ): Promise<Ranked[]> {
    const tally = await this.current();
    const { winner } = verdict(tally);
    if (winner) return rank(winner === 'a' ? learned : profile);
    // One after the other: both may use the TF.js backend.
    const a = await rank(learned);
    const b = await rank(profile);
    // Drawn afresh after each credit, and the same until then: a reload or a refresh for an
    // unrelated change shows the same list, not a reshuffled one.
    const seed = 1 + tally.a * 7919 + tally.b * 104_729;
    const drawn = interleaveFeed(a, b, count, seededRandom(seed));
    drawn.items.forEach((r, i) => {
      const id = ids[r.index]?.id;
      if (id === undefined) return;
      const team = drawn.teams[i];
      // What the feed placed itself is credited to neither strategy.
      if (team) this.remember(id, team);
      else this.shown.delete(id);
    });
    return drawn.items;
  }

  /** Credits an engagement with a shown item to the strategy that showed it (once per showing). */
  async record(event: Interaction): Promise<void> {
    const team = this.shown.get(event.itemId);
    if (team === undefined || !CREDITED.has(event.type)) return;
    this.shown.delete(event.itemId);
    await this.save(credit(await this.current(), team));
  }

  async view(learnedAvailable: boolean): Promise<ExperimentView> {
    const tally = await this.current();
    const { p, winner } = verdict(tally);
    return {
      credits: { learned: tally.a, profile: tally.b },
      p,
      since: tally.since,
      inUse: !learnedAvailable
        ? 'profile'
        : winner === null
          ? 'both'
          : winner === 'a'
            ? 'learned'
            : 'profile',
      settled: winner !== null,
    };
  }

  /** Starts the test afresh (the visitor asked to). */
  async reset(): Promise<void> {
    this.shown.clear();
    await this.save(emptyTally(Date.now()));
  }

  /** The stored tally changed under us (another tab, an import, an erasure): read it again. */
  invalidate(): void {
    this.tally = null;
  }

  private async current(): Promise<Tally> {
    if (this.tally === null) {
      const stored = (await this.repository.settings())[EXPERIMENT_SETTING];
      this.tally = readTally(stored, Date.now());
    }
    return this.tally;
  }

  private async save(tally: Tally): Promise<void> {
    await this.repository.putSettings({ [EXPERIMENT_SETTING]: tally });
    this.tally = tally;
  }

  private remember(id: string, team: Team): void {
    this.shown.delete(id);
    this.shown.set(id, team);
    if (this.shown.size > REMEMBERED) {
      const oldest = this.shown.keys().next();
      if (!oldest.done) this.shown.delete(oldest.value);
    }
  }
}
