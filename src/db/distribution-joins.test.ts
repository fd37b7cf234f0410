import { describe, expect, it } from 'vitest';
import { findIdOnlyJoins } from './distribution-joins.js';

const tenant = new Set(['retailers', 'grids', 'users', 'orders']);

describe('joins between tenant tables name org_id (decision 1922)', () => {
  it('finds a join on the id alone, with the fix', () => {
    const hits = findIdOnlyJoins('sql`select 1 from retailers r join grids g on g.id = r.grid_id where r.org_id = ${o}`', tenant);
    expect(hits).toEqual([expect.objectContaining({ table: 'grids', alias: 'g', other: 'r', condition: 'g.id = r.grid_id' })]);
  });

  it('passes a join that names org_id, a reference table, a CTE and an alias it cannot tie to one table', () => {
    const ok = [
      'sql`from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id`',
      'sql`from retailer_forwards f join orgs o on o.id = f.to_org_id`',
      'sql`with x as (select id from orders) select 1 from x join retailers r on r.id = x.id`',
      'sql`from ${t} s left join users u on u.id = s.user_id`',
      'sql`from orders o left join users u on /* cross-org: a province user */ u.id = o.created_by`',
    ];
    for (const text of ok) expect(findIdOnlyJoins(text, tenant), text).toEqual([]);
  });

  it('ends the condition at the next clause, so a later org_id does not hide it', () => {
    const hits = findIdOnlyJoins('sql`from orders o left join users u on u.id = o.created_by where o.org_id = 1`', tenant);
    expect(hits.map((h) => h.condition)).toEqual(['u.id = o.created_by']);
  });
});
