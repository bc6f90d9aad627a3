export type QueryValue = string | number | boolean | null | undefined;

/**
 * Appends a query string built from the defined, non-empty values. URLSearchParams is used rather than HttpParams
 * because HttpParams leaves `+` unencoded, which servers read as a space (`alice+ops@example.com`).
 */
export function withQuery(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
