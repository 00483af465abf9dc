#pragma once

// Test helper shared by every emulator test (RingCentral, Telnyx, Restcomm): starts an EmulatorServer
// in-process on a free port and makes blocking HTTP requests to it over a real socket with
// QNetworkAccessManager. The nested event loop also runs the server, which lives in the same thread.

#include "emulator/EmulatorServer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

namespace trunkline::emulator::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One finished HTTP exchange.
struct TestReply {
    int status = 0; // 0 = no HTTP answer (dropped, cut, timed out)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    // The records[] of a RingCentral list.
    QJsonArray records() const { return json().value(QLatin1String("records")).toArray(); }
    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
    // First errors[].errorCode of a RingCentral error body (empty when none).
    QString rcErrorCode() const {
        return json()
            .value(QLatin1String("errors"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("errorCode"))
            .toString();
    }
};

class EmulatorTestClient {
public:
    explicit EmulatorTestClient(const EmulatorOptions& options = {})
        : m_server(std::make_unique<EmulatorServer>(options)) {
        m_started = m_server->listen(&m_startError);
    }

    bool started() const { return m_started; }
    QString startError() const { return m_startError; }
    EmulatorServer& server() { return *m_server; }
    DemoCredentials credentials() const { return m_server->credentials(); }
    QNetworkAccessManager& network() { return m_nam; }

    // pathAndQuery like "/restapi/v1.0/account/~?x=1"
    QUrl url(const QString& pathAndQuery) const {
        return QUrl(m_server->baseUrl().toString() + pathAndQuery);
    }

    TestReply request(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {},
                      const HeaderList& headers = {}, int timeoutMs = 15000) {
        QNetworkRequest req(url(pathAndQuery));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto& [name, value] : headers)
            req.setRawHeader(name, value);
        QNetworkReply* reply = m_nam.sendCustomRequest(req, method, body);
        return wait(reply, timeoutMs);
    }

    TestReply get(const QString& pathAndQuery, const HeaderList& headers = {}) {
        return request("GET", pathAndQuery, {}, headers);
    }
    TestReply del(const QString& pathAndQuery, const HeaderList& headers = {}, const QByteArray& body = {}) {
        return request("DELETE", pathAndQuery, body, withJsonType(headers, !body.isEmpty()));
    }
    TestReply postJson(const QString& pathAndQuery, const QJsonObject& body, const HeaderList& headers = {}) {
        return request("POST", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       withJsonType(headers, true));
    }
    TestReply putJson(const QString& pathAndQuery, const QJsonObject& body, const HeaderList& headers = {}) {
        return request("PUT", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       withJsonType(headers, true));
    }
    TestReply patchJson(const QString& pathAndQuery, const QJsonObject& body,
                        const HeaderList& headers = {}) {
        return request("PATCH", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       withJsonType(headers, true));
    }
    // Raw body with an explicit content type (malformed JSON tests, form posts).
    TestReply send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                   const QByteArray& contentType, HeaderList headers = {}) {
        headers.append({QByteArrayLiteral("Content-Type"), contentType});
        return request(method, pathAndQuery, body, headers);
    }
    TestReply postForm(const QString& pathAndQuery, const QUrlQuery& form, HeaderList headers = {}) {
        return send("POST", pathAndQuery, form.toString(QUrl::FullyEncoded).toUtf8(),
                    QByteArrayLiteral("application/x-www-form-urlencoded"), std::move(headers));
    }

    // --- RingCentral shortcuts -------------------------------------------------------------------
    static QPair<QByteArray, QByteArray> basicAuth(const QString& user, const QString& password) {
        return {QByteArrayLiteral("Authorization"),
                QByteArrayLiteral("Basic ") + (user + QLatin1Char(':') + password).toUtf8().toBase64()};
    }
    static QPair<QByteArray, QByteArray> bearer(const QString& token) {
        return {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8()};
    }
    // Basic authentication as the demo's RingCentral app, as the token endpoints want it.
    QPair<QByteArray, QByteArray> rcAppAuth() {
        const DemoCredentials c = credentials();
        return basicAuth(c.ringCentralClientId, c.ringCentralClientSecret);
    }
    // JWT-bearer token request; returns the whole reply (access_token, refresh_token, ...).
    TestReply rcTokenRequest(const QString& jwt) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"),
                          QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        form.addQueryItem(QStringLiteral("assertion"), jwt);
        return postForm(QStringLiteral("/restapi/oauth/token"), form, {rcAppAuth()});
    }
    // Refresh-token grant; returns the whole reply, as rcTokenRequest does.
    TestReply rcRefresh(const QString& refreshToken) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
        return postForm(QStringLiteral("/restapi/oauth/token"), form, {rcAppAuth()});
    }
    // Logs in as the demo admin (or the non-admin user) and returns the access token; empty on failure.
    QString rcLogin(bool admin = true) {
        const DemoCredentials c = credentials();
        const TestReply r = rcTokenRequest(admin ? c.ringCentralAdminJwt : c.ringCentralUserJwt);
        return r.json().value(QLatin1String("access_token")).toString();
    }

private:
    static HeaderList withJsonType(HeaderList headers, bool hasBody) {
        if (hasBody)
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return headers;
    }

    static TestReply wait(QNetworkReply* reply, int timeoutMs) {
        TestReply result;
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            result.timedOut = true;
            reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        if (!reply->isFinished())
            loop.exec();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        result.errorString = reply->errorString();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return result;
    }

    std::unique_ptr<EmulatorServer> m_server;
    QNetworkAccessManager m_nam;
    bool m_started = false;
    QString m_startError;
};

} // namespace trunkline::emulator::test
