/**
 * The plan stage: how a validated request will be sent. Up to the inline limit, by this
 * invocation in PushTemplate calls of at most 10 targets; above it, by `push-worker` in batches
 * that each fit one asynchronous invocation. Planning sends nothing and reads no store, so a
 * request that can never be dispatched (413) is refused before any idempotency key is claimed.
 */
import { type DispatchEnvelope, dispatchIdFor, splitIntoBatches } from '#lib/plan/batches.ts';
import { checkCallSizes } from '#lib/plan/call-size.ts';
import { type Chunk, chunkTargets } from '#lib/plan/chunks.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** A request to send in this invocation. */
export interface InlinePlan {
  mode: 'inline';
  /** The validated request: what the ledger binds the idempotency key to. */
  request: PushRequest;
  /**
   * The request as its calls send it, when that differs: a schedule whose time passed before
   * this delivery (lib/plan/catch-up.ts). A redelivery binds the same key to the same request
   * whatever it then sends.
   */
  sending?: PushRequest;
  chunks: Chunk[];
}

/** A request to hand to the worker function in batches. */
export interface DispatchPlan {
  mode: 'dispatch';
  request: PushRequest;
  dispatchId: string;
  batches: DispatchEnvelope[];
}

export type PushPlan = InlinePlan | DispatchPlan;

/**
 * The inline plan: every target in this invocation.
 * @example planInline(request).chunks.length // ⌈targets / 10⌉
 */
export function planInline(request: PushRequest, sending: PushRequest = request): InlinePlan {
  const chunks = chunkTargets(request.targetMsgkey);
  checkCallSizes(sending, chunks);
  return { mode: 'inline', request, chunks, ...(sending === request ? {} : { sending }) };
}

/**
 * Inline up to `inlineTargets` targets, else dispatched under the key's dispatch id.
 * @throws BadRequestError (413) when a call would not fit the call bound, or a batch FC's payload.
 * @example planPush(request, { inlineTargets: 1000, idempotencyKey: 'http:k', validatedAt })
 */
export function planPush(
  request: PushRequest,
  options: { inlineTargets: number; idempotencyKey: string | undefined; validatedAt: Date },
): PushPlan {
  if (Object.keys(request.targetMsgkey).length <= options.inlineTargets) {
    return planInline(request);
  }
  const dispatchId = dispatchIdFor(options.idempotencyKey);
  const batches = splitIntoBatches(request, dispatchId, options.validatedAt);
  return { mode: 'dispatch', request, dispatchId, batches };
}
