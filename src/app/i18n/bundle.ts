import type { BundleErrorCode } from '../../domain/wire/bundle';
import type { BuildErrorCode } from '../../sync/bundle/build-bundle';
import { locale } from './index';

/**
 * Strings of the bundle file (BUNDLE-SPEC.md BN12): the export and import panel
 * of the sync screen and every refusal code, zh-CN first; `bundleEn` has exactly the same keys
 * (checked by `satisfies`), and every code of the domain and the builder has a message (checked
 * by `EVERY_BUNDLE_CODE_HAS_A_MESSAGE`).
 */
export const bundleZh = {
  'bundle.title': '数据包文件（U 盘或分享）',
  'bundle.hint': '没有网络时，把服务器尚未收到的记录和证据导出为一个文件，用 U 盘或分享带到服务器或另一台平板导入。导出不会删除本机数据：下次联网同步时服务器确认后才释放。',
  'bundle.export': '导出数据包',
  'bundle.exporting': '正在导出…',
  'bundle.phase.items': '读取未同步条目…',
  'bundle.phase.files': '读取证据文件 {done}/{total}…',
  'bundle.phase.zip': '打包…',
  'bundle.exported': '数据包已生成：{items} 条记录，{files} 个文件（{name}）。',
  'bundle.leftOut': '另有 {count} 条属于其他展会或超出上限的记录留待联网同步。',
  'bundle.download': '再次下载',
  'bundle.file': '选择数据包文件',
  'bundle.import': '导入到本机',
  'bundle.upload': '上传到服务器',
  'bundle.working': '正在处理…',
  'bundle.imported': '已导入设备 {code} 的数据包：{items} 条记录，新增 {files} 个文件。',
  'bundle.importedOwn': '这是本机自己的数据包，无需导入。',
  'bundle.uploaded': '服务器已接收：新增 {applied} 条，已有 {duplicates} 条，冲突 {conflicts} 条，拒收 {rejected} 条，新增 {files} 个文件。',
  'bundle.skipped': '{count} 条因序号缺口未处理，请让该平板联网同步。',
  'bundle.noFile': '请先选择一个数据包文件。',
  'bundle.error.other': '数据包出错（{code}）。',
  'bundle.error.BUNDLE_NO_FAIR': '本机尚未设置展会或未登记，无法导出。',
  'bundle.error.BUNDLE_EMPTY': '没有需要导出的数据：服务器已拥有本机的全部记录。',
  'bundle.error.BUNDLE_STORE': '读取或写入本机存储失败，未做任何更改。',
  'bundle.error.BUNDLE_TOO_LARGE': '数据包过大，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_NOT_ZIP': '这不是有效的 ZIP 数据包（文件损坏或不完整），未做任何更改。',
  'bundle.error.BUNDLE_TOO_MANY_ENTRIES': '数据包内文件过多，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_ENTRY_TOO_LARGE': '数据包内有文件超过大小上限，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_UNSAFE_PATH': '数据包含有不安全的路径（可能是伪造的），已拒收，未做任何更改。',
  'bundle.error.BUNDLE_UNEXPECTED_ENTRY': '数据包含有清单以外的文件，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_DUPLICATE_ENTRY': '数据包内有重复的文件名，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_MANIFEST_MISSING': '数据包缺少清单文件，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_MANIFEST_INVALID': '数据包清单无效，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_VERSION_UNSUPPORTED': '数据包格式版本 {version} 不受支持（支持 {supported}），请更新应用。未做任何更改。',
  'bundle.error.BUNDLE_FILE_MISSING': '数据包缺少清单所列的文件，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_HASH_MISMATCH': '数据包内容与校验值不符（文件已损坏或被改动），已拒收，未做任何更改。',
  'bundle.error.BUNDLE_ITEMS_INVALID': '数据包第 {line} 条记录无效，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_ITEM_COUNT_MISMATCH': '数据包记录数与清单不符，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_WRONG_FAIR': '数据包属于其他展会，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_DEVICE_MISMATCH': '数据包含有其他设备的记录，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_UNKNOWN_DEVICE': '数据包来自未登记或已注销的设备，已拒收，未做任何更改。',
  'bundle.error.BUNDLE_SIGNATURE_INVALID': '数据包的签名无法核实（未签名、被改动或并非该平板所出），已拒收，未做任何更改。请在原平板登记后重新导出。',
  'bundle.error.NETWORK': '无法连接服务器，请联网后再上传。',
} as const;

export const bundleEn = {
  'bundle.title': 'Bundle file (USB or share)',
  'bundle.hint': 'No network? Export what the server does not have yet (records and evidence) as one file, carry it by USB or the share sheet, and import it on the server or another tablet. Exporting deletes nothing here: data is freed only once the server confirms it at the next sync.',
  'bundle.export': 'Export a bundle',
  'bundle.exporting': 'Exporting…',
  'bundle.phase.items': 'Reading unsynced items…',
  'bundle.phase.files': 'Reading evidence files {done}/{total}…',
  'bundle.phase.zip': 'Packing…',
  'bundle.exported': 'Bundle ready: {items} records, {files} files ({name}).',
  'bundle.leftOut': '{count} more records (another fair, or over the limit) wait for a network sync.',
  'bundle.download': 'Download again',
  'bundle.file': 'Choose a bundle file',
  'bundle.import': 'Import into this tablet',
  'bundle.upload': 'Upload to the server',
  'bundle.working': 'Working…',
  'bundle.imported': 'Imported the bundle of device {code}: {items} records, {files} new files.',
  'bundle.importedOwn': 'This is this tablet’s own bundle: nothing to import.',
  'bundle.uploaded': 'The server took it: {applied} new, {duplicates} already there, {conflicts} conflicts, {rejected} refused, {files} new files.',
  'bundle.skipped': '{count} records were not looked at (a sequence gap): let that tablet sync over the network.',
  'bundle.noFile': 'Choose a bundle file first.',
  'bundle.error.other': 'Bundle error ({code}).',
  'bundle.error.BUNDLE_NO_FAIR': 'This tablet has no fair set up and is not enrolled: nothing to export.',
  'bundle.error.BUNDLE_EMPTY': 'Nothing to export: the server has every record of this tablet.',
  'bundle.error.BUNDLE_STORE': 'Reading or writing this tablet’s storage failed; nothing was changed.',
  'bundle.error.BUNDLE_TOO_LARGE': 'The bundle is too large and was refused; nothing was changed.',
  'bundle.error.BUNDLE_NOT_ZIP': 'This is not a valid ZIP bundle (damaged or incomplete); nothing was changed.',
  'bundle.error.BUNDLE_TOO_MANY_ENTRIES': 'The bundle holds too many files and was refused; nothing was changed.',
  'bundle.error.BUNDLE_ENTRY_TOO_LARGE': 'A file in the bundle is over the size limit; refused, nothing was changed.',
  'bundle.error.BUNDLE_UNSAFE_PATH': 'The bundle holds an unsafe path (it may be forged); refused, nothing was changed.',
  'bundle.error.BUNDLE_UNEXPECTED_ENTRY': 'The bundle holds a file its manifest does not list; refused, nothing was changed.',
  'bundle.error.BUNDLE_DUPLICATE_ENTRY': 'The bundle holds the same file name twice; refused, nothing was changed.',
  'bundle.error.BUNDLE_MANIFEST_MISSING': 'The bundle has no manifest; refused, nothing was changed.',
  'bundle.error.BUNDLE_MANIFEST_INVALID': 'The bundle’s manifest is invalid; refused, nothing was changed.',
  'bundle.error.BUNDLE_VERSION_UNSUPPORTED': 'Bundle format version {version} is not supported (this app reads {supported}): update the app. Nothing was changed.',
  'bundle.error.BUNDLE_FILE_MISSING': 'A file the manifest lists is missing; refused, nothing was changed.',
  'bundle.error.BUNDLE_HASH_MISMATCH': 'The bundle’s content does not match its checksums (damaged or altered); refused, nothing was changed.',
  'bundle.error.BUNDLE_ITEMS_INVALID': 'Record {line} of the bundle is invalid; refused, nothing was changed.',
  'bundle.error.BUNDLE_ITEM_COUNT_MISMATCH': 'The bundle’s record count does not match its manifest; refused, nothing was changed.',
  'bundle.error.BUNDLE_WRONG_FAIR': 'The bundle belongs to another fair; refused, nothing was changed.',
  'bundle.error.BUNDLE_DEVICE_MISMATCH': 'The bundle holds records of another device; refused, nothing was changed.',
  'bundle.error.BUNDLE_UNKNOWN_DEVICE': 'The bundle comes from a device that is not enrolled or was revoked; refused, nothing was changed.',
  'bundle.error.BUNDLE_SIGNATURE_INVALID': 'The bundle’s signature cannot be verified (unsigned, altered, or not made by that tablet); refused, nothing was changed. Export it again on the tablet it came from, once that tablet is enrolled.',
  'bundle.error.NETWORK': 'The server cannot be reached: upload once there is a network.',
} as const satisfies Record<keyof typeof bundleZh, string>;

export type BundleMessageKey = keyof typeof bundleZh;
export type BundleParams = Readonly<Record<string, string | number | undefined>>;

/** Compile-time: every refusal of the domain and the builder has a message (BN12). */
type Missing = Exclude<`bundle.error.${BundleErrorCode | BuildErrorCode}`, BundleMessageKey>;
export const EVERY_BUNDLE_CODE_HAS_A_MESSAGE: [Missing] extends [never] ? true : Missing = true;

const interpolate = (text: string, params: BundleParams | undefined): string =>
  params === undefined ? text : text.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));

/** In a given language (tests, the e2e's expectations). */
export const tBundleIn = (lang: 'zh-CN' | 'en', key: BundleMessageKey, params?: BundleParams): string => interpolate((lang === 'en' ? bundleEn : bundleZh)[key], params);

/** Reactive on the app's language, as `t`. */
export const tBundle = (key: BundleMessageKey, params?: BundleParams): string => tBundleIn(locale(), key, params);

/** A refusal code in the user's language: a bundle code, else the code named. */
export function bundleErrorText(error: { readonly code: string; readonly params?: Readonly<Record<string, string | number | boolean>> }): string {
  const key = `bundle.error.${error.code}`;
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
  return Object.hasOwn(bundleZh, key) ? tBundle(key as BundleMessageKey, params) : tBundle('bundle.error.other', { code: error.code });
}
