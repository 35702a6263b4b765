/**
 * The box the phone's signature strokes are drawn in, apart from the payload's schemas so that
 * the phone's signature pad can size itself without loading them.
 */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;
