// OpenNext for Cloudflare, as its template sets it up: the incremental cache in R2. Under
// `opennextjs-cloudflare preview` the bucket is wrangler's local simulation in .wrangler/state,
// so nothing leaves the machine.
import { defineCloudflareConfig } from "@opennextjs/cloudflare";
import r2IncrementalCache from "@opennextjs/cloudflare/overrides/incremental-cache/r2-incremental-cache";

export default defineCloudflareConfig({
  incrementalCache: r2IncrementalCache,
});
