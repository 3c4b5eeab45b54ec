/**
 * React error boundary around the workspace: a render error shows a Chinese message and 重试
 * instead of a blank window, and clears when the document revision changes.
 */
import { Component, type ReactNode } from 'react';

interface State { readonly error: Error | null }

/** Keeps the shell alive when the grid throws: shows a Chinese message and a retry button. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: unknown }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="workspace empty-project" role="alert">
        <p>表格显示出错：{this.state.error.message}</p>
        <p className="muted">您的数据没有丢失。可以撤销上一步操作，或点击“重试”。</p>
        <button onClick={() => this.setState({ error: null })}>重试</button>
      </div>
    );
  }
}
