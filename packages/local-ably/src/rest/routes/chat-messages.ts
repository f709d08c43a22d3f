import type { ChatHistoryQuery, ChatMessages } from '../../chat/chat-messages.js';
import { invalidParam, paginationHeaders, parseLimit, parseTimestamp } from '../pagination.js';
import type { Route } from '../router.js';

const ROOM = '/chat/v4/rooms/:room/messages';
const MESSAGE = `${ROOM}/:serial`;

/**
 * The Chat REST API v4 message routes @ably/chat 1.4 calls: send and history on the room, get, update (PUT), delete
 * (POST …/delete), versions, reactions (POST/DELETE …/reactions) and client-reactions on one message.
 */
export function chatMessageRoutes(chat: ChatMessages): Route[] {
  const key = (url: URL) => url.searchParams.get('idempotencyKey') ?? undefined;
  return [
    {
      method: 'POST',
      path: ROOM,
      auth: 'key',
      handle: ({ params, principal, body, url }) => ({
        status: 201,
        body: chat.send(principal, params.room ?? '', body, key(url)),
      }),
    },
    {
      method: 'GET',
      path: ROOM,
      auth: 'key',
      handle: ({ params, principal, url }) => {
        const query = parseChatHistoryQuery(url);
        const page = chat.query(principal, params.room ?? '', query);
        return { body: page.items, headers: paginationHeaders('messages', url, query.limit, page.next) };
      },
    },
    {
      method: 'GET',
      path: MESSAGE,
      auth: 'key',
      handle: ({ params, principal }) => ({ body: chat.get(principal, params.room ?? '', params.serial ?? '') }),
    },
    {
      method: 'PUT',
      path: MESSAGE,
      auth: 'key',
      handle: ({ params, principal, body, url }) => ({
        body: chat.update(principal, params.room ?? '', params.serial ?? '', body, key(url)),
      }),
    },
    {
      method: 'POST',
      path: `${MESSAGE}/delete`,
      auth: 'key',
      handle: ({ params, principal, body, url }) => ({
        body: chat.delete(principal, params.room ?? '', params.serial ?? '', body, key(url)),
      }),
    },
    {
      method: 'GET',
      path: `${MESSAGE}/versions`,
      auth: 'key',
      handle: ({ params, principal }) => ({ body: chat.versions(principal, params.room ?? '', params.serial ?? '') }),
    },
    {
      method: 'POST',
      path: `${MESSAGE}/reactions`,
      auth: 'key',
      handle: ({ params, principal, body }) => {
        chat.react(principal, params.room ?? '', params.serial ?? '', body);
        return { status: 201, body: {} };
      },
    },
    {
      method: 'DELETE',
      path: `${MESSAGE}/reactions`,
      auth: 'key',
      handle: ({ params, principal, url }) => {
        chat.unreact(principal, params.room ?? '', params.serial ?? '', url.searchParams);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: `${MESSAGE}/client-reactions`,
      auth: 'key',
      handle: ({ params, principal, url }) => ({
        body: chat.clientReactions(
          principal,
          params.room ?? '',
          params.serial ?? '',
          url.searchParams.get('forClientId') ?? undefined,
        ),
      }),
    },
  ];
}

function parseChatHistoryQuery(url: URL): ChatHistoryQuery {
  const direction = url.searchParams.get('direction') ?? 'backwards';
  if (direction !== 'backwards' && direction !== 'forwards') {
    throw invalidParam('direction', `must be "backwards" or "forwards" (got "${direction}")`);
  }
  const start = parseTimestamp(url, 'start');
  const end = parseTimestamp(url, 'end');
  if (start !== undefined && end !== undefined && start > end) {
    throw invalidParam('start', `must not be later than "end" (start=${start}, end=${end})`);
  }
  const serial = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null || value === '') return undefined;
    if (value.length > 200) throw invalidParam(name, 'is not a message serial');
    return value;
  };
  const fromSerial = serial('fromSerial');
  const cursor = serial('cursor');
  return {
    direction,
    limit: parseLimit(url),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(fromSerial !== undefined ? { fromSerial } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}
