#include "gui/DatabaseStatusText.h"

#include <QTest>

using namespace Qt::StringLiterals;
using trunkline::gui::DatabaseStatusText;

class tst_DatabaseStatusText : public QObject {
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
};

void tst_DatabaseStatusText::describe_data() {
    QTest::addColumn<QString>("pathOrUrl");
    QTest::addColumn<QString>("expected");

    QTest::newRow("absolute sqlite path") << u"/home/ana/.local/share/Trunkline/Trunkline/trunkline.sqlite"_s
                                          << u"Local database: /home/ana/.local/share/Trunkline/Trunkline/"
                                             "trunkline.sqlite"_s;
    QTest::newRow("relative path") << u"office.sqlite"_s << u"Local database: office.sqlite"_s;
    QTest::newRow("file url") << u"file:///tmp/phone%20book.sqlite"_s
                              << u"Local database: /tmp/phone book.sqlite"_s;
    QTest::newRow("postgresql with password")
        << u"postgresql://ana:s3cret@db.example.org/phones"_s << u"PostgreSQL: db.example.org/phones"_s;
    QTest::newRow("postgres with port")
        << u"postgres://admin@10.0.0.5:5433/pbx"_s << u"PostgreSQL: 10.0.0.5:5433/pbx"_s;
    QTest::newRow("scheme in capitals")
        << u"PostgreSQL://127.0.0.1/trunkline"_s << u"PostgreSQL: 127.0.0.1/trunkline"_s;
}

void tst_DatabaseStatusText::describe() {
    QFETCH(QString, pathOrUrl);
    QFETCH(QString, expected);

    const QString text = DatabaseStatusText::describe(pathOrUrl);
    QCOMPARE(text, expected);
    QVERIFY2(!text.contains(u"s3cret"_s), "a password from the URL must never be shown");
}

QTEST_GUILESS_MAIN(tst_DatabaseStatusText)
#include "tst_DatabaseStatusText.moc"
