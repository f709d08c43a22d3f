import { chatChannelName } from '../../channels/chat-room.js';
import type { Inspector } from '../../inspection/inspector.js';
import { AblyError, ErrorCode } from '../../protocol/errors.js';
import type { Route } from '../router.js';
import { ADMIN_PREFIX } from './admin-body.js';

const DEFAULT_MEMBER_LIMIT = 1_000;
const MAX_MEMBER_LIMIT = 50_000;

/** `GET /local-ably/rooms`, `/channels`, `/connections` and the member lists: the developer panel's read side. */
export function adminInspectionRoutes(inspector: Inspector): Route[] {
  return [
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/rooms`,
      auth: 'local',
      handle: () => ({ body: inspector.rooms() }),
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/channels`,
      auth: 'local',
      handle: () => ({ body: inspector.channelList() }),
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/connections`,
      auth: 'local',
      handle: () => ({ body: inspector.connectionList() }),
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/channels/:channel/members`,
      auth: 'local',
      handle: ({ params, url }) => ({ body: inspector.members(params.channel ?? '', memberLimit(url)) }),
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/rooms/:room/members`,
      auth: 'local',
      handle: ({ params, url }) => ({ body: inspector.members(chatChannelName(params.room ?? ''), memberLimit(url)) }),
    },
  ];
}

function memberLimit(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return DEFAULT_MEMBER_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MEMBER_LIMIT) {
    throw new AblyError(
      ErrorCode.InvalidParameterValue,
      400,
      `Query parameter "limit" must be a whole number from 1 to ${MAX_MEMBER_LIMIT}, got "${raw}"`,
    );
  }
  return limit;
}
