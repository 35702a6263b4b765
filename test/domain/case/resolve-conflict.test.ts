import { describe, expect, test } from 'vitest';
import { brokenInvariants } from '../../../src/domain/case/case';
import { fold } from '../../../src/domain/case/fold';
import { resolutionEvent } from '../../../src/domain/case/resolve-conflict';
import { DeviceId, EventId } from '../../../src/domain/ids';
import { addMinutes, instantFromMs } from '../../../src/domain/time';
import { Desk, deviceId, makeCase } from '../../support/builders';

const SERVER = DeviceId.parse('01JSERVERDEV1CE000000000000'.slice(0, 26));

/** Two tablets withdraw and record an admission on one notified case: the admission is set aside. */
function conflicted() {
  const a = makeCase({ state: 'NOTIFIED' });
  const b = new Desk(a.fair, a.now, deviceId(2), a.id, 500);
  b.case = a.case;
  b.events.push(...a.events);
  a.must('Withdraw', { at: a.now });
  b.must('RecordAdmission', { at: addMinutes(a.now, 1) });
  const events = [...a.events, ...b.events.slice(a.events.length - 1)];
  const c = fold(events);
  if (c === undefined) throw new Error('no case');
  return { events, c, admission: b.events.at(-1)?.id as EventId };
}

describe('the organizer settles a conflict (CS31)', () => {
  test('[CS31] a decision on every set-aside event clears CONFLICT and changes no state, in any arrival order', () => {
    const { events, c, admission } = conflicted();
    expect(c.flags).toEqual(['CONFLICT']);
    const nowMs = Date.parse(addMinutes(c.updatedAt, 5));
    const r = resolutionEvent(c, { resolves: [admission], stands: 'applied', reason: '撤回在先', decidedBy: '王组织' }, {
      eventId: EventId.parse('01JZZZZZZZZZZZZZZZZZZZZZZZ'), deviceId: SERVER, now: instantFromMs(nowMs), nowMs,
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.parents).toEqual(c.heads);
    const after = fold([...events, r.value]);
    expect(after).toMatchObject({ state: 'CLOSED', outcome: 'WITHDRAWN', flags: [], conflicts: [] });
    expect(brokenInvariants(after as NonNullable<typeof after>)).toEqual([]);
    expect(fold([r.value, ...[...events].reverse()])).toEqual(after);
  });

  test('[CS31] a decision naming an event the case does not hold aside is refused', () => {
    const { c, events } = conflicted();
    const nowMs = Date.parse(c.updatedAt);
    const r = resolutionEvent(c, { resolves: [events[0]?.id as EventId], stands: 'set_aside', reason: 'x', decidedBy: 'y' }, {
      eventId: EventId.parse('01JZZZZZZZZZZZZZZZZZZZZZZZ'), deviceId: SERVER, now: instantFromMs(nowMs), nowMs,
    });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_IN_CONFLICT', params: { unknown: events[0]?.id } } });
  });
});
