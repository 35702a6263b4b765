/**
 * Strings of the evidence thumbnails and viewer (src/app/ui/evidence-gallery.tsx), zh-CN first;
 * `evidenceEn` has exactly the same keys (`satisfies`).
 */
export const evidenceZh = {
  'evidence.open': '查看照片 {index}/{total}',
  'evidence.title': '证据照片 {index}/{total}',
  'evidence.close': '关闭',
  'evidence.previous': '上一张',
  'evidence.next': '下一张',
  'evidence.zoomIn': '放大',
  'evidence.zoomOut': '缩小',
  'evidence.zoomReset': '原始大小',
  'evidence.missing': '本机没有此照片文件',
  'evidence.capturedAt': '拍摄时间',
  'evidence.device': '设备',
  'evidence.person': '拍摄人',
  'evidence.sha256': 'SHA-256',
  'evidence.deviceUnknown': '未知设备',
  'evidence.personDevice': '设备 {code}（未登录）',
  'evidence.fileName': '文件名',
  'evidence.notSaved': '保存时记录拍摄时间、设备和人员',
  'evidence.count': '照片 {count} 张',
} as const;

export const evidenceEn = {
  'evidence.open': 'View photo {index} of {total}',
  'evidence.title': 'Evidence photo {index} of {total}',
  'evidence.close': 'Close',
  'evidence.previous': 'Previous',
  'evidence.next': 'Next',
  'evidence.zoomIn': 'Zoom in',
  'evidence.zoomOut': 'Zoom out',
  'evidence.zoomReset': 'Actual size',
  'evidence.missing': 'This tablet does not hold the photo file',
  'evidence.capturedAt': 'Captured at',
  'evidence.device': 'Device',
  'evidence.person': 'Captured by',
  'evidence.sha256': 'SHA-256',
  'evidence.deviceUnknown': 'Unknown device',
  'evidence.personDevice': 'Device {code} (nobody signed in)',
  'evidence.fileName': 'File name',
  'evidence.notSaved': 'Time, device and person are recorded on saving',
  'evidence.count': '{count} photo(s)',
} as const satisfies Record<keyof typeof evidenceZh, string>;
