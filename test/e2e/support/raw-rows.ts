import type { Page } from 'playwright-core';

/**
 * Writes rows straight into the app's IndexedDB (a seeded session for screens that need data),
 * or clears a table. The app must have created its schema first: opening `faircase` before it
 * does would make an empty database and fail with "object store not found" inside a callback,
 * where nothing catches it and the test waits forever. So the page waits until the table
 * exists (the app opens the database at start), and every failure rejects.
 */
async function onTable(page: Page, table: string, rows: readonly unknown[] | 'clear'): Promise<void> {
  await page.evaluate(
    ([name, list]) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 15_000;
        const attempt = (): void => {
          const open = indexedDB.open('faircase');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) {
              db.close();
              if (Date.now() > deadline) reject(new Error(`the app never created the table ${name}`));
              else setTimeout(attempt, 100);
              return;
            }
            try {
              const tx = db.transaction(name, 'readwrite');
              const store = tx.objectStore(name);
              if (list === 'clear') store.clear();
              else for (const r of list) store.put(r);
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error ?? new Error(`writing ${name} failed`));
            } catch (e) {
              db.close();
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          };
        };
        attempt();
      }),
    [table, rows] as const,
  );
}

export const putRawRows = (page: Page, table: string, rows: readonly unknown[]): Promise<void> => onTable(page, table, rows);
export const clearRawTable = (page: Page, table: string): Promise<void> => onTable(page, table, 'clear');
