/** The contract between the Node runner and the bench page (`window.bench`). Types only. */

/**
 * Which hook a page mounts: ours (`@presence-kit/react`) or `@ably/chat/react`. `sdk-only` is the floor under both:
 * the same SDKs and subscription with no React and no DOM, so what any hook on `@ably/chat` must spend at least.
 * `ui-kit` is `@ably/chat-react-ui-kit`'s `<ParticipantList/>` over `@ably/chat/react` (side C).
 */
export type Side = 'online-list' | 'ours' | 'ably-chat' | 'ui-kit' | 'sdk-only';

/** How the page connects: local-ably's client options and the room to read. */
export interface MountOptions {
  /** From `server.clientOptions(clientId)`; the page adds `transports: ['web_socket']`. */
  clientOptions: { key: string; endpoint: string; port: number; tls: false; clientId?: string };
  room: string;
  /**
   * How side A wires its list. `selective` (default): the list selects member keys with `shallow` and each row selects
   * its own member, the kit's documented pattern for long lists. `plain`: the exact list side B uses, fed the member array.
   */
  ourList?: OurList;
  /** `online-list` only: mount the room without the list, so `showList` can time the list's own mount. */
  listHidden?: boolean;
}

/** `<OnlineList/>` mounting over a room that already holds its members. */
export interface ListMountResult {
  /** From the state update to the commit (page clock), and to the first frame after it. */
  commitMs: number;
  firstPaintMs: number;
  /** Rows in the DOM after the mount: the virtualizer's window, not N. */
  rows: number;
}

/** A scripted scroll of the list's viewport from top to bottom, one step per animation frame. */
export interface ScrollResult {
  /** Time between consecutive animation frames while scrolling (their `requestAnimationFrame` timestamps), in ms. */
  frameMs: number[];
  /** Durations of long tasks (> 50 ms) seen while scrolling. */
  longTasksMs: number[];
  /** Durations of long animation frames (> 50 ms, `long-animation-frame` entries) seen while scrolling. */
  longFramesMs: number[];
  steps: number;
  /** Whether the viewport ended at the bottom (every row was scrolled past). */
  reachedEnd: boolean;
}

export type OurList = 'selective' | 'plain';

/** The burst about to be sent, so the page can compute every member's final version. */
export interface ArmOptions {
  members: number;
  events: number;
}

/** What Node polls while waiting for the populated list. */
export interface PageState {
  /** Members in the list after the latest commit. */
  members: number;
  commits: number;
}

/** The page's figures for one burst. */
export interface BurstResult {
  timedOut: boolean;
  /** From arming to the commit that showed the final state (page clock). */
  wallMs: number;
  /** React commits (Profiler onRender calls) from arming until the final state. */
  commits: number;
  /** Animation frames from arming until the final state. */
  frames: number;
  /** Sum of Profiler `actualDuration`: time React spent rendering the side's tree. */
  renderMs: number;
  /** Event-to-paint latency of each member version that reached the screen, in ms. */
  latencies: number[];
  /** Members at their final version, of `target`. */
  done: number;
  target: number;
}

export interface BenchApi {
  /** Creates the SDK clients and renders one side; resolves after the first commit. */
  mount(side: Side, options: MountOptions): Promise<void>;
  state(): PageState;
  /** Starts counting for a burst that ends when every touched member shows its final version. */
  arm(options: ArmOptions): void;
  /** Resolves when the final state is committed, or after `capMs` with `timedOut`. */
  whenFinal(capMs: number): Promise<{ timedOut: boolean }>;
  /** The burst's figures, once the last latency samples are taken (after the next frame). */
  results(): Promise<BurstResult>;
  /** `online-list` mounted with `listHidden`: renders `<OnlineList/>`; resolves after the first frame that shows it. */
  showList(): Promise<ListMountResult>;
  /** Scrolls `<OnlineList/>`'s viewport through the whole list, `stepPx` per frame. */
  scroll(stepPx: number): Promise<ScrollResult>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
