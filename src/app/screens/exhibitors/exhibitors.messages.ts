import type { PairedMessages } from '../../i18n/paired';

/** The exhibitor search (list and respondent picker): any part of a name, booth, code or contact. */
export const exhibitorSearchMessages = {
  'exhibitors.searchAny': { 'zh-CN': '名称任意部分、展位、信用代码、联系人或电话', en: 'Any part of a name, booth, USCC, contact or phone' },
  'exhibitors.found': { 'zh-CN': '找到 {count} 家', en: '{count} found' },
  'exhibitors.foundMore': { 'zh-CN': '显示前 {count} 家，输入更多以缩小范围', en: 'First {count} shown; type more to narrow' },
  'exhibitors.listVersion': { 'zh-CN': '主办方名单第 {version} 版', en: 'Organizer’s list, version {version}' },
  'exhibitors.colContacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'intake.findExhibitorAny': { 'zh-CN': '查找参展商：名称任意部分、展位、信用代码、联系人或电话', en: 'Find the exhibitor: any part of a name, booth, USCC, contact or phone' },
} as const satisfies PairedMessages;
