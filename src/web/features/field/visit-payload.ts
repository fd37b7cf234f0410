// The body of a recorded visit as the phone keeps it in its outbox and sends
// it: the form's values, the photos, and which of the cases the visit raises
// each photo goes with (decision 1025). Checked with the server's own schema
// before it is queued, so a visit kept offline is not refused at sync.
import { raisedCaseKinds, visitSubmitSchema, type FollowUpKind, type PRICE_TAGS, type VisitSubmit, type VISIT_STORE_IMAGES } from '../../../shared/visits.js';
import type { Fix } from './field-geo.js';

/** A photo's choice: the kinds of cases it goes with ([] = the visit only); undefined = not chosen yet. */
export type PhotoChoice = FollowUpKind[] | undefined;

export type VisitFormValues = {
  displayScore: number;
  priceTags: string;
  newBrands?: string[];
  suspectCounterfeit?: boolean;
  counterfeitNote?: string;
  storeImage: string;
  consumerFeedback?: string;
  tobaccoIncomePct?: number | null;
  requests?: string;
  problems?: string;
};

/** Whether the worker must choose per photo: only when the visit raises two cases or more. */
export function photoChoiceNeeded(form: Pick<VisitFormValues, 'requests' | 'problems' | 'suspectCounterfeit'>): boolean {
  return raisedCaseKinds(form).length > 1;
}

/**
 * What each photo goes with, as the server takes it. One case raised: every
 * photo goes with it (nothing to choose). Two or more: the worker's choice,
 * kept to the cases still raised (a case whose text was cleared after the
 * choice is dropped from it). Photos with no choice made are listed in
 * `unchosen` (1-based), and the form does not queue the visit until there are none.
 */
export function photoCasesOf(
  form: Pick<VisitFormValues, 'requests' | 'problems' | 'suspectCounterfeit'>,
  choices: PhotoChoice[],
  photoCount: number,
): { photoCases: FollowUpKind[][]; unchosen: number[] } {
  const raised = raisedCaseKinds(form);
  const photoCases: FollowUpKind[][] = [];
  const unchosen: number[] = [];
  for (let i = 0; i < photoCount; i++) {
    if (raised.length <= 1) {
      photoCases.push([...raised]);
      continue;
    }
    const c = choices[i];
    if (c === undefined) unchosen.push(i + 1);
    photoCases.push(raised.filter((k) => (c ?? []).includes(k)));
  }
  return { photoCases, unchosen };
}

/** Toggles one option of a photo's choice: a case kind, or 'visit' (the visit only, which clears the cases). */
export function toggleChoice(current: PhotoChoice, option: FollowUpKind | 'visit'): PhotoChoice {
  if (option === 'visit') return current && current.length === 0 ? undefined : [];
  const kinds = current ?? [];
  const next = kinds.includes(option) ? kinds.filter((k) => k !== option) : [...kinds, option];
  return next.length ? next : undefined;
}

export type BuiltVisit = { ok: true; body: VisitSubmit } | { ok: false; unchosen: number[] } | { ok: false; unchosen: []; problem: string };

/** The visit's body for the outbox, or why it cannot be queued yet. */
export function buildVisitBody(input: {
  retailerId: number;
  checkIn: Fix & { farReason?: string };
  values: VisitFormValues;
  launch: NonNullable<VisitSubmit['form']['launch']> | null;
  photos: string[];
  choices: PhotoChoice[];
}): BuiltVisit {
  const v = input.values;
  const form = {
    ...v,
    priceTags: v.priceTags as (typeof PRICE_TAGS)[number],
    storeImage: v.storeImage as (typeof VISIT_STORE_IMAGES)[number],
    newBrands: v.newBrands ?? [],
    suspectCounterfeit: v.suspectCounterfeit ?? false,
    counterfeitNote: v.counterfeitNote ?? '',
    consumerFeedback: v.consumerFeedback ?? '',
    tobaccoIncomePct: v.tobaccoIncomePct ?? null,
    requests: v.requests ?? '',
    problems: v.problems ?? '',
    launch: input.launch,
  };
  const { photoCases, unchosen } = photoCasesOf(form, input.choices, input.photos.length);
  if (unchosen.length) return { ok: false, unchosen };
  const body: VisitSubmit = { retailerId: input.retailerId, checkIn: input.checkIn, form, photos: input.photos, photoCases };
  const checked = visitSubmitSchema.safeParse(body);
  if (!checked.success) return { ok: false, unchosen: [], problem: checked.error.issues[0]?.message ?? 'invalid_value' };
  return { ok: true, body };
}
