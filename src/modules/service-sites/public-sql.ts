import { sql, type RawBuilder } from 'kysely';

/**
 * The open sites a public page lists for a place: those hung on `paths` (the place and the places above it) or inside the
 * subtree [lower, upper). Columns: kind, name, address, hours, services, place_path; a sub-select for a page's one statement.
 */
export function openSitesSql(paths: readonly string[], lower: string, upper: string): RawBuilder<unknown> {
  return sql`select s.kind, s.name, s.address, s.hours, s.services, s.place_path from service_sites s where s.state = 'open'
    and (s.place_path in (${sql.join(paths.map((p) => sql`${p}`))}) or (s.place_path >= ${lower} and s.place_path < ${upper}))`;
}
