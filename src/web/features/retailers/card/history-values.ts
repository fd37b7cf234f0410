// How a history entry's old/new values read: codes as labels, booleans as
// yes/no, grids by name, lists joined.
import { labelOf, type CodeList } from '../../../../shared/codes.js';
import type { Dict } from '../../../i18n/zh.js';
import { textOf } from '../../../i18n/text-of.js';

const codeListOf: Record<string, CodeList> = {
  businessFormat: 'businessFormat',
  districtType: 'districtType',
  network: 'network',
  settlementMethod: 'settlementMethod',
  storeImage: 'storeImage',
  status: 'status',
  birthdayCalendar: 'birthdayCalendar',
  orderWeekday: 'weekday',
  specialGroups: 'specialGroup',
};

export function fieldLabel(field: string, t: Dict): string {
  return textOf(t.fields, field);
}

export function historyValue(field: string, value: unknown, t: Dict, lang: 'zh' | 'en', gridNames: Map<number, string>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t.history.emptyValue;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  const list = codeListOf[field];
  if (field === 'gridId' && typeof value === 'number') return gridNames.get(value) ?? `#${value}`;
  if (field === 'familyMembers' && Array.isArray(value)) {
    const names = value.map((m) => (m && typeof m === 'object' && 'name' in m ? `${String(m.name)}${'relation' in m ? `${t.punct.paren(String(m.relation))}` : ''}` : '?'));
    return `${t.history.members(value.length)}${t.punct.colon}${names.join(t.punct.listSep)}`;
  }
  if (Array.isArray(value)) return value.map((v) => (list ? labelOf(list, String(v), lang) : String(v))).join(t.punct.listSep);
  if (list && (typeof value === 'string' || typeof value === 'number')) return labelOf(list, value, lang);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
