// One invocation in a fresh process: import a built bundle (argv[2]) and handle one HTTP event.
// The event and the role credentials come from the parent (BENCH_EVENT, BENCH_CREDENTIALS); the
// last stdout line is `BENCH_RESULT {statusCode, maxRSS}` (maxRSS in KB, from resourceUsage()).
import { pathToFileURL } from 'node:url';

const bundlePath = process.argv[2];
if (!bundlePath) throw new Error('usage: node push-bundle.mjs <dist/http-push/index.mjs>');
const { handler } = await import(pathToFileURL(bundlePath).href);
const event = Buffer.from(process.env.BENCH_EVENT ?? '');
const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}');
const context = {
  requestId: 'bench-memory',
  credentials,
  function: { name: 'http-push', handler: 'index.handler', memory: 256, timeout: 30 },
  service: { logProject: 'p', logStore: 's', qualifier: 'LATEST', versionId: '1' },
  region: 'cn-hangzhou',
  accountId: '1234567890123456',
};
const response = await handler(event, context);
const result = { statusCode: response.statusCode, maxRSS: process.resourceUsage().maxRSS };
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
// The handler's keep-alive agent would hold the process open until its sockets time out.
process.exit(0);
