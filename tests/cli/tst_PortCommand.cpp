// `trunkline-cli port --dry-run`: the JSON plan (seed 002's example), activation ranges derived from a
// file of wanted numbers in mixed notations, and each broken rule reported with its value and exit 3.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::tests::CliRun;

class tst_PortCommand : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    CliRun cli(const QStringList& arguments) {
        return trunkline::tests::runCli(m_dir.filePath(u"cli.sqlite"_s),
                                        QStringList{u"port"_s, u"--dry-run"_s} + arguments);
    }
    QString write(const QByteArray& text) {
        return trunkline::tests::writeInputFile(m_dir.path(), u"wanted"_s, text);
    }

private slots:
    void theSeedsExampleAsJson() {
        const CliRun run = cli({u"--route"_s, u"+492012345678"_s, u"--range"_s, u"0-99"_s, u"--activate"_s,
                                u"4-4,19-20,42-42"_s, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(plan.value(u"route_number"_s).toString(), u"+492012345678"_s);
        QCOMPARE(plan.value(u"range"_s).toObject(), (QJsonObject{{u"start_at"_s, 0}, {u"end_at"_s, 99}}));
        QCOMPARE(plan.value(u"activation_ranges"_s).toArray().size(), 3);
        const QJsonArray numbers = plan.value(u"numbers"_s).toArray();
        QCOMPARE(numbers.size(), 100);
        QCOMPARE(numbers.at(0).toObject(),
                 (QJsonObject{{u"number"_s, u"+49201234567800"_s}, {u"active"_s, false}}));
        QCOMPARE(numbers.at(4).toObject(),
                 (QJsonObject{{u"number"_s, u"+49201234567804"_s}, {u"active"_s, true}}));
        int active = 0;
        for (const QJsonValue& number : numbers)
            active += number.toObject().value(u"active"_s).toBool();
        QCOMPARE(active, 4);
    }

    void wantedNumbersBecomeTheFewestRanges() {
        const QString file =
            write("+49 201 2345678 04\n0201/2345678-19\n0049 201 234567820\n\n+49201234567842\n");
        const CliRun run = cli({u"--route"_s, u"+492012345678"_s, u"--range"_s, u"0-99"_s,
                                u"--activate-numbers"_s, file, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray ranges =
            QJsonDocument::fromJson(run.out).object().value(u"activation_ranges"_s).toArray();
        QCOMPARE(ranges, (QJsonArray{QJsonObject{{u"start_at"_s, 4}, {u"end_at"_s, 4}},
                                     QJsonObject{{u"start_at"_s, 19}, {u"end_at"_s, 20}},
                                     QJsonObject{{u"start_at"_s, 42}, {u"end_at"_s, 42}}}));
    }

    void textListsEveryNumber() {
        const CliRun run =
            cli({u"--route"_s, u"+492012345678"_s, u"--range"_s, u"0-9"_s, u"--activate"_s, u"4-4"_s});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 12);
        QCOMPARE(lines.at(5), QByteArray("+4920123456784\tactive"));
        QCOMPARE(lines.last(), QByteArray("10 numbers port, 1 active, 9 inactive"));
    }

    void brokenRulesExitThree_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("not German")
            << QStringList{u"--route"_s, u"+12012345678"_s, u"--range"_s, u"0-9"_s, u"--activate"_s, u"4-4"_s}
            << QByteArray("/porting_phone_number_id: The route number +12012345678 is not German");
        QTest::newRow("overlap")
            << QStringList{u"--route"_s, u"+492012345678"_s, u"--range"_s,
                           u"0-9"_s,     u"--activate"_s,    u"4-4,3-5"_s}
            << QByteArray("/activation_ranges/1: Activation range 3–5 overlaps activation range 4–4.");
        QTest::newRow("wanted number of another route")
            << QStringList{u"--route"_s, u"+492012345678"_s,      u"--range"_s,
                           u"0-9"_s,     u"--activate-numbers"_s, u"@+49 30 12345678 4"_s}
            << QByteArray("/wanted_numbers/0: Line 1: +4930123456784 is not the route number +492012345678 "
                          "followed by a 1-digit extension.");
    }
    void brokenRulesExitThree() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        for (QString& argument : arguments) {
            if (argument.startsWith(u'@'))
                argument = write(argument.mid(1).toUtf8());
        }
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void usageErrorsExitTwo() {
        QCOMPARE(cli({u"--route"_s, u"+492012345678"_s}).exitCode, 2);
        QCOMPARE(cli({u"--route"_s, u"+492012345678"_s, u"--range"_s, u"0-9"_s}).exitCode,
                 2); // no activation
        QCOMPARE(trunkline::tests::runCli(m_dir.filePath(u"cli.sqlite"_s),
                                          {u"port"_s, u"--route"_s, u"+492012345678"_s})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(tst_PortCommand)
#include "tst_PortCommand.moc"
