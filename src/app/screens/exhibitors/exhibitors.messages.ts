import type { PairedMessages } from '../../i18n/paired';

/** The exhibitor search (list and respondent picker): any part of a name, booth, code or contact. */
export const exhibitorSearchMessages = {
  'exhibitors.searchAny': { 'zh-CN': '名称任意部分、展位、信用代码、联系人或电话', en: 'Any part of a name, booth, USCC, contact or phone' },
  'exhibitors.found': { 'zh-CN': '找到 {count} 家', en: '{count} found' },
  'exhibitors.listVersion': { 'zh-CN': '主办方名单第 {version} 版', en: 'Organizer’s list, version {version}' },
  'exhibitors.colContacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'intake.findExhibitorAny': { 'zh-CN': '查找参展商：名称任意部分、展位、信用代码、联系人或电话', en: 'Find the exhibitor: any part of a name, booth, USCC, contact or phone' },
  'intake.pickListed': { 'zh-CN': '名录中有 {count} 家匹配：请从中选择，不要再手工填写。', en: '{count} listed exhibitors match: pick one instead of entering it by hand.' },
  'intake.pickListedMore': { 'zh-CN': '显示前 {count} 家匹配，输入更多以缩小范围，再从中选择。', en: 'First {count} matches shown: type more to narrow, then pick one.' },
  'intake.searchFirst': { 'zh-CN': '请先按名称、展位、信用代码或电话查找；名录中查不到时才手工添加。', en: 'Search by name, booth, USCC or phone first; add by hand only when the list has no match.' },
  'intake.listedLike': { 'zh-CN': '名录中有名称相近的参展商：', en: 'Listed exhibitors with a similar name:' },
  'intake.useListed': { 'zh-CN': '改用名录中的“{name}”', en: 'Use the listed “{name}”' },
  'exhibitors.title': { 'zh-CN': '参展商', en: 'Exhibitors' },
  'exhibitors.needFair': { 'zh-CN': '请先在“本机设置”中选择当前展会。', en: 'Choose the current fair under “This device” first.' },
  'exhibitors.search': { 'zh-CN': '按展位、名称或信用代码搜索', en: 'Search by booth, name or USCC' },
  'exhibitors.add': { 'zh-CN': '手动添加', en: 'Add by hand' },
  'exhibitors.import': { 'zh-CN': '从文件导入', en: 'Import a file' },
  'exhibitors.empty': { 'zh-CN': '没有参展商。', en: 'No exhibitors.' },
  'exhibitors.count': { 'zh-CN': '共 {count} 家', en: '{count} in all' },
  'exhibitors.colName': { 'zh-CN': '名称', en: 'Name' },
  'exhibitors.colRegNo': { 'zh-CN': '信用代码/注册号', en: 'USCC / reg. no.' },
  'exhibitors.colBooths': { 'zh-CN': '展位', en: 'Booths' },
  'exhibitors.colDelegation': { 'zh-CN': '交易团', en: 'Delegation' },
} as const satisfies PairedMessages;
