#include "ProviderTestRig.h"
#include "providers/ringcentral/RingCentralClient.h"
#include "providers/ringcentral/RingCentralMapper.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::Outcome;
using providers::ringcentral::RingCentralClient;
using providers::ringcentral::RingCentralMapper;
using providers::ringcentral::SettingsDocument;
using namespace trunkline::test; // the rig: ProviderRig, await, listAll, ...

namespace {

emulator::EmulatorOptions office(int extensions = 60, int numbers = 240) {
    emulator::EmulatorOptions options;
    options.seed = 11;
    options.extensions = extensions;
    options.numbers = numbers;
    options.rateLimits = false; // the pacing itself is ApiClient's test; here the data matters
    return options;
}

core::Extension newExtension(const QString& number) {
    core::Extension e;
    e.extensionNumber = number;
    e.type = core::ExtensionType::User;
    e.status = core::ExtensionStatus::Enabled;
    e.contact.firstName = u"Greta"_s;
    e.contact.lastName = u"Nowak"_s;
    e.contact.email = u"greta.nowak"_s + number + u"@example.com"_s;
    e.contact.department = u"Sales"_s;
    return e;
}

// A new user extension with `number`, created through `client`.
Outcome<core::Extension> createNewExtension(RingCentralClient& client, const QString& number) {
    return await<core::Extension>([&](auto done) { client.createExtension(newExtension(number), done); });
}

QString message(const std::optional<net::ApiError>& error) {
    return error ? error->message() : QString();
}

} // namespace

class tst_RingCentralClient : public QObject {
    Q_OBJECT

private slots:
    void account() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        RingCentralClient client(rig.api.get());
        const auto outcome = await<core::Account>([&](auto done) { client.fetchAccount(done); });
        QVERIFY2(outcome.ok(), qPrintable(message(outcome.error)));
        const QJsonObject state = test::snapshotOf(rig.server, u"/restapi"_s);
        QCOMPARE(outcome.value->id, state.value(u"accountId"_s).toString());
        QVERIFY(outcome.value->mainNumber.startsWith(u'+'));
        QCOMPARE(outcome.value->brand, u"RingCentral"_s);
        QVERIFY(!outcome.value->servicePlan.isEmpty());
    }

    // A paged listing equals the emulator's data: every extension and number, once each.
    void fullListingsEqualEmulatorData() {
        ProviderRig rig(Provider::RingCentralAdmin, office(75, 330));
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        client.setPageSize(20);
        const QJsonObject state = test::snapshotOf(rig.server, u"/restapi"_s);

        const auto extensions = listAll<core::Extension>(
            [&](auto onPage, auto done) { client.listExtensions({}, onPage, done); });
        QVERIFY(extensions.done);
        QVERIFY2(extensions.outcome.complete, qPrintable(message(extensions.outcome.error)));
        QVERIFY(extensions.pages.size() > 3);
        QHash<QString, QJsonObject> expected;
        for (const QJsonValue& value : state.value(u"extensions"_s).toArray())
            expected.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
        QCOMPARE(extensions.records.size(), expected.size());
        QSet<QString> seen;
        for (const core::Extension& e : extensions.records) {
            QVERIFY2(!seen.contains(e.id), qPrintable(e.id));
            seen.insert(e.id);
            QVERIFY2(expected.contains(e.id), qPrintable(e.id));
            const QJsonObject want = expected.value(e.id);
            QCOMPARE(e.extensionNumber, want.value(u"extensionNumber"_s).toString());
            QCOMPARE(core::toWire(e.status), want.value(u"status"_s).toString());
            QCOMPARE(core::toWire(e.type), want.value(u"type"_s).toString());
            QCOMPARE(e.contact.email, want.value(u"email"_s).toString());
            QCOMPARE(e.admin, want.value(u"admin"_s).toBool());
        }

        const auto numbers = listAll<core::PhoneNumberRecord>(
            [&](auto onPage, auto done) { client.listAccountPhoneNumbers(onPage, done); });
        QVERIFY2(numbers.outcome.complete, qPrintable(message(numbers.outcome.error)));
        QHash<QString, QString> expectedNumbers; // id -> E.164 (positional array in the snapshot)
        for (const QJsonValue& value : state.value(u"numbers"_s).toArray())
            expectedNumbers.insert(value.toArray().at(0).toString(), value.toArray().at(1).toString());
        QCOMPARE(numbers.records.size(), expectedNumbers.size());
        QSet<QString> seenNumbers;
        for (const core::PhoneNumberRecord& n : numbers.records) {
            QVERIFY(!seenNumbers.contains(n.id));
            seenNumbers.insert(n.id);
            QCOMPARE(n.e164, expectedNumbers.value(n.id));
            QCOMPARE(n.provider, core::kProviderRingCentral.toString());
        }
        QCOMPARE(numbers.outcome.records, numbers.records.size());
    }

    void extensionFilters_data() {
        QTest::addColumn<QList<core::ExtensionType>>("types");
        QTest::addColumn<QList<core::ExtensionStatus>>("statuses");
        QTest::newRow("users") << QList<core::ExtensionType>{core::ExtensionType::User}
                               << QList<core::ExtensionStatus>{};
        QTest::newRow("call queues and IVRs")
            << QList<core::ExtensionType>{core::ExtensionType::Department, core::ExtensionType::IvrMenu}
            << QList<core::ExtensionStatus>{};
        QTest::newRow("enabled users") << QList<core::ExtensionType>{core::ExtensionType::User}
                                       << QList<core::ExtensionStatus>{core::ExtensionStatus::Enabled};
    }
    void extensionFilters() {
        QFETCH(QList<core::ExtensionType>, types);
        QFETCH(QList<core::ExtensionStatus>, statuses);
        ProviderRig rig(Provider::RingCentralAdmin, office(90, 100));
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        client.setPageSize(15);
        int expected = 0;
        for (const QJsonValue& value :
             test::snapshotOf(rig.server, u"/restapi"_s).value(u"extensions"_s).toArray()) {
            const QJsonObject e = value.toObject();
            const bool typeOk =
                types.isEmpty() ||
                types.contains(*core::fromWire<core::ExtensionType>(e.value(u"type"_s).toString()));
            const bool statusOk =
                statuses.isEmpty() ||
                statuses.contains(*core::fromWire<core::ExtensionStatus>(e.value(u"status"_s).toString()));
            expected += typeOk && statusOk ? 1 : 0;
        }
        const auto listed = listAll<core::Extension>([&](auto onPage, auto done) {
            client.listExtensions({types, statuses}, onPage, done);
        });
        QVERIFY(listed.outcome.complete);
        QCOMPARE(listed.records.size(), expected);
        for (const core::Extension& e : listed.records) {
            QVERIFY(types.contains(e.type));
            QVERIFY(statuses.isEmpty() || statuses.contains(e.status));
        }
    }

    void extensionCreateUpdateDelete() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const core::Extension wanted = newExtension(u"7301"_s);
        const auto created = await<core::Extension>([&](auto done) { client.createExtension(wanted, done); });
        QVERIFY2(created.ok(), qPrintable(message(created.error)));
        QVERIFY(!created.value->id.isEmpty());
        QCOMPARE(created.value->extensionNumber, wanted.extensionNumber);
        // RingCentral fills in the account's company name; everything sent comes back as sent.
        core::ExtensionContact expectedContact = wanted.contact;
        expectedContact.company = created.value->contact.company;
        QVERIFY(!expectedContact.company.isEmpty());
        QCOMPARE(created.value->contact, expectedContact);

        const auto read =
            await<core::Extension>([&](auto done) { client.getExtension(created.value->id, done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value->contact, expectedContact);
        QCOMPARE(read.value->status, core::ExtensionStatus::Enabled);

        core::Extension changed = *read.value;
        changed.contact.department = u"Support"_s;
        changed.contact.jobTitle = u"Lead"_s;
        changed.status = core::ExtensionStatus::Disabled;
        changed.extensionNumber = u"7302"_s;
        // Not among the fields sent: the provider's company stays as it is (no whole-record overwrite).
        changed.contact.company = u"Not sent Ltd"_s;
        const QStringList fields = {u"contact.department"_s, u"contact.jobTitle"_s, u"status"_s,
                                    u"extensionNumber"_s};
        const auto updated =
            await<core::Extension>([&](auto done) { client.updateExtension(changed, fields, done); });
        QVERIFY2(updated.ok(), qPrintable(message(updated.error)));
        const auto reread = await<core::Extension>([&](auto done) { client.getExtension(changed.id, done); });
        QVERIFY(reread.ok());
        QCOMPARE(reread.value->contact.company, expectedContact.company);
        QCOMPARE(reread.value->contact.department, u"Support"_s);
        QCOMPARE(reread.value->contact.jobTitle, u"Lead"_s);
        QCOMPARE(reread.value->status, core::ExtensionStatus::Disabled);
        QCOMPARE(reread.value->extensionNumber, u"7302"_s);

        QVERIFY(!awaitCompletion([&](auto done) { client.deleteExtension(changed, done); }));
        const auto gone = await<core::Extension>([&](auto done) { client.getExtension(changed.id, done); });
        QVERIFY(gone.error);
        QCOMPARE(gone.error->kind, net::ApiError::Kind::NotFound);
    }

    void invalidChangeNamesFieldAndRecord() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const auto first = createNewExtension(client, u"7401"_s);
        QVERIFY(first.ok());
        const auto duplicate = createNewExtension(client, u"7401"_s);
        QVERIFY(duplicate.error);
        QCOMPARE(duplicate.error->kind, net::ApiError::Kind::Invalid);
        QCOMPARE(duplicate.error->field, u"extensionNumber"_s);
        QVERIFY2(duplicate.error->message().contains(u"extension 7401"_s),
                 qPrintable(duplicate.error->message()));
    }

    void phoneNumbersOfExtension() {
        ProviderRig rig(Provider::RingCentralAdmin, office(40, 200));
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        client.setPageSize(3);
        // The extension owning most numbers in the emulator's data.
        QHash<QString, int> owned;
        for (const QJsonValue& value :
             test::snapshotOf(rig.server, u"/restapi"_s).value(u"numbers"_s).toArray())
            ++owned[value.toArray().at(6).toString()];
        owned.remove(u"0"_s);
        QString busiest;
        for (auto it = owned.begin(); it != owned.end(); ++it)
            if (busiest.isEmpty() || it.value() > owned.value(busiest))
                busiest = it.key();
        QVERIFY(!busiest.isEmpty());
        const auto listed = listAll<core::PhoneNumberRecord>(
            [&](auto onPage, auto done) { client.listExtensionPhoneNumbers(busiest, onPage, done); });
        QVERIFY2(listed.outcome.complete, qPrintable(message(listed.outcome.error)));
        int own = 0;
        for (const core::PhoneNumberRecord& n : listed.records)
            own += n.extensionId == busiest ? 1 : 0;
        QCOMPARE(own, owned.value(busiest));
    }

    void forwardingNumbersRoundTrip() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const auto owner = createNewExtension(client, u"7501"_s);
        QVERIFY(owner.ok());
        const QString ext = owner.value->id;

        core::ForwardingNumber mobile;
        mobile.phoneNumber = u"+491701234567"_s;
        mobile.type = core::ForwardingType::Mobile;
        mobile.flipNumber = 3;
        const auto created = await<core::ForwardingNumber>(
            [&](auto done) { client.createForwardingNumber(ext, mobile, done); });
        QVERIFY2(created.ok(), qPrintable(message(created.error)));
        QCOMPARE(created.value->phoneNumber, mobile.phoneNumber);
        QCOMPARE(created.value->type, core::ForwardingType::Mobile);
        QCOMPARE(created.value->flipNumber, 3);

        core::ForwardingNumber other;
        other.phoneNumber = u"+4940555123"_s;
        other.type = core::ForwardingType::Other;
        other.label = u"Holiday flat"_s;
        const auto second = await<core::ForwardingNumber>(
            [&](auto done) { client.createForwardingNumber(ext, other, done); });
        QVERIFY(second.ok());
        QCOMPARE(second.value->label, u"Holiday flat"_s);

        core::ForwardingNumber changed = *second.value;
        changed.label = u"Cottage"_s;
        changed.flipNumber = 5;
        const auto updated = await<core::ForwardingNumber>([&](auto done) {
            client.updateForwardingNumber(ext, changed, {u"label"_s, u"flipNumber"_s}, done);
        });
        QVERIFY2(updated.ok(), qPrintable(message(updated.error)));

        auto listed = listAll<core::ForwardingNumber>(
            [&](auto onPage, auto done) { client.listForwardingNumbers(ext, onPage, done); });
        QVERIFY(listed.outcome.complete);
        QCOMPARE(listed.records.size(), 2);
        const auto found = std::find_if(listed.records.begin(), listed.records.end(),
                                        [&](const core::ForwardingNumber& f) { return f.id == changed.id; });
        QVERIFY(found != listed.records.end());
        QCOMPARE(found->label, u"Cottage"_s);
        QCOMPARE(found->flipNumber, 5);

        QVERIFY(!awaitCompletion(
            [&](auto done) { client.deleteForwardingNumber(ext, created.value->id, done); }));
        listed = listAll<core::ForwardingNumber>(
            [&](auto onPage, auto done) { client.listForwardingNumbers(ext, onPage, done); });
        QCOMPARE(listed.records.size(), 1);
        QCOMPARE(listed.records.first().id, changed.id);
    }

    void settingsRoundTrip() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const QString me = u"~"_s;
        const auto get = [&](SettingsDocument document) {
            return await<QJsonObject>([&](auto done) { client.getSettings(me, document, done); });
        };
        const auto put = [&](SettingsDocument document, const QJsonObject& body) {
            return await<QJsonObject>([&](auto done) { client.putSettings(me, document, body, done); });
        };

        // Caller ID: choose another number the extension may use, read it back.
        const auto callerId = get(SettingsDocument::CallerId);
        QVERIFY2(callerId.ok(), qPrintable(message(callerId.error)));
        QVERIFY(!RingCentralMapper::callerIdNumber(*callerId.value).isEmpty());
        const QJsonObject blocked{
            {u"byFeature"_s,
             QJsonArray{QJsonObject{{u"feature"_s, u"RingOut"_s},
                                    {u"callerId"_s, QJsonObject{{u"type"_s, u"Blocked"_s}}}}}}};
        const auto putCallerId = put(SettingsDocument::CallerId, blocked);
        QVERIFY2(putCallerId.ok(), qPrintable(message(putCallerId.error)));
        const auto reread = get(SettingsDocument::CallerId);
        bool ringOutBlocked = false;
        for (const QJsonValue& value : reread.value->value(u"byFeature"_s).toArray()) {
            const QJsonObject entry = value.toObject();
            if (entry.value(u"feature"_s).toString() == u"RingOut")
                ringOutBlocked =
                    entry.value(u"callerId"_s).toObject().value(u"type"_s).toString() == u"Blocked";
        }
        QVERIFY(ringOutBlocked);

        // Notification settings: flip one flag.
        const auto settings = get(SettingsDocument::Notifications);
        QVERIFY2(settings.ok(), qPrintable(message(settings.error)));
        const bool before =
            settings.value->value(u"voicemails"_s).toObject().value(u"notifyByEmail"_s).toBool();
        QJsonObject voicemails = settings.value->value(u"voicemails"_s).toObject();
        voicemails.insert(u"notifyByEmail"_s, !before);
        const auto putSettings =
            put(SettingsDocument::Notifications, QJsonObject{{u"voicemails"_s, voicemails}});
        QVERIFY2(putSettings.ok(), qPrintable(message(putSettings.error)));
        const auto settingsAgain = get(SettingsDocument::Notifications);
        QCOMPARE(settingsAgain.value->value(u"voicemails"_s).toObject().value(u"notifyByEmail"_s).toBool(),
                 !before);

        // Business-hours rule: change the screening mode.
        const auto rule = get(SettingsDocument::BusinessHoursRule);
        QVERIFY2(rule.ok(), qPrintable(message(rule.error)));
        QCOMPARE(rule.value->value(u"id"_s).toString(), u"business-hours-rule"_s);
        const QString screening =
            rule.value->value(u"screening"_s).toString() == u"Always" ? u"NoCallerId"_s : u"Always"_s;
        const auto putRule =
            put(SettingsDocument::BusinessHoursRule, QJsonObject{{u"screening"_s, screening}});
        QVERIFY2(putRule.ok(), qPrintable(message(putRule.error)));
        const auto ruleAgain = get(SettingsDocument::BusinessHoursRule);
        QCOMPARE(ruleAgain.value->value(u"screening"_s).toString(), screening);
    }

    // Lost answers to creates (cut bodies, dropped connections, 5xx) are checked, never blindly re-sent:
    // every create ends well and each extension exists exactly once.
    void createsUnderFaultsTakeEffectOnce() {
        emulator::EmulatorOptions options = office(30, 60);
        options.seed = 12;
        options.faults.truncate = 0.12;
        options.faults.drop = 0.08;
        options.faults.serverError = 0.08;
        ProviderRig rig(Provider::RingCentralAdmin, options);
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        QStringList created;
        for (int i = 0; i < 12; ++i) {
            const QString number = QString::number(7700 + i);
            const auto outcome = createNewExtension(client, number);
            QVERIFY2(outcome.ok(), qPrintable(number + u": "_s + message(outcome.error)));
            QCOMPARE(outcome.value->extensionNumber, number);
            created.append(outcome.value->id);
        }
        const emulator::ServedCounts counts = rig.server.servedCounts();
        QVERIFY2(counts.truncated + counts.dropped + counts.serverErrors > 0, "faults must have happened");
        auto listed = listAll<core::Extension>(
            [&](auto onPage, auto done) { client.listExtensions({}, onPage, done); });
        QVERIFY2(listed.outcome.complete, qPrintable(message(listed.outcome.error)));
        QHash<QString, int> perNumber;
        for (const core::Extension& e : listed.records)
            if (e.extensionNumber.startsWith(u"77"_s) && e.extensionNumber.size() == 4)
                ++perNumber[e.extensionNumber];
        QCOMPARE(perNumber.size(), 12);
        for (auto it = perNumber.begin(); it != perNumber.end(); ++it)
            QCOMPARE(it.value(), 1);
    }

    // The account number list is in the Heavy group (10 requests a minute): with the emulator's limits on
    // (time-scaled) the paged listing still completes, paced by the group's limit rather than hitting 429s.
    void heavyListWithinRateLimits() {
        emulator::EmulatorOptions options = office(20, 330);
        options.rateLimits = true;
        options.timeScale = 60; // a one-minute window lasts one second
        ProviderRig rig(Provider::RingCentralAdmin, options);
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        client.setPageSize(15);
        const auto listed = listAll<core::PhoneNumberRecord>(
            [&](auto onPage, auto done) { client.listAccountPhoneNumbers(onPage, done); });
        QVERIFY2(listed.outcome.complete, qPrintable(message(listed.outcome.error)));
        QVERIFY(listed.pages.size() > 20); // more than two windows' worth of Heavy requests
        QCOMPARE(rig.api->rateLimitRejections(), 0);
    }

    // v2 assignPhoneNumberV2 (§4.5) as the emulator keeps it: a company number to a user and back, and
    // the refusals: a number that only forwards, an unknown extension or number, and a caller without the
    // permission. (The client always sends a direct number with its extension and a company number
    // without one, so the emulator's refusals of the other shapes are not reachable from here.)
    void phoneNumberAssignment() {
        ProviderRig rig(Provider::RingCentralAdmin, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const auto numbers = listAll<core::PhoneNumberRecord>(
            [&](auto onPage, auto done) { client.listAccountPhoneNumbers(onPage, done); });
        std::optional<core::PhoneNumberRecord> company;
        std::optional<core::PhoneNumberRecord> forwarded;
        std::optional<core::PhoneNumberRecord> direct;
        for (const core::PhoneNumberRecord& n : numbers.records) {
            if (n.usageType == core::UsageType::CompanyNumber)
                company = n;
            else if (n.usageType == core::UsageType::ForwardedNumber)
                forwarded = n;
            else if (n.usageType == core::UsageType::DirectNumber)
                direct = n;
        }
        QVERIFY(company && forwarded && direct);
        const QString userId = direct->extensionId;
        auto assign = [&](const QString& id, const QString& extension) {
            return awaitCompletion([&](auto done) { client.assignPhoneNumber(id, extension, done); });
        };
        QVERIFY(!assign(company->id, userId));
        auto read = await<core::PhoneNumberRecord>(
            [&](auto done) { client.getAccountPhoneNumber(company->id, done); });
        QVERIFY2(read.ok(), qPrintable(message(read.error)));
        QCOMPARE(read.value->usageType, core::UsageType::DirectNumber);
        QCOMPARE(read.value->extensionId, userId);
        QVERIFY(!assign(company->id, QString()));
        read = await<core::PhoneNumberRecord>(
            [&](auto done) { client.getAccountPhoneNumber(company->id, done); });
        QCOMPARE(read.value->usageType, core::UsageType::CompanyNumber);
        QVERIFY(read.value->extensionId.isEmpty());

        const std::optional<net::ApiError> forwards = assign(forwarded->id, userId);
        QVERIFY(forwards);
        QCOMPARE(forwards->httpStatus, 400);
        QVERIFY2(forwards->message().contains(u"ForwardedNumber cannot be assigned"_s),
                 qPrintable(forwards->message()));
        const std::optional<net::ApiError> unknownExtension = assign(company->id, u"999999999"_s);
        QVERIFY(unknownExtension);
        QCOMPARE(unknownExtension->kind, net::ApiError::Kind::NotFound);
        const std::optional<net::ApiError> unknownNumber = assign(u"123"_s, userId);
        QVERIFY(unknownNumber);
        QCOMPARE(unknownNumber->kind, net::ApiError::Kind::NotFound);

        ProviderRig userRig(Provider::RingCentralUser, office());
        QVERIFY(userRig.listening);
        RingCentralClient asUser(userRig.api.get());
        const std::optional<net::ApiError> forbidden =
            awaitCompletion([&](auto done) { asUser.assignPhoneNumber(company->id, userId, done); });
        QVERIFY(forbidden);
        QCOMPARE(forbidden->kind, net::ApiError::Kind::Forbidden);
        QVERIFY2(forbidden->message().contains(u"EditCompanyPhoneNumbers"_s),
                 qPrintable(forbidden->message()));
    }

    void nonAdminIsForbiddenWithReadableMessage() {
        ProviderRig rig(Provider::RingCentralUser, office());
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const auto created = createNewExtension(client, u"7601"_s);
        QVERIFY(created.error);
        QCOMPARE(created.error->kind, net::ApiError::Kind::Forbidden);
        QCOMPARE(created.error->httpStatus, 403);
        QCOMPARE(created.error->provider, u"RingCentral"_s);
        const QString text = created.error->message();
        QVERIFY2(text.contains(u"RingCentral"_s) && text.contains(u"extension 7601"_s), qPrintable(text));
        QVERIFY2(!created.error->providerCode.isEmpty(), qPrintable(text));
        // Reading one's own extension is allowed.
        const auto own = await<core::Extension>([&](auto done) { client.getExtension(u"~"_s, done); });
        QVERIFY2(own.ok(), qPrintable(message(own.error)));
        QVERIFY(!own.value->admin);
    }

    void expiredTokenIsRefreshed() {
        emulator::EmulatorOptions options = office();
        options.timeScale = 3600; // the hour-long access token lives one second
        ProviderRig rig(Provider::RingCentralAdmin, options);
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        const auto first = await<core::Extension>([&](auto done) { client.getExtension(u"~"_s, done); });
        QVERIFY2(first.ok(), qPrintable(message(first.error)));
        const int tokensBefore = rig.rcAuth->tokenRequests();
        QTest::qWait(1500);
        const auto second = await<core::Extension>([&](auto done) { client.getExtension(u"~"_s, done); });
        QVERIFY2(second.ok(), qPrintable(message(second.error)));
        QCOMPARE(second.value->id, first.value->id);
        QVERIFY(rig.rcAuth->tokenRequests() > tokensBefore);
    }

    void cancelledListIsPartial() {
        emulator::EmulatorOptions options = office(200, 50);
        options.faults.latencyMinMs = 30;
        options.faults.latencyMaxMs = 60;
        ProviderRig rig(Provider::RingCentralAdmin, options);
        QVERIFY(rig.listening);
        RingCentralClient client(rig.api.get());
        client.setPageSize(10);
        QPointer<net::PagedFetch> fetch;
        const auto listed = listAll<core::Extension>([&](auto onPage, auto done) {
            fetch = client.listExtensions(
                {},
                [onPage, &fetch](int page, const QList<core::Extension>& records) {
                    onPage(page, records);
                    if (fetch)
                        fetch->cancel();
                },
                done);
        });
        QVERIFY(listed.done);
        QVERIFY(!listed.outcome.complete);
        QCOMPARE(listed.outcome.error->kind, net::ApiError::Kind::Cancelled);
        QCOMPARE(listed.pages.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RingCentralClient)
#include "tst_RingCentralClient.moc"
