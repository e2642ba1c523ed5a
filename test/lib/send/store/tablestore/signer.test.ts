/**
 * The request signature: for fixed inputs, our `x-ots-*` headers are the ones the SDK's
 * `lib/signer.js` and `lib/client.js` (tablestore@5.6.5) produce, signature included.
 */
import { createHash } from 'node:crypto';
import TableStore from 'tablestore';
import { describe, expect, it } from 'vitest';
import { OTS_API_VERSION, signedHeaders, stringToSign } from '#lib/send/store/tablestore/signer.ts';

const date = new Date('2026-03-01T08:09:10.123Z');
const body = Buffer.from([0x0a, 0x04, 0x69, 0x64, 0x65, 0x6d]);
const sts = {
  accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2Ttk',
  accessKeySecret: '8mDKxK1v7KJ3qNWyjk8ZN1xgDrhzYrQ4MJ3iQ7',
  securityToken: 'CAIS8gF1q6Ft5B2yfSjIr5bmHtnHgOVlhIK6YhP+token',
};

/** What the SDK sends: the headers `client.js` sets, then `Signer.addAuthorization`. */
function sdkHeaders(operation: string, credentials: typeof sts): Record<string, string> {
  const request = {
    path: `/${operation}`,
    method: 'POST',
    headers: {
      'x-ots-apiversion': '2015-12-31',
      'x-ots-instancename': 'my-inst',
      'x-ots-contentmd5': createHash('md5').update(body).digest('base64'),
    } as Record<string, string>,
  };
  new TableStore.Signer(request).addAuthorization(
    {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.accessKeySecret,
      securityToken: credentials.securityToken,
    },
    date,
  );
  return request.headers;
}

describe('signedHeaders', () => {
  it('signs an STS request exactly as the SDK does, x-ots-ststoken included', () => {
    const ours = signedHeaders({
      operation: 'PutRow',
      instance: 'my-inst',
      body,
      credentials: sts,
      date,
    });

    expect(ours).toEqual(sdkHeaders('PutRow', sts));
    expect(ours['x-ots-ststoken']).toBe(sts.securityToken);
    expect(ours['x-ots-date']).toBe('2026-03-01T08:09:10.123Z');
    expect(ours['x-ots-apiversion']).toBe(OTS_API_VERSION);
  });

  it('signs a long-term AccessKey request without a token header, as the SDK does', () => {
    const longTerm = { ...sts, securityToken: '' };

    const ours = signedHeaders({
      operation: 'GetRow',
      instance: 'my-inst',
      body,
      credentials: longTerm,
      date,
    });

    expect(ours).toEqual(sdkHeaders('GetRow', longTerm));
    expect(ours).not.toHaveProperty('x-ots-ststoken');
  });

  it('covers the operation: the same body signed for another path has another signature', () => {
    const put = signedHeaders({
      operation: 'PutRow',
      instance: 'my-inst',
      body,
      credentials: sts,
      date,
    });
    const del = signedHeaders({
      operation: 'DeleteRow',
      instance: 'my-inst',
      body,
      credentials: sts,
      date,
    });

    expect(put['x-ots-signature']).not.toBe(del['x-ots-signature']);
  });

  it('never puts the secret in a header', () => {
    const ours = signedHeaders({
      operation: 'PutRow',
      instance: 'my-inst',
      body,
      credentials: sts,
      date,
    });

    expect(Object.values(ours).join('\n')).not.toContain(sts.accessKeySecret);
  });
});

describe('stringToSign', () => {
  it('is path, POST, an empty line and the sorted x-ots headers without the signature', () => {
    const text = stringToSign('/GetRow', {
      'x-ots-date': 'D',
      'X-OTS-AccessKeyId': 'K',
      'x-ots-signature': 'S',
      'content-length': '6',
    });

    expect(text).toBe('/GetRow\nPOST\n\nx-ots-accesskeyid:K\nx-ots-date:D\n');
  });
});
