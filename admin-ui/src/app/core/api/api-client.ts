import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  AuditEventDto,
  AuditQuery,
  AuthSettingsDto,
  ChangePasswordRequest,
  CreateTeamRequest,
  CreateUserRequest,
  CurrentUser,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  MemberDto,
  Page,
  PageQuery,
  TeamDto,
  UpdateMeRequest,
  UpdateMemberRequest,
  UpdateTeamRequest,
  UpdateUserRequest,
  UserDto,
} from '@orbit/contracts';
import { catchError, firstValueFrom, throwError, type Observable } from 'rxjs';
import { ApiError } from './api-error';
import { withQuery } from './query';

export interface UserQuery extends PageQuery {
  q?: string;
}

/** The console's typed view of the backend API: every method returns the contract type or throws ApiError. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  health(): Promise<HealthResponse> {
    return this.call(this.http.get<HealthResponse>('/api/health'));
  }

  // Authentication

  authSettings(): Promise<AuthSettingsDto> {
    return this.call(this.http.get<AuthSettingsDto>('/api/auth/settings'));
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

  // The caller

  me(): Promise<CurrentUser> {
    return this.call(this.http.get<CurrentUser>('/api/me'));
  }

  updateMe(body: UpdateMeRequest): Promise<CurrentUser> {
    return this.call(this.http.patch<CurrentUser>('/api/me', body));
  }

  changePassword(body: ChangePasswordRequest): Promise<void> {
    return this.call(this.http.put<void>('/api/me/password', body));
  }

  // Users (global admins)

  listUsers(query: UserQuery = {}): Promise<Page<UserDto>> {
    return this.call(this.http.get<Page<UserDto>>(withQuery('/api/users', { ...query })));
  }

  createUser(body: CreateUserRequest): Promise<UserDto> {
    return this.call(this.http.post<UserDto>('/api/users', body));
  }

  updateUser(userId: string, body: UpdateUserRequest): Promise<UserDto> {
    return this.call(this.http.patch<UserDto>(`/api/users/${encodeURIComponent(userId)}`, body));
  }

  deleteUser(userId: string): Promise<void> {
    return this.call(this.http.delete<void>(`/api/users/${encodeURIComponent(userId)}`));
  }

  // Teams

  listTeams(query: PageQuery = {}): Promise<Page<TeamDto>> {
    return this.call(this.http.get<Page<TeamDto>>(withQuery('/api/teams', { ...query })));
  }

  createTeam(body: CreateTeamRequest): Promise<TeamDto> {
    return this.call(this.http.post<TeamDto>('/api/teams', body));
  }

  getTeam(teamId: string): Promise<TeamDto> {
    return this.call(this.http.get<TeamDto>(teamPath(teamId)));
  }

  updateTeam(teamId: string, body: UpdateTeamRequest): Promise<TeamDto> {
    return this.call(this.http.patch<TeamDto>(teamPath(teamId), body));
  }

  deleteTeam(teamId: string): Promise<void> {
    return this.call(this.http.delete<void>(teamPath(teamId)));
  }

  // Team members

  listMembers(teamId: string, query: PageQuery = {}): Promise<Page<MemberDto>> {
    return this.call(this.http.get<Page<MemberDto>>(withQuery(`${teamPath(teamId)}/members`, { ...query })));
  }

  addMember(teamId: string, body: AddMemberRequest): Promise<MemberDto> {
    return this.call(this.http.post<MemberDto>(`${teamPath(teamId)}/members`, body));
  }

  updateMember(teamId: string, userId: string, body: UpdateMemberRequest): Promise<MemberDto> {
    return this.call(this.http.patch<MemberDto>(memberPath(teamId, userId), body));
  }

  removeMember(teamId: string, userId: string): Promise<void> {
    return this.call(this.http.delete<void>(memberPath(teamId, userId)));
  }

  // Audit

  listAuditEvents(query: AuditQuery = {}): Promise<Page<AuditEventDto>> {
    return this.call(this.http.get<Page<AuditEventDto>>(withQuery('/api/audit', { ...query })));
  }

  private call<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request.pipe(catchError((err: unknown) => throwError(() => ApiError.from(err)))));
  }
}

function teamPath(teamId: string): string {
  return `/api/teams/${encodeURIComponent(teamId)}`;
}

function memberPath(teamId: string, userId: string): string {
  return `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`;
}
