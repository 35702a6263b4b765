/**
 * Every property test of a file runs from one printed seed: fixed by default so a run repeats,
 * another from `FC_SEED`. A test that passes its own `seed` keeps it.
 */
import fc from 'fast-check';
import { fcSeed } from './fc-seed';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: fcSeed('property tests') });
