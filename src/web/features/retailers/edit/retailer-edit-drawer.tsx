// Edit a retailer's file. Checked with the shared zod schema before sending;
// sends only the changed fields with the version; server errors land on the
// fields; a version conflict asks the user to reload.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BIRTHDAY_CALENDARS,
  BUSINESS_FORMATS,
  DISTRICT_TYPES,
  NETWORKS,
  RETAILER_STATUSES,
  SETTLEMENT_METHODS,
  SPECIAL_GROUPS,
  STORE_IMAGES,
  labelOf,
  type CodeList,
} from '../../../../shared/codes.js';
import { messageText } from '../../../../shared/messages.js';
import type { Grid } from '../../../../shared/org.js';
import { retailerFieldsSchema, type RetailerCard } from '../../../../shared/retailer.js';
import { ApiError } from '../../../api/client.js';
import { updateRetailer } from '../../../api/endpoints.js';
import { useT } from '../../../i18n/i18n.js';
import { buildPatch, fieldNameOf, formValuesOf, lockedFields, type FieldError, type FormValues } from './edit-patch.js';
import { inputLimits } from '../../../components/schema-rules.js';
import { useSession } from '../../../shell/session.js';
import { FormDrawer } from '../../../shell/form-drawer.js';

type Props = {
  card: RetailerCard;
  grids: Grid[];
  onClose: () => void;
  onSaved: (card: RetailerCard) => void;
  onReload: () => void;
};

const half = { xs: 24, sm: 12 };

export function RetailerEditDrawer({ card, grids, onClose, onSaved, onReload }: Props) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const initial = useMemo(() => formValuesOf(card), [card]);
  const locked = useMemo(() => lockedFields(card), [card]);

  const codeOptions = (list: CodeList, codes: readonly (string | number)[]) => codes.map((c) => ({ value: c, label: labelOf(list, c, lang) }));
  const gridOptions = useMemo(() => {
    const opts = grids.map((g) => ({ value: g.id, label: `${g.name}${t.punct.paren(g.code)}` }));
    return opts.some((o) => o.value === card.gridId) ? opts : [{ value: card.gridId, label: card.gridName }, ...opts];
  }, [grids, card.gridId, card.gridName]);

  const showErrors = (errors: FieldError[], text: (code: string) => string) => {
    const known = new Set(Object.keys(initial));
    const onForm = errors.filter((e) => known.has(String(e.name[0])));
    form.setFields(onForm.map((e) => ({ name: e.name as never, errors: [text(e.code)] })));
    if (onForm.length) form.scrollToField(onForm[0].name as never, { block: 'center', behavior: 'smooth' });
  };

  const save = async () => {
    setFormError(null);
    const result = buildPatch(card, form.getFieldsValue(true) as FormValues);
    if (!result.ok) {
      showErrors(result.errors, (code) => messageText(code, lang));
      setFormError(t.edit.invalid);
      message.error(t.edit.invalid);
      return;
    }
    if (!result.changed.length) {
      message.info(messageText('nothing_changed', lang));
      return;
    }
    setSaving(true);
    try {
      const saved = await updateRetailer(card.id, result.patch);
      message.success(t.edit.saved);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') setConflict(true);
      else if (e instanceof ApiError) {
        const byField = new Map(e.details.map((d) => [d.field, lang === 'en' ? d.messageEn : d.message]));
        showErrors(
          e.details.map((d) => ({ name: fieldNameOf(d.field), code: d.field })),
          (field) => byField.get(field) ?? '',
        );
        const text = e.status === 0 ? t.common.networkError : e.text(lang);
        setFormError(text);
        message.error(text);
      } else setFormError(t.common.unknownError);
    } finally {
      setSaving(false);
    }
  };

  // Who the shop is and whose grid it is in need more than editing the file (decision 1402); the server refuses it too.
  const { can } = useSession();
  const mayIdentity = can('retailer.identity');
  const mayRegrid = can('retailer.regrid');
  const lockedHelp = (field: Parameters<typeof locked.has>[0]) => (locked.has(field) ? t.edit.maskedDisabled : undefined);

  return (
    <FormDrawer
      title={`${t.edit.title} · ${card.shopName}`}
      width={720}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" loading={saving} onClick={save} disabled={conflict} data-testid="save-retailer">
            {t.edit.save}
          </Button>
        </>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t.edit.conflictTitle}
          description={t.edit.conflictBody}
          action={<Button onClick={onReload}>{t.common.reload}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="edit-conflict"
        />
      )}
      {formError && !conflict && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="edit-error" />}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false} onFinish={save} data-testid="edit-form">
        <Divider titlePlacement="start">{t.edit.groupBasic}</Divider>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="shopName" label={t.fields.shopName}>
              <Input {...inputLimits(retailerFieldsSchema.shape.shopName)} data-testid="edit-shopName" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="customerCode" label={t.fields.customerCode} help={mayIdentity ? undefined : t.edit.identityByMarketing}>
              <Input inputMode="numeric" maxLength={16} disabled={!mayIdentity} data-testid="edit-customerCode" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="licenceNo" label={t.fields.licenceNo} help={mayIdentity ? undefined : t.edit.identityByMarketing}>
              <Input inputMode="numeric" maxLength={12} disabled={!mayIdentity} data-testid="edit-licenceNo" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t.fields.phone} help={lockedHelp('phone')}>
              <Input inputMode="tel" disabled={locked.has('phone')} data-testid="edit-phone" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t.fields.address}>
              <Input {...inputLimits(retailerFieldsSchema.shape.address)} data-testid="edit-address" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="legalPerson" label={t.fields.legalPerson}>
              <Input {...inputLimits(retailerFieldsSchema.shape.legalPerson)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="legalPersonIdNo" label={t.fields.legalPersonIdNo} help={lockedHelp('legalPersonIdNo')}>
              <Input maxLength={18} disabled={locked.has('legalPersonIdNo')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t.fields.status}>
              <Select options={codeOptions('status', RETAILER_STATUSES)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="gridId" label={t.fields.gridId} help={mayRegrid ? undefined : t.edit.gridByStation}>
              <Select options={gridOptions} showSearch={{ optionFilterProp: 'label' }} disabled={!mayRegrid} data-testid="edit-grid" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t.edit.groupBusiness}</Divider>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="businessFormat" label={t.fields.businessFormat}>
              <Select options={codeOptions('businessFormat', BUSINESS_FORMATS)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="districtType" label={t.fields.districtType}>
              <Select options={codeOptions('districtType', DISTRICT_TYPES)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="network" label={t.fields.network}>
              <Radio.Group options={codeOptions('network', NETWORKS)} optionType="button" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="orderWeekday" label={t.fields.orderWeekday}>
              <Select options={codeOptions('weekday', [1, 2, 3, 4, 5, 6, 7]).map((o) => ({ ...o, value: Number(o.value) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="eSettlement" label={t.fields.eSettlement} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="settlementMethod" label={t.fields.settlementMethod}>
              <Select options={codeOptions('settlementMethod', SETTLEMENT_METHODS)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="storeImage" label={t.fields.storeImage}>
              <Select options={codeOptions('storeImage', STORE_IMAGES)} data-testid="edit-storeImage" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="storeAreaM2" label={t.fields.storeAreaM2}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t.edit.groupFamily}</Divider>
        <FamilyMembersField disabled={locked.has('familyMembers')} />
        <Form.Item name="familyNote" label={t.fields.familyNote} help={lockedHelp('familyNote')}>
          <Input.TextArea rows={2} {...inputLimits(retailerFieldsSchema.shape.familyNote)} disabled={locked.has('familyNote')} />
        </Form.Item>
        <Form.Item name="specialGroups" label={t.fields.specialGroups}>
          <Checkbox.Group options={codeOptions('specialGroup', SPECIAL_GROUPS)} />
        </Form.Item>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="birthday" label={t.fields.birthday}>
              <Input placeholder={t.edit.birthdayPlaceholder} maxLength={10} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="birthdayCalendar" label={t.fields.birthdayCalendar}>
              <Radio.Group options={codeOptions('birthdayCalendar', BIRTHDAY_CALENDARS)} optionType="button" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t.edit.groupPosition}</Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lat" label={t.fields.lat}>
              <InputNumber min={-90} max={90} step={0.0001} precision={6} style={{ width: '100%' }} data-testid="edit-lat" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t.fields.lng}>
              <InputNumber min={-180} max={180} step={0.0001} precision={6} style={{ width: '100%' }} data-testid="edit-lng" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}

function FamilyMembersField({ disabled }: { disabled: boolean }) {
  const { t } = useT();
  return (
    <Form.Item label={t.fields.familyMembers} help={disabled ? t.edit.maskedDisabled : undefined}>
      <Form.List name="familyMembers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top" wrap={false}>
                <Col flex="1">
                  <Row gutter={8}>
                    <Col xs={12} sm={5}>
                      <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                        <Input placeholder={t.card.familyName} maxLength={20} disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={4}>
                      <Form.Item name={[f.name, 'relation']} style={{ marginBottom: 8 }}>
                        <Input placeholder={t.card.familyRelation} maxLength={10} disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={7}>
                      <Form.Item name={[f.name, 'phone']} style={{ marginBottom: 8 }}>
                        <Input placeholder={t.card.familyPhone} inputMode="tel" disabled={disabled} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                        <Input placeholder={t.card.familyNote} maxLength={100} disabled={disabled} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Col>
                <Col flex="none">
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={disabled} aria-label={t.edit.remove} />
                </Col>
              </Row>
            ))}
            {fields.length < 10 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '' })} disabled={disabled} block>
                {t.edit.addMember}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
