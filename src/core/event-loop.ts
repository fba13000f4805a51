import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** Work that holds the event loop longer than this gives it back before going on. */
const SLICE_MS = 20;

let watching = false;
let sliceStarted = 0;

/**
 * Lets the event loop turn (other requests, health checks) if it has not turned for SLICE_MS; otherwise costs next to
 * nothing. Long loops call it once per item, so a 20,000-row import never holds the loop more than a slice at a time.
 * How it knows: the first call of a slice schedules an immediate, which runs only once the loop has turned.
 */
export function yieldIfBusy(): Promise<void> | undefined {
  const now = performance.now();
  if (!watching) {
    watching = true;
    sliceStarted = now;
    setImmediate(() => void (watching = false));
    return undefined;
  }
  if (now - sliceStarted < SLICE_MS) return undefined;
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * better-sqlite3 runs each statement synchronously, so a long run of statements (an import's transaction) never leaves
 * the microtask queue and the event loop stalls until it ends. This plugin yields between statements when the slice is
 * up. Only on SQLite: PostgreSQL statements are I/O and the loop turns on its own.
 */
export class YieldingPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await yieldIfBusy();
    return args.result;
  }
}
