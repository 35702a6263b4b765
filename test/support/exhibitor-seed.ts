/**
 * Exhibitors in bulk: rows in the store's `exhibitors` shape (src/store/db.ts `ExhibitorRow`),
 * written straight into the page's IndexedDB in a few transactions, so a browser test or the
 * bench has 25,000 exhibitors in seconds instead of an import. Names are drawn from a few
 * cities, districts and trades, so a district like 南山 matches a realistic share of them.
 */
import type { Page } from 'playwright-core';
import { usccCheckChar } from '../../src/domain/validators/uscc';

export interface SeedExhibitor {
  readonly nameZh: string;
  readonly nameEn?: string;
  readonly hall: string;
  readonly stand: string;
  readonly uscc?: string;
  readonly contacts?: readonly { readonly name: string; readonly phone: string }[];
}

const CITIES = [['深圳市', 'Shenzhen'], ['广州市', 'Guangzhou'], ['佛山市', 'Foshan'], ['宁波市', 'Ningbo'], ['义乌市', 'Yiwu'], ['厦门市', 'Xiamen'], ['苏州市', 'Suzhou']] as const;
const DISTRICTS = [['南山', 'Nanshan'], ['宝安', "Bao'an"], ['顺德', 'Shunde'], ['番禺', 'Panyu'], ['鄞州', 'Yinzhou'], ['思明', 'Siming'], ['吴中', 'Wuzhong'], ['龙岗', 'Longgang'], ['越秀', 'Yuexiu'], ['海曙', 'Haishu'], ['福田', 'Futian']] as const;
const TRADES = [['电器', 'Electric'], ['五金', 'Hardware'], ['家具', 'Furniture'], ['灯饰', 'Lighting'], ['玩具', 'Toys'], ['纺织', 'Textiles'], ['陶瓷', 'Ceramics'], ['电子', 'Electronics'], ['礼品', 'Gifts']] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '涛'];

/** `count` exhibitors, one booth and one contact each, every USCC valid (GB 32100-2015). */
export function seedExhibitors(count: number): SeedExhibitor[] {
  const out: SeedExhibitor[] = [];
  for (let i = 0; i < count; i++) {
    const [cityZh, cityEn] = CITIES[i % CITIES.length] ?? CITIES[0];
    const [districtZh, districtEn] = DISTRICTS[Math.floor(i / 7) % DISTRICTS.length] ?? DISTRICTS[0];
    const [tradeZh, tradeEn] = TRADES[Math.floor(i / 77) % TRADES.length] ?? TRADES[0];
    const body = `91${String(330000 + (i % 97)).padStart(6, '0')}MA${String(i).padStart(7, '0')}`;
    out.push({
      nameZh: `${cityZh}${districtZh}${tradeZh}有限公司${i}`,
      nameEn: `${cityEn} ${districtEn} ${tradeEn} Co., Ltd. ${i}`,
      hall: `${1 + (i % 20)}.${1 + (Math.floor(i / 20) % 3)}`,
      stand: `${'ABCDEFGH'[Math.floor(i / 60) % 8]}${String(Math.floor(i / 480)).padStart(2, '0')}-${String(i % 60).padStart(2, '0')}`,
      uscc: `${body}${usccCheckChar(body)}`,
      contacts: [{ name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`, phone: `+861${3 + (i % 7)}9${String(i).padStart(8, '0')}` }],
    });
  }
  return out;
}

/** The rows of `exhibitors` for fair `fairId` in the store's shape (its booth keys included). */
export function exhibitorRows(fairId: string, exhibitors: readonly SeedExhibitor[], at = new Date().toISOString()): Record<string, unknown>[] {
  return exhibitors.map((e, i) => {
    const booth = `${e.hall}/${e.stand}`;
    return {
      id: `01JEXHIBITOR${String(i).padStart(14, '0')}`,
      fairId,
      nameZh: e.nameZh,
      ...(e.nameEn === undefined ? {} : { nameEn: e.nameEn }),
      country: 'CN',
      ...(e.uscc === undefined ? {} : { uscc: e.uscc }),
      booths: [{ hall: e.hall, stand: e.stand }],
      contacts: e.contacts ?? [],
      createdAt: at,
      createdBy: 'seed',
      deviceId: 'seed',
      boothKeys: [`${fairId}|${booth}`],
    };
  });
}

/** Writes the rows into the page's `exhibitors` table, 2,500 per transaction. */
export async function seedExhibitorRows(page: Page, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2500) {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('faircase');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('exhibitors', 'readwrite');
            const store = tx.objectStore('exhibitors');
            for (const r of chunk) store.put(r);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      rows.slice(i, i + 2500),
    );
  }
}
