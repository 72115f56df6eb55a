import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface Message {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

type Notify = (text: string, kind?: Message['kind']) => void;

const SnackbarContext = createContext<Notify>(() => undefined);

/** Announces results and recoverable errors in an aria-live region (never alert()). */
export function SnackbarProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const notify = useCallback<Notify>((text, kind = 'info') => {
    const id = Date.now() + Math.random();
    setMessages((list) => [...list.slice(-2), { id, text, kind }]);
    window.setTimeout(() => {
      setMessages((list) => list.filter((message) => message.id !== id));
    }, 6000);
  }, []);
  const value = useMemo(() => notify, [notify]);
  return (
    <SnackbarContext.Provider value={value}>
      {children}
      <div className="snackbar" aria-live="polite" data-testid="app.snackbar">
        {messages.map((message) => (
          <p key={message.id} className={`snackbar-message ${message.kind}`}>
            {message.text}
          </p>
        ))}
      </div>
    </SnackbarContext.Provider>
  );
}

/** The function that shows a snackbar message. */
export function useSnackbar(): Notify {
  return useContext(SnackbarContext);
}
