#pragma once

#include "store/Profile.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace trunkline::store {

class Database;

class ProfileRepository {
    Q_DECLARE_TR_FUNCTIONS(ProfileRepository)

public:
    explicit ProfileRepository(Database& database);

    // Inserts the profile and fills in its id, a new uuid and (when unset) createdAt. update() keeps the
    // uuid: it names the profile's keychain entry.
    bool add(Profile& profile, QString* error = nullptr);
    bool update(const Profile& profile, QString* error = nullptr);
    // Removes the profile and, through the foreign keys, every record of it.
    bool remove(qint64 profileId, QString* error = nullptr);
    std::optional<Profile> find(qint64 profileId, QString* error = nullptr) const;
    QList<Profile> list(QString* error = nullptr) const; // by name

private:
    Database& m_database;
};

} // namespace trunkline::store
