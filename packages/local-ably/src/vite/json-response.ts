import type { ServerResponse } from 'node:http';

/** Answers with JSON that no cache keeps (tokens and configs are per request). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // Exactly `application/json`: ably-js (Node) only parses an error body whose content-type matches it verbatim.
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** Answers with an Ably-style error body, `{ error: { code, statusCode, message, href } }`. */
export function sendAblyError(response: ServerResponse, statusCode: number, code: number, message: string): void {
  const error = { code, statusCode, message, href: `https://help.ably.io/error/${code}` };
  // Ably also puts the error in headers; SDKs read them when they cannot read the body.
  sendJson(
    response,
    statusCode,
    { error },
    {
      'x-ably-errorcode': String(code),
      'x-ably-errormessage': message.replace(/[^\x20-\x7e]/g, '?'),
    },
  );
}
