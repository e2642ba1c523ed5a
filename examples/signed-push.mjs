#!/usr/bin/env node
// Sends one push to http-push with the caller's own credentials, signed as FC 3.0's HTTP trigger
// requires with `authType: function` (s.yaml): Alibaba Cloud's signature V3, ACS3-HMAC-SHA256
// ("HTTP triggers use the Alibaba Cloud SDK signature mechanism (ACS3-HMAC-SHA256)",
// help.aliyun.com/en/functioncompute/fc/user-guide/configure-signature-authentication-for-http-triggers;
// the algorithm: help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature).
// Node.js only, no package: the signature is a few lines of node:crypto.
//
//   Locally:   LOCAL_HTTP_AUTH=function npm start     (then, in another shell)
//              node examples/signed-push.mjs          (mints STS keys from the emulator's /_sts)
//   The cloud: HTTP_PUSH_URL=https://<your http-push trigger URL> \
//              ALIBABA_CLOUD_ACCESS_KEY_ID=… ALIBABA_CLOUD_ACCESS_KEY_SECRET=… \
//              [ALIBABA_CLOUD_SECURITY_TOKEN=…] node examples/signed-push.mjs
//
// The caller's RAM identity needs fc:InvokeFunction on http-push. Keys come from the environment,
// never from this file.
import { createHash, createHmac, randomUUID } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const encode = (text) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The headers of a V3-signed request: the x-acs-* headers and the Authorization. */
export function signV3({ method, url, body, headers, credentials }) {
  const target = new URL(url);
  const all = {
    ...headers,
    host: target.host,
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256(body),
    ...(credentials.securityToken ? { 'x-acs-security-token': credentials.securityToken } : {}),
  };
  const lower = Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v).trim()]),
  );
  const names = Object.keys(lower).sort();
  const query = [...target.searchParams]
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join('&');
  const canonical = [
    method,
    target.pathname,
    query,
    names.map((name) => `${name}:${lower[name]}\n`).join(''),
    names.join(';'),
    sha256(body),
  ].join('\n');
  const signature = createHmac('sha256', credentials.accessKeySecret)
    .update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`)
    .digest('hex');
  return {
    ...all,
    authorization: `ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`,
  };
}

async function credentialsFromEnvironment(env) {
  if (env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) {
    return {
      accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
      accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
      securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN ?? '',
    };
  }
  // local mode: the emulator's STS hands out keys the local gateway knows
  const sts = env.STS_URL ?? 'http://127.0.0.1:9001/_sts';
  const response = await fetch(sts, { method: 'POST' });
  if (!response.ok) throw new Error(`no credentials: ${sts} answered ${response.status}`);
  return response.json();
}

async function main(env) {
  const url = env.HTTP_PUSH_URL ?? 'http://127.0.0.1:9000/pushes';
  const body = JSON.stringify({
    taskName: 'template test',
    deliveryType: 3,
    targetMsgkey: { user1024: `signed-${Date.now()}` },
    expiredSeconds: 300,
    templateName: 'template1024',
    templateKeyValue: { name: 'Alice', money: '200' },
  });
  const credentials = await credentialsFromEnvironment(env);
  const headers = signV3({
    method: 'POST',
    url,
    body,
    headers: { 'content-type': 'application/json' },
    credentials,
  });
  const { host: _host, ...sent } = headers;
  const response = await fetch(url, { method: 'POST', headers: sent, body });
  process.stdout.write(`${response.status} ${await response.text()}\n`);
  return response.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.env);
}
