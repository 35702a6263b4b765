import type { PairedMessages } from '../../i18n/paired';

/** Which exhibitors have signed their commitment, hall by hall. */
export const coverageMessages = {
  'coverage.title': { 'zh-CN': '承诺书签署情况', en: 'Commitment coverage' },
  'coverage.sign': { 'zh-CN': '签署承诺书', en: 'Sign a commitment' },
  'coverage.totals': { 'zh-CN': '已签 {signed} / {total}（{pct}），未签 {unsigned}', en: '{signed} of {total} signed ({pct}), {unsigned} not signed' },
  'coverage.show': { 'zh-CN': '显示', en: 'Show' },
  'coverage.showAll': { 'zh-CN': '全部', en: 'All' },
  'coverage.showSigned': { 'zh-CN': '已签', en: 'Signed' },
  'coverage.showUnsigned': { 'zh-CN': '未签', en: 'Not signed' },
  'coverage.hall': { 'zh-CN': '{hall} 馆', en: 'Hall {hall}' },
  'coverage.hallCount': { 'zh-CN': '已签 {signed} / {total}（{pct}）', en: '{signed} of {total} signed ({pct})' },
  'coverage.unsigned': { 'zh-CN': '未签署', en: 'Not signed' },
  'coverage.signedAt': { 'zh-CN': '第 {version} 版 · {at}', en: 'v{version} · {at}' },
  'coverage.signOne': { 'zh-CN': '签署', en: 'Sign' },
  'coverage.view': { 'zh-CN': '查看', en: 'View' },
} as const satisfies PairedMessages;
