import { describe, expect, it } from 'vitest';
import { visitSubmitSchema } from '../../../shared/visits.js';
import { buildVisitBody, photoCasesOf, photoChoiceNeeded, toggleChoice, type PhotoChoice, type VisitFormValues } from './visit-payload.js';
import { memoryOutbox, syncOutbox, type OutboxItem } from './visit-outbox.js';

const JPEG = 'data:image/jpeg;base64,/9j/4AAQ';
const fix = { lat: 27.65, lng: 113.5, accuracyM: 8, at: '2026-11-24T02:00:00.000Z' };
const values = (over: Partial<VisitFormValues> = {}): VisitFormValues => ({ displayScore: 4, priceTags: 'complete', storeImage: 'B', ...over });
const build = (v: VisitFormValues, photos: string[], choices: PhotoChoice[]) => buildVisitBody({ retailerId: 7, checkIn: fix, values: v, launch: null, photos, choices });

describe('which photos go with which case raised on a visit', () => {
  it('asks only when the visit raises two cases or more', () => {
    expect(photoChoiceNeeded({ requests: '多要两条' })).toBe(false);
    expect(photoChoiceNeeded({ requests: '多要两条', problems: '  ' })).toBe(false);
    expect(photoChoiceNeeded({ requests: '多要两条', suspectCounterfeit: true })).toBe(true);
  });

  it('puts every photo with the one case a visit raises, and none with a visit that raises none', () => {
    expect(photoCasesOf({ problems: '灯坏了' }, [], 2)).toEqual({ photoCases: [['problem'], ['problem']], unchosen: [] });
    expect(photoCasesOf({}, [], 1)).toEqual({ photoCases: [[]], unchosen: [] });
  });

  it('keeps the worker’s choice, drops a case whose text was cleared, and names the photos still to choose', () => {
    const choices: PhotoChoice[] = [['problem'], ['counterfeit', 'problem'], undefined, []];
    expect(photoCasesOf({ requests: '要货', problems: '灯坏了', suspectCounterfeit: true }, choices, 4)).toEqual({
      photoCases: [['problem'], ['problem', 'counterfeit'], [], []],
      unchosen: [3],
    });
    // The problem cleared afterwards: photo 1 now goes with no case, photo 2 with the counterfeit report only.
    expect(photoCasesOf({ requests: '要货', suspectCounterfeit: true }, choices.slice(0, 2), 2).photoCases).toEqual([[], ['counterfeit']]);
  });

  it('toggles a case on and off; "visit only" clears the cases', () => {
    expect(toggleChoice(undefined, 'request')).toEqual(['request']);
    expect(toggleChoice(['request'], 'problem')).toEqual(['request', 'problem']);
    expect(toggleChoice(['request'], 'request')).toBeUndefined();
    expect(toggleChoice(['request', 'problem'], 'visit')).toEqual([]);
    expect(toggleChoice([], 'visit')).toBeUndefined();
    expect(toggleChoice([], 'problem')).toEqual(['problem']);
  });
});

describe('the visit body the outbox keeps and syncs', () => {
  it('is not queued while a photo has no case chosen', () => {
    const built = build(values({ requests: '要货', problems: '灯坏了' }), [JPEG, JPEG], [['request']]);
    expect(built).toEqual({ ok: false, unchosen: [2] });
  });

  it('carries the choice per photo, passes the server’s schema, and is sent unchanged after a sync that could not reach the server', async () => {
    const built = build(values({ requests: '要货', suspectCounterfeit: true, counterfeitNote: '包装可疑' }), [JPEG, JPEG, JPEG], [['counterfeit'], ['request', 'counterfeit'], []]);
    if (!built.ok) throw new Error('not built');
    expect(built.body.photoCases).toEqual([['counterfeit'], ['request', 'counterfeit'], []]);
    expect(visitSubmitSchema.safeParse(built.body).success).toBe(true);

    // Kept offline: the first sync finds no network, the second sends the same body.
    const store = memoryOutbox();
    const item: OutboxItem = { id: 'v1', retailerId: 7, shopName: '店', createdAt: fix.at, attempts: 0, body: built.body };
    await store.put(item);
    expect((await syncOutbox(store, async () => ({ kind: 'unreachable' }))).remaining).toBe(1);
    const sent: OutboxItem[] = [];
    const report = await syncOutbox(store, async (i) => (sent.push(i), { kind: 'stored' }));
    expect(report).toEqual({ sent: 1, refused: 0, remaining: 0 });
    expect(sent[0].attempts).toBe(2);
    expect(sent[0].body).toEqual(built.body);
    expect(JSON.parse(JSON.stringify(sent[0].body)).photoCases).toEqual([['counterfeit'], ['request', 'counterfeit'], []]);
  });

  it('the server’s schema refuses a choice of a case the visit does not raise, or a count that does not match the photos', () => {
    const body = { retailerId: 7, checkIn: fix, form: { displayScore: 4, priceTags: 'complete', storeImage: 'B', requests: '要货' }, photos: [JPEG] };
    const issues = (b: object) => visitSubmitSchema.safeParse(b).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ ...body, photoCases: [['problem']] })).toEqual([['photoCases.0', 'visit_photo_case_not_raised']]);
    expect(issues({ ...body, photoCases: [['request'], ['request']] })).toEqual([
      ['photoCases', 'visit_photo_cases_count'],
    ]);
    // A visit queued before the choice existed has no photoCases: still accepted (every photo with every case).
    expect(visitSubmitSchema.safeParse(body).success).toBe(true);
  });
});
