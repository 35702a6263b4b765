import { describe, expect, test } from 'vitest';
import { Fair } from '../../src/domain/fair';
import { decodeCsv, parseCsv } from '../../src/app/import/csv.chunk';
import { parseXlsx } from '../../src/app/import/xlsx.chunk';
import { headerToken, isGood, mapHeader, previewImport, splitBooths, type RowResult } from '../../src/domain/exhibitor-import';
import { BAD_USCC, EXHIBITOR_HEADER_EN, EXHIBITOR_HEADER_ZH, GOOD_USCC, csvOf, xlsxOf } from './support/kiosk';

/**
 * The pure half of the exhibitor import, in Node: file → rows → `{ row, exhibitor }`
 * or `{ row, errors }`. (It lives beside the browser tests because the unit project covers
 * domain, store and sync only.)
 */
const fair = Fair.parse({
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  code: 'CF137',
  nameZh: '第137届广交会',
  sessionNo: 137,
  days: [{ date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' }],
});

const codesOf = (r: RowResult | undefined): string[] => (r === undefined || isGood(r) ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

describe('headers', () => {
  test('zh-CN and English header names map to the same columns', () => {
    expect(mapHeader(EXHIBITOR_HEADER_ZH)).toEqual(mapHeader(EXHIBITOR_HEADER_EN));
    expect(mapHeader(EXHIBITOR_HEADER_EN)).toEqual({ nameZh: 0, nameEn: 1, country: 2, regNo: 3, delegation: 4, hall: 5, stand: 6, contactName: 7, contactPhone: 8 });
    expect(headerToken(' USCC or Foreign Reg. No. ')).toBe('usccorforeignregno');
    expect(headerToken('统一社会信用代码／境外注册号')).toBe('统一社会信用代码境外注册号');
  });

  test('a file without the name or stand column is refused as a whole', () => {
    const p = previewImport([['country', 'hall'], ['CN', '1.1']], fair, []);
    expect(p.missingColumns).toEqual(['nameZh', 'stand']);
    expect(p.results).toEqual([]);
  });
});

describe('rows', () => {
  test('several booths in one cell, with or without the hall column', () => {
    expect(splitBooths('1.1', 'A01;1.1/A02；2.2/B03')).toEqual([
      { hall: '1.1', stand: 'A01' },
      { hall: '1.1', stand: 'A02' },
      { hall: '2.2', stand: 'B03' },
    ]);
  });

  test('good rows become exhibitors; every bad row is listed with its errors, none dropped', () => {
    const table = [
      EXHIBITOR_HEADER_ZH,
      ['福州某某科技有限公司', 'Fuzhou Tech', 'CN', GOOD_USCC, '福建交易团', '1.1', 'A01;1.1/A02', '王五', '13812345678'],
      ['', 'No Name Ltd', 'CN', '', '', '1.1', 'A03', '', ''],
      ['坏代码公司', '', 'CN', BAD_USCC, '', '1.1', 'A04', '', ''],
      ['重复展位公司', '', 'DE', 'HRB 12345', '', '1.1', 'a01', '', ''],
      ['', '', '', '', '', '', '', '', ''],
      ['已占展位公司', '', 'CN', '', '', '9.9', 'Z01', '', ''],
      ['无展位公司', '', 'CN', '', '', '1.1', '', '', ''],
    ];
    const p = previewImport(table, fair, [{ booths: [{ hall: '9.9', stand: 'Z01' }] as never }]);
    expect(p.results.map((r) => r.row)).toEqual([2, 3, 4, 5, 7, 8]);
    const [good, noName, badUscc, dup, taken, noBooth] = p.results;
    expect(good !== undefined && isGood(good) ? good.exhibitor : undefined).toMatchObject({
      nameZh: '福州某某科技有限公司',
      uscc: GOOD_USCC,
      booths: [
        { hall: '1.1', stand: 'A01' },
        { hall: '1.1', stand: 'A02' },
      ],
      contacts: [{ name: '王五', phone: '13812345678' }],
    });
    expect(codesOf(noName)).toEqual(['nameZh:REQUIRED']);
    expect(codesOf(badUscc)).toEqual(['uscc:USCC_CHECK_DIGIT']);
    expect(codesOf(dup)).toEqual(['booths.0:DUPLICATE_BOOTH_IN_FILE']);
    expect(dup !== undefined && !isGood(dup) ? dup.errors[0]?.params : undefined).toMatchObject({ booth: '1.1/A01', other: 2 });
    expect(codesOf(taken)).toEqual(['booths.0:BOOTH_TAKEN']);
    expect(codesOf(noBooth)).toEqual(['booths:REQUIRED']);
  });

  test('a foreign exhibitor gets its registration number, the country defaults to the fair', () => {
    const p = previewImport(
      [
        EXHIBITOR_HEADER_EN,
        ['Acme GmbH', 'Acme GmbH', 'DE', 'HRB 999', '', '1.1', 'A02', '', ''],
        ['无代码公司', '', '', '', '', '1.1', 'A03', '', ''],
      ],
      fair,
      [],
    );
    const [acme, local] = p.results;
    expect(acme !== undefined && isGood(acme) ? acme.exhibitor : undefined).toMatchObject({ country: 'DE', foreignRegNo: 'HRB 999' });
    expect(local !== undefined && isGood(local) ? [local.exhibitor.country, local.weakKey] : undefined).toEqual(['CN', true]);
  });
});

describe('files', () => {
  test('CSV: quotes, commas inside cells, a BOM', () => {
    const text = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...csvOf([EXHIBITOR_HEADER_ZH, ['A, "B" Co.', '', 'CN', '', '', '1.1', 'A01;A02', '', '']])]));
    const rows = parseCsv(text);
    expect(rows[0]?.[0]).toBe('中文名称');
    expect(rows[1]?.[0]).toBe('A, "B" Co.');
    expect(rows[1]?.[6]).toBe('A01;A02');
  });

  test('CSV saved by Excel in China (GBK) is read too', () => {
    // 中文名称 in GBK.
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x41]);
    expect(parseCsv(decodeCsv(gbk))).toEqual([['中文名称', 'A']]);
  });

  test('XLSX: the first sheet as text cells, numbers included', async () => {
    const buf = await xlsxOf([EXHIBITOR_HEADER_EN, ['上海某某贸易有限公司', '', 'CN', GOOD_USCC, '', '2', '101', 'Li', '13912345678']]);
    const rows = await parseXlsx(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    expect(rows[0]).toEqual(EXHIBITOR_HEADER_EN);
    expect(rows[1]?.[0]).toBe('上海某某贸易有限公司');
    const p = previewImport(rows, fair, []);
    expect(p.results.filter(isGood)).toHaveLength(1);
  });
});
