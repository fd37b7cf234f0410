// Filter controls of the retailer list; every change goes to the URL.
import { InputNumber, Select, Space } from 'antd';
import {
  BUSINESS_FORMATS,
  DISTRICT_TYPES,
  NETWORKS,
  RETAILER_STATUSES,
  labelOf,
  starLabel,
  type CodeList,
} from '../../../../shared/codes.js';
import type { Grid, Station } from '../../../../shared/org.js';
import { useT } from '../../../i18n/i18n.js';
import type { ListParams } from './list-params.js';

type Props = {
  params: ListParams;
  stations: Station[];
  grids: Grid[];
  onChange: (change: Partial<ListParams>) => void;
  stacked?: boolean;
};

const STARS = [0, 1, 2, 3, 4, 5, 6];

export function ListFilters({ params, stations, grids, onChange, stacked }: Props) {
  const { t, lang } = useT();
  const width = stacked ? '100%' : undefined;
  const codeOptions = (list: CodeList, codes: readonly string[]) => codes.map((c) => ({ value: c, label: labelOf(list, c, lang) }));
  const visibleGrids = params.stationId.length ? grids.filter((g) => params.stationId.includes(g.stationId)) : grids;
  const multi = (testId: string, placeholder: string, minWidth: number) => ({
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    placeholder,
    style: { width, minWidth: stacked ? undefined : minWidth },
    'data-testid': testId,
    optionFilterProp: 'label',
  });

  const controls = [
    stations.length > 1 && (
      <Select
        key="station"
        {...multi('filter-station', t.list.station, 150)}
        value={params.stationId}
        options={stations.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v: number[]) =>
          onChange({ stationId: v, gridId: params.gridId.filter((g) => !v.length || v.includes(grids.find((x) => x.id === g)?.stationId ?? -1)) })
        }
      />
    ),
    grids.length > 1 && (
      <Select
        key="grid"
        {...multi('filter-grid', t.list.grid, 150)}
        value={params.gridId}
        options={visibleGrids.map((g) => ({ value: g.id, label: g.name }))}
        onChange={(v: number[]) => onChange({ gridId: v })}
      />
    ),
    <Select
      key="network"
      {...multi('filter-network', t.list.network, 120)}
      value={params.network}
      options={codeOptions('network', NETWORKS)}
      onChange={(v: string[]) => onChange({ network: v })}
    />,
    <Select
      key="format"
      {...multi('filter-format', t.list.businessFormat, 130)}
      value={params.businessFormat}
      options={codeOptions('businessFormat', BUSINESS_FORMATS)}
      onChange={(v: string[]) => onChange({ businessFormat: v })}
    />,
    <Select
      key="district"
      {...multi('filter-district', t.list.districtType, 140)}
      value={params.districtType}
      options={codeOptions('districtType', DISTRICT_TYPES)}
      onChange={(v: string[]) => onChange({ districtType: v })}
    />,
    <Select
      key="star"
      {...multi('filter-star', t.list.star, 120)}
      value={params.star}
      options={STARS.map((s) => ({ value: s, label: starLabel(s, lang) }))}
      onChange={(v: number[]) => onChange({ star: v })}
    />,
    <Space.Compact key="tier" style={{ width }}>
      <InputNumber
        min={1}
        max={30}
        precision={0}
        placeholder={`${t.list.tier} ${t.list.tierFrom}`}
        value={params.tierMin ?? null}
        onChange={(v) => onChange({ tierMin: v ?? undefined })}
        style={{ width: stacked ? '50%' : 104 }}
        data-testid="filter-tier-min"
      />
      <InputNumber
        min={1}
        max={30}
        precision={0}
        placeholder={t.list.tierTo}
        value={params.tierMax ?? null}
        onChange={(v) => onChange({ tierMax: v ?? undefined })}
        style={{ width: stacked ? '50%' : 90 }}
        data-testid="filter-tier-max"
      />
    </Space.Compact>,
    <Select
      key="esettle"
      allowClear
      placeholder={t.list.eSettlement}
      style={{ width, minWidth: stacked ? undefined : 120 }}
      value={params.eSettlement}
      options={[
        { value: 'true', label: t.list.eSettlementOn },
        { value: 'false', label: t.list.eSettlementOff },
      ]}
      onChange={(v: 'true' | 'false' | undefined) => onChange({ eSettlement: v })}
      data-testid="filter-esettlement"
    />,
    <Select
      key="status"
      {...multi('filter-status', t.list.status, 110)}
      value={params.status}
      options={codeOptions('status', RETAILER_STATUSES)}
      onChange={(v: string[]) => onChange({ status: v })}
    />,
  ].filter(Boolean);

  return stacked ? (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {controls}
    </Space>
  ) : (
    <Space wrap size={8}>
      {controls}
    </Space>
  );
}
