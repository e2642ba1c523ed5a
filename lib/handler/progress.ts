/**
 * `GET /pushes/{id}`: the progress of a dispatched push, asked by its dispatch id or by the
 * Idempotency-Key it was sent with, or of a keyed push sent inline, by its key
 * (lib/report/progress.ts). Read from the shared store; 404 `PushNotFound` when nothing is
 * recorded under the id, which is also what an expired record (IDEMPOTENCY_TTL_SECONDS) answers.
 */
import type { Invocation, InvocationContext } from '#lib/handler/invocation.ts';
import { sharedStore } from '#lib/handler/store-scope.ts';
import { dispatchIdFor } from '#lib/plan/batches.ts';
import { type FcHttpResponse, jsonResponse } from '#lib/report/http-answer.ts';
import { dispatchProgress, inlineProgress, type PushProgress } from '#lib/report/progress.ts';
import type { IdempotencyStore } from '#lib/send/store/store.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

/**
 * The 200 with a push's progress.
 * @throws BadRequestError 404 `PushNotFound`; IdempotencyStoreError (503) when the store fails.
 * @example await progressAnswer('campaign-42', state, context, headers)
 */
export async function progressAnswer(
  id: string,
  state: Invocation,
  context: InvocationContext,
  headers: Record<string, string>,
): Promise<FcHttpResponse> {
  const found = await findProgress(sharedStore(state, context), id);
  if (!found) {
    const shown = id.length > 64 ? `${JSON.stringify(id.slice(0, 64))}…` : JSON.stringify(id);
    throw new BadRequestError(
      `No push is recorded under ${shown}, as a dispatch id or an Idempotency-Key; records expire ${state.config.idempotencyTtlMs / 1000} s after their last change (IDEMPOTENCY_TTL_SECONDS).`,
      404,
      'PushNotFound',
    );
  }
  return jsonResponse(200, found, { ...headers, 'cache-control': 'no-store' });
}

/** A dispatch id's report; else the key's dispatch report; else the key's ledger record. */
async function findProgress(
  store: IdempotencyStore,
  id: string,
): Promise<PushProgress | undefined> {
  const direct = dispatchProgress(id, await store.readProgress(id));
  if (direct) return direct;
  const key = `http:${id}`;
  const dispatchId = dispatchIdFor(key);
  const dispatched = dispatchProgress(id, await store.readProgress(dispatchId));
  if (dispatched) return dispatched;
  const view = await store.peek(key);
  if (!view) return undefined;
  if (view.state === 'done' && isDispatch(view.result)) {
    // dispatched, but its report is gone (it expired first, or predates progress reports)
    return {
      id,
      kind: 'dispatched',
      status: 'DISPATCHED',
      dispatchId,
      detail: 'Its batches were handed over; their progress is no longer recorded.',
    };
  }
  return inlineProgress(id, view);
}

function isDispatch(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'dispatchId' in result;
}
