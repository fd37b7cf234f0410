// What a visit form raises for follow-up, and by when: a key customer's
// request gets a phone callback within the key-callback hours (24 h by
// default); other requests, problems and suspected counterfeits are to be
// resolved within the follow-up hours.
export type FollowUpDraft = { kind: 'request' | 'problem' | 'counterfeit'; action: 'callback' | 'resolve'; text: string; keyCustomer: boolean; dueAt: Date };

export type FollowUpRules = { keyCustomer: boolean; raisedAt: Date; keyCallbackHours: number; followUpHours: number };

type FormPart = { requests: string; problems: string; suspectCounterfeit: boolean; counterfeitNote: string };

export function followUpsOf(form: FormPart, rules: FollowUpRules): FollowUpDraft[] {
  const due = (hours: number) => new Date(rules.raisedAt.getTime() + hours * 3_600_000);
  const out: FollowUpDraft[] = [];
  const key = rules.keyCustomer;
  if (form.requests.trim()) {
    out.push({ kind: 'request', action: key ? 'callback' : 'resolve', text: form.requests.trim(), keyCustomer: key, dueAt: due(key ? rules.keyCallbackHours : rules.followUpHours) });
  }
  if (form.problems.trim()) {
    out.push({ kind: 'problem', action: key ? 'callback' : 'resolve', text: form.problems.trim(), keyCustomer: key, dueAt: due(key ? rules.keyCallbackHours : rules.followUpHours) });
  }
  if (form.suspectCounterfeit) {
    out.push({ kind: 'counterfeit', action: 'resolve', text: form.counterfeitNote.trim() || '疑似假烟或串码', keyCustomer: key, dueAt: due(Math.min(rules.keyCallbackHours, rules.followUpHours)) });
  }
  return out;
}

export function isOverdue(item: { status: string; dueAt: Date }, now: Date): boolean {
  return item.status === 'open' && item.dueAt.getTime() < now.getTime();
}
