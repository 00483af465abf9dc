// Compatibility test: the official RingCentral JavaScript SDK (@ringcentral/sdk), unmodified, against
// trunkline-emulator. Run through run.mjs, which provides RINGCENTRAL_SERVER, RINGCENTRAL_CLIENT_ID,
// RINGCENTRAL_CLIENT_SECRET, RINGCENTRAL_JWT (admin) and RINGCENTRAL_USER_JWT (non-admin user).
// Exit code 0 = every step behaved as the SDK expects; 1 = a step failed (the message says which).

import assert from 'node:assert/strict';
import { SDK } from '@ringcentral/sdk';

const env = process.env;
for (const key of ['RINGCENTRAL_SERVER', 'RINGCENTRAL_CLIENT_ID', 'RINGCENTRAL_CLIENT_SECRET', 'RINGCENTRAL_JWT']) {
    if (!env[key]) {
        console.error(`${key} is not set; run this script through run.mjs`);
        process.exit(2);
    }
}

// Each SDK keeps its tokens in a cache; separate prefixes keep the admin's and the user's apart.
function makeSdk(cachePrefix = 'admin-') {
    return new SDK({
        cachePrefix,
        server: env.RINGCENTRAL_SERVER,
        clientId: env.RINGCENTRAL_CLIENT_ID,
        clientSecret: env.RINGCENTRAL_CLIENT_SECRET,
    });
}

let step = '';
async function run(name, fn) {
    step = name;
    await fn();
    console.log(`ok - ${name}`);
}

async function expectError(promise, status, errorCode) {
    try {
        await promise;
    } catch (e) {
        assert.ok(e.response, `expected an HTTP error, got ${e}`);
        assert.equal(e.response.status, status);
        const body = await e.response.clone().json();
        assert.equal(body.errors[0].errorCode, errorCode);
        return body;
    }
    assert.fail(`expected HTTP ${status} ${errorCode}`);
}

const sdk = makeSdk();
const platform = sdk.platform();

try {
    await run('JWT login', async () => {
        const response = await platform.login({ jwt: env.RINGCENTRAL_JWT });
        const token = await response.json();
        assert.equal(token.token_type, 'bearer');
        assert.ok(await platform.loggedIn(), 'the SDK considers itself logged in');
    });

    let account;
    await run('account ~', async () => {
        account = await (await platform.get('/restapi/v1.0/account/~')).json();
        assert.ok(account.id > 0);
        assert.match(account.mainNumber, /^\+\d+$/);
    });

    const extensions = [];
    await run('list extensions page by page via navigation', async () => {
        let url = '/restapi/v1.0/account/~/extension';
        let query = { perPage: 5 };
        for (let guard = 0; url && guard < 100; ++guard) {
            const page = await (await platform.get(url, query)).json();
            extensions.push(...page.records);
            assert.ok(page.records.length <= 5);
            url = page.navigation.nextPage?.uri ?? null;
            query = undefined; // the next-page URI carries its own query
        }
        const total = (await (await platform.get('/restapi/v1.0/account/~/extension', { perPage: 1 })).json()).paging
            .totalElements;
        assert.equal(extensions.length, total);
        assert.equal(new Set(extensions.map((e) => e.id)).size, total, 'no extension twice');
    });

    await run('filter extensions by type', async () => {
        const users = await (await platform.get('/restapi/v1.0/account/~/extension', { type: 'User', status: 'Enabled' })).json();
        assert.ok(users.records.length > 0);
        assert.ok(users.records.every((e) => e.type === 'User' && e.status === 'Enabled'));
    });

    await run('account and extension phone numbers', async () => {
        const all = await (await platform.get('/restapi/v1.0/account/~/phone-number', { perPage: 1000 })).json();
        assert.ok(all.records.some((n) => n.usageType === 'MainCompanyNumber'));
        const direct = await (await platform.get('/restapi/v1.0/account/~/phone-number', { usageType: 'DirectNumber' })).json();
        assert.ok(direct.records.length > 0 && direct.records.every((n) => n.usageType === 'DirectNumber'));
        const mine = await (await platform.get('/restapi/v1.0/account/~/extension/~/phone-number')).json();
        assert.ok(mine.records.every((n) => Array.isArray(n.features)));
    });

    await run('forwarding numbers: list, create, update, delete', async () => {
        const base = '/restapi/v1.0/account/~/extension/~/forwarding-number';
        const before = (await (await platform.get(base)).json()).records.length;
        const created = await (await platform.post(base, { phoneNumber: '+4915112345678', label: 'Compat', type: 'Other' })).json();
        assert.equal(typeof created.id, 'string');
        assert.equal(created.label, 'Compat');
        const updated = await (await platform.put(`${base}/${created.id}`, { label: 'Compat 2' })).json();
        assert.equal(updated.label, 'Compat 2');
        assert.equal((await (await platform.get(base)).json()).records.length, before + 1);
        await expectError(platform.post(base, { phoneNumber: '0151 123' }), 400, 'CMN-101');
        const deleted = await platform.delete(`${base}/${created.id}`);
        assert.equal(deleted.status, 204);
        assert.equal((await (await platform.get(base)).json()).records.length, before);
    });

    await run('update an extension', async () => {
        const updated = await (await platform.put('/restapi/v1.0/account/~/extension/~', {
            contact: { jobTitle: 'Compatibility tester' },
            regionalSettings: { timezone: { id: '70' }, timeFormat: '24h' },
        })).json();
        assert.equal(updated.contact.jobTitle, 'Compatibility tester');
        assert.equal(updated.regionalSettings.timeFormat, '24h');
        const again = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
        assert.equal(again.contact.jobTitle, 'Compatibility tester');
    });

    await run('refresh the token', async () => {
        const before = (await platform.auth().data()).access_token;
        await platform.refresh();
        const after = (await platform.auth().data()).access_token;
        assert.notEqual(after, before);
        assert.equal((await platform.get('/restapi/v1.0/account/~/extension/~')).status, 200);
    });

    await run('non-admin user gets 403 on admin operations', async () => {
        const userPlatform = makeSdk('user-').platform();
        await userPlatform.login({ jwt: env.RINGCENTRAL_USER_JWT });
        await expectError(
            userPlatform.post('/restapi/v1.0/account/~/extension', { contact: { firstName: 'X', email: 'x@example.com' } }),
            403, 'CMN-408');
        const numbers = await (await userPlatform.get('/restapi/v1.0/account/~/phone-number')).json();
        assert.ok(numbers.records.every((n) => n.usageType === 'DirectNumber'));
        await userPlatform.logout();
    });

    await run('logout revokes the token', async () => {
        const token = (await platform.auth().data()).access_token;
        await platform.logout();
        const response = await fetch(`${env.RINGCENTRAL_SERVER}/restapi/v1.0/account/~`, {
            headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(response.status, 401);
    });
} catch (e) {
    console.error(`not ok - ${step}: ${e.stack ?? e}`);
    process.exit(1);
}
console.log('ringcentral compat: all steps passed');
