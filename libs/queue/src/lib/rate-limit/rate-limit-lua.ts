/*
 * The Redis side of the rate limiter: one script per store operation, each atomic, all on the
 * Redis clock (`TIME`, allowed in scripts since Redis 5's effect replication), so workers on
 * different machines share one schedule whatever their clocks say. Times are milliseconds as
 * decimal strings (`%.3f`; intervals with full precision, as a token may take microseconds); a
 * Lua number returned as-is would be truncated to an integer.
 *
 * Keys of one rate-limit key `K` (the braces keep them in one Redis Cluster slot):
 *   <prefix>:ratelimit:{K}:schedule  hash  ra / ta  next arrival time of requests / tokens
 *                                          ri / ti  ms per request / token when last reserved
 *                                          pu       paused until
 *                                    expires a minute after its last arrival time or pause
 *   <prefix>:ratelimit:{K}:learned   hash  rpm, tpm (limits from headers) or unreported = 1;
 *                                          expires learnedTtlMs after the last report
 *   <prefix>:ratelimit:{K}:probe     "<at> <requests> <tokens>" of the call learning the limits;
 *                                          expires after probeLeaseMs
 * These mirror InProcessRateLimitStore (libs/engine) line for line; one contract suite checks
 * that both behave the same.
 */

const PRELUDE = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
local function fmt(x)
  return string.format('%.3f', x)
end
local function fmt_interval(x)
  return string.format('%.17g', x)
end
local function positive(x)
  x = tonumber(x)
  if x and x > 0 then return x end
  return nil
end
-- callIntervalMs of libs/engine: the call's share of the minute, or more so that the calls that
-- fit in one quantum window are spread over the window plus the jitter allowance.
local function call_interval(per_minute, units, headroom, quantum, jitter)
  local share = units * 60000 / (per_minute * (1 - headroom))
  if quantum <= 0 then return share end
  local fitting = math.floor(per_minute * quantum / 60000 / units)
  if fitting < 1 then return share end
  return math.max(share, (quantum + jitter) / fitting)
end
local function keep_schedule(key, now, ...)
  local last = now
  for _, t in ipairs({...}) do
    if t > last then last = t end
  end
  redis.call('PEXPIRE', key, math.ceil(last - now) + 60000)
end
`;

/*
 * Reserves one call (GCRA per limited dimension) and says how long its caller must wait.
 * KEYS[1] schedule   KEYS[2] learned   KEYS[3] probe
 * ARGV[1] requests cost        ARGV[2] tokens cost
 * ARGV[3] configured rpm       ARGV[4] configured tpm ('' when not configured)
 * ARGV[5] headroom, 0 <= h < 1 ARGV[6] probe lease ms   ARGV[7] probe poll ms
 * ARGV[8] quantum ms (0: per minute only)                ARGV[9] jitter ms
 * Returns {'reserved', waitMs} or, while another call is learning the key's limits,
 * {'probing', retryInMs}.
 */
const RESERVE = `${PRELUDE}
local now = now_ms()
local s = redis.call('HMGET', KEYS[1], 'ra', 'ta', 'pu')
local ra, ta, pu = tonumber(s[1]) or 0, tonumber(s[2]) or 0, tonumber(s[3]) or 0
local l = redis.call('HMGET', KEYS[2], 'rpm', 'tpm', 'unreported')
local function smaller(a, b)
  if a and b then return math.min(a, b) end
  return a or b
end
local rpm = smaller(positive(ARGV[3]), positive(l[1]))
local tpm = smaller(positive(ARGV[4]), positive(l[2]))
local cr, ct, headroom = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[5])
local quantum, jitter = tonumber(ARGV[8]), tonumber(ARGV[9])
local start = math.max(now, pu)

if not rpm and not tpm then
  if l[3] == '1' then return {'reserved', fmt(start - now)} end
  local lease = redis.call('PTTL', KEYS[3])
  if lease > 0 then return {'probing', fmt(math.min(tonumber(ARGV[7]), lease))} end
  redis.call('SET', KEYS[3], fmt(start) .. ' ' .. ARGV[1] .. ' ' .. ARGV[2], 'PX', ARGV[6])
  return {'reserved', fmt(start - now)}
end

local use_r = rpm and cr > 0
local use_t = tpm and ct > 0
if use_r then start = math.max(start, ra) end
if use_t then start = math.max(start, ta) end
if use_r then
  ra = start + call_interval(rpm, cr, headroom, quantum, jitter)
  redis.call('HSET', KEYS[1], 'ra', fmt(ra), 'ri', fmt_interval(60000 / (rpm * (1 - headroom))))
end
if use_t then
  ta = start + call_interval(tpm, ct, headroom, quantum, jitter)
  redis.call('HSET', KEYS[1], 'ta', fmt(ta), 'ti', fmt_interval(60000 / (tpm * (1 - headroom))))
end
if use_r or use_t then keep_schedule(KEYS[1], now, ra, ta, pu) end
return {'reserved', fmt(start - now)}
`;

/*
 * Gives back a reservation that will not be used: its units' share of the minute (at most what
 * it took). Arrival times never move before now.
 * KEYS[1] schedule
 * ARGV[1] requests cost   ARGV[2] tokens cost
 * Returns 1, or 0 when the key has no schedule.
 */
const REFUND = `${PRELUDE}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local now = now_ms()
local s = redis.call('HMGET', KEYS[1], 'ra', 'ta', 'ri', 'ti', 'pu')
local ra, ta, ri, ti, pu = tonumber(s[1]) or 0, tonumber(s[2]) or 0, tonumber(s[3]), tonumber(s[4]), tonumber(s[5]) or 0
local cr, ct = tonumber(ARGV[1]), tonumber(ARGV[2])
if ri and cr > 0 then
  ra = math.max(now, ra - cr * ri)
  redis.call('HSET', KEYS[1], 'ra', fmt(ra))
end
if ti and ct > 0 then
  ta = math.max(now, ta - ct * ti)
  redis.call('HSET', KEYS[1], 'ta', fmt(ta))
end
keep_schedule(KEYS[1], now, ra, ta, pu)
return 1
`;

/*
 * Moves the token arrival time by a number of tokens: later for more, earlier (not before now)
 * for fewer. Nothing happens on a key whose tokens were never limited.
 * KEYS[1] schedule
 * ARGV[1] tokens delta (non-zero)
 * Returns 1 when moved, 0 otherwise.
 */
const ADJUST = `${PRELUDE}
local s = redis.call('HMGET', KEYS[1], 'ra', 'ta', 'ti', 'pu')
local ti = tonumber(s[3])
if not ti then return 0 end
local now = now_ms()
local ra, ta, pu = tonumber(s[1]) or 0, tonumber(s[2]) or 0, tonumber(s[4]) or 0
local delta = tonumber(ARGV[1])
if delta > 0 then
  ta = math.max(ta, now) + delta * ti
else
  ta = math.max(now, ta + delta * ti)
end
redis.call('HSET', KEYS[1], 'ta', fmt(ta))
keep_schedule(KEYS[1], now, ra, ta, pu)
return 1
`;

/*
 * Adopts the limits a response reported and ends the key's probe. With limits, they replace
 * the learned ones and the calls after the probe are kept one slot (its cost) away from it.
 * Without any header (ARGV[3] = '1'), the key becomes unreported unless it has learned limits.
 * KEYS[1] schedule   KEYS[2] learned   KEYS[3] probe
 * ARGV[1] limit-requests   ARGV[2] limit-tokens ('' when absent)
 * ARGV[3] '1' when the response had no rate-limit header at all
 * ARGV[4] learned ttl ms   ARGV[5] headroom   ARGV[6] quantum ms   ARGV[7] jitter ms
 * Returns 1 when something was learned, 0 otherwise.
 */
const LEARN = `${PRELUDE}
local probe = redis.call('GET', KEYS[3])
redis.call('DEL', KEYS[3])
if ARGV[3] == '1' then
  local l = redis.call('HMGET', KEYS[2], 'rpm', 'tpm')
  if l[1] or l[2] then return 0 end
  redis.call('HSET', KEYS[2], 'unreported', '1')
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return 1
end
local rpm, tpm = positive(ARGV[1]), positive(ARGV[2])
if not rpm and not tpm then return 0 end
redis.call('DEL', KEYS[2])
if rpm then redis.call('HSET', KEYS[2], 'rpm', ARGV[1]) end
if tpm then redis.call('HSET', KEYS[2], 'tpm', ARGV[2]) end
redis.call('PEXPIRE', KEYS[2], ARGV[4])
if not probe then return 1 end

local at, pr, pt = string.match(probe, '^(%S+) (%S+) (%S+)$')
at, pr, pt = tonumber(at), tonumber(pr), tonumber(pt)
local headroom, quantum, jitter = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local now = now_ms()
local s = redis.call('HMGET', KEYS[1], 'ra', 'ta', 'pu')
local ra, ta, pu = tonumber(s[1]) or 0, tonumber(s[2]) or 0, tonumber(s[3]) or 0
if rpm and pr > 0 then
  ra = math.max(ra, at + call_interval(rpm, pr, headroom, quantum, jitter))
  redis.call('HSET', KEYS[1], 'ra', fmt(ra), 'ri', fmt_interval(60000 / (rpm * (1 - headroom))))
end
if tpm and pt > 0 then
  ta = math.max(ta, at + call_interval(tpm, pt, headroom, quantum, jitter))
  redis.call('HSET', KEYS[1], 'ta', fmt(ta), 'ti', fmt_interval(60000 / (tpm * (1 - headroom))))
end
keep_schedule(KEYS[1], now, ra, ta, pu)
return 1
`;

/*
 * Pauses the key until now + ms (at most max ms), unless it is paused longer already; ends
 * the key's probe (the key answered).
 * KEYS[1] schedule   KEYS[2] probe
 * ARGV[1] ms   ARGV[2] max ms
 * Returns the pause left, in ms.
 */
const PAUSE = `${PRELUDE}
redis.call('DEL', KEYS[2])
local now = now_ms()
local s = redis.call('HMGET', KEYS[1], 'ra', 'ta', 'pu')
local ra, ta, pu = tonumber(s[1]) or 0, tonumber(s[2]) or 0, tonumber(s[3]) or 0
local ms = tonumber(ARGV[1])
if ms > 0 then
  pu = math.max(pu, now + math.min(ms, tonumber(ARGV[2])))
  redis.call('HSET', KEYS[1], 'pu', fmt(pu))
  keep_schedule(KEYS[1], now, ra, ta, pu)
end
return fmt(math.max(0, pu - now))
`;

/*
 * What is known about the key.
 * KEYS[1] schedule   KEYS[2] learned
 * Returns {pausedForMs, rpm or '', tpm or '', unreported or ''}.
 */
const STATE = `${PRELUDE}
local pu = tonumber(redis.call('HGET', KEYS[1], 'pu')) or 0
local l = redis.call('HMGET', KEYS[2], 'rpm', 'tpm', 'unreported')
return {fmt(math.max(0, pu - now_ms())), l[1] or '', l[2] or '', l[3] or ''}
`;

/** The rate limiter's Lua scripts, by store operation. */
export const RATE_LIMIT_LUA = { RESERVE, REFUND, ADJUST, LEARN, PAUSE, STATE } as const;
