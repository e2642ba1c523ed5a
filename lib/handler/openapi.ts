/**
 * `GET /openapi.json`: the OpenAPI document (lib/report/openapi/document.ts) with this instance's
 * configuration: its limits, API version and app. The generator is loaded on the first request
 * (a chunk of its own in the bundle, so no cold start pays for it), and the document is made
 * again at most every hour, so its scheduled-push example (a day after the document was made)
 * is always one the function accepts.
 */
import type { PushConfig } from '#lib/handler/config.ts';
import { type FcHttpResponse, jsonResponse } from '#lib/report/http-answer.ts';
import type { DocumentConfig } from '#lib/report/openapi/request-schema.ts';

/** How long one instance serves the same document. */
const REMAKE_MS = 3_600_000;

let built: { key: string; madeAt: number; body: unknown } | undefined;

/**
 * What of the configuration the document states.
 * @example documentConfigOf(loadConfig({})).maxTargets // 100000
 */
export function documentConfigOf(config: PushConfig): DocumentConfig {
  const { maxTargets, inlineTargets, maxBodyBytes, apiVersion, appId, workspaceId } = config;
  return { maxTargets, inlineTargets, maxBodyBytes, apiVersion, appId, workspaceId };
}

/**
 * The document as an answer.
 * @example await openApiAnswer(state.config, { 'x-correlation-id': 'c-1' })
 */
export async function openApiAnswer(
  pushConfig: PushConfig,
  headers: Record<string, string>,
  now = Date.now(),
): Promise<FcHttpResponse> {
  const config = documentConfigOf(pushConfig);
  const key = JSON.stringify(config);
  if (built?.key !== key || now - built.madeAt >= REMAKE_MS) {
    const { openApiDocument } = await import('#lib/report/openapi/document.ts');
    built = { key, madeAt: now, body: openApiDocument(config, new Date(now)) };
  }
  return jsonResponse(200, built.body, { ...headers, 'cache-control': 'public, max-age=300' });
}
