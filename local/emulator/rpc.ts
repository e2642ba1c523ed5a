/**
 * The RPC endpoint (`GET /` and `POST /`): faults, authentication, API lookup, then the action.
 *
 * This is the path a real PushTemplate call takes through the Alibaba Cloud gateway into mPaaS.
 * Gateway failures answer the error body with a 4xx/5xx status; business failures answer
 * HTTP 200 with a `ResultCode`, because that is the split clients must learn to handle. Only
 * business parameters of accepted pushes are recorded; the authenticating ones never are.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type AuthOutcome, authenticate, authenticateV3 } from './authenticate.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { gatewayError, newRequestId } from './errors.ts';
import type { Fault } from './faults.ts';
import { resetConnection, rpcParams, sendJson, sendProxyErrorPage } from './http-io.ts';
import { checkPushTemplate } from './push-template.ts';
import type { Refusal } from './refusal-log.ts';
import { businessFailure, businessSuccess } from './results.ts';
import { SCHEDULER_ACTIONS, schedulerAction } from './scheduler-rpc.ts';
import type { SignedParams } from './signature.ts';
import { V3_ALGORITHM, type V3Request } from './signature-v3.ts';

/** API versions that define PushTemplate (reference mpaas-openapi.md §5.1). */
export const API_VERSIONS: ReadonlySet<string> = new Set(['2019-08-21', '2020-10-28']);

const COMMON_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
]);

interface Reply {
  status: number;
  body: unknown;
}

function businessParams(params: SignedParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON_PARAMS.has(name)));
}

function pushTemplate(
  params: SignedParams,
  accessKeyId: string,
  requestId: string,
  state: EmulatorState,
  bodyBytes: number,
): Reply {
  const outcome = checkPushTemplate(businessParams(params), state.apps, state.templates);
  if (!outcome.ok) return { status: 200, body: businessFailure(requestId, outcome.resultCode) };
  state.pushes.add({
    requestId,
    action: 'PushTemplate',
    apiVersion: params.Version ?? '',
    params: outcome.push.params,
    accessKeyId,
    title: outcome.push.title,
    text: outcome.push.text,
    receivedAt: state.now().toISOString(),
    bodyBytes,
  });
  const strategyType = outcome.push.params.StrategyType;
  if (strategyType === '1' || strategyType === '2') {
    const content = outcome.push.params.StrategyContent;
    state.schedules.add({
      taskId: outcome.push.data,
      appId: params.AppId ?? '',
      workspaceId: params.WorkspaceId ?? '',
      deliveryType: Number(params.DeliveryType),
      strategyType: strategyType === '1' ? 1 : 2,
      content:
        typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {},
      title: outcome.push.title,
      text: outcome.push.text,
      createdAt: state.now().getTime(),
    });
  }
  return { status: 200, body: businessSuccess(requestId, outcome.push.data) };
}

function answer(
  auth: AuthOutcome,
  params: SignedParams,
  ctx: RequestContext,
  fault: Fault | undefined,
): Reply {
  const { state } = ctx;
  if (!auth.ok) return auth.error;
  const requestId = newRequestId();
  if (!API_VERSIONS.has(params.Version ?? '')) return gatewayError('InvalidVersion', { requestId });
  const scheduler = SCHEDULER_ACTIONS.has(params.Action ?? '') && params.Version === '2020-10-28';
  if (!scheduler && params.Action !== 'PushTemplate') {
    return gatewayError('InvalidApi.NotFound', { requestId });
  }
  if (fault?.type === 'result') {
    return { status: 200, body: businessFailure(requestId, fault.resultCode, fault.resultMessage) };
  }
  if (scheduler) return schedulerAction(params, state, requestId);
  return pushTemplate(params, auth.accessKeyId, requestId, state, ctx.body.length);
}

function v3Request(ctx: RequestContext): V3Request {
  return {
    method: ctx.req.method ?? 'GET',
    path: ctx.url.pathname,
    query: ctx.url.searchParams,
    headers: ctx.req.headers,
    body: ctx.body,
  };
}

/** Waits at least `ms` by the monotonic clock (timers may fire a millisecond early). */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await sleep(Math.ceil(left), undefined, { signal });
  }
}

/** Applies a fault that replaces the answer; true when the request is finished. */
async function preempt(fault: Fault | undefined, ctx: RequestContext): Promise<boolean> {
  switch (fault?.type) {
    case 'reset':
      if (fault.afterAccept === true) return false;
      recordFault(ctx, 'fault:reset', 'connection reset, injected by PUT /_faults', 0, '');
      resetConnection(ctx.req);
      return true;
    case 'gateway': {
      const error = gatewayError(fault.code, { status: fault.status, message: fault.message });
      recordFault(ctx, fault.code, error.body.Message, error.status, error.body.RequestId);
      sendJson(ctx.res, error.status, error.body);
      return true;
    }
    case 'html': {
      const status = fault.status ?? 502;
      recordFault(ctx, 'fault:html', 'an HTML error page, injected by PUT /_faults', status, '');
      sendProxyErrorPage(ctx.res, status);
      return true;
    }
    case 'delay':
      try {
        await pause(fault.ms, ctx.state.closing);
        return false;
      } catch {
        // The emulator is closing: drop the request rather than answer late.
        resetConnection(ctx.req);
        return true;
      }
    default:
      return false;
  }
}

/**
 * Handles one RPC call; the next queued fault, if any, is consumed by it.
 * @example routes.set('POST /', handleRpc)
 */
export async function handleRpc(ctx: RequestContext): Promise<void> {
  try {
    await answerRpc(ctx);
  } finally {
    ctx.state.changes.notify('rpc');
  }
}

/** What a refusal says of itself, beside what the call asked. */
type Answered = Pick<Refusal, 'kind' | 'code' | 'message' | 'requestId'>;

/** What a refused call answered, for the console's list of refusals; undefined when accepted. */
function refusalOf(reply: Reply): Answered | undefined {
  const body = typeof reply.body === 'object' && reply.body !== null ? reply.body : {};
  const field = (name: string) => {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  const requestId = field('RequestId') ?? '';
  const gatewayCode = field('Code');
  if (gatewayCode !== undefined) {
    return { kind: 'gateway', code: gatewayCode, message: field('Message') ?? '', requestId };
  }
  const resultCode = field('ResultCode');
  if (resultCode !== undefined && resultCode !== 'OK') {
    const message = field('ResultMessage') ?? '';
    return { kind: 'result', code: resultCode, message, requestId };
  }
  return undefined;
}

function recordRefusal(
  ctx: RequestContext,
  params: SignedParams,
  refusal: Answered,
  status: number,
): void {
  ctx.state.refusals.add({
    ...refusal,
    action: params.Action ?? String(ctx.req.headers['x-acs-action'] ?? ''),
    status,
    params: businessParams(params),
    receivedAt: ctx.state.now().toISOString(),
  });
}

/** An injected fault that answered in the call's place (a gateway error, an HTML page, a reset). */
function recordFault(
  ctx: RequestContext,
  code: string,
  message: string,
  status: number,
  requestId: string,
): void {
  const params = rpcParams(ctx.url, ctx.req.headers['content-type'], ctx.body);
  recordRefusal(ctx, params, { kind: 'fault', code, message, requestId }, status);
}

async function answerRpc(ctx: RequestContext): Promise<void> {
  const fault = ctx.state.faults.take();
  if (await preempt(fault, ctx)) return;
  const method = ctx.req.method ?? 'GET';
  const params = rpcParams(ctx.url, ctx.req.headers['content-type'], ctx.body);
  // V3 (ACS3-HMAC-SHA256, today's SDKs) names the action and version in headers; V1 (pop-core)
  // in the parameters. The real gateway takes both.
  const v3 = String(ctx.req.headers.authorization ?? '').startsWith(`${V3_ALGORITHM} `);
  const auth = v3
    ? authenticateV3(v3Request(ctx), ctx.state)
    : authenticate(method, params, ctx.state);
  const named = v3
    ? {
        ...params,
        Action: String(ctx.req.headers['x-acs-action'] ?? ''),
        Version: String(ctx.req.headers['x-acs-version'] ?? ''),
      }
    : params;
  const reply = answer(auth, named, ctx, fault);
  const answered = refusalOf(reply);
  // an injected result code answers as mPaaS would, but is the fault's, not the request's
  const refused =
    answered !== undefined && fault?.type === 'result'
      ? { ...answered, kind: 'fault' as const }
      : answered;
  if (refused !== undefined) recordRefusal(ctx, named, refused, reply.status);
  if (fault?.type === 'reset') {
    resetConnection(ctx.req);
    return;
  }
  sendJson(ctx.res, reply.status, reply.body);
}
