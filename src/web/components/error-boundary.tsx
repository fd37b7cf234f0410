// A screen that throws while rendering shows a message instead of a blank page.
import { Component, type ReactNode } from 'react';
import { Button } from 'antd';
import { PageResult } from './page-result.js';

type Props = { title: string; retry: string; children: ReactNode };

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <PageResult
        status="error"
        title={this.props.title}
        subTitle={this.state.error.message}
        extra={<Button onClick={() => window.location.reload()}>{this.props.retry}</Button>}
      />
    );
  }
}
