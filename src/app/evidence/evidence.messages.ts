import type { PairedMessages } from '../i18n/paired';

/** Evidence photos and files of a case. */
export const evidenceMessages = {
  'evidence.open': { 'zh-CN': '查看照片 {index}/{total}', en: 'View photo {index} of {total}' },
  'evidence.title': { 'zh-CN': '证据照片 {index}/{total}', en: 'Evidence photo {index} of {total}' },
  'evidence.close': { 'zh-CN': '关闭', en: 'Close' },
  'evidence.previous': { 'zh-CN': '上一张', en: 'Previous' },
  'evidence.next': { 'zh-CN': '下一张', en: 'Next' },
  'evidence.zoomIn': { 'zh-CN': '放大', en: 'Zoom in' },
  'evidence.zoomOut': { 'zh-CN': '缩小', en: 'Zoom out' },
  'evidence.zoomReset': { 'zh-CN': '原始大小', en: 'Actual size' },
  'evidence.missing': { 'zh-CN': '本机没有此照片文件', en: 'This tablet does not hold the photo file' },
  'evidence.capturedAt': { 'zh-CN': '拍摄时间', en: 'Captured at' },
  'evidence.device': { 'zh-CN': '设备', en: 'Device' },
  'evidence.person': { 'zh-CN': '拍摄人', en: 'Captured by' },
  'evidence.sha256': { 'zh-CN': 'SHA-256', en: 'SHA-256' },
  'evidence.deviceUnknown': { 'zh-CN': '未知设备', en: 'Unknown device' },
  'evidence.personDevice': { 'zh-CN': '设备 {code}（未登录）', en: 'Device {code} (nobody signed in)' },
  'evidence.fileName': { 'zh-CN': '文件名', en: 'File name' },
  'evidence.notSaved': { 'zh-CN': '保存时记录拍摄时间、设备和人员', en: 'Time, device and person are recorded on saving' },
  'evidence.count': { 'zh-CN': '照片 {count} 张', en: '{count} photo(s)' },
} as const satisfies PairedMessages;
