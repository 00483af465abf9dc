#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>

namespace trunkline::net {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

// The value of the first header of that name (HTTP header names are case-insensitive), or empty.
QByteArray findHeader(const RawHeaders& headers, const QByteArray& name);

// One attempt of a request as ApiClient hands it to the libcurl stack (CurlTransport): everything
// already decided, nothing provider-specific.
struct HttpExchange {
    QByteArray method;
    QUrl url;
    RawHeaders headers;
    QByteArray body;
    // false for a create: it must not reach the server twice, so it never goes over a reused connection
    // (where libcurl would send it again by itself when the connection turns out to have been closed).
    bool mayResend = true;
    QByteArray proxy; // a libcurl proxy URL; empty = no proxy, as Qt's QNetworkProxy::NoProxy
    qint64 maxBodyBytes = 0;
    std::chrono::milliseconds idleTimeout{0}; // no byte for this long ends the attempt
    std::chrono::milliseconds deadline{0};    // the whole attempt ends here, bytes or not
};

// What one attempt came back with, from either HTTP stack, in QNetworkReply's terms so that ApiClient
// judges both stacks' answers by the same rules.
struct HttpAnswer {
    int status = 0;
    RawHeaders headers;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QUrl redirectTarget;   // where a redirect that was not followed led
    bool timedOut = false; // ended by the idle timeout or the deadline
    bool trickled = false; // ended by the deadline while bytes still came
    bool tooLarge = false; // cut off at the size cap
    qint64 sentAtMs = 0;   // when the request went out (MonotonicClock), if the stack knows better
    // A 2xx JSON body already parsed by the transport, on its own thread (libcurl's), so that the
    // thread that waits for the answer does not have to.
    bool parsed = false;
    QJsonDocument document;
    QJsonParseError parseError{};

    QByteArray header(const QByteArray& name) const { return findHeader(headers, name); }
    bool isJson() const { return header("Content-Type").contains("json"); }
};

} // namespace trunkline::net
