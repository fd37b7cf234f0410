import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { complianceSchema, freezeSchema } from '../../shared/rating.js';
import { gridCreateSchema } from '../../shared/grids.js';
import { inputLimits, schemaRules } from './schema-rules.js';

const run = async (rules: ReturnType<typeof schemaRules>, value: unknown) => {
  const v = rules.find((r) => typeof r === 'object' && 'validator' in r) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return v.validator({}, value).then(
    () => null,
    (e: Error) => e.message,
  );
};

describe('schema rules', () => {
  it('reads the limits the shared schema states', () => {
    expect(inputLimits(complianceSchema.shape.score)).toEqual({ min: 0, max: 100 });
    expect(inputLimits(complianceSchema.shape.penalties)).toEqual({ min: 0, max: 99 });
    expect(inputLimits(freezeSchema.shape.reason)).toEqual({ maxLength: 500 });
    expect(inputLimits(gridCreateSchema.shape.name)).toEqual({ maxLength: 40 });
  });

  it('checks a value with the same schema the route parses, in the chosen language', async () => {
    const rules = schemaRules(freezeSchema.shape.reason, 'zh');
    expect(rules[0]).toMatchObject({ required: true });
    expect(await run(rules, '灾害冻结')).toBeNull();
    expect(await run(rules, '太短')).toMatch(/[\u4e00-\u9fff]/);
    expect(await run(schemaRules(freezeSchema.shape.reason, 'en'), 'bad\u0000text')).toBe('The text contains characters that cannot be stored');
  });

  it('an optional field is not required', () => {
    expect(schemaRules(z.string().max(3).optional(), 'en')[0]).not.toHaveProperty('required');
  });
});
