// The browser tests' Jest environment: Node's, plus a report on every failed test. A CI log is often all there is
// to go on, so a failure's message gains what the browser showed at that moment (address, visible text, the last
// API answers and console errors), a screenshot under artifacts/screenshots/failures/, and the stack's last warnings
// and errors. The reporters are registered from the test side (support/failure-report.ts).
// Plain JavaScript: Jest loads test environments without the TypeScript transform.
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { TestEnvironment } from 'jest-environment-node';

const REPORT_TIMEOUT_MS = 10_000;

export default class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const reporters = this.global.__orbitFailureReporters;
    if (!Array.isArray(reporters) || reporters.length === 0) return;
    const title = event.test ? testPath(event.test) : `${event.hook?.type ?? 'hook'} hook`;
    const parts = await Promise.all(reporters.map((report) => withDeadline(() => report(title))));
    const text = `\n\n--- what the browser showed ---\n${parts.join('\n')}`;
    const error = event.error;
    if (error && typeof error === 'object') {
      try {
        error.message = `${error.message}${text}`;
        if (typeof error.stack === 'string') error.stack = `${error.stack}${text}`;
      } catch {
        process.stderr.write(text);
      }
    } else {
      process.stderr.write(text);
    }
  }
}

/** What one reporter says, or why it said nothing: it threw, or did not answer within REPORT_TIMEOUT_MS. */
async function withDeadline(report) {
  let timer;
  const late = new Promise((done) => {
    timer = setTimeout(() => done('(no report: the browser did not answer in time)'), REPORT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(report)
        .catch((err) => `(no report: ${err instanceof Error ? err.message : err})`),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function testPath(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}
