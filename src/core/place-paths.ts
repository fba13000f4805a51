import { sql } from 'kysely';
import type { Trx } from './db.js';
import { subtreeUpperBound } from './db.js';
import { pathCopies } from './registry.js';

/** Rewrites every path under `oldPath` to start with `newPath`, in places and in every copy the modules declare. */
export async function repath(trx: Trx, oldPath: string, newPath: string): Promise<void> {
  const hi = subtreeUpperBound(oldPath);
  const cut = oldPath.length + 1;
  const depthDelta = newPath.split('/').length - oldPath.split('/').length;
  await sql`update places set path = ${newPath} || substr(path, ${cut}), depth = depth + ${depthDelta}
            where path >= ${oldPath} and path < ${hi}`.execute(trx);
  for (const { table, column = 'place_path' } of pathCopies()) {
    const col = sql.ref(column);
    await sql`update ${sql.table(table)} set ${col} = ${newPath} || substr(${col}, ${cut})
              where ${col} >= ${oldPath} and ${col} < ${hi}`.execute(trx);
  }
}
