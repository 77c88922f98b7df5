// Runs the demo API in the foreground:
//   tsx scripts/demo-api/cli.ts [--port 8787] [--tz-offset 480] [--token demo-token]
//                               [--now 2025-07-01T10:30:00Z] [--shuffle]
//                               [--generate demo-token-3:1=40,3=10]… | [--scale]
// --now starts the data clock at that instant (it then runs at real speed) for reproducible demos.
// --token is the first account's token; the second account's is always demo-token-2.
// --generate adds generated users to the account with that token (a new account for a new token);
// it may be repeated. --scale is the 100-users-over-three-accounts preset (scaleRunUsers).

import { parseArgs } from 'node:util';
import { scaleRunUsers, type DemoAccount, type GeneratedUsersSpec } from './accounts.js';
import { parseGenerateFlag } from './cli-args.js';
import { clockStartingAt } from './clock.js';
import { DEFAULT_TOKEN, createDemoApi, type DemoApi } from './server.js';
import { PROXY_TYPE_NAMES, type ProxyType } from './users.js';

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
        generate: { type: 'string', multiple: true },
        scale: { type: 'boolean', default: false },
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

function generatedUsers(values: ReturnType<typeof readArgs>, firstToken: string): GeneratedUsersSpec[] {
  const flags = values.generate ?? [];
  if (values.scale === true && flags.length > 0) fail('--scale and --generate cannot be combined');
  if (values.scale === true) return scaleRunUsers(firstToken);
  try {
    return flags.map(parseGenerateFlag);
  } catch (error) {
    return fail(errorText(error));
  }
}

// The tokens are printed on purpose: they are the demo's, and whoever starts it needs them to set
// up the extension.
function describeAccount(account: DemoAccount): string {
  const types: readonly ProxyType[] = [1, 2, 3];
  const counts = types
    .map((type) => [PROXY_TYPE_NAMES[type], account.users.filter((u) => u.proxyType === type).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`);
  return `  token ${account.token}: ${counts.join(', ')}`;
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
      generatedUsers: generatedUsers(values, token),
    });
    ({ baseUrl } = await api.start(integerOption(values.port, 'port', 8787)));
  } catch (error) {
    return fail(errorText(error));
  }
  console.log(`Demo Thordata API on ${baseUrl}, accounts:`);
  for (const account of api.accounts()) console.log(describeAccount(account));

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
