// Effective configuration for a team of 1,000 users x 20 installations (DESIGN, "Benchmarks").
// (a) the pure merge (mergeConfig from libs/contracts/dist) for every (installation, user) pair: per-call percentiles
//     and calls/s; target "effective config for one user under 2 ms" as PASS/MISS on the per-call p95 (a goal, never
//     an assertion);
// (b) end to end: GET /api/teams/:teamId/installations/:id/effective-config on MariaDB for a sample of signed-in
//     members, printed for information next to the merge figure.
import { performance } from 'node:perf_hooks';
import {
  ADMIN,
  fmt,
  importBackend,
  importContracts,
  inParallel,
  int,
  machineLine,
  requireBuild,
  runBenchmark,
  startBenchApp,
  summary,
  table,
} from './support.mjs';

const USERS = 1000;
const INSTALLATIONS = 20;
const HTTP_USERS = 20;
const HTTP_ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const MERGE_PASSES = Number(process.env['BENCH_MERGE_PASSES'] ?? 5);
const TARGET_MS = 2;
const MEMBER_PASSWORD = 'Member-pass-9Kd!z';
const BATCH = 500;

/** The product brief's filesystem entry (DESIGN, "Request bodies"), numbered so that 20 entries can coexist. */
function filesystemEntry(n) {
  return {
    name: `io.github.modelcontextprotocol/server-filesystem-${n}`,
    title: `Filesystem ${n}`,
    description: 'File operations',
    version: '2026.8.31',
    transport: {
      type: 'stdio',
      command: 'npx',
      package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '2026.8.31' },
    },
    config: {
      template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
      team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
      user: {
        args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
        env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
      },
    },
  };
}

/** A remote server: a templated Authorization header from a team token members may replace with their own. */
function remoteEntry(n) {
  return {
    name: `com.example/remote-tracker-${n}`,
    title: `Tracker ${n}`,
    description: 'Issue tracker over Streamable HTTP',
    version: '1.0.0',
    transport: { type: 'streamable-http', url: 'https://{tenant}.tracker.example/mcp' },
    config: {
      template: { headers: { Authorization: 'Bearer {token}', 'X-Client': 'orbit' } },
      team: {
        headers: [{ name: 'token', type: 'secret', required: true, userOverridable: true }],
        url: [{ name: 'tenant', type: 'string', required: true }],
      },
      user: {
        headers: [{ name: 'X-Trace', type: 'boolean', default: 'false' }],
        queryParams: [{ name: 'project', type: 'string', required: true }],
      },
    },
    tags: ['issues', 'remote'],
  };
}

/** Installation i: even ones the filesystem server, odd ones the remote one. */
const kindOf = (i) => (i % 2 === 0 ? 'filesystem' : 'remote');
const entryOf = (i) => (kindOf(i) === 'filesystem' ? filesystemEntry(i + 1) : remoteEntry(i + 1));

function teamWrite(i) {
  return kindOf(i) === 'filesystem'
    ? { config: { env: { SHARED_API_KEY: `team-key-${i}-9f8e7d6c` } }, locks: { 'env.DEBUG': false } }
    : { config: { headers: { token: `team-token-${i}-1a2b3c4d` }, url: { tenant: `acme${i}` } } };
}

/** What member u has set for installation i (one in 25 has set nothing yet: awaiting_user_config). */
function userValues(i, u) {
  if ((u + i) % 25 === 0) return {};
  if (kindOf(i) === 'filesystem') {
    const directories = u % 3 === 0 ? [`/home/user${u}/Development`] : [`/home/user${u}/Development`, `/home/user${u}/Projects`];
    return { args: { directories }, env: { DEBUG: u % 2 === 0 ? 'true' : 'false' } };
  }
  return {
    headers: { 'X-Trace': u % 4 === 0 ? 'true' : 'false', ...(u % 3 === 0 && { token: `user-token-${u}-${i}-5e6f7a8b` }) },
    queryParams: { project: `project-${u % 50}` },
  };
}

/** (a) The pure merge over every (installation, user) pair. */
async function mergeBenchmark() {
  const { mergeConfig, maskMergedConfig } = await importContracts();
  const inputs = [];
  for (let i = 0; i < INSTALLATIONS; i++) {
    // One parsed definition per installation, as the backend holds one per loaded installation.
    const definition = JSON.parse(JSON.stringify(entryOf(i).config));
    const { config, locks } = teamWrite(i);
    const team = { values: config, locks: locks ?? {} };
    for (let u = 0; u < USERS; u++) inputs.push({ definition, team, user: { values: userValues(i, u) } });
  }
  const statuses = {};
  for (const input of inputs) {
    const { status } = mergeConfig(input);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }

  const perCall = (fn) => {
    for (const input of inputs) fn(input); // warm-up pass
    const us = new Float64Array(inputs.length * MERGE_PASSES);
    let k = 0;
    for (let pass = 0; pass < MERGE_PASSES; pass++) {
      for (const input of inputs) {
        const start = process.hrtime.bigint();
        fn(input);
        us[k++] = Number(process.hrtime.bigint() - start) / 1000;
      }
    }
    const start = performance.now();
    for (let pass = 0; pass < MERGE_PASSES; pass++) for (const input of inputs) fn(input);
    const callsPerS = (inputs.length * MERGE_PASSES) / ((performance.now() - start) / 1000);
    return { ...summary(us), callsPerS };
  };
  const merge = perCall((input) => mergeConfig(input));
  const mergeAndMask = perCall((input) => maskMergedConfig(mergeConfig(input)));
  return { combinations: inputs.length, statuses, merge, mergeAndMask };
}

/** (b) The API end to end on MariaDB. */
async function httpBenchmark(onCleanup) {
  const { Vault } = await importBackend('core/vault/vault.js');
  const { userSeal } = await importBackend('modules/installations/installation-context.js');
  const bench = await startBenchApp();
  onCleanup(bench.close);
  const { api, dataSource } = bench;
  console.log(`database ${bench.dbName}`);
  const setupStart = performance.now();

  const admin = await api.login(ADMIN.email, ADMIN.password);
  const teamId = (await api.call('POST', '/api/teams', { token: admin, body: { name: 'Config bench' }, expect: 201 })).body.id;

  const installations = [];
  for (let i = 0; i < INSTALLATIONS; i++) {
    const entry = entryOf(i);
    const server = (await api.call('POST', '/api/catalog/servers', { token: admin, body: entry, expect: 201 })).body;
    const installation = (
      await api.call('POST', `/api/teams/${teamId}/installations`, {
        token: admin,
        body: { serverId: server.id, version: entry.version, ...teamWrite(i) },
        expect: 201,
      })
    ).body;
    installations.push({ index: i, id: installation.id, kind: kindOf(i) });
  }

  // 1,000 members through the API: 20 with passwords (they sign in and are measured), 980 without (no hashing).
  const members = Array.from({ length: USERS }, (_, u) => ({
    u,
    email: `member${String(u).padStart(4, '0')}@bench.example`,
    signsIn: u < HTTP_USERS,
  }));
  await inParallel(members, 4, async (member) => {
    const body = { email: member.email, name: `Member ${member.u}`, ...(member.signsIn && { password: MEMBER_PASSWORD }) };
    member.id = (await api.call('POST', '/api/users', { token: admin, body, expect: 201 })).body.id;
    await api.call('POST', `/api/teams/${teamId}/members`, {
      token: admin,
      body: { email: member.email, role: 'team_user' },
      expect: 201,
    });
  });

  // The signed-in members set their values through the API; the other 980 members' rows go straight into
  // user_configs, their secrets sealed with the app's own vault exactly as the API would.
  const signedIn = members.filter((m) => m.signsIn);
  for (const member of signedIn) member.token = await api.login(member.email, MEMBER_PASSWORD);
  await inParallel(
    signedIn.flatMap((member) => installations.map((inst) => ({ member, inst }))),
    4,
    async ({ member, inst }) => {
      const values = userValues(inst.index, member.u);
      if (Object.keys(values).length === 0) return;
      await api.call('PUT', `/api/teams/${teamId}/installations/${inst.id}/user-config`, {
        token: member.token,
        body: values,
        expect: 200,
      });
    },
  );
  const vault = bench.app.get(Vault);
  const rows = [];
  for (const member of members.filter((m) => !m.signsIn)) {
    for (const inst of installations) {
      const values = userValues(inst.index, member.u);
      if (Object.keys(values).length === 0) continue;
      if (values.headers?.token !== undefined) {
        values.headers.token = vault.seal(values.headers.token, userSeal(inst.id, member.id)('headers.token'));
      }
      rows.push([inst.id, member.id, JSON.stringify(values)]);
    }
  }
  await dataSource.transaction(async (manager) => {
    for (let k = 0; k < rows.length; k += BATCH) {
      const batch = rows.slice(k, k + BATCH);
      await manager.query(
        `INSERT INTO user_configs (installation_id, user_id, \`values\`) VALUES ${batch.map(() => '(?,?,?)').join(',')}`,
        batch.flat(),
      );
    }
  });
  const [{ n: memberCount }] = await dataSource.query('SELECT COUNT(*) AS n FROM memberships WHERE team_id = ?', [teamId]);
  const [{ n: configCount }] = await dataSource.query(
    `SELECT COUNT(*) AS n FROM user_configs WHERE installation_id IN (${installations.map(() => '?').join(',')})`,
    installations.map((i) => i.id),
  );
  const setupS = (performance.now() - setupStart) / 1000;

  // Warm up, then every signed-in member reads every installation's effective config, round after round.
  const pairs = signedIn.flatMap((member) => installations.map((inst) => ({ member, inst })));
  const path = (inst) => `/api/teams/${teamId}/installations/${inst.id}/effective-config`;
  for (const { member, inst } of pairs.slice(0, 2 * INSTALLATIONS)) await api.timed(path(inst), member.token);
  const loadBefore = machineLine();
  const byKind = { filesystem: [], remote: [] };
  const statuses = {};
  const start = performance.now();
  for (let round = 0; round < HTTP_ROUNDS; round++) {
    for (const { member, inst } of pairs) {
      const { ms, text } = await api.timed(path(inst), member.token);
      byKind[inst.kind].push(ms);
      if (round === 0) {
        const { status } = JSON.parse(text);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    memberCount: Number(memberCount),
    configCount: Number(configCount),
    setupS,
    seconds,
    loadBefore,
    loadAfter: machineLine(),
    statuses,
    all: summary([...byKind.filesystem, ...byKind.remote]),
    filesystem: summary(byKind.filesystem),
    remote: summary(byKind.remote),
  };
}

const counts = (statuses) =>
  Object.entries(statuses)
    .map(([status, n]) => `${status} ${int(n)}`)
    .join(', ');

runBenchmark(async (onCleanup) => {
  requireBuild();
  console.log(`== Effective config: a team of ${int(USERS)} users x ${INSTALLATIONS} installations ==`);

  console.log(`machine: ${machineLine()}`);
  const merge = await mergeBenchmark();
  console.log(
    `\n(a) pure merge, mergeConfig from libs/contracts/dist: ${int(merge.combinations)} (installation, user) pairs ` +
      `(${INSTALLATIONS / 2} filesystem + ${INSTALLATIONS / 2} remote definitions), ${MERGE_PASSES} timed passes\n` +
      `    statuses: ${counts(merge.statuses)}\n`,
  );
  console.log(
    table(
      [
        ['work per call', 'calls', 'p50 µs', 'p95 µs', 'p99 µs', 'calls/s'],
        [
          'mergeConfig',
          int(merge.merge.n),
          fmt(merge.merge.p50),
          fmt(merge.merge.p95),
          fmt(merge.merge.p99),
          int(merge.merge.callsPerS),
        ],
        [
          'mergeConfig + maskMergedConfig',
          int(merge.mergeAndMask.n),
          fmt(merge.mergeAndMask.p50),
          fmt(merge.mergeAndMask.p95),
          fmt(merge.mergeAndMask.p99),
          int(merge.mergeAndMask.callsPerS),
        ],
      ],
      ['left'],
    ),
  );

  const http = await httpBenchmark(onCleanup);
  console.log(
    `\n(b) GET /api/teams/:teamId/installations/:id/effective-config on MariaDB\n` +
      `    team: ${int(http.memberCount)} memberships (${int(USERS)} members + the admin who created it), ` +
      `${int(http.configCount)} user_configs rows over ${INSTALLATIONS} installations (set up in ${fmt(http.setupS, 1)} s)\n` +
      `    ${HTTP_USERS} signed-in members x ${INSTALLATIONS} installations x ${HTTP_ROUNDS} rounds = ` +
      `${int(http.all.n)} sequential requests in ${fmt(http.seconds, 1)} s; statuses (first round): ${counts(http.statuses)}\n` +
      `    machine before: ${http.loadBefore}\n    machine after:  ${http.loadAfter}\n`,
  );
  console.log(
    table(
      [
        ['installations', 'requests', 'p50 ms', 'p95 ms', 'p99 ms'],
        ...[
          ['filesystem (stdio)', http.filesystem],
          ['remote (streamable-http)', http.remote],
          ['all', http.all],
        ].map(([label, s]) => [label, int(s.n), fmt(s.p50), fmt(s.p95), fmt(s.p99)]),
      ],
      ['left'],
    ),
  );

  const mergeP95Ms = merge.merge.p95 / 1000;
  console.log(
    `\nTarget (goal, not an assertion): effective config for one user under ${TARGET_MS} ms\n` +
      `  merge per call (ours): p95 ${fmt(merge.merge.p95)} µs = ${fmt(mergeP95Ms, 4)} ms: ${mergeP95Ms < TARGET_MS ? 'PASS' : 'MISS'}\n` +
      `  through the API (information): p50 ${fmt(http.all.p50)} ms, p95 ${fmt(http.all.p95)} ms ` +
      `(${http.all.p95 < TARGET_MS ? 'under' : 'over'} ${TARGET_MS} ms); the merge + mask is ` +
      `${fmt((100 * merge.mergeAndMask.p50) / 1000 / http.all.p50, 2)}% of the API's p50, the rest is HTTP, auth, ` +
      'MariaDB reads and serialisation',
  );
});
