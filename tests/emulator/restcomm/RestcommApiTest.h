#pragma once

// Fixture of the Restcomm API tests over real sockets (one executable per resource,
// docs/api/restcomm-numbers.md, seed 003): before every test a fresh in-process emulator and its four
// accounts (the super admin, a branch in another organisation, a sibling in the admin's organisation, an
// inactive one), with request helpers that authenticate as one of them. Where Restcomm's docs and its server
// disagree, the expectations follow the server.

#include "EmulatorTestClient.h"
#include "emulator/restcomm/RestcommService.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using trunkline::emulator::EmulatorOptions;
using trunkline::emulator::restcomm::IncomingNumber;
using trunkline::emulator::restcomm::RestcommAccount;
using trunkline::emulator::restcomm::RestcommService;
using trunkline::emulator::test::EmulatorTestClient;
using trunkline::emulator::test::HeaderList;
using trunkline::emulator::test::TestReply;

namespace trunkline::emulator::test {

using Params = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded with '+' encoded as %2B (QUrlQuery would leave it, and a form
// decoder reads a bare '+' as a space, as Restcomm's Jersey does).
inline QByteArray formBody(const Params& params) {
    QByteArray body;
    for (const auto& [key, value] : params) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

inline QString md5(const QString& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

class RestcommApiTest : public QObject {
    Q_OBJECT

protected:
    std::unique_ptr<EmulatorTestClient> m_client;
    RestcommService* m_service = nullptr;
    RestcommAccount m_admin;
    RestcommAccount m_branch;  // sub-account of admin, other organisation
    RestcommAccount m_sibling; // sub-account of admin, admin's organisation
    RestcommAccount m_closed;  // inactive sub-account

    static QString numbersPath(const QString& account) {
        return u"/restcomm/2012-04-24/Accounts/"_s + account + u"/IncomingPhoneNumbers"_s;
    }
    static QPair<QByteArray, QByteArray> auth(const RestcommAccount& a) {
        return EmulatorTestClient::basicAuth(a.sid, a.authToken);
    }
    TestReply get(const QString& path, const RestcommAccount* as = nullptr, HeaderList headers = {}) {
        headers.append(auth(as ? *as : m_admin));
        return m_client->get(path, headers);
    }
    TestReply send(const QByteArray& method, const QString& path, const Params& params,
                   const RestcommAccount* as = nullptr) {
        return m_client->send(method, path, formBody(params), "application/x-www-form-urlencoded",
                              {auth(as ? *as : m_admin)});
    }
    QList<IncomingNumber> numbersOf(const QString& accountSid) const {
        QList<IncomingNumber> out;
        for (const IncomingNumber& n : m_service->numbers())
            if (n.accountSid() == accountSid)
                out.append(n);
        return out;
    }
    QString sidOf(const QString& phoneNumber, const QString& accountSid) const {
        for (const IncomingNumber& n : numbersOf(accountSid))
            if (n.phoneNumber() == phoneNumber)
                return n.sid();
        return {};
    }
    QString availableNumber(const QString& type) const {
        for (const auto& a : m_service->availableNumbers())
            if (a.type == type)
                return a.phoneNumber;
        return {};
    }

protected Q_SLOTS:
    // QTest runs init() before every test; restoredSessionKeepsSidsUnique also calls it for a restart.
    void init() {
        EmulatorOptions options;
        options.seed = 77;
        m_client = std::make_unique<EmulatorTestClient>(options);
        QVERIFY2(m_client->started(), qPrintable(m_client->startError()));
        m_service = nullptr;
        for (auto* service : m_client->server().services())
            if (auto* restcomm = dynamic_cast<RestcommService*>(service))
                m_service = restcomm;
        QVERIFY(m_service);
        const QList<RestcommAccount> accounts = m_service->accounts();
        QCOMPARE(accounts.size(), 4);
        m_admin = accounts.at(0);
        m_branch = accounts.at(1);
        m_sibling = accounts.at(2);
        m_closed = accounts.at(3);
        QVERIFY(m_admin.parentSid.isEmpty());
        QCOMPARE(m_branch.parentSid, m_admin.sid);
        QVERIFY(m_branch.organizationSid != m_admin.organizationSid);
        QCOMPARE(m_client->credentials().restcommAccountSid, m_admin.sid);
        QCOMPARE(m_client->credentials().restcommAuthToken, m_admin.authToken);
    }
    void cleanup() { m_client.reset(); }
};

} // namespace trunkline::emulator::test
