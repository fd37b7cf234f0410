// Grid management (issue 4): drawn grid areas, grids retired after a merge
// when history still points at them, automatic-partition proposals kept until
// confirmed, and each retailer's service mode (定点 / 流动).
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, stations, users, type GeoJsonGeometry } from './schema.js';

/** A grid's drawn area (WGS-84 Polygon). Without one, maps draw the hull of its retailers. */
export const gridAreas = pgTable('grid_areas', {
  gridId: integer('grid_id')
    .primaryKey()
    .references(() => grids.id, { onDelete: 'cascade' }),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  area: jsonb('area').$type<GeoJsonGeometry>().notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An emptied grid that other records (visits, plans) still refer to, so it cannot be deleted. */
export const gridRetired = pgTable('grid_retired', {
  gridId: integer('grid_id')
    .primaryKey()
    .references(() => grids.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  mergedInto: integer('merged_into').references(() => grids.id),
  retiredBy: integer('retired_by').references(() => users.id),
  retiredAt: timestamp('retired_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ProposalGrid = {
  station: number;
  members: number[];
  workload: number;
  meanRadiusKm: number;
  /** The existing grid it replaces (most members in common), or null for a new grid. */
  gridId: number | null;
  workerId: number | null;
  centre: { lat: number; lng: number };
};

/** An automatic partition, shown beside today's grids and applied only on confirmation. */
export const gridProposals = pgTable(
  'grid_proposals',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    stationId: integer('station_id').references(() => stations.id),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** Fingerprint of the retailer → grid assignment it was computed from; apply refuses if it changed. */
    basis: text('basis').notNull(),
    grids: jsonb('grids').$type<ProposalGrid[]>().notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: integer('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('grid_proposals_org').on(t.orgId, t.createdAt)],
);

/** 定点服务 (fixed) or 流动服务 (mobile), computed from density unless set by hand. */
export const retailerServiceModes = pgTable(
  'retailer_service_modes',
  {
    retailerId: integer('retailer_id')
      .primaryKey()
      .references(() => retailers.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** fixed | mobile */
    mode: text('mode').notNull(),
    manual: boolean('manual').notNull().default(false),
    /** Mobile-service group number within the org (null for fixed service). */
    groupNo: integer('group_no'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retailer_service_modes_org').on(t.orgId, t.mode)],
);

/** Second-level delivery points (委托代送户 / 约时取货点): a retailer that serves remote retailers. */
export const deliveryPoints = pgTable(
  'delivery_points',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    /** entrusted (委托代送户) | pickup (约时取货点) */
    kind: text('kind').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delivery_points_org').on(t.orgId)],
);

/** Which remote retailers each delivery point serves, and how far they are from it. */
export const deliveryPointMembers = pgTable(
  'delivery_point_members',
  {
    pointId: integer('point_id')
      .notNull()
      .references(() => deliveryPoints.id, { onDelete: 'cascade' }),
    retailerId: integer('retailer_id')
      .notNull()
      .references(() => retailers.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    distanceKm: doublePrecision('distance_km').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.retailerId] }), index('delivery_point_members_retailer').on(t.retailerId)],
);
