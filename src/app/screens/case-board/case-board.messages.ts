import type { PairedMessages } from '../../i18n/paired';

/** The board's scope filter and its search over closed cases too (§4: CLOSED is terminal, not gone). */
export const boardMessages = {
  'board.scope': { 'zh-CN': '案件范围', en: 'Cases' },
  'board.scope.open': { 'zh-CN': '未结', en: 'Open' },
  'board.scope.closed': { 'zh-CN': '已结', en: 'Closed' },
  'board.scope.all': { 'zh-CN': '全部', en: 'All' },
  'board.searchAll': { 'zh-CN': '搜索（含已结案件）', en: 'Search (closed cases too)' },
  'board.noClosed': { 'zh-CN': '本届暂无已结案件。', en: 'No closed cases at this fair.' },
  'board.noAny': { 'zh-CN': '本届暂无案件。', en: 'No cases at this fair.' },
} as const satisfies PairedMessages;
