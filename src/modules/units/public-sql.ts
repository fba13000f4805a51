import { sql, type RawBuilder } from 'kysely';

/**
 * The partner units registered on any of these place paths or inside the subtree [lower, upper), as a subquery (id, name)
 * that another module composes into a statement of its own (the compound's public QR page). Names only: what a unit
 * shows on a public page.
 */
export function partnerUnitsSql(paths: readonly string[], lower: string, upper: string): RawBuilder<unknown> {
  return sql`select u.id, u.name from units u where u.kind = 'partner_unit'
    and (u.place_path in (${sql.join(paths.map((p) => sql`${p}`))}) or (u.place_path >= ${lower} and u.place_path < ${upper}))`;
}
