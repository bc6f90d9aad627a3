import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    fixture = TestBed.createComponent(LoginPage);
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(email: string, password: string): void {
    const emailInput = element.querySelector<HTMLInputElement>('[data-testid=login-email]')!;
    const passwordInput = element.querySelector<HTMLInputElement>('[data-testid=login-password]')!;
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=login-submit]')!.click();
  }

  it('does not call the server while the form is invalid', async () => {
    fill('not-an-email', '');
    await fixture.whenStable();
    http.expectNone('/api/auth/login');
    expect(element.textContent).toContain('Enter a valid email address');
  });

  it('shows the server message when sign-in is refused', async () => {
    fill('alice@example.com', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=login-error]')?.textContent).toContain('Invalid email or password');
  });

  it('goes to the console home after a successful sign-in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fill('alice@example.com', 'correct horse');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'alice@example.com', password: 'correct horse' });
    request.flush({
      accessToken: 't',
      user: { id: 'u1', email: 'alice@example.com', name: 'Alice', globalRole: 'global_user', teams: [] },
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
