/** mulberry32: tiny, fast, and the same sequence for the same seed, so a fuzz failure reproduces from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed a fuzz test runs with: fixed by default, so CI runs the same cases every time and a red build is
 * reproducible; set the environment variable (e.g. FUZZ_SEED=123) to explore other cases locally.
 */
export function fuzzSeed(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new TypeError(`${variable} must be an integer, got "${raw}"`);
  return seed;
}
