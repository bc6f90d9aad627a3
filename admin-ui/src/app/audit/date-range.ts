/** `<input type="date">` values (`YYYY-MM-DD`, the user's local calendar day) as the API's ISO instants. */

export function startOfDayIso(day: string): string {
  return localDay(day, 0).toISOString();
}

/** The last millisecond of the day, so that `to` includes events on that day. */
export function endOfDayIso(day: string): string {
  return new Date(localDay(day, 1).getTime() - 1).toISOString();
}

function localDay(day: string, offsetDays: number): Date {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays);
}
