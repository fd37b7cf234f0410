// Every table that holds a shop's rows is named by the move (decision 1902): a
// feature's new table with a key to retailers, or to a table the move carries,
// fails here until retailer-move-plan.ts says whether it is carried, ended or blocks.
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { loadSchemaTables } from '../../db/schema-tables.js';
import { BLOCKING, CARRIED, ENDED, KEPT, tableName } from './retailer-move-plan.js';

describe('the shop move plan', () => {
  it('names every table that points at the shop or at a row it carries', async () => {
    const named = new Set([...CARRIED, ...ENDED, ...BLOCKING].map((s) => tableName(s.table)).concat(KEPT.map(tableName)));
    const owners = new Set(CARRIED.map((s) => tableName(s.table)).filter((n) => n !== 'users'));
    const unnamed: string[] = [];
    for (const table of await loadSchemaTables()) {
      const c = getTableConfig(table);
      const refs = c.foreignKeys.map((f) => getTableConfig(f.reference().foreignTable).name);
      if (refs.some((r) => owners.has(r)) && !named.has(c.name)) unnamed.push(c.name);
    }
    expect(unnamed).toEqual([]);
  });
});
