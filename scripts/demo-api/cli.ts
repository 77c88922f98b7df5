// Runs the demo API in the foreground:
//   tsx scripts/demo-api/cli.ts [--port 8787] [--tz-offset 480] [--token demo-token]
//                               [--now 2025-07-01T10:30:00Z] [--shuffle]
// --now starts the data clock at that instant (it then runs at real speed) for reproducible demos.

import { parseArgs } from 'node:util';
import { clockStartingAt } from './clock.js';
import { DEFAULT_TOKEN, createDemoApi, type DemoApi } from './server.js';

function fail(message: string): never {
  console.error(`demo-api: ${message}`);
  process.exit(2);
}

function integerOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) fail(`--${name} must be an integer, got ${raw}`);
  return value;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        'tz-offset': { type: 'string', default: '0' },
        token: { type: 'string', default: DEFAULT_TOKEN },
        now: { type: 'string' },
        shuffle: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(errorText(error));
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const values = readArgs();
  const startAt = values.now === undefined ? undefined : Date.parse(values.now);
  if (startAt !== undefined && Number.isNaN(startAt)) fail(`--now must be an ISO date-time, got ${values.now ?? ''}`);
  const token = values.token ?? DEFAULT_TOKEN;
  let api: DemoApi;
  let baseUrl: string;
  try {
    api = createDemoApi({
      token,
      timezoneOffsetMinutes: integerOption(values['tz-offset'], 'tz-offset', 0),
      now: startAt === undefined ? Date.now : clockStartingAt(startAt),
      shuffleRows: values.shuffle ?? false,
    });
    ({ baseUrl } = await api.start(integerOption(values.port, 'port', 8787)));
  } catch (error) {
    return fail(errorText(error));
  }
  console.log(`Demo Thordata API on ${baseUrl} (token: ${token})`);

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await api.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

await main();
