/**
 * A local stand-in for FC's Node.js runtime: runs each built function (`dist/<name>/index.mjs`)
 * in function instances (instance.ts, one worker thread each), builds the `context` FC would pass
 * (request id, function settings, region, and role credentials minted for every invocation),
 * ends an invocation at the function timeout by stopping its instance, and runs async
 * invocations in the background with FC's retry policy (3 retries by default; reference
 * fc-platform.md §4.2).
 *
 * Instances are reused as FC reuses a warm one (`reuse`: one per function, cold start only the
 * first time and after a timeout), or made fresh for every invocation as when FC scales out
 * (`per-invocation`), so that nothing kept in memory, such as the in-memory idempotency store,
 * is shared between two invocations.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  FunctionInstance,
  type InvocationError,
  type InvocationResult,
  toInvocationError,
} from './instance.ts';

export { type InvocationError, type InvocationResult, toInvocationError };

export interface RoleCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** `reuse`: one warm instance per function. `per-invocation`: a fresh one every time. */
export type InstanceMode = 'reuse' | 'per-invocation';

export const INSTANCE_MODES: readonly InstanceMode[] = ['reuse', 'per-invocation'];

export interface RuntimeOptions {
  /** Folder with one `<name>/index.mjs` per function. */
  distDir: string;
  /** Mints the role's credentials, as FC does by AssumeRole. */
  credentials: () => Promise<RoleCredentials>;
  /** Function timeout in seconds (s.yaml `timeout`). Default 30. */
  timeoutSeconds?: number;
  /** Retries of a failed async invocation. Default 3, as FC. */
  maxAsyncRetryAttempts?: number;
  /** Delay before the first async retry, doubled each time. Default 1000 ms. */
  asyncRetryBaseMs?: number;
  region?: string;
  /** How invocations map to instances. Default `reuse`. */
  instanceMode?: InstanceMode;
  /**
   * Variables set for every function over the gateway's own environment (s.yaml
   * `environmentVariables`). An instance reads both at each invocation, so stubs reach it.
   */
  environment?: Record<string, string>;
  /** Receives a line for each async invocation that finally failed. */
  onAsyncFailure?: (name: string, requestId: string, error: InvocationError) => void;
}

export class FunctionNotFoundError extends Error {
  override name = 'FunctionNotFoundError';
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

export class LocalRuntime {
  readonly #options: Required<Omit<RuntimeOptions, 'onAsyncFailure'>> &
    Pick<RuntimeOptions, 'onAsyncFailure'>;
  /** The warm instance of each function (reuse mode). */
  readonly #warm = new Map<string, FunctionInstance>();
  /** Every instance not yet stopped, so close() can stop them. */
  readonly #live = new Set<FunctionInstance>();
  readonly #pending = new Set<Promise<void>>();

  constructor(options: RuntimeOptions) {
    this.#options = {
      timeoutSeconds: 30,
      maxAsyncRetryAttempts: 3,
      asyncRetryBaseMs: 1000,
      region: 'cn-hangzhou',
      instanceMode: 'reuse',
      environment: {},
      ...options,
    };
  }

  /**
   * The bundle of a function.
   * @throws FunctionNotFoundError when there is none.
   */
  async functionFile(name: string): Promise<string> {
    const file = path.join(this.#options.distDir, name, 'index.mjs');
    if (!NAME.test(name) || !(await stat(file).catch(() => null))) {
      throw new FunctionNotFoundError(
        `Function ${name} does not exist (no ${file}; run npm run build).`,
      );
    }
    return file;
  }

  /** Runs one invocation to its end (or its timeout) on an instance of the function. */
  async invoke(
    name: string,
    event: Buffer,
    requestId: string = randomUUID(),
  ): Promise<InvocationResult> {
    const instance = this.#instanceOf(name, await this.functionFile(name));
    let reusable = this.#options.instanceMode === 'reuse';
    try {
      // The instance loads its bundle while the credentials are minted, as a cold start overlaps.
      const context = await this.#context(name, requestId);
      const loadError = await instance.ready;
      if (!loadError) return await this.#run(instance, event, context);
      reusable = false;
      return { ok: false, error: loadError };
    } finally {
      // A bundle that failed to load gets a new instance next time, as FC retries a cold start.
      if (!reusable || instance.stopped) await this.#retire(name, instance, 'Invocation ended.');
    }
  }

  /**
   * A structured clone of an export of the function's warm instance (reuse mode), as a debugger
   * would read it: tests use it to see what a fixture function kept in memory.
   */
  async inspect(name: string, exportName: string): Promise<unknown> {
    const instance = this.#warm.get(name);
    if (!instance) throw new Error(`Function ${name} has no warm instance.`);
    return instance.inspect(exportName);
  }

  /** Stops every instance; calls still running on one answer an InstanceStoppedError. */
  async close(): Promise<void> {
    this.#warm.clear();
    await Promise.all(
      [...this.#live].map((instance) => this.#retire('', instance, 'The gateway closed.')),
    );
  }

  /** Ends the handler at the timeout: its instance is stopped, so nothing it started goes on. */
  async #run(
    instance: FunctionInstance,
    event: Buffer,
    context: Record<string, unknown>,
  ): Promise<InvocationResult> {
    const seconds = this.#options.timeoutSeconds;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), seconds * 1000);
    });
    const env = { ...process.env, ...this.#options.environment };
    const result = await Promise.race([instance.invoke(event, context, env), timedOut]);
    clearTimeout(timer);
    if (result !== 'timeout') return result;
    await instance.terminate(
      `The function instance was stopped: invocation ${String(context.requestId)} on it timed out.`,
    );
    return {
      ok: false,
      error: toInvocationError(new Error(`Function timed out after ${seconds} seconds`)),
    };
  }

  /** The warm instance (reuse mode, replaced once stopped) or a fresh one. */
  #instanceOf(name: string, file: string): FunctionInstance {
    const warm = this.#warm.get(name);
    if (this.#options.instanceMode === 'reuse' && warm && !warm.stopped) return warm;
    const instance = new FunctionInstance(file);
    this.#live.add(instance);
    if (this.#options.instanceMode === 'reuse') this.#warm.set(name, instance);
    return instance;
  }

  async #retire(name: string, instance: FunctionInstance, reason: string): Promise<void> {
    if (this.#warm.get(name) === instance) this.#warm.delete(name);
    this.#live.delete(instance);
    await instance.terminate(reason);
  }

  /** Async task ids seen, as FC keeps them for task deduplication. */
  readonly #taskIds = new Set<string>();

  /** True the first time `taskId` is submitted, false for a duplicate. */
  claimTaskId(taskId: string): boolean {
    if (this.#taskIds.has(taskId)) return false;
    this.#taskIds.add(taskId);
    return true;
  }

  /** Starts an async invocation and returns at once; failures are retried with backoff. */
  invokeAsync(name: string, event: Buffer, requestId: string = randomUUID()): void {
    const run = this.#runAsync(name, event, requestId);
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run));
  }

  /** Resolves when every async invocation started so far has finished (tests use it). */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #runAsync(name: string, event: Buffer, requestId: string): Promise<void> {
    let result: InvocationResult = { ok: false, error: toInvocationError(new Error('not run')) };
    for (let attempt = 0; attempt <= this.#options.maxAsyncRetryAttempts; attempt += 1) {
      if (attempt > 0) await sleep(this.#options.asyncRetryBaseMs * 2 ** (attempt - 1));
      result = await this.invoke(name, event, requestId).catch((thrown: unknown) => ({
        ok: false as const,
        error: toInvocationError(thrown),
      }));
      if (result.ok) return;
    }
    if (result.ok) return;
    try {
      this.#options.onAsyncFailure?.(name, requestId, result.error);
    } catch (thrown) {
      // A failing observer must not become an unhandled rejection of the invocation itself.
      const line = {
        level: 'error',
        message: 'async failure handler threw',
        function: name,
        requestId,
        ...toInvocationError(thrown),
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    }
  }

  async #context(name: string, requestId: string): Promise<Record<string, unknown>> {
    return {
      requestId,
      credentials: await this.#options.credentials(),
      function: {
        name,
        handler: 'index.handler',
        memory: 512,
        timeout: this.#options.timeoutSeconds,
      },
      service: { logProject: 'local', logStore: 'local', qualifier: 'LATEST', versionId: '' },
      region: this.#options.region,
      accountId: '1234567890123456',
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
