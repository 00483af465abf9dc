// `trunkline-cli export` as a script or a spreadsheet user meets it: the rows of a real SQLite file
// streamed out as CSV (plain, and for Excel with a BOM and the locale's separator) or JSON, filtered.
#include "AuditRecord.h"
#include "CliRunner.h"
#include "TestDatabase.h"
#include "core/Csv.h"
#include "store/AuditLogRepository.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/PendingChangeRepository.h"
#include "store/PhoneNumberRepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::test::auditEntry;
using trunkline::tests::runCli;
namespace core = trunkline::core;
namespace store = trunkline::store;

class tst_ExportCommand : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY2(openSqliteTestDatabase(m_test), qPrintable(m_test->error()));
        m_profile = m_test->addProfileWithExtensions(u"Büro München"_s);
        QVERIFY(m_profile > 0);
        core::PhoneNumberRecord reception;
        reception.id = u"pn-1"_s;
        reception.provider = u"ringcentral"_s;
        reception.e164 = u"+498912345670"_s;
        reception.label = u"Empfang Größe; \"Süd\""_s;
        reception.features = core::NumberFeature::CallerId | core::NumberFeature::SmsSender;
        core::PhoneNumberRecord formula = reception;
        formula.id = u"pn-2"_s;
        formula.e164 = u"+498912345671"_s;
        formula.label = u"=HYPERLINK(\"http://127.0.0.1\")"_s;
        formula.features = {};
        QVERIFY(store::PhoneNumberRepository(m_test->database()).upsert(m_profile, {reception, formula}));
        core::ForwardingNumber home;
        home.id = u"f-1"_s;
        home.phoneNumber = u"+4930555"_s;
        home.label = u"Zuhause"_s;
        home.flipNumber = 1;
        core::ForwardingNumber mobile = home;
        mobile.id = u"f-2"_s;
        mobile.phoneNumber = u"+49170555"_s;
        mobile.label = u"Handy"_s;
        mobile.flipNumber = 2;
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(m_profile, u"e1"_s, {mobile, home})); // list order is not flip order
        store::AuditEntry entry = auditEntry(m_profile, u"Büro München"_s, u"extension"_s, u"e1"_s,
                                             u"update"_s, u"Updated extension 101 (contact.jobTitle)"_s);
        QVERIFY(store::AuditLogRepository(m_test->database()).append(entry));
        store::PendingChange change;
        change.profileId = m_profile;
        change.entity = u"extension"_s;
        change.entityKey = u"e2"_s;
        change.payload = QJsonObject{{u"contact"_s, QJsonObject{{u"jobTitle"_s, u"=1+1"_s}}}};
        QVERIFY(store::PendingChangeRepository(m_test->database()).enqueue(change));
        m_test->close(); // the CLI opens the file itself
    }
    void cleanup() {
        qunsetenv("LC_ALL");
        m_test.reset();
    }

    void plainCsvIsUtf8WithCommasAndNoBom() {
        const auto run = runCli(m_test->location(), {u"export"_s, u"numbers"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.out.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = readCsv(run.out, u',');
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).value(0), u"profile"_s);
        QCOMPARE(rows.at(1).value(0), u"Büro München"_s);
        QCOMPARE(rows.at(1).value(3), u"Empfang Größe; \"Süd\""_s);
        QCOMPARE(rows.at(1).value(8), u"CallerId SmsSender"_s);
        // Neutralised for the spreadsheet (the reader above undid it); in the bytes it starts with '.
        QCOMPARE(rows.at(2).value(3), u"=HYPERLINK(\"http://127.0.0.1\")"_s);
        QVERIFY(run.out.contains(",\"'=HYPERLINK("));
    }

    // Excel in a German locale: a BOM (or the umlauts come out garbled) and ";" between cells, since
    // "," is the decimal point there.
    void excelCsvHasBomAndTheLocaleSeparator() {
        qputenv("LC_ALL", "de_DE.UTF-8");
        const auto run = runCli(m_test->location(), {u"export"_s, u"numbers"_s, u"--excel"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.startsWith("\xEF\xBB\xBF"
                                   "profile;id;number;"));
        const QList<QStringList> rows = readCsv(run.out, u';');
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).value(3), u"Empfang Größe; \"Süd\""_s);

        qputenv("LC_ALL", "en_US.UTF-8");
        const auto english = runCli(m_test->location(), {u"export"_s, u"numbers"_s, u"--excel"_s});
        QVERIFY(english.out.startsWith("\xEF\xBB\xBF"
                                       "profile,id,number,"));
    }

    void jsonKeepsTypes() {
        const auto run = runCli(m_test->location(), {u"export"_s, u"forwarding"_s, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error;
        const QJsonArray rows = QJsonDocument::fromJson(run.out, &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(rows.size(), 2);
        const QJsonObject second = rows.at(1).toObject();
        QCOMPARE(second.value("position"_L1).toInt(), 2);
        QCOMPARE(second.value("phoneNumber"_L1).toString(), u"+4930555"_s);
        QCOMPARE(second.value("flipNumber"_L1).toInt(), 1);
        QVERIFY(second.value("features"_L1).isArray());

        const auto extensions =
            runCli(m_test->location(), {u"export"_s, u"extensions"_s, u"--format"_s, u"json"_s});
        const QJsonArray extensionRows = QJsonDocument::fromJson(extensions.out).array();
        QCOMPARE(extensionRows.size(), 2);
        QVERIFY(extensionRows.at(0).toObject().value("admin"_L1).isBool());
        QVERIFY(!extensionRows.at(0).toObject().value("detailsSyncedAt"_L1).toString().isEmpty());
        QVERIFY(extensionRows.at(1).toObject().value("detailsSyncedAt"_L1).toString().isEmpty());
    }

    // The tables the console exports from its pages are there for scripts too: the call flip list in
    // digit order, the audit log, the pending changes with their payloads as compact JSON.
    void callFlipAuditAndPendingExport() {
        const auto flip = runCli(m_test->location(), {u"export"_s, u"call-flip"_s});
        QVERIFY2(flip.exitCode == 0, flip.err.constData());
        const QList<QStringList> flips = readCsv(flip.out, u',');
        QCOMPARE(flips.size(), 3);
        QCOMPARE(flips.at(0).value(3), u"flipNumber"_s);
        QCOMPARE(flips.at(1).mid(3, 3), (QStringList{u"1"_s, u"f-1"_s, u"+4930555"_s}));
        QCOMPARE(flips.at(2).mid(3, 3), (QStringList{u"2"_s, u"f-2"_s, u"+49170555"_s}));

        const auto audit = runCli(m_test->location(), {u"export"_s, u"audit"_s});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        const QList<QStringList> auditRows = readCsv(audit.out, u',');
        QCOMPARE(auditRows.size(), 2);
        QCOMPARE(auditRows.at(1).value(1), u"Büro München"_s);
        QCOMPARE(auditRows.at(1).value(7), u"Updated extension 101 (contact.jobTitle)"_s);
        QVERIFY(!auditRows.at(1).value(2).isEmpty()); // the store's user, set on append
        // `audit` is `export audit`; --since and --until choose the period.
        const auto since = runCli(m_test->location(), {u"audit"_s, u"--since"_s, u"2000-01-01"_s});
        QVERIFY2(since.exitCode == 0, since.err.constData());
        QCOMPARE(since.out, audit.out);
        const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        QCOMPARE(readCsv(runCli(m_test->location(), {u"audit"_s, u"--since"_s, tomorrow}).out, u',').size(),
                 1);
        QCOMPARE(
            readCsv(runCli(m_test->location(), {u"audit"_s, u"--until"_s, u"2000-01-01T00:00Z"_s}).out, u',')
                .size(),
            1);
        const auto wrongTime = runCli(m_test->location(), {u"audit"_s, u"--since"_s, u"last week"_s});
        QCOMPARE(wrongTime.exitCode, 2);
        QVERIFY(wrongTime.err.contains("--since"));

        const auto pending =
            runCli(m_test->location(), {u"export"_s, u"pending"_s, u"--format"_s, u"json"_s});
        QVERIFY2(pending.exitCode == 0, pending.err.constData());
        const QJsonArray changes = QJsonDocument::fromJson(pending.out).array();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value("state"_L1).toString(), u"pending"_s);
        QCOMPARE(changes.at(0).toObject().value("entityKey"_L1).toString(), u"e2"_s);
        // Who staged it (SQLite: the operating-system user); nobody approved it.
        QVERIFY(!changes.at(0).toObject().value("author"_L1).toString().isEmpty());
        QCOMPARE(changes.at(0).toObject().value("approvedBy"_L1).toString(), QString());
        const auto pendingCsv = runCli(m_test->location(), {u"export"_s, u"pending"_s});
        QVERIFY2(pendingCsv.out.contains("\"{\"\"contact\"\":{\"\"jobTitle\"\":\"\"=1+1\"\"}}\""),
                 pendingCsv.out.constData());
    }

    // Plain CSV of numbers streams the store's texts (TextRows); a filter takes the typed path. Both
    // give the same bytes, on SQLite and on PostgreSQL (SUBSTR, REPLACE and || are in both dialects).
    void numbersStreamedAsTextEqualTheTypedRows_data() { TestDatabase::addEngineRows(); }
    void numbersStreamedAsTextEqualTheTypedRows() {
        QFETCH(QString, engine);
        TestDatabase test(engine);
        TRUNKLINE_SKIP_OR_OPEN(test, true);
        const qint64 profile = test.addProfileWithExtensions(u"Zweigstelle Köln"_s);
        QVERIFY(profile > 0);
        QList<core::PhoneNumberRecord> numbers;
        for (int i = 0; i < 3; ++i) {
            core::PhoneNumberRecord n;
            n.id = u"pn-%1"_s.arg(i);
            n.provider = u"ringcentral"_s;
            n.e164 = u"+4922112345%1"_s.arg(i);
            n.extensionId = i == 0 ? u"e1"_s : QString();
            n.extensionNumber = i == 0 ? u"101"_s : QString();
            numbers << n;
        }
        numbers[0].label = u"Empfang \"Nord\", Köln"_s;
        numbers[0].features = core::NumberFeature::CallerId | core::NumberFeature::SmsSender;
        numbers[1].label = u"@SUM(A1)"_s;
        numbers[1].usageType = core::UsageType::MainCompanyNumber;
        numbers[2].label = u"Zeile\nzwei"_s;
        QVERIFY(store::PhoneNumberRepository(test.database()).upsert(profile, numbers));
        test.close();

        const auto streamed = runCli(test.location(), {u"export"_s, u"numbers"_s});
        const auto typed = runCli(test.location(), {u"export"_s, u"numbers"_s, u"--filter"_s, u"id=*"_s});
        QVERIFY2(streamed.exitCode == 0, streamed.err.constData());
        QVERIFY2(typed.exitCode == 0, typed.err.constData());
        QCOMPARE(streamed.out, typed.out);
        const QList<QStringList> rows = readCsv(streamed.out, u',');
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(1).value(8), u"CallerId SmsSender"_s);
        QVERIFY(rows.at(1).value(12).endsWith(u'Z'));
        QVERIFY(streamed.out.contains(",\"'@SUM(A1)\"") || streamed.out.contains(",'@SUM(A1),"));
    }

    void emptyTableIsAnEmptyArrayOrAHeader() {
        const auto json =
            runCli(m_test->location(), {u"export"_s, u"port-orders"_s, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out).isArray());
        QVERIFY(QJsonDocument::fromJson(json.out).array().isEmpty());
        const auto csv = runCli(m_test->location(), {u"export"_s, u"port-orders"_s});
        QCOMPARE(readCsv(csv.out, u',').size(), 1);
    }

    void filterSelectsWhileStreaming() {
        const auto run =
            runCli(m_test->location(), {u"export"_s, u"forwarding"_s, u"--filter"_s, u"label=hand*"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QStringList> rows = readCsv(run.out, u',');
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).value(6), u"Handy"_s);
        const auto features = runCli(m_test->location(), {u"export"_s, u"numbers"_s, u"--format"_s, u"json"_s,
                                                          u"--filter"_s, u"features=*SmsSender*"_s});
        QCOMPARE(QJsonDocument::fromJson(features.out).array().size(), 1);
    }

private:
    static QList<QStringList> readCsv(QByteArray bytes, QChar separator) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        core::CsvReader reader(&buffer, {separator, true});
        return reader.readAll();
    }

    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
};

QTEST_GUILESS_MAIN(tst_ExportCommand)
#include "tst_ExportCommand.moc"
