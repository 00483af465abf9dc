#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace trunkline::emulator {

// One HTTP request as a provider service sees it: already read whole from the socket.
struct EmulatorRequest {
    QByteArray method;                     // "GET", "POST", ...
    QString path;                          // percent-decoded path, no query, e.g. "/v2/porting_orders"
    QUrlQuery query;                       // raw query (keys may repeat: status=Enabled&status=Disabled)
    QHash<QByteArray, QByteArray> headers; // header names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

// A list filter's verdict on one record's value: `asked` holds the values the request's filter named, and
// a filter that names none passes every record.
inline bool admits(const QStringList& asked, const QString& value) {
    return asked.isEmpty() || asked.contains(value);
}

// The answer a service gives; the server adds faults, rate-limit headers and framing.
struct EmulatorResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Retry-After, X-Rate-Limit-*, ...)
};

// One provider's API (RingCentral, Telnyx, Restcomm). The server routes every request whose path
// starts with prefix() to handle(). Services are called from the server's thread(s) and guard their
// own data. Their data is demo data made deterministically from the seed given at construction.
class ProviderService {
public:
    virtual ~ProviderService() = default;

    virtual QString prefix() const = 0; // "/restapi", "/v2", "/restcomm"
    virtual EmulatorResponse handle(const EmulatorRequest& request) = 0;

    // The demo credential line the executable prints, e.g. "telnyx api_key=KEY...".
    virtual QString credentialLine() const = 0;

    // --state FILE: the service's whole data as JSON, and back. restore() replaces the seeded data.
    virtual QJsonObject snapshot() const = 0;
    virtual void restore(const QJsonObject& state) = 0;

    // The answer the server sends instead of calling handle() when it injects a fault (status 500, 503
    // or 429; retryAfterSeconds > 0 only for 429). Override to use the provider's own error format; the
    // default is a small generic JSON body. Added after the first version of this interface: optional.
    virtual EmulatorResponse faultResponse(int status, int retryAfterSeconds) const {
        return defaultFaultResponse(status, retryAfterSeconds);
    }
    static EmulatorResponse defaultFaultResponse(int status, int retryAfterSeconds) {
        EmulatorResponse response;
        response.status = status;
        response.body = QByteArrayLiteral("{\"error\":\"injected fault\",\"status\":") +
                        QByteArray::number(status) + QByteArrayLiteral("}");
        if (retryAfterSeconds > 0)
            response.headers.append(
                {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
        return response;
    }
};

} // namespace trunkline::emulator
