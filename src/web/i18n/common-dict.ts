// Strings every screen uses: the app name, sheet-error tables, buttons and generic errors.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../shared/plural.js';

export const commonZh = {
  app: { name: '知音', subtitle: '零售客户服务系统', switchLang: 'English' },
  /** The bad rows of a refused sheet (every sheet import). */
  sheet: { row: '行', column: '列', value: '内容', problem: '问题' },
  /** Background work followed on its screen (GET /api/jobs/:id). */
  jobs: {
    state: { queued: '排队中', running: '进行中', completed: '已完成', failed: '失败', cancelled: '已取消' },
    retrying: (n: number, max: number) => `第 ${n} 次未成功，稍后自动重试（最多 ${max} 次）`,
    failed: (error: string) => `后台任务失败，可以重新开始。原因：${error}`,
    leaveHint: '在后台进行，可以离开本页，回来时仍可看到进度。',
  },
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
    networkError: '无法连接服务器，请检查网络后重试',
    unknownError: '出错了，请稍后重试',
    total: (n: number) => `共 ${n} 条`,
    prev: '上一页',
    next: '下一页',
    page: (n: number) => `第 ${n} 页`,
  },
  /** Punctuation that joins pieces of text: full-width in Chinese, ASCII with a space in English (decision 1444). */
  punct: {
    colon: '：',
    semicolon: '；',
    comma: '，',
    /** Between the items of a list of names (顿号). */
    listSep: '、',
    paren: (s: string | number) => `（${s}）`,
  },
};

export const commonEn = {
  app: { name: 'Zhiyin', subtitle: 'Retail customer service', switchLang: '中文' },
  /** The bad rows of a refused sheet (every sheet import). */
  sheet: { row: 'Row', column: 'Column', value: 'Value', problem: 'Problem' },
  jobs: {
    state: { queued: 'Queued', running: 'Running', completed: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
    retrying: (n: number, max: number) => `Attempt ${n} did not succeed; it will be retried shortly (at most ${countOf(max, 'attempt')})`,
    failed: (error: string) => `The background job failed; you can start it again. Reason: ${error}`,
    leaveHint: 'Runs in the background; you may leave this page and find the progress here when you return.',
  },
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
    networkError: 'Cannot reach the server; check the network and retry',
    unknownError: 'Something went wrong; please try again later',
    total: (n: number) => `${n} in total`,
    prev: 'Previous',
    next: 'Next',
    page: (n: number) => `Page ${n}`,
  },
  punct: {
    colon: ': ',
    semicolon: '; ',
    comma: ', ',
    listSep: ', ',
    paren: (s: string | number) => ` (${s})`,
  },
} satisfies typeof commonZh;
