/**
 * `npm start`: starts the mPaaS emulator, the Tablestore emulator and the local FC gateway on
 * 127.0.0.1, builds the functions, and prints how to send a push. No cloud account is needed: the emulator plays STS
 * (the gateway gets each invocation's role credentials from it) and the mPaaS OpenAPI.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '#local/emulator/server.ts';
import { CredentialStore } from '#local/emulator/sts.ts';
import { startLocalLedger } from '#local/tablestore/ledger.ts';
import { bundle, functionNames } from '../scripts/build.ts';
import { INSTANCE_MODES, type InstanceMode } from './gateway/runtime.ts';
import { startGateway } from './gateway/server.ts';
import { listening } from './ports.ts';
import { stsMinter } from './sts-client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_APP = { appId: 'ONEX570DA89211721', workspaceId: 'test' };

const env = process.env;
const emulatorPort = Number(env.MPAAS_EMULATOR_PORT ?? 9001);
const gatewayPort = Number(env.PORT ?? 9000);
// `per-invocation` runs every invocation on a fresh instance, as FC does when it scales out.
const instanceMode = (env.LOCAL_INSTANCE_MODE ?? 'reuse') as InstanceMode;
if (!INSTANCE_MODES.includes(instanceMode)) {
  throw new Error(
    `LOCAL_INSTANCE_MODE must be ${INSTANCE_MODES.join(' or ')}, not ${instanceMode}.`,
  );
}

// Local mode pushes to the docs' demo app unless told otherwise, so the README's curl works as is.
env.MPAAS_APP_ID ??= DEMO_APP.appId;
env.MPAAS_WORKSPACE_ID ??= DEMO_APP.workspaceId;
const configuredApp = { appId: env.MPAAS_APP_ID, workspaceId: env.MPAAS_WORKSPACE_ID };
// One local STS for both emulators: an invocation's role credentials sign mPaaS and Tablestore.
const sts = new CredentialStore(() => new Date(), 3600);
const emulator = await listening('mPaaS emulator', emulatorPort, () =>
  startEmulator({
    credentials: sts,
    port: emulatorPort,
    apps: [DEMO_APP, configuredApp],
    timeZone: env.MPAAS_TIME_ZONE ?? 'Asia/Shanghai',
  }),
);
env.MPAAS_ENDPOINT ??= emulator.url;
// The idempotency ledger: the embedded Tablestore, unless a store is configured.
const ledgerPort = Number(env.TABLESTORE_EMULATOR_PORT ?? 9002);
const ledger = await listening('Tablestore emulator', ledgerPort, () =>
  startLocalLedger(env, sts, ledgerPort),
);

const gateway = await listening('FC gateway', gatewayPort, () =>
  startGateway({
    port: gatewayPort,
    distDir: path.join(root, 'dist'),
    credentials: stsMinter(emulator.url),
    instanceMode,
    // LOCAL_HTTP_AUTH=function: the HTTP trigger needs ACS3-HMAC-SHA256 signed requests, by keys
    // the emulator's STS minted (POST /_sts), as s.yaml's authType: function does in the cloud
    httpAuth: env.LOCAL_HTTP_AUTH === 'function' ? 'function' : 'anonymous',
    httpAuthLookup: (id) => sts.find(id),
    onAsyncFailure: (name, requestId, error) =>
      process.stderr.write(
        `async invocation ${requestId} of ${name} failed after retries: ${error.errorMessage}\n`,
      ),
  }),
);

// Large pushes are dispatched to push-worker through this gateway's invoke API, signed by fc2.
env.FC_ENDPOINT ??= gateway.url;
// The console's composer sends through the gateway, so the real function validates and signs.
emulator.connectGateway(gateway.url);

// Built once every port is held, so a busy port is reported at once; the banner below (the
// URLs) is printed only when the bundles are ready.
for (const name of await functionNames()) await bundle(name);

process.stdout.write(
  [
    `push console     ${emulator.consoleUrl}   (every push as its device shows it, live)`,
    `mPaaS emulator   ${emulator.url}   (GET /_pushes lists what it received)`,
    `FC gateway       ${gateway.url}    (HTTP trigger of http-push; invoke API under /2023-03-30/functions/)`,
    `idempotency      ${ledger.description}`,
    `instances        ${instanceMode}    (LOCAL_INSTANCE_MODE: reuse or per-invocation)`,
    `app ${env.MPAAS_APP_ID} / workspace ${env.MPAAS_WORKSPACE_ID}, endpoint ${env.MPAAS_ENDPOINT}`,
    '',
    'Send the docs example:',
    `  curl -s ${gateway.url}/pushes -H 'content-type: application/json' -d '{"taskName":"template test","deliveryType":3,"targetMsgkey":{"user1024":"1578807462788"},"expiredSeconds":300,"templateName":"template1024","templateKeyValue":{"name":"Alice","money":"200"}}'`,
    `  curl -s ${emulator.url}/_pushes`,
    '',
  ].join('\n'),
);

const stop = async () => {
  await gateway.close();
  await ledger.close();
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
