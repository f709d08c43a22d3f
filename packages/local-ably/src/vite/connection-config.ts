/**
 * What `GET /api/ably-config` answers: how a browser reaches the realtime service and where it gets tokens.
 * Browser-safe (types only).
 */
export type AblyConnectionConfig =
  | {
      /** The dev server runs local-ably; connect to it over loopback without TLS. */
      readonly mode: 'local-ably';
      /** Path of the token endpoint on the app's own origin. */
      readonly tokenPath: string;
      readonly realtime: { readonly endpoint: string; readonly port: number; readonly tls: false };
      /** Base URL of local-ably's loopback admin API (simulated members, faults, inspection). */
      readonly adminUrl: string;
    }
  | {
      /** `ABLY_API_KEY` is set: connect to Ably itself with the SDK's default endpoint. */
      readonly mode: 'ably';
      readonly tokenPath: string;
    };

/** Default path of the token endpoint. */
export const DEFAULT_TOKEN_PATH = '/api/ably-token';

/** Default path of the connection config endpoint. */
export const DEFAULT_CONFIG_PATH = '/api/ably-config';
