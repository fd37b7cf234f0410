// The user's own account: the menu under their name and the password screen (decision 0860).
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../../shared/plural.js';

export const accountZh = {
  account: {
    userMenu: '账号',
    changePassword: '修改密码',
    mustChangeTitle: '请先修改密码',
    mustChange: '您的密码由工作人员设置（开通账号或重置密码），他人知道。为了账号安全，请先设置一个只有您自己知道的新密码，再继续使用。',
    currentPassword: '当前密码',
    currentPasswordHint: '即工作人员告知您的初始密码或临时密码',
    newPassword: '新密码',
    confirmPassword: '再次输入新密码',
    rules: '至少 8 个字符；不能全是数字，不能与用户名或当前密码相同，不要用常见密码',
    mismatch: '两次输入的新密码不一致',
    submit: '确认修改',
    cancel: '返回',
    changed: '密码已修改',
    otherSessionsEnded: (n: number) => `其他 ${n} 处登录已退出`,
  },
};

export const accountEn = {
  account: {
    userMenu: 'Account',
    changePassword: 'Change password',
    mustChangeTitle: 'Change your password first',
    mustChange: 'Your password was set by staff (when the account was opened or the password reset), so someone else knows it. Choose a new password only you know before going on.',
    currentPassword: 'Current password',
    currentPasswordHint: 'The initial or temporary password staff told you',
    newPassword: 'New password',
    confirmPassword: 'New password again',
    rules: 'At least 8 characters; not digits only, not your username or current password, not a common password',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
    cancel: 'Back',
    changed: 'Password changed',
    otherSessionsEnded: (n: number) => `logged out of ${countOf(n, 'other session')}`,
  },
} satisfies typeof accountZh;
