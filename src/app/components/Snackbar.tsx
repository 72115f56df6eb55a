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

interface Message {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

type Notify = (text: string, kind?: Message['kind']) => void;

const SnackbarContext = createContext<Notify>(() => undefined);

/** How long a message stays unless dismissed; shorter while others wait behind it. */
const SHOWN_MS = 6000;
const SHOWN_WHILE_OTHERS_WAIT_MS = 2500;

/**
 * Announces results and recoverable errors in an aria-live region (never alert()): one message
 * at a time, so they never pile up over the content (others wait their turn, and the one shown
 * gives way sooner), dismissible, and scoped to its page (leaving the page clears them all, so
 * "Liked" does not follow the visitor). A message already waiting or shown is not added again.
 */
export function SnackbarProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Message[]>([]);
  const notify = useCallback<Notify>((text, kind = 'info') => {
    setQueue((list) =>
      list.some((m) => m.text === text)
        ? list
        : [...list, { id: Date.now() + Math.random(), text, kind }],
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
