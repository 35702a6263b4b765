import { describe, expect, test } from 'vitest';
import { Fair } from '../../src/domain/fair';
import { PROVINCIAL_UNITS } from '../../src/domain/region';
import { blankFairForm, fairToForm, formToFairInput } from '../../src/app/screens/fair-setup/fair-form';
import { makeFair } from '../support/builders';

/** The fair's provincial unit and organizer as settings (ANNUAL-SPEC AR9). */
describe('a fair\'s region and organizer', () => {
  test('[AR9] a fair made before them still parses; a region is one of the 32 units, the organizer plain text', () => {
    const old = makeFair();
    expect([old.settings.region, old.settings.organizer]).toEqual([undefined, undefined]);
    const withFacts = Fair.parse({ ...old, settings: { ...old.settings, region: '660000', organizer: ' 广州市会展办 ' } });
    expect([withFacts.settings.region, withFacts.settings.organizer]).toEqual(['660000', '广州市会展办']);
    const bad = Fair.safeParse({ ...old, settings: { ...old.settings, region: '990000' } });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['settings.region', 'REGION_CODE']]);
    expect(PROVINCIAL_UNITS).toHaveLength(32);
  });

  test('[AR9] the settings form carries them both ways; an empty choice is no region', () => {
    const fair = Fair.parse({ ...makeFair(), settings: { ...makeFair().settings, region: '440000', organizer: '广州市会展办' } });
    const form = fairToForm(fair);
    expect([form.region, form.organizer]).toEqual(['440000', '广州市会展办']);
    const back = Fair.parse({ id: fair.id, ...formToFairInput(form) });
    expect([back.settings.region, back.settings.organizer]).toEqual(['440000', '广州市会展办']);
    const blank = blankFairForm();
    expect([blank.region, blank.organizer]).toEqual(['', '']);
    const none = Fair.parse({ id: fair.id, ...formToFairInput({ ...form, region: '', organizer: '' }) });
    expect([none.settings.region, none.settings.organizer]).toEqual([undefined, undefined]);
  });
});
