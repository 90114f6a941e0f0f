-- wrk script for etcd's JSON gateway, the anchor of bench/kv.sh; the same keys and value bytes as kv-herd.lua.
-- wrk ... -s bench/kv-etcd.lua http://127.0.0.1:PORT -- <set|get> <keys a request> - <keys preloaded> <prefix>
--   [serializable]
-- 1 key: POST /v3/kv/put {key, value} or POST /v3/kv/range {key}; N keys: POST /v3/kv/txn whose success list holds
-- N requestPut or N requestRange (one range per key: the same N point reads herd's /get makes). Ranges are
-- linearizable, etcd's default, unless the sixth argument is "serializable" (answered from the member's own store).
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function b64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local v = a * 65536 + (b or 0) * 256 + (c or 0)
    local c1, c2 = math.floor(v / 262144), math.floor(v / 4096) % 64
    local c3, c4 = math.floor(v / 64) % 64, v % 64
    out[#out + 1] = chars:sub(c1 + 1, c1 + 1) .. chars:sub(c2 + 1, c2 + 1)
        .. (b and chars:sub(c3 + 1, c3 + 1) or "=") .. (c and chars:sub(c4 + 1, c4 + 1) or "=")
  end
  return table.concat(out)
end

local value = b64('"v-0123456789abcdef"')
local mode, batch, space, prefix, serializable
local n = 0
local threads = 0
local stored = {}

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  mode, batch, space, prefix = args[1], tonumber(args[2]), tonumber(args[4]), args[5]
  serializable = args[6] == "serializable" and ',"serializable":true' or ""
  if mode == "get" then
    for i = 0, space - 1 do
      stored[i] = b64("bench/p" .. i)
    end
  end
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  if mode == "set" then
    if batch == 1 then
      n = n + 1
      return wrk.format("POST", "/v3/kv/put", headers,
          '{"key":"' .. b64("bench/" .. prefix .. tid .. "-" .. n) .. '","value":"' .. value .. '"}')
    end
    local parts = {}
    for i = 1, batch do
      n = n + 1
      parts[i] = '{"requestPut":{"key":"' .. b64("bench/" .. prefix .. tid .. "-" .. n) .. '","value":"' .. value .. '"}}'
    end
    return wrk.format("POST", "/v3/kv/txn", headers, '{"success":[' .. table.concat(parts, ",") .. ']}')
  end
  local start = (n * batch) % space
  n = n + 1
  if batch == 1 then
    return wrk.format("POST", "/v3/kv/range", headers, '{"key":"' .. stored[start] .. '"' .. serializable .. '}')
  end
  local parts = {}
  for i = 1, batch do
    parts[i] = '{"requestRange":{"key":"' .. stored[start + i - 1] .. '"' .. serializable .. '}}'
  end
  return wrk.format("POST", "/v3/kv/txn", headers, '{"success":[' .. table.concat(parts, ",") .. ']}')
end
