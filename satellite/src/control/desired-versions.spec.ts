import { DesiredVersions } from './desired-versions.js';

describe('DesiredVersions', () => {
  it('accepts newer versions and ignores older or repeated ones', () => {
    const versions = new DesiredVersions();
    expect(versions.offer({ teamId: 'a', version: 2, reason: 'installation' }).outcome).toBe('accepted');
    expect(versions.offer({ teamId: 'a', version: 1, reason: 'user-config' })).toEqual({
      teamId: 'a',
      version: 2,
      outcome: 'stale',
    });
    expect(versions.offer({ teamId: 'a', version: 2, reason: 'installation' }).outcome).toBe('stale');
    expect(versions.offer({ teamId: 'a', version: 5, reason: 'membership' }).outcome).toBe('accepted');
    expect(versions.versionOf('a')).toBe(5);
  });

  it('keeps teams apart', () => {
    const versions = new DesiredVersions();
    versions.offer({ teamId: 'a', version: 9, reason: 'installation' });
    expect(versions.offer({ teamId: 'b', version: 1, reason: 'installation' }).outcome).toBe('accepted');
    expect(versions.size).toBe(2);
  });
});
