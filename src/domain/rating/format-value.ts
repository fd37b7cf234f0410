// How a scored value is shown. Numbers are cut (not rounded) to one decimal so
// a shown value never seems to reach a band it did not reach (25.96% shows 25.9%).
import { say } from './messages.js';
import type { StarItemId, Text } from './types.js';

function cut(x: number, decimals: number): string {
  const f = 10 ** decimals;
  return String(Math.floor(x * f + 1e-9) / f);
}

export function formatItemValue(id: StarItemId, value: number | string | null): Text {
  if (value === null) return say(id === 'eSettlement' ? 'value_missing_eSettlement' : 'value_missing_orders');
  const v = typeof value === 'string' ? value : id === 'dependence' ? cut(value, 0) : cut(value, 1);
  return say(`unit_${id}`, { v });
}
