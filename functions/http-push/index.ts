/**
 * http-push — FC 3.0 HTTP trigger.
 *
 * Input: an HTTP request (FC's v1 event struct, as a Buffer) whose JSON body is one PushTemplate
 * request. Output: 200 with the mPaaS receipt, or a problem+json error (400/405/413/415 bad
 * input, 422 refused by mPaaS, 429 throttled, 5xx mPaaS or configuration failure).
 * Credentials: the function's RAM role, from `context.credentials` on every invocation.
 */
import { httpFunction } from '#lib/handler/http-function.ts';

export const handler = httpFunction('http-push');
