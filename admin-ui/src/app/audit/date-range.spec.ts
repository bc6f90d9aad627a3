import { endOfDayIso, startOfDayIso } from './date-range';

describe('audit date range', () => {
  it('covers the whole local day, start to end', () => {
    const start = new Date(startOfDayIso('2026-03-01'));
    const end = new Date(endOfDayIso('2026-03-01'));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([
      2026, 2, 1, 0, 0,
    ]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([
      1, 23, 59, 59, 999,
    ]);
  });

  it('rolls over the end of a month', () => {
    expect(new Date(endOfDayIso('2026-02-28')).getTime() + 1).toBe(new Date(2026, 2, 1).getTime());
  });
});
