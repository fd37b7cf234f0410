// One stop in the field: navigate there, check in with GPS (a reason when
// farther than the radius), then the visit form. The visit goes to the
// outbox first and is sent from there, so it is kept without signal.
import { useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Rate, Select, Space, Tag, Typography, message } from 'antd';
import { AimOutlined, CameraOutlined, CarOutlined, DeleteOutlined, FileTextOutlined, PhoneOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { VisitOrder } from './visit-order-page.js';
import type { DayRoute } from '../../../shared/visits.js';
import type { RouteLaunch } from '../../../shared/cultivation.js';
import { LaunchCheckFields } from '../cultivation/launch-check-fields.js';
import { PRICE_TAGS, raisedCaseKinds, VISIT_STORE_IMAGES, visitFormSchema } from '../../../shared/visits.js';
import { buildVisitBody, photoCasesOf, toggleChoice, type PhotoChoice } from './visit-payload.js';
import { messages } from '../../../shared/messages.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';
import { labelOf } from '../../../shared/codes.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { sendCheckIn } from '../visit-progress/visits-api.js';
import { clock, currentPosition, metresBetween, navigationUrl, shrinkPhoto, type Fix } from './field-geo.js';
import type { OutboxItem } from './visit-outbox.js';
import { randomUuid } from '../../api/random-id.js';

type Stop = DayRoute['stops'][number];
type LocalCheckIn = { id: string; fix: Fix; distanceM: number; farReason?: string };

export function newVisitId(): string {
  return randomUuid();
}

type FormValues = {
  displayScore: number;
  priceTags: string;
  newBrands: string[];
  suspectCounterfeit: boolean;
  counterfeitNote: string;
  storeImage: string;
  consumerFeedback: string;
  tobaccoIncomePct?: number | null;
  requests: string;
  problems: string;
  launch?: { onShelf?: boolean; taste?: number; pack?: number; priceAcceptance?: 'low' | 'fair' | 'high'; rebuyIntent?: 'yes' | 'maybe' | 'no'; samplesGiven?: number | null };
};

export function VisitSheet({
  stop,
  radiusM,
  newProducts,
  launch,
  queued,
  onClose,
  onRecorded,
}: {
  stop: Stop;
  radiusM: number;
  newProducts: string[];
  /** A launch whose target holds this shop: its shelf check and feedback are asked for. */
  launch?: RouteLaunch;
  queued: boolean;
  onClose: () => void;
  onRecorded: (item: OutboxItem) => Promise<void>;
}) {
  const { t, lang } = useT();
  const v = t.visits;
  const [form] = Form.useForm<FormValues>();
  const [checkIn, setCheckIn] = useState<LocalCheckIn | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [needReason, setNeedReason] = useState<{ distanceM: number } | null>(null);
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  // Which of the cases this visit raises each photo goes with (decision 1025).
  const [choices, setChoices] = useState<PhotoChoice[]>([]);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [bodyProblem, setBodyProblem] = useState<string | null>(null);
  const requests = Form.useWatch('requests', form);
  const problems = Form.useWatch('problems', form);
  const suspectCounterfeit = Form.useWatch('suspectCounterfeit', form);
  const raised = raisedCaseKinds({ requests, problems, suspectCounterfeit });
  const choosing = raised.length > 1;
  const [saving, setSaving] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const done = stop.visit?.status === 'done' || queued;
  const shop = stop.retailer;

  const doCheckIn = async () => {
    setProblem(null);
    setLocating(true);
    const fix = await currentPosition();
    setLocating(false);
    if (!fix) return setProblem(v.noPosition);
    const distanceM = metresBetween(fix, shop);
    if (distanceM > radiusM && reason.trim().length < 2) return setNeedReason({ distanceM });
    const local: LocalCheckIn = { id: checkIn?.id ?? newVisitId(), fix, distanceM, farReason: distanceM > radiusM ? reason.trim() : undefined };
    try {
      await sendCheckIn({ id: local.id, retailerId: shop.id, ...fix, farReason: local.farReason });
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) message.info(v.offlineCheckIn);
      else if (e instanceof ApiError && e.code === 'check_in_too_far') return setNeedReason({ distanceM: Number(e.body.distanceM ?? distanceM) });
      else return setProblem(e instanceof ApiError ? e.text(lang) : String(e));
    }
    setNeedReason(null);
    setCheckIn(local);
  };

  const submit = async (values: FormValues) => {
    if (!checkIn) return;
    const built = buildVisitBody({
      retailerId: shop.id,
      checkIn: { ...checkIn.fix, farReason: checkIn.farReason },
      values,
      launch:
        launch && values.launch?.onShelf !== undefined
          ? {
              launchId: launch.id,
              onShelf: values.launch.onShelf,
              taste: values.launch.taste || null,
              pack: values.launch.pack || null,
              priceAcceptance: values.launch.priceAcceptance ?? null,
              rebuyIntent: values.launch.rebuyIntent ?? null,
              samplesGiven: values.launch.samplesGiven ?? 0,
            }
          : null,
      photos,
      choices,
    });
    setTriedSubmit(true);
    if (!built.ok) {
      // Unchosen photos are shown under the photos; anything else the server's schema would refuse, above the button.
      setBodyProblem('problem' in built ? (messages[built.problem as keyof typeof messages]?.[lang] ?? built.problem) : null);
      return;
    }
    setBodyProblem(null);
    setSaving(true);
    try {
      await onRecorded({ id: checkIn.id, retailerId: shop.id, shopName: shop.shopName, createdAt: new Date().toISOString(), attempts: 0, body: built.body });
      onClose();
    } finally {
      setSaving(false);
    }
  };
  const unchosen = choosing ? photoCasesOf({ requests, problems, suspectCounterfeit }, choices, photos.length).unchosen : [];

  return (
    <Drawer
      open
      placement="bottom"
      size="92%"
      onClose={onClose}
      title={
        <Space wrap size={4}>
          <span>{stop.seq}. {shop.shopName}</span>
          {shop.keyCustomer && <Tag color="gold">{v.keyCustomer}</Tag>}
        </Space>
      }
      data-testid="visit-sheet"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {shop.address} · {v.plannedAt(clock(stop.plannedStart))} · {t.fields.orderWeekday} {labelOf('weekday', shop.orderWeekday, lang)}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        {shop.phone && (
          // A masked number cannot be dialled: the button shows it but only a full number gets a tel: link.
          <Button icon={<PhoneOutlined />} href={/\*/.test(shop.phone) ? undefined : `tel:${shop.phone.replace(/[^\d+]/g, '')}`} disabled={/\*/.test(shop.phone)} aria-label={`${v.callShop} ${shop.phone}`} data-testid="call-shop">
            {shop.phone}
          </Button>
        )}
        <Button icon={<FileTextOutlined />} href={`/retailers/${shop.id}`} data-testid="open-shop-file">
          {v.openFile}
        </Button>
        <Button icon={<CarOutlined />} href={navigationUrl(shop, shop.shopName)} target="_blank" rel="noreferrer">
          {v.navigate}
        </Button>
        <Button icon={<ShoppingCartOutlined />} onClick={() => setOrdering(true)} data-testid="visit-order-open">
          {t.ordering.visitOrder}
        </Button>
        {!done && !checkIn && (
          <Button type="primary" icon={<AimOutlined />} loading={locating} onClick={doCheckIn} data-testid="check-in">
            {locating ? v.checkingIn : v.checkIn}
          </Button>
        )}
      </Space>
      {done && <Alert type="success" showIcon title={queued ? v.statusQueued : v.statusDone} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {needReason && !checkIn && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Alert type="warning" showIcon title={v.tooFar(needReason.distanceM, radiusM)} />
          <Input.TextArea rows={2} placeholder={v.farReasonPlaceholder} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={v.farReason} data-testid="far-reason" />
        </Space>
      )}
      {checkIn && !done && (
        <>
          <Alert type={checkIn.farReason ? 'warning' : 'success'} showIcon title={v.checkedIn(checkIn.distanceM)} style={{ marginBottom: 12 }} />
          <Form form={form} layout="vertical" onFinish={submit} requiredMark data-testid="visit-form" initialValues={{ newBrands: [], suspectCounterfeit: false }}>
            <Form.Item name="displayScore" label={v.displayScore} rules={[{ required: true, message: v.required }]}>
              <Rate data-testid="display-score" />
            </Form.Item>
            <Form.Item name="priceTags" label={v.priceTags} rules={[{ required: true, message: v.required }]}>
              <Radio.Group optionType="button" options={PRICE_TAGS.map((p) => ({ value: p, label: labelOf('priceTag', p, lang) }))} />
            </Form.Item>
            <Form.Item name="storeImage" label={v.storeImage} rules={[{ required: true, message: v.required }]}>
              <Radio.Group optionType="button" options={VISIT_STORE_IMAGES.map((s) => ({ value: s, label: labelOf('storeImage', s, lang) }))} />
            </Form.Item>
            {launch && <LaunchCheckFields launch={launch} />}
            <Form.Item name="newBrands" label={v.newBrands}>
              <Select mode="tags" placeholder={v.newBrandsPlaceholder} options={newProducts.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
            <Form.Item name="suspectCounterfeit" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{v.suspectCounterfeit}</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.suspectCounterfeit !== b.suspectCounterfeit}>
              {({ getFieldValue }) =>
                getFieldValue('suspectCounterfeit') ? (
                  <Form.Item name="counterfeitNote" label={v.counterfeitNote} rules={schemaRules(visitFormSchema.shape.counterfeitNote, lang)}>
                    <Input.TextArea rows={2} {...inputLimits(visitFormSchema.shape.counterfeitNote)} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
            <Form.Item name="consumerFeedback" label={v.consumerFeedback} rules={schemaRules(visitFormSchema.shape.consumerFeedback, lang)}>
              <Input.TextArea rows={2} {...inputLimits(visitFormSchema.shape.consumerFeedback)} />
            </Form.Item>
            <Form.Item name="tobaccoIncomePct" label={v.tobaccoIncomePct}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} data-testid="tobacco-income-pct" />
            </Form.Item>
            <Form.Item name="requests" label={v.requests} rules={schemaRules(visitFormSchema.shape.requests, lang)}>
              <Input.TextArea rows={2} {...inputLimits(visitFormSchema.shape.requests)} data-testid="requests" />
            </Form.Item>
            <Form.Item name="problems" label={v.problems} rules={schemaRules(visitFormSchema.shape.problems, lang)}>
              <Input.TextArea rows={2} {...inputLimits(visitFormSchema.shape.problems)} />
            </Form.Item>
            <Form.Item
              label={v.photos}
              extra={choosing ? v.photosChooseCases : v.photosGoWithCases}
              validateStatus={triedSubmit && unchosen.length ? 'error' : undefined}
              help={triedSubmit && unchosen.length ? v.photoNeedsCase(unchosen[0]) : undefined}
            >
              <Space wrap align="start">
                {photos.map((p, i) => (
                  <div key={i} className="zy-visit-photo" data-testid="visit-photo">
                    <img src={p} alt={v.photoNumber(i + 1)} />
                    <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={`${v.photoRemove} ${i + 1}`} onClick={() => {
                      setPhotos(photos.filter((_, j) => j !== i));
                      setChoices(choices.filter((_, j) => j !== i));
                    }} />
                    {choosing && (
                      <div className="zy-visit-photo-cases" role="group" aria-label={v.photoNumber(i + 1)}>
                        {raised.map((k) => (
                          <Tag.CheckableTag key={k} checked={(choices[i] ?? []).includes(k)} onChange={() => setChoices(Object.assign([...choices], { [i]: toggleChoice(choices[i], k) }))} data-testid={`photo-${i + 1}-${k}`}>
                            {v.photoCaseKinds[k]}
                          </Tag.CheckableTag>
                        ))}
                        <Tag.CheckableTag checked={choices[i]?.length === 0} onChange={() => setChoices(Object.assign([...choices], { [i]: toggleChoice(choices[i], 'visit') }))} data-testid={`photo-${i + 1}-visit`}>
                          {v.photoVisitOnly}
                        </Tag.CheckableTag>
                      </div>
                    )}
                  </div>
                ))}
                {photos.length < 4 && (
                  <label className="zy-photo-button">
                    <CameraOutlined /> {v.addPhoto}
                    <input
                      type="file"
                      accept="image/*"
                      capture="environment"
                      // Not the `hidden` attribute: antd's form styles show file inputs as blocks, which overrides it.
                      style={{ display: 'none' }}
                      onChange={async (e) => {
                        const file = e.target.files?.[0];
                        if (file) setPhotos([...photos, await shrinkPhoto(file)]);
                        e.target.value = '';
                      }}
                    />
                  </label>
                )}
              </Space>
            </Form.Item>
            {bodyProblem && <Alert type="error" showIcon title={bodyProblem} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" block size="large" loading={saving} data-testid="submit-visit">
              {v.submit}
            </Button>
          </Form>
        </>
      )}
      {ordering && (
        <Drawer open placement="bottom" size="100%" onClose={() => setOrdering(false)} closable={false} styles={{ body: { paddingTop: 8 } }}>
          <VisitOrder retailerId={shop.id} onBack={() => setOrdering(false)} backLabel={t.ordering.backToVisit} />
        </Drawer>
      )}
    </Drawer>
  );
}
