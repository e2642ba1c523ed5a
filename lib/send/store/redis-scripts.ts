/**
 * The Redis store's transitions as Lua scripts: Redis runs a script start to finish with no
 * other command in between, so two FC instances racing on one key cannot both read "absent" and
 * both write "mine". Each script follows its twin in `transitions.ts` branch for branch.
 *
 * Every script touches exactly one key (KEYS[1]), a hash; timestamps come from the caller's
 * clock (ARGV), never from Redis TIME, so leases follow the same clock in every store and tests
 * can move it. Scripts run with EVALSHA and fall back to EVAL once when the server does not know
 * them yet (new server, failover, SCRIPT FLUSH).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script and its SHA1, the name EVALSHA calls it by. */
export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** ARGV: fingerprint, now, leaseUntil, ttlMs. Replies {'new'|'resumed'|'in-progress'|'mismatch'} or {'done', result}. */
export const BEGIN = lua(`
local fp, state, lease, result = unpack(redis.call('HMGET', KEYS[1], 'fp', 'state', 'leaseUntil', 'result'))
if not fp then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'in-progress', 'leaseUntil', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return {'new'}
end
if fp ~= ARGV[1] then return {'mismatch'} end
if state == 'done' then return {'done', result} end
if state == 'in-progress' and tonumber(lease) > tonumber(ARGV[2]) then return {'in-progress'} end
redis.call('HSET', KEYS[1], 'state', 'in-progress', 'leaseUntil', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'resumed'}
`);

/** ARGV: result JSON, ttlMs. An absent (expired) request is not recreated without its fingerprint. */
export const FINISH = lua(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'done', 'result', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

/** No ARGV. Leaves absent and done requests alone; keeps the TTL. */
export const ABANDON = lua(`
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'done' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'abandoned')
return 1
`);

/** ARGV: now, leaseUntil, ttlMs. Replies {'claimed', '0'|'1'}, {'in-progress'} or {'done', result}. */
export const CLAIM_CHUNK = lua(`
local state, lease, doubt, result = unpack(redis.call('HMGET', KEYS[1], 'state', 'leaseUntil', 'inDoubt', 'result'))
if state == 'done' then return {'done', result} end
if state == 'in-progress' and tonumber(lease) > tonumber(ARGV[1]) then return {'in-progress'} end
local inDoubt = '0'
if state == 'in-progress' or doubt == '1' then inDoubt = '1' end
redis.call('HSET', KEYS[1], 'state', 'in-progress', 'leaseUntil', ARGV[2], 'inDoubt', inDoubt)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {'claimed', inDoubt}
`);

/** ARGV: result JSON, ttlMs. Claimed first or not: a completed chunk is never sent again. */
export const COMPLETE_CHUNK = lua(`
redis.call('HSET', KEYS[1], 'state', 'done', 'leaseUntil', '0', 'result', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

/** ARGV: inDoubt ('0'|'1'), ttlMs. A done chunk keeps its result; doubt, once set, stays. */
export const RELEASE_CHUNK = lua(`
local state, doubt = unpack(redis.call('HMGET', KEYS[1], 'state', 'inDoubt'))
if state == 'done' then return 0 end
local inDoubt = ARGV[1]
if doubt == '1' then inDoubt = '1' end
redis.call('HSET', KEYS[1], 'state', 'released', 'leaseUntil', '0', 'inDoubt', inDoubt)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

/**
 * Runs `script` on `key`: EVALSHA, then EVAL once if the server answers NOSCRIPT.
 * @example await runScript(client, BEGIN, 'idem:req:msg-1', ['fp', now, now + 30_000, 86_400_000])
 */
export async function runScript(
  client: Redis,
  script: LuaScript,
  key: string,
  args: ReadonlyArray<string | number>,
): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, 1, key, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.eval(script.source, 1, key, ...args);
  }
}
