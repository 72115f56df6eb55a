import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi, EngineConfig, EngineProgress } from '../shared/engine-api';

/** Starts the engine worker and returns its typed RPC handle; all ML and storage work runs there. */
export function startEngine(
  config: EngineConfig,
  onProgress: (progress: EngineProgress) => void,
): { engine: Remote<EngineApi>; started: ReturnType<Remote<EngineApi>['init']> } {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'private-recs-engine',
  });
  const engine = wrap<EngineApi>(worker);
  return { engine, started: engine.init(config, proxy(onProgress)) };
}
