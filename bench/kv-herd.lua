-- wrk script for herd's key-value store (bench/kv.sh): POST /set or POST /get with N keys a request.
-- wrk ... -s bench/kv-herd.lua http://127.0.0.1:PORT -- <set|get> <keys a request> <token> <keys preloaded> <prefix>
-- set: every key is new (<prefix><thread>-<n>); get: keys p0 .. p<preloaded - 1>, N consecutive ones a request.
local value = '"v-0123456789abcdef"'
local mode, batch, token, space, prefix
local n = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  mode, batch, token, space, prefix = args[1], tonumber(args[2]), args[3], tonumber(args[4]), args[5]
end

function request()
  local parts = {}
  local headers = { ["Authorization"] = token, ["Content-Type"] = "application/json" }
  if mode == "set" then
    for i = 1, batch do
      n = n + 1
      parts[i] = '{"key":"' .. prefix .. tid .. "-" .. n .. '","value":' .. value .. '}'
    end
    return wrk.format("POST", "/set", headers, '{"db_name":"bench","keys":[' .. table.concat(parts, ",") .. ']}')
  end
  local start = (n * batch) % space
  n = n + 1
  for i = 1, batch do
    parts[i] = '"p' .. (start + i - 1) .. '"'
  end
  return wrk.format("POST", "/get", headers, '{"db_name":"bench","keys":[' .. table.concat(parts, ",") .. ']}')
end
