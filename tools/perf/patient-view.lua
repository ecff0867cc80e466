-- wrk script: POST one patient-view for sample patient p02 with its full prefetch (the body is built by
-- scale-out.sh from samples/p02.json, as an EHR would send it).
local f = assert(io.open(os.getenv("TACECDS_WRK_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
