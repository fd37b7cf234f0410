// A case as it arrives from a form: JSON, or multipart with the case as JSON
// in the field `case` and up to DESK_PHOTO_MAX photos under `photos`, with
// the desk's own limits (not the 20 MB of the spreadsheet imports). The body
// is validated with the same zod schema and error shape as a JSON route.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { UploadedPhoto } from '../app/desk/case-photos.js';
import { AppError } from '../shared/app-error.js';
import { CASE_FORM_FIELD, caseCreateSchema, DESK_PHOTO_MAX, DESK_PHOTO_MAX_BYTES } from '../shared/desk.js';
import { validatorCompiler } from './request-validation.js';

const validateCase = validatorCompiler({ schema: caseCreateSchema, method: 'POST', url: '/api/my/cases', httpPart: 'body' }) as (data: unknown) => { value?: unknown; error?: unknown[] };

const LIMIT_CODES: Record<string, 'photo_too_large' | 'desk_too_many_photos'> = {
  FST_REQ_FILE_TOO_LARGE: 'photo_too_large',
  FST_FILES_LIMIT: 'desk_too_many_photos',
  FST_PARTS_LIMIT: 'desk_too_many_photos',
  FST_FIELDS_LIMIT: 'desk_too_many_photos',
};

export async function readCaseForm(req: FastifyRequest): Promise<{ input: z.output<typeof caseCreateSchema>; photos: UploadedPhoto[] }> {
  let body: unknown = req.body;
  const photos: UploadedPhoto[] = [];
  if (req.isMultipart()) {
    body = undefined;
    const parts = req.parts({ limits: { fileSize: DESK_PHOTO_MAX_BYTES, files: DESK_PHOTO_MAX, fields: 1, parts: DESK_PHOTO_MAX + 1, fieldSize: 20_000 } });
    try {
      for await (const part of parts) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.fieldname !== 'photos') throw new AppError('bad_request');
          photos.push({ mimetype: part.mimetype, data });
        } else if (part.fieldname === CASE_FORM_FIELD) {
          if (part.valueTruncated) throw new AppError('body_too_large');
          try {
            body = JSON.parse(String(part.value));
          } catch {
            throw new AppError('bad_json');
          }
        }
      }
    } catch (e) {
      const code = LIMIT_CODES[(e as { code?: string }).code ?? ''];
      if (code) throw new AppError(code, [{ field: 'photos', code }]);
      throw e;
    }
  }
  const checked = validateCase(body ?? {});
  if (checked.error) throw Object.assign(new Error('validation'), { validation: checked.error, statusCode: 400 });
  return { input: checked.value as z.output<typeof caseCreateSchema>, photos };
}
