import type { PairedMessages } from '../../i18n/paired';

/** The list of fairs on this tablet. */
export const fairListMessages = {
  'fairList.title': { 'zh-CN': '展会', en: 'Fairs' },
  'fairList.new': { 'zh-CN': '新建展会', en: 'New fair' },
  'fairList.empty': { 'zh-CN': '还没有展会。', en: 'No fairs yet.' },
  'fairList.session': { 'zh-CN': '第 {no} 届', en: 'Session {no}' },
  'fairList.days': { 'zh-CN': '{first} 至 {last}', en: '{first} to {last}' },
  'fairList.select': { 'zh-CN': '设为当前', en: 'Make current' },
  'fairList.current': { 'zh-CN': '当前', en: 'Current' },
} as const satisfies PairedMessages;
