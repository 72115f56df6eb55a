/// <reference lib="webworker" />
import { expose } from 'comlink';
import { Engine } from './engine/engine';
import { sendErrorCodes } from './rpc-errors';

sendErrorCodes();
expose(new Engine());
