// Notice templates (zh first): variables are written ${name}, as the SMS
// providers write them, so the same text can be registered with them. A
// template names its variables; rendering with a variable the template does
// not know, or without one it needs, is an error, never a blank in an SMS.
export type NoticeTemplate = {
  code: string;
  version: number;
  title: string;
  /** In-app text. */
  body: string;
  /** Outside-channel text (SMS, WeChat); null: in-app only. */
  sms: string | null;
  vars: string[];
};

export const NOTICE_TEMPLATES = {
  order_window_open: {
    code: 'order_window_open',
    version: 1,
    title: '订货提醒',
    body: '${shopName}：您的订货窗口 ${opensAt} 开放，${closesAt} 截止（订货日 ${orderDate}）。${extra}',
    sms: '${shopName}，订货窗口${opensAt}开放，${closesAt}截止。${extra}',
    vars: ['shopName', 'opensAt', 'closesAt', 'orderDate', 'extra'],
  },
  window_changed: {
    code: 'window_changed',
    version: 1,
    title: '订货时间调整',
    body: '${shopName}：${orderDate} 的订货时间调整为 ${opensAt} 开放，${closesAt} 截止。${why}',
    sms: '${shopName}，${orderDate}订货时间调整为${opensAt}至${closesAt}。${why}',
    vars: ['shopName', 'orderDate', 'opensAt', 'closesAt', 'why'],
  },
  window_nudge: {
    code: 'window_nudge',
    version: 1,
    title: '订货即将截止',
    body: '${shopName}：本周订货将于 ${closesAt} 截止，您还没有订货，请及时下单。',
    sms: '${shopName}，本周订货${closesAt}截止，您尚未订货，请及时下单。',
    vars: ['shopName', 'closesAt'],
  },
  supply_notice: {
    code: 'supply_notice',
    version: 1,
    title: '本周货源供应告知',
    body: '${shopName}：${weekStart} 这周的紧俏品规限量：${limits}。\n${reasons}',
    sms: '${shopName}，本周紧俏货源限量：${limits}。详情请看订货平台消息。',
    vars: ['shopName', 'weekStart', 'limits', 'reasons'],
  },
  deduction_failed: {
    code: 'deduction_failed',
    version: 1,
    title: '扣款未成功',
    body: '${shopName}：您 ${orderDate} 的订单扣款未成功，请尽快存足余额，我们将重新扣款。',
    sms: '${shopName}，您${orderDate}的订单扣款未成功，请尽快存足余额，我们将重新扣款。',
    vars: ['shopName', 'orderDate', 'amount'],
  },
  greeting: {
    code: 'greeting',
    version: 1,
    title: '${occasionName}快乐',
    body: '${shopName}：${wish}',
    sms: '${shopName}：${wish}',
    vars: ['shopName', 'occasionName', 'wish'],
  },
  // Surveys (issue 17): the link answers the round once.
  survey_invite: {
    code: 'survey_invite',
    version: 1,
    title: '满意度调查邀请',
    body: '${shopName}：诚邀您参加「${roundName}」，约 2 分钟，请点击链接作答：${link}',
    sms: '${shopName}，诚邀您参加满意度调查（约2分钟）：${link} 链接仅可提交一次。',
    vars: ['shopName', 'roundName', 'link'],
  },
  launch_below_band: {
    code: 'launch_below_band',
    version: 1,
    title: '新品培育预警：${name}',
    body: '${name} 第 ${week} 周${measure}为 ${value}，低于本县以往新品同期区间下沿 ${low}。请查看培育看板。',
    sms: null,
    vars: ['name', 'week', 'measure', 'value', 'low'],
  },
  // Onboarding (issue 15 item 8): a step nearing or past its deadline, to whoever owns it, in-app.
  onboarding_deadline: {
    code: 'onboarding_deadline',
    version: 1,
    title: '新办户${level}：${shopName}',
    body: '${shopName}（许可证 ${licenceNo}）的「${stepName}」环节${state}，时限 ${dueAt}。请到新办户跟踪办理。',
    sms: null,
    vars: ['level', 'shopName', 'licenceNo', 'stepName', 'state', 'dueAt'],
  },
  urgent: {
    code: 'urgent',
    version: 1,
    title: '${title}',
    body: '${body}',
    sms: '${body}',
    vars: ['title', 'body'],
  },
} as const satisfies Record<string, NoticeTemplate>;

export type TemplateCode = keyof typeof NOTICE_TEMPLATES;

/** Variables a person may use in their own notice text, filled per shop. */
export const SHOP_VARIABLES = ['shopName', 'legalPerson', 'customerCode', 'tier', 'orderWeekday'] as const;

export class TemplateError extends Error {
  constructor(
    readonly kind: 'unknown_variable' | 'missing_variable',
    readonly variable: string,
  ) {
    super(`${kind}: ${variable}`);
  }
}

const VAR = /\$\{([^}]*)\}/g;

/** The variables a text uses, in order of first use. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VAR)].map((m) => m[1]))];
}

/** Fill ${name} in `text`; a variable outside `allowed` or absent from `params` throws a TemplateError. */
export function fill(text: string, params: Record<string, string | number>, allowed: readonly string[]): string {
  for (const v of variablesOf(text)) {
    if (!allowed.includes(v)) throw new TemplateError('unknown_variable', v);
    if (params[v] === undefined) throw new TemplateError('missing_variable', v);
  }
  return text.replace(VAR, (_, v: string) => String(params[v]));
}

/** The built-in text of a code, rendered (tests and the SQL renderer's twin); generators render the version in force with `renderWith`. */
export function renderTemplate(code: TemplateCode, params: Record<string, string | number>): { title: string; body: string; sms: string | null } {
  return renderWith(NOTICE_TEMPLATES[code], params);
}

/** Render one version of a template (built-in or saved by marketing). */
export function renderWith(t: NoticeTemplate, params: Record<string, string | number>): { title: string; body: string; sms: string | null } {
  return { title: fill(t.title, params, t.vars), body: fill(t.body, params, t.vars), sms: t.sms === null ? null : fill(t.sms, params, t.vars) };
}

export type TemplateTextProblem = { kind: 'placeholder'; text: string } | { kind: 'unknown_variable'; variable: string };

/**
 * What is wrong with an edited text, or null: a placeholder not written ${name} (an unclosed `${`, an empty `${}`,
 * `{name}` or `$name` without the other half — the provider would send them as they stand), or a variable the
 * template does not fill.
 */
export function checkTemplateText(text: string, allowed: readonly string[]): TemplateTextProblem | null {
  const bad = /\$\{(?![A-Za-z_]\w*\})[^}]{0,20}\}?|(?<!\$)\{[A-Za-z_]\w*\}|\$(?!\{)[A-Za-z_]\w*/.exec(text);
  if (bad) return { kind: 'placeholder', text: bad[0] };
  const unknown = variablesOf(text).find((v) => !allowed.includes(v));
  return unknown === undefined ? null : { kind: 'unknown_variable', variable: unknown };
}
