// The audit log as the audit screen reads it: the actions and objects with
// their zh/en labels, the filter, the rows and the export.
import { z } from 'zod';
import { idParamSchema, isoDateSchema, textSchema } from './primitives.js';

/** What was done. Every business write is one of these (src/app/audit/audit.ts writes them). */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'login_failed',
  'login_throttled',
  'password_change',
  'password_change_failed',
  'password_reset',
  'search',
  'view_pii',
  'create',
  'update',
  'delete',
  'allocate',
  'publish',
  'submit',
  'decide',
  'check_in',
  'import',
  'export',
  'move',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Labels = Record<string, { zh: string; en: string }>;

export const auditActionLabels = {
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出', en: 'Log out' },
  login_failed: { zh: '登录失败', en: 'Failed login' },
  login_throttled: { zh: '登录被限制', en: 'Login throttled' },
  password_change: { zh: '修改密码', en: 'Password changed' },
  password_change_failed: { zh: '修改密码失败', en: 'Failed password change' },
  password_reset: { zh: '重置密码', en: 'Password reset' },
  search: { zh: '搜索电话', en: 'Phone search' },
  view_pii: { zh: '查看个人信息', en: 'Viewed personal data' },
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Change' },
  delete: { zh: '删除', en: 'Delete' },
  allocate: { zh: '分配', en: 'Allocate' },
  publish: { zh: '发布', en: 'Publish' },
  submit: { zh: '提交', en: 'Submit' },
  decide: { zh: '审批', en: 'Decide' },
  check_in: { zh: '签到', en: 'Check in' },
  import: { zh: '导入', en: 'Import' },
  export: { zh: '导出', en: 'Export' },
  move: { zh: '迁出/迁入', en: 'Move between counties' },
} satisfies Record<AuditAction, { zh: string; en: string }>;

/** The objects an entry is about; an unknown one shows as its code. */
export const auditEntityLabels: Labels = {
  retailer: { zh: '零售户档案', en: 'Retailer file' },
  org_rule: { zh: '上级规则', en: 'Org rule' },
  rollup: { zh: '省市汇总', en: 'Roll-up' },
  user: { zh: '用户', en: 'User' },
  grid: { zh: '网格', en: 'Grid' },
  grid_proposal: { zh: '网格调整方案', en: 'Grid proposal' },
  layout: { zh: '网点布局', en: 'Outlet layout' },
  service_mode: { zh: '服务方式', en: 'Service mode' },
  delivery_points: { zh: '配送点', en: 'Delivery points' },
  supply_plan: { zh: '货源计划', en: 'Supply plan' },
  order_window: { zh: '订货窗口', en: 'Order window' },
  order_reminders: { zh: '订货提醒', en: 'Order reminders' },
  order: { zh: '订单', en: 'Order' },
  survey_questionnaire: { zh: '调查问卷', en: 'Questionnaire' },
  survey_round: { zh: '调查轮次', en: 'Survey round' },
  order_correction: { zh: '订单更正', en: 'Order correction' },
  emergency_request: { zh: '应急补货', en: 'Emergency supply' },
  settlement: { zh: '结算', en: 'Settlement' },
  visit: { zh: '拜访', en: 'Visit' },
  follow_up: { zh: '跟进事项', en: 'Follow-up' },
  visit_config: { zh: '拜访规则', en: 'Visit rules' },
  visit_override: { zh: '单户拜访设置', en: 'Shop visit setting' },
  visit_depot: { zh: '拜访出发地', en: 'Route start' },
  visit_plan: { zh: '拜访日历', en: 'Visit calendar' },
  rating_run: { zh: '星级评定', en: 'Rating month' },
  rating_scheme: { zh: '评定方案', en: 'Rating scheme' },
  rating_freeze: { zh: '星级冻结', en: 'Rating freeze' },
  rating_review_sheet: { zh: '考核表', en: 'Review sheet' },
  compliance_record: { zh: '合规记录', en: 'Compliance record' },
  customer_representative: { zh: '客户代表', en: 'Customer representative' },
  representative_settings: { zh: '客户代表设置', en: 'Representative settings' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  measure_definition: { zh: '四度权重', en: 'Measure weights' },
  measures_run: { zh: '四度计算', en: 'Measures run' },
  score_scheme: { zh: '考核项目', en: 'Score-sheet items' },
  score_sheet: { zh: '考核得分表', en: 'Score sheet' },
  launch: { zh: '新品培育', en: 'Brand launch' },
  forecast: { zh: '需求预测（人工调整）', en: 'Demand forecast (override)' },
  forecast_run: { zh: '需求预测计算', en: 'Forecast run' },
  forecast_shop: { zh: '零售户需求预测（人工调整）', en: 'Shop demand forecast (override)' },
  launch_check: { zh: '新品上柜检查', en: 'Launch shelf check' },
  care_special_group: { zh: '特殊群体登记', en: 'Special-group record' },
  care_task: { zh: '关怀任务', en: 'Care task' },
  care_disaster: { zh: '灾害帮扶', en: 'Disaster' },
  care_disaster_contact: { zh: '受灾联系', en: 'Disaster contact' },
  care_help: { zh: '帮扶台账', en: 'Help ledger' },
  care_activity: { zh: '社区活动', en: 'Community activity' },
  notice_template: { zh: '通知模板', en: 'Notice template' },
  notice_campaign: { zh: '人工通知', en: 'Staff notice' },
  desk_case: { zh: '客服工单', en: 'Service case' },
  desk_policy: { zh: '工单时限方案', en: 'Case deadline policy' },
  desk_reward: { zh: '投诉奖励', en: 'Complaint reward' },
  desk_stats: { zh: '工单分析', en: 'Desk analysis' },
  onboarding: { zh: '新办户', en: 'New licence' },
  notice_preferences: { zh: '通知设置', en: 'Notice settings' },
  calendar_override: { zh: '工作日历调整', en: 'Working-calendar change' },
  retailer_tier: { zh: '人工调档', en: 'Tier changed by hand' },
  rating_tier_cause: { zh: '档位变动原因', en: 'Tier-move cause' },
};

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  entity: textSchema.max(40).optional(),
  userId: idParamSchema.optional(),
  /** Days in China time, both included. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  retailerId: idParamSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** An export holds at most this many rows (the newest); the screen says so. */
export const AUDIT_EXPORT_MAX = 20_000;

export const auditExportQuerySchema = auditQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const auditItemSchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityIds: z.array(z.number()),
  /** The object's name as people know it (shop, plan week, rating month…), read from its table; null when it has none. */
  objectName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;
export const auditListSchema = z.object({
  items: z.array(auditItemSchema),
  /** The people of the organisation, for the filter. */
  users: z.array(z.object({ id: z.number(), name: z.string() })),
});

/** "美佳超市" or "美佳超市 等 12 户" / "… and 11 more": the object column of the screen and the export. */
export function auditObjectText(item: Pick<AuditItem, 'entity' | 'entityIds' | 'objectName'>, lang: 'zh' | 'en'): string {
  const label = auditEntityLabels[item.entity]?.[lang] ?? item.entity;
  const n = item.entityIds.length;
  const name = item.objectName ?? (n ? `#${item.entityIds.slice(0, 5).join(', #')}` : '');
  const more = n > 1 && item.objectName ? (lang === 'zh' ? ` 等 ${n} 个` : ` and ${n - 1} more`) : n > 5 ? ' …' : '';
  return name ? `${label} · ${name}${more}` : label;
}
