/** What a failed test's message gains (see support/environment.mjs): each reporter says what it saw, given the test's name. */
export type FailureReporter = (title: string) => Promise<string> | string;

/** Registers a reporter for the tests of this file; the returned function removes it. */
export function addFailureReporter(reporter: FailureReporter): () => void {
  const reporters = ((globalThis as { __orbitFailureReporters?: FailureReporter[] }).__orbitFailureReporters ??= []);
  reporters.push(reporter);
  return () => {
    const at = reporters.indexOf(reporter);
    if (at >= 0) reporters.splice(at, 1);
  };
}
