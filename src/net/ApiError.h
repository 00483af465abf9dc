#pragma once

#include <QCoreApplication>
#include <QString>

namespace trunkline::net {

// Every failure of a provider call, typed so callers can react (retry, re-authenticate, flag a
// conflict) and worded so an admin understands it: which provider, which record, what to do.
struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        Network,        // could not connect, connection dropped before anything was sent back
        Timeout,        // no answer in time
        Tls,            // certificate or TLS handshake refused; never ignored
        Unauthorized,   // 401: credentials wrong or expired beyond refresh
        Forbidden,      // 403: the profile lacks a permission
        NotFound,       // 404
        Invalid,        // 400/409/422: the provider rejected the data
        RateLimited,    // 429 still after every retry
        Server,         // 5xx still after every retry
        Protocol,       // an answer that is not what the API documents (bad JSON, cut body)
        OutcomeUnknown, // a create whose answer was lost: it may or may not have taken effect
        Cancelled,      // the caller cancelled
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString provider;     // "RingCentral", "Telnyx", "Restcomm"
    QString subject;      // what the request was about, e.g. "extension 101"
    QString providerCode; // the provider's own code, e.g. "CMN-102", "10015"
    QString detail;       // the provider's message or the transport's reason
    QString field;        // the offending field where the provider names one

    // One sentence for an admin: "RingCentral refused to update extension 101: ... Check ...".
    QString message() const;
    // What to do about it, by kind.
    QString advice() const;
    // A failure that a later identical request may not hit (network, timeout, 429, 5xx, cut body).
    bool isTransient() const;
};

} // namespace trunkline::net
