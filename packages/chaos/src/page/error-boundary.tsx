import { Component, type ReactNode } from 'react';

/** Counts what reaches it: any hit is a failure of the chaos run (a hook threw during rendering). */
export class CountingErrorBoundary extends Component<
  { onError(error: unknown): void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? <p role="alert">error boundary hit</p> : this.props.children;
  }
}
