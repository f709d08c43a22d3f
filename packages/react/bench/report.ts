/** Turns bench results into the JSON file and the "## React presence hooks vs @ably/chat/react" section. */
import { type BenchCase, caseId } from './cases.js';
import type { SideResult } from './measure.js';
import { extrasChecks, extrasMarkdown, type ReportExtras } from './report-extras.js';
import { percentile } from './stats.js';

export const SECTION_HEADING = '## React presence hooks vs @ably/chat/react';

/** The machine and versions a table was measured with. */
export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  chromium: string;
  node: string;
  versions: Record<string, string>;
  /** 1-minute load average when the bench started and ended: the machine is shared. */
  loadAverage: { start: number; end: number };
  capSeconds: number;
  quick: boolean;
}

/** One row of the table: both sides and the floor for one case. */
export interface CaseResult extends BenchCase {
  id: string;
  /** Side A: `<OnlineList/>` from `@presence-kit/react-ui` (before issue #11, the hooks-only list). */
  ours: SideResult;
  /** The hooks-only list (`usePersonIds` + `usePerson` per row), the second "ours" row; absent in older runs. */
  hooksOnly?: SideResult;
  ablyChat: SideResult;
  /** Side C: `@ably/chat-react-ui-kit`'s `<ParticipantList/>` over `@ably/chat/react` (1,000-member rows only). */
  uiKit?: SideResult;
  /** The SDKs alone (no React, no DOM): the floor under both sides. */
  sdkOnly: SideResult;
  /**
   * `ablyChat.mainThreadMs / ours.mainThreadMs`; a lower bound when @ably/chat/react timed out; `null` when a side
   * never showed the populated list, so no burst was measured.
   */
  ratio: number | null;
  ratioIsLowerBound: boolean;
  /** The same ratio above the floor: what each hook and its list add to the SDKs' own work. */
  aboveFloorRatio: number | null;
  /** 1-minute load average when the case started (absent before 2026-11-30): rows may come from different runs. */
  loadAverage?: number;
}

/** One of the issue's targets, and whether this run met it. */
export interface TargetCheck {
  name: string;
  required: string;
  measured: string;
  met: boolean;
  /** By how much it was met or missed, e.g. "2.7× the target" or "over by 0.91 (70 %)". */
  margin?: string;
}

/** Pairs both sides' results for one case with the floor, and computes the ratios. */
export function caseResult(
  benchCase: BenchCase,
  ours: SideResult,
  ablyChat: SideResult,
  sdkOnly: SideResult,
  hooksOnly?: SideResult,
  uiKit?: SideResult,
): CaseResult {
  const oursAbove = ours.mainThreadMs - sdkOnly.mainThreadMs;
  const theirsAbove = ablyChat.mainThreadMs - sdkOnly.mainThreadMs;
  const measured = ours.failure === null && ablyChat.failure === null;
  return {
    ...benchCase,
    id: caseId(benchCase),
    ours,
    ...(hooksOnly ? { hooksOnly } : {}),
    ablyChat,
    ...(uiKit ? { uiKit } : {}),
    sdkOnly,
    ratio: measured ? ablyChat.mainThreadMs / ours.mainThreadMs : null,
    ratioIsLowerBound: ablyChat.timedOut && !ours.timedOut,
    // Below a few ms the difference is noise, and a ratio of noise means nothing.
    aboveFloorRatio: measured && oursAbove >= 5 && !sdkOnly.timedOut ? theirsAbove / oursAbove : null,
  };
}

/**
 * Issue #11's targets for the main table: B / A ≥ 20× at 1,000 × 1,000 with 100 per frame and ≥ 50× at 10,000 × 1,000
 * in both deliveries, A / floor ≤ 1.3 wherever there are 1,000 or 10,000 members, at most one commit per frame for A.
 */
export function checkTargets(results: readonly CaseResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ratioTargets = [
    { members: 1_000, delivery: 'frame', required: 20 },
    { members: 10_000, delivery: 'task', required: 50 },
    { members: 10_000, delivery: 'frame', required: 50 },
  ] as const;
  for (const { members, delivery, required } of ratioTargets) {
    for (const result of results.filter(
      (r) => r.members === members && r.events === 1_000 && r.delivery === delivery,
    )) {
      const measured = !result.ours.timedOut && result.ratio !== null;
      checks.push({
        name: `B / A main thread, ${fmtInt(members)} × 1,000, ${deliveryLabel(result.delivery)}`,
        required: `≥ ${required}×`,
        measured: ratioText(result),
        met: measured && result.ratio !== null && result.ratio >= required,
        ...(measured && result.ratio !== null ? { margin: atLeastMargin(result.ratio, required) } : {}),
      });
    }
  }
  for (const result of results.filter((r) => r.members >= 1_000)) {
    const ratio = floorRatio(result.ours, result.sdkOnly);
    checks.push({
      name: `A / SDK floor, ${fmtInt(result.members)} × ${fmtInt(result.events)}, ${deliveryLabel(result.delivery)}`,
      required: '≤ 1.3',
      measured: ratio === null ? 'n/a' : `${fmt(ratio, 2)}`,
      met: ratio !== null && ratio <= 1.3,
      ...(ratio === null ? {} : { margin: atMostMargin(ratio, 1.3, 2) }),
    });
  }
  if (results.length > 0) {
    const worst = results.reduce((a, b) => (commitsPerFrame(b.ours) > commitsPerFrame(a.ours) ? b : a));
    checks.push({
      name: 'React commits per animation frame (ours, worst case)',
      required: '≤ 1',
      measured: `${fmt(commitsPerFrame(worst.ours), 2)} (${worst.ours.commits} commits in ${worst.ours.frames} frames, ${worst.id})`,
      met: results.every((r) => r.ours.commits <= Math.max(1, r.ours.frames)),
      margin: `${results.filter((r) => r.ours.commits <= Math.max(1, r.ours.frames)).length} of ${results.length} rows`,
    });
  }
  return checks;
}

/** "2.7× the target" when `value ≥ required`, else "short by 3.2×, needs 1.6× more". */
export function atLeastMargin(value: number, required: number): string {
  if (value >= required) return `${fmt(value / required, 1)}× the target`;
  return `short by ${fmt(required - value, 1)}×, needs ${fmt(required / value, 1)}× more`;
}

/** "0.28 to spare" when `value ≤ limit`, else "over by 0.91, +70 %"; `unit` follows the numbers. */
export function atMostMargin(value: number, limit: number, digits: number, unit = ''): string {
  if (value <= limit) return `${fmt(limit - value, digits)}${unit} to spare`;
  return `over by ${fmt(value - limit, digits)}${unit}, +${fmtInt((100 * (value - limit)) / limit)} %`;
}

/** A side's main-thread time over the floor's for the same case, or `null` when either was not measured. */
export function floorRatio(side: SideResult | undefined, floor: SideResult): number | null {
  if (!side || side.failure !== null || floor.failure !== null || side.timedOut || floor.mainThreadMs <= 0) return null;
  return side.mainThreadMs / floor.mainThreadMs;
}

function commitsPerFrame(side: SideResult): number {
  return side.commits / Math.max(1, side.frames);
}

/** The whole "## React presence hooks vs @ably/chat/react" section: machine, method, results and targets. */
export function markdownSection(
  machine: Machine,
  results: readonly CaseResult[],
  checks: TargetCheck[],
  extras: ReportExtras = {},
): string {
  checks = [...checks, ...extrasChecks(extras)];
  const lines: string[] = [];
  lines.push(SECTION_HEADING, '');
  lines.push(
    `Measured ${machine.date} with \`pnpm bench${machine.quick ? ' --quick' : ''}\` on ${machine.nproc} × ${machine.cpuModel}, ` +
      `${fmt(machine.memoryGiB, 1)} GiB; Chromium ${machine.chromium} (Debian, headless); Node ${machine.node}; ` +
      Object.entries(machine.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ') +
      `. Load average (1 min) ${fmt(machine.loadAverage.start, 2)} at the start and ${fmt(machine.loadAverage.end, 2)} ` +
      'at the end of the latest run that wrote this table (`--only` runs replace their own rows, so each row gives ' +
      'the load when it was measured): the machine is shared, and local-ably, the driver and Chromium share its CPUs. ' +
      'Raw figures: [docs/bench/react.json](bench/react.json).',
    '',
  );
  lines.push(
    '**A** is `<OnlineList/>` from `@presence-kit/react-ui` inside `<PresenceKitProvider>` and `<PresenceRoom>`, as a ' +
      'user drops it in: virtualized (TanStack Virtual) in its fixed-height (24rem) scroll viewport, so only the ~15 ' +
      'visible rows exist. Off-screen rows never render, so a headless sibling (`usePresenceListener()` and a layout ' +
      "effect) hands the probe the room's members once per commit, the same one pass per commit B's probe makes. " +
      '**A hooks only** is the previous side A, `@presence-kit/react` alone as the kit documents for long lists: the ' +
      "list selects the people's ids (`usePersonIds`), so it re-renders only when someone comes or goes, and each row " +
      'reads its own person (`usePerson`), so an update re-renders one row (rows use `content-visibility: auto`). ' +
      "**B** is `@ably/chat/react`: `<ChatClientProvider>`, `<ChatRoomProvider>` and `usePresenceListener()`'s " +
      '`presenceData`, which has no per-member form, so its list maps the array. Both render the same row component ' +
      'with production React (rows use `content-visibility: auto`, as a long list should, so the browser lays out ' +
      'only visible rows on both sides), and both get their events from the real `ably` and `@ably/chat` browser ' +
      'builds over a WebSocket to local-ably. `pnpm bench --our-list=plain` feeds A the exact list B uses instead. ' +
      "**C** (1,000-member rows only) is `@ably/chat-react-ui-kit` 0.3's `<ParticipantList/>`, fed by " +
      "`@ably/chat/react`'s `usePresenceListener()` as its documentation shows, inside its `<AvatarProvider>` " +
      '(defaults) and with its own stylesheet: rows with an initials avatar, a status and no virtualization. Its ' +
      'rows do not show member data, so the probe reads `presenceData` once per commit, as for B. Every request ' +
      'that would leave the machine (avatar pictures may point at api.dicebear.com, unreachable here) is failed at ' +
      'once by Playwright routing, as for an offline user; loading avatars is not what is measured (a check with ' +
      '100 members saw none: its default avatars are initials on a colour, all 100 rows in the DOM).',
    '',
  );
  lines.push('### Method', '');
  lines.push(
    '- Each run uses a fresh browser context and a fresh room. A driver in the Node process (a key-authenticated ' +
      'WebSocket, `packages/react/bench/driver.ts`) enters N members (100 per PRESENCE frame); the page mounts one ' +
      'side and waits until its list shows all N. Then the burst: every event is an UPDATE of an existing member ' +
      'carrying a version number and its send time (`Date.now()` in Node). Event `v` updates member `(v − 1) mod N`.',
    '- Delivery: **per task** sends one presence message per PRESENCE frame, so the browser sees one WebSocket ' +
      'message (one task) per event; **per frame** sends 100 presence messages per PRESENCE frame.',
    "- **Main thread** is the delta of Chromium's `TaskDuration` (CDP `Performance.getMetrics`: the time the " +
      "renderer's main thread spent running tasks of any kind, script, style, layout and paint included) from just " +
      'before the first event is sent to the moment the page reports the final state, that is, the first commit after ' +
      'which every touched member shows its last version. It counts the SDK decoding frames as well as React, on both sides.',
    '- **SDK floor** runs the same SDKs, room and subscription with no React and no DOM (`page/sdk-only.ts`): what any ' +
      'hook built on `@ably/chat` must spend at least. **B / A above floor** divides what each side adds on top of it ' +
      '(shown only when A adds at least 5 ms).',
    "- **Commits** are `<Profiler onRender>` calls during the burst (the bundle aliases `react-dom/client` to React's " +
      'production profiling build so that `onRender` fires). **Frames** are `requestAnimationFrame` callbacks in the ' +
      'same interval.',
    '- **Event-to-paint latency**: after each commit, a layout effect in the list finds members whose version is new; ' +
      'after the next frame (`requestAnimationFrame`, then `setTimeout 0`) it records `Date.now()` minus the send ' +
      'time. Node and Chromium share the clock. Versions that were overwritten before any commit showed them give no ' +
      'sample (both sides coalesce), so the sample count is also reported in the JSON.',
    '- The driver sends the burst back to back (at most 64 unacknowledged frames in flight), so events reach the page ' +
      'faster than either side handles them and queue up as tasks; `pnpm bench --pace-ms=<ms>` spaces them out instead ' +
      '(prints only).',
    '- A side that cannot show the N members loaded from the attach SYNC (it crashed, or did not within ' +
      '`--load-cap`) is measured again with the members entered after mounting (†), with its own load cap ' +
      '(`--live-load-cap`, default 900 s). The SYNC is tried once per side and member count in a run: a side that ' +
      'failed it goes straight to the second way in the later cases.',
    '- The probe is the same code on both sides (B: one pass over the list per commit; A: each re-rendered row ' +
      "reports itself). React's profiling build's DevTools performance-track logging is switched off " +
      '(a classic script in the page shell, `page-server.ts`), as in production React.',
    '- To re-measure: `pnpm bench` runs every row and rewrites this section and the reading below; ' +
      '`pnpm bench --only=<members>x<events> --write` re-measures one pair of rows and keeps the others; ' +
      '`pnpm bench --paced` and `pnpm bench --online-list` re-measure their own sections. Each prints its load average.',
    `- One warm-up run of each side comes first and is discarded. Each run is capped at ${machine.capSeconds} s; ` +
      'a side that does not reach the final state by then is shown as "> X s (timed out)" and the ratio is a lower bound.',
    '',
  );
  lines.push('### Results', '');
  lines.push(
    '| members | events | delivery | main thread A (ms) | main thread B (ms) | B / A | SDK floor (ms) | B / A above floor | A / floor | main thread A hooks only (ms) | A hooks only / floor | commits A (frames) | commits B (frames) | latency A p50 / p95 (ms) | latency B p50 / p95 (ms) | main thread C (ms) | C / A | commits C (frames) | latency C p50 / p95 (ms) | load (1 min) |',
    '|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const r of results) {
    lines.push(
      `| ${fmtInt(r.members)} | ${fmtInt(r.events)} | ${deliveryLabel(r.delivery)} | ${mainThread(r.ours)} | ` +
        `${mainThread(r.ablyChat)} | ${ratioText(r)} | ${mainThread(r.sdkOnly)} | ${aboveFloorText(r)} | ` +
        `${ratioOrDash(floorRatio(r.ours, r.sdkOnly))} | ${r.hooksOnly ? mainThread(r.hooksOnly) : '–'} | ` +
        `${ratioOrDash(floorRatio(r.hooksOnly, r.sdkOnly))} | ` +
        `${r.ours.commits} (${r.ours.frames}) | ${r.ablyChat.commits} (${r.ablyChat.frames}) | ` +
        `${latency(r.ours)} | ${latency(r.ablyChat)} | ${r.uiKit ? mainThread(r.uiKit) : '–'} | ` +
        `${uiKitRatioText(r)} | ${r.uiKit ? `${r.uiKit.commits} (${r.uiKit.frames})` : '–'} | ` +
        `${r.uiKit ? latency(r.uiKit) : '–'} | ${r.loadAverage === undefined ? '–' : fmt(r.loadAverage, 1)} |`,
    );
  }
  if (results.some((r) => [r.ours, r.ablyChat, r.sdkOnly, r.uiKit].some((side) => side?.population === 'live'))) {
    lines.push(
      '',
      '† This side could not load the populated room from the attach SYNC (see "Initial load" below), so its burst ' +
        'was measured in a second run where the N members were entered after the page had mounted. The burst ' +
        'itself is the same.',
    );
  }
  lines.push('');
  lines.push('### Initial load', '');
  lines.push(
    'From mounting the side until its list shows all N members (the page attaches and receives the SYNC): the median ' +
      'over the runs with that N, wall time and, in brackets, main-thread time.',
    '',
  );
  lines.push('| members | A (ms) | B (ms) | SDK floor (ms) | C (ms) |', '|--:|--:|--:|--:|--:|');
  for (const members of [...new Set(results.map((r) => r.members))]) {
    const rows = results.filter((r) => r.members === members);
    const uiKit = rows.flatMap((r) => (r.uiKit ? [r.uiKit] : []));
    lines.push(
      `| ${fmtInt(members)} | ${loadText(rows.map((r) => r.ours))} | ${loadText(rows.map((r) => r.ablyChat))} | ` +
        `${loadText(rows.map((r) => r.sdkOnly))} | ${uiKit.length > 0 ? loadText(uiKit) : '–'} |`,
    );
  }
  lines.push('');
  lines.push(...extrasMarkdown(extras));
  lines.push('### Targets', '');
  lines.push('| target | required | measured | met | by how much |', '|---|--:|--:|---|---|');
  for (const check of checks) {
    lines.push(
      `| ${check.name} | ${check.required} | ${check.measured} | ${check.met ? 'yes' : '**no**'} | ${check.margin ?? '–'} |`,
    );
  }
  lines.push('');
  lines.push('### The ceiling on the ratio', '');
  lines.push(
    "Both sides pay for the SDKs: decoding each WebSocket frame, updating ably-js's presence map and emitting " +
      "`@ably/chat`'s events. That floor is part of A's main-thread time, so B / A can never exceed B / floor, " +
      'however little the hook itself costs:',
    '',
  );
  lines.push(
    '| members | events | delivery | floor share of A | B / A | ceiling B / floor |',
    '|--:|--:|---|--:|--:|--:|',
  );
  for (const r of results.filter((row) => row.events === 1_000 && row.ratio !== null && !row.sdkOnly.timedOut)) {
    lines.push(
      `| ${fmtInt(r.members)} | ${fmtInt(r.events)} | ${deliveryLabel(r.delivery)} | ` +
        `${fmtInt((100 * r.sdkOnly.mainThreadMs) / r.ours.mainThreadMs)} % | ${ratioText(r)} | ` +
        `${r.ablyChat.timedOut ? '> ' : ''}${fmt(r.ablyChat.mainThreadMs / r.sdkOnly.mainThreadMs, 1)}× |`,
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/** Replaces the section (from its heading to the next `## ` heading) or appends it; other sections are untouched. */
export function replaceSection(document: string, section: string, heading = SECTION_HEADING): string {
  const start = document.indexOf(`${heading}\n`);
  if (start === -1) return `${document.trimEnd()}\n\n${section}`;
  const next = document.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? document.length : next + 1;
  const after = document.slice(end);
  return `${document.slice(0, start)}${section}${after.length > 0 ? `\n${after}` : ''}`;
}

/** How a delivery mode reads in the table. */
export function deliveryLabel(delivery: BenchCase['delivery']): string {
  return delivery === 'task' ? 'per task' : '100 per frame';
}

function mainThread(side: SideResult): string {
  if (side.failure !== null) return side.failure;
  if (side.population === 'live')
    return `${side.timedOut ? '> ' : ''}${fmtInt(side.mainThreadMs)}${side.timedOut ? ' (timed out)' : ''} †`;
  return side.timedOut ? `> ${fmtInt(side.mainThreadMs)} (timed out)` : fmtInt(side.mainThreadMs);
}

function ratioText(result: CaseResult): string {
  if (result.ratio === null) return 'n/a';
  if (result.ours.timedOut) return 'n/a (A timed out)';
  return `${result.ratioIsLowerBound ? '> ' : ''}${fmt(result.ratio, 1)}×`;
}

function loadText(sides: readonly SideResult[]): string {
  // A retry that reuses an earlier case's failed attempt did not try the SYNC again, so it is not counted as a run.
  const tried = sides.filter((side) => !side.firstAttempt?.earlierCase);
  const failed = tried.filter((side) => !side.loaded || side.firstAttempt);
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map((side) => side.firstAttempt?.failure ?? side.failure ?? 'not loaded'))].join(
      '; ',
    );
    const untried = sides.length - tried.length;
    const live = sides.filter((side) => side.population === 'live' && side.loaded);
    const liveLoad = percentile(
      live.map((side) => side.loadMs),
      0.5,
    );
    return (
      `${reasons} (${failed.length} of ${tried.length} ${tried.length === 1 ? 'attempt' : 'attempts'}` +
      `${untried > 0 ? `; not tried again in the other ${untried} ${untried === 1 ? 'case' : 'cases'}` : ''})` +
      `${
        liveLoad === undefined
          ? ''
          : `; entered after mounting: ${fmtInt(liveLoad)} (${fmtInt(
              percentile(
                live.map((side) => side.loadMainThreadMs),
                0.5,
              ) ?? 0,
            )}) †`
      }`
    );
  }
  const wall = percentile(
    sides.map((side) => side.loadMs),
    0.5,
  );
  const main = percentile(
    sides.map((side) => side.loadMainThreadMs),
    0.5,
  );
  return wall === undefined || main === undefined ? '–' : `${fmtInt(wall)} (${fmtInt(main)})`;
}

function uiKitRatioText(result: CaseResult): string {
  const c = result.uiKit;
  if (!c || c.failure !== null || result.ours.failure !== null || result.ours.mainThreadMs <= 0) return '–';
  if (result.ours.timedOut) return 'n/a (A timed out)';
  return `${c.timedOut ? '> ' : ''}${fmt(c.mainThreadMs / result.ours.mainThreadMs, 1)}×`;
}

function aboveFloorText(result: CaseResult): string {
  if (result.aboveFloorRatio === null) return '–';
  return `${result.ratioIsLowerBound ? '> ' : ''}${fmt(result.aboveFloorRatio, 1)}×`;
}

function latency(side: SideResult): string {
  if (side.latencyP50Ms === null || side.latencyP95Ms === null) return '–';
  return `${fmtInt(side.latencyP50Ms)} / ${fmtInt(side.latencyP95Ms)}`;
}

function ratioOrDash(ratio: number | null): string {
  return ratio === null ? '–' : fmt(ratio, 2);
}

export function fmtInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function fmt(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
