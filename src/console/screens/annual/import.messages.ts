import type { ConsoleMessages } from '../../lib/i18n';

/** Importing other servers' summary files and trusting their keys (ANNUAL-SPEC AR13, AR14). */
export const importMessages = {
  'summaryFile.title': { 'zh-CN': '其他服务器的展会', en: 'Fairs held on other servers' },
  'summaryFile.explain': {
    'zh-CN': '导入主办方导出的签名汇总文件。同一版本重复导入不会改变数据；较新的版本会替换旧版本，并记入审计日志。',
    en: 'Import the signed summary file an organizer exported. Importing the same revision again changes nothing; a newer revision replaces the older one, and the audit log says so.',
  },
  'summaryFile.file': { 'zh-CN': '选择汇总文件（JSON）', en: 'Choose a summary file (JSON)' },
  'summaryFile.notJson': { 'zh-CN': '{file}：不是汇总文件（无法读取 JSON）。', en: '{file}: not a summary file (not readable JSON).' },
  'summaryFile.imported': { 'zh-CN': '{file}：已导入第 {revision} 版。', en: '{file}: revision {revision} imported.' },
  'summaryFile.replaced': { 'zh-CN': '{file}：第 {revision} 版已替换第 {replaced} 版。', en: '{file}: revision {revision} replaced revision {replaced}.' },
  'summaryFile.unchanged': { 'zh-CN': '{file}：第 {revision} 版已导入过，未作改动。', en: '{file}: revision {revision} was imported before; nothing changed.' },
  'summaryFile.older': { 'zh-CN': '{file}：第 {revision} 版比已有版本旧，未作改动。', en: '{file}: revision {revision} is older than the one held; nothing changed.' },
  'keys.title': { 'zh-CN': '受信任的发送方密钥', en: 'Trusted sender keys' },
  'keys.own': { 'zh-CN': '本服务器的密钥指纹：', en: 'This server’s key fingerprint:' },
  'keys.none': { 'zh-CN': '尚未添加受信任的密钥。', en: 'No trusted key yet.' },
  'keys.publicKey': { 'zh-CN': '公钥（64 位十六进制）', en: 'Public key (64 hex digits)' },
  'keys.label': { 'zh-CN': '发送方名称', en: 'Sender' },
  'keys.add': { 'zh-CN': '添加为受信任', en: 'Trust this key' },
  'keys.added': { 'zh-CN': '已添加。请与发送方核对上面列出的指纹。', en: 'Added. Check the fingerprint listed above with the sender.' },
} satisfies ConsoleMessages;
