/// <reference lib="webworker" />
import { expose } from 'comlink';
import { Engine } from './engine/engine';
import { sendErrorCodes } from '../src/shared/rpc-errors';

sendErrorCodes();
// The build's root seen from this script (assets/engine.worker-*.js, or workers/ in dev). Not
// self.location: a worker started from a blob (the widget on another origin) has a blob: URL.
expose(new Engine(new URL(/* @vite-ignore */ '../', import.meta.url)));
