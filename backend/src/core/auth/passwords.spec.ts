import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('Correct-horse-42');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-horse-42', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-42', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('Same-password-1')).not.toBe(await hashPassword('Same-password-1'));
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});

describe('password policy', () => {
  it('accepts a long, varied password', () => {
    expect(passwordProblems('Tr0ub4dor-and-3x!', 'password', 'alice@example.com')).toEqual([]);
  });

  it.each([
    ['Sh0rt!', 'password must be at least 12 characters long'],
    ['aaaaaaaaaaaaaaa', 'password must use at least 5 different characters'],
    ['Password1234', 'password is a commonly used password'],
    ['alice-is-great-2026', 'password must not contain your email name'],
  ])('refuses %j: %s', (password, message) => {
    expect(passwordProblems(password, 'password', 'alice@example.com').map((p) => p.message)).toContain(message);
  });

  it('names the field it was given', () => {
    expect(passwordProblems('x', 'newPassword')[0]?.field).toBe('newPassword');
  });
});
