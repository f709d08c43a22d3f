import { timingSafeEqual } from 'node:crypto';

export interface ApiKey {
  /** `appId.keyId` */
  name: string;
  secret: string;
}

export function parseKey(key: string): ApiKey {
  const colon = key.indexOf(':');
  const name = colon > 0 ? key.slice(0, colon) : '';
  const secret = colon > 0 ? key.slice(colon + 1) : '';
  if (!/^[^.:\s]+\.[^.:\s]+$/.test(name) || secret.length === 0) {
    throw new TypeError(`local-ably: key "${key}" is not of the form appId.keyId:secret`);
  }
  return { name, secret };
}

/** The configured keys, looked up by name. */
export class KeyStore {
  private readonly byName = new Map<string, ApiKey>();

  constructor(keys: readonly string[]) {
    for (const key of keys) {
      const parsed = parseKey(key);
      this.byName.set(parsed.name, parsed);
    }
  }

  get(name: string): ApiKey | undefined {
    return this.byName.get(name);
  }

  /** Checks a full `keyName:secret` string in constant time per key. */
  verify(full: string): ApiKey | undefined {
    const colon = full.indexOf(':');
    if (colon <= 0) return undefined;
    const key = this.byName.get(full.slice(0, colon));
    if (!key) return undefined;
    const given = Buffer.from(full.slice(colon + 1));
    const expected = Buffer.from(key.secret);
    return given.length === expected.length && timingSafeEqual(given, expected) ? key : undefined;
  }

  first(): ApiKey {
    const [key] = this.byName.values();
    if (!key) throw new Error('local-ably: no keys configured');
    return key;
  }
}
