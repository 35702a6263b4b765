import type { PairedMessages } from '../../i18n/paired';

/** A party and its rights, as the desk's intake and the public phone form both ask for them (the phone loads this file too). */
export const partyMessages = {
  'party.kind': { 'zh-CN': '类型', en: 'Kind' },
  'party.kind.entity': { 'zh-CN': '单位', en: 'Entity' },
  'party.kind.person': { 'zh-CN': '个人', en: 'Person' },
  'party.name': { 'zh-CN': '名称 / 姓名', en: 'Name' },
  'party.country': { 'zh-CN': '国家（ISO 两位代码）', en: 'Country (ISO 2 letters)' },
  'party.uscc': { 'zh-CN': '统一社会信用代码', en: 'USCC' },
  'party.foreignRegNo': { 'zh-CN': '境外注册号', en: 'Foreign registration no.' },
  'party.idType': { 'zh-CN': '证件类型', en: 'ID type' },
  'party.idNumber': { 'zh-CN': '证件号码', en: 'ID number' },
  'party.phone': { 'zh-CN': '电话', en: 'Phone' },
  'party.badgeNo': { 'zh-CN': '证件（胸卡）号', en: 'Badge no.' },
  'party.standing': { 'zh-CN': '投诉主体资格', en: 'Standing' },
  'right.type': { 'zh-CN': '权利类型', en: 'Type' },
  'right.number': { 'zh-CN': '专利号 / 注册号 / 登记号', en: 'Number' },
  'right.numberHintPatent': { 'zh-CN': '如 ZL201710601862.3（含校验位）', en: 'e.g. ZL201710601862.3 (with check digit)' },
  'right.title': { 'zh-CN': '名称', en: 'Title' },
  'right.holder': { 'zh-CN': '权利人', en: 'Holder' },
  'right.jurisdiction': { 'zh-CN': '授权国家', en: 'Jurisdiction' },
  'right.niceClasses': { 'zh-CN': '尼斯分类（逗号分隔）', en: 'Nice classes (comma separated)' },
  'right.status': { 'zh-CN': '权利状态', en: 'Status' },
  'right.statusSource': { 'zh-CN': '状态依据', en: 'Status source' },
  'intake.addRight': { 'zh-CN': '添加权利', en: 'Add a right' },
  'intake.removeRow': { 'zh-CN': '删除', en: 'Remove' },
} as const satisfies PairedMessages;
