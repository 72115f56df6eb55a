import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

/** A button in the message that acts on what it announced (e.g. Undo). */
export interface SnackbarAction {
  label: string;
  run: () => void;
}

interface Message {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action?: SnackbarAction;
}

type Notify = (text: string, kind?: Message['kind'], action?: SnackbarAction) => void;

const SnackbarContext = createContext<Notify>(() => undefined);

/** How long a message stays unless dismissed; shorter while others wait behind it. */
const SHOWN_MS = 6000;
const SHOWN_WHILE_OTHERS_WAIT_MS = 2500;

/**
 * Announces results and recoverable errors in an aria-live region (never alert()): one message
 * at a time, so they never pile up over the content (others wait their turn, and the one shown
 * gives way sooner), dismissible, and scoped to its page (leaving the page clears them all, so
 * "Liked" does not follow the visitor). A message already waiting or shown is not added again.
 * A message may carry one action (Undo), which also closes it; such a message answers the
 * visitor's latest act and replaces older messages with actions.
 */
export function SnackbarProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Message[]>([]);
  const notify = useCallback<Notify>((text, kind = 'info', action) => {
    const message: Message = { id: Date.now() + Math.random(), text, kind };
    if (action) message.action = action;
    // A message with an action answers the visitor's latest act: it replaces the messages with
    // actions about earlier acts (their Undo may no longer apply); others wait their turn.
    setQueue((list) =>
      action
        ? [...list.filter((m) => !m.action), message]
        : list.some((m) => m.text === text)
          ? list
          : [...list, message],
    );
  }, []);
  const message = queue[0] ?? null;
  const waiting = queue.length > 1;
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(
      () => {
        setQueue((list) => list.filter((m) => m.id !== message.id));
      },
      waiting ? SHOWN_WHILE_OTHERS_WAIT_MS : SHOWN_MS,
    );
    return () => {
      window.clearTimeout(timer);
    };
  }, [message, waiting]);
  useEffect(() => {
    const clear = () => {
      setQueue([]);
    };
    window.addEventListener('hashchange', clear);
    return () => {
      window.removeEventListener('hashchange', clear);
    };
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <SnackbarContext.Provider value={value}>
      {children}
      <div className="snackbar" aria-live="polite" data-testid="app.snackbar">
        {message && (
          <p key={message.id} className={`snackbar-message ${message.kind}`}>
            {message.text}
            {message.action && (
              <button
                type="button"
                className="snackbar-action"
                data-testid="app.snackbar-action"
                onClick={() => {
                  message.action?.run();
                  setQueue((list) => list.filter((m) => m.id !== message.id));
                }}
              >
                {message.action.label}
              </button>
            )}
            <button
              type="button"
              className="snackbar-close"
              aria-label={t('app.closeMessage')}
              data-testid="app.snackbar-close"
              onClick={() => {
                setQueue((list) => list.filter((m) => m.id !== message.id));
              }}
            >
              ×
            </button>
          </p>
        )}
      </div>
    </SnackbarContext.Provider>
  );
}

/** The function that shows a snackbar message. */
export function useSnackbar(): Notify {
  return useContext(SnackbarContext);
}
