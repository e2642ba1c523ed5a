/**
 * Injected failures: a queue of faults that the next RPC calls suffer, one fault per call.
 *
 * A push client must survive more than a polite error body: throttling, a proxy's HTML error
 * page, a slow answer, a connection reset before or after the push was taken (the outcome is
 * then unknown), and business-level flow control. Tests queue these through `PUT /_faults` or
 * `Emulator.setFaults` instead of needing a misbehaving network.
 */
import { z } from 'zod';

const times = z.number().int().positive().optional();
const httpStatus = z.number().int().min(400).max(599);

const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('gateway'),
    code: z.string().min(1),
    status: httpStatus.optional(),
    message: z.string().optional(),
    times,
  }),
  z.strictObject({ type: z.literal('html'), status: httpStatus.optional(), times }),
  z.strictObject({ type: z.literal('delay'), ms: z.number().int().min(0).max(120_000), times }),
  z.strictObject({ type: z.literal('reset'), afterAccept: z.boolean().optional(), times }),
  z.strictObject({
    type: z.literal('result'),
    resultCode: z.string().min(1),
    resultMessage: z.string().optional(),
    times,
  }),
]);

/** The body of `PUT /_faults`. */
export const FaultListSchema = z.strictObject({ faults: z.array(FaultSchema) });

/**
 * One fault. `times` (default 1) is how many consecutive RPC calls it affects.
 * - `gateway`: answer the standard error body for `code` (status and message default to the
 *   catalogue's, e.g. `Throttling.User` 400, `InternalError` 500, `ServiceUnavailable` 503).
 * - `html`: answer an nginx-style HTML error page, status default 502.
 * - `delay`: wait `ms`, then handle the call normally.
 * - `reset`: destroy the connection without answering; with `afterAccept`, handle the call
 *   (recording an accepted push) and then reset, so the caller cannot know the outcome.
 * - `result`: answer a business failure (HTTP 200, `PushResult.Success: false`) after
 *   authentication, e.g. `8011 FLOW_CONTROL_ERROR`.
 */
export type Fault = z.infer<typeof FaultSchema>;

/** A fault in the queue; `times` is how many calls it still affects. */
export type QueuedFault = Fault & { times: number };

/** Faults waiting for the next RPC calls. */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** Replaces the queue. */
  set(faults: readonly Fault[]): void {
    this.#queue = faults.map((fault) => ({ ...fault, times: fault.times ?? 1 }));
  }

  /** A copy of the queue, next fault first. */
  list(): QueuedFault[] {
    return this.#queue.map((fault) => ({ ...fault }));
  }

  /** Empties the queue. */
  clear(): void {
    this.#queue = [];
  }

  /**
   * Consumes one use of the next fault; undefined when the queue is empty.
   * @example queue.set([{ type: 'reset', times: 2 }]); queue.take(); queue.list()[0]?.times // 1
   */
  take(): Fault | undefined {
    const next = this.#queue[0];
    if (next === undefined) return undefined;
    next.times -= 1;
    if (next.times <= 0) this.#queue.shift();
    const { times: _remaining, ...fault } = next;
    return fault;
  }
}
