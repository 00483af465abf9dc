#include "net/EndpointPolicy.h"

#include <QHostAddress>

namespace trunkline::net {

bool EndpointPolicy::isLoopback(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString EndpointPolicy::check(const QUrl& baseUrl) {
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return tr("The address “%1” is not a valid URL; write it as https://host.")
            .arg(baseUrl.toString(QUrl::RemoveUserInfo));
    const QString scheme = baseUrl.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopback(baseUrl.host()))
            return {};
        return tr("The address %1 uses plain http; provider connections must use https (http is only "
                  "accepted for the local emulator on 127.0.0.1).")
            .arg(baseUrl.toString(QUrl::RemoveUserInfo));
    }
    return tr("The address %1 uses the scheme “%2”; use https.")
        .arg(baseUrl.toString(QUrl::RemoveUserInfo), scheme);
}

} // namespace trunkline::net
