// The two Go template behaviours the chart's rendering depends on: truthiness, and how a value prints.

/** Go template truthiness: false, 0, "", nil and empty collections are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The text the chart writes for a value (`quote` of Go's formatting; lists joined by spaces). */
export function renderText(value: unknown): string {
  if (Array.isArray(value)) return value.map(renderText).join(' ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
