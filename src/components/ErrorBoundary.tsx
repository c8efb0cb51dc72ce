import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/** Last line of defence: a message and a way back instead of a blank page. Inputs live in the URL, so they survive. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main role="alert" className="mx-auto max-w-xl p-8">
        <h1 className="text-xl font-semibold">Miya knocked something off the shelf.</h1>
        <p className="mt-2">The page hit an error it did not expect: {this.state.error.message}</p>
        <p className="mt-2">Your inputs are still in the address bar. Reloading usually helps.</p>
        <button type="button" className="mt-4 rounded-lg bg-amber-500 px-3 py-2 font-medium" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
