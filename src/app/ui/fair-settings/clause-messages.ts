import type { PairedMessages } from '../../i18n/paired';

/** The commitment's clauses (CM8–CM11): the fair editor, the signing screens and the copy's template line. */
export const clauseMessages = {
  'clauses.section': { 'zh-CN': '承诺书条款', en: 'Commitment clauses' },
  'clauses.choice': { 'zh-CN': '展商签署的条款', en: 'Clauses exhibitors sign' },
  'clauses.choice.v2': { 'zh-CN': '标准条款（完整表述，推荐）', en: 'Standard clauses (full wording, recommended)' },
  'clauses.choice.v1': { 'zh-CN': '简要条款（旧版）', en: 'Short clauses (earlier version)' },
  'clauses.choice.custom': { 'zh-CN': '本展会自定条款', en: "This fair's own clauses" },
  'clauses.choiceHint': {
    'zh-CN': '每次保存改动过的条款，修订号加 1。已签署的承诺书保留签署时的条款原文，不受以后修改影响。',
    en: 'Each save of changed clauses raises the revision by 1. A signed commitment keeps the exact clauses it was signed under; later edits never change it.',
  },
  'clauses.revision': { 'zh-CN': '当前修订：第 {n} 次', en: 'Current revision: {n}' },
  'clauses.unsaved': { 'zh-CN': '尚未保存：保存后成为第 1 次修订', en: 'Not saved yet: the first save makes revision 1' },
  'clauses.clause': { 'zh-CN': '第 {n} 条', en: 'Clause {n}' },
  'clauses.zh': { 'zh-CN': '中文', en: 'Chinese' },
  'clauses.en': { 'zh-CN': '英文', en: 'English' },
  'clauses.limits': { 'zh-CN': '1–{max} 条；每条中文不超过 {zh} 字，英文不超过 {en} 个字符，两种语言都必须填写。', en: '1–{max} clauses; each in both languages, Chinese up to {zh} characters, English up to {en}.' },
  'clauses.add': { 'zh-CN': '添加一条', en: 'Add a clause' },
  'clauses.remove': { 'zh-CN': '删除第 {n} 条', en: 'Remove clause {n}' },
  'clauses.up': { 'zh-CN': '上移', en: 'Move up' },
  'clauses.preview': { 'zh-CN': '展商将看到并勾选以下条款：', en: 'Exhibitors see and tick these clauses:' },
  'clauses.template.v1': { 'zh-CN': '简要条款（v1）', en: 'Short clauses (v1)' },
  'clauses.template.v2': { 'zh-CN': '标准条款（v2）', en: 'Standard clauses (v2)' },
  'clauses.template.custom': { 'zh-CN': '主办方自定条款（第 {n} 次修订）', en: "Organizer's clauses (revision {n})" },
  'clauses.changed': {
    'zh-CN': '主办方刚更新了条款。请重新阅读并勾选。',
    en: 'The organizer has just changed the clauses. Please read and tick them again.',
  },
} as const satisfies PairedMessages;

/** The phone's strings on a fair's own wording (PI11); the phone loads them with its own dictionary. */
export const phoneClauseMessages = {
  'phone.clauses.atDesk': {
    'zh-CN': '本展会使用主办方自定的承诺条款，需联网才能在手机上显示。请连接网络后重新打开本页，或到知识产权服务台在平板上签署。',
    en: "This fair uses the organizer's own commitment clauses, which the phone can show only when online. Connect and open this page again, or sign on the tablet at the IP desk.",
  },
  'phone.clauses.loading': { 'zh-CN': '正在获取本展会的承诺条款…', en: "Fetching this fair's commitment clauses…" },
} as const satisfies PairedMessages;
