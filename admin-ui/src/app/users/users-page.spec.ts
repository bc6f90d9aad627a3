import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { signIn } from '../testing/auth-testing';
import { aUserDto, pageOf } from '../testing/factories';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { UsersPage } from './users-page';

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let overlay: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: providePageTesting(),
    });
    http = TestBed.inject(HttpTestingController);
    overlay = TestBed.inject(OverlayContainer).getContainerElement();
    await signIn({ id: 'admin', email: 'admin@example.com', globalRole: 'global_admin' });
    fixture = TestBed.createComponent(UsersPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function showUsers(...users: ReturnType<typeof aUserDto>[]): Promise<void> {
    http.expectOne('/api/users?limit=50').flush(pageOf(users));
    await settle(fixture);
  }

  function type(root: HTMLElement, testId: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submitNewUser(email: string, password: string): Promise<void> {
    element.querySelector<HTMLButtonElement>('[data-testid=users-create]')!.click();
    await settle(fixture);
    type(overlay, 'user-email', email);
    type(overlay, 'user-name', 'Bob');
    type(overlay, 'user-password', password);
    overlay.querySelector<HTMLButtonElement>('[data-testid=user-save]')!.click();
    await settle(fixture);
  }

  it('lists the users with their email in each row', async () => {
    await showUsers(aUserDto({ email: 'alice@example.com' }), aUserDto({ email: 'bob@example.com' }));
    const rows = Array.from(element.querySelectorAll('[data-testid=user-row]')).map((row) => row.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('alice@example.com');
    expect(rows[1]).toContain('bob@example.com');
  });

  it('shows the server message under the field the server rejected', async () => {
    await showUsers();
    await submitNewUser('bob@example.com', 'short');
    const request = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({ email: 'bob@example.com', name: 'Bob', password: 'short', globalRole: 'global_user' });
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [{ field: 'password', message: 'Password must be at least 12 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const passwordField = overlay.querySelector('[data-testid=user-password]')!.closest('mat-form-field')!;
    expect(passwordField.querySelector('mat-error')?.textContent).toContain('Password must be at least 12 characters');
    expect(overlay.querySelector('[data-testid=user-save]')).not.toBeNull();
  });

  it('tells the admin when the email is already taken', async () => {
    await showUsers();
    await submitNewUser('alice@example.com', 'a long enough password');
    http
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'A user with this email already exists', code: 'duplicate' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    const emailField = overlay.querySelector('[data-testid=user-email]')!.closest('mat-form-field')!;
    expect(emailField.querySelector('mat-error')?.textContent).toContain('A user with this email already exists');
  });

  it('adds the created user to the table and closes the dialog', async () => {
    await showUsers();
    await submitNewUser('carol@example.com', 'a long enough password');
    http
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush(aUserDto({ email: 'carol@example.com' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(overlay.querySelector('[data-testid=user-save]')).toBeNull();
    expect(element.querySelector('[data-testid=user-row]')?.textContent).toContain('carol@example.com');
  });

  it('does not let admins disable, demote or delete themselves', async () => {
    await showUsers(aUserDto({ id: 'admin', email: 'admin@example.com', globalRole: 'global_admin' }), aUserDto());
    const [mine, other] = Array.from(element.querySelectorAll('[data-testid=user-row]'));
    expect(mine!.querySelector('[data-testid=user-delete]')).toBeNull();
    expect(mine!.querySelector('[data-testid=user-active] button')?.hasAttribute('disabled')).toBe(true);
    expect(other!.querySelector('[data-testid=user-delete]')).not.toBeNull();
  });

  it('searches on the server and asks for the next page with the cursor', async () => {
    http.expectOne('/api/users?limit=50').flush(pageOf([aUserDto()], 'c2'));
    await settle(fixture);
    element.querySelector<HTMLButtonElement>('[data-testid=users-more]')!.click();
    http.expectOne('/api/users?limit=50&cursor=c2').flush(pageOf([aUserDto()]));
    await settle(fixture);
    expect(element.querySelectorAll('[data-testid=user-row]')).toHaveLength(2);
    expect(element.querySelector('[data-testid=users-more]')).toBeNull();

    type(element, 'users-search', 'bob');
    await new Promise((resolve) => setTimeout(resolve, 350));
    http.expectOne('/api/users?q=bob&limit=50').flush(pageOf([aUserDto({ email: 'bob@example.com' })]));
    await settle(fixture);
    expect(element.querySelectorAll('[data-testid=user-row]')).toHaveLength(1);
  });
});
