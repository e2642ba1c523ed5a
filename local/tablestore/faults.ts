/**
 * Injected failures for the Tablestore emulator: a queue of faults that the next matching calls
 * suffer, one fault per call, in the shape of the mPaaS emulator's (`local/emulator/faults.ts`).
 *
 * The idempotency store must tell "not written" from "maybe written": a throttled or unavailable
 * service, a slow answer that outlives the caller's deadline, a connection reset before the
 * request was handled or after it was applied. Tests queue these through `PUT /_faults` or
 * `TablestoreEmulator.setFaults`; `operation` narrows a fault to one API (e.g. only `UpdateRow`),
 * and calls of other operations pass it by.
 */
import { z } from 'zod';
import { CATALOGUE } from './errors.ts';

/** Every operation the emulator serves. */
export const OPERATIONS = [
  'CreateTable',
  'DescribeTable',
  'ListTable',
  'DeleteTable',
  'GetRow',
  'PutRow',
  'UpdateRow',
  'DeleteRow',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const times = z.number().int().positive().optional();
const operation = z.enum(OPERATIONS).optional();

const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('unavailable'), operation, times }),
  z.strictObject({
    type: z.literal('throttled'),
    code: z.enum(['OTSServerBusy', 'OTSNotEnoughCapacityUnit']).optional(),
    operation,
    times,
  }),
  z
    .strictObject({
      type: z.literal('error'),
      code: z.string().min(1),
      status: z.number().int().min(400).max(599).optional(),
      message: z.string().optional(),
      operation,
      times,
    })
    .refine((fault) => fault.status !== undefined || fault.code in CATALOGUE, {
      message: 'an error fault with an uncatalogued code needs a status',
      path: ['status'],
    }),
  z.strictObject({
    type: z.literal('slow'),
    ms: z.number().int().min(0).max(120_000),
    operation,
    times,
  }),
  z.strictObject({
    type: z.literal('reset'),
    afterApply: z.boolean().optional(),
    operation,
    times,
  }),
]);

/** The body of `PUT /_faults`. */
export const FaultListSchema = z.strictObject({ faults: z.array(FaultSchema) });

/**
 * One fault. `times` (default 1) is how many matching calls it affects; `operation` (default any)
 * which calls match.
 * - `unavailable`: 503 `OTSServerUnavailable` "Server is not available."
 * - `throttled`: 503 `OTSServerBusy` "Server is busy." (default) or 403
 *   `OTSNotEnoughCapacityUnit` "Remaining capacity unit is not enough.", as the service throttles.
 * - `error`: any other code, with the catalogue's status and message unless given
 *   (`OTSTimeout` 503, `OTSInternalServerError` 500, `OTSRowOperationConflict` 409, …).
 * - `slow`: wait `ms`, then handle the call normally.
 * - `reset`: destroy the connection without answering; with `afterApply`, handle the call first
 *   (a write is applied), so the caller cannot know the outcome.
 */
export type OtsFault = z.infer<typeof FaultSchema>;

/** A fault in the queue; `times` is how many calls it still affects. */
export type QueuedOtsFault = OtsFault & { times: number };

/** Faults waiting for the next calls. */
export class OtsFaultQueue {
  #queue: QueuedOtsFault[] = [];

  /** Replaces the queue. */
  set(faults: readonly OtsFault[]): void {
    this.#queue = faults.map((fault) => ({ ...fault, times: fault.times ?? 1 }));
  }

  /** A copy of the queue, next fault first. */
  list(): QueuedOtsFault[] {
    return this.#queue.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#queue = [];
  }

  /**
   * Consumes one use of the first fault that applies to `operation`; undefined when none does.
   * @example queue.set([{ type: 'reset', operation: 'UpdateRow' }]); queue.take('GetRow') // undefined
   */
  take(operation: Operation): OtsFault | undefined {
    const index = this.#queue.findIndex(
      (fault) => fault.operation === undefined || fault.operation === operation,
    );
    const next = this.#queue[index];
    if (next === undefined) return undefined;
    next.times -= 1;
    if (next.times <= 0) this.#queue.splice(index, 1);
    const { times: _remaining, ...fault } = next;
    return fault;
  }
}
