// `trunkline-cli stage`: edits staged from a script through the staging library, refused with exit 3 (and
// nothing staged) when a field is unknown or a value breaks a rule. Runs the built trunkline-cli on a real
// SQLite file with the demo profile (its emulator runs inside each trunkline-cli process, from the same
// seed, so every run sees the same account).

#include "CliRunner.h"
#include "core/Csv.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using Run = trunkline::tests::CliRun;
using namespace Qt::StringLiterals;

class tst_StageCommand : public trunkline::tests::CliTestCase {
    Q_OBJECT

    QJsonArray json(const QStringList& arguments) {
        const Run run = cli(arguments + QStringList{u"--format"_s, u"json"_s});
        return run.exitCode == 0 ? jsonArray(run.out) : QJsonArray{};
    }
    QJsonArray pending() { return json({u"pending"_s, u"list"_s, u"--all"_s}); }
    // The stored forwarding list of an extension (by extension number), in list order.
    QList<QJsonObject> forwarding(const QString& extensionNumber) {
        QList<QJsonObject> rows;
        for (const QJsonValue& row : json({u"export"_s, u"forwarding"_s})) {
            if (row[u"extensionNumber"].toString() == extensionNumber)
                rows << row.toObject();
        }
        return rows;
    }
    // Every change of this test starts from an empty queue.
    void discardAll() {
        for (const QJsonValue& change : pending()) {
            if (change[u"state"].toString() != u"applied")
                cli({u"pending"_s, u"discard"_s, QString::number(change[u"id"].toInteger())});
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(u"stage.sqlite"_s);
        const Run add = cli({u"profiles"_s, u"add"_s, u"--name"_s, u"Demo"_s, u"--provider"_s,
                             u"ringcentral"_s, u"--demo"_s});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        const Run sync = cli({u"sync"_s, u"--details"_s});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
    }
    void init() { discardAll(); }

    void helpExplainsVerbsAndFields() {
        const Run help = cli({u"stage"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char* expected :
             {"update extension EXT", "create forwarding EXT", "delete forwarding EXT ID",
              "update number NUMBER", "flipNumber", "exits 3"})
            QVERIFY2(help.out.contains(expected), expected);
        QVERIFY(cli({u"--help"_s}).out.contains("stage update|create|delete"));
    }

    void usageErrorsExit2_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no verb") << QStringList{u"stage"_s};
        QTest::newRow("unknown kind")
            << QStringList{u"stage"_s, u"update"_s, u"cat"_s, u"104"_s, u"--set"_s, u"name=x"_s};
        QTest::newRow("create extension")
            << QStringList{u"stage"_s, u"create"_s, u"extension"_s, u"104"_s, u"--set"_s, u"name=x"_s};
        QTest::newRow("no --set") << QStringList{u"stage"_s, u"update"_s, u"extension"_s, u"104"_s};
        QTest::newRow("no =") << QStringList{u"stage"_s, u"update"_s, u"extension"_s,
                                             u"104"_s,   u"--set"_s,  u"name"_s};
        QTest::newRow("delete without id") << QStringList{u"stage"_s, u"delete"_s, u"forwarding"_s, u"104"_s};
    }
    void usageErrorsExit2() {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(pending().size(), 0);
    }

    // Each refused edit names the field and the rule, and stages nothing.
    void brokenRulesExit3_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("rule");
        const QStringList ext{u"stage"_s, u"update"_s, u"extension"_s, u"104"_s, u"--set"_s};
        QTest::newRow("unknown field")
            << ext + QStringList{u"colour=red"_s} << u"colour"_s << u"no such field"_s;
        QTest::newRow("set by the provider")
            << ext + QStringList{u"type=User"_s} << u"type"_s << u"set by the provider"_s;
        QTest::newRow("e-mail") << ext + QStringList{u"email=anna"_s} << u"email"_s << u"not an e-mail"_s;
        // As in the extension editor, the name follows the first and last name.
        QTest::newRow("name is derived")
            << ext + QStringList{u"name=x"_s} << u"name"_s << u"derived from firstName and lastName"_s;
        QTest::newRow("empty name") << ext + QStringList{u"firstName="_s, u"--set"_s, u"lastName="_s}
                                    << u"name"_s << u"required"_s;
        QTest::newRow("long last name")
            << ext + QStringList{u"lastName="_s + QString(130, u'x')} << u"lastName"_s << u"at most"_s;
        QTest::newRow("status") << ext + QStringList{u"status=Asleep"_s} << u"status"_s << u"not a status"_s;
        QTest::newRow("extension number in use")
            << ext + QStringList{u"extensionNumber=101"_s} << u"extensionNumber"_s << u"already used"_s;
        QTest::newRow("forwarding: not a number")
            << QStringList{u"stage"_s, u"create"_s, u"forwarding"_s,
                           u"105"_s,   u"--set"_s,  u"phoneNumber=call me"_s}
            << u"phoneNumber"_s << QString();
        QTest::newRow("forwarding: no number")
            << QStringList{u"stage"_s, u"create"_s, u"forwarding"_s, u"105"_s, u"--set"_s, u"label=Cottage"_s}
            << u"phoneNumber"_s << u"needs one"_s;
        QTest::newRow("forwarding: label too long")
            << QStringList{u"stage"_s,      u"create"_s,
                           u"forwarding"_s, u"105"_s,
                           u"--set"_s,      u"phoneNumber=+4930555000"_s,
                           u"--set"_s,      u"label="_s + QString(61, u'x')}
            << u"label"_s << u"60"_s;
        QTest::newRow("forwarding: flip digit")
            << QStringList{u"stage"_s,       u"update"_s, u"forwarding"_s,    u"103"_s,
                           u"30001000010"_s, u"--set"_s,  u"flipNumber=two"_s}
            << u"flipNumber"_s << u"not a digit"_s;
        // RingCentral sets the features: no request carries them, a flip digit cannot be taken away,
        // and every new number gets both.
        QTest::newRow("forwarding: features of a stored number")
            << QStringList{u"stage"_s,
                           u"update"_s,
                           u"forwarding"_s,
                           u"103"_s,
                           u"30001000010"_s,
                           u"--set"_s,
                           u"features=CallForwarding"_s}
            << u"features"_s << u"RingCentral sets the features"_s;
        QTest::newRow("forwarding: new number out of the flip list")
            << QStringList{u"stage"_s, u"create"_s,      u"forwarding"_s,
                           u"105"_s,   u"--set"_s,       u"phoneNumber=+4930555000"_s,
                           u"--set"_s, u"flipNumber=0"_s}
            << u"features"_s << u"gets call forwarding and call flip"_s;
        QTest::newRow("forwarding: new number with one feature")
            << QStringList{u"stage"_s,      u"create"_s,
                           u"forwarding"_s, u"105"_s,
                           u"--set"_s,      u"phoneNumber=+4930555000"_s,
                           u"--set"_s,      u"features=CallForwarding"_s}
            << u"features"_s << u"gets call forwarding and call flip"_s;
        QTest::newRow("number: unknown extension")
            << QStringList{u"stage"_s,        u"update"_s, u"number"_s,
                           u"+12062001009"_s, u"--set"_s,  u"extensionNumber=999"_s}
            << u"extensionNumber"_s << u"no extension 999"_s;
        QTest::newRow("number: provider field")
            << QStringList{u"stage"_s,        u"update"_s, u"number"_s,
                           u"+12062001009"_s, u"--set"_s,  u"usageType=MainCompanyNumber"_s}
            << u"usageType"_s << u"set by the provider"_s;
    }
    void brokenRulesExit3() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QFETCH(QString, rule);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 3);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"trunkline-cli: "_s + field + u": "_s), qPrintable(err));
        QVERIFY2(err.contains(rule), qPrintable(err));
        QCOMPARE(pending().size(), 0);
    }

    void extensionUpdateIsStagedAndRevised() {
        const QJsonArray staged = json({u"stage"_s, u"update"_s, u"extension"_s, u"104"_s, u"--set"_s,
                                        u"lastName=Wolf-Berger"_s, u"--set"_s, u"department=Sales"_s});
        QCOMPARE(staged.size(), 1);
        const QJsonObject change = staged.at(0).toObject();
        QCOMPARE(change[u"entity"].toString(), u"extension"_s);
        QCOMPARE(change[u"operation"].toString(), u"update"_s);
        QCOMPARE(change[u"state"].toString(), u"pending"_s);
        QCOMPARE(change[u"payload"][u"name"].toString(), u"Anna Wolf-Berger"_s);
        QCOMPARE(change[u"payload"][u"contact"][u"department"].toString(), u"Sales"_s);
        QCOMPARE(change[u"baseValues"][u"name"].toString(), u"Anna Wolf"_s);

        // A second edit of the record revises the staged change: one row, both edits.
        const Run again =
            cli({u"stage"_s, u"update"_s, u"extension"_s, u"104"_s, u"--set"_s, u"jobTitle=Lead"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("Revised"));
        const QJsonArray list = pending();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[u"payload"][u"name"].toString(), u"Anna Wolf-Berger"_s);
        QCOMPARE(list.at(0)[u"payload"][u"contact"][u"jobTitle"].toString(), u"Lead"_s);

        // `pending show` reads as a review: each touched field, before → after.
        const Run shown = cli({u"pending"_s, u"show"_s, QString::number(list.at(0)[u"id"].toInteger())});
        QCOMPARE(shown.exitCode, 0);
        const QString review = QString::fromUtf8(shown.out);
        QVERIFY2(review.contains(u"  Name: Anna Wolf → Anna Wolf-Berger\n"_s), qPrintable(review));
        QVERIFY2(review.contains(u"  Department: "_s) && review.contains(u" → Sales\n"_s),
                 qPrintable(review));
        QVERIFY2(review.contains(u"  Requests to apply: 3\n"_s), qPrintable(review));
        QVERIFY2(!review.contains(u"Extension number"_s), qPrintable(review));
        // `pending list --format csv`: the columns of the page's Export CSV, one row per field.
        const Run csv = cli({u"pending"_s, u"list"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QBuffer buffer;
        buffer.setData(csv.out);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = trunkline::core::CsvReader(&buffer).readAll();
        QCOMPARE(rows.value(0), (QStringList{u"Profile"_s, u"Record"_s, u"Change"_s, u"Field"_s, u"Before"_s,
                                             u"After"_s, u"Requests"_s, u"State"_s, u"Staged"_s, u"Author"_s,
                                             u"Approved by"_s, u"Message"_s}));
        QCOMPARE(rows.size(), 5); // name, last name, job title, department
        const QStringList name = rows.value(1);
        QCOMPARE(name.mid(0, 8), (QStringList{u"Demo"_s, u"Extension 104 (Anna Wolf)"_s,
                                              u"Edit: Name, Last name, Job title, Department"_s, u"Name"_s,
                                              u"Anna Wolf"_s, u"Anna Wolf-Berger"_s, u"3"_s, u"pending"_s}));
        QVERIFY(QDateTime::fromString(name.value(8), Qt::ISODate).isValid());
        QCOMPARE(cli({u"pending"_s, u"show"_s, u"--format"_s, u"csv"_s, u"1"_s}).exitCode, 2);
        QCOMPARE(cli({u"pending"_s, u"show"_s}).exitCode, 2);
        QCOMPARE(cli({u"pending"_s, u"show"_s, u"99999"_s}).exitCode, 1);

        // Back to the stored values: nothing left to stage.
        QJsonObject stored;
        for (const QJsonValue& row : json({u"export"_s, u"extensions"_s})) {
            if (row[u"extensionNumber"].toString() == u"104")
                stored = row.toObject();
        }
        const Run back = cli({u"stage"_s, u"update"_s, u"extension"_s, u"104"_s, u"--set"_s,
                              u"lastName="_s + stored[u"lastName"].toString(), u"--set"_s,
                              u"department="_s + stored[u"department"].toString(), u"--set"_s,
                              u"jobTitle="_s + stored[u"jobTitle"].toString()});
        QCOMPARE(back.exitCode, 0);
        QCOMPARE(pending().size(), 0);
    }

    void forwardingCreateLocksTheList() {
        const QJsonArray staged = json({u"stage"_s, u"create"_s, u"forwarding"_s, u"105"_s, u"--set"_s,
                                        u"phoneNumber=+49 30 5550123"_s, u"--set"_s, u"label=Cottage"_s});
        QCOMPARE(staged.size(), 1);
        const QJsonObject payload = staged.at(0)[u"payload"].toObject();
        QCOMPARE(staged.at(0)[u"operation"].toString(), u"create"_s);
        QCOMPARE(payload[u"phoneNumber"].toString(), u"+49305550123"_s);
        QCOMPARE(payload[u"label"].toString(), u"Cottage"_s);
        QCOMPARE(payload[u"type"].toString(), u"Other"_s);
        // What RingCentral gives every new number: both features, and the next flip digit.
        QCOMPARE(payload[u"features"].toArray(), (QJsonArray{u"CallForwarding"_s, u"CallFlip"_s}));
        const QList<QJsonObject> stored = forwarding(u"105"_s);
        const auto flips = std::count_if(stored.cbegin(), stored.cend(), [](const QJsonObject& row) {
            return row[u"flipNumber"].toInt() > 0;
        });
        QCOMPARE(payload[u"flipNumber"].toInt(), flips + 1);
        // As in the form: a list with unapplied changes is not planned on again.
        const Run second = cli(
            {u"stage"_s, u"create"_s, u"forwarding"_s, u"105"_s, u"--set"_s, u"phoneNumber=+49305550124"_s});
        QCOMPARE(second.exitCode, 1);
        QVERIFY(second.err.contains("not applied yet"));
        QCOMPARE(pending().size(), 1);
    }

    void forwardingDeleteClosesTheFlipList() {
        const QList<QJsonObject> list = forwarding(u"103"_s);
        QCOMPARE(list.size(), 3);
        const QString second = list.at(1)[u"id"].toString();
        QCOMPARE(list.at(1)[u"flipNumber"].toInt(), 2);
        const QJsonArray staged = json({u"stage"_s, u"delete"_s, u"forwarding"_s, u"103"_s, second});
        QCOMPARE(staged.size(), 2);
        QCOMPARE(staged.at(0)[u"operation"].toString(), u"delete"_s);
        QCOMPARE(staged.at(0)[u"entityKey"].toString(), second);
        // The third entry takes the freed digit 2.
        QCOMPARE(staged.at(1)[u"entityKey"].toString(), list.at(2)[u"id"].toString());
        QCOMPARE(staged.at(1)[u"payload"][u"flipNumber"].toInt(), 2);
    }

    void callFlipMovesAnEntryToTheFront() {
        const QList<QJsonObject> list = forwarding(u"104"_s);
        QCOMPARE(list.size(), 2);
        const Run run = cli({u"stage"_s, u"update"_s, u"forwarding"_s, u"104"_s, list.at(1)[u"id"].toString(),
                             u"--set"_s, u"flipNumber=1"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The last change of each entry holds its final digit: swapped.
        QHash<QString, int> finalDigit;
        for (const QJsonValue& change : pending())
            finalDigit.insert(change[u"entityKey"].toString(), change[u"payload"][u"flipNumber"].toInt());
        QCOMPARE(finalDigit.value(list.at(1)[u"id"].toString()), 1);
        QCOMPARE(finalDigit.value(list.at(0)[u"id"].toString()), 2);
    }

    void numberAssignmentByExtensionNumber() {
        const QJsonArray staged = json({u"stage"_s, u"update"_s, u"number"_s, u"+1 206 200 1009"_s,
                                        u"--set"_s, u"extensionNumber=104"_s});
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.at(0)[u"entity"].toString(), u"phone_number"_s);
        QCOMPARE(staged.at(0)[u"payload"][u"extensionId"].toString(), u"400101003008"_s);
    }

    void applyReportsEachChangesState() {
        QCOMPARE(cli({u"stage"_s, u"update"_s, u"extension"_s, u"106"_s, u"--set"_s, u"jobTitle=Engineer"_s})
                     .exitCode,
                 0);
        const Run apply = cli({u"pending"_s, u"apply"_s});
        QVERIFY2(apply.exitCode == 0, apply.err.constData());
        const QJsonArray list = pending();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[u"state"].toString(), u"applied"_s);
        // Beside what was reviewed: what the provider held of it when read back after the write.
        QCOMPARE(list.at(0)[u"readBack"].toObject(),
                 (QJsonObject{{u"contact"_s, QJsonObject{{u"jobTitle"_s, u"Engineer"_s}}}}));
        // Without --all an applied change is no longer pending.
        QCOMPARE(json({u"pending"_s, u"list"_s}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_StageCommand)
#include "tst_StageCommand.moc"
