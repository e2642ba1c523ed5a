/**
 * One FC function instance: a worker thread (instance-worker.mjs) with its own module graph, so
 * nothing in memory is shared with any other instance, as between two FC instances. Stopping it
 * ends whatever its handlers still run (open sockets, timers), as FC does to a timed-out instance.
 *
 * An idle instance does not keep the process alive; one that loads or runs an invocation does.
 */
import { Worker } from 'node:worker_threads';

/** What FC answers for a function that threw (`x-fc-error-type: UnhandledInvocationError`). */
export interface InvocationError {
  errorMessage: string;
  errorType: string;
  stackTrace: string[];
}

export type InvocationResult = { ok: true; value: unknown } | { ok: false; error: InvocationError };

/** An error as the worker posts it: an Error's own fields, since a clone loses custom names. */
interface PostedError {
  name: string;
  message: string;
  stack: string;
}

type Reply =
  | { type: 'ready' }
  | { type: 'load-failed'; error: PostedError }
  | { type: 'output'; stream: 'stdout' | 'stderr'; chunk: string | Uint8Array }
  | {
      type: 'result' | 'inspected';
      id: number;
      value?: unknown;
      bytes?: Uint8Array;
      error?: PostedError;
    };

/** A call's answer, its error already in FC's shape. */
interface Answer {
  value?: unknown;
  bytes?: Uint8Array;
  error?: InvocationError;
}

const ENTRY = new URL('./instance-worker.mjs', import.meta.url);

export class FunctionInstance {
  /** Settles once the bundle is loaded: with the error FC would answer if it could not be. */
  readonly ready: Promise<InvocationError | undefined>;
  readonly #worker: Worker;
  readonly #calls = new Map<number, (answer: Answer) => void>();
  #nextId = 0;
  #loading = true;
  #stopped: InvocationError | undefined;

  constructor(file: string) {
    // No execArgv: the bundle is plain JS, and the parent's loaders (tsx) only slow the start.
    this.#worker = new Worker(ENTRY, { workerData: { file }, execArgv: [] });
    this.ready = new Promise((resolve) => {
      this.#worker.on('message', (reply: Reply) => this.#onReply(reply, resolve));
      this.#worker.on('error', (thrown) => resolve(this.#stop(toInvocationError(thrown))));
      this.#worker.on('exit', (code) =>
        resolve(this.#stop(stoppedError(`The function instance exited with code ${code}.`))),
      );
    });
  }

  /** True once the instance has ended (terminated, crashed or exited): it takes no more calls. */
  get stopped(): boolean {
    return this.#stopped !== undefined;
  }

  /** Runs one invocation; if the instance stops first, answers why. */
  async invoke(
    event: Buffer,
    context: Record<string, unknown>,
    env: Record<string, string | undefined>,
  ): Promise<InvocationResult> {
    const { error, bytes, value } = await this.#call({ type: 'invoke', event, context, env });
    if (error) return { ok: false, error };
    return { ok: true, value: bytes ? Buffer.from(bytes) : value };
  }

  /** A structured clone of one of the bundle's exports, as a debugger would read it. */
  async inspect(name: string): Promise<unknown> {
    const answer = await this.#call({ type: 'inspect', name });
    if (answer.error) throw new Error(answer.error.errorMessage);
    return answer.value;
  }

  /** Ends the instance at once; every call still pending on it answers `reason`. */
  async terminate(reason: string): Promise<void> {
    this.#stop(stoppedError(reason));
    await this.#worker.terminate();
  }

  #call(message: Record<string, unknown>): Promise<Answer> {
    if (this.#stopped) return Promise.resolve({ error: this.#stopped });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#calls.set(id, resolve);
      this.#holdProcess();
      this.#worker.postMessage({ ...message, id });
    });
  }

  #onReply(reply: Reply, ready: (error: InvocationError | undefined) => void): void {
    if (reply.type === 'output') {
      process[reply.stream].write(
        typeof reply.chunk === 'string' ? reply.chunk : Buffer.from(reply.chunk),
      );
    } else if (reply.type === 'ready' || reply.type === 'load-failed') {
      this.#loading = false;
      this.#holdProcess();
      ready(reply.type === 'ready' ? undefined : fromPosted(reply.error));
    } else {
      const { value, bytes, error } = reply;
      this.#calls.get(reply.id)?.({ value, bytes, error: error && fromPosted(error) });
      this.#calls.delete(reply.id);
      this.#holdProcess();
    }
  }

  /** Marks the instance ended (the first reason wins) and answers every pending call with it. */
  #stop(reason: InvocationError): InvocationError {
    this.#stopped ??= reason;
    this.#loading = false;
    for (const answer of this.#calls.values()) answer({ error: this.#stopped });
    this.#calls.clear();
    return this.#stopped;
  }

  /** Keeps the process alive only while the instance has work, so an idle one never blocks exit. */
  #holdProcess(): void {
    if (this.#loading || this.#calls.size > 0) this.#worker.ref();
    else this.#worker.unref();
  }
}

/** FC's error body for a function that threw. */
export function toInvocationError(thrown: unknown): InvocationError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return fromPosted({ name: error.name, message: error.message, stack: error.stack ?? '' });
}

function fromPosted(error: PostedError): InvocationError {
  return {
    errorMessage: error.message,
    errorType: error.name,
    stackTrace: error.stack
      .split('\n')
      .slice(1)
      .map((line) => line.trim()),
  };
}

function stoppedError(message: string): InvocationError {
  return { errorMessage: message, errorType: 'InstanceStoppedError', stackTrace: [] };
}
