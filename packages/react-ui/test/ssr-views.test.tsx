// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActiveRoomsView } from '../src/active-rooms/active-rooms-view.js';
import { AvatarStackView } from '../src/avatar-stack/avatar-stack-view.js';
import { OnlineListView } from '../src/online-list/online-list-view.js';
import { PresenceIndicatorView } from '../src/presence-indicator/presence-indicator-view.js';
import { StatusPickerView } from '../src/status-picker/status-picker-view.js';
import { ViewerCountView } from '../src/viewer-count/viewer-count-view.js';
import { makePeople } from '../stories/fixtures.js';

// Server rendering runs without a DOM, timers or a connection; each presentational component renders its markup.
describe('server rendering of the presentational components', () => {
  it('renders every component to HTML', () => {
    const people = makePeople(30);
    const html = {
      count: renderToString(<ViewerCountView count={1234} label="watching" />),
      list: renderToString(<OnlineListView people={people} searchable />),
      stack: renderToString(<AvatarStackView people={people} max={3} />),
      indicator: renderToString(<PresenceIndicatorView state="online" name="Ada" />),
      picker: renderToString(<StatusPickerView value="away" onChange={() => {}} />),
      rooms: renderToString(<ActiveRoomsView rooms={[{ room: 'lobby', present: 1, connections: 2 }]} />),
    };
    expect(html.count).toContain('1.2K');
    // The list renders the rows that fit its initial height, not all 30.
    expect(html.list.match(/<li /g)?.length).toBeLessThan(30);
    expect(html.list).toContain('Ada Abe');
    expect(html.stack).toContain('Show 27 more people');
    expect(html.indicator).toContain('Ada is online');
    expect(html.picker).toContain('selected');
    expect(html.rooms).toContain('lobby');
  });
});
