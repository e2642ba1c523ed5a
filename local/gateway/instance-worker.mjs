/**
 * The inside of one FC function instance, run in a worker thread by instance.ts: it loads the
 * built bundle (`workerData.file`, plain JS) once, as an instance does at cold start, then runs
 * each invocation it is posted and posts back the result or what the handler threw.
 *
 * Plain JS, not TypeScript: a worker starts without the parent's loaders (tsx, vitest), so it
 * runs what FC runs. Its stdout and stderr go to the parent over the same port as the results,
 * so every line an invocation writes reaches the gateway before that invocation's answer.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('instance-worker.mjs runs only as a worker thread');

forwardOutput('stdout');
forwardOutput('stderr');

const loaded = import(pathToFileURL(workerData.file).href).then((module) => {
  if (typeof module.handler !== 'function') {
    throw Object.assign(new Error(`${workerData.file} exports no handler.`), {
      name: 'HandlerNotFoundError',
    });
  }
  return module;
});
loaded.then(
  () => port.postMessage({ type: 'ready' }),
  (thrown) => port.postMessage({ type: 'load-failed', error: serialised(thrown) }),
);

port.on('message', (message) => {
  if (message.type === 'invoke') void invoke(message);
  else if (message.type === 'inspect') void inspect(message);
});

async function invoke({ id, event, context, env }) {
  try {
    const module = await loaded;
    // The environment is the gateway's at each invocation, so variables a test stubs reach it.
    for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
    Object.assign(process.env, env);
    const bytes = Buffer.from(event.buffer, event.byteOffset, event.byteLength);
    port.postMessage({ type: 'result', id, ...encoded(await module.handler(bytes, context)) });
  } catch (thrown) {
    port.postMessage({ type: 'result', id, error: serialised(thrown) });
  }
}

async function inspect({ id, name }) {
  try {
    const module = await loaded;
    port.postMessage({ type: 'inspected', id, value: module[name] });
  } catch (thrown) {
    port.postMessage({ type: 'inspected', id, error: serialised(thrown) });
  }
}

/** As FC's Node.js runtime answers a value: bytes and strings as they are, anything else as JSON. */
function encoded(value) {
  if (value instanceof Uint8Array) return { bytes: value };
  if (typeof value === 'string' || value === undefined) return { value };
  return { value: JSON.parse(JSON.stringify(value) ?? 'null') };
}

/** What the parent needs to rebuild FC's error body; custom error names survive, unlike a clone. */
function serialised(thrown) {
  if (thrown instanceof Error) {
    return { name: thrown.name, message: thrown.message, stack: thrown.stack ?? '' };
  }
  return { name: 'Error', message: String(thrown), stack: '' };
}

function forwardOutput(stream) {
  process[stream].write = (chunk, encoding, callback) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const text =
      typeof chunk === 'string' && typeof encoding === 'string' && encoding !== 'utf8'
        ? Buffer.from(chunk, encoding)
        : chunk;
    port.postMessage({ type: 'output', stream, chunk: text });
    if (typeof done === 'function') queueMicrotask(done);
    return true;
  };
}
