import type { PairedMessages } from '../../i18n/paired';

/** The list of fairs on this tablet. */
export const fairListMessages = {
  'fairs.title': { 'zh-CN': '展会', en: 'Fairs' },
  'fairs.new': { 'zh-CN': '新建展会', en: 'New fair' },
  'fairs.empty': { 'zh-CN': '还没有展会。', en: 'No fairs yet.' },
  'fairs.session': { 'zh-CN': '第 {no} 届', en: 'Session {no}' },
  'fairs.days': { 'zh-CN': '{first} 至 {last}', en: '{first} to {last}' },
  'fairs.select': { 'zh-CN': '设为当前', en: 'Make current' },
  'fairs.current': { 'zh-CN': '当前', en: 'Current' },
} as const satisfies PairedMessages;
