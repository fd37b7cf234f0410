// What an edit changed, field by field, for the history (who, when, old → new).

export type FieldChange = { field: string; old: unknown; new: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffFields(current: Record<string, unknown>, update: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(update)) {
    if (value === undefined || field === 'version') continue;
    if (!same(current[field], value)) out.push({ field, old: current[field] ?? null, new: value });
  }
  return out;
}

export const SEARCHABLE_FIELDS = ['shopName', 'customerCode', 'licenceNo', 'phone', 'address', 'legalPerson'] as const;

export const PII_FIELDS: Record<string, 'phone' | 'family' | 'idNumber'> = {
  phone: 'phone',
  familyMembers: 'family',
  familyNote: 'family',
  legalPersonIdNo: 'idNumber',
};
