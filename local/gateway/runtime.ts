/**
 * A local stand-in for FC's Node.js runtime: loads a built function (`dist/<name>/index.mjs`),
 * builds the `context` FC would pass (request id, function settings, region, and role credentials
 * minted for every invocation), enforces the function timeout, and runs async invocations in the
 * background with FC's retry policy (3 retries by default; reference fc-platform.md §4.2).
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RoleCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

export type FcHandler = (event: Buffer, context: Record<string, unknown>) => unknown;

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
  /** Receives a line for each async invocation that finally failed. */
  onAsyncFailure?: (name: string, requestId: string, error: InvocationError) => void;
}

/** What FC answers for a function that threw (`x-fc-error-type: UnhandledInvocationError`). */
export interface InvocationError {
  errorMessage: string;
  errorType: string;
  stackTrace: string[];
}

export type InvocationResult = { ok: true; value: unknown } | { ok: false; error: InvocationError };

export class FunctionNotFoundError extends Error {
  override name = 'FunctionNotFoundError';
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

export class LocalRuntime {
  readonly #options: Required<Omit<RuntimeOptions, 'onAsyncFailure'>> &
    Pick<RuntimeOptions, 'onAsyncFailure'>;
  readonly #handlers = new Map<string, FcHandler>();
  readonly #pending = new Set<Promise<void>>();

  constructor(options: RuntimeOptions) {
    this.#options = {
      timeoutSeconds: 30,
      maxAsyncRetryAttempts: 3,
      asyncRetryBaseMs: 1000,
      region: 'cn-hangzhou',
      ...options,
    };
  }

  /** Loads a function's handler once, as an FC instance does at cold start. */
  async handler(name: string): Promise<FcHandler> {
    const loaded = this.#handlers.get(name);
    if (loaded) return loaded;
    const file = path.join(this.#options.distDir, name, 'index.mjs');
    if (!NAME.test(name) || !(await stat(file).catch(() => null))) {
      throw new FunctionNotFoundError(
        `Function ${name} does not exist (no ${file}; run npm run build).`,
      );
    }
    const module: { handler?: unknown } = await import(pathToFileURL(file).href);
    if (typeof module.handler !== 'function')
      throw new FunctionNotFoundError(`${file} exports no handler.`);
    const handler = module.handler as FcHandler;
    this.#handlers.set(name, handler);
    return handler;
  }

  /** Runs one invocation to its end (or its timeout). */
  async invoke(
    name: string,
    event: Buffer,
    requestId: string = randomUUID(),
  ): Promise<InvocationResult> {
    const handler = await this.handler(name);
    const context = await this.#context(name, requestId);
    const timeoutMs = this.#options.timeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Function timed out after ${this.#options.timeoutSeconds} seconds`)),
        timeoutMs,
      );
    });
    try {
      const value = await Promise.race([Promise.resolve(handler(event, context)), timeout]);
      return { ok: true, value };
    } catch (thrown) {
      return { ok: false, error: toInvocationError(thrown) };
    } finally {
      clearTimeout(timer);
    }
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

/** FC's error body for a function that threw. */
export function toInvocationError(thrown: unknown): InvocationError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return {
    errorMessage: error.message,
    errorType: error.name,
    stackTrace: (error.stack ?? '')
      .split('\n')
      .slice(1)
      .map((line) => line.trim()),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
