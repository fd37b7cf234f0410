// Apply a role's personal-data policy to what a retailer response shows.
import { maskIdNumber, maskName, maskPhone } from './masking.js';
import type { PiiPolicy } from './permissions.js';
import { PII_FIELDS } from '../retailers/diff.js';

type FamilyMember = { name: string; relation: string; phone?: string; note?: string };

export type PiiFields = {
  phone: string;
  familyMembers: FamilyMember[];
  familyNote: string;
  legalPersonIdNo: string | null;
};

export function maskPii<T extends PiiFields>(r: T, policy: PiiPolicy): T {
  return {
    ...r,
    phone: policy.phone ? r.phone : maskPhone(r.phone),
    familyMembers: policy.family
      ? r.familyMembers
      : r.familyMembers.map((m) => ({ name: maskName(m.name), relation: m.relation, ...(m.phone ? { phone: maskPhone(m.phone) } : {}) })),
    familyNote: policy.family || !r.familyNote ? r.familyNote : '******',
    legalPersonIdNo: policy.idNumber || !r.legalPersonIdNo ? r.legalPersonIdNo : maskIdNumber(r.legalPersonIdNo),
  };
}

/** Which personal data the response shows unmasked (for the audit log). */
export function unmaskedFields(r: PiiFields, policy: PiiPolicy): string[] {
  const out: string[] = [];
  if (policy.phone && r.phone) out.push('phone');
  if (policy.family && (r.familyMembers.length || r.familyNote)) out.push('family');
  if (policy.idNumber && r.legalPersonIdNo) out.push('idNumber');
  return out;
}

/** Mask old/new values of personal fields in a change history entry. */
export function maskChange(c: { field: string; old: unknown; new: unknown }, policy: PiiPolicy) {
  const kind = PII_FIELDS[c.field];
  if (!kind || policy[kind]) return c;
  const hide = (v: unknown) =>
    v == null ? v : kind === 'phone' && typeof v === 'string' ? maskPhone(v) : kind === 'idNumber' && typeof v === 'string' ? maskIdNumber(v) : '******';
  return { field: c.field, old: hide(c.old), new: hide(c.new) };
}

/** Personal fields a change history shows unmasked (for the audit log), each once. */
export function unmaskedChangeFields(changes: { field: string; old: unknown; new: unknown }[], policy: PiiPolicy): string[] {
  const out = new Set<string>();
  for (const c of changes) {
    const kind = PII_FIELDS[c.field];
    if (kind && policy[kind] && (c.old != null || c.new != null)) out.add(c.field);
  }
  return [...out];
}
