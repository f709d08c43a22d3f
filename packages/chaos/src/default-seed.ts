/** The fixed seed CI uses (and the one that found the bugs in the chaos regression tests); CHAOS_SEED overrides it. */
export const DEFAULT_SEED = 20261130;
