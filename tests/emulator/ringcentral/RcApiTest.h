#pragma once

// Fixture of the RingCentral API tests (one executable per resource): before every test a fresh
// in-process emulator without rate limits (they have their own tests) and bearer headers of the demo
// admin and of the non-admin user (seed 001).

#include "EmulatorTestClient.h"

#include <QObject>
#include <QTest>
#include <memory>

namespace trunkline::emulator::test {

inline QString s(const char* text) {
    return QString::fromUtf8(text);
}

inline QJsonObject obj(const QJsonValue& v) {
    return v.toObject();
}

inline EmulatorOptions quietOptions() {
    EmulatorOptions options;
    options.rateLimits = false; // rate limits have their own tests
    return options;
}

class RcApiTest : public QObject {
    Q_OBJECT

protected:
    std::unique_ptr<EmulatorTestClient> m_client;
    HeaderList m_admin;
    HeaderList m_user;
    static QString path(const QString& tail) { return QStringLiteral("/restapi/v1.0/account/~") + tail; }

private slots:
    void init() {
        m_client = std::make_unique<EmulatorTestClient>(quietOptions());
        QVERIFY2(m_client->started(), qPrintable(m_client->startError()));
        const QString admin = m_client->rcLogin(true);
        const QString user = m_client->rcLogin(false);
        QVERIFY(!admin.isEmpty() && !user.isEmpty());
        m_admin = {EmulatorTestClient::bearer(admin)};
        m_user = {EmulatorTestClient::bearer(user)};
    }
    void cleanup() { m_client.reset(); }
};

} // namespace trunkline::emulator::test
