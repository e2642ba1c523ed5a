import { describe, expect, it } from 'vitest';
import { configOf, loadConfig } from '#lib/handler/config.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';
import { largestRequestBytes } from '#lib/validate/limits.ts';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config).toEqual({
      appId: undefined,
      workspaceId: undefined,
      region: 'cn-hangzhou',
      endpoint: 'https://mpaas.aliyuncs.com',
      apiVersion: '2020-10-28',
      timeZone: 'Asia/Shanghai',
      requestTimeoutMs: 5000,
      // the largest valid request of 100,000 targets is more than FC takes: FC's 32 MB
      maxBodyBytes: 32 * 1024 * 1024,
      logLevel: 'info',
      concurrency: 4,
      retry: { baseMs: 200, capMs: 5000, attempts: 5 },
      inlineTargets: 1000,
      maxTargets: 100_000,
      workerFunction: 'push-worker',
      fcEndpoint: undefined,
      idempotencyTtlMs: 86_400_000,
      store: undefined,
    });
  });

  it("uses the SDKs' endpoint in every region, and strips a trailing slash from an explicit one (#13)", () => {
    // the official SDKs' endpoint maps send every region to mpaas.aliyuncs.com
    expect(loadConfig({ MPAAS_REGION: 'cn-shanghai' }).endpoint).toBe('https://mpaas.aliyuncs.com');
    expect(loadConfig({ MPAAS_ENDPOINT: 'https://mpaas.cn-hangzhou.aliyuncs.com' }).endpoint).toBe(
      'https://mpaas.cn-hangzhou.aliyuncs.com',
    );
    expect(loadConfig({ MPAAS_ENDPOINT: 'http://127.0.0.1:9001/' }).endpoint).toBe(
      'http://127.0.0.1:9001',
    );
  });

  it('reads every variable', () => {
    const config = loadConfig({
      MPAAS_APP_ID: 'ONEX570DA89211721',
      MPAAS_WORKSPACE_ID: 'default',
      MPAAS_API_VERSION: '2019-08-21',
      MPAAS_TIME_ZONE: 'Europe/Berlin',
      MPAAS_REQUEST_TIMEOUT_MS: '2500',
      MAX_BODY_BYTES: '1000',
      LOG_LEVEL: 'debug',
    });

    expect(config).toMatchObject({
      appId: 'ONEX570DA89211721',
      workspaceId: 'default',
      apiVersion: '2019-08-21',
      timeZone: 'Europe/Berlin',
      requestTimeoutMs: 2500,
      maxBodyBytes: 1000,
      logLevel: 'debug',
    });
  });

  it('limits the body to the largest valid request of the targets allowed, unless MAX_BODY_BYTES says', () => {
    expect(loadConfig({ MPAAS_MAX_TARGETS: '1000' }).maxBodyBytes).toBe(largestRequestBytes(1000));
    expect(loadConfig({ MPAAS_MAX_TARGETS: '10' }).maxBodyBytes).toBe(largestRequestBytes(10));
    expect(loadConfig({ MPAAS_MAX_TARGETS: '10', MAX_BODY_BYTES: '5000' }).maxBodyBytes).toBe(5000);
  });

  it('names every bad variable in one error', () => {
    const load = () =>
      loadConfig({
        MPAAS_API_VERSION: '2021-01-01',
        MPAAS_TIME_ZONE: 'Mars/Olympus',
        MPAAS_REQUEST_TIMEOUT_MS: '-1',
        MPAAS_ENDPOINT: 'ftp://x',
      });

    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/MPAAS_API_VERSION/);
    expect(load).toThrow(/MPAAS_TIME_ZONE: must be an IANA time zone/);
    expect(load).toThrow(/MPAAS_REQUEST_TIMEOUT_MS/);
    expect(load).toThrow(/MPAAS_ENDPOINT/);
  });

  it('names the rule each bad variable breaks, never "Invalid input", and never quotes a value', () => {
    const rules: Record<string, [value: string, rule: string]> = {
      MPAAS_REGION: ['Hangzhou', 'must be a region id such as cn-hangzhou'],
      MPAAS_ENDPOINT: ['ftp://mpaas.aliyuncs.com', 'must be an http:// or https:// URL'],
      MPAAS_API_VERSION: ['2021-01-01', 'must be one of 2020-10-28, 2019-08-21'],
      MPAAS_REQUEST_TIMEOUT_MS: ['-7', 'must be a positive whole number'],
      MAX_BODY_BYTES: ['1.5', 'must be a positive whole number'],
      MPAAS_CONCURRENCY: ['many', 'must be a positive whole number'],
      LOG_LEVEL: ['loud', 'must be one of debug, info, warn, error'],
      MPAAS_WORKER_FUNCTION: ['9-worker', 'must be a function name: a letter or _'],
      REDIS_URL: ['http://:hunter2@cache.internal', 'must be a redis:// or rediss:// URL'],
      IDEMPOTENCY_STORE: ['disk', 'must be one of tablestore, redis, memory'],
      TABLESTORE_INSTANCE: ['x!', 'must be a Tablestore instance name: 3 to 16 letters'],
      IDEMPOTENCY_TABLE: ['-ledger', 'must be a Tablestore table name: a letter or _'],
    };
    const env = Object.fromEntries(Object.entries(rules).map(([name, [value]]) => [name, value]));

    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = error instanceof ConfigurationError ? error.message : '';
    }

    for (const [name, [value, rule]] of Object.entries(rules)) {
      expect(message).toContain(`${name}: ${rule}`);
      expect(message).not.toContain(value);
    }
    expect(message).not.toMatch(/Invalid input/);
  });

  it('treats a blank app id as unset', () => {
    expect(() => loadConfig({ MPAAS_APP_ID: '   ' })).toThrow(/MPAAS_APP_ID/);
  });
});

describe('configOf', () => {
  it('parses once while the variables hold, and again when one changes', () => {
    const env = { MPAAS_APP_ID: 'ONEX570DA89211721', MPAAS_CONCURRENCY: '4' };

    const first = configOf(env);
    const again = configOf({ ...env, UNRELATED: 'x' });
    const changed = configOf({ ...env, MPAAS_CONCURRENCY: '8' });
    const unset = configOf({ MPAAS_APP_ID: 'ONEX570DA89211721' });

    expect(again).toBe(first);
    expect(changed).not.toBe(first);
    expect(changed.concurrency).toBe(8);
    expect(unset.concurrency).not.toBe(8);
    expect(configOf({ MPAAS_APP_ID: 'ONEX570DA89211721' })).toBe(unset);
  });

  it('does not keep a configuration that failed: each invocation reports it', () => {
    const bad = { MPAAS_CONCURRENCY: 'many' };

    expect(() => configOf(bad)).toThrow(ConfigurationError);
    expect(() => configOf(bad)).toThrow(ConfigurationError);
    expect(configOf({}).concurrency).toBeGreaterThan(0);
  });
});
