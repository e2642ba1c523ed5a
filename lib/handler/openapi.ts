/**
 * `GET /openapi.json`: the OpenAPI document (lib/report/openapi/document.ts) with the limits this
 * instance enforces. The generator and zod's JSON Schema output are loaded on the first request
 * (a chunk of their own in the bundle, so no cold start pays for them), and the document is made
 * once per instance.
 */
import type { Invocation } from '#lib/handler/invocation.ts';
import { type FcHttpResponse, jsonResponse } from '#lib/report/http-answer.ts';

let built: { key: string; body: unknown } | undefined;

/**
 * The document as an answer.
 * @example await openApiAnswer(state, { 'x-correlation-id': 'c-1' })
 */
export async function openApiAnswer(
  state: Invocation,
  headers: Record<string, string>,
): Promise<FcHttpResponse> {
  const { maxTargets, inlineTargets, maxBodyBytes } = state.config;
  const limits = { maxTargets, inlineTargets, maxBodyBytes };
  const key = JSON.stringify(limits);
  if (built?.key !== key) {
    const { openApiDocument } = await import('#lib/report/openapi/document.ts');
    built = { key, body: openApiDocument(limits, new Date()) };
  }
  return jsonResponse(200, built.body, { ...headers, 'cache-control': 'public, max-age=300' });
}
