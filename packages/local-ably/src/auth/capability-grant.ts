import { AblyError, ErrorCode } from '../protocol/errors.js';
import { Capability, type CapabilitySpec, canonicalCapability, matchResource } from './capability.js';

/** Parses a capability JSON string (as TokenRequests and JWTs carry it), with a 40000-series error that says what is wrong. */
export function parseCapability(text: string, where: string): CapabilitySpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AblyError(ErrorCode.BadRequest, 400, `${where}: capability is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AblyError(
      ErrorCode.BadRequest,
      400,
      `${where}: capability must be a JSON object of resource → operations`,
    );
  }
  const spec: Record<string, string[]> = {};
  for (const [resource, ops] of Object.entries(value)) {
    if (!Array.isArray(ops) || !ops.every((op) => typeof op === 'string')) {
      throw new AblyError(
        ErrorCode.BadRequest,
        400,
        `${where}: capability for "${resource}" must be an array of operation names`,
      );
    }
    spec[resource] = ops;
  }
  return spec;
}

/**
 * What a token may do: the intersection of the requested capability and the key's (Ably's rule). Resources meet at
 * the narrower pattern (`*` ∩ `lobby` = `lobby`); operations meet as sets, with `*` standing for all.
 */
export function grantCapability(requested: CapabilitySpec | undefined, key: Capability): Capability {
  if (!requested) return key;
  const granted = new Map<string, Set<string>>();
  for (const [wanted, wantedOps] of Object.entries(requested)) {
    for (const [allowed, allowedOps] of Object.entries(key.spec)) {
      const resource = narrower(wanted, allowed);
      if (resource === undefined) continue;
      const ops = intersectOps(wantedOps, allowedOps);
      if (ops.length === 0) continue;
      const set = granted.get(resource) ?? new Set<string>();
      for (const op of ops) set.add(op);
      granted.set(resource, set);
    }
  }
  if (granted.size === 0) {
    throw new AblyError(
      ErrorCode.OperationNotPermitted,
      401,
      `Requested capability ${canonicalCapability(requested)} shares nothing with the key's capability ${key.toJSON()}`,
    );
  }
  return new Capability(Object.fromEntries([...granted].map(([resource, ops]) => [resource, [...ops]])));
}

/** The narrower of two resource patterns when one covers the other, else undefined (they do not overlap that we can tell). */
function narrower(a: string, b: string): string | undefined {
  if (a === b || covers(b, a)) return a;
  if (covers(a, b)) return b;
  return undefined;
}

const CHAT_QUALIFIER = '[chat]';

/**
 * Whether `resource` covers what `pattern` names. `[chat]room` names the channel `room::$chat`, so a key limited to
 * `*` can still issue the `{"[chat]*":["*"]}` tokens the chat docs recommend.
 */
function covers(resource: string, pattern: string): boolean {
  if (matchResource(resource, pattern)) return true;
  return (
    pattern.startsWith(CHAT_QUALIFIER) && matchResource(resource, `${pattern.slice(CHAT_QUALIFIER.length)}::$chat`)
  );
}

function intersectOps(a: readonly string[], b: readonly string[]): string[] {
  if (a.includes('*')) return [...b];
  if (b.includes('*')) return [...a];
  return a.filter((op) => b.includes(op));
}
