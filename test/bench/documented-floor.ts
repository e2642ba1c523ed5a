/**
 * The documented floor of one HTTP push: a subset of what the README documents that every push
 * does, built and loaded as the functions are (scripts/build.ts `bundleEntry`), so that the
 * benchmark can say how much of each figure that documented work costs by itself and how much is
 * the function's own.
 *
 * It does, with the functions' own code: middy around the handler; read and check the
 * configuration (cached while the environment is unchanged, as the functions cache it); read FC's
 * HTTP trigger event (route, body bound, base64, JSON); validate the request with the zod schema
 * of every mPaaS rule; turn it into PushTemplate's wire parameters; one pop-core call signed with
 * the invocation's role credentials, pop-core loaded on the first call as the functions load it;
 * the two redacted JSON log lines every push writes (`push finished`, `invocation finished`); and
 * the JSON answer with each target's status.
 *
 * It leaves out documented work too (the deadline that bounds every call, the credentials check,
 * `latencyMs`) and what a successful push of one target needs only in other cases: retries,
 * calls of 10, the fan-out pool, metrics, idempotency and problem+json answers. So it is cheaper
 * than the documented behaviour, not dearer: a floor, not an implementation.
 *
 * Not imported by any test or function: only the benchmark builds it (test/bench/run.ts).
 */
import type http from 'node:http';
import type RPCClient from '@alicloud/pop-core';
import middy from '@middy/core';
import { httpRecord } from '#lib/adapt/http.ts';
import { configOf } from '#lib/handler/config.ts';
import { toWireParams } from '#lib/plan/wire.ts';
import { jsonResponse } from '#lib/report/http-answer.ts';
import { createLogger } from '#lib/shared/logger.ts';
import { validatePush } from '#lib/validate/validate.ts';

interface FloorContext {
  requestId: string;
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken: string };
}

interface PushBody {
  RequestId?: string;
  PushResult?: { Success?: boolean };
}

interface Loaded {
  PopCore: typeof RPCClient;
  agent: http.Agent;
}

let loading: Promise<Loaded> | undefined;
/** Once loaded, taken without a promise hop, as lib/send/mpaas/client.ts takes it. */
let loaded: Loaded | undefined;

/** pop-core and one keep-alive agent, loaded on the first call as the functions load them. */
function popCore(endpoint: string): Promise<Loaded> {
  loading ??= Promise.all([
    // the RPC client alone, as lib/send/mpaas/client.ts loads it
    import('@alicloud/pop-core/lib/rpc.js'),
    endpoint.startsWith('https:') ? import('node:https') : import('node:http'),
  ])
    .then(([pop, node]) => ({
      PopCore: (pop.default ?? pop) as unknown as typeof RPCClient,
      agent: new node.Agent({ keepAlive: true, keepAliveMsecs: 1000 }),
    }))
    .then((made) => {
      loaded = made;
      return made;
    });
  return loading;
}

async function push(event: Buffer, context: FloorContext) {
  const config = configOf(process.env);
  const { endpoint, apiVersion } = config;
  const logger = createLogger(
    { requestId: context.requestId, function: 'http-push', trigger: 'http' },
    config.logLevel,
  );
  const record = httpRecord(event, context.requestId, config.maxBodyBytes);
  if (record.kind !== 'push') throw new Error(`the floor takes pushes only, not ${record.kind}`);
  const { correlationId } = record;
  const request = validatePush(
    record.body,
    {
      appId: config.appId,
      workspaceId: config.workspaceId,
      apiVersion,
      timeZone: config.timeZone,
      maxTargets: config.maxTargets,
    },
    record.msgKeySeed,
    new Date(),
  );
  const { PopCore, agent } = loaded ?? (await popCore(endpoint));
  const { credentials } = context;
  const client = new PopCore({
    endpoint,
    apiVersion,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    securityToken: credentials.securityToken,
  });
  const body = await client.request<PushBody>('PushTemplate', toWireParams(request, apiVersion), {
    method: 'POST',
    timeout: 5000,
    agent,
    formatParams: false,
  });
  if (body.PushResult?.Success !== true) throw new Error('the floor expects every push accepted');
  const targets = Object.entries(request.targetMsgkey ?? {}).map(([target, msgKey]) => ({
    target,
    msgKey,
    status: 'SENT',
  }));
  const summary = {
    targets: targets.length,
    calls: 1,
    sent: targets.length,
    throttled: 0,
    failed: 0,
    refused: 0,
    inDoubt: 0,
    replayed: 0,
    retries: 0,
  };
  logger.info('push finished', {
    correlationId,
    templateName: request.templateName,
    ...summary,
    requestReplayed: false,
  });
  logger.info('invocation finished', {
    correlationId,
    outcome: 'sent',
    statusCode: 200,
    records: 1,
    invalid: 0,
    ignored: 0,
    ...summary,
    dispatched: 0,
    coldStart: false,
  });
  return jsonResponse(
    200,
    {
      requestId: context.requestId,
      status: 'SENT',
      summary,
      targets,
      calls: [
        { chunk: 0, status: 'SENT', attempts: 1, inDoubt: false, mpaasRequestId: body.RequestId },
      ],
    },
    { 'x-correlation-id': correlationId },
  );
}

export const handler = middy(push);
