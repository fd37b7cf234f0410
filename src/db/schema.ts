// The database schema: the single source of truth. Every tenant table carries
// org_id from the first migration so that several branches can share one
// database and the schema can later be distributed by org.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', [
  'admin',
  'county_manager',
  'station_head',
  'grid_worker',
  'call_agent',
  'retailer',
  'regional_marketing',
  'regional_liaison',
  'regional_auditor',
]);

export const retailerStatusEnum = pgEnum('retailer_status', ['active', 'suspended', 'cancelled']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const orgs = pgTable('orgs', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  adcode: text('adcode').notNull(),
  /** County boundary as a GeoJSON geometry (WGS-84), used to validate coordinates. */
  boundary: jsonb('boundary').$type<GeoJsonGeometry>().notNull(),
  centerLat: doublePrecision('center_lat').notNull(),
  centerLng: doublePrecision('center_lng').notNull(),
  createdAt: createdAt(),
});

export const stations = pgTable(
  'stations',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_org_code').on(t.orgId, t.code),
    primaryKey({ columns: [t.id, t.orgId] }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    /** Station of a station head (and home station of a grid worker). */
    stationId: integer('station_id'),
    /** The retailer a retailer-role user is. */
    retailerId: integer('retailer_id'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    /** Set when someone else chose the password (an ordering login opened at onboarding): the web asks for a new one first (decision 0860). */
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username').on(t.username),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'users_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sessions_user').on(t.userId)]);

export const grids = pgTable(
  'grids',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    stationId: integer('station_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The responsible worker (一网一员); a worker may hold several grids. */
    workerId: integer('worker_id'),
    /** 一格一策: the grid's own policy text and targets. */
    policy: text('policy').notNull().default(''),
    targets: jsonb('targets').$type<Record<string, number>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('grids_org_code').on(t.orgId, t.code),
    index('grids_station').on(t.stationId),
    index('grids_worker').on(t.workerId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'grids_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'grids_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

export type FamilyMember = { name: string; relation: string; phone?: string; note?: string };
export type GeoJsonGeometry = { type: string; coordinates: unknown };

export const retailers = pgTable(
  'retailers',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    customerCode: text('customer_code').notNull(),
    licenceNo: text('licence_no').notNull(),
    shopName: text('shop_name').notNull(),
    /** Pinyin initials of the shop name, lower case (便利店 → bld). */
    shopNameInitials: text('shop_name_initials').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    legalPerson: text('legal_person').notNull(),
    legalPersonIdNo: text('legal_person_id_no'),
    /** 业态: Z B S N Y F Q */
    businessFormat: text('business_format').notNull(),
    /** 商圈类型 */
    districtType: text('district_type').notNull(),
    /** urban = 城网, rural = 农网 */
    network: text('network').notNull(),
    gridId: integer('grid_id').notNull(),
    eSettlement: boolean('e_settlement').notNull().default(false),
    /** bank_deduction | pos | cash */
    settlementMethod: text('settlement_method').notNull().default('cash'),
    /** ISO weekday 1 (Mon) … 7 (Sun) */
    orderWeekday: smallint('order_weekday').notNull(),
    familyMembers: jsonb('family_members').$type<FamilyMember[]>().notNull().default([]),
    familyNote: text('family_note').notNull().default(''),
    /** wubao (五保户) | disabled (残疾人) | martyr (烈士家庭) */
    specialGroups: text('special_groups').array().notNull().default(sql`'{}'::text[]`),
    /** YYYY-MM-DD in the calendar given by birthdayCalendar */
    birthday: text('birthday'),
    birthdayCalendar: text('birthday_calendar').notNull().default('solar'),
    /** Store image grade A/B/C/D */
    storeImage: text('store_image').notNull().default('C'),
    storeAreaM2: integer('store_area_m2'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** 0 = unrated, 1..5 stars, 6 = 超五星. Computed by the rating batch. */
    star: smallint('star').notNull().default(0),
    /** 档位 1..30 (30 highest). */
    tier: smallint('tier').notNull().default(1),
    /** Class code such as CZ1. */
    classCode: text('class_code').notNull().default(''),
    status: retailerStatusEnum('status').notNull().default('active'),
    licenceValidUntil: date('licence_valid_until'),
    openedOn: date('opened_on'),
    /** n-gram tokens of the searchable fields, for the GIN search index. */
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('retailers_org_code').on(t.orgId, t.customerCode),
    uniqueIndex('retailers_org_licence').on(t.orgId, t.licenceNo),
    index('retailers_grid').on(t.gridId),
    index('retailers_org_name').on(t.orgId, t.shopName),
    index('retailers_search').using('gin', t.searchTokens),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'retailers_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
  ],
);

export const retailerChanges = pgTable(
  'retailer_changes',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    userId: integer('user_id'),
    /** edit | import | grid_move | status */
    source: text('source').notNull(),
    changes: jsonb('changes').$type<{ field: string; old: unknown; new: unknown }[]>().notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('retailer_changes_retailer').on(t.retailerId, t.at),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'retailer_changes_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'retailer_changes_user_id_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * The cigarette catalogue (卷烟规格) shared by every county: a reference table,
 * replicated whole on a distributed engine (decision 1930). What a spec *is*
 * lives here; what a county does with it (its wholesale price, scarce, new,
 * active) is its `products` row.
 */
export const productCatalog = pgTable(
  'product_catalog',
  {
    code: text('code').primaryKey(),
    brand: text('brand').notNull(),
    name: text('name').notNull(),
    /** 1 = 一类 (highest price) … 5 = 五类 */
    priceClass: smallint('price_class').notNull(),
    /** 指导零售价 per carton. */
    retailPrice: numeric('retail_price', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    provinceMade: boolean('province_made').notNull().default(false),
    createdAt: createdAt(),
  },
  // The target of products_catalog_fk: a county's copies of these columns must be the catalogue's.
  (t) => [uniqueIndex('product_catalog_copies').on(t.code, t.brand, t.name, t.priceClass, t.retailPrice, t.provinceMade)],
);

/**
 * A county's listing of a catalogue product (decision 1930). brand, name,
 * price_class, retail_price and province_made are copies of the catalogue's,
 * kept for the many statements that read them from here: products_catalog_fk
 * refuses a copy that differs and carries a catalogue change to every county
 * (ON UPDATE CASCADE). Write listings through listCatalogProducts
 * (src/db/product-catalog.ts), never these columns.
 */
export const products = pgTable(
  'products',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    code: text('code').notNull(),
    brand: text('brand').notNull(),
    name: text('name').notNull(),
    /** 1 = 一类 (highest price) … 5 = 五类 */
    priceClass: smallint('price_class').notNull(),
    /** The county's price as sold to shops. */
    wholesalePrice: numeric('wholesale_price', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    retailPrice: numeric('retail_price', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    provinceMade: boolean('province_made').notNull().default(false),
    scarce: boolean('scarce').notNull().default(false),
    isNew: boolean('is_new').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('products_org_code').on(t.orgId, t.code),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({
      name: 'products_catalog_fk',
      columns: [t.code, t.brand, t.name, t.priceClass, t.retailPrice, t.provinceMade],
      foreignColumns: [productCatalog.code, productCatalog.brand, productCatalog.name, productCatalog.priceClass, productCatalog.retailPrice, productCatalog.provinceMade],
    }).onUpdate('cascade'),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    orderDate: date('order_date').notNull(),
    /** phone | self | visit */
    channel: text('channel').notNull(),
    /** confirmed | cancelled */
    status: text('status').notNull().default('confirmed'),
    totalQty: integer('total_qty').notNull(),
    totalAmount: numeric('total_amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    // Order facts for the monthly rating batch, kept equal to the sums of the order's lines by
    // every writer (src/db/order-facts.ts), with the product's price class as it was when ordered:
    // the batch reads these instead of 28 million lines (decision 0501).
    /** Cartons of class-1 (一类) cigarettes. */
    class1Qty: integer('class1_qty').notNull().default(0),
    class1Amount: numeric('class1_amount', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    /** Cartons of class-2-and-above (二类及以上: price classes 1 and 2). */
    class12Qty: integer('class12_qty').notNull().default(0),
    /** Lines with something ordered. */
    lineCount: integer('line_count').notNull().default(0),
    /** Gross margin Σ (retail price − unit price) × ordered of the lines whose product has a retail price, the price as
     * when ordered; null when none has one. The nightly 贡献度 reads it instead of the lines (decision 1743). */
    marginAmount: numeric('margin_amount', { precision: 14, scale: 2, mode: 'number' }),
    /** bank_deduction | pos | cash */
    settlementMethod: text('settlement_method').notNull(),
    /** pending | deducted | failed */
    settlementStatus: text('settlement_status').notNull().default('pending'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('orders_retailer_date').on(t.retailerId, t.orderDate),
    index('orders_org_date').on(t.orgId, t.orderDate),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'orders_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'orders_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull(),
    orderId: bigint('order_id', { mode: 'number' }).notNull(),
    productId: integer('product_id').notNull(),
    /** 需求量: what the retailer asked for (kept even above the limit). */
    demandQty: integer('demand_qty').notNull(),
    /** 可用量: the limit available when ordering. */
    availableQty: integer('available_qty').notNull(),
    /** 订购量: what was ordered. */
    orderedQty: integer('ordered_qty').notNull(),
    unitPrice: numeric('unit_price', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    index('order_lines_order').on(t.orderId), index('order_lines_product').on(t.productId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'order_lines_order_id_fk', columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    foreignKey({ name: 'order_lines_product_id_fk', columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  ],
);

export const villages = pgTable(
  'villages',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    /** town | village */
    kind: text('kind').notNull(),
    township: text('township').notNull(),
    population: integer('population').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
  },
  (t) => [
    index('villages_org').on(t.orgId),
    primaryKey({ columns: [t.id, t.orgId] }),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull(),
    userId: integer('user_id'),
    /** login | logout | view_pii | update | import | export | create */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityIds: integer('entity_ids').array().notNull().default(sql`'{}'::int[]`),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_org_at').on(t.orgId, t.at),
    primaryKey({ columns: [t.id, t.orgId] }),
  ],
);

export type Retailer = typeof retailers.$inferSelect;
export type NewRetailer = typeof retailers.$inferInsert;
export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
