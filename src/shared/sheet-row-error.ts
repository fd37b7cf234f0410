// One bad cell of an uploaded sheet, as every sheet import reports it: the row
// as numbered in the sheet (the header is row 1), the column, what was there,
// and what is wrong in Chinese and English.
import { z } from 'zod';
import { messages, type MessageCode } from './messages.js';

export const sheetRowErrorSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string(), messageEn: z.string() });
export type SheetRowError = z.infer<typeof sheetRowErrorSchema>;

export function sheetRowError(row: number, column: string, value: string, code: MessageCode, zhExtra = '', enExtra = ''): SheetRowError {
  return { row, column, value, message: messages[code].zh + zhExtra, messageEn: messages[code].en + enExtra };
}
