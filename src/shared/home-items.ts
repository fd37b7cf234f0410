// The "today" home's items and tags in both languages (issue 17 item 5), apart
// from the response schemas in home.ts: the home screen is the first after
// login, and its text needs no zod (issue 13: the first load stays small).
type Text = { zh: string; en: string };
type ItemText = {
  title: Text;
  hint: Text;
  /** What the item's second figure counts. */
  extra?: Text;
  /** What a row's value counts (cartons, rows), when it is not obvious. */
  unit?: Text;
};

/** Every home item, in the order the screen shows them within a group. */
export const HOME_ITEMS = {
  'visit.stops_today': { title: { zh: '今日拜访', en: "Today's stops" }, hint: { zh: '已完成 / 计划', en: 'done of planned' } },
  'desk.cases_due': { title: { zh: '待办工单', en: 'Cases due' }, hint: { zh: '今天到期或已超时', en: 'due today or overdue' }, extra: { zh: '已超时', en: 'overdue' } },
  'desk.surveys_due': { title: { zh: '待回访', en: 'Callbacks (回访) due' }, hint: { zh: '结案后待回访，今天到期或已超时', en: 'closed cases awaiting the 回访, due today or overdue' }, extra: { zh: '已超时', en: 'overdue' } },
  'desk.logged_open': { title: { zh: '我登记的未结工单', en: 'Open cases I logged' }, hint: { zh: '跟进处理进度', en: 'follow their progress' }, extra: { zh: '已超时', en: 'overdue' } },
  'ordering.call_list': { title: { zh: '今日外呼订货', en: "Today's call list" }, hint: { zh: '今天订货日、尚未订货的零售户', en: 'shops whose order window is open today and have not ordered' } },
  'ordering.window_closing': { title: { zh: '今日截止未订货', en: 'Window closes today, not ordered' }, hint: { zh: '订货窗口今天关闭', en: 'their order window closes today' } },
  'settlement.failed': { title: { zh: '扣款失败', en: 'Failed deductions' }, hint: { zh: '待补扣或重新扣款', en: 'waiting for money or a retry' } },
  'visit.follow_ups_overdue': { title: { zh: '超期待办事项', en: 'Overdue follow-ups' }, hint: { zh: '拜访中登记的事项', en: 'raised on visits' } },
  'retailers.birthdays': { title: { zh: '近期生日', en: 'Birthdays this week' }, hint: { zh: '含农历生日，未来 7 天', en: 'next 7 days, lunar birthdays included' } },
  'desk.breaches': { title: { zh: '超时工单', en: 'Deadline breaches' }, hint: { zh: '已超过处理时限', en: 'past their deadline' } },
  'visit.missed': { title: { zh: '漏访', en: 'Missed visits' }, hint: { zh: '近 7 天，计划日已过仍未拜访（漏访 / 计划）', en: 'last 7 days, planned day passed without a visit (missed of planned)' } },
  'visit.workers_today': { title: { zh: '客户经理今日进度', en: "Workers' progress today" }, hint: { zh: '已完成 / 计划', en: 'done of planned' } },
  'approvals.emergency': { title: { zh: '待审批应急补货', en: 'Emergency supply to approve' }, hint: { zh: '零售户的应急补货申请', en: "retailers' requests for extra supply" }, unit: { zh: '条', en: 'cartons' } },
  'approvals.corrections': { title: { zh: '待审批退货与更正', en: 'Returns and corrections to approve' }, hint: { zh: '订单行的退货或更正', en: 'on order lines' }, unit: { zh: '条', en: 'cartons' } },
  'approvals.rewards': { title: { zh: '待审批投诉奖励', en: 'Rewards to approve' }, hint: { zh: '有效投诉的馈赠', en: 'for valid complaints' } },
  'supply.plan_status': { title: { zh: '本周货源计划', en: "This week's supply plan" }, hint: { zh: '已订货 / 订货日已到的零售户', en: 'shops ordered of shops whose order day has come' } },
  'rating.run_status': { title: { zh: '星级评定', en: 'Star rating' }, hint: { zh: '最近一次评定', en: 'the latest run' } },
  'figures.measures': { title: { zh: '客户四度', en: 'The four measures' }, hint: { zh: '最近一晚全县平均（0–100）', en: "the county's means of the latest night (0–100)" }, extra: { zh: '已调查', en: 'surveyed' } },
  'figures.retailers': { title: { zh: '在册零售户', en: 'Active retailers' }, hint: { zh: '正常经营的持证户', en: 'licensed and trading' }, extra: { zh: '电子结算', en: 'on e-settlement' } },
  'figures.orders_week': { title: { zh: '近 7 天订货金额', en: 'Orders, last 7 days' }, hint: { zh: '全县已确认订单', en: 'confirmed orders in the county' }, extra: { zh: '笔订单', en: 'orders' } },
  'figures.visits_week': { title: { zh: '本周拜访', en: 'Visits this week' }, hint: { zh: '已完成 / 计划', en: 'done of planned' } },
  'figures.desk_open': { title: { zh: '在办工单', en: 'Open cases' }, hint: { zh: '全县未结工单', en: 'not yet closed' }, extra: { zh: '已超时', en: 'breached' } },
  'ordering.my_window': { title: { zh: '我的订货', en: 'My order' }, hint: { zh: '本周限量品规（已订 / 限量）', en: 'brands limited this week (ordered of limit)' }, unit: { zh: '条', en: 'cartons' } },
  'desk.my_cases': { title: { zh: '我的投诉与建议', en: 'My cases' }, hint: { zh: '处理中或待您评价', en: 'in progress or waiting for your verdict' }, extra: { zh: '待您评价', en: 'waiting for your verdict' } },
  'notices.unread': { title: { zh: '未读消息', en: 'Unread notices' }, hint: { zh: '通知与提醒', en: 'notices and reminders' } },
  'jobs.failed': { title: { zh: '失败的后台任务', en: 'Failed jobs' }, hint: { zh: '近 7 天', en: 'last 7 days' } },
  'jobs.backlog': { title: { zh: '排队中的后台任务', en: 'Jobs waiting' }, hint: { zh: '排队或运行中', en: 'queued or running' } },
  'audit.today': { title: { zh: '今日审计记录', en: 'Audit rows today' }, hint: { zh: '按操作人', en: 'by person' }, unit: { zh: '条', en: 'rows' } },
} as const satisfies Record<string, ItemText>;

export type HomeItemKey = keyof typeof HOME_ITEMS;
export const HOME_ITEM_KEYS = Object.keys(HOME_ITEMS) as [HomeItemKey, ...HomeItemKey[]];

/** Short tags on an item or a row, in both languages. */
export const HOME_TAGS = {
  breached: { zh: '已超时', en: 'overdue' },
  warning: { zh: '将超时', en: 'due soon' },
  due_today: { zh: '今天到期', en: 'due today' },
  lunar: { zh: '农历', en: 'lunar' },
  today: { zh: '今天', en: 'today' },
  failed: { zh: '失败', en: 'failed' },
  retrying: { zh: '重扣中', en: 'retrying' },
  ordered: { zh: '已订货', en: 'ordered' },
  not_ordered: { zh: '未订货', en: 'not ordered' },
  open: { zh: '窗口开放', en: 'window open' },
  upcoming: { zh: '即将开放', en: 'opens soon' },
  closed: { zh: '已关闭', en: 'closed' },
  none: { zh: '暂无', en: 'none' },
  draft: { zh: '草稿', en: 'draft' },
  published: { zh: '已发布', en: 'published' },
  queued: { zh: '排队中', en: 'queued' },
  running: { zh: '计算中', en: 'running' },
  completed: { zh: '待发布', en: 'to publish' },
  survey: { zh: '待评价', en: 'to rate' },
  done: { zh: '已完成', en: 'done' },
  pending: { zh: '待拜访', en: 'to visit' },
  missed: { zh: '漏访', en: 'missed' },
  limit: { zh: '限量', en: 'limit' },
} as const satisfies Record<string, Text>;
export type HomeTag = keyof typeof HOME_TAGS;
export const HOME_GROUPS = ['todo', 'watch', 'figures'] as const;
export const HOME_TONES = ['danger', 'warning', 'normal', 'good'] as const;

export function homeText(key: HomeItemKey, lang: 'zh' | 'en') {
  const t = HOME_ITEMS[key];
  const extra: Text | undefined = 'extra' in t ? t.extra : undefined;
  const unit: Text | undefined = 'unit' in t ? t.unit : undefined;
  return { title: t.title[lang], hint: t.hint[lang], extra: extra ? extra[lang] : null, unit: unit ? unit[lang] : null };
}

export function homeTagText(tag: HomeTag, lang: 'zh' | 'en'): string {
  return HOME_TAGS[tag][lang];
}
