import { PrivateRecsError, type ErrorCode } from '../../shared/errors';
import type { FrameEvent, FrameMethod, FrameRequests, FrameResponse } from './protocol';

/** How long a call to the frame may take before it fails (a frame that reloaded or went away). */
const CALL_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The host's end of the port to one frame document: numbered calls, and the frame's events. */
export class FrameChannel {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly port: MessagePort,
    onEvent: (event: FrameEvent) => void,
  ) {
    port.addEventListener('message', (message: MessageEvent<unknown>) => {
      const data = message.data as Partial<FrameResponse & FrameEvent> | null;
      if (data && 'event' in data) onEvent(data as FrameEvent);
      else if (data && typeof data.id === 'number') this.settle(data as FrameResponse);
    });
    port.start();
  }

  call<M extends FrameMethod>(method: M, ...args: FrameRequests[M]): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new PrivateRecsError('widget-isolated', `The widget frame did not answer ${method}().`),
        );
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.port.postMessage({ id, method, args });
    });
  }

  /** Fails every call in flight (the frame document is gone) and closes the port. */
  close(reason: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new PrivateRecsError('widget-isolated', reason));
      this.pending.delete(id);
    }
    this.port.close();
  }

  private settle(response: FrameResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if (response.ok) pending.resolve(response.value);
    else {
      const { code, message } = response.error;
      pending.reject(new PrivateRecsError(code as ErrorCode, message));
    }
  }
}
