// Runs the built trunkline-cli as a script would: exit codes, stdout/stderr, files, and a sync killed
// halfway through.

#include "CliRunner.h"
#include "TestDatabase.h"
#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "core/Csv.h"
#include "emulator/DemoCredentials.h"
#include "store/Database.h"
#include "store/PendingChangeRepository.h"

#include <QBuffer>
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

class tst_TrunklineCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;

    Run cli(const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 120000) {
        return trunkline::tests::runCli(m_database, arguments, input, timeoutMs);
    }
    static QJsonArray jsonArray(const QByteArray& text) { return QJsonDocument::fromJson(text).array(); }

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
    // What `profiles add` reads on stdin for a RingCentral profile.
    static QByteArray secretOf(const QHash<QString, QString>& admin) {
        return (admin.value(QStringLiteral("client_id")) + u'\n' +
                admin.value(QStringLiteral("client_secret")) + u'\n' + admin.value(QStringLiteral("jwt")) +
                u'\n')
            .toUtf8();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("cli.sqlite"));
        // A demo profile: served by the in-process emulator, no secret (so no keychain) needed.
        const Run add = cli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("Demo"), QStringLiteral("--provider"),
                             QStringLiteral("ringcentral"), QStringLiteral("--demo")});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }

    void usageErrorsExit2_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("export what?") << QStringList{QStringLiteral("export"), QStringLiteral("cats")};
        QTest::newRow("export format") << QStringList{QStringLiteral("export"), QStringLiteral("numbers"),
                                                      QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("filter column")
            << QStringList{QStringLiteral("export"), QStringLiteral("numbers"), QStringLiteral("--filter"),
                           QStringLiteral("colour=red")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("sync"), QStringLiteral("--fast")};
        QTest::newRow("validate nothing") << QStringList{QStringLiteral("validate")};
        QTest::newRow("validate number without text")
            << QStringList{QStringLiteral("validate"), QStringLiteral("number")};
        QTest::newRow("port-ranges bad range") << QStringList{
            QStringLiteral("validate"),      QStringLiteral("port-ranges"), QStringLiteral("--route"),
            QStringLiteral("+492012345678"), QStringLiteral("--range"),     QStringLiteral("zero-99")};
        QTest::newRow("discard without id")
            << QStringList{QStringLiteral("pending"), QStringLiteral("discard")};
        QTest::newRow("resolve without a side")
            << QStringList{QStringLiteral("pending"), QStringLiteral("resolve"), QStringLiteral("1")};
        QTest::newRow("secret on the command line")
            << QStringList{QStringLiteral("profiles"),   QStringLiteral("add"),
                           QStringLiteral("--name"),     QStringLiteral("X"),
                           QStringLiteral("--provider"), QStringLiteral("telnyx"),
                           QStringLiteral("--base-url"), QStringLiteral("https://api.telnyx.com"),
                           QStringLiteral("KEY123")};
    }
    void usageErrorsExit2() {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY2(!run.err.contains("KEY123"), run.err.constData());
    }

    void helpDocumentsExitCodes() {
        const Run run = cli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* expected :
             {"Exit codes", "2  usage error", "3  validation failed", "4  partial sync"})
            QVERIFY2(run.out.contains(expected), expected);
    }

    // Every command answers --help, those with sub-commands too: exit 0, the help on stdout, nothing
    // read from the database or the keychain.
    void everyCommandAnswersHelp_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QList<std::pair<const char*, const char*>> commands{
            {"profiles", "set-secret"}, {"validate", "port-ranges"}, {"sync", "--details"},
            {"pending", "--all"},       {"export", "--format"},      {"stage", "--set"},
            {"port", "--dry-run"},      {"route", "--lint"}};
        for (const auto& [command, expected] : commands)
            QTest::newRow(command) << QStringList{QString::fromLatin1(command), QStringLiteral("--help")}
                                   << QString::fromLatin1(expected);
        QTest::newRow("profiles -h") << QStringList{QStringLiteral("profiles"), QStringLiteral("-h")}
                                     << QStringLiteral("list");
    }
    void everyCommandAnswersHelp() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(expected), run.out.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    // Like the console, trunkline-cli speaks the user's language: help, messages and Qt's own option texts.
    void speaksGermanInAGermanLocale() {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TRUNKLINE_CLI_PATH), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(help.contains(QStringLiteral("Exit-Codes:")) &&
                     help.contains(QStringLiteral("Aufruffehler")),
                 qPrintable(help));

        process.start(QStringLiteral(TRUNKLINE_CLI_PATH),
                      {QStringLiteral("profiles"), QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(
            QString::fromUtf8(process.readAllStandardOutput()).contains(QStringLiteral("Anbieterprofile")),
            "profiles --help is not German");
    }

    void validateNumber_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("e164");
        QTest::newRow("international")
            << QStringList{QStringLiteral("+49 30 12345678")} << 0 << QStringLiteral("+493012345678");
        QTest::newRow("national, default region DE")
            << QStringList{QStringLiteral("030 12345678")} << 0 << QStringLiteral("+493012345678");
        QTest::newRow("national, region US")
            << QStringList{QStringLiteral("(650) 253-0000"), QStringLiteral("--region"), QStringLiteral("US")}
            << 0 << QStringLiteral("+16502530000");
        QTest::newRow("letters") << QStringList{QStringLiteral("call me")} << 3 << QString();
        QTest::newRow("too short") << QStringList{QStringLiteral("+49 30")} << 3 << QString();
    }
    void validateNumber() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, e164);
        const Run run = cli(QStringList{QStringLiteral("validate"), QStringLiteral("number"),
                                        QStringLiteral("--format"), QStringLiteral("json")} +
                            arguments);
        QCOMPARE(run.exitCode, exitCode);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(QLatin1String("valid")).toBool(), exitCode == 0);
        if (exitCode == 0)
            QCOMPARE(json.value(QLatin1String("e164")).toString(), e164);
        else
            QVERIFY(!run.err.trimmed().isEmpty());
    }

    void validatePortRanges_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("field");
        const QStringList base{QStringLiteral("--route"), QStringLiteral("+492012345678"),
                               QStringLiteral("--range"), QStringLiteral("0-99")};
        QTest::newRow("valid") << base +
                                      QStringList{QStringLiteral("--activate"), QStringLiteral("4-4,19-20")}
                               << 0 << QString();
        QTest::newRow("overlapping activation ranges")
            << base + QStringList{QStringLiteral("--activate"), QStringLiteral("15-19,19-20")} << 3
            << QStringLiteral("/activation_ranges");
        QTest::newRow("activation outside the range")
            << base + QStringList{QStringLiteral("--activate"), QStringLiteral("150-160")} << 3
            << QStringLiteral("/activation_ranges");
        QTest::newRow("order no longer editable")
            << base + QStringList{QStringLiteral("--activate"), QStringLiteral("4-4"),
                                  QStringLiteral("--status"), QStringLiteral("ported")}
            << 3 << QStringLiteral("/status");
    }
    void validatePortRanges() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, field);
        const Run run =
            cli(QStringList{QStringLiteral("validate"), QStringLiteral("port-ranges")} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY2(QString::fromUtf8(run.err).contains(field), run.err.constData());
        else
            QVERIFY(run.out.startsWith("valid"));
    }

    void syncThenExport() {
        const Run sync = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Demo"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const QJsonObject summary = jsonArray(sync.out).at(0).toObject();
        QVERIFY(summary.value(QLatin1String("complete")).toBool());
        const int numbers =
            summary.value(QLatin1String("pulled")).toObject().value(QLatin1String("numbers")).toInt();
        QVERIFY(numbers > 0);
        // Not a terminal: progress comes as plain lines on stderr, no carriage returns.
        QVERIFY(!sync.err.contains('\r'));

        const Run json = cli({QStringLiteral("export"), QStringLiteral("numbers"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray all = jsonArray(json.out);
        QCOMPARE(all.size(), numbers);

        const QString file = m_dir.filePath(QStringLiteral("numbers.csv"));
        const Run csv =
            cli({QStringLiteral("export"), QStringLiteral("numbers"), QStringLiteral("-o"), file});
        QCOMPARE(csv.exitCode, 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        trunkline::core::CsvReader reader(&written, {u',', true});
        const QList<QStringList> rows = reader.readAll();
        QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
        QCOMPARE(rows.size(), numbers + 1);
        const int numberColumn = int(rows.constFirst().indexOf(QStringLiteral("number")));
        QVERIFY(numberColumn >= 0);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).at(numberColumn),
                     all.at(i - 1).toObject().value(QLatin1String("number")).toString());

        const Run direct = cli({QStringLiteral("export"), QStringLiteral("numbers"),
                                QStringLiteral("--format"), QStringLiteral("json"),
                                QStringLiteral("--filter"), QStringLiteral("usageType=DirectNumber")});
        QCOMPARE(direct.exitCode, 0);
        int expected = 0;
        for (const QJsonValue& row : all)
            expected +=
                row.toObject().value(QLatin1String("usageType")).toString() == QLatin1String("DirectNumber");
        QVERIFY(expected > 0);
        QCOMPARE(jsonArray(direct.out).size(), expected);

        const Run extensions = cli({QStringLiteral("export"), QStringLiteral("extensions"),
                                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(extensions.exitCode, 0);
        QCOMPARE(
            jsonArray(extensions.out).size(),
            summary.value(QLatin1String("pulled")).toObject().value(QLatin1String("extensions")).toInt());

        const Run pending = cli({QStringLiteral("pending"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(pending.exitCode, 0);
        QCOMPARE(jsonArray(pending.out).size(), 0);

        const Run profiles = cli({QStringLiteral("profiles"), QStringLiteral("list"),
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(profiles.exitCode, 0);
        QCOMPARE(jsonArray(profiles.out).at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Demo"));
    }

    // `pending apply` tells a script when not everything went through: a conflict exits 5, a failure 4.
    void pendingApplyExitsNonZeroOnConflictOrFailure() {
        const Run sync = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Demo")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QString error;
        auto database = trunkline::store::Database::open(m_database, &error);
        QVERIFY2(database, qPrintable(error));
        const QList<trunkline::store::Profile> profiles =
            trunkline::store::ProfileRepository(*database).list();
        QVERIFY(!profiles.isEmpty());
        const QList<trunkline::core::Extension> extensions =
            trunkline::store::ExtensionRepository(*database).list(profiles.first().id);
        QVERIFY(!extensions.isEmpty());
        trunkline::store::PendingChangeRepository changes(*database);

        // Made on a version the provider no longer has, to a value it does not hold: a conflict.
        trunkline::store::PendingChange stale;
        stale.profileId = profiles.first().id;
        stale.entity = QStringLiteral("extension");
        stale.entityKey = extensions.first().id;
        stale.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("Edited on an old copy")}};
        stale.baseVersion = QStringLiteral("a version long gone");
        QVERIFY(changes.enqueue(stale));
        const Run conflicted =
            cli({QStringLiteral("pending"), QStringLiteral("apply"), QString::number(stale.id)});
        QCOMPARE(conflicted.exitCode, 5);
        QCOMPARE(changes.find(stale.id)->state, trunkline::store::ChangeState::Conflict);
        QVERIFY(changes.discard(stale.id));

        trunkline::store::PendingChange unknown = stale;
        unknown.entity = QStringLiteral("mystery");
        QVERIFY(changes.enqueue(unknown));
        const Run failed =
            cli({QStringLiteral("pending"), QStringLiteral("apply"), QString::number(unknown.id)});
        QCOMPARE(failed.exitCode, 4);
        QVERIFY2(failed.err.contains("mystery"), failed.err.constData());
        QVERIFY(changes.discard(unknown.id));
    }

    // A conflict is settled from the command line as the conflict dialog settles it: --keep-mine stages
    // the change again on the provider's current record and the next apply sends it; --take-theirs drops
    // it and the provider's values stay.
    void pendingResolveKeepsMineOrTakesTheirs() {
        const Run sync = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Demo")});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QString error;
        auto database = trunkline::store::Database::open(m_database, &error);
        QVERIFY2(database, qPrintable(error));
        const qint64 profile = trunkline::store::ProfileRepository(*database).list().first().id;
        const auto jobTitle = [](const QString& title) {
            return QJsonObject{{QStringLiteral("contact"), QJsonObject{{QStringLiteral("jobTitle"), title}}}};
        };
        QList<trunkline::core::Extension> users;
        for (const trunkline::core::Extension& e :
             trunkline::store::ExtensionRepository(*database).list(profile)) {
            if (e.type == trunkline::core::ExtensionType::User && !e.admin)
                users << e;
        }
        QVERIFY(users.size() >= 2);
        trunkline::store::PendingChangeRepository changes(*database);
        // Edits made on versions the provider no longer has: conflicts.
        QList<qint64> ids;
        for (const trunkline::core::Extension& user : users.first(2)) {
            trunkline::store::PendingChange stale;
            stale.profileId = profile;
            stale.entity = QStringLiteral("extension");
            stale.entityKey = user.id;
            stale.payload = jobTitle(QStringLiteral("Mine ") + user.id);
            stale.baseValues = jobTitle(QStringLiteral("Long ago"));
            stale.baseVersion = QStringLiteral("a version long gone");
            QVERIFY(changes.enqueue(stale));
            QCOMPARE(
                cli({QStringLiteral("pending"), QStringLiteral("apply"), QString::number(stale.id)}).exitCode,
                5);
            ids << stale.id;
        }
        const QString mine = QString::number(ids.at(0));
        const QString theirs = QString::number(ids.at(1));

        const Run kept =
            cli({QStringLiteral("pending"), QStringLiteral("resolve"), mine, QStringLiteral("--keep-mine")});
        QVERIFY2(kept.exitCode == 0, kept.err.constData());
        QVERIFY2(kept.out.contains("staged again"), kept.out.constData());
        QCOMPARE(changes.find(ids.at(0))->state, trunkline::store::ChangeState::Pending);
        QCOMPARE(changes.find(ids.at(0))->baseValues, jobTitle(users.at(0).contact.jobTitle));
        const Run applied = cli({QStringLiteral("pending"), QStringLiteral("apply"), mine});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QCOMPARE(changes.find(ids.at(0))->state, trunkline::store::ChangeState::Applied);
        QCOMPARE(
            trunkline::store::ExtensionRepository(*database).find(profile, users.at(0).id)->contact.jobTitle,
            QStringLiteral("Mine ") + users.at(0).id);

        const Run taken = cli(
            {QStringLiteral("pending"), QStringLiteral("resolve"), theirs, QStringLiteral("--take-theirs")});
        QVERIFY2(taken.exitCode == 0, taken.err.constData());
        QVERIFY2(taken.out.contains("dropped"), taken.out.constData());
        QVERIFY(!changes.find(ids.at(1)));
        QCOMPARE(
            trunkline::store::ExtensionRepository(*database).find(profile, users.at(1).id)->contact.jobTitle,
            users.at(1).contact.jobTitle);
        // Gone, it cannot be resolved again.
        const Run again = cli(
            {QStringLiteral("pending"), QStringLiteral("resolve"), theirs, QStringLiteral("--take-theirs")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("no longer exists"), again.err.constData());
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
        if (qEnvironmentVariableIsEmpty("TRUNKLINE_REAL_KEYCHAIN"))
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not set (scripts/test runs this with a real keychain)");
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
                secretOf(emulator.admin));
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

    void unknownProfileFails() {
        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Nope")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("Nope"));
    }

    // The real keychain profile path and a sync killed halfway (scripts/test runs this inside a D-Bus
    // session with gnome-keyring; elsewhere it is skipped).
    void killedSyncLeavesAConsistentDatabase() {
        if (qEnvironmentVariableIsEmpty("TRUNKLINE_REAL_KEYCHAIN"))
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not set (scripts/test runs this with a real keychain)");
        Emulator emulator;
        QVERIFY(emulator.start(20000, 2000));

        m_database = m_dir.filePath(QStringLiteral("kill.sqlite"));
        const Run add =
            cli(addProfileAt(emulator.baseUrl, QStringLiteral("Big"), QStringLiteral("ringcentral")),
                secretOf(emulator.admin));
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
        if (qEnvironmentVariableIsEmpty("TRUNKLINE_REAL_KEYCHAIN"))
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not set (scripts/test runs this with a real keychain)");
        Emulator emulator;
        QVERIFY(emulator.start(5, 5));
        m_database = m_dir.filePath(QStringLiteral("port.sqlite"));
        const Run add =
            cli(addProfileAt(emulator.baseUrl, QStringLiteral("Porting"), QStringLiteral("telnyx")),
                emulator.telnyxKey.toUtf8() + '\n');
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
        if (qEnvironmentVariableIsEmpty("TRUNKLINE_REAL_KEYCHAIN"))
            QSKIP("TRUNKLINE_REAL_KEYCHAIN is not set (scripts/test runs this with a real keychain)");
        Emulator emulator;
        QVERIFY(emulator.start(20, 5));
        const QUrl entered(emulator.baseUrl);
        const QString enteredOrigin = QStringLiteral("http://127.0.0.1:%1").arg(entered.port());
        const QString movedUrl = QStringLiteral("http://127.0.0.2:%1").arg(entered.port());

        m_database = m_dir.filePath(QStringLiteral("moved.sqlite"));
        const QByteArray secret = secretOf(emulator.admin);
        const Run add = cli(
            addProfileAt(emulator.baseUrl, QStringLiteral("Moved"), QStringLiteral("ringcentral")), secret);
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

QTEST_GUILESS_MAIN(tst_TrunklineCli)
#include "tst_TrunklineCli.moc"
