/**
 * The ledger an invocation gets: none without a key, the configured store with one, the role's
 * credentials for Tablestore, and one warning per instance for a store kept in memory.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#lib/handler/config.ts';
import type { Invocation } from '#lib/handler/invocation.ts';
import { ledgerFor } from '#lib/handler/store-scope.ts';
import { emptyMetrics } from '#lib/report/metrics.ts';
import { ConfigurationError } from '#lib/shared/errors.ts';
import { createLogger } from '#lib/shared/logger.ts';

function invocation(env: Record<string, string>, lines: string[]): Invocation {
  return {
    requestId: 'r-1',
    functionName: 'mns-push',
    trigger: 'mns',
    startedAt: 0,
    deadline: { at: Date.now() + 10_000, remaining: () => 10_000 },
    config: loadConfig(env),
    coldStart: true,
    logger: createLogger({}, 'info', (line) => lines.push(line)),
    summary: {},
    metrics: emptyMetrics(),
  };
}

const role = {
  requestId: 'r-1',
  credentials: { accessKeyId: 'STS.k', accessKeySecret: 's', securityToken: 't' },
};

describe('ledgerFor', () => {
  it('gives no ledger to a request without a key, whatever is configured', () => {
    expect(ledgerFor(invocation({}, []), role, undefined)).toBeUndefined();
  });

  it('refuses a keyed request when no store is configured, naming what to set', () => {
    expect(() => ledgerFor(invocation({}, []), role, 'mns:1')).toThrow(ConfigurationError);
  });

  it('needs the role for a Tablestore ledger, and never a stored key', () => {
    const state = invocation(
      { TABLESTORE_ENDPOINT: 'https://inst1.cn-hangzhou.ots.aliyuncs.com' },
      [],
    );

    expect(ledgerFor(state, role, 'mns:1')?.key).toBe('mns:1');
    expect(() => ledgerFor(state, { requestId: 'r-1' }, 'mns:1')).toThrow(/no role credentials/);
  });

  it('warns once per instance that a memory ledger does not span instances', () => {
    const lines: string[] = [];
    const state = invocation({ IDEMPOTENCY_STORE: 'memory' }, lines);

    ledgerFor(state, role, 'mns:1');
    ledgerFor(state, role, 'mns:2');
    ledgerFor(invocation({ IDEMPOTENCY_STORE: 'memory' }, lines), role, 'mns:3');

    const warnings = lines.filter((line) => line.includes('idempotency store is in memory'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('a redelivery to another instance may push again');
  });
});
