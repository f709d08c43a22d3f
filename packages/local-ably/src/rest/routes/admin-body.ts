import { AblyError, ErrorCode } from '../../protocol/errors.js';
import { isRecord } from '../../protocol/validate.js';

/** Admin API paths live under this prefix, on the same port as the Ably endpoints. */
export const ADMIN_PREFIX = '/local-ably';

/**
 * Reads an admin request body, failing with 400 and an example of what to send (`shape`), so the message says how to
 * fix the request. An absent body counts as `{}` so requests whose fields are all optional need none.
 */
export class AdminBody {
  private readonly fields: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly shape: string,
  ) {
    if (body === undefined) {
      this.fields = {};
    } else if (isRecord(body)) {
      this.fields = body;
    } else {
      throw this.invalid(`the body must be a JSON object, got ${describe(body)}`);
    }
  }

  string(name: string): string {
    const value = this.fields[name];
    if (typeof value !== 'string' || value.length === 0) {
      throw this.invalid(`"${name}" must be a non-empty string, got ${describe(value)}`);
    }
    return value;
  }

  number(name: string, options: { min?: number; max?: number; integer?: boolean } = {}): number {
    const value = this.optionalNumber(name, options);
    if (value === undefined) throw this.invalid(`"${name}" is required`);
    return value;
  }

  optionalNumber(name: string, options: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const value = this.fields[name];
    if (value === undefined) return undefined;
    const { min = 0, max = Number.MAX_SAFE_INTEGER, integer = true } = options;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (integer && !Number.isInteger(value)) ||
      value < min ||
      value > max
    ) {
      const kind = integer ? 'a whole number' : 'a number';
      throw this.invalid(`"${name}" must be ${kind} from ${min} to ${max}, got ${describe(value)}`);
    }
    return value;
  }

  boolean(name: string): boolean {
    const value = this.optionalBoolean(name);
    if (value === undefined) throw this.invalid(`"${name}" is required (true or false)`);
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.fields[name];
    if (value === undefined || typeof value === 'boolean') return value;
    throw this.invalid(`"${name}" must be true or false, got ${describe(value)}`);
  }

  private invalid(problem: string): AblyError {
    return new AblyError(ErrorCode.InvalidParameterValue, 400, `Invalid request body: ${problem}. Send ${this.shape}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
