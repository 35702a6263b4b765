import type { PairedMessages } from '../../i18n/paired';

/** One exhibitor's record: its fields and their hints. */
export const exhibitorEditMessages = {
  'exhibitor.titleNew': { 'zh-CN': '添加参展商', en: 'Add an exhibitor' },
  'exhibitor.titleEdit': { 'zh-CN': '编辑参展商', en: 'Edit exhibitor' },
  'exhibitor.nameZh': { 'zh-CN': '中文名称', en: 'Chinese name' },
  'exhibitor.nameEn': { 'zh-CN': '英文名称', en: 'English name' },
  'exhibitor.country': { 'zh-CN': '国家（ISO 两位代码）', en: 'Country (ISO 2-letter code)' },
  'exhibitor.uscc': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code (USCC)' },
  'exhibitor.foreignRegNo': { 'zh-CN': '境外注册号', en: 'Foreign registration no.' },
  'exhibitor.delegation': { 'zh-CN': '交易团', en: 'Delegation' },
  'exhibitor.booths': { 'zh-CN': '展位', en: 'Booths' },
  'exhibitor.hall': { 'zh-CN': '展馆', en: 'Hall' },
  'exhibitor.stand': { 'zh-CN': '展位号', en: 'Stand' },
  'exhibitor.addBooth': { 'zh-CN': '添加展位', en: 'Add a booth' },
  'exhibitor.contacts': { 'zh-CN': '联系人', en: 'Contacts' },
  'exhibitor.contactName': { 'zh-CN': '姓名', en: 'Name' },
  'exhibitor.contactPhone': { 'zh-CN': '电话', en: 'Phone' },
  'exhibitor.addContact': { 'zh-CN': '添加联系人', en: 'Add a contact' },
  'exhibitor.saved': { 'zh-CN': '参展商已保存。', en: 'Exhibitor saved.' },
  'exhibitor.weakKey': { 'zh-CN': '没有信用代码或注册号：只能按名称识别，重复侵权核查可能不准确。', en: 'No USCC or registration number: matched by name only, so repeat checks may miss.' },
} as const satisfies PairedMessages;
