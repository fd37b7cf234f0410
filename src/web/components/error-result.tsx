// A failed load shown as a page-level result with the server's message.
import { Button } from 'antd';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { PageResult } from './page-result.js';

export function errorText(error: unknown, lang: 'zh' | 'en', fallback: string): string {
  if (error instanceof ApiError) return error.status === 0 ? fallback : error.text(lang);
  return fallback;
}

export function ErrorResult({ error, title, onRetry, extra }: { error: unknown; title?: string; onRetry?: () => void; extra?: React.ReactNode }) {
  const { t, lang } = useT();
  const status = error instanceof ApiError ? error.status : 0;
  const text = status === 0 ? t.common.networkError : errorText(error, lang, t.common.unknownError);
  return (
    <PageResult
      status={status === 404 ? '404' : status === 403 ? '403' : 'warning'}
      title={title ?? text}
      subTitle={title ? text : undefined}
      extra={
        <>
          {extra}
          {onRetry && status !== 404 && status !== 403 && <Button onClick={onRetry}>{t.common.retry}</Button>}
        </>
      }
    />
  );
}
