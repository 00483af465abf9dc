#include "ProviderTestRig.h"
#include "providers/restcomm/RestcommClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::restcomm::AvailableNumber;
using providers::restcomm::ProvisionRequest;
using providers::restcomm::RestcommClient;
using namespace trunkline::test; // the rig: ProviderRig, await, listAll, ...

namespace {

emulator::EmulatorOptions options(int numbers = 260) {
    emulator::EmulatorOptions o;
    o.seed = 3;
    o.numbers = numbers;
    return o;
}

QString message(const std::optional<net::ApiError>& error) {
    return error ? error->message() : QString();
}

// Every incoming number the client lists, page by page, with how the listing ended.
auto listNumbers(RestcommClient& client) {
    return listAll<core::PhoneNumberRecord>(
        [&](auto onPage, auto done) { client.listIncomingNumbers(onPage, done); });
}

// sid -> phone number of every number the account itself owns, from the emulator's data.
QHash<QString, QString> numbersOf(emulator::EmulatorServer& server, const QString& accountSid) {
    QHash<QString, QString> out;
    for (const QJsonValue& value :
         test::snapshotOf(server, u"/restcomm"_s).value(u"incoming_phone_numbers"_s).toArray()) {
        const QJsonObject columns = value.toObject().value(u"columns"_s).toObject();
        if (columns.value(u"account_sid"_s).toString() == accountSid)
            out.insert(columns.value(u"sid"_s).toString(), columns.value(u"phone_number"_s).toString());
    }
    return out;
}

} // namespace

class tst_RestcommClient : public QObject {
    Q_OBJECT

private slots:
    void fullListingEqualsEmulatorData_data() {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("many pages") << 17;
        QTest::newRow("exact pages") << 10;
        QTest::newRow("one page") << 5000;
    }
    void fullListingEqualsEmulatorData() {
        QFETCH(int, pageSize);
        ProviderRig rig(Provider::Restcomm, options());
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        const QString account = rig.server.credentials().restcommAccountSid;
        RestcommClient client(rig.api.get(), account);
        client.setPageSize(pageSize);
        const auto listed = listNumbers(client);
        QVERIFY2(listed.outcome.complete, qPrintable(message(listed.outcome.error)));
        const QHash<QString, QString> expected = numbersOf(rig.server, account);
        QVERIFY(expected.size() > 200); // --numbers counts every account's numbers
        QCOMPARE(listed.records.size(), expected.size());
        QSet<QString> seen;
        for (const core::PhoneNumberRecord& n : listed.records) {
            QVERIFY2(!seen.contains(n.id), qPrintable(n.id));
            seen.insert(n.id);
            QCOMPARE(n.e164, expected.value(n.id));
            QCOMPARE(n.provider, core::kProviderRestcomm.toString());
            QVERIFY(n.restcomm);
            QCOMPARE(n.restcomm->accountSid, account);
        }
    }

    void getMatchesListing() {
        ProviderRig rig(Provider::Restcomm, options(20));
        QVERIFY(rig.listening);
        RestcommClient client(rig.api.get(), rig.server.credentials().restcommAccountSid);
        const auto listed = listNumbers(client);
        QVERIFY(!listed.records.isEmpty());
        for (const core::PhoneNumberRecord& n : listed.records.mid(0, 5)) {
            const auto read =
                await<core::PhoneNumberRecord>([&](auto done) { client.getIncomingNumber(n.id, done); });
            QVERIFY2(read.ok(), qPrintable(message(read.error)));
            // A single read names no application (restcomm §3); with the listed names kept it is the
            // listed record.
            core::PhoneNumberRecord single = *read.value;
            QVERIFY(single.restcomm->voiceApplicationName.isNull());
            single.restcomm->keepApplicationNames(*n.restcomm);
            QCOMPARE(single, n);
        }
        const auto missing = await<core::PhoneNumberRecord>(
            [&](auto done) { client.getIncomingNumber(u"PN00000000000000000000000000000000"_s, done); });
        QVERIFY(missing.error);
        QCOMPARE(missing.error->kind, net::ApiError::Kind::NotFound);
    }

    void updateRoundTrips() {
        ProviderRig rig(Provider::Restcomm, options(20));
        QVERIFY(rig.listening);
        RestcommClient client(rig.api.get(), rig.server.credentials().restcommAccountSid);
        const auto listed = listNumbers(client);
        QVERIFY(!listed.records.isEmpty());
        core::PhoneNumberRecord changed = listed.records.last();
        changed.label = u"Front desk & lobby"_s;
        changed.restcomm->voiceUrl = u"http://127.0.0.1/apps/ivr.xml?lang=de"_s;
        changed.restcomm->voiceMethod = u"GET"_s;
        changed.restcomm->smsUrl = QString(); // cleared
        changed.restcomm->smsCapable = !changed.restcomm->smsCapable;
        changed.restcomm->voiceCallerIdLookup = true;
        // Not among the fields sent: the provider keeps its fallback URL.
        const QString fallbackBefore = changed.restcomm->voiceFallbackUrl;
        changed.restcomm->voiceFallbackUrl = u"http://127.0.0.1/not-sent.xml"_s;
        const QStringList fields = {u"label"_s,  u"voiceUrl"_s,   u"voiceMethod"_s,
                                    u"smsUrl"_s, u"smsCapable"_s, u"voiceCallerIdLookup"_s};
        const auto updated = await<core::PhoneNumberRecord>(
            [&](auto done) { client.updateIncomingNumber(changed, fields, done); });
        QVERIFY2(updated.ok(), qPrintable(message(updated.error)));
        const auto read =
            await<core::PhoneNumberRecord>([&](auto done) { client.getIncomingNumber(changed.id, done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value->label, changed.label);
        QCOMPARE(read.value->restcomm->voiceUrl, changed.restcomm->voiceUrl);
        QCOMPARE(read.value->restcomm->voiceMethod, u"GET"_s);
        QVERIFY(read.value->restcomm->smsUrl.isNull());
        QCOMPARE(read.value->restcomm->smsCapable, changed.restcomm->smsCapable);
        QVERIFY(read.value->restcomm->voiceCallerIdLookup);
        QCOMPARE(read.value->e164, changed.e164);
        QCOMPARE(read.value->restcomm->voiceFallbackUrl, fallbackBefore);
    }

    void provisionSearchAndDelete() {
        ProviderRig rig(Provider::Restcomm, options(0));
        QVERIFY(rig.listening);
        RestcommClient client(rig.api.get(), rig.server.credentials().restcommAccountSid);

        const auto offered = await<QList<AvailableNumber>>(
            [&](auto done) { client.searchAvailableNumbers(u"US"_s, u"Local"_s, {}, {}, done); });
        QVERIFY2(offered.ok(), qPrintable(message(offered.error)));
        QVERIFY(!offered.value->isEmpty());
        const AvailableNumber pick = offered.value->first();
        QCOMPARE(pick.isoCountry, u"US"_s);
        const QString areaCode = pick.phoneNumber.mid(2, 3);
        const auto narrowed = await<QList<AvailableNumber>>(
            [&](auto done) { client.searchAvailableNumbers(u"US"_s, u"Local"_s, areaCode, {}, done); });
        QVERIFY(narrowed.ok());
        for (const AvailableNumber& a : *narrowed.value)
            QVERIFY2(a.phoneNumber.mid(2).startsWith(areaCode), qPrintable(a.phoneNumber));

        ProvisionRequest buy;
        buy.number.e164 = pick.phoneNumber;
        buy.number.label = u"Sales line"_s;
        buy.number.restcomm = core::RestcommAttributes{};
        buy.number.restcomm->voiceUrl = u"http://127.0.0.1/sales.xml"_s;
        buy.numberType = u"Local"_s;
        const auto bought =
            await<core::PhoneNumberRecord>([&](auto done) { client.provisionIncomingNumber(buy, done); });
        QVERIFY2(bought.ok(), qPrintable(message(bought.error)));
        QCOMPARE(bought.value->e164, pick.phoneNumber);
        QCOMPARE(bought.value->label, u"Sales line"_s);
        QCOMPARE(bought.value->restcomm->voiceUrl, u"http://127.0.0.1/sales.xml"_s);
        QVERIFY(!bought.value->restcomm->pureSip);

        ProvisionRequest sip;
        sip.number.e164 = u"11223344"_s;
        sip.number.restcomm = core::RestcommAttributes{};
        sip.number.restcomm->pureSip = true;
        const auto added =
            await<core::PhoneNumberRecord>([&](auto done) { client.provisionIncomingNumber(sip, done); });
        QVERIFY2(added.ok(), qPrintable(message(added.error)));
        QCOMPARE(added.value->e164, u"11223344"_s); // stored as typed
        QVERIFY(added.value->restcomm->pureSip);
        // The same SIP number again in the same organisation: 400 with Restcomm's bare code 21452.
        const auto again =
            await<core::PhoneNumberRecord>([&](auto done) { client.provisionIncomingNumber(sip, done); });
        QVERIFY(again.error);
        QCOMPARE(again.error->kind, net::ApiError::Kind::Invalid);
        QVERIFY2(again.error->message().contains(u"21452"_s), qPrintable(again.error->message()));

        auto listed = listNumbers(client);
        QSet<QString> sids;
        for (const core::PhoneNumberRecord& n : listed.records)
            sids.insert(n.id);
        QVERIFY(sids.contains(bought.value->id) && sids.contains(added.value->id));

        QVERIFY(!awaitCompletion([&](auto done) { client.deleteIncomingNumber(*added.value, done); }));
        const auto gone = await<core::PhoneNumberRecord>(
            [&](auto done) { client.getIncomingNumber(added.value->id, done); });
        QCOMPARE(gone.error->kind, net::ApiError::Kind::NotFound);
        const auto deletedTwice =
            awaitCompletion([&](auto done) { client.deleteIncomingNumber(*added.value, done); });
        QVERIFY(deletedTwice);
        QCOMPARE(deletedTwice->kind, net::ApiError::Kind::NotFound);
        QVERIFY2(deletedTwice->message().contains(u"11223344"_s), qPrintable(deletedTwice->message()));
    }

    // Lost answers to provisioning are checked before anything is re-sent: each SIP number exists once.
    void provisionUnderFaultsTakesEffectOnce() {
        emulator::EmulatorOptions faulty = options(0);
        faulty.faults.truncate = 0.12;
        faulty.faults.drop = 0.08;
        faulty.faults.serverError = 0.08;
        ProviderRig rig(Provider::Restcomm, faulty);
        QVERIFY(rig.listening);
        RestcommClient client(rig.api.get(), rig.server.credentials().restcommAccountSid);
        for (int i = 0; i < 12; ++i) {
            ProvisionRequest sip;
            sip.number.e164 = QString::number(880000 + i);
            sip.number.restcomm = core::RestcommAttributes{};
            sip.number.restcomm->pureSip = true;
            const auto added =
                await<core::PhoneNumberRecord>([&](auto done) { client.provisionIncomingNumber(sip, done); });
            QVERIFY2(added.ok(), qPrintable(sip.number.e164 + u": "_s + message(added.error)));
            QCOMPARE(added.value->e164, sip.number.e164);
        }
        const emulator::ServedCounts counts = rig.server.servedCounts();
        QVERIFY2(counts.truncated + counts.dropped + counts.serverErrors > 0, "faults must have happened");
        const auto listed = listNumbers(client);
        QVERIFY(listed.outcome.complete);
        QHash<QString, int> perNumber;
        for (const core::PhoneNumberRecord& n : listed.records)
            if (n.e164.startsWith(u"8800"_s))
                ++perNumber[n.e164];
        QCOMPARE(perNumber.size(), 12);
        for (auto it = perNumber.begin(); it != perNumber.end(); ++it)
            QCOMPARE(it.value(), 1);
    }

    void migrateMovesSubAccountToOrganisation() {
        ProviderRig rig(Provider::Restcomm, options(0));
        QVERIFY(rig.listening);
        const QString admin = rig.server.credentials().restcommAccountSid;
        RestcommClient client(rig.api.get(), admin);
        const QJsonObject state = test::snapshotOf(rig.server, u"/restcomm"_s);
        QString child;
        QString currentOrg;
        for (const QJsonValue& value : state.value(u"accounts"_s).toArray()) {
            const QJsonObject a = value.toObject();
            if (a.value(u"parent_sid"_s).toString() == admin) {
                child = a.value(u"sid"_s).toString();
                currentOrg = a.value(u"organization_sid"_s).toString();
                break;
            }
        }
        QVERIFY(!child.isEmpty());
        QString otherOrg;
        const QJsonObject orgs = state.value(u"organizations"_s).toObject();
        for (auto it = orgs.begin(); it != orgs.end(); ++it)
            if (it.key() != currentOrg)
                otherOrg = it.key();
        QVERIFY(!otherOrg.isEmpty());

        QVERIFY(!awaitCompletion([&](auto done) { client.migrateNumbers(child, otherOrg, done); }));
        bool moved = false;
        for (const QJsonValue& value :
             test::snapshotOf(rig.server, u"/restcomm"_s).value(u"accounts"_s).toArray())
            if (value.toObject().value(u"sid"_s).toString() == child)
                moved = value.toObject().value(u"organization_sid"_s).toString() == otherOrg;
        QVERIFY(moved);
        // A top-level account's numbers cannot be migrated.
        const auto refused =
            awaitCompletion([&](auto done) { client.migrateNumbers(admin, otherOrg, done); });
        QVERIFY(refused);
        QCOMPARE(refused->kind, net::ApiError::Kind::Invalid);
    }

    void wrongTokenIsUnauthorized() {
        emulator::EmulatorServer server(options(0));
        QString error;
        QVERIFY(server.listen(&error));
        QNetworkAccessManager network;
        const QString account = server.credentials().restcommAccountSid;
        net::ApiClient api(u"Restcomm"_s, server.baseUrl(),
                           std::make_shared<net::BasicAuthenticator>(account, "nope"), &network);
        RestcommClient client(&api, account);
        const auto listed = listNumbers(client);
        QVERIFY(!listed.outcome.complete);
        QCOMPARE(listed.outcome.error->kind, net::ApiError::Kind::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(tst_RestcommClient)
#include "tst_RestcommClient.moc"
