// Runs the built trunkline-cli as a script would against trunkline-emulator started as a process of its
// own, with profiles whose secrets sit in the real keychain: two appliers at once, a sync killed halfway,
// a port order, and a base URL moved behind the keychain's back. scripts/test runs these inside a D-Bus
// session with gnome-keyring; elsewhere they are skipped.

#include "CliRunner.h"
#include "TestDatabase.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "emulator/DemoCredentials.h"
#include "store/Database.h"
#include "store/PendingChangeRepository.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using Run = trunkline::tests::CliRun;

// Reads the emulator's banner lines as they arrive; true once the base URL, the RingCentral admin
// credentials and the Telnyx API key are known.
static bool readEmulatorBanner(QProcess& emulator, QString& baseUrl, QHash<QString, QString>& admin,
                               QString& telnyxKey) {
    while (emulator.canReadLine()) {
        const QString line = QString::fromUtf8(emulator.readLine()).trimmed();
        QString label;
        if (line.startsWith(QLatin1String("listening ")))
            baseUrl = line.mid(10);
        const QHash<QString, QString> pairs = trunkline::emulator::DemoCredentials::parseLine(line, &label);
        if (label == QLatin1String("ringcentral-admin"))
            admin = pairs;
        if (label == QLatin1String("telnyx"))
            telnyxKey = pairs.value(QStringLiteral("api_key"));
    }
    return !baseUrl.isEmpty() && !admin.isEmpty() && !telnyxKey.isEmpty();
}

class tst_CliWithKeychain : public trunkline::tests::CliTestCase {
    Q_OBJECT

    // trunkline-emulator as a child process, killed when the test leaves its scope.
    struct Emulator {
        QProcess process;
        QString baseUrl;
        QHash<QString, QString> admin;
        QString telnyxKey;

        ~Emulator() {
            process.kill();
            process.waitForFinished();
        }
        // Starts it with `numbers` and `extensions`, without rate limits, and `more` arguments; true once
        // its base URL and demo credentials are read.
        bool start(int numbers, int extensions, const QStringList& more = {}) {
            process.setProgram(QStringLiteral(TRUNKLINE_EMULATOR_PATH));
            process.setArguments(QStringList{QStringLiteral("--numbers"), QString::number(numbers),
                                             QStringLiteral("--extensions"), QString::number(extensions),
                                             QStringLiteral("--rate-limits"), QStringLiteral("off")} +
                                 more);
            process.start();
            if (!process.waitForStarted())
                return false;
            QDeadlineTimer deadline(60000);
            while (!readEmulatorBanner(process, baseUrl, admin, telnyxKey)) {
                if (deadline.hasExpired() || !process.waitForReadyRead(int(deadline.remainingTime())))
                    return false;
            }
            return true;
        }
    };
    // `profiles add` for a profile at `baseUrl`; its secret comes on stdin.
    static QStringList addProfileAt(const QString& baseUrl, const QString& name, const QString& provider) {
        return {QStringLiteral("profiles"),   QStringLiteral("add"),
                QStringLiteral("--name"),     name,
                QStringLiteral("--provider"), provider,
                QStringLiteral("--base-url"), baseUrl};
    }
    // What `profiles add` reads on stdin for a profile of `provider` at `emulator`: the Telnyx API key, or
    // the RingCentral admin's client id, client secret and JWT.
    static QByteArray secretOf(const Emulator& emulator, const QString& provider) {
        if (provider == QLatin1String("telnyx"))
            return emulator.telnyxKey.toUtf8() + '\n';
        const QHash<QString, QString>& admin = emulator.admin;
        return (admin.value(QStringLiteral("client_id")) + u'\n' +
                admin.value(QStringLiteral("client_secret")) + u'\n' + admin.value(QStringLiteral("jwt")) +
                u'\n')
            .toUtf8();
    }
    // `profiles add` of a profile `name` of `provider` at `emulator`, with its secret, into a fresh
    // database named after the profile; the case's later runs use that database too.
    Run addProfile(const Emulator& emulator, const QString& name, const QString& provider) {
        m_database = m_dir.filePath(name + QStringLiteral(".sqlite"));
        return cli(addProfileAt(emulator.baseUrl, name, provider), secretOf(emulator, provider));
    }

private slots:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("TRUNKLINE_REAL_KEYCHAIN"))
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not set (scripts/test runs this with a real keychain)");
        QVERIFY(m_dir.isValid());
    }

    // Two `pending apply` processes at once on one store (an SQLite file, or one PostgreSQL database as
    // two admins on two hosts would share it): every change is applied exactly once, and the applier that
    // finds a change taken says so and exits 0 instead of failing on it.
    void twoAppliersApplyEachChangeOnce_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("faults");
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << QString();
        QTest::newRow("sqlite, 50-400 ms latency")
            << QStringLiteral("sqlite") << QStringLiteral("latency=50-400");
        QTest::newRow("postgres, 50-400 ms latency")
            << QStringLiteral("postgres") << QStringLiteral("latency=50-400");
    }
    void twoAppliersApplyEachChangeOnce() {
        QFETCH(QString, engine);
        QFETCH(QString, faults);
        TestDatabase store(engine);
        if (!store.skipReason().isEmpty())
            QSKIP(qPrintable(store.skipReason()));
        QVERIFY2(store.open(), qPrintable(store.error()));
        Emulator emulator;
        QStringList faultArguments;
        if (!faults.isEmpty())
            faultArguments << QStringLiteral("--faults") << faults;
        QVERIFY(emulator.start(30, 30, faultArguments));
        const auto run = [&store](const QStringList& args, const QByteArray& input = {}) {
            return trunkline::tests::runCli(store.location(), args, input);
        };
        const Run add =
            run(addProfileAt(emulator.baseUrl, QStringLiteral("Shared"), QStringLiteral("ringcentral")),
                secretOf(emulator, QStringLiteral("ringcentral")));
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const Run synced =
            run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Shared")});
        QVERIFY2(synced.exitCode == 0, synced.err.constData());

        // Edits of five users and three new extensions, staged as the GUI would.
        const qint64 profile = trunkline::store::ProfileRepository(store.database()).list().first().id;
        trunkline::store::ExtensionRepository extensions(store.database());
        auto& stager = trunkline::changes::ChangeStager::of(store.database());
        QHash<QString, QString> titles;
        QSet<QString> taken;
        for (const trunkline::core::Extension& e : extensions.list(profile)) {
            taken << e.extensionNumber;
            if (titles.size() == 5 || e.type != trunkline::core::ExtensionType::User || e.admin)
                continue;
            trunkline::core::Extension edited = e;
            edited.contact.jobTitle = QStringLiteral("Applied once %1").arg(titles.size());
            titles.insert(e.id, edited.contact.jobTitle);
            QVERIFY(stager
                        .stage(trunkline::changes::ChangePayloads::extensionUpdate(profile, e, edited,
                                                                                   extensions.versionOf(e)))
                        .ok());
        }
        QStringList created;
        for (int n = 8801; created.size() < 3; ++n) {
            if (taken.contains(QString::number(n)))
                continue;
            trunkline::core::Extension user;
            user.extensionNumber = QString::number(n);
            user.contact.firstName = QStringLiteral("Twin");
            user.contact.lastName = QString::number(n);
            user.contact.email = QStringLiteral("twin%1@example.com").arg(n);
            QVERIFY(stager.stage(trunkline::changes::ChangePayloads::extensionCreate(profile, user)).ok());
            created << user.extensionNumber;
        }

        QProcess first;
        QProcess second;
        for (QProcess* applier : {&first, &second}) {
            applier->setProgram(QStringLiteral(TRUNKLINE_CLI_PATH));
            applier->setArguments({QStringLiteral("--database"), store.location(), QStringLiteral("pending"),
                                   QStringLiteral("apply"), QStringLiteral("--profile"),
                                   QStringLiteral("Shared")});
        }
        first.start();
        second.start();
        QVERIFY(first.waitForFinished(120000) && second.waitForFinished(120000));
        for (QProcess* applier : {&first, &second}) {
            const QByteArray err = applier->readAllStandardError();
            QVERIFY2(applier->exitStatus() == QProcess::NormalExit && applier->exitCode() == 0,
                     err.constData());
            QVERIFY2(!err.contains("cannot become"), err.constData());
        }

        const QList<trunkline::store::PendingChange> all =
            trunkline::store::PendingChangeRepository(store.database()).list(profile);
        QCOMPARE(all.size(), 8);
        for (const trunkline::store::PendingChange& change : all)
            QVERIFY2(change.state == trunkline::store::ChangeState::Applied, qPrintable(change.lastError));
        const Run again =
            run({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Shared")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const Run exported = run({QStringLiteral("export"), QStringLiteral("extensions"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QHash<QString, int> perNumber;
        for (const QJsonValue& row : jsonArray(exported.out)) {
            const QJsonObject e = row.toObject();
            perNumber[e.value(QLatin1String("extensionNumber")).toString()] += 1;
            if (titles.contains(e.value(QLatin1String("id")).toString()))
                QCOMPARE(e.value(QLatin1String("jobTitle")).toString(),
                         titles.value(e.value(QLatin1String("id")).toString()));
        }
        for (const QString& number : created)
            QCOMPARE(perNumber.value(number), 1);
    }

    // The real keychain profile path and a sync killed halfway.
    void killedSyncLeavesAConsistentDatabase() {
        Emulator emulator;
        QVERIFY(emulator.start(20000, 2000));
        const Run add = addProfile(emulator, QStringLiteral("Big"), QStringLiteral("ringcentral"));
        QVERIFY2(add.exitCode == 0, add.err.constData());

        QProcess sync;
        sync.setProgram(QStringLiteral(TRUNKLINE_CLI_PATH));
        sync.setArguments({QStringLiteral("--database"), m_database, QStringLiteral("sync"),
                           QStringLiteral("--profile"), QStringLiteral("Big")});
        sync.start();
        QVERIFY(sync.waitForStarted());
        // Kill once records are being written (the first progress line), about a second in.
        QByteArray progress;
        QTRY_VERIFY_WITH_TIMEOUT((progress += sync.readAllStandardError()).contains("Phone numbers") ||
                                     progress.contains("Extensions"),
                                 60000);
        QTest::qWait(300);
        QCOMPARE(sync.state(), QProcess::Running); // still mid-sync: otherwise this test proves nothing
        sync.kill();
        QVERIFY(sync.waitForFinished());

        {
            QString error;
            auto database = trunkline::store::Database::connect(m_database, &error);
            QVERIFY2(database, qPrintable(error));
            QSqlQuery query(database->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
            QVERIFY(!query.next());
            // No half-written record: every stored row is whole (a fingerprint and a sync time).
            QVERIFY(query.exec(
                QStringLiteral("SELECT COUNT(*) FROM phone_numbers WHERE version = '' OR synced_at IS NULL "
                               "OR e164 = ''")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM phone_numbers")));
            QVERIFY(query.next());
            QVERIFY2(query.value(0).toInt() < 20000, "the sync finished before the kill");
        }

        const Run again = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Big"),
                               QStringLiteral("--format"), QStringLiteral("json")},
                              {}, 300000);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const Run numbers = cli({QStringLiteral("export"), QStringLiteral("numbers"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(jsonArray(numbers.out).size(), 20000);
        const Run extensions = cli({QStringLiteral("export"), QStringLiteral("extensions"),
                                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(jsonArray(extensions.out).size(), 2000);
        const Run removed =
            cli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("Big")});
        QCOMPARE(removed.exitCode, 0);
    }

    // `port` places a German extended-number order on a Telnyx profile: broken details are refused before
    // anything is sent, then the draft with its block is created, synced, listed, shown number by
    // number, and its block and the draft itself deleted.
    void portOrderFromTheCommandLine() {
        Emulator emulator;
        QVERIFY(emulator.start(5, 5));
        const Run add = addProfile(emulator, QStringLiteral("Porting"), QStringLiteral("telnyx"));
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(
            cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Porting")}).exitCode ==
            0);
        const auto orders = [this] {
            return jsonArray(cli({QStringLiteral("port"), QStringLiteral("list"), QStringLiteral("--format"),
                                  QStringLiteral("json")})
                                 .out);
        };
        const QJsonArray seededOrders = orders();
        const qsizetype seeded = seededOrders.size();
        // A submitted order keeps its blocks: refused here, with the reason, before anything is sent.
        const auto submitted =
            std::find_if(seededOrders.begin(), seededOrders.end(), [](const QJsonValue& row) {
                return row[QStringLiteral("status")].toString() == QStringLiteral("submitted") &&
                       !row[QStringLiteral("extensions")].toArray().isEmpty();
            });
        QVERIFY(submitted != seededOrders.end());
        const Run kept =
            cli({QStringLiteral("port"), QStringLiteral("delete-extension"),
                 (*submitted)[QStringLiteral("id")].toString(),
                 (*submitted)[QStringLiteral("extensions")][0][QStringLiteral("id")].toString()});
        QCOMPARE(kept.exitCode, 1);
        QVERIFY2(kept.err.contains("only while the order is Draft, In process or Exception"),
                 kept.err.constData());

        QDate date = QDate::currentDate().addDays(21);
        while (date.dayOfWeek() > 5)
            date = date.addDays(1);
        const QString loa =
            trunkline::tests::writeInputFile(m_dir.path(), QStringLiteral("loa"), "%PDF-1.4\n%%EOF\n");
        const QString invoice = trunkline::tests::writeInputFile(m_dir.path(), QStringLiteral("invoice"),
                                                                 "%PDF-1.4\n% March\n%%EOF\n");
        const QStringList order{QStringLiteral("port"),
                                QStringLiteral("--profile"),
                                QStringLiteral("Porting"),
                                QStringLiteral("--route"),
                                QStringLiteral("+4930901820"),
                                QStringLiteral("--range"),
                                QStringLiteral("0-99"),
                                QStringLiteral("--activate"),
                                QStringLiteral("4-4,19-20"),
                                QStringLiteral("--end-user"),
                                QStringLiteral("Muster GmbH"),
                                QStringLiteral("--auth-person"),
                                QStringLiteral("Erika Muster"),
                                QStringLiteral("--street"),
                                QStringLiteral("Hauptstr. 1"),
                                QStringLiteral("--locality"),
                                QStringLiteral("Essen"),
                                QStringLiteral("--date"),
                                date.toString(Qt::ISODate),
                                QStringLiteral("--loa"),
                                loa,
                                QStringLiteral("--invoice"),
                                invoice};
        // Each broken detail is named by its option, and nothing reaches the provider.
        const Run refused = cli(order + QStringList{QStringLiteral("--postal-code"), QStringLiteral("4512")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("--postal-code: A German postal code has five digits"),
                 refused.err.constData());
        QCOMPARE(orders().size(), seeded);

        const Run placed = cli(order + QStringList{QStringLiteral("--postal-code"), QStringLiteral("45127"),
                                                   QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(placed.exitCode == 0, placed.err.constData());
        const QJsonObject draft = QJsonDocument::fromJson(placed.out).object();
        const QString id = draft.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(draft.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(draft.value(QStringLiteral("numbers")).toArray().size(), 100);

        // After a sync the order shows its route number, its block and the three active numbers.
        QVERIFY(
            cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Porting")}).exitCode ==
            0);
        QJsonObject listed;
        for (const QJsonValue& row : orders()) {
            if (row[QStringLiteral("id")].toString() == id)
                listed = row.toObject();
        }
        QCOMPARE(listed.value(QStringLiteral("route_number")).toString(), QStringLiteral("+4930901820"));
        QCOMPARE(listed.value(QStringLiteral("active")).toInt(), 3);
        const Run shown = cli({QStringLiteral("port"), QStringLiteral("show"), id, QStringLiteral("--format"),
                               QStringLiteral("json")});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        const QJsonArray blocks =
            QJsonDocument::fromJson(shown.out).object().value(QStringLiteral("extensions")).toArray();
        QCOMPARE(blocks.size(), 1);
        const QJsonArray numbers = blocks.at(0)[QStringLiteral("numbers")].toArray();
        QCOMPARE(numbers.size(), 100);
        QCOMPARE(numbers.at(19).toObject(),
                 (QJsonObject{{QStringLiteral("number"), QStringLiteral("+493090182019")},
                              {QStringLiteral("active"), true}}));

        // The same route number again: warned about from the local copy, then refused by the provider.
        const Run again = cli(order + QStringList{QStringLiteral("--postal-code"), QStringLiteral("45127")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(
            again.err.contains(
                QStringLiteral("Warning: +4930901820 is already on port order %1 (Draft).").arg(id).toUtf8()),
            again.err.constData());
        QVERIFY2(again.err.contains("The order was not created: --route: "), again.err.constData());
        QCOMPARE(orders().size(), seeded + 1);

        // The block goes while the order is a draft; then the draft itself.
        const QString block = blocks.at(0)[QStringLiteral("id")].toString();
        const Run removed = cli({QStringLiteral("port"), QStringLiteral("delete-extension"), id, block});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(cli({QStringLiteral("port"), QStringLiteral("show"), id}).out.contains("No extension block"));
        const Run deleted = cli({QStringLiteral("port"), QStringLiteral("delete"), id});
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QCOMPARE(orders().size(), seeded);
        QCOMPARE(cli({QStringLiteral("port"), QStringLiteral("show"), id}).exitCode, 1);

        // Placed and submitted in one go: the documents uploaded, the order in process.
        QStringList another = order;
        another.replace(another.indexOf(QStringLiteral("+4930901820")), QStringLiteral("+4930901830"));
        const Run sent = cli(another + QStringList{QStringLiteral("--postal-code"), QStringLiteral("45127"),
                                                   QStringLiteral("--submit")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        QVERIFY2(sent.out.contains("submitted; its status is now In process"), sent.out.constData());
    }

    // A shared database's base URL edited behind this machine's back: the keychain's secret is not sent
    // to the new address until an admin enters it again with `profiles set-secret`. Both addresses are
    // loopback (the emulator listens on 127.0.0.1, nothing on 127.0.0.2); the refusal comes before any
    // request.
    void aChangedHostGetsNoSecretUntilItIsEnteredAgain() {
        Emulator emulator;
        QVERIFY(emulator.start(20, 5));
        const QUrl entered(emulator.baseUrl);
        const QString enteredOrigin = QStringLiteral("http://127.0.0.1:%1").arg(entered.port());
        const QString movedUrl = QStringLiteral("http://127.0.0.2:%1").arg(entered.port());

        const Run add = addProfile(emulator, QStringLiteral("Moved"), QStringLiteral("ringcentral"));
        QVERIFY2(add.exitCode == 0, add.err.constData());
        auto removeProfile = qScopeGuard([this] {
            cli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("Moved")});
        });
        const auto setBaseUrl = [this](const QString& url) {
            QString error;
            auto database = trunkline::store::Database::connect(m_database, &error);
            QSqlQuery query(database->connection());
            query.prepare(QStringLiteral("UPDATE profiles SET base_url = ? WHERE name = 'Moved'"));
            query.addBindValue(url);
            return query.exec() && query.numRowsAffected() == 1;
        };
        const QStringList sync{QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Moved")};

        QVERIFY(setBaseUrl(movedUrl));
        const Run refused = cli(sync);
        QCOMPARE(refused.exitCode, 1);
        const QString message = QString::fromUtf8(refused.err);
        QVERIFY2(message.contains(
                     QStringLiteral("The stored secret was entered for %1, but the profile now points "
                                    "to http://127.0.0.2:%2.")
                         .arg(enteredOrigin)
                         .arg(entered.port())),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("trunkline-cli profiles set-secret “Moved”")),
                 qPrintable(message));

        // Entered again for the new address, it belongs there: moved back, the profile is refused again
        // (nothing listens on 127.0.0.2, so the way back is where a sync can prove it).
        const QStringList setSecret{QStringLiteral("profiles"), QStringLiteral("set-secret"),
                                    QStringLiteral("Moved")};
        const QByteArray secret = secretOf(emulator, QStringLiteral("ringcentral"));
        const Run reentered = cli(setSecret, secret);
        QVERIFY2(reentered.exitCode == 0, reentered.err.constData());
        QVERIFY(setBaseUrl(emulator.baseUrl));
        const Run refusedBack = cli(sync);
        QCOMPARE(refusedBack.exitCode, 1);
        QVERIFY2(refusedBack.err.contains("entered for http://127.0.0.2:"), refusedBack.err.constData());
        QCOMPARE(cli(setSecret, secret).exitCode, 0);
        const Run synced = cli(sync);
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliWithKeychain)
#include "tst_CliWithKeychain.moc"
