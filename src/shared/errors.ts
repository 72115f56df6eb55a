/** Stable error codes the page branches on (names and messages alone cross the worker boundary). */
export const ERROR_CODES = [
  'catalogue-invalid',
  'catalogue-unreachable',
  'catalogue-missing',
  'import-invalid',
  'event-invalid',
  'argument-invalid',
  'storage-quota',
  'storage-unavailable',
  'engine-not-ready',
  'engine-crashed',
  'model-unavailable',
  'model-invalid',
  'cancelled',
  'widget-not-configured',
  'widget-isolated',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes whose message the engine writes for the visitor: what was not done and why, in plain
 * words (an import's bad line, a full storage, a cancelled step). Every other code's message is
 * for the site's operator (it may name an address, a status code or a command), so a page words
 * that failure by its code instead and leaves the message to the console; so does an error
 * without a code, which no one wrote for a visitor.
 */
export const VISITOR_MESSAGES: ReadonlySet<string> = new Set<ErrorCode>([
  'import-invalid',
  'event-invalid',
  'storage-quota',
  'cancelled',
]);

/** Base class of every error the engine reports on purpose: a code plus a plain-language message. */
export class PrivateRecsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PrivateRecsError';
  }
}

/** The catalogue could not be fetched, parsed or validated. */
export class CatalogueError extends PrivateRecsError {
  constructor(
    code: 'catalogue-invalid' | 'catalogue-unreachable' | 'catalogue-missing',
    message: string,
  ) {
    super(code, message);
    this.name = 'CatalogueError';
  }
}

/** An event passed to track() or a line of an import file is not a valid interaction. */
export class InteractionError extends PrivateRecsError {
  constructor(code: 'import-invalid' | 'event-invalid', message: string) {
    super(code, message);
    this.name = 'InteractionError';
  }
}

/** What an import did: lines added, lines rejected, and why (a few, in plain words). */
export interface ImportCounts {
  imported: number;
  rejected: number;
  problems: string[];
  /** The numbers (from 1) of the first rejected lines (none when the file is wrong as a whole). */
  lines: number[];
}

/** A whole import file was refused: nothing was imported; `details` counts what was wrong. */
export class ImportRejectedError extends InteractionError {
  constructor(
    message: string,
    readonly details: ImportCounts,
  ) {
    super('import-invalid', message);
    this.name = 'ImportRejectedError';
  }
}

/** Model files are missing, unreadable, or produce vectors of the wrong shape. */
export class ModelError extends PrivateRecsError {
  constructor(code: 'model-unavailable' | 'model-invalid', message: string) {
    super(code, message);
    this.name = 'ModelError';
  }
}

/** IndexedDB refused a write (quota) or is not available at all (private mode, blocked). */
export class StorageError extends PrivateRecsError {
  constructor(code: 'storage-quota' | 'storage-unavailable', message: string) {
    super(code, message);
    this.name = 'StorageError';
  }
}

/** The engine worker stopped (crashed, or was terminated) and could not be brought back. */
export class EngineError extends PrivateRecsError {
  constructor(message: string) {
    super('engine-crashed', message);
    this.name = 'EngineError';
  }
}

/** The error's code when it carries one (also after crossing the worker boundary). */
export function errorCode(error: unknown): ErrorCode | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string') return code as ErrorCode;
  }
  return undefined;
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
