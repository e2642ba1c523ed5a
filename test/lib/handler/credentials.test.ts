import { describe, expect, it } from 'vitest';
import { credentialsFromContext } from '#lib/handler/credentials.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';

describe('credentialsFromContext', () => {
  it('returns the role credentials FC passed with the invocation', () => {
    const credentials = { accessKeyId: 'STS.a', accessKeySecret: 'b', securityToken: 'c' };

    expect(credentialsFromContext({ requestId: 'r', credentials })).toEqual(credentials);
  });

  it('reads them anew on every call instead of keeping the first ones', () => {
    const first = credentialsFromContext({
      requestId: 'r1',
      credentials: { accessKeyId: 'STS.1', accessKeySecret: 's1', securityToken: 't1' },
    });
    const second = credentialsFromContext({
      requestId: 'r2',
      credentials: { accessKeyId: 'STS.2', accessKeySecret: 's2', securityToken: 't2' },
    });

    expect(first.accessKeyId).toBe('STS.1');
    expect(second.accessKeyId).toBe('STS.2');
  });

  it('tells the operator to attach a role when the function has none', () => {
    const read = () => credentialsFromContext({ requestId: 'r' });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/attach a RAM role/);
  });

  it('refuses a long-term AccessKey without a security token', () => {
    const read = () =>
      credentialsFromContext({
        requestId: 'r',
        credentials: { accessKeyId: 'long-term-key-id', accessKeySecret: 's' },
      });

    expect(read).toThrow(/no securityToken/);
  });
});
