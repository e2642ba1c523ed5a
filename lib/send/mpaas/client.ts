/**
 * The mPaaS OpenAPI client (PushTemplate, and the scheduler actions of lib/send/mpaas/schedules.ts),
 * on `@alicloud/pop-core`'s RPC signer (signature V1.0).
 *
 * One client per function instance keeps one keep-alive agent; credentials are passed per call,
 * because FC hands out fresh role keys on every invocation. Every call is a POST (pop-core's GET
 * puts the SecurityToken and Signature in the URL), signed with a new nonce and timestamp, and
 * bounded by the invocation's deadline.
 */
import type http from 'node:http';
// lib/rpc.js, not the package root: the root also loads the ROA client and xml2js, which a
// Format=JSON RPC client never uses (about 100 KB of bundle and cold start).
import { toWireParams } from '#lib/plan/wire.ts';
import {
  errorFromThrown,
  type PushReceipt,
  receiptFromBody,
  type SeenResponse,
} from '#lib/send/mpaas/outcome.ts';
import { MpaasTransportError } from '#lib/shared/errors.ts';
import type { Deadline, FcCredentials } from '#lib/shared/fc-context.ts';
import type { ApiVersion } from '#lib/validate/options.ts';

export interface MpaasClientOptions {
  /** e.g. `https://mpaas.aliyuncs.com`, the official SDKs' endpoint for every region. */
  endpoint: string;
  apiVersion: ApiVersion;
  /** Upper bound of one call; the deadline may shorten it. */
  requestTimeoutMs: number;
  /** Time kept back before the deadline so the function can still report. Default 500 ms. */
  safetyMarginMs?: number;
}

/** What each call needs from its invocation. */
export interface CallContext {
  credentials: FcCredentials;
  deadline: Deadline;
}

/** Below this there is no point in starting a call. */
const MIN_CALL_MS = 100;

interface PopEntry {
  response?: { statusCode?: number };
}
interface PopRequestOptions {
  method: 'POST';
  timeout: number;
  agent: http.Agent;
  formatParams: false;
}
interface PopClient {
  request(
    action: string,
    params: Record<string, string>,
    opts: PopRequestOptions,
  ): Promise<[unknown, PopEntry]>;
}
interface PopConfig {
  endpoint: string;
  apiVersion: string;
  credentialsProvider: { getCredentials(): Promise<FcCredentials> };
}
// pop-core's typings lack `credentialsProvider` and the `verbose` flag (reference §2.2).
type PopCore = new (config: PopConfig, verbose: true) => PopClient;

let popCore: PopCore | undefined;
let loadingPopCore: Promise<PopCore> | undefined;

/**
 * pop-core, loaded on the first call rather than at cold start: it and what it requires (httpx,
 * json-bigint, bignumber.js, kitx, and Node's https, tls, assert, os) are about a fifth of the
 * bundle and several milliseconds of Node's own module loading that an instance pays before its
 * first invocation (#11). The first call pays it instead, once per instance.
 */
function loadPopCore(): Promise<PopCore> {
  loadingPopCore ??= import('@alicloud/pop-core/lib/rpc.js').then(
    (module) => {
      popCore = (module.default ?? module) as unknown as PopCore;
      return popCore;
    },
    (error: unknown) => {
      // a failed load (a chunk missing from the package) is tried again by the next call
      loadingPopCore = undefined;
      throw error;
    },
  );
  return loadingPopCore;
}

/** Sends PushTemplate calls; reuse one per function instance. */
export class MpaasClient {
  readonly options: Required<MpaasClientOptions>;
  #agent: Promise<http.Agent> | undefined;
  /** The agent once made: later calls take it without waiting on a promise. */
  #madeAgent: http.Agent | undefined;
  /** Counts close() calls: an agent made across one belongs to no later call. */
  #generation = 0;

  constructor(options: MpaasClientOptions) {
    this.options = { safetyMarginMs: 500, ...options };
  }

  /** The keep-alive agent, made (and Node's http or https loaded) on the first call. */
  #agentOf(): Promise<http.Agent> {
    if (this.#agent) return this.#agent;
    const generation = this.#generation;
    this.#agent = (async () => {
      const { Agent } = this.options.endpoint.startsWith('https:')
        ? await import('node:https')
        : await import('node:http');
      // Idle sockets are closed after 4 s: FC freezes idle instances, and a socket kept across
      // a freeze comes back reset (reference §2.2).
      const agent = new Agent({ keepAlive: true, keepAliveMsecs: 1000, timeout: 4000 });
      // one that close() let go of while it was being made is not kept for the next call
      if (generation === this.#generation) this.#madeAgent = agent;
      return agent;
    })();
    return this.#agent;
  }

  /**
   * Sends one PushTemplate call.
   * @param request a validated push request (camelCase names, as parsePushRequest returns it)
   * @throws MpaasBusinessError | MpaasGatewayError | MpaasTransportError
   * @example await client.pushTemplate(request, { credentials, deadline })
   */
  async pushTemplate(request: object, call: CallContext): Promise<PushReceipt> {
    const params = toWireParams(request, this.options.apiVersion);
    const { body, httpStatus } = await this.call('PushTemplate', params, call);
    return receiptFromBody(body, httpStatus);
  }

  /**
   * Sends one signed RPC call of any action, as PushTemplate goes; of this client's API version
   * unless `apiVersion` names another (the scheduler actions exist only in 2020-10-28).
   * @returns the parsed body and the HTTP status, for the caller to classify
   * @throws MpaasGatewayError | MpaasTransportError when there is no answer to classify
   * @example await client.call('QueryPushSchedulerList', { AppId, WorkspaceId, StartTime, EndTime }, call)
   */
  async call(
    action: string,
    params: Record<string, string>,
    call: CallContext,
    apiVersion: string = this.options.apiVersion,
  ): Promise<{ body: unknown; httpStatus: number | undefined }> {
    // loaded once per instance; every later call takes them as they are, with no promise hop
    const [PopCore, agent] =
      popCore && this.#madeAgent
        ? [popCore, this.#madeAgent]
        : await Promise.all([loadPopCore(), this.#agentOf()]);
    // after the first call's loading, so that the time it took is not counted as time left
    const timeout = this.#timeoutFor(call.deadline);
    const credentials = call.credentials;
    const client = new PopCore(
      {
        endpoint: this.options.endpoint,
        apiVersion,
        credentialsProvider: { getCredentials: async () => credentials },
      },
      true,
    );
    const seen: SeenResponse = {};
    let answer: [unknown, PopEntry];
    try {
      answer = await client.request(action, params, {
        method: 'POST',
        timeout,
        agent: watchingAgent(agent, seen),
        formatParams: false,
      });
    } catch (thrown) {
      throw errorFromThrown(thrown, seen);
    }
    const [body, entry] = answer;
    return { body, httpStatus: entry.response?.statusCode };
  }

  /** Closes pooled sockets (tests and the local gateway call this on shutdown). */
  close(): void {
    const agent = this.#agent;
    this.#agent = undefined;
    this.#madeAgent = undefined;
    this.#generation += 1;
    void agent?.then((made) => made.destroy());
  }

  #timeoutFor(deadline: Deadline): number {
    const available = deadline.remaining() - this.options.safetyMarginMs;
    if (available < MIN_CALL_MS) {
      throw new MpaasTransportError(
        'deadline',
        `only ${deadline.remaining()} ms left before the function times out`,
        {
          outcomeUnknown: false,
        },
      );
    }
    return Math.min(this.options.requestTimeoutMs, available);
  }
}

/**
 * `agent` for one call, noting the answer's status and headers in `seen`: pop-core drops them
 * when the body is not JSON. Requests still go through `agent`'s pool (http.request calls only
 * `addRequest` of the agent it is given).
 */
function watchingAgent(agent: http.Agent, seen: SeenResponse): http.Agent {
  // `addRequest` is public in Node but missing from @types/node's Agent.
  const addRequest: unknown = Reflect.get(agent, 'addRequest');
  if (typeof addRequest !== 'function') return agent;
  const watching: http.Agent = Object.create(agent);
  Reflect.set(watching, 'addRequest', (request: http.ClientRequest, options: unknown) => {
    request.once('response', (response: http.IncomingMessage) => {
      seen.statusCode = response.statusCode;
      seen.headers = response.headers;
    });
    Reflect.apply(addRequest, agent, [request, options]);
  });
  return watching;
}
