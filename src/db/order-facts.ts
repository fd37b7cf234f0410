// Order facts: the sums of an order's lines that the monthly rating batch
// (decision 0501) and the nightly measures' gross margin (decision 1743)
// need, kept on the order itself. Every writer of lines keeps
// them equal to the lines: the one-statement submit computes them inline
// (order-submit.ts), everything else that changes lines calls this.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Recomputes totals and facts of the orders matching `where` (a condition on
 * `o`, the orders table) from their lines, with each product's current price
 * class. Set-based: one statement whether it is one order or a province.
 */
export async function refreshOrderFacts(db: Pick<Db, 'execute'>, where: SQL): Promise<void> {
  await db.execute(sql`
    update orders o set total_qty = x.q, total_amount = x.v, class1_qty = x.q1, class1_amount = x.v1, class12_qty = x.q12, line_count = x.n, margin_amount = x.m
    from (
      select o.id, coalesce(sum(l.ordered_qty), 0)::int as q, coalesce(sum(l.amount), 0) as v,
        ${sql.raw(orderFactSums('l.ordered_qty', 'l.amount', 'p.price_class'))},
        ${sql.raw(orderMarginSum('l.ordered_qty', 'l.unit_price', 'p.retail_price'))}
      from orders o left join order_lines l on l.org_id = o.org_id and l.order_id = o.id left join products p on p.org_id = l.org_id and p.id = l.product_id
      where ${where}
      group by o.id
    ) x
    where o.id = x.id`);
}

/** The fact columns (q1, v1, q12, n) as aggregates over lines with the given quantity, amount and price class expressions. */
export function orderFactSums(qty: string, amount: string, priceClass: string): string {
  return `coalesce(sum(${qty}) filter (where ${priceClass} = 1), 0)::int as q1,
        coalesce(sum(${amount}) filter (where ${priceClass} = 1), 0) as v1,
        coalesce(sum(${qty}) filter (where ${priceClass} <= 2), 0)::int as q12,
        count(*) filter (where ${qty} > 0)::int as n`;
}

/** The gross-margin fact (as m): Σ (retail − unit price) × quantity over lines with a retail price and something ordered; null with none. */
export function orderMarginSum(qty: string, unitPrice: string, retailPrice: string): string {
  return `sum((${retailPrice} - ${unitPrice}) * ${qty}) filter (where ${retailPrice} > 0 and ${qty} > 0) as m`;
}

/** Only the margin fact of the orders matching `where` (on `o`), for writers that insert lines in bulk after their orders. */
export async function refreshOrderMargins(db: Pick<Db, 'execute'>, where: SQL): Promise<void> {
  await db.execute(sql`
    update orders o set margin_amount = x.m
    from (
      select o.id, ${sql.raw(orderMarginSum('l.ordered_qty', 'l.unit_price', 'p.retail_price'))}
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
      where ${where}
      group by o.id
    ) x
    where o.id = x.id and x.m is not null`);
}
