/**
 * The store a function's variables choose: Tablestore, Redis, or memory only when asked for.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#lib/handler/config.ts';
import { chooseStore, requireStore } from '#lib/handler/store-choice.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';

const TABLE = 'push_ledger';

describe('chooseStore', () => {
  it('chooses Tablestore when its endpoint is set, reading the instance from a public endpoint', () => {
    expect(
      chooseStore({
        TABLESTORE_ENDPOINT: 'https://push-ledger.cn-hangzhou.ots.aliyuncs.com/',
        IDEMPOTENCY_TABLE: TABLE,
        REDIS_URL: 'redis://r:6379',
      }),
    ).toEqual({
      kind: 'tablestore',
      endpoint: 'https://push-ledger.cn-hangzhou.ots.aliyuncs.com',
      instance: 'push-ledger',
      table: TABLE,
    });
  });

  it('takes TABLESTORE_INSTANCE over the endpoint, and needs it for an endpoint that names none', () => {
    const local = { TABLESTORE_ENDPOINT: 'http://127.0.0.1:9002', IDEMPOTENCY_TABLE: TABLE };

    expect(chooseStore({ ...local, TABLESTORE_INSTANCE: 'local' })).toMatchObject({
      instance: 'local',
    });
    expect(() => chooseStore(local)).toThrow(/TABLESTORE_INSTANCE is not set/);
  });

  it('chooses Redis when only REDIS_URL is set', () => {
    expect(chooseStore({ REDIS_URL: 'redis://r:6379', IDEMPOTENCY_TABLE: TABLE })).toEqual({
      kind: 'redis',
      url: 'redis://r:6379',
    });
  });

  it('keeps records in memory only when IDEMPOTENCY_STORE=memory says so, whatever else is set', () => {
    expect(
      chooseStore({
        IDEMPOTENCY_STORE: 'memory',
        REDIS_URL: 'redis://r:6379',
        IDEMPOTENCY_TABLE: TABLE,
      }),
    ).toEqual({ kind: 'memory' });
  });

  it('chooses nothing when nothing is set, and a keyed request is then refused naming the variables', () => {
    const choice = chooseStore({ IDEMPOTENCY_TABLE: TABLE });

    expect(choice).toBeUndefined();
    expect(() => requireStore(choice)).toThrow(ConfigurationError);
    expect(() => requireStore(choice)).toThrow(
      /TABLESTORE_ENDPOINT and TABLESTORE_INSTANCE .*REDIS_URL, or IDEMPOTENCY_STORE=memory/,
    );
  });

  it('refuses an explicit store whose settings are missing', () => {
    expect(() => chooseStore({ IDEMPOTENCY_STORE: 'redis', IDEMPOTENCY_TABLE: TABLE })).toThrow(
      /IDEMPOTENCY_STORE=redis needs REDIS_URL/,
    );
    expect(() =>
      chooseStore({ IDEMPOTENCY_STORE: 'tablestore', IDEMPOTENCY_TABLE: TABLE }),
    ).toThrow(/needs TABLESTORE_ENDPOINT/);
  });
});

describe('loadConfig store variables', () => {
  it('validates the Tablestore variables and defaults the table name', () => {
    expect(
      loadConfig({ TABLESTORE_ENDPOINT: 'https://inst1.cn-shanghai.ots.aliyuncs.com' }).store,
    ).toEqual({
      kind: 'tablestore',
      endpoint: 'https://inst1.cn-shanghai.ots.aliyuncs.com',
      instance: 'inst1',
      table: 'push_ledger',
    });
    expect(() => loadConfig({ IDEMPOTENCY_STORE: 'disk' })).toThrow(/IDEMPOTENCY_STORE/);
    expect(() => loadConfig({ IDEMPOTENCY_TABLE: 'bad-name' })).toThrow(/IDEMPOTENCY_TABLE/);
    expect(() => loadConfig({ TABLESTORE_INSTANCE: 'x' })).toThrow(/TABLESTORE_INSTANCE/);
  });
});
