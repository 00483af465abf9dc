#include "NumberIndexes.h"
#include "SyncFixture.h"
#include "emulator/ringcentral/RingCentralService.h"
#include "store/AccountRepository.h"
#include "store/AuditLogRepository.h"
#include "store/ExtensionRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/TimeZoneRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

using namespace trunkline;
using synctest::SyncFixture;

class tst_SyncPull : public QObject {
    Q_OBJECT

private slots:
    void fullPullEqualsEmulator_data() {
        QTest::addColumn<int>("numbers");
        QTest::addColumn<int>("extensions");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("one page each") << 60 << 25 << 1000;
        QTest::newRow("many pages, fetched concurrently") << 430 << 155 << 25;
    }
    void fullPullEqualsEmulator() {
        QFETCH(int, numbers);
        QFETCH(int, extensions);
        QFETCH(int, pageSize);
        SyncFixture f(synctest::quietOptions(numbers, extensions));
        QVERIFY2(f.setUp(), qPrintable(f.error()));

        const sync::SyncReport report = f.runSync({.pageSize = pageSize});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QVERIFY(!report.cancelled);

        const QHash<QString, QJsonObject> remote = f.remoteExtensions();
        const QList<core::Extension> local = f.localExtensions();
        QCOMPARE(local.size(), remote.size());
        QCOMPARE(report.pulled.value(QStringLiteral("extensions")), remote.size());
        for (const core::Extension& extension : local) {
            QVERIFY2(remote.contains(extension.id), qPrintable(extension.id));
            const QJsonObject json = remote.value(extension.id);
            QCOMPARE(extension.extensionNumber, json.value(QLatin1String("extensionNumber")).toString());
            QCOMPARE(extension.name, json.value(QLatin1String("name")).toString());
            QCOMPARE(core::toWire(extension.status), json.value(QLatin1String("status")).toString());
            QCOMPARE(extension.contact.email, json.value(QLatin1String("email")).toString());
        }

        const QHash<QString, QString> remoteNumbers = f.remoteNumbers();
        const QList<core::PhoneNumberRecord> localNumbers = f.localNumbers();
        QCOMPARE(localNumbers.size(), remoteNumbers.size());
        for (const core::PhoneNumberRecord& number : localNumbers)
            QCOMPARE(number.e164, remoteNumbers.value(number.id));

        const QList<core::Account> accounts =
            store::AccountRepository(f.database.database()).list(f.profile.id);
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.constFirst().id, QString::number(accountIdOf(f)));
        QVERIFY(accounts.constFirst().mainNumber.startsWith(u'+'));

        // The provider's time zone list, for the extension form and the push.
        const QList<core::TimeZone> zones =
            store::TimeZoneRepository(f.database.database()).list(f.profile.id);
        QCOMPARE(report.pulled.value(QStringLiteral("time zones")), zones.size());
        QVERIFY(std::any_of(zones.cbegin(), zones.cend(), [](const core::TimeZone& zone) {
            return zone.name == QLatin1String("Europe/Berlin") && !zone.id.isEmpty();
        }));
    }

    // The seeds' settings in full: the account's plans, features and address; with the details, each
    // extension's endpoint type (from its devices) and each number's features (from the extensions' number
    // lists), stored beside the listed records without changing their versions.
    void seedSettingsArePulled() {
        SyncFixture f(synctest::quietOptions(20, 12));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        const sync::SyncReport listed = f.runSync();
        QVERIFY2(listed.complete, qPrintable(listed.errors.join(u'\n')));
        const core::Account account =
            store::AccountRepository(f.database.database()).list(f.profile.id).value(0);
        QCOMPARE(account.servicePlanEdition, QStringLiteral("Standard"));
        QCOMPARE(account.billingDurationUnit, QStringLiteral("Month"));
        QVERIFY(account.enabledFeatures.contains(QStringLiteral("CallerIdControl")));
        QCOMPARE(account.disabledFeatures, QStringList{QStringLiteral("SiteCodes")});
        QCOMPARE(account.businessAddress.city, QStringLiteral("Belmont"));
        QVERIFY(!account.companyName.isEmpty());

        store::ExtensionRepository extensions(f.database.database());
        store::PhoneNumberRepository numbers(f.database.database());
        const QList<core::Extension> local = f.localExtensions();
        const QList<core::PhoneNumberRecord> localNumbers = f.localNumbers();
        QVERIFY(!extensions.endpointType(f.profile.id, local.constFirst().id)); // not read by the lists
        QHash<QString, QString> versions;
        for (const core::PhoneNumberRecord& number : localNumbers)
            versions.insert(number.id, numbers.state(f.profile.id, number.id)->version);

        const sync::SyncReport detailed = f.runSync({.details = true});
        QVERIFY2(detailed.complete, qPrintable(detailed.errors.join(u'\n')));
        QSet<core::EndpointType> endpoints;
        for (const core::Extension& extension : local) {
            const std::optional<core::EndpointType> type =
                extensions.endpointType(f.profile.id, extension.id);
            QVERIFY2(type, qPrintable(extension.id));
            endpoints.insert(*type);
            const QJsonArray devices =
                f.remoteGet(QStringLiteral("/restapi/v1.0/account/~/extension/%1/device").arg(extension.id))
                    .json()
                    .value(QLatin1String("records"))
                    .toArray();
            QCOMPARE(*type == core::EndpointType::Virtual, devices.isEmpty());
        }
        QCOMPARE(endpoints.size(), 4); // virtual, device, mobile and softphone people, Virtual others
        int faxLines = 0;
        int direct = 0;
        for (const core::PhoneNumberRecord& number : localNumbers) {
            QCOMPARE(numbers.state(f.profile.id, number.id)->version, versions.value(number.id));
            if (number.usageType != core::UsageType::DirectNumber)
                continue;
            ++direct;
            const std::optional<core::NumberFeatures> features =
                numbers.listedFeatures(f.profile.id, number.id);
            QVERIFY2(features, qPrintable(number.e164));
            if (number.callType == core::CallType::FaxOnly) {
                ++faxLines;
                QCOMPARE(features->toInt(), 0);
            } else {
                QCOMPARE(features->toInt(),
                         (core::NumberFeature::CallerId | core::NumberFeature::SmsSender).toInt());
            }
        }
        QVERIFY(direct > 0);
        QCOMPARE(faxLines, 1);
        // A later list pull keeps what the details read.
        QVERIFY(f.runSync().complete);
        QVERIFY(extensions.endpointType(f.profile.id, local.constFirst().id));
    }

    void secondPullIsIdempotent() {
        SyncFixture f(synctest::quietOptions(120, 40));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        QVERIFY(f.runSync({.pageSize = 30}).complete);
        store::ExtensionRepository extensions(f.database.database());
        QHash<QString, QString> versions;
        for (const core::Extension& extension : f.localExtensions())
            versions.insert(extension.id, extensions.state(f.profile.id, extension.id)->version);
        const QList<core::PhoneNumberRecord> numbersBefore = f.localNumbers();

        const sync::SyncReport again = f.runSync({.pageSize = 30});
        QVERIFY2(again.complete, qPrintable(again.errors.join(u'\n')));
        QVERIFY(again.removed.isEmpty());
        QCOMPARE(f.localNumbers(), numbersBefore);
        QCOMPARE(f.localExtensions().size(), versions.size());
        for (const core::Extension& extension : f.localExtensions())
            QCOMPARE(extensions.state(f.profile.id, extension.id)->version, versions.value(extension.id));
    }

    void recordDeletedAtProviderDisappearsAfterCompletePull() {
        SyncFixture f(synctest::quietOptions(50, 30));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        const QString victim = pickDeletable(f);
        QVERIFY(!victim.isEmpty());
        const auto reply = f.remoteDeleteExtension(victim);
        QVERIFY2(reply.status == 204 || reply.status == 200, reply.body.constData());

        const sync::SyncReport report = f.runSync();
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.removed.value(QStringLiteral("extensions")), 1);
        QVERIFY(!store::ExtensionRepository(f.database.database()).find(f.profile.id, victim));
        QCOMPARE(f.localExtensions().size(), f.remoteExtensions().size());
    }

    // The same account served by a server that fails a share of its answers: the pull ends partial and
    // must not remove the record it did not hear about.
    void recordSurvivesPullThatFailedMidway() {
        QTemporaryDir dir;
        emulator::EmulatorOptions options = synctest::quietOptions(300, 120);
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        SyncFixture f(options);
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        QVERIFY(f.runSync({.pageSize = 20}).complete);
        const QString victim = pickDeletable(f);
        const auto reply = f.remoteDeleteExtension(victim);
        QVERIFY2(reply.status == 204 || reply.status == 200, reply.body.constData());
        QVERIFY(f.emulator.server().saveState());

        emulator::EmulatorOptions faulty = options;
        faulty.faults.serverError = 0.35;
        emulator::test::EmulatorTestClient failing(faulty);
        QVERIFY2(failing.started(), qPrintable(failing.startError()));
        QVERIFY2(f.connectTo(failing.server()), qPrintable(f.error()));
        f.line->client->setRetryPolicy(
            net::RetryPolicy(1, std::chrono::milliseconds(1), std::chrono::milliseconds(1)));

        const sync::SyncReport report = f.runSync({.pageSize = 20});
        QVERIFY(!report.complete);
        QVERIFY(!report.errors.isEmpty());
        QVERIFY(report.removed.isEmpty());
        QVERIFY(store::ExtensionRepository(f.database.database()).find(f.profile.id, victim));

        // Once the answers come through again, the next sync finishes the job.
        QVERIFY(f.connectTo(f.emulator.server()));
        QVERIFY(f.runSync({.pageSize = 20}).complete);
        QVERIFY(!store::ExtensionRepository(f.database.database()).find(f.profile.id, victim));
    }

    void everySyncIsAudited() {
        SyncFixture f(synctest::quietOptions(20, 10));
        QVERIFY2(f.setUpSynced(), qPrintable(f.error()));
        QVERIFY(f.runSync().complete);
        const QList<store::AuditEntry> entries =
            store::AuditLogRepository(f.database.database()).list(f.profile.id);
        int pulls = 0;
        for (const store::AuditEntry& entry : entries) {
            if (entry.action == QLatin1String("pull")) {
                ++pulls;
                // Who ran it, as the store knows them (the OS user for SQLite), and from where.
                QCOMPARE(entry.actor, f.database.database().sessionUser());
                QCOMPARE(entry.host, f.database.database().clientHost());
                QVERIFY2(entry.summary.contains(QLatin1String("10 extensions")), qPrintable(entry.summary));
            }
        }
        QCOMPARE(pulls, 2);
    }

    void progressAndCancel() {
        SyncFixture f(synctest::quietOptions(2000, 300));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        sync::SyncEngine engine(f.database.database());
        QSignalSpy progress(&engine, &sync::SyncEngine::progress);
        // Cancel as soon as the first page is in: the rest of the lists never arrive.
        connect(&engine, &sync::SyncEngine::progress, &engine, [&engine] { engine.cancel(); });
        const sync::SyncReport report = f.runSync(engine, {.pageSize = 10});
        QVERIFY(report.cancelled);
        QVERIFY(!report.complete);
        QVERIFY(report.removed.isEmpty());
        QVERIFY(!progress.isEmpty());
        const auto first = progress.constFirst().constFirst().value<sync::SyncProgress>();
        QVERIFY(!first.what.isEmpty());
        QVERIFY(first.done > 0);
        QVERIFY(first.total >= first.done);
        QVERIFY(f.localExtensions().size() < 300 || f.localNumbers().size() < 2000);
    }

    // The numbers are written a few pages to a transaction (sync/GatheredPages), not one page each: on
    // loopback the list's 18 pages arrive faster than a batch waits, so fewer writes report progress.
    void numberPagesAreWrittenTogether() {
        SyncFixture f(synctest::quietOptions(430, 20));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        sync::SyncEngine engine(f.database.database());
        QList<qint64> numbersWritten;
        connect(&engine, &sync::SyncEngine::progress, &engine,
                [&numbersWritten](const sync::SyncProgress& progress) {
                    if (progress.what == QLatin1String("Phone numbers"))
                        numbersWritten.append(progress.done);
                });
        QVERIFY(f.runSync(engine, {.pageSize = 25}).complete);
        QVERIFY(!numbersWritten.isEmpty());
        QCOMPARE(numbersWritten.constLast(), 430);
        QVERIFY2(numbersWritten.size() < 430 / 25, qPrintable(QString::number(numbersWritten.size())));
        QCOMPARE(f.localNumbers().size(), 430);
    }

    // A first pull into an empty table loads without most of the numbers' indexes (store/DeferredIndexes)
    // and builds them before it reports; a later pull keeps them all the time.
    void firstPullBuildsTheIndexesItDeferred() {
        SyncFixture f(synctest::quietOptions(430, 20));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        const int allIndexes = int(numberIndexes(f.database).size());
        sync::SyncEngine engine(f.database.database());
        int fewestDuringLoad = allIndexes;
        QList<sync::SyncProgress> indexing;
        connect(&engine, &sync::SyncEngine::progress, &engine, [&](const sync::SyncProgress& step) {
            // The first build is announced before it starts: the indexes then are the load's.
            if (step.what == QLatin1String("Phone numbers") ||
                step.what == QLatin1String("Indexing phone numbers"))
                fewestDuringLoad = std::min(fewestDuringLoad, int(numberIndexes(f.database).size()));
            if (step.what == QLatin1String("Indexing phone numbers"))
                indexing << step;
        });

        sync::SyncReport report = f.runSync(engine, {.pageSize = 25});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(fewestDuringLoad, 3); // the key, the number's sort index, the extension index
        QCOMPARE(indexing.size(), allIndexes - 3);
        QCOMPARE(indexing.constFirst().done, 0);
        QCOMPARE(indexing.constLast().done, indexing.constLast().total - 1);
        QCOMPARE(int(numberIndexes(f.database).size()), allIndexes);
        QCOMPARE(f.localNumbers().size(), 430);

        fewestDuringLoad = allIndexes;
        indexing.clear();
        report = f.runSync(engine, {.pageSize = 25});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(fewestDuringLoad, allIndexes);
        QVERIFY(indexing.isEmpty());
    }

    // A cancel does not wait for the index builds: the next sync builds them before its own load.
    void cancelledFirstPullLeavesTheIndexesToTheNextSync() {
        SyncFixture f(synctest::quietOptions(2000, 20));
        QVERIFY2(f.setUp(), qPrintable(f.error()));
        const int allIndexes = int(numberIndexes(f.database).size());
        {
            sync::SyncEngine engine(f.database.database());
            connect(&engine, &sync::SyncEngine::progress, &engine, [&engine](const sync::SyncProgress& step) {
                if (step.what == QLatin1String("Phone numbers"))
                    engine.cancel();
            });
            const sync::SyncReport report = f.runSync(engine, {.pageSize = 10});
            QVERIFY(report.cancelled);
        }
        QVERIFY(!f.localNumbers().isEmpty());
        QVERIFY(int(numberIndexes(f.database).size()) < allIndexes);

        const sync::SyncReport report = f.runSync({.pageSize = 500});
        QVERIFY2(report.complete, qPrintable(report.errors.join(u'\n')));
        QCOMPARE(int(numberIndexes(f.database).size()), allIndexes);
        QCOMPARE(f.localNumbers().size(), 2000);
    }

private:
    static qint64 accountIdOf(SyncFixture& f) {
        for (emulator::ProviderService* service : f.emulator.server().services()) {
            if (auto* rc = dynamic_cast<emulator::ringcentral::RingCentralService*>(service))
                return rc->accountId();
        }
        return -1;
    }
    // An ordinary user extension (not the admin the profile signs in as).
    static QString pickDeletable(SyncFixture& f) {
        for (const core::Extension& extension : f.localExtensions()) {
            if (extension.type == core::ExtensionType::User && !extension.admin)
                return extension.id;
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(tst_SyncPull)
#include "tst_SyncPull.moc"
