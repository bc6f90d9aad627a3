import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CurrentUser, HealthResponse, LoginRequest, LoginResponse } from '@orbit/contracts';
import { catchError, firstValueFrom, throwError, type Observable } from 'rxjs';
import { ApiError } from './api-error';

/** The console's typed view of the backend API: every method returns the contract type or throws ApiError. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  health(): Promise<HealthResponse> {
    return this.call(this.http.get<HealthResponse>('/api/health'));
  }

  login(body: LoginRequest): Promise<LoginResponse> {
    return this.call(this.http.post<LoginResponse>('/api/auth/login', body, { withCredentials: true }));
  }

  refresh(): Promise<LoginResponse> {
    return this.call(this.http.post<LoginResponse>('/api/auth/refresh', {}, { withCredentials: true }));
  }

  logout(): Promise<void> {
    return this.call(this.http.post<void>('/api/auth/logout', {}, { withCredentials: true }));
  }

  me(): Promise<CurrentUser> {
    return this.call(this.http.get<CurrentUser>('/api/me'));
  }

  private call<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request.pipe(catchError((err: unknown) => throwError(() => ApiError.from(err)))));
  }
}
