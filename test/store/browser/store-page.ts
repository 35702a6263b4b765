/**
 * Puts the real store modules on `window.faircase` for test/store/browser.test.ts. The
 * database name comes from `?db=`, so each test has its own.
 */
import * as cases from '../../../src/store/cases';
import * as commitments from '../../../src/store/commitments';
import * as consultations from '../../../src/store/consultations';
import * as db from '../../../src/store/db';
import * as device from '../../../src/store/device';
import * as drafts from '../../../src/store/drafts';
import * as evidence from '../../../src/store/evidence';
import * as exhibitors from '../../../src/store/exhibitors';
import * as fairs from '../../../src/store/fairs';
import * as outbox from '../../../src/store/outbox';
import * as persistence from '../../../src/store/persistence';
import * as seed from '../../../src/store/seed';
import * as users from '../../../src/store/users';

const store = { cases, commitments, consultations, db, device, drafts, evidence, exhibitors, fairs, outbox, persistence, seed, users };
export type StoreModules = typeof store;

declare global {
  interface Window {
    faircase?: StoreModules;
  }
}

const name = new URLSearchParams(location.search).get('db');
if (name !== null) db.setDbName(name);
window.faircase = store;
document.title = 'ready';
