// Form rules and input limits taken from a field's shared zod schema, so a
// form states no limit of its own: the rule runs the very schema the route
// parses, and its message is the code's zh/en text (src/shared/messages.ts).
import type { Rule } from 'antd/es/form';
import { z } from 'zod';
import { isMessageCode, messageText } from '../../shared/messages.js';

type Lang = 'zh' | 'en';

/** The schema under optional/nullable/default wrappers, where the limits live. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 8; i++) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType || !['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) break;
    s = def.innerType;
  }
  return s;
}

/** `maxLength` for an Input or TextArea, `min`/`max` for an InputNumber, as the schema states them. */
export function inputLimits(schema: z.ZodType): { maxLength?: number; min?: number; max?: number } {
  const s = core(schema);
  if (s instanceof z.ZodString) return s.maxLength === null ? {} : { maxLength: s.maxLength };
  if (s instanceof z.ZodNumber) {
    const out: { min?: number; max?: number } = {};
    if (s.minValue !== null && Number.isFinite(s.minValue)) out.min = s.minValue;
    if (s.maxValue !== null && Number.isFinite(s.maxValue)) out.max = s.maxValue;
    return out;
  }
  return {};
}

/**
 * antd rules for one field: required when the schema takes no empty value,
 * then the schema itself. `emptyMessage` replaces the generic "required" text
 * where the form asks for something specific ("pick a product").
 */
export function schemaRules(schema: z.ZodType, lang: Lang, emptyMessage?: string): Rule[] {
  const optional = schema.safeParse(undefined).success;
  const rules: Rule[] = [];
  if (!optional) rules.push({ required: true, whitespace: true, message: emptyMessage ?? messageText('required', lang) });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const res = schema.safeParse(value);
      // Shared schemas name their issues with message codes; any other issue reads as "invalid value".
      const code = res.success ? null : res.error.issues[0]?.message;
      if (code !== null) throw new Error(messageText(code && isMessageCode(code) ? code : 'invalid_value', lang));
    },
  });
  return rules;
}
