// The retailer's phone: the open satisfaction round their shop was drawn into, answered in the app.
import { useCallback, useEffect, useState } from 'react';
import { App, Card, Empty, Result, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError, type Wire } from '../../api/client.js';
import type { mySurveysSchema } from '../../../shared/surveys.js';
import { AnswerForm } from './answer-form.js';
import { surveysApi } from './surveys-api.js';

type Item = Wire<typeof mySurveysSchema>['items'][number];

export function MySurveysPage() {
  const { t, lang } = useT();
  const s = t.surveys;
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[] | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await surveysApi.mine()).items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  }, [lang, message]);
  useEffect(() => void load(), [load]);
  const open = items?.filter((i) => i.answeredAt === null) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {s.myTitle}
      </Typography.Title>
      {items === null ? null : open.length === 0 ? (
        items.length > 0 ? <Result status="success" title={s.myDone} /> : <Empty description={s.myNone} />
      ) : (
        open.map((i) => (
          <Card key={i.roundId} size="small" title={i.name} data-testid={`my-survey-${i.roundId}`}>
            <AnswerForm
              def={i.definition}
              onSubmit={async (answers) => {
                await surveysApi.answerMine(i.roundId, answers);
                message.success(s.thanks);
                await load();
              }}
            />
          </Card>
        ))
      )}
    </Space>
  );
}
