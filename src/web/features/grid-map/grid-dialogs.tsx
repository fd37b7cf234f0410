// Dialogs for grid operations: create/edit, split, merge. Each calls the API
// and reports the server's message on failure; the form stays open then.
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { gridCreateSchema, type GridFeature, type Worker } from '../../../shared/grids.js';
import type { Station } from '../../../shared/org.js';
import { useT } from '../../i18n/i18n.js';
import { createGrid, mergeGrid, splitGrid, updateGrid } from './grid-map-api.js';
import { useReportError } from './use-report-error.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';

export type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; grid: GridFeature }
  | { kind: 'split'; grid: GridFeature; retailerIds: number[] }
  | { kind: 'merge'; grid: GridFeature };

type Props = {
  dialog: Dialog | null;
  grids: GridFeature[];
  stations: Station[];
  workers: Worker[];
  canChangeStation: boolean;
  onClose: () => void;
  onDone: () => void;
};

type FormValues = { name: string; stationId?: number; workerId?: number; policy?: string; visitsPerMonth?: number | null; intoGridId?: number };

export function GridDialogs({ dialog, grids, stations, workers, canChangeStation, onClose, onDone }: Props) {
  const { t, lang } = useT();
  const tm = t.gridMap;
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.resetFields();
    if (dialog?.kind === 'edit') {
      const g = dialog.grid;
      form.setFieldsValue({ name: g.name, stationId: g.stationId, workerId: g.workerId ?? undefined, policy: g.policy, visitsPerMonth: g.targets.visitsPerMonth ?? null });
    } else if (dialog?.kind === 'create') form.setFieldsValue({ stationId: stations[0]?.id, name: '' });
    else if (dialog?.kind === 'split') form.setFieldsValue({ name: tm.splitName(dialog.grid.name), workerId: dialog.grid.workerId ?? undefined });
  }, [dialog]);

  if (!dialog) return null;
  const workerOptions = workers.map((w) => ({ value: w.id, label: `${w.displayName}${t.punct.paren(w.grids)}` }));
  const title =
    dialog.kind === 'create' ? tm.newGrid : dialog.kind === 'edit' ? `${tm.edit}${t.punct.colon}${dialog.grid.name}` : dialog.kind === 'split' ? tm.splitTitle(dialog.grid.name) : tm.mergeTitle(dialog.grid.name);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (dialog.kind === 'create') {
        await createGrid({ stationId: v.stationId!, name: v.name, workerId: v.workerId ?? null, policy: v.policy ?? '' });
        message.success(tm.saved);
      } else if (dialog.kind === 'edit') {
        const targets = { ...dialog.grid.targets };
        if (v.visitsPerMonth == null) delete targets.visitsPerMonth;
        else targets.visitsPerMonth = v.visitsPerMonth;
        await updateGrid(dialog.grid.id, {
          name: v.name,
          workerId: v.workerId ?? null,
          policy: v.policy ?? '',
          targets,
          ...(canChangeStation && v.stationId !== dialog.grid.stationId ? { stationId: v.stationId } : {}),
        });
        message.success(tm.saved);
      } else if (dialog.kind === 'split') {
        const res = await splitGrid(dialog.grid.id, { name: v.name, workerId: v.workerId ?? null, retailerIds: dialog.retailerIds.length ? dialog.retailerIds : undefined });
        message.success(tm.split_done(res.moved));
      } else {
        const res = await mergeGrid(dialog.grid.id, v.intoGridId!);
        message.success(tm.merged(res.moved));
      }
      onDone();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={title} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden data-testid="grid-dialog">
      <Form form={form} layout="vertical">
        {dialog.kind === 'merge' ? (
          <Form.Item name="intoGridId" label={tm.mergeInto} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={grids.filter((g) => g.id !== dialog.grid.id && g.stationId === dialog.grid.stationId).map((g) => ({ value: g.id, label: `${g.name}${t.punct.paren(g.workerName ?? '—')}` }))}
            />
          </Form.Item>
        ) : (
          <>
            {dialog.kind === 'split' && <Typography.Paragraph type="secondary">{tm.splitHint(dialog.retailerIds.length)}</Typography.Paragraph>}
            {(dialog.kind === 'create' || (dialog.kind === 'edit' && canChangeStation)) && (
              <Form.Item name="stationId" label={tm.station} rules={[{ required: true }]}>
                <Select options={stations.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            )}
            <Form.Item name="name" label={dialog.kind === 'split' ? tm.newGridName : tm.name} rules={schemaRules(gridCreateSchema.shape.name, lang)}>
              <Input {...inputLimits(gridCreateSchema.shape.name)} />
            </Form.Item>
            {/* Not required in the form: the server answers 一网一员 with its own message. */}
            <Form.Item name="workerId" label={tm.worker}>
              <Select allowClear showSearch optionFilterProp="label" options={workerOptions} data-testid="worker-select" />
            </Form.Item>
            {dialog.kind !== 'split' && (
              <Form.Item name="policy" label={tm.policy} rules={schemaRules(gridCreateSchema.shape.policy, lang)}>
                <Input.TextArea rows={3} {...inputLimits(gridCreateSchema.shape.policy)} />
              </Form.Item>
            )}
            {dialog.kind === 'edit' && (
              <Form.Item name="visitsPerMonth" label={tm.visitsTarget}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
