// Runs one compatibility script against a freshly started trunkline-emulator.
//
// Usage: node run.mjs <path/to/trunkline-emulator> <script.mjs> [emulator options...]
// Starts the emulator on a free port, reads its first lines ("listening http://127.0.0.1:<port>" and one
// line per demo credential), passes base URL and credentials to the script in environment variables,
// runs it with node, stops the emulator and exits with the script's exit code.
// Exit code 77 (ctest SKIP_RETURN_CODE) when the SDKs are not installed (run scripts/npm-deps).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [executable, script, ...emulatorArgs] = process.argv.slice(2);
if (!executable || !script) {
    console.error('usage: node run.mjs <trunkline-emulator> <script.mjs> [emulator options...]');
    process.exit(2);
}
if (!existsSync(join(here, 'node_modules'))) {
    console.error('tests/compat/node_modules is missing: run scripts/npm-deps first');
    process.exit(77);
}

const emulator = spawn(executable, ['--port', '0', ...emulatorArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
const env = { ...process.env };
const credentials = await new Promise((resolve, reject) => {
    const seen = {};
    const timer = setTimeout(() => reject(new Error('emulator printed no credentials within 20 s')), 20000);
    emulator.once('error', reject);
    emulator.once('exit', (code) => reject(new Error(`emulator exited early with code ${code}`)));
    createInterface({ input: emulator.stdout }).on('line', (line) => {
        const [label, ...pairs] = line.split(' ');
        if (label === 'listening') {
            seen.baseUrl = pairs[0];
            return;
        }
        seen[label] = Object.fromEntries(pairs.map((pair) => {
            const at = pair.indexOf('=');
            return [pair.slice(0, at), pair.slice(at + 1)];
        }));
        if (seen.baseUrl && seen['ringcentral-admin'] && seen['ringcentral-user']) {
            clearTimeout(timer);
            resolve(seen);
        }
    });
});
emulator.removeAllListeners('exit');

env.EMULATOR_BASE_URL = credentials.baseUrl;
env.RINGCENTRAL_SERVER = credentials.baseUrl;
env.RINGCENTRAL_CLIENT_ID = credentials['ringcentral-admin'].client_id;
env.RINGCENTRAL_CLIENT_SECRET = credentials['ringcentral-admin'].client_secret;
env.RINGCENTRAL_JWT = credentials['ringcentral-admin'].jwt;
env.RINGCENTRAL_USER_JWT = credentials['ringcentral-user'].jwt;
if (credentials.telnyx) {
    env.TELNYX_BASE_URL = `${credentials.baseUrl}/v2`;
    env.TELNYX_API_KEY = credentials.telnyx.api_key;
}
if (credentials.restcomm) {
    env.RESTCOMM_ACCOUNT_SID = credentials.restcomm.account_sid;
    env.RESTCOMM_AUTH_TOKEN = credentials.restcomm.auth_token;
}

const child = spawn(process.execPath, [join(here, script)], { stdio: 'inherit', env, cwd: here });
const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(signal ? 1 : c)));
emulator.kill('SIGTERM');
process.exit(code);
