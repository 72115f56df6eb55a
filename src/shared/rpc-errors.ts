import { transferHandlers, type TransferHandler } from 'comlink';

interface Thrown {
  value: unknown;
}
interface SerializedThrown {
  isError: boolean;
  value: unknown;
}

/**
 * Comlink sends only an error's name, message and stack to the page; this adds its `code`, so
 * the page can branch on the code (PrivateRecsError) rather than on the class, and its plain
 * `details` when it has some.
 */
export function sendErrorCodes(): void {
  const base = transferHandlers.get('throw') as TransferHandler<Thrown, SerializedThrown>;
  const withCode: TransferHandler<Thrown, SerializedThrown> = {
    canHandle: (value): value is Thrown => base.canHandle(value),
    serialize(thrown) {
      const [serialized, transfer] = base.serialize(thrown);
      const { code, details } = (thrown.value ?? {}) as { code?: unknown; details?: unknown };
      if (serialized.isError && typeof code === 'string') {
        serialized.value = { ...(serialized.value as object), code };
      }
      // Plain data that explains the error (an import's counts) travels with it.
      if (serialized.isError && typeof details === 'object' && details !== null) {
        serialized.value = { ...(serialized.value as object), details };
      }
      return [serialized, transfer];
    },
    deserialize: (serialized) => base.deserialize(serialized),
  };
  transferHandlers.set('throw', withCode);
}
