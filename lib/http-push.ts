/**
 * The HTTP trigger's push endpoint: `POST` a PushTemplate request as JSON, get the mPaaS receipt.
 *
 * Errors are thrown as typed errors and turned into problem+json by the `httpProblem()`
 * middleware; this module only handles the happy path and the correlation id.
 */
import type { FcHttpResponse } from './events/http.ts';
import { header, jsonBody, jsonResponse, parseHttpEvent } from './events/http.ts';
import { annotate, type InvocationContext, invocationOf } from './invocation.ts';
import { clientFor } from './mpaas/shared-client.ts';
import { sendPush } from './push.ts';

/** Correlation ids longer than this, or with other characters, are replaced by the request id. */
const CORRELATION_ID = /^[\w.:@/-]{1,128}$/;

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
  const body = jsonBody(httpEvent, state.config.maxBodyBytes);
  const { request, receipt } = await sendPush(body, context, { client: clientFor(state.config) });
  annotate(state, {
    outcome: 'sent',
    statusCode: 200,
    mpaasRequestId: receipt.requestId,
    resultCode: receipt.resultCode,
  });
  return jsonResponse(
    200,
    {
      status: 'SENT',
      requestId: context.requestId,
      mpaasRequestId: receipt.requestId,
      resultCode: receipt.resultCode,
      resultMessage: receipt.resultMessage,
      ...(receipt.taskId === undefined ? {} : { taskId: receipt.taskId }),
      targetMsgkey: request.targetMsgkey,
    },
    { 'x-correlation-id': correlationId },
  );
}
