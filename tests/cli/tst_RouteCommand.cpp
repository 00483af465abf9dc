// `trunkline-cli route`: a plan file tested before it exists (winner, kind, the candidates with their
// reasons, JSON shape), the linter's exit code, and a synced Restcomm demo profile's own numbers.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::tests::CliRun;

class tst_RouteCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_plan;

    CliRun cli(const QStringList& arguments) {
        return trunkline::tests::runCli(m_dir.filePath(u"cli.sqlite"_s), arguments);
    }

    QString writePlan(const QByteArray& lines) {
        return trunkline::tests::writeInputFile(m_dir.path(), u"plan"_s, lines);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // Seed 003's regex example plus a pattern the server never matches.
        m_plan = writePlan("16508251256\n16.*\n16508.*\n\n+1650.*\n");
    }

    void aPlanAnswersEachDialedNumber() {
        const CliRun run = cli({u"route"_s, u"--entries"_s, m_plan, u"--format"_s, u"json"_s, u"--"_s,
                                u"16508251255"_s, u"16508251256"_s, u"777"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray results = QJsonDocument::fromJson(run.out).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 3);

        const QJsonObject longest = results.at(0).toObject();
        QCOMPARE(longest.value(u"dialed"_s).toString(), u"16508251255"_s);
        QCOMPARE(longest.value(u"winner"_s).toString(), u"16508.*"_s);
        QCOMPARE(longest.value(u"kind"_s).toString(), u"regex"_s);
        const QJsonArray candidates = longest.value(u"candidates"_s).toArray();
        QCOMPARE(candidates.size(), 3); // every regex, longest first
        QCOMPARE(candidates.at(0).toObject().value(u"entry"_s).toString(), u"16508.*"_s);
        QVERIFY(candidates.at(0).toObject().value(u"won"_s).toBool());
        QCOMPARE(candidates.at(2).toObject().value(u"entry"_s).toString(), u"16.*"_s);
        QCOMPARE(candidates.at(2).toObject().value(u"reason"_s).toString(),
                 u"matches 16508251255, but a longer pattern was tried first"_s);
        QVERIFY(candidates.at(1).toObject().value(u"matched"_s).isNull()); // "+1650.*" never matches

        const QJsonObject exact = results.at(1).toObject();
        QCOMPARE(exact.value(u"winner"_s).toString(), u"16508251256"_s);
        QCOMPARE(exact.value(u"kind"_s).toString(), u"exact"_s);

        const QJsonObject none = results.at(2).toObject();
        QVERIFY(none.value(u"winner"_s).isNull());
        QCOMPARE(none.value(u"kind"_s).toString(), u"none"_s);
    }

    void textOutputMarksTheWinner() {
        const CliRun run = cli({u"route"_s, u"--entries"_s, m_plan, u"--"_s, u"16508251255"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("16508251255 -> 16508.* (regex)\n  * 16508.*: matches 16508251255"),
                 run.out.constData());
    }

    void lintExitsThreeOnAnError() {
        const CliRun run = cli({u"route"_s, u"--lint"_s, u"--entries"_s, m_plan, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 3);
        const QJsonArray findings = QJsonDocument::fromJson(run.out).object().value(u"findings"_s).toArray();
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.at(0).toObject().value(u"severity"_s).toString(), u"error"_s);
        QCOMPARE(findings.at(0).toObject().value(u"entry"_s).toString(), u"+1650.*"_s);

        const CliRun clean =
            cli({u"route"_s, u"--lint"_s, u"--entries"_s, writePlan("16508251256\n16.*\n16508.*\n")});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.out,
                 QByteArray("info: Regex routes apply to voice calls only; SMS reach only exact numbers.\n"));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("neither source") << QStringList{u"route"_s, u"--"_s, u"123"_s} << 2;
        QTest::newRow("both sources")
            << QStringList{u"route"_s, u"--profile"_s, u"x"_s, u"--entries"_s, u"y"_s} << 2;
        QTest::newRow("nothing dialed") << QStringList{u"route"_s, u"--entries"_s, u"y"_s} << 2;
        QTest::newRow("missing file")
            << QStringList{u"route"_s, u"--entries"_s, u"/nonexistent/plan"_s, u"--"_s, u"1"_s} << 1;
        QTest::newRow("not a Restcomm profile")
            << QStringList{u"route"_s, u"--profile"_s, u"Nope"_s, u"--"_s, u"1"_s} << 1;
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.err.startsWith("trunkline-cli: "));
    }

    void aSyncedRestcommProfile() {
        const CliRun add = cli(
            {u"profiles"_s, u"add"_s, u"--name"_s, u"Routes"_s, u"--provider"_s, u"restcomm"_s, u"--demo"_s});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const CliRun sync = cli({u"sync"_s, u"--profile"_s, u"Routes"_s});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const CliRun numbers = cli({u"export"_s, u"numbers"_s, u"--format"_s, u"json"_s});
        const QString first =
            QJsonDocument::fromJson(numbers.out).array().at(0).toObject().value(u"number"_s).toString();
        QVERIFY(!first.isEmpty());

        const CliRun run =
            cli({u"route"_s, u"--profile"_s, u"Routes"_s, u"--format"_s, u"json"_s, u"--"_s, first});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result =
            QJsonDocument::fromJson(run.out).object().value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(result.value(u"kind"_s).toString(), u"exact"_s);
        QCOMPARE(result.value(u"winner"_s).toString(), first);

        // The demo organisation's seed-003 patterns are SIP numbers, although the API does not say so.
        const CliRun regex =
            cli({u"route"_s, u"--profile"_s, u"Routes"_s, u"--format"_s, u"json"_s, u"--"_s, u"42342"_s});
        const QJsonObject hit =
            QJsonDocument::fromJson(regex.out).object().value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(hit.value(u"kind"_s).toString(), u"regex"_s);
        QCOMPARE(hit.value(u"winner"_s).toString(), u"[45]234[23]"_s);
    }
};

QTEST_GUILESS_MAIN(tst_RouteCommand)
#include "tst_RouteCommand.moc"
