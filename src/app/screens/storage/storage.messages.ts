import type { PairedMessages } from '../../i18n/paired';

/** The storage screen: what this tablet holds and what it may free. */
export const storageMessages = {
  'storage.title': { 'zh-CN': '存储', en: 'Storage' },
  'storage.usage': { 'zh-CN': '已用空间', en: 'Used' },
  'storage.quota': { 'zh-CN': '可用配额', en: 'Quota' },
  'storage.percent': { 'zh-CN': '使用比例', en: 'Share used' },
  'storage.persisted': { 'zh-CN': '持久存储', en: 'Persistent storage' },
  'storage.persistedYes': { 'zh-CN': '已授予：浏览器不会自动清除本机数据。', en: 'Granted: the browser will not clear this device’s data on its own.' },
  'storage.persistedNo': { 'zh-CN': '未授予：空间不足时浏览器可能清除数据。', en: 'Not granted: the browser may clear data when space runs low.' },
  'storage.request': { 'zh-CN': '申请持久存储', en: 'Ask for persistent storage' },
  'storage.requestRefused': { 'zh-CN': '浏览器拒绝了持久存储请求。', en: 'The browser refused persistent storage.' },
  'storage.unknown': { 'zh-CN': '未知', en: 'Unknown' },
  'storage.build': { 'zh-CN': '应用版本', en: 'App build' },
  'storage.unsynced': { 'zh-CN': '待同步记录', en: 'Unsynced records' },
  'storage.oldest': { 'zh-CN': '最早未同步', en: 'Oldest unsynced' },
} as const satisfies PairedMessages;
