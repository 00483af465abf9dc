#include "net/EndpointPolicy.h"

#include <QTest>

using trunkline::net::EndpointPolicy;

class tst_EndpointPolicy : public QObject {
    Q_OBJECT

private slots:
    void check_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expectedError"); // empty = accepted
        QTest::newRow("https provider") << QStringLiteral("https://platform.ringcentral.com") << QString();
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("http loopback range") << QStringLiteral("http://127.0.0.2:8080") << QString();
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:9") << QString();
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:8080") << QString();
        QTest::newRow("http remote")
            << QStringLiteral("http://api.telnyx.com")
            << QStringLiteral("The address http://api.telnyx.com uses plain http; provider connections must "
                              "use https (http is only accepted for the local emulator on 127.0.0.1).");
        QTest::newRow("http private address")
            << QStringLiteral("http://10.0.0.5")
            << QStringLiteral("The address http://10.0.0.5 uses plain http; provider connections must use "
                              "https (http is only accepted for the local emulator on 127.0.0.1).");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.org")
                             << QStringLiteral(
                                    "The address ftp://example.org uses the scheme “ftp”; use https.");
        QTest::newRow("no host")
            << QStringLiteral("https://")
            << QStringLiteral("The address “https://” is not a valid URL; write it as https://host.");
    }
    void check() {
        QFETCH(QString, url);
        QFETCH(QString, expectedError);
        QCOMPARE(EndpointPolicy::check(QUrl(url)), expectedError);
    }

    void userInfoNeverInMessages() {
        const QString error = EndpointPolicy::check(QUrl(QStringLiteral("http://admin:s3cret@example.org")));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1String("s3cret")));
    }
};

QTEST_GUILESS_MAIN(tst_EndpointPolicy)
#include "tst_EndpointPolicy.moc"
