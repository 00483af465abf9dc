#include "net/Authenticator.h"

namespace trunkline::net {

BearerKeyAuthenticator::BearerKeyAuthenticator(QByteArray apiKey)
    : m_apiKey(std::move(apiKey)) {
}

void BearerKeyAuthenticator::apply(QNetworkRequest& request) const {
    request.setRawHeader("Authorization", "Bearer " + m_apiKey);
}

BasicAuthenticator::BasicAuthenticator(const QString& user, const QByteArray& password)
    : m_header("Basic " + QByteArray(user.toUtf8() + ':' + password).toBase64()) {
}

void BasicAuthenticator::apply(QNetworkRequest& request) const {
    request.setRawHeader("Authorization", m_header);
}

} // namespace trunkline::net
