// The audit log.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const auditZh = {
  audit: {
    title: '审计日志',
    action: '操作类型',
    all: '全部操作',
    at: '时间',
    user: '操作人',
    entity: '对象',
    detail: '详情',
    ip: 'IP',
    actions: {
      login: '登录',
      login_failed: '登录失败',
      login_throttled: '登录被限制',
      search: '搜索电话',
      logout: '退出',
      view_pii: '查看个人信息',
      update: '修改档案',
      import: '导入',
      export: '导出',
    },
    entities: { retailer: '零售户', user: '用户' },
    detailKeys: { fields: '字段', via: '途径', q: '搜索词' },
    detailValues: { card: '档案卡', list: '列表', family: '家庭信息', idNumber: '身份证号' },
    empty: '暂无记录',
  },
};

export const auditEn = {
  audit: {
    title: 'Audit log',
    action: 'Action',
    all: 'All actions',
    at: 'When',
    user: 'Who',
    entity: 'Object',
    detail: 'Detail',
    ip: 'IP',
    actions: {
      login: 'Log in',
      login_failed: 'Failed login',
      login_throttled: 'Login throttled',
      search: 'Phone search',
      logout: 'Log out',
      view_pii: 'Viewed personal data',
      update: 'Edited file',
      import: 'Import',
      export: 'Export',
    },
    entities: { retailer: 'Retailer', user: 'User' },
    detailKeys: { fields: 'Fields', via: 'Via', q: 'Search' },
    detailValues: { card: 'card', list: 'list', family: 'family', idNumber: 'ID number' },
    empty: 'No entries',
  },
} satisfies typeof auditZh;
