/** The parts of local-ably's loopback admin API the developer panel uses (see packages/local-ably/README.md). */
export interface SimulationStatus {
  room?: string;
  count: number;
  present: number;
  churnPerSecond: number;
}

export class AdminApi {
  constructor(private readonly baseUrl: string) {}

  startCrowd(room: string, count: number, churnPerSecond: number): Promise<SimulationStatus> {
    return this.call('POST', `/rooms/${encodeURIComponent(room)}/simulation`, { count, churnPerSecond });
  }

  async stopCrowd(room: string): Promise<SimulationStatus | undefined> {
    try {
      return await this.call<SimulationStatus>('DELETE', `/rooms/${encodeURIComponent(room)}/simulation`);
    } catch (error) {
      if ((error as AdminError).status === 404) return undefined;
      throw error;
    }
  }

  /** The crowd in a room, if any (read from the list, which never answers 404, to keep the console clean). */
  async crowd(room: string): Promise<SimulationStatus | undefined> {
    const all = await this.call<SimulationStatus[]>('GET', '/simulations');
    return all.find((simulation) => simulation.room === room);
  }

  drop(connectionId: string, loseState: boolean): Promise<unknown> {
    return this.call('POST', '/faults/drop', { connectionId, loseState });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!response.ok) throw new AdminError(response.status, json.error?.message ?? `${method} ${path} failed`);
    return json as T;
  }
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}
