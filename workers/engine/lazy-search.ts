import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { errorCode, PrivateRecsError } from '../../src/shared/errors';
import { SearchIndex } from '../../src/shared/search/search-index';
import { backgroundTurn } from './foreground';

/** Items indexed per step of a background build (about 50 ms here). */
const STEP_ITEMS = 2_000;

/**
 * The catalogue's full-text index, built after start-up instead of before `ready` (2.6 s at
 * 100,000 items here): in the background once ready, a step at a time behind the calls the
 * visitor waits on, or at full speed as soon as a query needs it (the query waits for it).
 */
export class LazySearch {
  private building: Promise<SearchIndex> | null = null;
  private urgent = false;
  private cancelled = false;
  /** Resolves when a query asks: a background build waiting for its turn goes on at once. */
  private readonly hurried: Promise<void>;
  private hurry: () => void = () => undefined;

  constructor(
    private readonly items: readonly CatalogueItem[],
    /** Waited for between steps of a background build. */
    private readonly pause: () => Promise<void> = backgroundTurn,
  ) {
    this.hurried = new Promise((resolve) => {
      this.hurry = resolve;
    });
  }

  /** Starts building in the background (start-up calls this once `ready` is answered). */
  warm(): void {
    this.build().catch((error: unknown) => {
      if (errorCode(error) === 'cancelled') return; // Its catalogue was replaced: not needed.
      console.error('private-recs: the search index could not be built.', error);
    });
  }

  /** The index, once built; a query that comes first hurries the build and waits for it. */
  get(): Promise<SearchIndex> {
    this.urgent = true;
    this.hurry();
    return this.build();
  }

  /** Stops a background build (its catalogue was replaced); a later query still builds it. */
  cancel(): void {
    this.cancelled = true;
  }

  private build(): Promise<SearchIndex> {
    const building = (this.building ??= this.run());
    // A cancelled build leaves nothing behind: the next query starts afresh.
    building.catch(() => {
      if (this.building === building) this.building = null;
    });
    return building;
  }

  private async run(): Promise<SearchIndex> {
    // A background build starts on a later task: after `ready` has been answered.
    if (!this.urgent) await this.turn();
    const started = performance.now();
    let working = 0;
    let step = started;
    const index = await SearchIndex.buildInSteps(
      this.items,
      async () => {
        working += performance.now() - step;
        if (this.cancelled && !this.urgent) {
          throw new PrivateRecsError('cancelled', 'The catalogue was replaced.');
        }
        if (!this.urgent) await this.turn();
        step = performance.now();
      },
      STEP_ITEMS,
    );
    working += performance.now() - step;
    const wall = Math.round(performance.now() - started);
    // For operators: the work the index took, and whether a query had to wait for it.
    const how = this.urgent ? 'a query waited for it' : 'in the background';
    console.info(
      `Search index: ${this.items.length} items in ${Math.round(working)} ms (${how}, ${wall} ms from start).`,
    );
    return index;
  }

  /** The background build's next turn, or at once when a query asks for the index. */
  private turn(): Promise<void> {
    return Promise.race([this.pause(), this.hurried]);
  }
}
