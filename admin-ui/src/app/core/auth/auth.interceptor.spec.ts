import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth-store';

const user = { id: 'u1', email: 'a@example.com', name: 'A', globalRole: 'global_user' as const, teams: [] };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    const login = store.login({ email: 'a@example.com', password: 'x' });
    backend.expectOne('/api/auth/login').flush({ accessToken: 'old', user });
    await login;
  });

  afterEach(() => backend.verify());

  it('renews an expired token once and retries the call', async () => {
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/me'));
    const first = backend.expectOne('/api/me');
    expect(first.request.headers.get('Authorization')).toBe('Bearer old');
    first.flush({ message: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new', user });
    await new Promise((r) => setTimeout(r));
    const retry = backend.expectOne('/api/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ ok: true });
    expect(await result).toEqual({ ok: true });
    expect(store.accessToken()).toBe('new');
  });

  it('sends the user to the login page when the session is over', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/me'));
    backend.expectOne('/api/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
    expect(store.user()).toBeNull();
  });
});
