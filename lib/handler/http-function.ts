/**
 * The HTTP trigger's push endpoint: `POST` a PushTemplate request as JSON.
 *
 * - Up to `MPAAS_INLINE_TARGETS` targets are sent by this invocation: 200 when every target was
 *   sent, 207 when some were not (the body lists every target's status), and the problem status
 *   of the first failure when none was.
 * - Above it (up to `MPAAS_MAX_TARGETS`), the targets are dispatched to the worker function in
 *   batches: 202 with the dispatch id.
 * - With an `Idempotency-Key` header, a repeated request replays the stored answer
 *   (`Idempotent-Replayed: true`), one still in progress gets 409, and the same key with another
 *   payload 422.
 *
 * Errors are thrown as typed errors and turned into problem+json by the `httpProblem()` middleware.
 */

import type { FcHttpEvent, FcHttpResponse } from '#lib/adapt/http.ts';
import { header, jsonBody, jsonResponse, parseHttpEvent } from '#lib/adapt/http.ts';
import { annotate, count, type InvocationContext, invocationOf } from '#lib/handler/invocation.ts';
import { type DispatchReport, dispatchToWorkers } from '#lib/send/dispatch.ts';
import { onceIfKeyed } from '#lib/send/ledger.ts';
import { type PushReport, pushValidated, validatePush } from '#lib/send/push.ts';
import type { StoredJson } from '#lib/send/store/store.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

/** Correlation ids longer than this, or with other characters, are replaced by the request id. */
const CORRELATION_ID = /^[\w.:@/-]{1,128}$/;
/** Idempotency keys: printable ASCII without spaces, as clients usually send UUIDs. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Handles one HTTP trigger event.
 * @example await pushFromHttp(Buffer.from(JSON.stringify(fcHttpEvent)), context)
 */
export async function pushFromHttp(
  event: Buffer | string,
  context: InvocationContext,
): Promise<FcHttpResponse> {
  const state = invocationOf(context);
  const httpEvent = parseHttpEvent(event);
  const given = header(httpEvent, 'x-correlation-id');
  const correlationId = given && CORRELATION_ID.test(given) ? given : context.requestId;
  annotate(state, { correlationId });
  count(state, { records: 1 });
  const givenKey = idempotencyKeyOf(httpEvent);
  // One namespace for both paths, so a key reused for another payload is caught whether the
  // first request was sent inline or dispatched; it also seeds the msgKeys of `targets`.
  const idempotencyKey = givenKey === undefined ? undefined : `http:${givenKey}`;
  const body = jsonBody(httpEvent, state.config.maxBodyBytes);
  const validatedAt = new Date();
  const request = validatePush(body, state, idempotencyKey ?? context.requestId, validatedAt);
  const headers = { 'x-correlation-id': correlationId };
  const targets = Object.keys(request.targetMsgkey).length;
  if (targets > state.config.inlineTargets) {
    const { value, replayed } = await onceIfKeyed(state, idempotencyKey, request, async () => ({
      value: (await dispatchToWorkers(
        request,
        context,
        idempotencyKey,
        validatedAt,
      )) as unknown as StoredJson,
      complete: true,
    }));
    const report = value as unknown as DispatchReport;
    annotate(state, { outcome: 'dispatched', statusCode: 202, dispatchId: report.dispatchId });
    count(state, { targets, dispatched: replayed ? 0 : targets });
    return jsonResponse(
      202,
      { ...report, requestId: context.requestId },
      withReplay(headers, replayed),
    );
  }
  const key = idempotencyKey === undefined ? {} : { idempotencyKey };
  const pushed = await pushValidated(request, context, key);
  if (pushed.firstError) throw pushed.firstError;
  const status = statusOf(pushed.report);
  annotate(state, {
    outcome: pushed.report.status === 'SENT' ? 'sent' : 'partial',
    statusCode: status,
  });
  return jsonResponse(
    status,
    { requestId: context.requestId, ...pushed.report },
    withReplay(headers, pushed.replayed),
  );
}

/** 200 all sent, 207 some; a replayed request that sent nothing was refused by mPaaS (422). */
function statusOf(report: PushReport): number {
  if (report.status === 'SENT') return 200;
  return report.status === 'PARTIAL' ? 207 : 422;
}

function idempotencyKeyOf(event: FcHttpEvent): string | undefined {
  const key = header(event, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError(
      'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.',
      400,
      'InvalidIdempotencyKey',
    );
  }
  return key;
}

function withReplay(headers: Record<string, string>, replayed: boolean): Record<string, string> {
  return replayed ? { ...headers, 'idempotent-replayed': 'true' } : headers;
}
