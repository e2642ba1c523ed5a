import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MpaasGatewayError } from '#lib/shared/errors.ts';
import { maskKeyId, REDACTED, redact, redactText } from '#lib/shared/redact.ts';

describe('redactText', () => {
  it('removes the token and signature from a URL that pop-core put into an error message', () => {
    const message =
      'ReadTimeout(3000). GET https://mpaas.aliyuncs.com/?AccessKeyId=STS.abc&SecurityToken=CAIS%2Bsecret&Signature=xyz%3D failed.';

    const out = redactText(message);

    expect(out).not.toContain('CAIS');
    expect(out).not.toContain('xyz');
    expect(out).toContain(`SecurityToken=${REDACTED}`);
    expect(out).toContain(`Signature=${REDACTED}`);
    expect(out).toContain('AccessKeyId=STS.abc');
  });

  it('removes the server string to sign that SignatureDoesNotMatch quotes, token included', () => {
    const message =
      'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DSTS.a%26SecurityToken%3DCAIS%252Btoken';

    const out = redactText(message);

    expect(out).not.toContain('CAIS');
    expect(out).toContain(`server string to sign is: ${REDACTED}`);
  });

  it('removes percent-encoded pairs and JSON pairs', () => {
    expect(redactText('SecurityToken%3Dabc%26x')).toBe(`SecurityToken%3D${REDACTED}%26x`);
    expect(redactText('{"securityToken":"abc"}')).toBe(`{"securityToken":"${REDACTED}"}`);
  });

  it('removes FC signature authorization values', () => {
    expect(redactText('authorization: FC STS.abc:c2lnbmF0dXJl')).not.toContain('c2lnbmF0dXJl');
  });
});

describe('redact', () => {
  it('masks credential keys at any depth, whatever their spelling', () => {
    const input = {
      credentials: { accessKeyId: 'STS.a', accessKeySecret: 's' },
      nested: [{ SecurityToken: 't', signature: 'g', 'x-fc-security-token': 'h', keep: 'yes' }],
    };

    const out = redact(input);

    expect(out).toEqual({
      credentials: REDACTED,
      nested: [
        {
          SecurityToken: REDACTED,
          signature: REDACTED,
          'x-fc-security-token': REDACTED,
          keep: 'yes',
        },
      ],
    });
  });

  it('reduces errors to name, message and scalar fields, never their cause', () => {
    const error = new MpaasGatewayError(
      'SignatureDoesNotMatch',
      'server string to sign is:SecurityToken%3Dsecret',
      400,
      {
        requestId: 'r-1',
      },
    );
    Object.assign(error, { secret: 'x' });

    const out = redact(error) as Record<string, unknown>;

    expect(out.name).toBe('MpaasGatewayError');
    expect(out.message).toEqual(expect.stringContaining('server string to sign is: [REDACTED]'));
    expect(out.code).toBe('SignatureDoesNotMatch');
    expect(out.retryable).toBe(false);
    expect(out.secret).toBe(REDACTED);
    expect(JSON.stringify(out)).not.toContain('"x"');
    expect(JSON.stringify(out)).not.toContain('%3Dsecret');
  });

  it('survives cycles and deep nesting', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 20; i += 1) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }

    expect(redact(a)).toEqual({ name: 'a', self: '[Truncated]' });
    expect(JSON.stringify(redact(top))).toContain('[Truncated]');
  });

  it('scrubs every string it holds, at any depth, whatever key it sits under', () => {
    const url = 'https://mpaas.cn-hangzhou.aliyuncs.com/?SecurityToken=tok-1&Signature=sig-1';
    const logged = redact({
      message: `push failed: ${url}`,
      request: { urls: [url], nested: { detail: url } },
    });

    const text = JSON.stringify(logged);
    expect(text).not.toContain('tok-1');
    expect(text).not.toContain('sig-1');
    expect(text).toContain('SecurityToken=[REDACTED]');
    expect(logged).toMatchObject({ request: { urls: [expect.stringContaining('mpaas.cn')] } });
  });

  it('leaves scalars as they are', () => {
    expect(redact(3)).toBe(3);
    expect(redact(null)).toBe(null);
    expect(redact(true)).toBe(true);
  });
});

describe('maskKeyId', () => {
  it('shows only the start of an AccessKeyId', () => {
    expect(maskKeyId('STS.NUgYrLnoC37mZZCNnAbez2')).toBe('STS.NUgY****');
    expect(maskKeyId('short')).toBe('****');
  });
});

describe('redactText, fast path', () => {
  // Texts made of the shapes the patterns look for, in any case and order, among other text: the
  // one-test shortcut for texts without secrets must never let one through.
  const fragment = fc.constantFrom(
    'SecurityToken=',
    'securitytoken%3D',
    'Signature%253D',
    'accessKeySecret":"',
    'ACCESSKEYSECRET=',
    'server string to sign is: ',
    'Server String To Sign Is:\n',
    'FC ',
    'ACS3-HMAC-SHA256\t',
    '&',
    ' ',
    'x',
  );
  const text = fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 12 });

  it('removes every secret a text holds, whichever shapes surround it', () => {
    fc.assert(
      fc.property(text, (parts) => {
        const redacted = redactText(`${parts.join('')}SEKRET`);
        // the patterns' own shapes: pairs and the quoted string to sign in any case, an
        // Authorization scheme as HTTP writes it
        expect(redacted).not.toMatch(
          /(?:token|signature|secret)(?:=|%3D|%253D|":")SEKRET|sign is:\s*SEKRET/i,
        );
        expect(redacted).not.toMatch(/\b(?:FC|ACS3-HMAC-SHA256)\s+SEKRET/);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a text without any of the shapes as it is', () => {
    const plain = 'push finished: 1 target sent in 1 call, template1024';
    expect(redactText(plain)).toBe(plain);
  });
});
