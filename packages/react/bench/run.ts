/**
 * `pnpm bench`: `@presence-kit/react`'s `usePresenceListener` against `@ably/chat/react`'s, side by side, in headless
 * Debian Chromium, both driven by the real SDKs against local-ably. Prints numbers; it is not a test.
 *
 *   pnpm bench            all cases; writes docs/bench/react.json and the section in docs/benchmarks.md
 *   pnpm bench --quick    100 and 1,000 members × 100 events (under two minutes); prints only, unless --write
 *   --cap=<seconds>       longest wait for one run's final state (default 300)
 *   --load-cap=<seconds>  longest wait for the list to show the N members from the attach SYNC (default 120)
 *   --live-load-cap=<seconds>  the same when a side that could not load the SYNC is retried with the members entered
 *                         after mounting (default 900: @ably/chat/react copies the whole set per event, so 10,000
 *                         members cost it O(N²))
 *   --cpu-profile=<dir>   also write a V8 CPU profile of the page for each burst (open in Chrome DevTools)
 *   --trace=<dir>         also write a Chromium trace of each burst (tasks, frames, style, layout, paint, thread times)
 *   --only=<case>         run only the cases with m members and e events (`1000x1000`), or one (`1000x1000-task`)
 *   --report-only         rewrite the docs from docs/bench/react.json without measuring
 *   --pace-ms=<ms>        wait this long between burst frames instead of sending them back to back (prints only)
 *   --paced               events one per frame (--pace-ms, default 16) at 1,000 and 10,000 members × 1,000 events:
 *                         event-to-paint latency of A, A hooks only, B (1,000 only) and the floor; writes its section
 *   --online-list         <OnlineList/> at 10,000 members: mount, a scripted scroll, heap beside the floor's; writes
 *   --our-list=plain      feed side A's hooks-only list the whole member array, exactly as side B's (prints only); the default,
 *                         `selective`, selects keys for the list and one member per row, as the kit documents
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLocalAbly } from '@presence-kit/local-ably';
import { launchChromium } from '@presence-kit/test-support/chromium';
import { type BenchCase, benchCases, caseId } from './cases.js';
import { type MeasureEnv, measureSide, type SideResult } from './measure.js';
import { measureOnlineList10k } from './online-list-10k.js';
import type { OurList, Side } from './page/bench-api.js';
import { bundlePage, servePage } from './page-server.js';
import {
  type CaseResult,
  caseResult,
  checkTargets,
  deliveryLabel,
  type Machine,
  markdownSection,
  replaceSection,
  SECTION_HEADING,
} from './report.js';
import type { PacedResult, ReportExtras } from './report-extras.js';
import { READING_HEADING, readingSection } from './report-reading.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Side C (`@ably/chat-react-ui-kit`) runs in the 1,000-member rows only, as issue #11 asks. */
const UI_KIT_MEMBERS = 1_000;
interface Args {
  quick: boolean;
  write: boolean;
  capSeconds: number;
  loadCapSeconds: number;
  liveLoadCapSeconds: number;
  profileDir: string | undefined;
  traceDir: string | undefined;
  only: string | undefined;
  paceMs: number;
  ourList: OurList;
  paced: boolean;
  onlineList: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const quick = argv.includes('--quick');
  const cap = argv.find((arg) => arg.startsWith('--cap='));
  const capSeconds = cap ? Number(cap.slice('--cap='.length)) : 300;
  if (!Number.isFinite(capSeconds) || capSeconds <= 0) {
    throw new Error(`bench: --cap must be a positive number of seconds, got "${cap}"`);
  }
  const loadCapSeconds = Number(flagValue(argv, '--load-cap') ?? 120);
  if (!Number.isFinite(loadCapSeconds) || loadCapSeconds <= 0) {
    throw new Error('bench: --load-cap must be a positive number of seconds');
  }
  const liveLoadCapSeconds = Number(flagValue(argv, '--live-load-cap') ?? 900);
  if (!Number.isFinite(liveLoadCapSeconds) || liveLoadCapSeconds <= 0) {
    throw new Error('bench: --live-load-cap must be a positive number of seconds');
  }
  const profileDir = flagValue(argv, '--cpu-profile');
  const traceDir = flagValue(argv, '--trace');
  const only = flagValue(argv, '--only');
  // A partial run must not replace the full table.
  const write = (!quick && !only) || argv.includes('--write');
  const paceMs = Number(flagValue(argv, '--pace-ms') ?? 0);
  if (!Number.isFinite(paceMs) || paceMs < 0) throw new Error('bench: --pace-ms must be a non-negative number');
  const ourList = (flagValue(argv, '--our-list') ?? 'selective') as OurList;
  if (ourList !== 'selective' && ourList !== 'plain') throw new Error('bench: --our-list must be selective or plain');
  const paced = argv.includes('--paced');
  const onlineList = argv.includes('--online-list');
  return {
    paced,
    onlineList,
    quick,
    write: write && paceMs === 0 && ourList === 'selective',
    capSeconds,
    loadCapSeconds,
    liveLoadCapSeconds,
    profileDir,
    traceDir,
    only,
    paceMs,
    ourList,
  };
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  return argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) return rewriteReport();
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = loadavg()[0] ?? 0;
  const started = performance.now();
  const server = await startLocalAbly({ port: 0 });
  const page = await servePage(await bundlePage());
  const browser = await launchChromium();
  const results: CaseResult[] = [];
  try {
    if (args.profileDir) mkdirSync(args.profileDir, { recursive: true });
    if (args.traceDir) mkdirSync(args.traceDir, { recursive: true });
    const env: MeasureEnv = {
      browser,
      server,
      pageUrl: page.url,
      capMs: args.capSeconds * 1000,
      loadCapMs: args.loadCapSeconds * 1000,
      liveLoadCapMs: args.liveLoadCapSeconds * 1000,
      tag: '',
      profileDir: args.profileDir,
      traceDir: args.traceDir,
      paceMs: args.paceMs,
      ourList: args.ourList,
    };
    console.log(
      `bench: Chromium ${browser.version()}, local-ably on port ${server.port}, load ${loadAtStart.toFixed(2)}`,
    );

    const warmUp = { members: 100, events: 100, delivery: 'task' as const };
    env.tag = 'warmup';
    await measureSide(env, warmUp, 'online-list');
    await measureSide(env, warmUp, 'ours');
    await measureSide(env, warmUp, 'ably-chat');
    await measureSide(env, warmUp, 'ui-kit');
    await measureSide(env, warmUp, 'sdk-only');

    if (args.paced || args.onlineList) {
      const extras: ReportExtras = {};
      if (args.paced) extras.paced = await runPaced(env, args.paceMs > 0 ? args.paceMs : 16);
      if (args.onlineList) {
        env.tag = 'list';
        const loadAverage = loadavg()[0] ?? 0;
        const list = await measureOnlineList10k(env, 10_000);
        console.log(JSON.stringify(list, null, 2));
        extras.onlineList10k = { ...list, loadAverage, date: new Date().toISOString().slice(0, 10) };
      }
      mergeExtras(extras);
      return;
    }

    const cases = benchCases(args.quick).filter(
      (c) => args.only === undefined || `${c.members}x${c.events}` === args.only || caseId(c) === args.only,
    );
    const machine = (): Machine => ({
      date: new Date().toISOString().slice(0, 10),
      nproc: availableParallelism(),
      cpuModel: cpuModel(),
      memoryGiB: totalmem() / 2 ** 30,
      chromium: browser.version(),
      node: process.version,
      versions: {
        react: packageVersion('react'),
        'react-dom': packageVersion('react-dom'),
        ably: packageVersion('ably'),
        '@ably/chat': packageVersion('@ably/chat'),
      },
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      capSeconds: args.capSeconds,
      quick: args.quick,
    });
    for (const [index, benchCase] of cases.entries()) {
      env.tag = `r${index}`;
      const loadAtCase = loadavg()[0] ?? 0;
      const label = `${benchCase.members} members × ${benchCase.events} events, ${deliveryLabel(benchCase.delivery)}`;
      const ours = await measureWithFallback(env, benchCase, 'online-list');
      console.log(`  ${label}: A ${describe(ours)}`);
      const hooksOnly = await measureWithFallback(env, benchCase, 'ours');
      console.log(`  ${' '.repeat(label.length)}  A hooks only ${describe(hooksOnly)}`);
      const ablyChat = await measureWithFallback(env, benchCase, 'ably-chat');
      console.log(`  ${' '.repeat(label.length)}  B ${describe(ablyChat)}`);
      const uiKit =
        benchCase.members === UI_KIT_MEMBERS ? await measureWithFallback(env, benchCase, 'ui-kit') : undefined;
      if (uiKit) console.log(`  ${' '.repeat(label.length)}  C ${describe(uiKit)}`);
      const sdkOnly = await measureWithFallback(env, benchCase, 'sdk-only');
      console.log(`  ${' '.repeat(label.length)}  floor ${describe(sdkOnly)}`);
      const result = { ...caseResult(benchCase, ours, ablyChat, sdkOnly, hooksOnly, uiKit), loadAverage: loadAtCase };
      const ratio =
        result.ratio === null ? 'n/a' : `${result.ratioIsLowerBound ? '> ' : ''}${result.ratio.toFixed(1)}×`;
      console.log(`  ${' '.repeat(label.length)}  B/A ${ratio}`);
      results.push(result);
      // Each finished case is saved at once (beside the saved rows), so a run that fails later keeps what it measured.
      if (args.write && index < cases.length - 1) {
        const merged = mergeRows(results);
        writeOutputs(machine(), merged, checkTargets(merged), '');
      }
    }

    const checks = checkTargets(results);
    const section = markdownSection(machine(), results, checks);
    console.log(`\n${section}`);
    if (args.write) {
      // A partial run (--only … --write) replaces its own rows and keeps the others from docs/bench/react.json.
      const merged = args.only ? mergeRows(results) : results;
      writeOutputs(machine(), merged, checkTargets(merged), section);
    }
    console.log(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await page.close();
    await server.close();
  }
}

/**
 * Sides that could not load N members from the attach SYNC earlier in this run (`side@N`). @ably/chat/react cannot
 * load 10,000 (the renderer runs out of memory after 45 s to 5 min), so it is tried once per run, not once per case.
 */
const syncFailures = new Map<string, NonNullable<SideResult['firstAttempt']>>();

/**
 * Measures a side; if it cannot load the populated room from the attach SYNC (it crashed or ran out of time), measures
 * its burst again with the members entered after mounting, and keeps the first attempt's outcome for the load table.
 */
async function measureWithFallback(env: MeasureEnv, benchCase: BenchCase, side: Side): Promise<SideResult> {
  const key = `${side}@${benchCase.members}`;
  let firstAttempt = syncFailures.get(key);
  if (firstAttempt) {
    console.log(
      `    ${side}: could not load ${benchCase.members} members from the SYNC earlier in this run; entering them after mounting`,
    );
  } else {
    const first = await measureSide(env, benchCase, side);
    if (first.loaded) return first;
    firstAttempt = { loadMs: first.loadMs, failure: first.failure };
    syncFailures.set(key, { ...firstAttempt, earlierCase: caseId(benchCase) });
    console.log(`    ${side}: ${first.failure}; measuring the burst again with the members entered after mounting`);
  }
  const retry = await measureSide(env, benchCase, side, 'live');
  return { ...retry, firstAttempt };
}

function describe(side: SideResult): string {
  if (side.failure !== null) return `${side.failure} (after ${(side.loadMs / 1000).toFixed(0)} s of loading)`;
  const p50 = side.latencyP50Ms === null ? '–' : side.latencyP50Ms.toFixed(0);
  const p95 = side.latencyP95Ms === null ? '–' : side.latencyP95Ms.toFixed(0);
  return (
    `${side.timedOut ? '> ' : ''}${side.mainThreadMs.toFixed(0)} ms main thread${side.timedOut ? ' (timed out)' : ''} ` +
    `(script ${side.scriptMs.toFixed(0)}, layout ${side.layoutMs.toFixed(0)}, style ${side.styleMs.toFixed(0)}), ` +
    `CPU time ${side.mainThreadCpuMs?.toFixed(0) ?? '–'} (script ${side.scriptCpuMs?.toFixed(0) ?? '–'}), ` +
    `${side.wallMs.toFixed(0)} ms wall, ${side.population === 'live' ? 'members entered after mount, ' : ''}load ${side.loadMs.toFixed(0)} ms, ${side.commits} commits / ${side.frames} frames, latency p50 ${p50} p95 ${p95} ms ` +
    `(${side.latencySamples} samples), ${side.done}/${side.target} final`
  );
}

function writeOutputs(
  machine: Machine,
  results: readonly CaseResult[],
  checks: ReturnType<typeof checkTargets>,
  section: string,
): void {
  mkdirSync(`${ROOT}docs/bench`, { recursive: true });
  const extras = savedExtras();
  writeFileSync(
    `${ROOT}docs/bench/react.json`,
    `${JSON.stringify({ machine, results, targets: checks, ...extras }, null, 2)}\n`,
  );
  // Read right before writing: other sections of this file belong to other benches.
  const docPath = `${ROOT}docs/benchmarks.md`;
  const existing = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  const withTables = replaceSection(existing, markdownSection(machine, results, checks, extras));
  writeFileSync(docPath, replaceSection(withTables, readingSection(machine, results, extras), READING_HEADING));
  void section;
  console.log(
    `bench: wrote docs/bench/react.json and the "${SECTION_HEADING.slice(3)}" and "${READING_HEADING.slice(3)}" ` +
      'sections of docs/benchmarks.md',
  );
}

/** The paced cases: 1,000 events, one per frame, at 1,000 and 10,000 members, each side in the same run. */
async function runPaced(env: MeasureEnv, paceMs: number): Promise<PacedResult[]> {
  const paced: PacedResult[] = [];
  env.paceMs = paceMs;
  for (const members of [1_000, 10_000]) {
    const benchCase: BenchCase = { members, events: 1_000, delivery: 'task' };
    env.tag = `paced${members}`;
    const loadAverage = loadavg()[0] ?? 0;
    const onlineList = await measureWithFallback(env, benchCase, 'online-list');
    console.log(`  paced ${members}: A ${describe(onlineList)}`);
    const hooksOnly = await measureWithFallback(env, benchCase, 'ours');
    console.log(`  paced ${members}: A hooks only ${describe(hooksOnly)}`);
    const ablyChat = members <= 1_000 ? await measureWithFallback(env, benchCase, 'ably-chat') : undefined;
    if (ablyChat) console.log(`  paced ${members}: B ${describe(ablyChat)}`);
    const uiKit = members === UI_KIT_MEMBERS ? await measureWithFallback(env, benchCase, 'ui-kit') : undefined;
    if (uiKit) console.log(`  paced ${members}: C ${describe(uiKit)}`);
    const sdkOnly = await measureWithFallback(env, benchCase, 'sdk-only');
    console.log(`  paced ${members}: floor ${describe(sdkOnly)}`);
    paced.push({
      members,
      events: 1_000,
      paceMs,
      loadAverage,
      date: new Date().toISOString().slice(0, 10),
      onlineList,
      hooksOnly,
      sdkOnly,
      ...(ablyChat ? { ablyChat } : {}),
      ...(uiKit ? { uiKit } : {}),
    });
  }
  env.paceMs = 0;
  return paced;
}

/** Saved rows with this run's rows in their place (by case id), in the saved order. */
function mergeRows(results: readonly CaseResult[]): CaseResult[] {
  const path = `${ROOT}docs/bench/react.json`;
  if (!existsSync(path)) return [...results];
  const saved = (JSON.parse(readFileSync(path, 'utf8')) as { results: CaseResult[] }).results;
  const fresh = new Map(results.map((r) => [r.id, r]));
  const merged = saved.map((r) => fresh.get(r.id) ?? r);
  for (const r of results) if (!saved.some((s) => s.id === r.id)) merged.push(r);
  return merged;
}

/** The paced and OnlineList sections kept in docs/bench/react.json beside the main table. */
function savedExtras(): ReportExtras {
  const path = `${ROOT}docs/bench/react.json`;
  if (!existsSync(path)) return {};
  const saved = JSON.parse(readFileSync(path, 'utf8')) as ReportExtras;
  return {
    ...(saved.paced ? { paced: saved.paced } : {}),
    ...(saved.onlineList10k ? { onlineList10k: saved.onlineList10k } : {}),
  };
}

/** Stores new paced / OnlineList figures in docs/bench/react.json and re-renders the section. */
function mergeExtras(extras: ReportExtras): void {
  const path = `${ROOT}docs/bench/react.json`;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { machine: Machine; results: CaseResult[] } & ReportExtras;
  writeFileSync(path, `${JSON.stringify({ ...saved, ...extras }, null, 2)}\n`);
  rewriteReport();
}

/** Re-renders the markdown section from docs/bench/react.json (after editing the report code), without measuring. */
function rewriteReport(): void {
  const saved = JSON.parse(readFileSync(`${ROOT}docs/bench/react.json`, 'utf8')) as {
    machine: Machine;
    results: CaseResult[];
  };
  const checks = checkTargets(saved.results);
  const section = markdownSection(saved.machine, saved.results, checks);
  writeOutputs(saved.machine, saved.results, checks, section);
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(`${PACKAGE_ROOT}node_modules/${name}/package.json`, 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
