/**
 * The event `push-worker` receives: one batch of a dispatched push, as `sendDispatch`
 * (lib/send/dispatch.ts) sent it by an async invocation. The envelope is checked here; the request
 * inside is validated again by the push pipeline, so a hand-crafted invocation gets no further
 * than an HTTP caller would.
 */
import * as z from 'zod/mini';
import { eventAdapter, invalidRecord, type PushRecord, parseEventJson } from '#lib/adapt/record.ts';

const envelopeSchema = z.object({
  dispatchId: z.string().check(z.regex(/^[\w-]{1,64}$/)),
  batchIndex: z.int().check(z.nonnegative()),
  batchCount: z.int().check(z.positive()),
  validatedAt: z.iso.datetime(),
  request: z.unknown(),
});

/**
 * One push record for the batch; its id (dispatch id and batch index) is its idempotency key.
 * @example dispatchRecords(Buffer.from(JSON.stringify(envelope)), context.requestId)
 */
export function dispatchRecords(event: Buffer, fallbackId: string): PushRecord[] {
  const json = parseEventJson(event);
  if (!json.ok) return [invalidRecord(fallbackId, `The dispatch batch is ${json.reason}.`)];
  const parsed = z.safeParse(envelopeSchema, json.value);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((issue) => issue.path.join('.') || 'envelope')
      .join(', ');
    return [
      invalidRecord(fallbackId, `The dispatch batch is not a dispatch envelope (bad: ${fields}).`),
    ];
  }
  const { dispatchId, batchIndex, validatedAt, request } = parsed.data;
  const batch = { dispatchId, batchIndex, targets: targetsOf(request) };
  const id = `${dispatchId}#${batchIndex}`;
  return [{ kind: 'push', id, request, validatedAt: new Date(validatedAt), batch }];
}

/** The targets the envelope's request names (0 when it names none the way a batch does). */
function targetsOf(request: unknown): number {
  const map =
    typeof request === 'object' && request !== null
      ? Reflect.get(request, 'targetMsgkey')
      : undefined;
  return typeof map === 'object' && map !== null ? Object.keys(map).length : 0;
}

/** The dispatch trigger's adapter: dispatchRecords with idempotency keys `dispatch:<record id>`. */
export const dispatchAdapter = eventAdapter('dispatch', dispatchRecords);
