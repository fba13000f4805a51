export type Tree = { [key: string]: string | Tree };

/** Several modules add to one section (nav, action, field): sections merge, a text given twice is a mistake. */
export function mergeCatalogue(into: Tree, part: Tree, path = ''): Tree {
  for (const [key, value] of Object.entries(part)) {
    const have = into[key];
    if (typeof value === 'object' && typeof have === 'object') mergeCatalogue(have, value, `${path}${key}.`);
    else if (have !== undefined) throw new Error(`i18n key ${path}${key} is given twice`);
    else into[key] = typeof value === 'object' ? mergeCatalogue({}, value, `${path}${key}.`) : value;
  }
  return into;
}
