import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { AuthStore } from '../core/auth/auth-store';
import { signIn } from '../testing/auth-testing';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { ProfilePage } from './profile-page';

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ProfilePage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    await signIn({ name: 'Alice', email: 'alice@example.com' });
    fixture = TestBed.createComponent(ProfilePage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function type(testId: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const errorUnder = (testId: string) =>
    element.querySelector(`[data-testid=${testId}]`)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent ?? '';

  it('saves the name and shows it as the signed-in user', async () => {
    expect(element.querySelector<HTMLInputElement>('[data-testid=profile-name]')?.value).toBe('Alice');
    type('profile-name', 'Alice Martin');
    element.querySelector<HTMLButtonElement>('[data-testid=profile-save-name]')!.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(request.request.body).toEqual({ name: 'Alice Martin' });
    request.flush({ id: 'u1', email: 'alice@example.com', name: 'Alice Martin', globalRole: 'global_user', teams: [] });
    await settle(fixture);
    expect(TestBed.inject(AuthStore).user()?.name).toBe('Alice Martin');
  });

  it('shows the server’s reasons under the password fields', async () => {
    type('profile-current-password', 'old password here');
    type('profile-new-password', 'short');
    type('profile-confirm-password', 'short');
    element.querySelector<HTMLButtonElement>('[data-testid=profile-change-password]')!.click();
    const request = http.expectOne({ method: 'PUT', url: '/api/me/password' });
    expect(request.request.body).toEqual({ currentPassword: 'old password here', newPassword: 'short' });
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The new password is too weak',
        details: [{ field: 'newPassword', message: 'newPassword must be at least 12 characters long' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(errorUnder('profile-new-password')).toContain('newPassword must be at least 12 characters long');
  });

  it('catches a mistyped repeat before asking the server', async () => {
    type('profile-current-password', 'old password here');
    type('profile-new-password', 'a much longer password');
    type('profile-confirm-password', 'a much longer passwort');
    element.querySelector<HTMLButtonElement>('[data-testid=profile-change-password]')!.click();
    await settle(fixture);
    http.expectNone('/api/me/password');
    expect(errorUnder('profile-confirm-password')).toContain('The passwords do not match');
  });

  it('clears the password form after a successful change', async () => {
    type('profile-current-password', 'old password here');
    type('profile-new-password', 'a much longer password');
    type('profile-confirm-password', 'a much longer password');
    element.querySelector<HTMLButtonElement>('[data-testid=profile-change-password]')!.click();
    http.expectOne({ method: 'PUT', url: '/api/me/password' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(element.querySelector<HTMLInputElement>('[data-testid=profile-new-password]')?.value).toBe('');
    expect(element.querySelector('mat-error')).toBeNull();
  });
});
