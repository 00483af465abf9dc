#pragma once

// Fixture of the Telnyx API tests (one executable per resource, docs/api/telnyx-porting.md, seed 002). Every
// suite runs twice (TELNYX_API_TEST_MAIN): once calling the service directly, once over real sockets through
// the in-process emulator server (QNetworkAccessManager on 127.0.0.1).

#include "EmulatorTestClient.h"
#include "TelnyxOrderCompletion.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/telnyx/TelnyxService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using trunkline::emulator::EmulatorOptions;
using trunkline::emulator::EmulatorRequest;
using trunkline::emulator::EmulatorResponse;
using trunkline::emulator::telnyx::TelnyxService;
using trunkline::emulator::test::EmulatorTestClient;
using trunkline::emulator::test::HeaderList;
using trunkline::emulator::test::TestReply;

namespace trunkline::emulator::test {

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(u"data"_s).toObject(); }
    QJsonArray dataArray() const { return json().value(u"data"_s).toArray(); }
    QJsonObject meta() const { return json().value(u"meta"_s).toObject(); }
    QJsonObject error(qsizetype i = 0) const { return json().value(u"errors"_s).toArray().at(i).toObject(); }
    QString code(qsizetype i = 0) const { return error(i).value(u"code"_s).toString(); }
    QString pointer(qsizetype i = 0) const {
        return error(i).value(u"source"_s).toObject().value(u"pointer"_s).toString();
    }
    QStringList pointers() const {
        QStringList out;
        for (const QJsonValue& e : json().value(u"errors"_s).toArray())
            out += e.toObject().value(u"source"_s).toObject().value(u"pointer"_s).toString();
        return out;
    }
};

// Services that live inside a server under test: their requests go over the socket.
inline QHash<const TelnyxService*, EmulatorTestClient*>& socketClients() {
    static QHash<const TelnyxService*, EmulatorTestClient*> clients;
    return clients;
}

// Over the socket when the service belongs to a test server; otherwise directly, handing the service
// what the server would: decoded path, raw query, lower-cased headers.
inline Reply call(TelnyxService& service, const QByteArray& method, const QString& pathAndQuery,
                  const QByteArray& body = {}, const QByteArray& authorization = QByteArray()) {
    if (EmulatorTestClient* client = socketClients().value(&service)) {
        HeaderList headers;
        const QByteArray auth =
            authorization.isNull() ? QByteArray("Bearer " + service.apiKey().toLatin1()) : authorization;
        if (!auth.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), auth});
        if (!body.isEmpty())
            headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        const TestReply r = client->request(method, pathAndQuery, body, headers);
        if (r.status == 0)
            qWarning() << "no HTTP answer:" << r.errorString;
        return Reply{r.status, r.body};
    }
    const qsizetype question = pathAndQuery.indexOf(u'?');
    EmulatorRequest request;
    request.method = method;
    request.path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    if (question >= 0)
        request.query = QUrlQuery(pathAndQuery.mid(question + 1));
    request.headers.insert("authorization", authorization.isNull()
                                                ? QByteArray("Bearer " + service.apiKey().toLatin1())
                                                : authorization);
    if (!body.isEmpty())
        request.headers.insert("content-type", "application/json");
    request.body = body;
    const EmulatorResponse r = service.handle(request);
    return Reply{r.status, r.body};
}

inline Reply callJson(TelnyxService& service, const QByteArray& method, const QString& path,
                      const QJsonObject& body) {
    return call(service, method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

inline QJsonObject range(int start, int end) {
    return QJsonObject{{u"start_at"_s, start}, {u"end_at"_s, end}};
}

// POST /v2/documents with the file inline.
inline Reply uploadDocument(TelnyxService& service, const QString& fileName, const QByteArray& content) {
    return callJson(
        service, "POST", u"/v2/documents"_s,
        QJsonObject{{u"file"_s, QString::fromLatin1(content.toBase64())}, {u"filename"_s, fileName}});
}

// POST /v2/porting_orders for `route` alone.
inline Reply createPortingOrder(TelnyxService& service, const QString& route) {
    return callJson(service, "POST", u"/v2/porting_orders"_s,
                    QJsonObject{{u"phone_numbers"_s, QJsonArray{route}}});
}

// A small file that reads as a PDF (its first bytes are what the type is told by).
inline QByteArray pdfBytes() {
    return QByteArrayLiteral("%PDF-1.4\n% signed LOA\n%%EOF\n");
}

// A porting order's status as Telnyx writes it: {"status": {"value": "draft", "details": [...]}}.
inline QString statusOf(const QJsonObject& order) {
    return order.value(u"status"_s).toObject().value(u"value"_s).toString();
}

// What confirm needs, with the two documents uploaded.
inline QJsonObject filledInPatch(TelnyxService& service) {
    const QString loa = uploadDocument(service, u"loa.pdf"_s, pdfBytes()).data().value(u"id"_s).toString();
    const QString invoice =
        uploadDocument(service, u"invoice.pdf"_s, pdfBytes()).data().value(u"id"_s).toString();
    return telnyxOrderCompletion(loa, invoice);
}

class TelnyxApiTest : public QObject {
    Q_OBJECT

public:
    // false: call the service directly; true: over the socket of a test server.
    void setOverSockets(bool overSockets) { m_overSockets = overSockets; }

protected:
    bool m_overSockets = false;
    std::vector<std::unique_ptr<TelnyxService>> m_services;
    std::vector<std::unique_ptr<EmulatorTestClient>> m_clients;

    // A Telnyx service with this seed: standalone, or the one inside a freshly started test server.
    TelnyxService& make(quint32 seed, EmulatorOptions options = {}) {
        options.seed = seed;
        if (!m_overSockets) {
            m_services.push_back(std::make_unique<TelnyxService>(seed, options));
            return *m_services.back();
        }
        m_clients.push_back(std::make_unique<EmulatorTestClient>(options));
        EmulatorTestClient& client = *m_clients.back();
        if (!client.started())
            qFatal("emulator did not start: %s", qPrintable(client.startError()));
        for (auto* service : client.server().services()) {
            if (auto* telnyx = dynamic_cast<TelnyxService*>(service)) {
                socketClients().insert(telnyx, &client);
                return *telnyx;
            }
        }
        qFatal("the emulator server has no Telnyx service");
    }

    // A fresh service with one new German draft order; returns its id and route number's porting id.
    struct Draft {
        QString orderId;
        QString portingNumberId;
        QString route;
    };
    static Draft newDraft(TelnyxService& service, const QString& route = u"+4920112345"_s) {
        const Reply r = createPortingOrder(service, route);
        if (r.status != 201)
            qWarning() << r.body;
        const QJsonObject order = r.dataArray().at(0).toObject();
        return Draft{order.value(u"id"_s).toString(),
                     order.value(u"phone_numbers"_s).toArray().at(0).toObject().value(u"id"_s).toString(),
                     route};
    }
    // Adds a block of ten extensions (0-9) to the draft's route number, those in `activated` active.
    static Reply addExtensionBlock(TelnyxService& service, const Draft& d, const QJsonObject& activated) {
        return callJson(service, "POST", u"/v2/porting_orders/"_s + d.orderId + u"/phone_number_extensions"_s,
                        QJsonObject{{u"porting_phone_number_id"_s, d.portingNumberId},
                                    {u"extension_range"_s, range(0, 9)},
                                    {u"activation_ranges"_s, QJsonArray{activated}}});
    }
    static QString orderIdWithStatus(TelnyxService& service, const QString& status) {
        const Reply r =
            call(service, "GET", u"/v2/porting_orders?filter[status]="_s + status + u"&page[size]=250"_s);
        return r.dataArray().at(0).toObject().value(u"id"_s).toString();
    }

private Q_SLOTS:
    void cleanup() {
        socketClients().clear();
        m_clients.clear();
        m_services.clear();
    }
};

// Runs the suite directly against the service, then over sockets; the exit code counts both runs' failures.
template <typename Suite>
int runDirectAndOverSockets(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Suite direct;
    int failed = QTest::qExec(&direct, argc, argv);
    Suite overSockets;
    overSockets.setOverSockets(true);
    failed += QTest::qExec(&overSockets, argc, argv);
    return failed;
}

} // namespace trunkline::emulator::test

// The suites call the fixture's helpers (call, Reply, newDraft, ...) unqualified.
using namespace trunkline::emulator::test;

#define TELNYX_API_TEST_MAIN(Suite)                                                                          \
    int main(int argc, char** argv) {                                                                        \
        return trunkline::emulator::test::runDirectAndOverSockets<Suite>(argc, argv);                        \
    }
