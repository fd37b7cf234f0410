// The login page.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const loginZh = {
  login: {
    title: '登录',
    welcome: '一户一档 · 网格服务 · 客户关怀',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    demoTitle: '演示账号（点击填入）',
  },
};

export const loginEn = {
  login: {
    title: 'Log in',
    welcome: 'One file per retailer · grid service · care',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    demoTitle: 'Demo accounts (click to fill in)',
  },
} satisfies typeof loginZh;
