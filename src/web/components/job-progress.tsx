// Follows a background job (GET /api/jobs/:id once a second) with a progress
// bar, and calls onDone once it has finished, whatever the outcome.
import { useEffect, useRef, useState } from 'react';
import { Alert, Progress, Space, Typography } from 'antd';
import type { JobView } from '../../shared/jobs.js';
import { messageText } from '../../shared/messages.js';
import { jobsApi } from '../api/jobs-api.js';
import { useT } from '../i18n/i18n.js';

const finished = (s: JobView['state']) => s === 'completed' || s === 'failed' || s === 'cancelled';

export function JobProgress({ job, title, onDone, testId }: { job: JobView; title: string; onDone: (job: JobView) => void; testId?: string }) {
  const { t, lang } = useT();
  const [now, setNow] = useState(job);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    setNow(job);
    let stop = false;
    const tick = async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 1000));
        if (stop) return;
        try {
          const j = await jobsApi.get(job.id);
          if (stop) return;
          setNow(j);
          if (finished(j.state)) return done.current(j);
        } catch {
          // A passing network error: try again on the next tick.
        }
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [job.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (now.state === 'failed') return <Alert type="error" showIcon title={title} description={t.jobs.failed(messageText(now.error ?? '', lang))} data-testid={testId} />;
  return (
    <Alert
      type="info"
      data-testid={testId}
      title={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {title} · {t.jobs.state[now.state]}
            {now.state === 'queued' && now.attempts > 0 ? ` · ${t.jobs.retrying(now.attempts, now.maxAttempts)}` : ''}
          </Typography.Text>
          <Progress percent={now.progress} status={finished(now.state) ? undefined : 'active'} />
          <Typography.Text type="secondary">{t.jobs.leaveHint}</Typography.Text>
        </Space>
      }
    />
  );
}
