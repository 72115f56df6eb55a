import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  message: string | null;
}

/** Shows a plain message instead of a blank page when a view crashes; the data is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('View crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return <Crash message={this.state.message} />;
  }
}

function Crash({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="panel error" data-testid="app.crash">
      <h2>{t('app.crashTitle')}</h2>
      <p>{t('app.crashHint')}</p>
      {/* What broke, in the program's words, is for the site's operator. */}
      <details className="diagnostics" data-testid="app.crash-detail">
        <summary>{t('app.diagnostics', { count: 1 })}</summary>
        <code className="detail">{message}</code>
      </details>
    </div>
  );
}
