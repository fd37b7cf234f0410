// The measures and score-sheet calls the screens make, typed by the shared schemas.
import type {
  countyMeasuresSchema,
  drillSchema,
  measureDefinitionSchema,
  MeasureWeights,
  retailerMeasuresSchema,
  scoreSheetListSchema,
  scoreSheetSchema,
  scoreSheetSchemeInputSchema,
  scoreSheetSchemeSchema,
  SubjectKind,
} from '../../../shared/measures.js';
import type { jobQueuedSchema } from '../../../shared/jobs.js';
import { api, toQuery, type Body, type Wire } from '../../api/client.js';

export type { CountyMeasures, Drill, MeasureId, MeasureWeights, RetailerMeasures, ScoreSheet, ScoreSheetList, SubjectKind } from '../../../shared/measures.js';

export const getRetailerMeasures = (id: number) => api<Wire<typeof retailerMeasuresSchema>>(`/api/retailers/${id}/measures`);
export const getCountyMeasures = () => api<Wire<typeof countyMeasuresSchema>>('/api/measures/county');
export const getMeasureDefinition = () => api<Wire<typeof measureDefinitionSchema>>('/api/measures/definition');
export const saveMeasureDefinition = (weights: MeasureWeights) =>
  api<Wire<typeof measureDefinitionSchema>>('/api/measures/definition', { method: 'PUT', body: weights });
export const runMeasuresNow = () => api<Wire<typeof jobQueuedSchema>>('/api/measures/runs', { method: 'POST', body: {} });

export const findScoreSheets = (month?: string) => api<Wire<typeof scoreSheetListSchema>>(`/api/score-sheets${toQuery({ month })}`);
export const getScoreSheet = (kind: SubjectKind, id: number, month?: string) =>
  api<Wire<typeof scoreSheetSchema>>(`/api/score-sheets/${kind}/${id}${toQuery({ month })}`);
export const drillScoreItem = (kind: SubjectKind, id: number, source: string, month?: string) =>
  api<Wire<typeof drillSchema>>(`/api/score-sheets/${kind}/${id}/items/${encodeURIComponent(source)}${toQuery({ month })}`);
export const scoreSheetExportUrl = (kind: SubjectKind, id: number, month: string, lang: 'zh' | 'en') =>
  `/api/score-sheets/${kind}/${id}/export${toQuery({ month, lang })}`;
export const getScoreScheme = () => api<Wire<typeof scoreSheetSchemeSchema>>('/api/score-sheets/scheme');
export const saveScoreScheme = (items: Body<typeof scoreSheetSchemeInputSchema>['items']) =>
  api<Wire<typeof scoreSheetSchemeSchema>>('/api/score-sheets/scheme', { method: 'PUT', body: { items } });
