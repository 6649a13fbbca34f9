// OpenNext for AWS with its local-run overrides (opennext.js.org/aws/contribute/local_run):
// the server function is wrapped in the express-dev wrapper (a plain Node HTTP server that also
// serves the static assets), the incremental and tag caches live on the file system (fs-dev),
// and revalidation goes through the direct queue. Nothing talks to AWS.
import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";

const config = {
  default: {
    override: {
      wrapper: "express-dev",
      converter: "node",
      incrementalCache: "fs-dev",
      queue: "direct",
      tagCache: "fs-dev",
    },
  },
  imageOptimization: {
    override: {
      wrapper: "dummy",
      converter: "dummy",
    },
    loader: "fs-dev",
    // No separate `npm install sharp` into the image function during the build (it would be
    // unpinned): the fixture has no images to optimize, and sharp still resolves from the
    // app's node_modules, where next's lockfile pins it.
    install: false,
  },
} as unknown as OpenNextConfig;

export default config;
