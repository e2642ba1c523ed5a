/**
 * What a plan would send, for `POST /pushes?dryRun=true`: every PushTemplate call with its
 * targets and encoded bytes, and, for a dispatched push, the batches `push-worker` would get.
 * Reading a plan sends nothing and claims nothing; the plan itself already refused what a real
 * send would refuse (a call over the call bound, a batch over FC's payload).
 */
import { callSizes } from '#lib/plan/call-size.ts';
import { chunkTargets } from '#lib/plan/chunks.ts';
import type { PushPlan } from '#lib/plan/plan.ts';
import type { PushRequest } from '#lib/validate/push-request.ts';

/** One PushTemplate call the plan would make. */
export interface PlannedCall {
  /** For a dispatched push, the batch whose worker invocation makes the call. */
  batch?: number;
  /** The call's index within its invocation, as the ledger counts chunks. */
  chunk: number;
  targets: number;
  /** Form-encoded, as pop-core sends it, with the signer's reserve (lib/plan/call-size.ts). */
  bytes: number;
}

/** A plan as a dry run answers it. */
export interface DryRunPlan {
  mode: 'inline' | 'dispatch';
  /** The validated request, defaults applied and msgKeys derived: what a send would bind. */
  request: PushRequest;
  targets: number;
  calls: PlannedCall[];
  /** A dispatched push's batches, one asynchronous `push-worker` invocation each. */
  batches?: { batch: number; targets: number; calls: number }[];
}

/**
 * The calls (and batches) of a plan.
 * @example dryRunOf(planPush(request, options)).calls // [{ chunk: 0, targets: 10, bytes: 1620 }, …]
 */
export function dryRunOf(plan: PushPlan): DryRunPlan {
  const targets = Object.keys(plan.request.targetMsgkey).length;
  if (plan.mode === 'inline') {
    const sizes = callSizes(plan.sending ?? plan.request, plan.chunks);
    const calls = plan.chunks.map((chunk, index) => ({
      chunk: index,
      targets: Object.keys(chunk).length,
      bytes: sizes[index] ?? 0,
    }));
    return { mode: 'inline', request: plan.request, targets, calls };
  }
  const calls: PlannedCall[] = [];
  const batches = plan.batches.map((envelope) => {
    const chunks = chunkTargets(envelope.request.targetMsgkey);
    const sizes = callSizes(envelope.request, chunks);
    chunks.forEach((chunk, index) => {
      calls.push({
        batch: envelope.batchIndex,
        chunk: index,
        targets: Object.keys(chunk).length,
        bytes: sizes[index] ?? 0,
      });
    });
    const batchTargets = Object.keys(envelope.request.targetMsgkey).length;
    return { batch: envelope.batchIndex, targets: batchTargets, calls: chunks.length };
  });
  return { mode: 'dispatch', request: plan.request, targets, calls, batches };
}
