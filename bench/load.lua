-- wrk script: rotates over the comparison, model and API routes (bench/load.sh)
local paths = {
  "/compare/gpt-4.1-vs-gpt-4.1-mini",
  "/compare/gpt-4.1-mini-vs-gpt-4o-mini",
  "/models/gpt-4.1",
  "/models/claude-sonnet-4",
  "/api/v1/models/gpt-4.1-mini",
  "/api/v1/compare?models=gpt-4.1,gpt-4.1-mini",
  "/api/v1/cost?model=gpt-4.1-mini&input_tokens=1000&output_tokens=500",
  "/api/v1/models?limit=50&sort=input-price",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("LOAD requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
