#pragma once

#include <QDateTime>
#include <QString>

namespace trunkline::store {

// A provider connection the admin set up. Deliberately without secrets: those live in the OS
// keychain (src/secrets) under the profile's UUID.
struct Profile {
    qint64 id = 0; // assigned by ProfileRepository::add()
    QString name;
    QString provider; // core::kProviderRingCentral | kProviderTelnyx | kProviderRestcomm
    QString baseUrl;
    QString accountId;
    QDateTime createdAt;
    // Random, assigned by ProfileRepository::add() and never changed: the keychain key of the profile's
    // secret, unique across database files where the row id is not.
    QString uuid;

    friend bool operator==(const Profile&, const Profile&) = default;
};

} // namespace trunkline::store
