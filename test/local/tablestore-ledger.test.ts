/**
 * Local mode's ledger: the embedded Tablestore with the ledger table, unless a store is named.
 */
import { describe, expect, it } from 'vitest';
import { describeTable } from '#lib/send/store/tablestore/ots-client.ts';
import { CredentialStore } from '#local/emulator/sts.ts';
import { startLocalLedger } from '#local/tablestore/ledger.ts';

describe('startLocalLedger', () => {
  it('starts the emulator with the ledger table, its TTL a day past the ledger’s, and points the functions at it', async () => {
    const sts = new CredentialStore(() => new Date(), 3600);
    const env: NodeJS.ProcessEnv = { IDEMPOTENCY_TTL_SECONDS: '3600' };

    const ledger = await startLocalLedger(env, sts, 0);
    try {
      expect(env.TABLESTORE_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(env.TABLESTORE_INSTANCE).toBe('local');
      const described = await describeTable({
        endpoint: env.TABLESTORE_ENDPOINT ?? '',
        instance: 'local',
        table: 'push_ledger',
        primaryKey: 'key',
        credentials: sts.mint(60),
        timeoutMs: () => 2_000,
      });
      expect(described).toMatchObject({
        table: 'push_ledger',
        primaryKey: [{ name: 'key', type: 'STRING' }],
        timeToLiveSeconds: 3600 + 86_400,
        maxVersions: 1,
      });
      expect(ledger.description).toContain('tablestore emulator');
    } finally {
      await ledger.close();
    }
  });

  it('starts nothing when the environment names a store, and never shows a Redis password', async () => {
    const sts = new CredentialStore(() => new Date(), 3600);
    const env: NodeJS.ProcessEnv = { REDIS_URL: 'redis://:s3cret@127.0.0.1:6379/0' };

    const ledger = await startLocalLedger(env, sts, 0);

    expect(env.TABLESTORE_ENDPOINT).toBeUndefined();
    expect(ledger.description).toBe('redis redis://:***@127.0.0.1:6379/0');
    await ledger.close();
  });
});
