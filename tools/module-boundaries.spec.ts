import { ESLint } from 'eslint';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Guards the lint set-up itself: if the import resolver or the boundary policies stop working, imports across
// projects would pass lint silently (as they did before the TypeScript resolver was configured).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } } });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('forbids the console from importing backend code', async () => {
    const errors = await boundaryErrors(
      'admin-ui/src/app/app.ts',
      "import { loadConfig } from '../../../backend/src/config/env.schema.js';\nexport const x = loadConfig;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('elements of type "backend" are not allowed in elements of type "admin-ui"'),
    ]);
  });

  it('forbids the console from importing the satellite package', async () => {
    const errors = await boundaryErrors('admin-ui/src/app/app.ts', "import '@orbit/satellite';\n");
    expect(errors).toEqual([
      expect.stringContaining('The console talks to the backend over HTTP only'),
      expect.stringContaining('elements of type "satellite" are not allowed in elements of type "admin-ui"'),
    ]);
  });

  it('forbids contracts from importing backend, satellite or Node-only modules', async () => {
    const code =
      "import { createApp } from '../../../backend/src/app.factory.js';\nimport { readFileSync } from 'node:fs';\nexport const x = [createApp, readFileSync];\n";
    const errors = await boundaryErrors('libs/contracts/src/index.ts', code);
    expect(errors).toEqual([
      expect.stringContaining('elements of type "backend" are not allowed in elements of type "contracts"'),
      expect.stringContaining('no server or framework imports'),
    ]);
  });

  it('lets every project import the contracts', async () => {
    expect(
      await boundaryErrors(
        'admin-ui/src/app/app.ts',
        "import { PERMISSIONS } from '@orbit/contracts';\nexport const x = PERMISSIONS;\n",
      ),
    ).toEqual([]);
  });
});
