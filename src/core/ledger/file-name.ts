// Characters Windows and macOS refuse in file names, and control characters.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The Content-Disposition of a ledger file: the Chinese name from its parts (place, title, period) as
 * `filename*=UTF-8''…`, and an ASCII name (`fallback` plus the parts that are ASCII) for clients that ignore it.
 * `ledgerFileName(['北江社区', '居民花名册', '2026-11'], 'roster')` names 北江社区_居民花名册_2026-11.xlsx.
 */
export function ledgerFileName(parts: readonly string[], fallback = 'ledger'): string {
  const clean = parts.map((p) => p.replace(UNSAFE, '').trim()).filter(Boolean);
  const name = `${clean.join('_') || fallback}.xlsx`;
  const ascii = [fallback, ...clean.filter((p) => /^[\x20-\x7e]+$/.test(p))].join('_').replace(/[ ;]/g, '-');
  return `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** encodeURIComponent leaves ' ( ) * ! as they are; RFC 5987 wants them encoded too. */
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
