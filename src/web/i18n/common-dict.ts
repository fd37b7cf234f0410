// Strings every screen uses: the app name, sheet-error tables, buttons and generic errors.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const commonZh = {
  app: { name: '知音', subtitle: '零售客户服务系统', switchLang: 'English' },
  /** The bad rows of a refused sheet (every sheet import). */
  sheet: { row: '行', column: '列', value: '内容', problem: '问题' },
  common: {
    loading: '加载中…',
    retry: '重试',
    cancel: '取消',
    save: '保存',
    search: '搜索',
    yes: '是',
    no: '否',
    dash: '—',
    back: '返回',
    reload: '重新加载',
    comingSoon: '即将上线',
    networkError: '无法连接服务器，请检查网络后重试',
    unknownError: '出错了，请稍后重试',
    total: (n: number) => `共 ${n} 条`,
    prev: '上一页',
    next: '下一页',
    page: (n: number) => `第 ${n} 页`,
  },
};

export const commonEn = {
  app: { name: 'Zhiyin', subtitle: 'Retail customer service', switchLang: '中文' },
  /** The bad rows of a refused sheet (every sheet import). */
  sheet: { row: 'Row', column: 'Column', value: 'Value', problem: 'Problem' },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    cancel: 'Cancel',
    save: 'Save',
    search: 'Search',
    yes: 'Yes',
    no: 'No',
    dash: '—',
    back: 'Back',
    reload: 'Reload',
    comingSoon: 'Coming soon',
    networkError: 'Cannot reach the server; check the network and retry',
    unknownError: 'Something went wrong; please try again later',
    total: (n: number) => `${n} in total`,
    prev: 'Previous',
    next: 'Next',
    page: (n: number) => `Page ${n}`,
  },
} satisfies typeof commonZh;
