import type { ConsoleMessages } from '../../lib/i18n';

/** The console's bundle upload (CO43, CO44); the refusal codes' words are the tablet's (src/app/i18n/bundle.ts). */
export const bundlesMessages = {
  'bundles.title': { 'zh-CN': '上传数据包', en: 'Upload bundles' },
  'bundles.lead': {
    'zh-CN': '没有网络的平板导出的数据包（ZIP）在此上传到服务器，与平板联网同步走同一条路径：重复上传只会得到“已有”，伪造或损坏的数据包会被拒收且不做任何更改。',
    en: 'Bundles (ZIP) exported by tablets without a network are uploaded here, through the same path as a tablet’s sync: a second upload only finds duplicates; a forged or damaged bundle is refused and changes nothing.',
  },
  'bundles.drop': { 'zh-CN': '把一个或多个数据包文件拖放到这里', en: 'Drop one or more bundle files here' },
  'bundles.or': { 'zh-CN': '或', en: 'or' },
  'bundles.choose': { 'zh-CN': '选择文件…', en: 'Choose files…' },
  'bundles.limit': { 'zh-CN': '每个文件最大 256 MB。', en: 'Up to 256 MB per file.' },
  'bundles.overall': { 'zh-CN': '共 {files} 个文件：已完成 {done} 个 · 已上传 {sent} / {total} · 已处理 {items} 条记录', en: '{files} files: {done} done · {sent} of {total} sent · {items} items processed' },
  'bundles.col.file': { 'zh-CN': '文件', en: 'File' },
  'bundles.col.progress': { 'zh-CN': '进度', en: 'Progress' },
  'bundles.col.result': { 'zh-CN': '结果', en: 'Result' },
  'bundles.queued': { 'zh-CN': '等待上传', en: 'Waiting' },
  'bundles.sending': { 'zh-CN': '正在上传 {sent} / {total}', en: 'Sending {sent} of {total}' },
  'bundles.checking': { 'zh-CN': '服务器正在校验并导入…', en: 'The server is checking and importing…' },
  'bundles.applied': {
    'zh-CN': '已接收 {items} 条记录：新增 {applied} 条，已有 {duplicates} 条，冲突 {conflicts} 条，拒收 {rejected} 条；新增 {files} 个证据文件。',
    en: 'Received {items} items: {applied} applied, {duplicates} duplicates, {conflicts} conflicts, {rejected} rejected; {files} new evidence files.',
  },
  'bundles.refused': { 'zh-CN': '已拒收：{reason}', en: 'Refused: {reason}' },
  'bundles.failed': { 'zh-CN': '上传失败：{reason}', en: 'Upload failed: {reason}' },
  'bundles.notZip': { 'zh-CN': '不是 ZIP 文件，未上传。', en: 'Not a ZIP file: not sent.' },
  'bundles.tooLarge': { 'zh-CN': '文件超过 256 MB，未上传。', en: 'Larger than 256 MB: not sent.' },
} satisfies ConsoleMessages;
