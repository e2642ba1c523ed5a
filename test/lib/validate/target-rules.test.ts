/**
 * The seed of derived msgKeys: required exactly when a request really uses targets.
 */
import { describe, expect, it } from 'vitest';
import { parsePushRequest } from '#lib/validate/push-request.ts';
import { targetMsgkeyOf } from '#lib/validate/target-rules.ts';
import { BASE, OPTIONS } from './request.ts';

const SEED_MESSAGE =
  'PushRequestOptions.msgKeySeed is required when the request uses targets: the msgKeys are derived from it (pass the request idempotency key)';

describe('msgKeySeed', () => {
  it('is not needed for a request whose targets property is undefined, as JSON.stringify drops it', () => {
    const result = parsePushRequest({ ...BASE, targets: undefined }, OPTIONS);

    expect(result.success && result.data.targetMsgkey).toEqual({ user1024: '1578807462788' });
  });

  it('is needed by targetMsgkeyOf when it has to derive msgKeys', () => {
    expect(() => targetMsgkeyOf({ targets: ['user1'] }, OPTIONS)).toThrow(
      new RangeError(SEED_MESSAGE),
    );
  });
});
