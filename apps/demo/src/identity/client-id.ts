const STORAGE_KEY = 'presence-kit-demo:client-id';

/**
 * This browser profile's clientId: one per person, kept in localStorage, so two tabs are one person with two
 * connections (the kit counts them once as people, twice as connections). Falls back to a per-page id when storage is
 * unavailable (private modes).
 */
export function browserClientId(): string {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && /^user-[a-z0-9]{8,32}$/.test(stored)) return stored;
    const created = newClientId();
    localStorage.setItem(STORAGE_KEY, created);
    return created;
  } catch {
    return newClientId();
  }
}

function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `user-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
