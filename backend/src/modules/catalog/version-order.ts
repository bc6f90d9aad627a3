/**
 * Orders version strings the way people read them: numeric parts numerically (2026.10.1 > 2026.9.30), a release
 * after its pre-releases (1.0.0 > 1.0.0-rc.1), anything else by text.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.replace(/^v/i, '').split(/-(.*)/s);
  const [coreB = '', preB] = b.replace(/^v/i, '').split(/-(.*)/s);
  const partsA = coreA.split(/[.+]/);
  const partsB = coreB.split(/[.+]/);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const x = partsA[i] ?? '0';
    const y = partsB[i] ?? '0';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return Math.sign(preA.localeCompare(preB, undefined, { numeric: true }));
}
