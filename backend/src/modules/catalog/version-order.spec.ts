import { compareVersions } from './version-order.js';

describe('compareVersions', () => {
  it.each([
    ['2026.10.1', '2026.9.30', 1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['v2.0.0', '1.9.9', 1],
    ['1.0', '1.0.0', 0],
    ['0.1.0', '0.1.0', 0],
  ])('%s vs %s is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
