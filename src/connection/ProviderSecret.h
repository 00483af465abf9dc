#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace trunkline::connection {

// What a profile keeps in the keychain, one string per profile: RingCentral needs three values (the
// app's client id and secret and the user's JWT credential), so they are stored together as compact
// JSON; Telnyx's API key and Restcomm's auth token are stored as they are.
struct ProviderSecret {
    Q_DECLARE_TR_FUNCTIONS(ProviderSecret)

public:
    QByteArray clientId;     // RingCentral
    QByteArray clientSecret; // RingCentral
    QByteArray token;        // RingCentral JWT, Telnyx API key, Restcomm auth token

    QString serialize(const QString& provider) const;
    // nullopt with *error naming the missing part when the stored text does not fit the provider.
    static std::optional<ProviderSecret> parse(const QString& provider, const QString& stored,
                                               QString* error);
};

} // namespace trunkline::connection
