// What an admin would otherwise write: the official @ringcentral/sdk, logged in with the JWT, fetching
// the same pages as Trunkline one after the other (await in a loop, as the SDK's examples do).
// Usage: node sdk-fetch.mjs URLS_FILE [BUDGET_SECONDS]
// Environment: RINGCENTRAL_SERVER, RINGCENTRAL_CLIENT_ID, RINGCENTRAL_CLIENT_SECRET, RINGCENTRAL_JWT.
// Prints "seconds=S pages=N of=M": with a budget, it stops when the budget is spent and S is then the
// time for all M pages extrapolated from the N it fetched (marked extrapolated=1).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The SDK as scripts/npm-deps installs it for the compatibility test (tests/compat/node_modules).
const require = createRequire(new URL('../../tests/compat/package.json', import.meta.url));
const { SDK } = require('@ringcentral/sdk');

const env = process.env;
const urls = readFileSync(process.argv[2], 'utf8').split('\n').filter((u) => u.length > 0);
const budget = Number(process.argv[3] || 0);
const sdk = new SDK({
    server: env.RINGCENTRAL_SERVER,
    clientId: env.RINGCENTRAL_CLIENT_ID,
    clientSecret: env.RINGCENTRAL_CLIENT_SECRET,
});
const platform = sdk.platform();
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
await platform.login({ jwt: env.RINGCENTRAL_JWT });
let done = 0;
for (const url of urls) {
    const path = url.replace(env.RINGCENTRAL_SERVER, '');
    const response = await platform.get(path);
    await response.json();
    done += 1;
    if (budget > 0 && elapsed() > budget)
        break;
}
const seconds = elapsed();
const extrapolated = done < urls.length;
const total = extrapolated ? (seconds * urls.length) / done : seconds;
console.log(`seconds=${total.toFixed(2)} pages=${done} of=${urls.length} extrapolated=${extrapolated ? 1 : 0}`);
