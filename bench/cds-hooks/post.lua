-- wrk script: POSTs the request body in $REQUEST_FILE (default request.json) as application/json.
local file = io.open(os.getenv("REQUEST_FILE") or "request.json", "rb")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

-- wrk counts every non-2xx/3xx answer; printed so a broken service cannot pass as a fast one.
done = function(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d\n", summary.errors.status))
end
