// The physical floor of a keyed invocation: a fresh process that loads only node:http and
// node:crypto and makes the round trips the invocation cannot avoid, each an HMAC-SHA1-signed
// POST on one keep-alive connection per host, one after the other (argv: the URLs, in order).
// No validation, no protobuf, no logs: whatever the handler adds on top is its own cost.
import { createHmac } from 'node:crypto';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true });
const urls = process.argv.slice(2);
if (urls.length === 0) throw new Error('usage: node round-trips.mjs <url> [url ...]');
for (const url of urls) {
  const body = `Timestamp=${new Date().toISOString()}&SignatureNonce=${Math.random()}`;
  const signature = createHmac('sha1', 'secret&').update(body).digest('base64');
  const status = await new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-signature': signature },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.end(body);
  });
  // a floor is measured against a server that answers every request (store.ts's floor server)
  if (status !== 200) throw new Error(`${url} answered ${status}`);
}
process.stdout.write('\nBENCH_RESULT {"statusCode":200}\n');
process.exit(0);
