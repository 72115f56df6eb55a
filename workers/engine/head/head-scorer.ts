import type { CatalogueItem } from '../../../src/shared/catalogue/schema';
import type { BackendName, LearningState, TrainReport } from '../../../src/shared/engine-api';
import { errorCode } from '../../../src/shared/errors';
import type { Interaction } from '../../../src/shared/interactions/types';
import { headEvents } from '../../../src/shared/head/events';
import type { ItemMatrix } from '../../../src/shared/ranking/matrix';
import {
  type PersonalScorer,
  type PersonalScores,
  type ScoringInput,
} from '../../../src/shared/ranking/personal';
import type { Repository } from '../../storage/repository';
import { headScores } from './head-personal';
import { ItemTensors } from './item-tensors';
import { initialParams, paramsProblem, personalPart, ScoringHead } from './scoring-head';
import { headSpace } from '../../../src/shared/head/space';
import type { SparseRows } from '../../../src/shared/global/sparse-rows';
import { TRAINING, trainHead } from './trainer';
import { afterTraining, planTraining } from './train-schedule';
import { backgroundTurn } from '../foreground';

/** Why a stored weights record cannot be used for an item space of `dims`, or null. */
export function storedWeightsProblem(stored: unknown, dims: number): string | null {
  const record = stored as Partial<Record<'params' | 'trainedOn' | 'fingerprint', unknown>>;
  const { trainedOn, fingerprint } = record;
  if (typeof trainedOn !== 'number' || !Number.isInteger(trainedOn) || trainedOn < 0) {
    return `"trainedOn" is ${typeof trainedOn === 'number' ? trainedOn : typeof trainedOn}`;
  }
  if (typeof fingerprint !== 'string') return '"fingerprint" is not text';
  return paramsProblem(record.params, dims);
}

/** Debounce between an interaction and the training it triggers (a burst trains once). */
const TRAIN_DELAY_MS = 300;

interface Bound {
  key: string;
  items: ItemTensors;
  indexOf: ReadonlyMap<string, number>;
  head: ScoringHead;
  trainedOn: number;
  fingerprint: string;
}

/**
 * The learned personal scorer: the TF.js head over the current item matrix, trained on the
 * device after interactions (debounced, cancellable) and persisted in IndexedDB.
 */
export class HeadScorer implements PersonalScorer {
  readonly name = 'tfjs-head';
  private bound: Bound | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: { controller: AbortController; done: Promise<void> } | null = null;
  private last: TrainReport | null = null;
  private retired = false;
  /** Held still while its catalogue is being replaced (and for good once retired). */
  private suspended = false;

  constructor(
    readonly backend: BackendName,
    private readonly repository: Repository,
    private readonly history: () => Promise<Interaction[]>,
    private readonly onTrained: (report: TrainReport) => void,
    /** After each epoch; the run goes on when it resolves (the page has heard of it). */
    private readonly onEpoch: (epoch: number, epochs: number) => Promise<void> = () =>
      Promise.resolve(),
    /** The visitor paused learning (the visitor's preferences are the one place this lives). */
    private readonly learningPaused: () => boolean = () => false,
  ) {}

  /** No training while learning is paused or the head is suspended. */
  get paused(): boolean {
    return this.suspended || this.learningPaused();
  }

  /** Holds training (a catalogue swap is under way) until resume(). */
  async suspend(): Promise<void> {
    this.suspended = true;
    await this.stop();
  }

  /** Lets training run again after suspend(), and catches up with the history. */
  resume(): void {
    if (this.retired) return;
    this.suspended = false;
    this.schedule();
  }

  /**
   * Moves to an item space (a catalogue under an encoder): item tensors on the backend, the
   * weights stored for it or fresh ones, and a training run if the history is ahead of them.
   */
  async bind(
    key: string,
    matrix: ItemMatrix,
    items: readonly CatalogueItem[],
    prior: Float32Array,
    /** The shop's global model: the head starts from it and training pulls towards that start. */
    global: SparseRows | null = null,
  ): Promise<void> {
    await this.stop();
    const stored = await this.repository.weights(key);
    if (this.retired) return;
    const problem = stored === undefined ? null : storedWeightsProblem(stored, matrix.dims);
    if (problem !== null) {
      // Damaged or of another layout: start afresh and retrain from the history (below).
      console.warn(
        `The learned weights stored for ${key} were not used (${problem}); training again.`,
      );
    }
    const fits = stored !== undefined && problem === null;
    const start = initialParams(matrix.dims, undefined, global);
    const params = fits ? stored.params : start;
    const previous = this.bound;
    this.bound = {
      key,
      items: new ItemTensors(headSpace(matrix, items, prior, global)),
      indexOf: new Map(items.map((item, index) => [item.id, index])),
      head: new ScoringHead(params, start.w, personalPart(global)),
      trainedOn: fits ? stored.trainedOn : 0,
      fingerprint: fits ? stored.fingerprint : '',
    };
    previous?.items.dispose();
    previous?.head.dispose();
    this.schedule(0);
  }

  async score(input: ScoringInput): Promise<PersonalScores | null> {
    const bound = this.bound;
    return bound ? headScores(bound.head, bound.items, input) : null;
  }

  /** Trains soon; a newer request supersedes a pending or running one. */
  schedule(delay = TRAIN_DELAY_MS): void {
    if (this.paused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const previous = this.running;
      previous?.controller.abort();
      const controller = new AbortController();
      // Start after the superseded run has stopped, so two runs never train the head at once.
      const done = (previous?.done ?? Promise.resolve()).then(() => this.train(controller.signal));
      this.running = { controller, done };
    }, delay);
  }

  /** Resolves when no training is pending or running. */
  async idle(): Promise<void> {
    while (this.timer || this.running) {
      await (this.running?.done ?? new Promise((resolve) => setTimeout(resolve, TRAIN_DELAY_MS)));
    }
  }

  state(): LearningState {
    return {
      state: this.paused ? 'paused' : this.running || this.timer ? 'training' : 'idle',
      backend: this.backend,
      trainedOn: this.bound?.trainedOn ?? 0,
      last: this.last,
    };
  }

  /** Back to untrained weights (after the history was erased); no run can save old ones after. */
  async reset(): Promise<void> {
    await this.stop();
    const bound = this.bound;
    if (!bound) return;
    bound.head.restore(initialParams(bound.head.params.dims, undefined, bound.items.space.global));
    bound.trainedOn = 0;
    bound.fingerprint = '';
  }

  /** Stops for good (its catalogue was replaced): no more training, and its tensors are freed. */
  async retire(): Promise<void> {
    this.retired = true;
    this.suspended = true;
    await this.stop();
    this.bound?.items.dispose();
    this.bound?.head.dispose();
    this.bound = null;
  }

  /** Cancels pending and running training and waits until the run has let go of the head. */
  private async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running?.controller.abort();
    await this.running?.done;
  }

  private async train(signal: AbortSignal): Promise<void> {
    const bound = this.bound;
    try {
      if (!bound) return;
      // Reading a long history is a long step: not while a feed is being ranked.
      await backgroundTurn();
      const events = headEvents(await this.history(), bound.indexOf);
      const run = planTraining(bound, events);
      if (!run) return;
      const onEpoch = this.onEpoch;
      const report = await trainHead(bound.head, bound.items.space, events, {
        ...TRAINING[run.mode],
        signal,
        onEpoch,
      });
      if (signal.aborted || this.bound !== bound) return;
      const next = afterTraining(run, report.held);
      // Too few positives to hold any out: nothing was trained (the state stays).
      if (!next) return;
      this.last = report;
      bound.trainedOn = next.trainedOn;
      bound.fingerprint = next.fingerprint;
      await this.repository.saveWeights({
        key: bound.key,
        params: await bound.head.snapshot(),
        trainedOn: next.trainedOn,
        fingerprint: next.fingerprint,
      });
      this.onTrained(report);
    } catch (error) {
      // A cancelled run is superseded by a newer one; anything else is a real failure.
      if (errorCode(error) !== 'cancelled')
        console.error('Training failed; the previous weights stay.', error);
    } finally {
      if (this.running?.controller.signal === signal) this.running = null;
    }
  }
}
