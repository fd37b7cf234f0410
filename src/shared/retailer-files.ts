// Retailer import, export and template: query strings and the import's answer.
import { z } from 'zod';
import { retailerListQuerySchema } from './retailer.js';

export const FILE_FORMATS = ['xlsx', 'csv'] as const;
export const fileFormatSchema = z.enum(FILE_FORMATS).default('xlsx');
export const retailerExportQuerySchema = retailerListQuerySchema.extend({ format: fileFormatSchema });
export const importTemplateQuerySchema = z.object({ format: fileFormatSchema });
export const retailerImportQuerySchema = z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() });

/** The import's answer; a refused file answers 422 `import_rejected` with `rows` of sheet row errors instead. */
export const importResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  total: z.number(),
  dryRun: z.boolean(),
  ignoredColumns: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** One bad cell of a refused retailer import (422 import_rejected carries `rows` of these). */
export const importRowErrorSchema = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  otherRow: z.number().optional(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
