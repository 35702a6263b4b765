import type { JSX } from 'solid-js';
import type { Threshold } from '../../../domain/report/annual';
import type { AnnualReply } from '../../../domain/wire/console-annual';
import { locale } from '../../../app/i18n/index';
import { AnnualReport } from './annual-report';
import { AnnualShares } from './annual-shares';

/**
 * What the annual page draws after its table by unit has painted (annual.tsx): the threshold
 * shares with their form, and the printable statistics section with its charts (ANNUAL-SPEC
 * A1–A8). A chunk of its own, loaded once the table is on screen.
 */
export default function AnnualLater(props: {
  readonly reply: AnnualReply;
  readonly thresholds: readonly Threshold[];
  readonly onThresholds: (next: Threshold[]) => void;
  readonly onApply: () => void;
}): JSX.Element {
  return (
    <>
      <AnnualShares reply={props.reply} thresholds={props.thresholds} onThresholds={(next) => props.onThresholds(next)} onApply={() => props.onApply()} />
      <AnnualReport reply={props.reply} lang={locale()} />
    </>
  );
}
