// From the edit form to the PATCH body: only the fields that changed, checked
// with the same zod schema the server uses, plus the version edited.
import { retailerFieldsSchema, type RetailerCard, type RetailerFields, type RetailerUpdate } from '../../../../shared/retailer.js';
import { isMessageCode } from '../../../../shared/messages.js';

export type FormValues = {
  customerCode: string;
  licenceNo: string;
  shopName: string;
  address: string;
  phone: string;
  legalPerson: string;
  legalPersonIdNo: string;
  businessFormat: string;
  districtType: string;
  network: string;
  gridId: number;
  eSettlement: boolean;
  settlementMethod: string;
  orderWeekday: number;
  familyMembers: { name?: string; relation?: string; phone?: string; note?: string }[];
  familyNote: string;
  specialGroups: string[];
  birthday: string;
  birthdayCalendar: string;
  storeImage: string;
  storeAreaM2: number | null;
  lat: number | null;
  lng: number | null;
  status: string;
};

export type FieldName = keyof RetailerFields;
export type FieldError = { name: (string | number)[]; code: string };

export const EDITABLE_FIELDS = Object.keys(retailerFieldsSchema.shape) as FieldName[];

export function formValuesOf(card: RetailerCard): FormValues {
  return {
    customerCode: card.customerCode,
    licenceNo: card.licenceNo,
    shopName: card.shopName,
    address: card.address,
    phone: card.phone,
    legalPerson: card.legalPerson,
    legalPersonIdNo: card.legalPersonIdNo ?? '',
    businessFormat: card.businessFormat,
    districtType: card.districtType,
    network: card.network,
    gridId: card.gridId,
    eSettlement: card.eSettlement,
    settlementMethod: card.settlementMethod,
    orderWeekday: card.orderWeekday,
    familyMembers: card.familyMembers.map((m) => ({ ...m })),
    familyNote: card.familyNote,
    specialGroups: [...card.specialGroups],
    birthday: card.birthday ?? '',
    birthdayCalendar: card.birthdayCalendar,
    storeImage: card.storeImage,
    storeAreaM2: card.storeAreaM2,
    lat: card.lat,
    lng: card.lng,
    status: card.status,
  };
}

/** Fields shown masked to this viewer cannot be edited: their value is not known here. */
export function lockedFields(card: Pick<RetailerCard, 'masked'>): Set<FieldName> {
  const out = new Set<FieldName>();
  if (card.masked.phone) out.add('phone');
  if (card.masked.family) {
    out.add('familyMembers');
    out.add('familyNote');
  }
  if (card.masked.idNumber) out.add('legalPersonIdNo');
  return out;
}

const trim = (s: string | undefined | null) => (s ?? '').trim();

/** Values as they would be stored, so "unchanged" compares like with like. */
function normalize(v: FormValues): Record<FieldName, unknown> {
  return {
    ...v,
    customerCode: trim(v.customerCode),
    licenceNo: trim(v.licenceNo),
    shopName: trim(v.shopName),
    address: trim(v.address),
    phone: trim(v.phone),
    legalPerson: trim(v.legalPerson),
    legalPersonIdNo: trim(v.legalPersonIdNo) ? trim(v.legalPersonIdNo).toUpperCase() : null,
    familyMembers: (v.familyMembers ?? []).map((m) => ({
      name: trim(m.name),
      relation: trim(m.relation),
      ...(trim(m.phone) ? { phone: trim(m.phone) } : {}),
      ...(trim(m.note) ? { note: trim(m.note) } : {}),
    })),
    familyNote: v.familyNote ?? '',
    specialGroups: [...(v.specialGroups ?? [])].sort(),
    birthday: trim(v.birthday) || null,
    storeAreaM2: v.storeAreaM2 ?? null,
  };
}

export type PatchResult =
  | { ok: true; patch: RetailerUpdate; changed: FieldName[] }
  | { ok: false; errors: FieldError[]; changed: FieldName[] };

export function buildPatch(card: RetailerCard, values: FormValues): PatchResult {
  const before = normalize(formValuesOf(card));
  const after = normalize(values);
  const locked = lockedFields(card);
  const changed = EDITABLE_FIELDS.filter((f) => !locked.has(f) && JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
  const input = Object.fromEntries(changed.map((f) => [f, after[f]]));
  const mask = Object.fromEntries(changed.map((f) => [f, true])) as Partial<Record<FieldName, true>>;
  const parsed = retailerFieldsSchema.pick(mask).safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      changed,
      errors: parsed.error.issues.map((i) => ({
        name: i.path.length ? (i.path as (string | number)[]) : ['form'],
        code: isMessageCode(i.message) ? i.message : 'invalid_value',
      })),
    };
  }
  return { ok: true, changed, patch: { ...(parsed.data as Partial<RetailerFields>), version: card.version } };
}

/** A server field path like "familyMembers.0.phone" as a form field name. */
export function fieldNameOf(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
