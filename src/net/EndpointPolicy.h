#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace trunkline::net {

// Which base URLs a profile may use: https for real providers; plain http only on this machine's
// loopback (the emulator). Returns an empty string when the URL is acceptable, else why not.
class EndpointPolicy {
    Q_DECLARE_TR_FUNCTIONS(EndpointPolicy)

public:
    static QString check(const QUrl& baseUrl);
    static bool isLoopback(const QString& host);
};

} // namespace trunkline::net
