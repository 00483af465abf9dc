// Compatibility test: the official `telnyx` npm SDK, unmodified, against trunkline-emulator.
// Walks the German extended-number porting flow of seed 002 the way a customer script would.
//
// Usage: node telnyx.mjs [path/to/trunkline-emulator]
//   With TELNYX_BASE_URL and TELNYX_API_KEY set, it talks to that running emulator instead of
//   starting one. Otherwise it starts the given executable (or $TRUNKLINE_EMULATOR) on a free port.
// Exit code 0 = every step behaved as the SDK expects; 1 = a step failed (the message says which).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import Telnyx from 'telnyx';

async function startEmulator(executable) {
    const child = spawn(executable, ['--port', '0', '--seed', '20260'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const seen = {};
    await new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`emulator exited early with code ${code}`)));
        lines.on('line', (line) => {
            const [label, ...rest] = line.split(' ');
            if (label === 'listening') seen.baseUrl = rest[0];
            if (label === 'telnyx') {
                for (const pair of rest) {
                    const [key, value] = pair.split('=');
                    if (key === 'api_key') seen.apiKey = value;
                }
            }
            if (seen.baseUrl && seen.apiKey) resolve();
        });
    });
    child.removeAllListeners('exit');
    return { child, baseURL: `${seen.baseUrl}/v2`, apiKey: seen.apiKey };
}

async function collect(iterable) {
    const items = [];
    for await (const item of iterable) items.push(item);
    return items;
}

async function expectApiError(promise, status, pointer, step) {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof Telnyx.APIError, `${step}: expected a Telnyx.APIError, got ${error}`);
        assert.equal(error.status, status, `${step}: HTTP status`);
        if (pointer !== undefined) {
            const errors = error.error?.errors ?? [];
            assert.ok(errors.length > 0, `${step}: the body has errors[]`);
            assert.equal(errors[0].source?.pointer, pointer, `${step}: errors[0].source.pointer`);
            assert.equal(typeof errors[0].code, 'string', `${step}: errors[0].code is a string`);
        }
        return error;
    }
    assert.fail(`${step}: expected HTTP ${status}, the call succeeded`);
}

async function run({ baseURL, apiKey }) {
    const client = new Telnyx({ apiKey, baseURL, maxRetries: 0 });
    const route = '+4920155501';

    // 1. A German porting order with the route number only.
    const created = await client.portingOrders.create({ phone_numbers: [route], customer_reference: 'compat-telnyx' });
    assert.ok(Array.isArray(created.data), 'create returns data[] (Telnyx may split orders)');
    assert.equal(created.data.length, 1);
    const order = created.data[0];
    assert.equal(order.status.value, 'draft');
    assert.equal(order.record_type, 'porting_order');
    assert.equal(order.phone_numbers[0].phone_number, route);

    // 2. The route number's porting phone number id, filtered by order (auto-paginating list).
    const numbers = await collect(client.portingPhoneNumbers.list({ filter: { porting_order_id: order.id } }));
    assert.equal(numbers.length, 1, 'exactly the route number is listed');
    assert.equal(numbers[0].phone_number, route);
    assert.equal(numbers[0].porting_order_id, order.id);
    const portingPhoneNumberId = numbers[0].id; // UNCONFIRMED field name upstream; the emulator sends "id"
    assert.match(portingPhoneNumberId, /^[0-9a-f-]{36}$/);

    // 3. Extensions: the docs' example block, then a rule violation the SDK surfaces as a 422.
    const extensions = client.portingOrders.phoneNumberExtensions;
    const extension = await extensions.create(order.id, {
        porting_phone_number_id: portingPhoneNumberId,
        extension_range: { start_at: 0, end_at: 99 },
        activation_ranges: [{ start_at: 4, end_at: 4 }, { start_at: 19, end_at: 20 }, { start_at: 42, end_at: 42 }],
    });
    assert.equal(extension.data.record_type, 'porting_phone_number_extension');
    assert.deepEqual(extension.data.extension_range, { start_at: 0, end_at: 99 });
    const overlap = await expectApiError(
        extensions.create(order.id, {
            porting_phone_number_id: portingPhoneNumberId,
            extension_range: { start_at: 100, end_at: 199 },
            activation_ranges: [{ start_at: 150, end_at: 160 }, { start_at: 155, end_at: 170 }],
        }),
        422, '/activation_ranges/1', 'overlapping activation ranges');
    assert.ok(overlap instanceof Telnyx.UnprocessableEntityError);
    const second = await extensions.create(order.id, {
        porting_phone_number_id: portingPhoneNumberId,
        extension_range: { start_at: 100, end_at: 199 },
        activation_ranges: [{ start_at: 100, end_at: 100 }],
    });

    // 4. List with a page size of 1: the SDK follows meta.page_number/total_pages.
    const listed = await collect(extensions.list(order.id, { page: { size: 1 } }));
    assert.deepEqual(listed.map((e) => e.id).sort(), [extension.data.id, second.data.id].sort());

    // 5. Delete answers 200 with the deleted record.
    const deleted = await extensions.delete(second.data.id, { porting_order_id: order.id });
    assert.equal(deleted.data.id, second.data.id);
    assert.equal((await collect(extensions.list(order.id))).length, 1);
    await expectApiError(extensions.delete(second.data.id, { porting_order_id: order.id }), 404, undefined,
        'deleting twice');

    // 6. Confirm: refused until the end user and documents are given, then in-process. The documents are
    //    uploaded first (inline base64); an order cannot name one that was never uploaded.
    await expectApiError(client.portingOrders.actions.confirm(order.id), 422, undefined, 'confirm incomplete order');
    const pdf = Buffer.from('%PDF-1.4\n% compat\n%%EOF\n').toString('base64');
    const loa = await client.documents.uploadJson({ document: { file: pdf, filename: 'loa.pdf' } });
    const invoice = await client.documents.uploadJson({ document: { file: pdf, filename: 'invoice.pdf' } });
    assert.equal(loa.data.content_type, 'application/pdf');
    assert.equal((await client.documents.retrieve(loa.data.id)).data.filename, 'loa.pdf');
    await expectApiError(client.portingOrders.update(order.id, {
        documents: { loa: '0b6a8d36-5b8f-4d5e-9a51-0c7b8f3e2a10' },
    }), 422, '/documents/loa', 'naming a document never uploaded');
    const updated = await client.portingOrders.update(order.id, {
        end_user: {
            admin: { entity_name: 'Compat GmbH', auth_person_name: 'Erika Mustermann' },
            location: { street_address: 'Kettwiger Straße 3', locality: 'Essen', postal_code: '45127', country_code: 'DE' },
        },
        documents: { loa: loa.data.id, invoice: invoice.data.id },
    });
    assert.equal(updated.data.requirements_met, true);
    const confirmed = await client.portingOrders.actions.confirm(order.id);
    assert.equal(confirmed.data.status.value, 'in-process');
    assert.match(confirmed.meta.phone_numbers_url, /filter\[porting_order_id\]=/);
    const retrieved = await client.portingOrders.retrieve(order.id);
    assert.equal(retrieved.data.status.value, 'in-process');
    await expectApiError(client.portingOrders.delete(order.id), 422, '/status', 'deleting a non-draft order');

    // 7. Paging through every order, and a wrong key.
    const all = await collect(client.portingOrders.list({ page: { size: 3 } }));
    assert.ok(all.some((o) => o.id === order.id));
    assert.equal(new Set(all.map((o) => o.id)).size, all.length, 'no order twice across pages');
    const stranger = new Telnyx({ apiKey: 'KEYwrong', baseURL, maxRetries: 0 });
    const denied = await expectApiError(stranger.portingOrders.list().then((page) => page), 401, undefined,
        'wrong API key');
    assert.ok(denied instanceof Telnyx.AuthenticationError);
}

const external = process.env.TELNYX_BASE_URL && process.env.TELNYX_API_KEY;
let emulator = null;
try {
    const target = external
        ? { baseURL: process.env.TELNYX_BASE_URL, apiKey: process.env.TELNYX_API_KEY }
        : (emulator = await startEmulator(process.argv[2] ?? process.env.TRUNKLINE_EMULATOR ?? 'trunkline-emulator'));
    await run(target);
    console.log('telnyx compat: OK');
    process.exitCode = 0;
} catch (error) {
    console.error(`telnyx compat: FAILED: ${error.stack ?? error}`);
    process.exitCode = 1;
} finally {
    emulator?.child.kill('SIGTERM');
}
