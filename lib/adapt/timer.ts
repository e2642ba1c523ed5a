/**
 * The timer trigger's event (reference fc-platform.md §2.4): `{triggerTime, triggerName, payload}`,
 * where `payload` is the string set on the trigger; here, one PushTemplate request or an array of
 * them, as JSON.
 *
 * Why msgKeys are derived: a timer repeats the same payload at every firing, but mPaaS requires
 * each business message id (msgKey) to be unique, and FC delivers async events at least once. So
 * every target's msgKey is derived from the firing (trigger name and time), the request's place
 * in the payload and the target: a redelivery of the same firing reuses its msgKeys, while two
 * firings, two requests or two targets never share one. The parts are, in order: trigger name,
 * trigger time, the request's index in the payload, the target (lib/shared/msg-key.ts hashes them).
 * Any msgKey written in the payload is replaced. A payload may name its targets as a plain list,
 * `targets: ["user1024"]`, instead.
 */
import * as z from 'zod/mini';
import {
  type Decoded,
  eventAdapter,
  idPart,
  instantOf,
  invalidRecord,
  isJsonObject,
  type PushRecord,
  parseEventJson,
  parseJson,
  pushRecord,
  quoted,
} from '#lib/adapt/record.ts';
import { keepRepeats, repeatedKeys } from '#lib/shared/json-text.ts';
import { deriveMsgKey } from '#lib/shared/msg-key.ts';

// re-exported so that callers and tests that derive a firing's msgKeys keep one import
export { deriveMsgKey };

const timerEventSchema = z.looseObject({
  triggerTime: z.string().check(z.minLength(1)),
  triggerName: z.string().check(z.minLength(1)),
  payload: z.optional(z.unknown()),
});

/** The firing a request belongs to. */
interface Firing {
  triggerName: string;
  triggerTime: string;
}

/** The target ids a request names, or a reason; undefined leaves the request to validation. */
function targetsOf(request: Record<string, unknown>): Decoded<string[]> | undefined {
  if (Object.hasOwn(request, 'targets')) return listedTargets(request);
  const given = request.targetMsgkey;
  const map: Decoded<unknown> =
    typeof given === 'string' ? parseJson(given) : { ok: true, value: given };
  if (!map.ok || !isJsonObject(map.value)) return undefined;
  const [repeated] = repeatedKeys(map.value);
  if (repeated !== undefined) {
    return {
      ok: false,
      reason: `has targetMsgkey naming ${quoted(repeated)} twice; name each target once`,
    };
  }
  return { ok: true, value: Object.keys(map.value) };
}

/** The first id named twice: where it repeats and where it was first. */
function firstRepeat(ids: readonly string[]): { index: number; earlier: number } | undefined {
  const first = new Map<string, number>();
  for (const [index, id] of ids.entries()) {
    const earlier = first.get(id);
    if (earlier !== undefined) return { index, earlier };
    first.set(id, index);
  }
  return undefined;
}

/** `targets: ["user1024", …]`, this function's shorthand for a targetMsgkey to derive. */
function listedTargets(request: Record<string, unknown>): Decoded<string[]> {
  const targets = request.targets;
  if (Object.hasOwn(request, 'targetMsgkey')) {
    return { ok: false, reason: 'has both targets and targetMsgkey; give only one' };
  }
  if (Array.isArray(targets) && targets.every((target) => typeof target === 'string')) {
    const repeat = firstRepeat(targets);
    if (repeat === undefined) return { ok: true, value: targets };
    // as the PushTemplate schema refuses it: a repeat would collapse two targets into one
    return {
      ok: false,
      reason: `has targets.${repeat.index}, which repeats targets.${repeat.earlier}; name each target once`,
    };
  }
  return { ok: false, reason: 'has targets that are not an array of target id strings' };
}

function firingRecord(firing: Firing, request: unknown, index: number, id: string): PushRecord {
  // the firing is when the record arrived: its time rules are judged as of then
  const fired = instantOf(firing.triggerTime);
  if (!isJsonObject(request)) return pushRecord(id, request, fired);
  const targets = targetsOf(request);
  if (targets === undefined) return pushRecord(id, request, fired);
  if (!targets.ok) return invalidRecord(id, `The timer payload's request ${targets.reason}.`);
  const { targets: _list, ...rest } = request;
  const targetMsgkey = Object.fromEntries(
    targets.value.map((target) => [
      target,
      deriveMsgKey(firing.triggerName, firing.triggerTime, index, target),
    ]),
  );
  return pushRecord(id, keepRepeats(request, { ...rest, targetMsgkey }), fired);
}

function payloadRecords(firing: Firing, payload: unknown): PushRecord[] {
  // name@time#index, each part encoded so that the id splits one way only
  const id = `${idPart(firing.triggerName, '@#')}@${idPart(firing.triggerTime, '#')}`;
  const advice = 'set it to a push request, or an array of them, as JSON';
  if (typeof payload !== 'string') {
    return [invalidRecord(id, `The timer event has no payload string; ${advice}.`)];
  }
  const json = parseJson(payload);
  if (!json.ok) return [invalidRecord(id, `The timer payload is ${json.reason}; ${advice}.`)];
  if (!Array.isArray(json.value)) return [firingRecord(firing, json.value, 0, id)];
  if (json.value.length === 0) {
    return [invalidRecord(id, `The timer payload is an empty array; ${advice}.`)];
  }
  return json.value.map((request, index) => firingRecord(firing, request, index, `${id}#${index}`));
}

/**
 * The timer event as records, one per push request in the payload, each with derived msgKeys.
 * Never throws: an event without `triggerName` and `triggerTime`, or a payload that is not JSON,
 * is one invalid record. A request that is not an object, or names no readable targets, is passed
 * on unchanged for the PushTemplate schema to report.
 *
 * @param event the bytes FC passes to the handler.
 * @param fallbackId the id for an event that is not a timer event; pass the FC request id.
 *
 * @example
 * timerRecords(Buffer.from(JSON.stringify({
 *   triggerTime: '2023-12-26T07:49:00Z', triggerName: 'daily-push',
 *   payload: '{"taskName":"daily","targets":["user1024"],…}',
 * })));
 * // [{ kind: 'push', id: 'daily-push@2023-12-26T07:49:00Z',
 * //    request: { taskName: 'daily', targetMsgkey: { user1024: '<32 hex digits>' }, … } }]
 */
export function timerRecords(event: Buffer, fallbackId = 'timer-event'): PushRecord[] {
  const json = parseEventJson(event);
  if (!json.ok) return [invalidRecord(fallbackId, `The timer event is ${json.reason}.`)];
  const timer = z.safeParse(timerEventSchema, json.value);
  if (!timer.success) {
    return [
      invalidRecord(
        fallbackId,
        'The event is not a timer event: it needs non-empty triggerName and triggerTime strings.',
      ),
    ];
  }
  return payloadRecords(timer.data, timer.data.payload);
}

/** The timer trigger's adapter: timerRecords with idempotency keys `timer:<record id>`. */
export const timerAdapter = eventAdapter('timer', timerRecords);
