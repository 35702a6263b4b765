import type { PairedMessages } from '../../i18n/paired';

/** Reviewing conflicts the server reported. */
export const conflictMessages = {
  'conflicts.title': { 'zh-CN': '冲突复核', en: 'Conflict review' },
  'conflicts.hint': { 'zh-CN': '两台设备离线时对同一案件作出了不同处理。两边的记录都已保留，由专家复核后作出正确处理。', en: 'Two tablets acted differently on one case while offline. Both records are kept; an expert reviews them and issues the right command.' },
  'conflicts.none': { 'zh-CN': '没有待复核的冲突。', en: 'No conflicts to review.' },
  'conflicts.open': { 'zh-CN': '待复核', en: 'To review' },
  'conflicts.resolved': { 'zh-CN': '已复核', en: 'Reviewed' },
  'conflicts.review': { 'zh-CN': '复核', en: 'Review' },
  'conflicts.common': { 'zh-CN': '共同经过', en: 'Shared history' },
  'conflicts.applied': { 'zh-CN': '已生效的一方', en: 'Branch in effect' },
  'conflicts.setAside': { 'zh-CN': '未生效的一方（已保留）', en: 'Branch not in effect (kept)' },
  'conflicts.after': { 'zh-CN': '复核之后', en: 'After the review' },
  'conflicts.resolve.title': { 'zh-CN': '专家处理', en: 'Expert decision' },
  'conflicts.resolve.hint': { 'zh-CN': '确认已生效的一方，写明理由；如果另一方才是正确的，请在案件页面发出正确的指令。', en: 'Confirm the branch in effect and give your reasons; if the other branch is right, issue the right command on the case page.' },
  'conflicts.resolve.note': { 'zh-CN': '复核意见', en: 'Review note' },
  'conflicts.resolve.keep': { 'zh-CN': '确认并记录复核意见', en: 'Confirm and record the review' },
  'conflicts.resolve.openCase': { 'zh-CN': '打开案件发出正确指令', en: 'Open the case to issue the right command' },
  'conflicts.resolve.expertOnly': { 'zh-CN': '仅专家可以处理冲突，请以专家身份登录。', en: 'Only an expert can resolve a conflict: sign in as an expert.' },
  'conflicts.resolve.prefix': { 'zh-CN': '冲突复核：', en: 'Conflict review: ' },
  'conflicts.resolve.done': { 'zh-CN': '复核意见已记录。', en: 'The review has been recorded.' },
  'conflicts.caseMissing': { 'zh-CN': '本设备上没有这个案件。', en: 'This case is not on this tablet.' },
  'conflicts.sharedNumber': { 'zh-CN': '两个案件共用编号 {caseNo}（另一件：{other}）。两件都已保留，请复核。', en: 'Two cases share number {caseNo} (the other: {other}). Both are kept; please review.' },
} as const satisfies PairedMessages;
