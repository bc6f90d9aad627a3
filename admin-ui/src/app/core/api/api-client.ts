import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CatalogDraftDto,
  CatalogDraftRequest,
  AddMemberRequest,
  AuditEventDto,
  AuditQuery,
  AuthSettingsDto,
  CatalogQuery,
  CatalogServerDto,
  CatalogVersionDto,
  ChangePasswordRequest,
  ConfigWriteValues,
  ConnectInfoDto,
  CreateCatalogServerRequest,
  CreateCatalogVersionRequest,
  CreateInstallationRequest,
  CreateOAuthClientRequest,
  CreateTeamRequest,
  CreateUserRequest,
  CurrentUser,
  EffectiveConfigDto,
  HealthResponse,
  InstallationDto,
  LoginRequest,
  LoginResponse,
  MemberConfigStateDto,
  MemberDto,
  OAuthClientDto,
  OAuthClientWithSecretDto,
  OAuthConsentRequest,
  OAuthInteractionDto,
  OAuthInteractionResultDto,
  Page,
  PageQuery,
  StartSyncRequest,
  StartSyncResponse,
  SyncRunDto,
  TeamDto,
  UpdateCatalogServerRequest,
  UpdateInstallationRequest,
  UpdateMeRequest,
  UpdateMemberRequest,
  UpdateTeamRequest,
  UpdateUserRequest,
  UserConfigDto,
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

  // Catalog

  listCatalogServers(query: CatalogQuery = {}): Promise<Page<CatalogServerDto>> {
    return this.call(this.http.get<Page<CatalogServerDto>>(withQuery('/api/catalog/servers', { ...query })));
  }

  createCatalogServer(body: CreateCatalogServerRequest): Promise<CatalogServerDto> {
    return this.call(this.http.post<CatalogServerDto>('/api/catalog/servers', body));
  }

  /** Proposes an entry from a pasted config; the pasted text may hold secrets, which the answer never repeats. */
  proposeCatalogDraft(body: CatalogDraftRequest): Promise<CatalogDraftDto> {
    return this.call(this.http.post<CatalogDraftDto>('/api/catalog/drafts', body));
  }

  getCatalogServer(serverId: string): Promise<CatalogServerDto> {
    return this.call(this.http.get<CatalogServerDto>(serverPath(serverId)));
  }

  updateCatalogServer(serverId: string, body: UpdateCatalogServerRequest): Promise<CatalogServerDto> {
    return this.call(this.http.patch<CatalogServerDto>(serverPath(serverId), body));
  }

  deleteCatalogServer(serverId: string): Promise<void> {
    return this.call(this.http.delete<void>(serverPath(serverId)));
  }

  listCatalogVersions(serverId: string, query: PageQuery = {}): Promise<Page<CatalogVersionDto>> {
    return this.call(this.http.get<Page<CatalogVersionDto>>(withQuery(`${serverPath(serverId)}/versions`, { ...query })));
  }

  createCatalogVersion(serverId: string, body: CreateCatalogVersionRequest): Promise<CatalogVersionDto> {
    return this.call(this.http.post<CatalogVersionDto>(`${serverPath(serverId)}/versions`, body));
  }

  // Installations

  listInstallations(teamId: string, query: PageQuery = {}): Promise<Page<InstallationDto>> {
    return this.call(this.http.get<Page<InstallationDto>>(withQuery(`${teamPath(teamId)}/installations`, { ...query })));
  }

  createInstallation(teamId: string, body: CreateInstallationRequest): Promise<InstallationDto> {
    return this.call(this.http.post<InstallationDto>(`${teamPath(teamId)}/installations`, body));
  }

  getInstallation(teamId: string, installationId: string): Promise<InstallationDto> {
    return this.call(this.http.get<InstallationDto>(installationPath(teamId, installationId)));
  }

  updateInstallation(teamId: string, installationId: string, body: UpdateInstallationRequest): Promise<InstallationDto> {
    return this.call(this.http.patch<InstallationDto>(installationPath(teamId, installationId), body));
  }

  deleteInstallation(teamId: string, installationId: string): Promise<void> {
    return this.call(this.http.delete<void>(installationPath(teamId, installationId)));
  }

  /** The caller's own user-tier values (secrets masked). */
  getUserConfig(teamId: string, installationId: string): Promise<UserConfigDto> {
    return this.call(this.http.get<UserConfigDto>(`${installationPath(teamId, installationId)}/user-config`));
  }

  /** Replaces the caller's own user-tier values: `"*****"` keeps a stored secret, null erases a value. */
  putUserConfig(teamId: string, installationId: string, body: ConfigWriteValues): Promise<UserConfigDto> {
    return this.call(this.http.put<UserConfigDto>(`${installationPath(teamId, installationId)}/user-config`, body));
  }

  /** Team admins: which user-tier keys each member has set, never the values. */
  listMemberConfigs(teamId: string, installationId: string, query: PageQuery = {}): Promise<Page<MemberConfigStateDto>> {
    const path = `${installationPath(teamId, installationId)}/user-configs`;
    return this.call(this.http.get<Page<MemberConfigStateDto>>(withQuery(path, { ...query })));
  }

  /** The caller's merged configuration, secrets masked. */
  getEffectiveConfig(teamId: string, installationId: string): Promise<EffectiveConfigDto> {
    return this.call(this.http.get<EffectiveConfigDto>(`${installationPath(teamId, installationId)}/effective-config`));
  }

  // OAuth clients

  /** Team admins: the team's clients; team users: their own ones in the team. */
  listTeamOAuthClients(teamId: string, query: PageQuery = {}): Promise<Page<OAuthClientDto>> {
    return this.call(this.http.get<Page<OAuthClientDto>>(withQuery(`${teamPath(teamId)}/oauth-clients`, { ...query })));
  }

  /** The answer holds the client secret, this once. */
  createOAuthClient(teamId: string, body: CreateOAuthClientRequest): Promise<OAuthClientWithSecretDto> {
    return this.call(this.http.post<OAuthClientWithSecretDto>(`${teamPath(teamId)}/oauth-clients`, body));
  }

  revokeTeamOAuthClient(teamId: string, clientId: string): Promise<void> {
    return this.call(this.http.delete<void>(teamClientPath(teamId, clientId)));
  }

  /** A new secret, shown this once; the old one stops working. */
  rotateOAuthClientSecret(teamId: string, clientId: string): Promise<OAuthClientWithSecretDto> {
    return this.call(this.http.post<OAuthClientWithSecretDto>(`${teamClientPath(teamId, clientId)}/rotate-secret`, {}));
  }

  /** Global admins: every client, console-made and dynamically registered. */
  listOAuthClients(query: PageQuery = {}): Promise<Page<OAuthClientDto>> {
    return this.call(this.http.get<Page<OAuthClientDto>>(withQuery('/api/oauth-clients', { ...query })));
  }

  revokeOAuthClient(clientId: string): Promise<void> {
    return this.call(this.http.delete<void>(`/api/oauth-clients/${encodeURIComponent(clientId)}`));
  }

  /** The team's MCP URL and the authorization server, for the "connect a client" snippets. */
  getConnectInfo(teamId: string): Promise<ConnectInfoDto> {
    return this.call(this.http.get<ConnectInfoDto>(`${teamPath(teamId)}/connect`));
  }

  // Registry sync (global admins)

  /** 409 `in_progress` while a run is queued or running. */
  startRegistrySync(body: StartSyncRequest): Promise<StartSyncResponse> {
    return this.call(this.http.post<StartSyncResponse>('/api/admin/registry/sync', body));
  }

  /** Newest first. */
  listSyncRuns(query: PageQuery = {}): Promise<Page<SyncRunDto>> {
    return this.call(this.http.get<Page<SyncRunDto>>(withQuery('/api/admin/registry/sync', { ...query })));
  }

  getSyncRun(runId: string): Promise<SyncRunDto> {
    return this.call(this.http.get<SyncRunDto>(`/api/admin/registry/sync/${encodeURIComponent(runId)}`));
  }

  // OAuth consent (the authorization server's interaction, shown by the console)

  /** `…/:uid` itself is where the authorization server sends the browser; the JSON is under it, with its cookie. */
  getOAuthInteraction(uid: string): Promise<OAuthInteractionDto> {
    return this.call(this.http.get<OAuthInteractionDto>(`${interactionPath(uid)}/details`));
  }

  consentOAuthInteraction(uid: string, body: OAuthConsentRequest): Promise<OAuthInteractionResultDto> {
    return this.call(this.http.post<OAuthInteractionResultDto>(`${interactionPath(uid)}/consent`, body));
  }

  denyOAuthInteraction(uid: string): Promise<OAuthInteractionResultDto> {
    return this.call(this.http.post<OAuthInteractionResultDto>(`${interactionPath(uid)}/deny`, {}));
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

function serverPath(serverId: string): string {
  return `/api/catalog/servers/${encodeURIComponent(serverId)}`;
}

function installationPath(teamId: string, installationId: string): string {
  return `${teamPath(teamId)}/installations/${encodeURIComponent(installationId)}`;
}

function teamClientPath(teamId: string, clientId: string): string {
  return `${teamPath(teamId)}/oauth-clients/${encodeURIComponent(clientId)}`;
}

function interactionPath(uid: string): string {
  return `/api/oauth/interactions/${encodeURIComponent(uid)}`;
}
