-- wrk script of the load harness (see run.sh). Usage:
--   wrk -t2 -c50 -d60s -s load.lua http://127.0.0.1:PORT -- MODE TOKEN_DIR
-- MODE: auth (cookie requests to /api/me, 1,000 tokens in rotation, so the verified-token cache
-- is warm), mix (see MIX below), soak (every /api/me carries a token no request carried before:
-- GET /mint, then /api/me with what it answered).
-- Every request names its kind in X-Kind, which the application echoes; each response is checked
-- against the statuses its kind must get. "errors" are what the issue counts (anything but 2xx,
-- 3xx, 401, 403, plus socket errors); "unexpected" is stricter (a status its kind must not get,
-- e.g. 401 for a valid cookie).

local ORIGIN = "https://partner.example"

-- kind -> accepted statuses
local EXPECT = {
  auth = {[200] = true}, hello = {[200] = true}, anon = {[401] = true},
  preflight = {[204] = true, [200] = true}, xorigin = {[200] = true}, intake = {[303] = true},
  refresh = {[200] = true}, signin = {[303] = true}, landing = {[303] = true},
  logout = {[204] = true, [303] = true}, mint = {[200] = true}, fresh = {[200] = true},
}

-- the mix, per 100 requests
local MIX = {
  {55, "auth"}, {5, "hello"}, {5, "anon"}, {8, "preflight"}, {10, "xorigin"},
  {5, "intake"}, {10, "refresh"}, {2, "signin"},
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  local f = io.open(path, "r")
  if f == nil then return t end
  for line in f:lines() do
    if #line > 0 then table.insert(t, line) end
  end
  f:close()
  return t
end

function init(args)
  mode = args[1] or "auth"
  local dir = args[2] or "benchmarks/target/load"
  tokens = lines(dir .. "/tokens.txt")
  stale = lines(dir .. "/stale.txt")
  if #tokens == 0 then error("no tokens in " .. dir .. "/tokens.txt: start the subject first") end
  ti, si = 0, 0
  queue = {}
  wheel = {}
  for _, m in ipairs(MIX) do
    for _ = 1, m[1] do table.insert(wheel, m[2]) end
  end
  wi = 0
  counts = {}        -- kind -> responses
  statuses = {}      -- status -> responses
  errors = 0         -- not 2xx/3xx/401/403
  unexpected = 0     -- not what the kind must get
  unexpected_kinds = {}
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  -- rotate the wheel per thread so threads do not march in step
  wi = math.random(#wheel)
end

local function nexttoken()
  ti = ti % #tokens + 1
  return tokens[ti]
end

local function nextstale()
  si = si % #stale + 1
  return stale[si]
end

local function get(path, kind, headers)
  headers = headers or {}
  headers["X-Kind"] = kind
  headers["Accept"] = headers["Accept"] or "application/json"
  return wrk.format("GET", path, headers)
end

local function build(kind)
  if kind == "auth" then
    return get("/api/me", kind, {Cookie = "loginrocket_token=" .. nexttoken()})
  elseif kind == "hello" then
    return get("/api/hello", kind, {Accept = "text/plain"})
  elseif kind == "anon" then
    return get("/api/me", kind)
  elseif kind == "preflight" then
    return wrk.format("OPTIONS", "/api/me", {["X-Kind"] = kind, Origin = ORIGIN,
      ["Access-Control-Request-Method"] = "GET", ["Access-Control-Request-Headers"] = "authorization"})
  elseif kind == "xorigin" then
    return get("/api/me", kind, {Origin = ORIGIN, Authorization = "Bearer " .. nexttoken()})
  elseif kind == "intake" then
    return get("/api/hello?token=" .. nexttoken(), kind, {Accept = "text/html"})
  elseif kind == "refresh" then
    return get("/api/me", kind, {Cookie = "loginrocket_token=" .. nextstale()})
  elseif kind == "signin" then
    return wrk.format("POST", "/signin", {["X-Kind"] = kind, ["Content-Length"] = "0"})
  elseif kind == "mint" then
    return get("/mint", kind, {Accept = "text/plain"})
  end
  error("unknown kind " .. kind)
end

function request()
  if #queue > 0 then
    return table.remove(queue, 1)
  end
  if mode == "auth" then
    return build("auth")
  elseif mode == "soak" then
    return build("mint")
  end
  wi = wi % #wheel + 1
  return build(wheel[wi])
end

function response(status, headers, body)
  local kind = headers["X-Kind"] or headers["x-kind"] or "?"
  counts[kind] = (counts[kind] or 0) + 1
  statuses[status] = (statuses[status] or 0) + 1
  if not (status < 400 or status == 401 or status == 403) then
    errors = errors + 1
  end
  local ok = EXPECT[kind]
  if ok == nil or not ok[status] then
    unexpected = unexpected + 1
    local key = kind .. ":" .. status
    unexpected_kinds[key] = (unexpected_kinds[key] or 0) + 1
  end
  if kind == "signin" and status == 303 then
    local location = headers["Location"] or headers["location"]
    local token = location and string.match(location, "token=([^&]+)")
    if token then
      table.insert(queue, get(location, "landing", {Accept = "text/html"}))
      table.insert(queue, wrk.format("POST", "/logout", {["X-Kind"] = "logout",
        Cookie = "loginrocket_token=" .. token, ["Content-Length"] = "0"}))
    end
  elseif kind == "mint" and status == 200 then
    table.insert(queue, get("/api/me", "fresh", {Cookie = "loginrocket_token=" .. body}))
  end
end

local function merge(into, from)
  for k, v in pairs(from or {}) do into[k] = (into[k] or 0) + v end
end

function done(summary, latency, requests)
  local c, s, u = {}, {}, {}
  local errs, unexp = 0, 0
  for _, t in ipairs(threads) do
    merge(c, t:get("counts"))
    merge(s, t:get("statuses"))
    merge(u, t:get("unexpected_kinds"))
    errs = errs + (t:get("errors") or 0)
    unexp = unexp + (t:get("unexpected") or 0)
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local function fmt(t)
    local parts = {}
    for k, v in pairs(t) do table.insert(parts, string.format("\"%s\":%d", tostring(k), v)) end
    table.sort(parts)
    return "{" .. table.concat(parts, ",") .. "}"
  end
  io.write(string.format(
    "RESULT {\"requests\":%d,\"seconds\":%.2f,\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,"
      .. "\"max_ms\":%.2f,\"errors\":%d,\"socket_errors\":%d,\"unexpected\":%d,\"kinds\":%s,\"statuses\":%s,\"unexpected_kinds\":%s}\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, errs + socket, socket, unexp, fmt(c), fmt(s), fmt(u)))
end
