/** Where the sign-in page sends the reader back to, and drafts of what they were typing when the session ended. */
export function signInPath(next = window.location.pathname + window.location.search): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Only paths on this origin: `next` never sends the reader elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

// Drafts live in sessionStorage (this tab only, gone when it closes); they hold what the person typed, no token.
const DRAFT_PREFIX = 'samverkan.draft:';

export function saveDraft(key: string, value: unknown): void {
  window.sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
}

export function readDraft<T>(key: string): T | undefined {
  const raw = window.sessionStorage.getItem(DRAFT_PREFIX + key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string): void {
  window.sessionStorage.removeItem(DRAFT_PREFIX + key);
}
