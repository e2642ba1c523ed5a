/**
 * The rules of who a request goes to that need the whole request (exactly one of `targetMsgkey`
 * and `targets`, at most `options.maxTargets` targets), and the derivation of msgKeys for a
 * `targets` list. The field schemas are in targets.ts and maps.ts; these rules run on the
 * {@link RuleContext} once the fields have parsed, which is why they live apart from them
 * (the context is built from the fields' types).
 */
import { deriveMsgKey } from '#lib/shared/msg-key.ts';
import { DEFAULT_MAX_TARGETS, type PushRequestOptions } from '#lib/validate/options.ts';
import type { RuleContext } from '#lib/validate/rule-context.ts';

/**
 * Exactly one of `targetMsgkey` and `targets`, naming at most `options.maxTargets` targets.
 *
 * @example
 * checkTargets(ctx); // { targets: ['u1'], targetMsgkey: { u1: 'm-1' } } → 'one-target-form'
 */
export function checkTargets(ctx: RuleContext): void {
  const pairs = ctx.sent('targetMsgkey');
  const list = ctx.sent('targets');
  if (pairs && list) {
    const text =
      'must not be sent together with targetMsgkey; give targetMsgkey (target → msgKey) or targets ([ids], msgKeys derived), not both';
    ctx.report(['targets'], 'one-target-form', text);
    return;
  }
  if (!pairs && !list) {
    const text = 'is required (or give targets: [ids] and the msgKeys are derived)';
    ctx.report(['targetMsgkey'], 'required', text);
    return;
  }
  const field = list ? 'targets' : 'targetMsgkey';
  const count = ctx.count(field);
  const max = ctx.options.maxTargets ?? DEFAULT_MAX_TARGETS;
  if (count !== undefined && count > max) {
    const text = `names ${count} targets; at most ${max} are accepted per request (MPAAS_MAX_TARGETS)`;
    ctx.report([field], 'max-targets', text);
  }
}

function missingSeed(): RangeError {
  return new RangeError(
    'PushRequestOptions.msgKeySeed is required when the request uses targets: the msgKeys are derived from it (pass the request idempotency key)',
  );
}

/**
 * Throws when a request uses `targets` but the caller gave no seed to derive msgKeys from.
 *
 * @throws RangeError: a caller bug; pass the request's idempotency key as `msgKeySeed`.
 * @example
 * assertSeed({ targets: ['user1024'] }, { ...options, msgKeySeed: 'idem-7f3c' }); // no throw
 */
export function assertSeed(input: Record<string, unknown>, options: PushRequestOptions): void {
  const usesTargets = Object.hasOwn(input, 'targets') && input.targets !== undefined;
  if (usesTargets && options.msgKeySeed === undefined) throw missingSeed();
}

/**
 * The request's targetMsgkey: as sent, or derived from `targets` and `options.msgKeySeed`.
 *
 * @throws RangeError when it has to derive and there is no seed.
 * @example
 * targetMsgkeyOf({ targets: ['user1024'] }, { ...options, msgKeySeed: 'idem-7f3c' });
 * // { user1024: deriveMsgKey('idem-7f3c', 'user1024') }
 */
export function targetMsgkeyOf(
  fields: { targetMsgkey?: Record<string, string>; targets?: readonly string[] },
  options: PushRequestOptions,
): Record<string, string> {
  if (fields.targetMsgkey !== undefined) return fields.targetMsgkey;
  const seed = options.msgKeySeed;
  if (seed === undefined) throw missingSeed();
  return Object.fromEntries((fields.targets ?? []).map((id) => [id, deriveMsgKey(seed, id)]));
}
