// Grid management (issue 4): drawn grid areas, grids retired after a merge
// when history still points at them, automatic-partition proposals kept until
// confirmed, and each retailer's service mode (定点 / 流动).
import { boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, stations, users, type GeoJsonGeometry } from './schema.js';

/** A grid's drawn area (WGS-84 Polygon). Without one, maps draw the hull of its retailers. */
export const gridAreas = pgTable('grid_areas', {
  gridId: integer('grid_id').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  area: jsonb('area').$type<GeoJsonGeometry>().notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.gridId, t.orgId] }),
    foreignKey({ name: 'grid_areas_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }).onDelete('cascade'),
    foreignKey({ name: 'grid_areas_updated_by_fk', columns: [t.orgId, t.updatedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** An emptied grid that other records (visits, plans) still refer to, so it cannot be deleted. */
export const gridRetired = pgTable('grid_retired', {
  gridId: integer('grid_id').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  mergedInto: integer('merged_into'),
  retiredBy: integer('retired_by'),
  retiredAt: timestamp('retired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.gridId, t.orgId] }),
    foreignKey({ name: 'grid_retired_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'grid_retired_merged_into_fk', columns: [t.orgId, t.mergedInto], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'grid_retired_retired_by_fk', columns: [t.orgId, t.retiredBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

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
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    stationId: integer('station_id'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** Fingerprint of the retailer → grid assignment it was computed from; apply refuses if it changed. */
    basis: text('basis').notNull(),
    grids: jsonb('grids').$type<ProposalGrid[]>().notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: integer('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    index('grid_proposals_org').on(t.orgId, t.createdAt),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'grid_proposals_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'grid_proposals_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'grid_proposals_applied_by_fk', columns: [t.orgId, t.appliedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** 定点服务 (fixed) or 流动服务 (mobile), computed from density unless set by hand. */
export const retailerServiceModes = pgTable(
  'retailer_service_modes',
  {
    retailerId: integer('retailer_id').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** fixed | mobile */
    mode: text('mode').notNull(),
    manual: boolean('manual').notNull().default(false),
    /** Mobile-service group number within the org (null for fixed service). */
    groupNo: integer('group_no'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('retailer_service_modes_org').on(t.orgId, t.mode),
    primaryKey({ columns: [t.retailerId, t.orgId] }),
    foreignKey({ name: 'retailer_service_modes_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'retailer_service_modes_updated_by_fk', columns: [t.orgId, t.updatedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Second-level delivery points (委托代送户 / 约时取货点): a retailer that serves remote retailers. */
export const deliveryPoints = pgTable(
  'delivery_points',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    retailerId: integer('retailer_id')
      .notNull(),
    /** entrusted (委托代送户) | pickup (约时取货点) */
    kind: text('kind').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('delivery_points_org').on(t.orgId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'delivery_points_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'delivery_points_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Which remote retailers each delivery point serves, and how far they are from it. */
export const deliveryPointMembers = pgTable(
  'delivery_point_members',
  {
    pointId: integer('point_id')
      .notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    distanceKm: doublePrecision('distance_km').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pointId, t.retailerId, t.orgId] }), index('delivery_point_members_retailer').on(t.retailerId),
    foreignKey({ name: 'delivery_point_members_point_id_fk', columns: [t.orgId, t.pointId], foreignColumns: [deliveryPoints.orgId, deliveryPoints.id] }).onDelete('cascade'),
    foreignKey({ name: 'delivery_point_members_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
  ],
);
