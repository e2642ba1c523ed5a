/**
 * The Redis store's transitions as Lua scripts: Redis runs a script start to finish with no
 * other command in between, so two FC instances racing on one key cannot both read "absent" and
 * both write "mine". Each script follows its twin in `transitions.ts` branch for branch.
 *
 * Every script touches exactly one key (KEYS[1]), the request's hash, which also holds its chunks
 * (fields `c<index>:…`), so one PEXPIRE covers both; timestamps come from the caller's
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

/** ARGV: fingerprint, now, leaseUntil, ttlMs, token. Replies {'new'|'resumed', token}, {'in-progress'|'mismatch'} or {'done', result}. */
export const BEGIN = lua(`
local fp, state, lease, result = unpack(redis.call('HMGET', KEYS[1], 'fp', 'state', 'leaseUntil', 'result'))
if not fp then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'in-progress', 'leaseUntil', ARGV[3], 'token', ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return {'new', ARGV[5]}
end
if fp ~= ARGV[1] then return {'mismatch'} end
if state == 'done' then return {'done', result} end
if state == 'in-progress' and tonumber(lease) > tonumber(ARGV[2]) then return {'in-progress'} end
redis.call('HSET', KEYS[1], 'state', 'in-progress', 'leaseUntil', ARGV[3], 'token', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'resumed', ARGV[5]}
`);

/** ARGV: token, result JSON, ttlMs. Only the owner finishes; the chunks go, the result stays. */
export const FINISH = lua(`
local fp, state, token = unpack(redis.call('HMGET', KEYS[1], 'fp', 'state', 'token'))
if state ~= 'in-progress' or token ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'fp', fp, 'state', 'done', 'leaseUntil', '0', 'token', token, 'result', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** ARGV: token. Only the owner abandons; keeps the TTL. */
export const ABANDON = lua(`
local state, token = unpack(redis.call('HMGET', KEYS[1], 'state', 'token'))
if state ~= 'in-progress' or token ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'abandoned')
return 1
`);

/** ARGV: token, index, now, leaseUntil, ttlMs. Replies {'claimed', '0'|'1'}, {'in-progress'}, {'lost'} or {'done', result}. */
export const CLAIM_CHUNK = lua(`
local c = 'c' .. ARGV[2] .. ':'
local rstate, rtoken, state, lease, doubt, result = unpack(redis.call('HMGET', KEYS[1], 'state', 'token', c .. 'state', c .. 'lease', c .. 'doubt', c .. 'result'))
if state == 'done' then return {'done', result} end
if rstate ~= 'in-progress' or rtoken ~= ARGV[1] then return {'lost'} end
if state == 'in-progress' and tonumber(lease) > tonumber(ARGV[3]) then return {'in-progress'} end
local inDoubt = '0'
if state == 'in-progress' or doubt == '1' then inDoubt = '1' end
redis.call('HSET', KEYS[1], c .. 'state', 'in-progress', c .. 'lease', ARGV[4], c .. 'owner', ARGV[1], c .. 'doubt', inDoubt)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {'claimed', inDoubt}
`);

/** ARGV: token, index, result JSON, ttlMs. Only the latest claimer completes a chunk. */
export const COMPLETE_CHUNK = lua(`
local c = 'c' .. ARGV[2] .. ':'
local state, owner = unpack(redis.call('HMGET', KEYS[1], c .. 'state', c .. 'owner'))
if state ~= 'in-progress' or owner ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], c .. 'state', 'done', c .. 'lease', '0', c .. 'result', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`);

/** ARGV: token, index, inDoubt ('0'|'1'), ttlMs. Only the latest claimer releases; doubt, once set, stays. */
export const RELEASE_CHUNK = lua(`
local c = 'c' .. ARGV[2] .. ':'
local state, owner, doubt = unpack(redis.call('HMGET', KEYS[1], c .. 'state', c .. 'owner', c .. 'doubt'))
if state ~= 'in-progress' or owner ~= ARGV[1] then return 0 end
local inDoubt = ARGV[3]
if doubt == '1' then inDoubt = '1' end
redis.call('HSET', KEYS[1], c .. 'state', 'released', c .. 'lease', '0', c .. 'doubt', inDoubt)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`);

/** No ARGV. Replies {state, result} of the request (nil fields for an absent hash); writes nothing. */
export const PEEK = lua(`
return redis.call('HMGET', KEYS[1], 'state', 'result')
`);

/** ARGV: part, value JSON, ttlMs. KEYS[1] is a progress hash: the part is replaced, the TTL renewed. */
export const PUT_PROGRESS = lua(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** No ARGV. KEYS[1] is a progress hash: replies its fields and values, flat. */
export const READ_PROGRESS = lua(`
return redis.call('HGETALL', KEYS[1])
`);

/**
 * Runs `script` on `key`: EVALSHA, then EVAL once if the server answers NOSCRIPT.
 * @example await runScript(client, BEGIN, 'idem:req:msg-1', ['fp', now, now + 30_000, 86_400_000, token])
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
