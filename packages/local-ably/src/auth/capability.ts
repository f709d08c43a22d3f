/** An Ably capability: resource pattern → operations. `{"*":["*"]}` allows everything on normal channels. */
export type CapabilitySpec = Record<string, readonly string[]>;

export const FULL_CAPABILITY: CapabilitySpec = Object.freeze({ '[*]*': Object.freeze(['*']) });

const CHAT_SUFFIX = '::$chat';

/**
 * Answers "may this principal do `operation` on `channel`?" with Ably's resource matching rules:
 * exact names, `*` for any unqualified channel, `ns:*` for a namespace at any depth, `[qualifier]*`,
 * `[*]*` for everything, and chat rooms matched by room name and by `[chat]`-qualified resources.
 */
export class Capability {
  private readonly entries: ReadonlyArray<readonly [string, ReadonlySet<string>]>;

  constructor(readonly spec: CapabilitySpec) {
    this.entries = Object.entries(spec).map(([resource, ops]) => [resource, new Set(ops)] as const);
  }

  static full(): Capability {
    return new Capability(FULL_CAPABILITY);
  }

  allows(channel: string, operation: string): boolean {
    const names = candidateNames(channel);
    for (const [resource, ops] of this.entries) {
      if (!ops.has('*') && !ops.has(operation)) continue;
      if (names.some((name) => matchResource(resource, name))) return true;
    }
    return false;
  }

  /** Whether the principal has any operation at all on the channel (needed to attach). */
  allowsAny(channel: string): boolean {
    const names = candidateNames(channel);
    return this.entries.some(([resource, ops]) => ops.size > 0 && names.some((name) => matchResource(resource, name)));
  }

  toJSON(): string {
    return canonicalCapability(this.spec);
  }
}

/** Chat rooms can be granted by room name (`room`) or with the `[chat]` qualifier (`[chat]room`, `[chat]*`). */
function candidateNames(channel: string): string[] {
  if (!channel.endsWith(CHAT_SUFFIX)) return [channel];
  const room = channel.slice(0, -CHAT_SUFFIX.length);
  return [channel, room, `[chat]${room}`];
}

export function matchResource(resource: string, name: string): boolean {
  if (resource === name) return true;
  if (resource === '[*]*') return true;
  const qualifier = /^\[[^\]]*\]/.exec(name)?.[0] ?? '';
  const resourceQualifier = /^\[[^\]]*\]/.exec(resource)?.[0] ?? '';
  if (qualifier !== resourceQualifier && resourceQualifier !== '[*]') return false;
  const bareName = name.slice(qualifier.length);
  const bareResource = resource.slice(resourceQualifier.length);
  if (bareResource === '*') return true;
  if (bareResource.endsWith(':*')) return bareName.startsWith(bareResource.slice(0, -1));
  if (bareResource.includes(':*:')) {
    const pattern = new RegExp(`^${bareResource.split(':*:').map(escapeRegExp).join(':[^:]+:')}$`);
    return pattern.test(bareName);
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ably's canonical capability string: resources sorted, operations sorted. */
export function canonicalCapability(spec: CapabilitySpec): string {
  const sorted: Record<string, string[]> = {};
  for (const resource of Object.keys(spec).sort()) sorted[resource] = [...(spec[resource] ?? [])].sort();
  return JSON.stringify(sorted);
}
