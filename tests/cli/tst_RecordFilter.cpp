#include "cli/RecordFilter.h"
#include "cli/ValidateCommand.h"

#include <QTest>

using trunkline::cli::RecordFilter;

class tst_RecordFilter : public QObject {
    Q_OBJECT

    const QStringList m_columns{QStringLiteral("number"), QStringLiteral("usageType"),
                                QStringLiteral("extensionId"), QStringLiteral("features")};

private slots:
    void matches_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty matches all") << QString() << true;
        QTest::newRow("exact") << QStringLiteral("usageType=DirectNumber") << true;
        QTest::newRow("case-insensitive") << QStringLiteral("usageType=directnumber") << true;
        QTest::newRow("other value") << QStringLiteral("usageType=MainCompanyNumber") << false;
        QTest::newRow("prefix with plus is literal") << QStringLiteral("number=+4930*") << true;
        QTest::newRow("plus is not a regex quantifier") << QStringLiteral("number=4930*") << false;
        QTest::newRow("wildcard in the middle") << QStringLiteral("number=+49*789") << true;
        QTest::newRow("partial without star does not match") << QStringLiteral("number=+4930") << false;
        QTest::newRow("negated") << QStringLiteral("usageType!=DirectNumber") << false;
        QTest::newRow("negated other") << QStringLiteral("usageType!=CompanyNumber") << true;
        QTest::newRow("both hold") << QStringLiteral("usageType=DirectNumber,number=+4930*") << true;
        QTest::newRow("one fails") << QStringLiteral("usageType=DirectNumber,number=+4989*") << false;
        QTest::newRow("empty pattern matches empty value") << QStringLiteral("extensionId=") << true;
        QTest::newRow("array cells joined") << QStringLiteral("features=*SmsSender*") << true;
        QTest::newRow("dot is literal") << QStringLiteral("number=+4930.23456789") << false;
    }
    void matches() {
        QFETCH(QString, expression);
        QFETCH(bool, expected);
        QString error;
        const auto filter = RecordFilter::parse(expression, m_columns, &error);
        QVERIFY2(filter, qPrintable(error));
        // In m_columns' order; the features list as export writes it.
        const QStringList cells{
            QStringLiteral("+4930123456789"), QStringLiteral("DirectNumber"), QString(),
            RecordFilter::cellText(QStringList{QStringLiteral("CallerId"), QStringLiteral("SmsSender")})};
        QCOMPARE(filter->matches(cells), expected);
    }

    void cellTexts() {
        QCOMPARE(RecordFilter::cellText(QStringList{QStringLiteral("CallerId"), QStringLiteral("SmsSender")}),
                 QStringLiteral("CallerId SmsSender"));
        QCOMPARE(RecordFilter::cellText(true), QStringLiteral("true"));
        QCOMPARE(RecordFilter::cellText(3), QStringLiteral("3"));
        QCOMPARE(RecordFilter::cellText(QString()), QString());
    }

    void badExpressions_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown column") << QStringLiteral("colour=red") << QStringLiteral("colour");
        QTest::newRow("no equals") << QStringLiteral("usageType") << QStringLiteral("usageType");
        QTest::newRow("no column") << QStringLiteral("=x") << QStringLiteral("=x");
    }
    void badExpressions() {
        QFETCH(QString, expression);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!RecordFilter::parse(expression, m_columns, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void ranges_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("pair") << QStringLiteral("19-20") << true << 19 << 20;
        QTest::newRow("single") << QStringLiteral("7") << true << 7 << 7;
        QTest::newRow("en dash and spaces") << QStringLiteral(" 0 – 99 ") << true << 0 << 99;
        QTest::newRow("letters") << QStringLiteral("a-b") << false << 0 << 0;
        QTest::newRow("empty") << QString() << false << 0 << 0;
    }
    void ranges() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, start);
        QFETCH(int, end);
        const auto range = trunkline::cli::ValidateCommand::parseRange(text);
        QCOMPARE(range.has_value(), valid);
        if (range) {
            QCOMPARE(range->startAt, start);
            QCOMPARE(range->endAt, end);
        }
    }
};

QTEST_GUILESS_MAIN(tst_RecordFilter)
#include "tst_RecordFilter.moc"
