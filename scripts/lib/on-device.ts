import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import type { SparseRows } from '../../src/shared/global/sparse-rows';
import type { Interaction } from '../../src/shared/interactions/types';
import { isEngagement } from '../../src/shared/interactions/types';
import { recommendFeed } from '../../src/shared/ranking/feed';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';
import type { PersonalScorer } from '../../src/shared/ranking/personal';
import { TrainedHeadScorer, trainOnHistory } from '../../workers/engine/head/head-personal';
import { headSpace } from '../../src/shared/head/space';
import { ItemTensors } from '../../workers/engine/head/item-tensors';
import { initialParams, personalPart, ScoringHead } from '../../workers/engine/head/scoring-head';
import { FULL_TRAINING, TRAINING, trainHead } from '../../workers/engine/head/trainer';
import {
  afterTraining,
  planTraining,
  type TrainedState,
} from '../../workers/engine/head/train-schedule';
import { headEvents } from '../../src/shared/head/events';

/**
 * The device's recommender, replayed offline: for each visitor a fresh head is trained on their
 * history exactly as the worker trains it (full training from the starting weights), then the
 * worker's feed ranking (prior blend, MMR, exploration) picks the list. With the shop's global
 * model the head starts from it (global-only when not trained; fine-tuned when trained).
 */
export class OnDeviceModel {
  private readonly tensors: ItemTensors;
  private readonly indexOf: Map<string, number>;

  constructor(
    private readonly items: readonly CatalogueItem[],
    private readonly matrix: ItemMatrix,
    private readonly prior: Float32Array,
    private readonly global: SparseRows | null = null,
  ) {
    this.tensors = new ItemTensors(headSpace(matrix, items, prior, global));
    this.indexOf = new Map(items.map((item, index) => [item.id, index]));
  }

  /** The top `count` catalogue rows for a visitor with this history, asked at `now`. */
  async recommend(
    history: readonly Interaction[],
    now: number,
    count: number,
    train = true,
  ): Promise<number[]> {
    const start = initialParams(this.matrix.dims, 7, this.global);
    const head = new ScoringHead(start, start.w, personalPart(this.global));
    try {
      if (train && history.some(isEngagement)) {
        await trainOnHistory(head, this.tensors, history, this.indexOf, FULL_TRAINING);
      }
      return await this.rankWith(new TrainedHeadScorer(head, this.tensors), history, now, count);
    } finally {
      head.dispose();
    }
  }

  /**
   * The same visitor replayed as the device learns: the history's events fed one at a time, and
   * after each the run the worker's schedule asks for (planTraining: full or incremental, from
   * the current weights), then the same ranking. `onRun` hears of each run's mode.
   */
  async replay(
    history: readonly Interaction[],
    now: number,
    count: number,
    onRun: (mode: 'full' | 'incremental') => void = () => {},
  ): Promise<number[]> {
    const start = initialParams(this.matrix.dims, 7, this.global);
    const head = new ScoringHead(start, start.w, personalPart(this.global));
    try {
      const ordered = [...history].sort((a, b) => a.ts - b.ts);
      let state: TrainedState = { trainedOn: 0, fingerprint: '' };
      for (let n = 1; n <= ordered.length; n++) {
        const events = headEvents(ordered.slice(0, n), this.indexOf);
        const run = planTraining(state, events);
        if (!run) continue;
        onRun(run.mode);
        const report = await trainHead(head, this.tensors.space, events, TRAINING[run.mode]);
        state = afterTraining(run, report.held) ?? state;
      }
      return await this.rankWith(new TrainedHeadScorer(head, this.tensors), history, now, count);
    } finally {
      head.dispose();
    }
  }

  /** The same ranking with another personal scorer (e.g. the untrained heuristic profile). */
  async rankWith(
    scorer: PersonalScorer,
    history: readonly Interaction[],
    now: number,
    count: number,
  ): Promise<number[]> {
    const ranked = await recommendFeed(
      {
        items: this.items,
        matrix: this.matrix,
        prior: this.prior,
        indexOf: this.indexOf,
        history,
        scorer,
        now,
        global: this.global,
      },
      { count },
    );
    return ranked.map((r) => r.index);
  }

  dispose(): void {
    this.tensors.dispose();
  }
}
