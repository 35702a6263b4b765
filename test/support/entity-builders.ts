import type { ExhibitorInput } from '../../src/domain/exhibitor';
import type { IpRightInput } from '../../src/domain/ip-right';
import type { PartyInput } from '../../src/domain/party';
import { ulidOf } from './builders';

/**
 * Valid inputs for the domain entities (EN4–EN18), to spread and override in tests. They are
 * inputs, not parsed values: a test parses them through the real schema.
 */

/** GB 32100-2015 vector (VA1). */
export const USCC = '91350100M000100Y43';
/** CNIPA vector (VA3): an invention (type digit 1). */
export const PATENT_NO = '201710601862.3';

export const meta = (n = 1) => ({
  createdAt: '2025-04-15T02:00:00.000Z',
  createdBy: ulidOf(n, '01H'),
  deviceId: ulidOf(n, '01D'),
});

export const complainantInput = (over: Partial<PartyInput> = {}): PartyInput => ({
  role: 'complainant',
  kind: 'entity',
  name: '福建某某科技有限公司',
  country: 'CN',
  uscc: USCC,
  phone: '13812345678',
  standing: 'holder',
  ...over,
});

export const patentRightInput = (over: Partial<IpRightInput> = {}): IpRightInput => ({
  type: 'invention',
  number: PATENT_NO,
  title: '一种折叠式展示架',
  holder: '福建某某科技有限公司',
  jurisdiction: 'CN',
  status: 'valid',
  statusSource: 'certificate',
  ...over,
});

export const trademarkRightInput = (over: Partial<IpRightInput> = {}): IpRightInput => ({
  type: 'trademark',
  number: '12345678',
  title: 'FAIRCASE',
  holder: '福建某某科技有限公司',
  jurisdiction: 'CN',
  niceClasses: [9, 35],
  status: 'valid',
  statusSource: 'register_extract',
  ...over,
});

export const exhibitorInput = (over: Partial<ExhibitorInput> = {}): ExhibitorInput => ({
  id: ulidOf(1, '01E'),
  fairId: ulidOf(1, '01F'),
  nameZh: '福建某某科技有限公司',
  nameEn: 'Fujian Example Technology Co., Ltd.',
  country: 'CN',
  uscc: USCC,
  booths: [{ hall: '9.2', stand: 'E16' }],
  contacts: [{ name: '张三', phone: '13812345678', title: '经理' }],
  ...meta(),
  ...over,
});
