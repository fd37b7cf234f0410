// What a viewer who may only read keeps (decision 1920): a province or city
// user drilled into a county reads it as its county manager but writes
// nothing there (decision 1910). The server refuses every write anyway; these
// lists make `/api/me` say so, so the web's existing `can(…)` checks hide the
// write actions and the menu drops the screens that only write. A new
// permission must be classified here or the type check fails.
import type { Role } from '../../shared/codes.js';
import { menuOf, permissionsOf, type Permission } from './permissions.js';

/** read: guards reading screens (GET); write: guards changes, or reads that only serve a change (options of a form, an approver list). */
export const PERMISSION_ACCESS: Record<Permission, 'read' | 'write'> = {
  'retailer.list': 'read',
  'retailer.read': 'read',
  'retailer.update': 'write',
  'retailer.identity': 'write',
  'retailer.regrid': 'write',
  'retailer.history': 'read',
  'retailer.move': 'write',
  'retailer.import': 'write',
  'retailer.export': 'read',
  'org.read': 'read',
  'org.structure': 'read',
  'audit.read': 'read',
  'rating.read': 'read',
  'rating.review': 'read',
  'rating.manage': 'write',
  'rating.adjust': 'write',
  'representative.respond': 'write',
  'map.read': 'read',
  'grid.manage': 'write',
  'layout.read': 'read',
  'visit.config': 'write',
  'visit.plan': 'write',
  'visit.route': 'read',
  'visit.record': 'write',
  'visit.progress': 'read',
  'followup.read': 'read',
  'followup.update': 'write',
  'supply.read': 'read',
  'supply.manage': 'write',
  'order.take': 'write',
  'order.read': 'read',
  'settlement.manage': 'write',
  'settlement.read': 'read',
  'desk.create': 'write',
  'desk.read': 'read',
  'desk.work': 'write',
  'desk.assign': 'write',
  'desk.survey': 'write',
  'desk.policy': 'write',
  'desk.reward': 'write',
  'desk.reward.approve': 'write',
  'desk.stats': 'read',
  'desk.mine': 'write',
  'calendar.read': 'read',
  'calendar.manage': 'write',
  'onboarding.read': 'read',
  'onboarding.manage': 'write',
  'notice.read': 'read',
  'notice.preferences': 'write',
  'notice.send': 'write',
  'notice.approve': 'write',
  'notice.report': 'read',
  'notice.trail': 'read',
  'notice.template.read': 'read',
  'notice.template.manage': 'write',
  'survey.read': 'read',
  'survey.design': 'write',
  'survey.run': 'write',
  'survey.collect': 'write',
  'survey.results': 'read',
  'survey.mine': 'write',
  'measure.read': 'read',
  'measure.manage': 'write',
  'scoresheet.read': 'read',
  'scoresheet.manage': 'write',
  'rollup.read': 'read',
  'org.rules': 'write',
  'launch.read': 'read',
  'launch.manage': 'write',
  'care.read': 'read',
  'care.work': 'write',
  'care.manage': 'write',
  'care.special.read': 'read',
  'care.special.manage': 'write',
  'home.read': 'read',
  'forecast.read': 'read',
  'forecast.manage': 'write',
  'forecast.shop': 'write',
  // The user list serves the reset only.
  'user.manage': 'write',
};

/** Screens that exist only to change things: importing files, sending notices, taking orders, recording survey answers, resetting passwords. */
export const WRITE_SCREENS: ReadonlySet<string> = new Set(['import', 'notice-send', 'take-orders', 'survey-calls', 'my-order', 'users']);

export function readPermissionsOf(role: Role): Permission[] {
  return permissionsOf(role).filter((p) => PERMISSION_ACCESS[p] === 'read');
}

export function readMenuOf(role: Role): string[] {
  return menuOf(role).filter((m) => !WRITE_SCREENS.has(m));
}
