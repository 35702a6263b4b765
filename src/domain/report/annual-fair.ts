import { z } from 'zod';
import { FairCode, RepeatRule } from '../fair';
import { FairId } from '../ids';
import { OutreachActivity } from '../outreach';
import { RegionCode } from '../region';
import { OptionalText, Text } from '../text';
import { CivilDate } from '../time';

/**
 * AR11: the fields of a fair's record that the roll-up reads, checked as `Fair` checks them. The
 * roll-up reads every fair of a period; checking whole records (their settings' lists and
 * patterns) for that would cost more than all the counting.
 */
export const RollupFair = z.object({
  id: FairId,
  code: FairCode,
  nameZh: Text(1, 100),
  nameEn: OptionalText(200),
  sessionNo: z.number().int().min(1).max(9999),
  previousFairId: FairId.optional(),
  days: z.array(z.object({ date: CivilDate })).min(1).max(60),
  settings: z
    .object({
      region: RegionCode.optional(),
      organizer: OptionalText(200),
      repeatRule: RepeatRule.default({ kind: 'national_baseline' }),
    })
    .prefault({}),
  service: z.object({ outreach: z.array(OutreachActivity).max(1000).default([]) }).optional(),
});
export type RollupFair = z.infer<typeof RollupFair>;
