import type { ConsoleMessages } from '../../lib/i18n';

/** Closing a fair's summary and its signed file (ANNUAL-SPEC AR10, AR14). */
export const closeMessages = {
  'close.title': { 'zh-CN': '结束汇总', en: 'Close the summary' },
  'close.explain': {
    'zh-CN': '结束后，本届展会的数字以此为准（最终），计入管理部门的年度统计。之后如有迟到的数据，可再次结束，生成新版本。',
    en: 'Once closed, these figures are the fair’s final ones and count in the administration’s annual figures. If late data arrives, close again to make a new revision.',
  },
  'close.action': { 'zh-CN': '结束汇总', en: 'Close the summary' },
  'close.blocked': { 'zh-CN': '尚有平板未同步完成：每台平板同步完成后才能结束汇总。', en: 'A tablet has not finished syncing: every tablet must be complete before the summary can be closed.' },
  'close.done': { 'zh-CN': '汇总已结束：第 {revision} 版。', en: 'Summary closed: revision {revision}.' },
  'close.unchanged': { 'zh-CN': '数字与第 {revision} 版相同，未生成新版本。', en: 'The figures are the same as revision {revision}: no new revision was made.' },
  'close.revisions': { 'zh-CN': '已结束的版本', en: 'Closed revisions' },
  'close.revision': { 'zh-CN': '第 {revision} 版 · {time} · {by}', en: 'Revision {revision} · {time} · {by}' },
  'close.imported': { 'zh-CN': '导入', en: 'imported' },
  'close.file': { 'zh-CN': '下载签名汇总文件', en: 'Download the signed summary file' },
} satisfies ConsoleMessages;
