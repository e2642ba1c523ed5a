/**
 * http-push — FC 3.0 HTTP trigger.
 *
 * Input: an HTTP request (FC's v1 event struct, as a Buffer) whose JSON body is one PushTemplate
 * request. Output: 200 with the mPaaS receipt, or a problem+json error (400/405/413/415 bad
 * input, 422 refused by mPaaS, 429 throttled, 5xx mPaaS or configuration failure).
 * Credentials: the function's RAM role, from `context.credentials` on every invocation.
 */
import middy from '@middy/core';
import type { FcHttpResponse } from '#lib/adapt/http.ts';
import { pushFromHttp } from '#lib/handler/http-function.ts';
import { httpProblem } from '#lib/handler/http-problem.ts';
import type { InvocationContext } from '#lib/handler/invocation.ts';
import { invocation } from '#lib/handler/invocation-middleware.ts';

// FC has no getRemainingTimeInMillis(): middy's early timeout stays off and the deadline is
// computed from context.function.timeout by the invocation() middleware instead.
export const handler = middy<Buffer, FcHttpResponse, Error, InvocationContext>({
  timeoutEarlyInMillis: 0,
})
  .use(invocation({ functionName: 'http-push', trigger: 'http' }))
  .use(httpProblem())
  .handler(pushFromHttp);
