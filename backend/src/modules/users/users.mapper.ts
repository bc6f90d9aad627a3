import type { UserDto } from '@orbit/contracts';
import type { User } from './user.entity.js';

/** The one place a user row becomes an API response: the password hash never leaves. */
export function toUserDto(user: User, ssoLinked: boolean): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    globalRole: user.globalRole,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    ssoLinked,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What an audit entry keeps of a user. */
export function auditView(user: User): Record<string, unknown> {
  return { email: user.email, name: user.name, globalRole: user.globalRole, disabled: user.disabled };
}
