// The plain baseline of the memory benchmark: load pop-core, zod and middy unbundled, then send
// one PushTemplate call with pop-core (wire parameters in BENCH_PARAMS, role credentials in
// BENCH_CREDENTIALS, endpoint in MPAAS_ENDPOINT). Last stdout line: `BENCH_RESULT {...}`.
import { RPCClient } from './plain-imports.mjs';

const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}');
const client = new RPCClient({
  endpoint: process.env.MPAAS_ENDPOINT ?? '',
  apiVersion: '2020-10-28',
  accessKeyId: credentials.accessKeyId,
  accessKeySecret: credentials.accessKeySecret,
  securityToken: credentials.securityToken,
});
const params = JSON.parse(process.env.BENCH_PARAMS ?? '{}');
const body = await client.request('PushTemplate', params, {
  method: 'POST',
  timeout: 5000,
  formatParams: false,
});
const result = {
  statusCode: body.PushResult?.Success === true ? 200 : 502,
  maxRSS: process.resourceUsage().maxRSS,
};
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
// pop-core's keep-alive agent would hold the process open for a few seconds.
process.exit(0);
