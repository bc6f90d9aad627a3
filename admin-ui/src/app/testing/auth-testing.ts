import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CurrentUser } from '@orbit/contracts';
import { AuthStore } from '../core/auth/auth-store';
import { aCurrentUser } from './factories';

/** Signs a user in through the real AuthStore, answering its login request. */
export async function signIn(overrides: Partial<CurrentUser> = {}): Promise<CurrentUser> {
  const user = aCurrentUser(overrides);
  const done = TestBed.inject(AuthStore).login({ email: user.email, password: 'secret' });
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush({ accessToken: 'token', user });
  await done;
  return user;
}
