// The administrator's accounts screen (decision 0862).
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../../shared/plural.js';

export const usersZh = {
  users: {
    title: '账号管理',
    intro: '本县局的工作人员账号和零售户订货账号。用户忘记密码时可在此重置：系统生成临时密码，只显示这一次；该用户的所有登录随即退出，下次登录须先修改密码。',
    search: '按用户名或姓名查找',
    username: '用户名',
    displayName: '姓名/店名',
    role: '角色',
    state: '状态',
    mustChange: '待修改密码',
    inactive: '已停用',
    normal: '正常',
    actions: '操作',
    reset: '重置密码',
    you: '当前账号',
    confirmTitle: (name: string) => `重置「${name}」的密码？`,
    confirmText: '将生成临时密码，该用户的所有登录会立即退出，下次登录须先修改密码。',
    confirmOk: '重置',
    cancel: '取消',
    doneTitle: '密码已重置',
    doneIntro: '临时密码只显示这一次，关闭后无法再次查看。请当面或电话告知本人，不要通过短信或微信群发送。',
    temporaryPassword: '临时密码',
    sessionsEnded: (n: number) => `已退出该用户的 ${n} 处登录`,
    gotIt: '已告知，关闭',
    more: (shown: number, total: number) => `共 ${total} 个账号，显示前 ${shown} 个，请用查找缩小范围`,
  },
};

export const usersEn = {
  users: {
    title: 'Accounts',
    intro: "The county branch's staff accounts and the shops' ordering logins. When someone forgets their password, reset it here: a temporary password is generated and shown this once; all of the user's sessions are logged out, and they must change it at their next login.",
    search: 'Find by username or name',
    username: 'Username',
    displayName: 'Name / shop',
    role: 'Role',
    state: 'State',
    mustChange: 'Must change password',
    inactive: 'Disabled',
    normal: 'Active',
    actions: 'Actions',
    reset: 'Reset password',
    you: 'Your account',
    confirmTitle: (name: string) => `Reset the password of “${name}”?`,
    confirmText: 'A temporary password is generated; all of the user’s sessions are logged out at once, and they must change it at their next login.',
    confirmOk: 'Reset',
    cancel: 'Cancel',
    doneTitle: 'Password reset',
    doneIntro: 'The temporary password is shown only this once and cannot be seen again after closing. Tell the person face to face or by phone; do not send it by SMS or in a group chat.',
    temporaryPassword: 'Temporary password',
    sessionsEnded: (n: number) => `Logged out ${countOf(n, 'session')} of this user`,
    gotIt: 'Told them, close',
    more: (shown: number, total: number) => `${countOf(total, 'account')}, showing the first ${shown}; search to narrow the list`,
  },
} satisfies typeof usersZh;
