#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using std::chrono::milliseconds;
using trunkline::net::RetryPolicy;

class tst_RetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void parseRetryAfter_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1 = no value
        QTest::newRow("seconds") << QByteArray("12") << qint64(12000);
        QTest::newRow("padded") << QByteArray(" 3 ") << qint64(3000);
        QTest::newRow("fraction (time-scaled emulator)") << QByteArray("0.25") << qint64(250);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("negative clamps to zero") << QByteArray("-4") << qint64(0);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    }
    void parseRetryAfter() {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const auto parsed = RetryPolicy::parseRetryAfter(header);
        if (expectedMs < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->count(), expectedMs);
        }
    }

    void parseRetryAfterHttpDate() {
        const QDateTime in30 = QDateTime::currentDateTimeUtc().addSecs(30);
        const QByteArray header =
            QLocale::c().toString(in30, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        const auto parsed = RetryPolicy::parseRetryAfter(header);
        QVERIFY(parsed.has_value());
        QVERIFY2(parsed->count() > 25000 && parsed->count() <= 30000,
                 qPrintable(QString::number(parsed->count())));
    }

    void retryAfterWinsOverBackoff() {
        RetryPolicy policy(5, milliseconds(100), milliseconds(10000));
        QCOMPARE(policy.delayBefore(3, milliseconds(7000)).count(), 7000);
    }

    void backoffGrowsWithJitterAndCap() {
        RetryPolicy policy(10, milliseconds(100), milliseconds(1000));
        policy.setRandomSeed(42);
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const qint64 ceiling = std::min<qint64>(1000, 100LL << (attempt - 1));
            for (int sample = 0; sample < 50; ++sample) {
                const qint64 delay = policy.delayBefore(attempt).count();
                QVERIFY2(delay >= ceiling / 4 && delay <= ceiling,
                         qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(delay)));
            }
        }
    }

    void jitterSpreadsDelays() {
        RetryPolicy policy(10, milliseconds(1000), milliseconds(60000));
        policy.setRandomSeed(7);
        QSet<qint64> seen;
        for (int i = 0; i < 20; ++i)
            seen.insert(policy.delayBefore(4).count());
        QVERIFY2(seen.size() > 10, "retries of parallel requests must not fire in lock step");
    }

    void attemptsAreBounded() {
        RetryPolicy policy(3, milliseconds(1), milliseconds(2));
        QVERIFY(policy.mayRetry(1));
        QVERIFY(policy.mayRetry(2));
        QVERIFY(!policy.mayRetry(3));
    }
};

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_RetryPolicy.moc"
