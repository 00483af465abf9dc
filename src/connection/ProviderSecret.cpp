#include "connection/ProviderSecret.h"

#include "core/PhoneNumberRecord.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace trunkline::connection {

QString ProviderSecret::serialize(const QString& provider) const {
    if (provider != core::kProviderRingCentral)
        return QString::fromUtf8(token);
    const QJsonObject object{{QStringLiteral("clientId"), QString::fromUtf8(clientId)},
                             {QStringLiteral("clientSecret"), QString::fromUtf8(clientSecret)},
                             {QStringLiteral("jwt"), QString::fromUtf8(token)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<ProviderSecret> ProviderSecret::parse(const QString& provider, const QString& stored,
                                                    QString* error) {
    ProviderSecret secret;
    if (provider != core::kProviderRingCentral) {
        if (stored.trimmed().isEmpty()) {
            if (error)
                *error = provider == core::kProviderTelnyx ? tr("API key: must not be empty.")
                                                           : tr("Auth token: must not be empty.");
            return std::nullopt;
        }
        secret.token = stored.trimmed().toUtf8();
        return secret;
    }
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    secret.clientId = object.value(QStringLiteral("clientId")).toString().toUtf8();
    secret.clientSecret = object.value(QStringLiteral("clientSecret")).toString().toUtf8();
    secret.token = object.value(QStringLiteral("jwt")).toString().toUtf8();
    QString missing;
    if (secret.clientId.isEmpty())
        missing = tr("Client ID: must not be empty.");
    else if (secret.clientSecret.isEmpty())
        missing = tr("Client secret: must not be empty.");
    else if (secret.token.isEmpty())
        missing = tr("JWT credential: must not be empty.");
    if (!missing.isEmpty()) {
        if (error)
            *error = missing;
        return std::nullopt;
    }
    return secret;
}

} // namespace trunkline::connection
