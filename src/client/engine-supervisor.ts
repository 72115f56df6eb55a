import type {
  EngineApi,
  EngineChange,
  EngineConfig,
  EngineProgress,
  EngineStatus,
} from '../shared/engine-api';
import { EngineError, errorMessage } from '../shared/errors';
import { startEngine, type EngineWorker } from './engine-client';

/** The engine calls a page makes; start-up and liveness are the supervisor's business. */
export type EngineHandle = Omit<EngineApi, 'init' | 'holdAliveLock'>;
type Method = keyof EngineHandle;
type Result<M extends Method> = Awaited<ReturnType<EngineHandle[M]>>;

/** Restarts in a row without a successful start-up before giving up (a worker that cannot start). */
const MAX_FAILED_STARTS = 3;

interface Generation {
  worker: EngineWorker;
  /** Why this worker is gone, once it is. */
  error: EngineError | null;
  /**
   * Rejecters of the calls waiting on this worker, called when it ends. Not a reaction per call
   * on one long-lived promise: those are kept until it settles (a page heap that grew by 19.5 %
   * over 2,000 interactions, issue 13.5).
   */
  waiting: Set<(error: EngineError) => void>;
  isDead: boolean;
}

/**
 * Keeps one engine worker running: when it crashes or stops, a new one starts with the same
 * configuration. Calls made meanwhile wait for it; a call cut off by the crash is sent once more
 * to the new worker (every engine call is safe to repeat: `track` carries its time, and the same
 * event is stored once), so none hangs and none is lost.
 */
export class EngineSupervisor {
  private current: Generation;
  private failedStarts = 0;
  private closed = false;
  /** How many times the worker was replaced. */
  restarts = 0;
  /** The engine's API; every call goes to the worker in service at the time. */
  readonly handle: EngineHandle;

  constructor(
    private readonly config: EngineConfig,
    private readonly onProgress: (progress: EngineProgress) => void,
    private readonly onChange: (change: EngineChange) => void,
    private readonly onRestart: (reason: string, ready: Promise<EngineStatus>) => void,
  ) {
    this.current = this.spawn();
    this.handle = new Proxy({} as EngineHandle, {
      // `then` stays undefined, so the handle is not mistaken for a promise.
      get: (_target, name) =>
        typeof name === 'string' && name !== 'then'
          ? (...args: unknown[]) => this.call(name as Method, args)
          : undefined,
    });
  }

  /** The start-up status of the worker in service, once it has one (waits through restarts). */
  async ready(): Promise<EngineStatus> {
    return (await this.live()).worker.started;
  }

  /** Stops the worker at once, as a crash would, and starts a new one. */
  restart(): Promise<EngineStatus> {
    this.failedStarts = 0;
    this.end(this.current, 'a restart was asked for');
    return this.ready();
  }

  /** Stops the worker for good; calls in flight or made later reject. */
  close(): void {
    this.closed = true;
    this.end(this.current, 'it was closed');
  }

  private async call<M extends Method>(method: M, args: unknown[]): Promise<Result<M>> {
    for (let attempt = 0; ; attempt++) {
      const generation = await this.live();
      const remote = generation.worker.engine[method] as unknown as (
        ...values: unknown[]
      ) => Promise<Result<M>>;
      try {
        return await untilEnd(generation, remote(...args));
      } catch (error) {
        // Only a call cut off by the worker's end is repeated, once (a call that kills every
        // worker it reaches must not restart them forever).
        if (!generation.isDead || attempt > 0) throw error;
      }
    }
  }

  /** The generation in service once started; a start-up cut off by a crash waits for the next. */
  private async live(): Promise<Generation> {
    for (;;) {
      const generation = this.current;
      try {
        await untilEnd(generation, generation.worker.started);
        return generation;
      } catch (error) {
        if (!generation.isDead || this.current === generation) throw error;
      }
    }
  }

  private spawn(): Generation {
    const generation: Generation = {
      worker: startEngine(this.config, this.onProgress, (change) => {
        // A worker being replaced may still speak: only the one in service is heard.
        if (this.current === generation) this.onChange(change);
      }),
      error: null,
      waiting: new Set(),
      isDead: false,
    };
    void generation.worker.gone.then((reason) => {
      this.end(generation, reason);
    });
    generation.worker.started.then(
      () => {
        if (this.current === generation) this.failedStarts = 0;
      },
      (error: unknown) => {
        // Callers get this error through ready() and every call; the console keeps a trace.
        console.warn(`private-recs: the engine did not start: ${errorMessage(error)}`);
      },
    );
    return generation;
  }

  /** Ends a worker (crashed, stopped, or asked to) and, unless closed, starts its successor. */
  private end(generation: Generation, reason: string): void {
    if (generation.isDead) return;
    generation.isDead = true;
    generation.worker.worker.terminate();
    const gaveUp = this.failedStarts >= MAX_FAILED_STARTS;
    const error = new EngineError(
      gaveUp || this.closed
        ? `The recommender stopped (${reason}) and could not be restarted. Reload the page.`
        : `The recommender stopped (${reason}); it is being restarted.`,
    );
    generation.error = error;
    for (const reject of generation.waiting) reject(error);
    generation.waiting.clear();
    if (this.closed || gaveUp || this.current !== generation) return;
    this.failedStarts += 1;
    this.restarts += 1;
    this.current = this.spawn();
    this.onRestart(reason, this.ready());
  }
}

/** `work`, or the worker's end if that comes first (a Comlink call to a dead worker never settles). */
function untilEnd<T>(generation: Generation, work: Promise<T>): Promise<T> {
  if (generation.error) return Promise.reject(generation.error);
  return new Promise<T>((resolve, reject) => {
    generation.waiting.add(reject);
    work.then(resolve, reject).finally(() => generation.waiting.delete(reject));
  });
}
