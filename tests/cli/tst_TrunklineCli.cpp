// Runs the built trunkline-cli as a script would, on a demo profile (no keychain needed): exit codes,
// stdout/stderr, files, and the staged changes it applies and resolves. The cases that need the real
// keychain and trunkline-emulator as a process of its own are in tst_CliWithKeychain.

#include "CliRunner.h"
#include "core/Csv.h"
#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/ProfileRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using Run = trunkline::tests::CliRun;

class tst_TrunklineCli : public trunkline::tests::CliTestCase {
    Q_OBJECT

    // Syncs the demo profile and opens the database the runs share, for the cases that stage changes in
    // it before they run `pending`. Nothing, with `error` set, when the sync or the opening fails.
    std::unique_ptr<trunkline::store::Database> syncedDemoDatabase(QString* error) const {
        const Run sync = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Demo")});
        if (sync.exitCode != 0) {
            *error = QStringLiteral("the sync failed: ") + QString::fromUtf8(sync.err);
            return nullptr;
        }
        return trunkline::store::Database::open(m_database, error);
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
        QString error;
        auto database = syncedDemoDatabase(&error);
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
        QString error;
        auto database = syncedDemoDatabase(&error);
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

    void unknownProfileFails() {
        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("Nope")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("Nope"));
    }
};

QTEST_GUILESS_MAIN(tst_TrunklineCli)
#include "tst_TrunklineCli.moc"
