import * as Ably from 'ably';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { DemoUser, launchDemoChromium, SCREENSHOT_DIR } from './support/demo-browser.js';
import { demoPage } from './support/demo-page.js';
import { type DemoServer, startDemoServer, TEST_PRESENCE_LEAVE_DELAY_MS } from './support/demo-server.js';
import { eventually } from './support/eventually.js';

let demo: DemoServer;
let browser: Browser;
const users: DemoUser[] = [];
const nodeClients: Ably.Realtime[] = [];
let roomCounter = 0;

/** Each test gets its own room, so counts never include another test's leftovers. */
const freshRoom = (label: string) => `e2e-${label}-${Date.now().toString(36)}-${roomCounter++}`;

async function user(): Promise<DemoUser> {
  const created = await DemoUser.create(browser, demo.url);
  users.push(created);
  return created;
}

/** A member entered from Node through the demo's own token endpoint (as a second app instance would). */
async function nodeMember(room: string, clientId: string, data: Record<string, unknown>): Promise<Ably.Realtime> {
  const realtime = new Ably.Realtime({
    authUrl: `${demo.url}/api/ably-token`,
    authParams: { clientId, room },
    clientId,
    ...demo.config.realtime,
    logLevel: 0,
  });
  nodeClients.push(realtime);
  await realtime.channels.get(`${room}::$chat`).presence.enter(data);
  return realtime;
}

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchDemoChromium();
});

afterEach(async () => {
  for (const client of nodeClients.splice(0)) client.close();
  for (const created of users.splice(0)) {
    expect(created.pageErrors, 'uncaught errors in the page').toEqual([]);
    await created.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the demo app in Chromium', () => {
  it('two users see each other join, change status and leave (explicit leave at once, tab close within the delay)', async () => {
    const room = freshRoom('two');
    const ann = await user();
    await ann.join(room, 'Ann Example');
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Example']));

    const bob = await user();
    await bob.join(room, 'Bob Builder');
    await eventually(async () =>
      expect((await demoPage.onlineNames(ann.page)).sort()).toEqual(['Ann Example', 'Bob Builder']),
    );
    await eventually(async () =>
      expect((await demoPage.onlineNames(bob.page)).sort()).toEqual(['Ann Example', 'Bob Builder']),
    );
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/two-users.png` });

    await demoPage.statusPicker(bob.page).selectOption('busy');
    await eventually(async () =>
      expect(await demoPage.onlineRows(ann.page).filter({ hasText: 'Bob Builder' }).textContent()).toContain('busy'),
    );

    // An explicit leave is sent at once: Ann sees it well before the abrupt-disconnect delay could pass.
    const leftAt = Date.now();
    await demoPage.leaveButton(bob.page).click();
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Example']), 3_000);
    expect(Date.now() - leftAt).toBeLessThan(TEST_PRESENCE_LEAVE_DELAY_MS);
    await bob.page.getByRole('heading', { name: 'Join the live event' }).waitFor();

    // Closing a tab: the browser fires beforeunload, the SDK closes the connection, and the leave follows within
    // the documented delay (at once in practice; at most the presence leave delay after an abrupt loss).
    const cat = await user();
    await cat.join(room, 'Cat Closer');
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toContain('Cat Closer'));
    await cat.page.close({ runBeforeUnload: true });
    await eventually(
      async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Example']),
      TEST_PRESENCE_LEAVE_DELAY_MS + 2_000,
    );

    // A tab that goes away without unload handlers (a crash, a killed browser) looks like a lost network: the server
    // keeps the member for the presence leave delay (15 s on Ably, 6 s in this test), then everyone sees the leave.
    const dan = await user();
    await dan.join(room, 'Dan Dropped');
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toContain('Dan Dropped'));
    const danId = await dan.clientId();
    const closedAt = Date.now();
    await dan.page.close({ runBeforeUnload: false });
    const { members } = await demo.admin<{ members: Array<{ clientId: string }> }>('GET', `/rooms/${room}/members`);
    expect(members.map((member) => member.clientId)).toContain(danId);
    await eventually(
      async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Example']),
      TEST_PRESENCE_LEAVE_DELAY_MS + 4_000,
    );
    expect(Date.now() - closedAt).toBeLessThan(TEST_PRESENCE_LEAVE_DELAY_MS + 4_000);
  });

  it('the viewer count equals the connections (two tabs of one person count twice) and falls when a tab closes', async () => {
    const room = freshRoom('count');
    const ann = await user();
    await ann.join(room, 'Ann');
    const bob = await user();
    await bob.join(room, 'Bob');
    await eventually(async () => expect(await demoPage.viewerCount(ann.page)).toBe(2));

    const bobSecondTab = await bob.openTab(room, 'Bob');
    await eventually(async () => expect(await demoPage.viewerCount(ann.page)).toBe(3));
    const connections = await demo.admin<Array<{ room?: string; metrics: { connections: number } }>>('GET', '/rooms');
    expect(connections.find((entry) => entry.room === room)?.metrics.connections).toBe(3);
    // People are de-duplicated by clientId: Bob's two tabs are one row.
    await eventually(async () => expect((await demoPage.onlineNames(ann.page)).sort()).toEqual(['Ann', 'Bob']));

    await bobSecondTab.close({ runBeforeUnload: true });
    await eventually(async () => expect(await demoPage.viewerCount(ann.page)).toBe(2));
    await bob.page.close({ runBeforeUnload: true });
    await eventually(async () => expect(await demoPage.viewerCount(ann.page)).toBe(1));
  });

  it('renders 1,000 simulated members: the list scrolls and the DOM holds only the visible rows', async () => {
    const room = freshRoom('crowd');
    const ann = await user();
    await ann.join(room, 'Ann');
    await demo.admin('POST', `/rooms/${room}/simulation`, { count: 1_000, seed: 3 });
    await eventually(async () => expect(await demoPage.peopleCount(ann.page)).toBe(1_001), 20_000);
    // Simulated members are presence without connections: "watching" still counts my one tab.
    expect(await demoPage.viewerCount(ann.page)).toBe(1);
    const rowsBefore = await demoPage.onlineRows(ann.page).count();
    expect(rowsBefore).toBeGreaterThan(5);
    expect(rowsBefore).toBeLessThan(60);
    const firstBefore = (await demoPage.onlineNames(ann.page))[0];
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/crowd-1000.png` });

    // Scroll to the end: other rows are mounted in place of the first ones, and the DOM stays small.
    await demoPage.onlineViewport(ann.page).evaluate((viewport) => viewport.scrollTo({ top: viewport.scrollHeight }));
    await eventually(async () => {
      const names = await demoPage.onlineNames(ann.page);
      expect(names).not.toContain(firstBefore);
      expect(names.length).toBeGreaterThan(5);
    });
    expect(await demoPage.onlineRows(ann.page).count()).toBeLessThan(60);
    const lastIndex = await demoPage
      .onlineRows(ann.page)
      .evaluateAll((rows) => Math.max(...rows.map((row) => Number(row.getAttribute('data-index')))));
    expect(lastIndex).toBe(1_000);
    await demo.admin('DELETE', `/rooms/${room}/simulation`);
    await eventually(async () => expect(await demoPage.peopleCount(ann.page)).toBe(1), 20_000);
  });

  it('the lobby lists active rooms with their occupancy, and picking one moves me there', async () => {
    const here = freshRoom('lobby-a');
    const there = freshRoom('lobby-b');
    await demo.admin('POST', `/rooms/${there}/simulation`, { count: 12, seed: 5 });
    const ann = await user();
    await ann.join(here, 'Ann');
    const lobby = ann.page.getByRole('list', { name: 'Active rooms' });
    const thereRow = lobby.getByRole('listitem').filter({ hasText: there });
    await eventually(async () => expect(await thereRow.textContent()).toContain('12 present'), 15_000);
    await thereRow.getByRole('button', { name: there }).click();
    await eventually(async () => expect(new URL(ann.page.url()).searchParams.get('room')).toBe(there));
    await eventually(async () => expect(await demoPage.peopleCount(ann.page)).toBe(13));
    expect(await demoPage.onlineNames(ann.page)).toContain('Ann');
    await demo.admin('DELETE', `/rooms/${there}/simulation`);
  });

  it('recovers after a server-side drop with no duplicate or ghost members', async () => {
    const room = freshRoom('drop');
    const ann = await user();
    await ann.join(room, 'Ann');
    const bob = await user();
    await bob.join(room, 'Bob');
    await eventually(async () => expect((await demoPage.onlineNames(ann.page)).sort()).toEqual(['Ann', 'Bob']));
    const bobId = await bob.clientId();

    for (const loseState of [false, true]) {
      const before = await demo.admin<Array<{ id: string; clientId?: string; state: string }>>('GET', '/connections');
      const bobConnection = before.find(
        (connection) => connection.clientId === bobId && connection.state === 'connected',
      );
      expect(bobConnection).toBeDefined();
      await demo.admin('POST', '/faults/drop', { connectionId: bobConnection?.id, loseState });
      // Bob is back: both pages list each person once, on one connection (no "×2" device badge from a ghost), and
      // the server holds exactly one member each. After a lost session the old connection's member stays for the
      // presence leave delay, as on Ably, so this can take up to that long.
      await eventually(async () => {
        expect((await demoPage.onlineNames(bob.page)).sort()).toEqual(['Ann', 'Bob']);
        expect((await demoPage.onlineNames(ann.page)).sort()).toEqual(['Ann', 'Bob']);
        expect(await demoPage.deviceBadges(bob.page)).toEqual([]);
        expect(await demoPage.deviceBadges(ann.page)).toEqual([]);
        const { members } = await demo.admin<{ members: Array<{ clientId: string }> }>('GET', `/rooms/${room}/members`);
        expect(members.map((member) => member.clientId).sort()).toEqual([await ann.clientId(), bobId].sort());
      }, TEST_PRESENCE_LEAVE_DELAY_MS + 10_000);
      // And the banner that said it was reconnecting has gone.
      await eventually(async () => expect(await demoPage.banner(bob.page).count()).toBe(0));
    }
    await bob.page.screenshot({ path: `${SCREENSHOT_DIR}/after-drop.png` });
  });

  it('renders hostile names, avatars and statuses as text; nothing executes', async () => {
    const room = freshRoom('hostile');
    const ann = await user();
    await ann.join(room, '<img src=x onerror=alert(1)>');
    await nodeMember(room, 'mallory', {
      name: '<script>window.__pwned = 1</script>\u202Eevil',
      avatarUrl: 'javascript:window.__pwned = 2',
      status: '<b onmouseover=alert(3)>busy</b>',
    });
    await nodeMember(room, 'trudy', {
      name: '"><svg onload=alert(4)>',
      avatarUrl: 'data:text/html,<script>alert(5)</script>',
      status: 'x'.repeat(500),
    });
    await eventually(async () => expect(await demoPage.onlineRows(ann.page).count()).toBe(3));
    const text = (await demoPage.onlinePanel(ann.page).textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('"><svg onload=alert(4)>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    await ann.page.mouse.move(1100, 200);
    const injected = await ann.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('__pwned'))
        .length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      unsafeImages: [...document.querySelectorAll('img')]
        .map((image) => image.getAttribute('src') ?? '')
        .filter((src) => !/^(https?:|blob:|data:image\/)/i.test(src)),
    }));
    expect(injected).toEqual({ pwned: undefined, scripts: 0, svgOnload: 0, unsafeImages: [] });
    expect(ann.dialogs).toEqual([]);
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/hostile-data.png` });
  });

  it('an invalid room or name in the link gets a clear message, and the app keeps working', async () => {
    const ann = await user();
    await ann.page.goto(`${demo.url}/?room=${encodeURIComponent('no spaces*allowed')}&name=${'x'.repeat(60)}`);
    const problems = ann.page.getByTestId('link-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/room name cannot be used.*not allowed/i);
    expect(await problems.textContent()).toMatch(/display name cannot be used.*at most 40/i);
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/invalid-link.png` });
    expect(await axeViolations(ann.page)).toEqual([]);

    // The form keeps working: an empty name is refused with a message, then a good one joins.
    await ann.page.getByLabel('Display name').fill('   ');
    await ann.page.getByLabel('Room').fill(freshRoom('fixed'));
    await ann.page.getByRole('button', { name: 'Join room' }).click();
    await ann.page.getByText('Enter a display name').waitFor();
    // Keyboard only: Enter in the name field submits the form.
    await ann.page.getByLabel('Display name').fill('Ann Fixed');
    await ann.page.getByLabel('Display name').press('Enter');
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Fixed']));
    expect(new URL(ann.page.url()).searchParams.get('name')).toBe('Ann Fixed');
  });

  it('the join form and the live page are axe clean (screenshots)', async () => {
    const ann = await user();
    await ann.page.goto(demo.url);
    await ann.page.getByRole('heading', { name: 'Join the live event' }).waitFor();
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/join-form.png` });
    expect(await axeViolations(ann.page)).toEqual([]);
    const room = freshRoom('tour');
    await ann.page.getByLabel('Display name').fill('Ann Example');
    await ann.page.getByLabel('Room').fill(room);
    await ann.page.getByRole('button', { name: 'Join room' }).click();
    await eventually(async () => expect(await demoPage.onlineNames(ann.page)).toEqual(['Ann Example']));
    await demo.admin('POST', `/rooms/${room}/simulation`, { count: 100, seed: 9 });
    await eventually(async () => expect(await demoPage.onlineRows(ann.page).count()).toBeGreaterThan(5));
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/live-event.png` });
    expect(await axeViolations(ann.page)).toEqual([]);
    // Dark mode (contrast) and a phone-sized viewport (one column) too.
    await ann.page.emulateMedia({ colorScheme: 'dark' });
    await ann.page.setViewportSize({ width: 390, height: 844 });
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/live-event-dark-phone.png`, fullPage: true });
    expect(await axeViolations(ann.page)).toEqual([]);
    await demo.admin('DELETE', `/rooms/${room}/simulation`);
  });
});
