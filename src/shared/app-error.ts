// One error type with a stable code, thrown by use-cases, jobs and routes
// alike; src/server/errors.ts maps each code to its HTTP status.
import type { MessageCode } from './messages.js';

export type FieldError = { field: string; code: string };

export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}
