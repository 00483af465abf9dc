#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace trunkline::net {

// One call to a provider's REST API, described before it is sent.
struct ApiRequest {
    QByteArray method = "GET";
    QString path;    // below the client's base URL, e.g. "/restapi/v1.0/account/~/extension"
    QUrlQuery query; // repeated keys allowed (type=User&type=Department)
    QByteArray body; // JSON or form data
    QByteArray contentType = "application/json";
    QByteArray accept = "application/json"; // what the answer may be; a download names its own type
    QString rateGroup; // the provider's usage group ("Light", "Medium", "Heavy"); empty = not limited
    QString subject;   // what the call is about, for error messages ("extension 101")

    // Whether sending this request twice has the same effect as sending it once. GET, PUT and DELETE
    // are; a POST that creates something is not, so after an unclear failure it is never re-sent
    // blindly: it fails with ApiError::Kind::OutcomeUnknown and the caller checks the remote state.
    bool idempotent() const { return method != "POST" || m_idempotentPost; }
    // For POSTs that are actions whose repetition is harmless (a search, an OAuth token request).
    void markIdempotent() { m_idempotentPost = true; }

    static ApiRequest get(const QString& path, const QString& rateGroup = {}) {
        ApiRequest request;
        request.path = path;
        request.rateGroup = rateGroup;
        return request;
    }

private:
    bool m_idempotentPost = false;
};

} // namespace trunkline::net
