import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <div role="alert" className="panel error" data-testid="app.crash">
        <h2>Something went wrong showing this page</h2>
        <p>{this.state.message}</p>
        <p>Your history and settings are safe. Reload the page to try again.</p>
      </div>
    );
  }
}
