/**
 * The HTTP trigger's push endpoint: `POST /pushes` (or `/`) a PushTemplate request as JSON,
 * through the five stages in order; `GET /healthz` answers 200 without a record.
 *
 * - `?dryRun=true` stops after the plan: 200 with the validated request and the calls (and
 *   batches) it would make, nothing sent, no key claimed; a bad request gets the same 4xx.
 * - `GET /schedules` and `DELETE /schedules/{taskId}` list and cancel scheduled and loop pushes
 *   (lib/handler/schedules.ts); `GET /pushes/{id}` answers a push's progress
 *   (lib/handler/progress.ts); `GET /openapi.json` the OpenAPI document (lib/handler/openapi.ts).
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
import middy from '@middy/core';
import { httpRecord } from '#lib/adapt/http.ts';
import { httpProblem } from '#lib/handler/http-problem.ts';
import { annotate, count, type InvocationContext, invocationOf } from '#lib/handler/invocation.ts';
import { invocation } from '#lib/handler/invocation-middleware.ts';
import { sendOptions, validationRules } from '#lib/handler/scope.ts';
import { planPush } from '#lib/plan/plan.ts';
import {
  dispatchAnswer,
  type FcHttpResponse,
  jsonResponse,
  pushAnswer,
} from '#lib/report/http-answer.ts';
import { pushMetrics } from '#lib/report/metrics.ts';
import { pushReport } from '#lib/report/push-report.ts';
import { sendPush } from '#lib/send/push.ts';
import { validatePush } from '#lib/validate/validate.ts';

/**
 * An FC 3.0 handler for the HTTP trigger: the invocation middleware around the push endpoint,
 * with errors answered as problem+json.
 * @example export const handler = httpFunction('http-push');
 */
export function httpFunction(functionName: string) {
  // FC has no getRemainingTimeInMillis(): middy's early timeout stays off and the deadline is
  // computed from context.function.timeout by the invocation() middleware instead.
  return middy<Buffer, FcHttpResponse, Error, InvocationContext>({ timeoutEarlyInMillis: 0 })
    .use(invocation({ functionName, trigger: 'http' }))
    .use(httpProblem())
    .handler(pushFromHttp);
}

/**
 * Handles one HTTP trigger event.
 * @example await pushFromHttp(Buffer.from(JSON.stringify(fcHttpEvent)), context)
 */
export async function pushFromHttp(
  event: Buffer | string,
  context: InvocationContext,
): Promise<FcHttpResponse> {
  const state = invocationOf(context);
  // 1. adapt
  const record = httpRecord(event, context.requestId, state.config.maxBodyBytes);
  const { correlationId } = record;
  annotate(state, { correlationId });
  // a request no route takes is no record: it is answered, not counted as a refused push
  if (record.kind === 'unrouted') throw record.error;
  // a health check is no record: nothing is validated, counted or sent
  if (record.kind === 'health') {
    annotate(state, { outcome: 'health', statusCode: 200 });
    return jsonResponse(200, { status: 'ok' }, { 'x-correlation-id': correlationId });
  }
  if (record.kind === 'openapi') {
    annotate(state, { outcome: 'openapi', statusCode: 200 });
    const { openApiAnswer } = await import('#lib/handler/openapi.ts');
    return openApiAnswer(state.config, { 'x-correlation-id': correlationId });
  }
  if (record.kind === 'schedules' || record.kind === 'cancel-schedule') {
    // no push record: nothing is validated, counted or sent
    const headers = { 'x-correlation-id': correlationId };
    annotate(state, { outcome: record.kind === 'schedules' ? 'schedules' : 'cancel-schedule' });
    // loaded when first asked for, as progress and dispatch are: a push does not compile them
    const [{ schedulesAnswer, cancelAnswer }, parameters] = await Promise.all([
      import('#lib/handler/schedules.ts'),
      import('#lib/adapt/route-parameters.ts'),
    ]);
    const response =
      record.kind === 'schedules'
        ? await schedulesAnswer(parameters.scheduleListing(record.query), state, context, headers)
        : await cancelAnswer(
            parameters.taskIdOf(record.segment, record.query),
            state,
            context,
            headers,
          );
    annotate(state, { statusCode: response.statusCode });
    return response;
  }
  if (record.kind === 'progress') {
    // no push record: nothing is validated, counted or sent
    annotate(state, { outcome: 'progress' });
    const headers = { 'x-correlation-id': correlationId };
    const [{ progressAnswer }, { pushIdOf }] = await Promise.all([
      import('#lib/handler/progress.ts'),
      import('#lib/adapt/route-parameters.ts'),
    ]);
    const id = pushIdOf(record.segment, record.query);
    const response = await progressAnswer(id, state, context, headers);
    annotate(state, { statusCode: response.statusCode });
    return response;
  }
  count(state, { records: 1 });
  if (record.kind === 'invalid') throw record.error;
  // 2. validate
  const validatedAt = new Date();
  const request = validatePush(record.body, validationRules(state), record.msgKeySeed, validatedAt);
  // 3. plan
  const { idempotencyKey } = record;
  const plan = planPush(request, {
    inlineTargets: state.config.inlineTargets,
    idempotencyKey,
    validatedAt,
  });
  const answer = { requestId: context.requestId, correlationId };
  if (record.dryRun) {
    // 5. report: what would be sent; no key is claimed, nothing is sent or counted as sent
    annotate(state, { outcome: 'dry-run', statusCode: 200 });
    // loaded on a dry run's first request: a push does not compile it
    const [{ dryRunOf }, { dryRunAnswer }] = await Promise.all([
      import('#lib/plan/dry-run.ts'),
      import('#lib/report/dry-run-answer.ts'),
    ]);
    return dryRunAnswer(dryRunOf(plan), { ...answer, replayed: false });
  }
  // the store's code (store-scope.ts) is loaded when a request first needs it, with a dispatch
  // or a key: a push without a key needs none of it
  if (plan.mode === 'dispatch') {
    // 4. send
    const [{ sendDispatch }, scope] = await Promise.all([
      import('#lib/send/dispatch.ts'),
      import('#lib/handler/store-scope.ts'),
    ]);
    const ledger = scope.ledgerFor(state, context, idempotencyKey);
    const options = scope.dispatchOptions(state, context);
    const { value, replayed } = await sendDispatch(plan, options, ledger);
    // 5. report
    annotate(state, { outcome: 'dispatched', statusCode: 202, dispatchId: value.dispatchId });
    count(state, { targets: value.targets, dispatched: replayed ? 0 : value.targets });
    return dispatchAnswer(value, { ...answer, replayed });
  }
  const ledger =
    idempotencyKey === undefined
      ? undefined
      : (await import('#lib/handler/store-scope.ts')).ledgerFor(state, context, idempotencyKey);
  // 4. send
  const sent = await sendPush(plan, sendOptions(state, context, state.logger), ledger);
  // 5. report
  count(state, pushMetrics(sent));
  if (sent.firstError) throw sent.firstError;
  const report = pushReport(sent.result);
  const response = pushAnswer(report, { ...answer, replayed: sent.replayed });
  annotate(state, {
    outcome: report.status === 'SENT' ? 'sent' : 'partial',
    statusCode: response.statusCode,
  });
  return response;
}
