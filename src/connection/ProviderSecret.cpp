#include "connection/ProviderSecret.h"

#include "providers/ProviderRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace trunkline::connection {

namespace {

QByteArray& slotOf(ProviderSecret& secret, providers::SecretSlot slot) {
    switch (slot) {
    case providers::SecretSlot::ClientId:
        return secret.clientId;
    case providers::SecretSlot::ClientSecret:
        return secret.clientSecret;
    case providers::SecretSlot::Token:
        break;
    }
    return secret.token;
}

// The provider's secret fields; an unknown provider keeps one token, as stored.
QList<providers::SecretField> fieldsOf(const QString& provider) {
    if (const providers::ProviderCapabilities* row = providers::findProvider(provider))
        return row->secretFields;
    return {providers::SecretField{}};
}

} // namespace

QString ProviderSecret::serialize(const QString& provider) const {
    const QList<providers::SecretField> fields = fieldsOf(provider);
    ProviderSecret copy = *this;
    if (fields.size() == 1)
        return QString::fromUtf8(slotOf(copy, fields.first().slot));
    QJsonObject object;
    for (const providers::SecretField& field : fields)
        object.insert(QString::fromLatin1(field.jsonKey), QString::fromUtf8(slotOf(copy, field.slot)));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<ProviderSecret> ProviderSecret::parse(const QString& provider, const QString& stored,
                                                    QString* error) {
    const QList<providers::SecretField> fields = fieldsOf(provider);
    ProviderSecret secret;
    if (fields.size() == 1) {
        slotOf(secret, fields.first().slot) = stored.trimmed().toUtf8();
    } else {
        const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
        for (const providers::SecretField& field : fields)
            slotOf(secret, field.slot) = object.value(QString::fromLatin1(field.jsonKey)).toString().toUtf8();
    }
    for (const providers::SecretField& field : fields) {
        if (!slotOf(secret, field.slot).isEmpty())
            continue;
        if (error) {
            *error = field.emptyError ? QCoreApplication::translate("ProviderSecret", field.emptyError)
                                      : tr("Auth token: must not be empty.");
        }
        return std::nullopt;
    }
    return secret;
}

} // namespace trunkline::connection
