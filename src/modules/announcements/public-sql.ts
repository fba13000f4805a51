import { sql, type RawBuilder } from 'kysely';

/**
 * The newest notices published to any of these place paths, as a subquery (id, title, body, published_at) that another
 * module composes into a statement of its own: the compound's public QR page reads them with everything else it shows
 * in one statement. Only published notices, which are public to the places they were sent to.
 */
export function publishedNoticesSql(paths: readonly string[], limit: number): RawBuilder<unknown> {
  return sql`select n.id, n.title, n.body, n.published_at from announcements n
    where n.state = 'published' and n.place_path in (${sql.join(paths.map((p) => sql`${p}`))})
    order by n.published_at desc, n.id desc limit ${sql.lit(limit)}`;
}
