// Retailer schemas shared by the API, the edit form and the import.
import { z } from 'zod';
import { idParamSchema, textSchema, MAX_ID } from './primitives.js';
import {
  BIRTHDAY_CALENDARS,
  BUSINESS_FORMATS,
  DISTRICT_TYPES,
  NETWORKS,
  RETAILER_STATUSES,
  SETTLEMENT_METHODS,
  SPECIAL_GROUPS,
  STORE_IMAGES,
} from './codes.js';

const requiredText = (max: number) => textSchema.trim().min(1, 'required').max(max, 'text_too_long');

export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const LICENCE_RE = /^\d{12}$/;
export const ID_NUMBER_RE = /^\d{17}[\dX]$/;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const familyMemberSchema = z.object({
  name: requiredText(20),
  relation: requiredText(10),
  phone: z.string().trim().regex(PHONE_RE, 'phone_format').optional().or(z.literal('').transform(() => undefined)),
  note: textSchema.max(100, 'text_too_long').optional(),
});

/** Every editable field of a retailer, as the form and the import give them. */
export const retailerFieldsSchema = z.object({
  customerCode: z.string().trim().regex(/^\d{6,16}$/, 'customer_code_format'),
  licenceNo: z.string().trim().regex(LICENCE_RE, 'licence_format'),
  shopName: requiredText(60),
  address: requiredText(120),
  phone: z.string().trim().regex(PHONE_RE, 'phone_format'),
  legalPerson: requiredText(30),
  legalPersonIdNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ID_NUMBER_RE, 'id_number_format')
    .nullable()
    .optional(),
  businessFormat: z.enum(BUSINESS_FORMATS, 'invalid_value'),
  districtType: z.enum(DISTRICT_TYPES, 'invalid_value'),
  network: z.enum(NETWORKS, 'invalid_value'),
  gridId: z.number().int().positive('unknown_grid').max(MAX_ID, 'unknown_grid'),
  eSettlement: z.boolean(),
  settlementMethod: z.enum(SETTLEMENT_METHODS, 'invalid_value'),
  orderWeekday: z.number().int().min(1, 'weekday_range').max(7, 'weekday_range'),
  familyMembers: z.array(familyMemberSchema).max(10),
  familyNote: textSchema.max(500, 'text_too_long'),
  specialGroups: z.array(z.enum(SPECIAL_GROUPS, 'invalid_value')),
  // Checked against its calendar by the use-cases (isValidBirthday): a lunar birthday (农历) may be 1971-02-30, a solar one may not.
  birthday: z.string().regex(DATE_RE, 'date_format').nullable(),
  birthdayCalendar: z.enum(BIRTHDAY_CALENDARS, 'invalid_value'),
  storeImage: z.enum(STORE_IMAGES, 'invalid_value'),
  storeAreaM2: z.number().int().min(1).max(100000).nullable(),
  lat: z.number().min(-90, 'lat_range').max(90, 'lat_range'),
  lng: z.number().min(-180, 'lng_range').max(180, 'lng_range'),
  status: z.enum(RETAILER_STATUSES, 'invalid_value'),
});
export type RetailerFields = z.infer<typeof retailerFieldsSchema>;

/** An edit sends only the changed fields and the version it was based on. */
export const retailerUpdateSchema = retailerFieldsSchema.partial().extend({
  version: z.number().int().positive(),
});
export type RetailerUpdate = z.infer<typeof retailerUpdateSchema>;

export const RETAILER_SORTS = ['customerCode', 'shopName', 'star', 'tier', 'updatedAt'] as const;

const csvList = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v), z.array(item)).optional();

export const retailerListQuerySchema = z.object({
  q: textSchema.trim().max(60).optional(),
  stationId: csvList(idParamSchema),
  gridId: csvList(idParamSchema),
  network: csvList(z.enum(NETWORKS)),
  businessFormat: csvList(z.enum(BUSINESS_FORMATS)),
  districtType: csvList(z.enum(DISTRICT_TYPES)),
  star: csvList(z.coerce.number().int().min(0).max(6)),
  tierMin: z.coerce.number().int().min(1).max(30).optional(),
  tierMax: z.coerce.number().int().min(1).max(30).optional(),
  classCode: csvList(z.string().max(4)),
  eSettlement: z.enum(['true', 'false']).optional(),
  status: csvList(z.enum(RETAILER_STATUSES)),
  sort: z.enum(RETAILER_SORTS).default('customerCode'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RetailerListQuery = z.infer<typeof retailerListQuerySchema>;

export const retailerListItemSchema = z.object({
  id: z.number(),
  customerCode: z.string(),
  licenceNo: z.string(),
  shopName: z.string(),
  address: z.string(),
  phone: z.string(),
  phoneMasked: z.boolean(),
  businessFormat: z.string(),
  districtType: z.string(),
  network: z.string(),
  gridId: z.number(),
  gridName: z.string(),
  stationId: z.number(),
  stationName: z.string(),
  star: z.number(),
  tier: z.number(),
  classCode: z.string(),
  eSettlement: z.boolean(),
  status: z.string(),
});
export type RetailerListItem = z.infer<typeof retailerListItemSchema>;

export const retailerListResponseSchema = z.object({
  total: z.number(),
  /** True when a text search matched more than `total` rows and counting stopped there. */
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(retailerListItemSchema),
});
export type RetailerListResponse = z.infer<typeof retailerListResponseSchema>;

export const monthlySalesSchema = z.object({
  month: z.string(),
  qty: z.number(),
  amount: z.number(),
  orders: z.number(),
});

export const retailerCardSchema = z.object({
  id: z.number(),
  version: z.number(),
  customerCode: z.string(),
  licenceNo: z.string(),
  shopName: z.string(),
  address: z.string(),
  phone: z.string(),
  legalPerson: z.string(),
  legalPersonIdNo: z.string().nullable(),
  businessFormat: z.string(),
  districtType: z.string(),
  network: z.string(),
  gridId: z.number(),
  gridName: z.string(),
  stationId: z.number(),
  stationName: z.string(),
  workerName: z.string().nullable(),
  eSettlement: z.boolean(),
  settlementMethod: z.string(),
  lastSettlementStatus: z.string().nullable(),
  orderWeekday: z.number(),
  familyMembers: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().optional(), note: z.string().optional() })),
  familyNote: z.string(),
  specialGroups: z.array(z.string()),
  birthday: z.string().nullable(),
  birthdayCalendar: z.string(),
  /** Next birthday as a solar date (lunar birthdays converted). */
  nextBirthday: z.string().nullable(),
  storeImage: z.string(),
  storeAreaM2: z.number().nullable(),
  lat: z.number(),
  lng: z.number(),
  star: z.number(),
  tier: z.number(),
  classCode: z.string(),
  status: z.string(),
  licenceValidUntil: z.string().nullable(),
  openedOn: z.string().nullable(),
  updatedAt: z.string(),
  /** Which personal fields were masked for this viewer. */
  masked: z.object({ phone: z.boolean(), family: z.boolean(), idNumber: z.boolean() }),
  sales: z.object({
    months: z.array(monthlySalesSchema),
    /** Least-squares slope of monthly quantity, cartons per month. */
    trendPerMonth: z.number(),
    avgMonthlyQty: z.number(),
    lastOrderDate: z.string().nullable(),
  }),
});
export type RetailerCard = z.infer<typeof retailerCardSchema>;

export const retailerChangeSchema = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  source: z.string(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
});
export type RetailerChange = z.infer<typeof retailerChangeSchema>;
