// Search tokens are computed in TypeScript (pinyin initials need a dictionary),
// so a change to the tokenizer leaves the stored tokens of an existing database
// behind. At start-up a sample of retailers is re-tokenised; if any differs,
// every retailer's tokens are rebuilt in batches. Cheap when nothing changed.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerSearchTokens } from '../../domain/retailers/search-tokens.js';

/** The searchable fields as the tokenizer takes them, with what is stored now. */
type Row = Parameters<typeof retailerSearchTokens>[0] & { id: number; tokens: string[]; initials: string };

const columns = sql`id, shop_name as "shopName", customer_code as "customerCode", licence_no as "licenceNo", phone, address,
  legal_person as "legalPerson", search_tokens as tokens, shop_name_initials as initials`;

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

function stale(r: Row): boolean {
  const fresh = retailerSearchTokens(r);
  return fresh.initials !== r.initials || !sameSet(fresh.tokens, r.tokens ?? []);
}

/** Rebuilds every retailer's search tokens when a sample shows them out of date. Returns how many were rebuilt. */
export async function refreshSearchTokens(
  db: Db,
  opts: { force?: boolean; batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  if (!opts.force) {
    const sample = await query<Row>(db, sql`select ${columns} from retailers order by hashint4(id) limit 50`);
    if (!sample.some(stale)) return 0;
  }
  const [{ total }] = await query<{ total: number }>(db, sql`select count(*)::int as total from retailers`);
  const size = opts.batch ?? 2000;
  let done = 0;
  for (let after = 0; ; ) {
    const rows = await query<Row>(db, sql`select ${columns} from retailers where id > ${after} order by id limit ${size}`);
    if (!rows.length) break;
    const payload = rows.map((r) => {
      const t = retailerSearchTokens(r);
      return { id: r.id, t: t.tokens, i: t.initials };
    });
    await db.execute(sql`update retailers r set search_tokens = array(select jsonb_array_elements_text(v.t)), shop_name_initials = v.i
      from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id int, t jsonb, i text) where r.id = v.id`);
    after = rows[rows.length - 1].id;
    done += rows.length;
    opts.onProgress?.(done, total);
  }
  return done;
}
