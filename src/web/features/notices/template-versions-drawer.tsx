// One template's versions, newest first (the built-in text last): who saved
// each, when and why, the whole text; an editor may load an old one to save
// it again as the newest version.
import { Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { fillMessage } from '../../../shared/plural.js';
import { formatDateTime } from '../../../shared/format.js';
import { noticesApi, type TemplateVersion } from './notices-api.js';

export function TemplateVersionsDrawer(props: { code: string; name: string; current: number; open: boolean; canEdit: boolean; onClose: () => void; onLoad: (v: TemplateVersion) => void }) {
  const { t } = useT();
  const s = t.noticeTemplates;
  const versions = useLoad(() => (props.open ? noticesApi.templateVersions(props.code) : Promise.resolve(null)), [props.code, props.open, props.current]);
  return (
    <Drawer open={props.open} onClose={props.onClose} title={fillMessage(s.versionsTitle, { name: props.name })} width={520} data-testid="template-versions">
      {versions.error ? (
        <ErrorResult error={versions.error} onRetry={versions.reload} />
      ) : (
        <List<TemplateVersion>
          loading={versions.loading}
          dataSource={versions.data?.items ?? []}
          renderItem={(v) => (
            <List.Item
              data-testid={`template-version-${v.version}`}
              actions={props.canEdit && v.version !== props.current ? [<Button key="load" size="small" onClick={() => props.onLoad(v)}>{s.loadVersion}</Button>] : []}
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={v.version === props.current ? 'blue' : 'default'}>{fillMessage(s.version, { n: v.version })}</Tag>
                  {v.version === props.current && <Tag color="green">{s.current}</Tag>}
                  <Typography.Text type="secondary">
                    {v.createdBy && v.createdAt ? fillMessage(s.editedBy, { who: v.createdBy, at: formatDateTime(v.createdAt) }) : s.builtIn}
                  </Typography.Text>
                </Space>
                {v.note && <Typography.Text italic>{v.note}</Typography.Text>}
                <Typography.Text strong>{v.title}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.body}</Typography.Paragraph>
                {v.sms && <div className="zy-sms-bubble">{v.sms}</div>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
