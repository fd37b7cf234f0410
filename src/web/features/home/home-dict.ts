// The "today" home. Item titles and tags come from src/shared/home.ts.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
export const homeZh = {
  home: {
    morning: '早上好',
    afternoon: '下午好',
    evening: '晚上好',
    greet: (greeting: string, name: string) => `${greeting}，${name}`,
    todayIs: (date: string, weekday: string) => `今天是 ${date} ${weekday}`,
    weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
    todo: '今日待办',
    watch: '需要关注',
    figures: '关键数据',
    open: '去处理',
    view: '查看',
    nothingDue: '暂无待办',
    allDone: '已全部完成',
    more: (n: number) => `还有 ${n} 条`,
    due: '截止',
    opens: '开放',
    seeAll: '查看全部',
    of: (done: string, total: string) => `${done} / ${total}`,
    refresh: '刷新',
  },
};

export const homeEn = {
  home: {
    morning: 'Good morning',
    afternoon: 'Good afternoon',
    evening: 'Good evening',
    greet: (greeting: string, name: string) => `${greeting}, ${name}`,
    todayIs: (date: string, weekday: string) => `Today is ${weekday}, ${date}`,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    todo: 'To do today',
    watch: 'Keep an eye on',
    figures: 'Key figures',
    open: 'Open',
    view: 'View',
    nothingDue: 'Nothing due',
    allDone: 'All done',
    more: (n: number) => `${n} more`,
    due: 'closes',
    opens: 'opens',
    seeAll: 'See all',
    of: (done: string, total: string) => `${done} of ${total}`,
    refresh: 'Refresh',
  },
} satisfies typeof homeZh;
