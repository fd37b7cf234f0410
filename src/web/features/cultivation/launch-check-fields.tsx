// The visit form's section for a launch whose target holds the shop: on the
// shelf yes/no and the consumer-trial feedback, compact for a phone.
import { Form, InputNumber, Radio, Rate, Typography } from 'antd';
import { PRICE_ACCEPTANCE, REBUY_INTENT, type RouteLaunch } from '../../../shared/cultivation.js';
import { useT } from '../../i18n/i18n.js';

/**
 * Form field names under `launch`; the sheet sends them as form.launch with the launch id once the
 * shelf question is answered. Not required: a visit is never held up by a launch the worker could not check.
 */
export function LaunchCheckFields({ launch }: { launch: RouteLaunch }) {
  const { t } = useT();
  const c = t.cultivation;
  return (
    <div className="zy-launch-check" data-testid="launch-check" style={{ border: '1px solid #d6e4ff', borderRadius: 8, padding: '8px 12px', marginBottom: 16, background: '#f5f8ff' }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{c.visitSection(launch.productName)}</Typography.Text>
      <Form.Item name={['launch', 'onShelf']} label={c.onShelfQ} style={{ marginBottom: 8 }}>
        <Radio.Group optionType="button" options={[{ value: true, label: c.yes }, { value: false, label: c.no }]} data-testid="launch-on-shelf" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name={['launch', 'taste']} label={c.taste} style={{ marginBottom: 8 }}>
          <Rate count={5} style={{ fontSize: 18 }} data-testid="launch-taste" />
        </Form.Item>
        <Form.Item name={['launch', 'pack']} label={c.pack} style={{ marginBottom: 8 }}>
          <Rate count={5} style={{ fontSize: 18 }} data-testid="launch-pack" />
        </Form.Item>
      </div>
      <Form.Item name={['launch', 'priceAcceptance']} label={c.priceQ} style={{ marginBottom: 8 }}>
        <Radio.Group optionType="button" size="small" options={PRICE_ACCEPTANCE.map((p) => ({ value: p, label: c.priceLabels[p] }))} data-testid="launch-price" />
      </Form.Item>
      <Form.Item name={['launch', 'rebuyIntent']} label={c.rebuyQ} style={{ marginBottom: 8 }}>
        <Radio.Group optionType="button" size="small" options={REBUY_INTENT.map((p) => ({ value: p, label: c.rebuyLabels[p] }))} data-testid="launch-rebuy" />
      </Form.Item>
      <Form.Item name={['launch', 'samplesGiven']} label={c.samplesGiven} style={{ marginBottom: 4 }}>
        <InputNumber min={0} max={200} inputMode="numeric" style={{ width: 120 }} data-testid="launch-samples" />
      </Form.Item>
    </div>
  );
}
