#include "store/FourEyesPolicy.h"

#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

// The SQLSTATEs the schema's four-eyes functions raise (Migrator.cpp, version 12).
const auto kOwnChange = "TL001"_L1;
const auto kNotApproved = "TL002"_L1;
const auto kForgedApproval = "TL003"_L1;
const auto kNotOwner = "TL004"_L1;
const auto kNoSuchChange = "TL005"_L1;
const auto kNotApprovable = "TL006"_L1;

} // namespace

FourEyesPolicy::FourEyesPolicy(Database& database)
    : m_database(database) {
}

bool FourEyesPolicy::isAvailable() const {
    return m_database.isPostgres();
}

std::optional<bool> FourEyesPolicy::isRequired(QString* error) const {
    if (!isAvailable())
        return false;
    QSqlQuery query = sql::preparedQuery(m_database, u"SELECT four_eyes FROM approval_policy"_s, {});
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the four-eyes setting"), query);
        return std::nullopt;
    }
    // The database treats a missing row as "on" too.
    return query.next() ? query.value(0).toBool() : true;
}

bool FourEyesPolicy::mayChange(QString* error) const {
    if (!isAvailable())
        return false;
    QSqlQuery query =
        sql::preparedQuery(m_database,
                           u"SELECT pg_has_role(session_user, relowner, 'MEMBER') FROM pg_class "
                           u"WHERE oid = 'approval_policy'::regclass"_s,
                           {});
    if (!query.exec() || !query.next())
        return sql::fail(error, m_database, tr("Cannot read who may change the four-eyes setting"), query);
    return query.value(0).toBool();
}

QString FourEyesPolicy::ownerRole(QString* error) const {
    if (!isAvailable())
        return {};
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'approval_policy'::regclass"_s, {});
    if (!query.exec() || !query.next()) {
        sql::fail(error, m_database, tr("Cannot read who may change the four-eyes setting"), query);
        return {};
    }
    return query.value(0).toString();
}

bool FourEyesPolicy::setRequired(bool required, QString* error) {
    if (!isAvailable())
        return sql::fail(error,
                         tr("Four-eyes approval needs a team database on PostgreSQL; %1 is a SQLite file.")
                             .arg(m_database.displayName()));
    QSqlQuery query =
        sql::preparedQuery(m_database, u"UPDATE approval_policy SET four_eyes = ?"_s, {required});
    if (query.exec())
        return true;
    if (query.lastError().nativeErrorCode() == kNotOwner)
        return sql::fail(error,
                         tr("Only the database role that owns Trunkline's tables (%1) can switch four-eyes "
                            "approval on or off; you are connected as %2.")
                             .arg(ownerRole(), m_database.sessionUser()));
    return sql::fail(error, m_database, tr("Cannot change the four-eyes setting"), query);
}

QString FourEyesPolicy::refusalText(const QSqlError& error, qint64 changeId) {
    const QString code = error.nativeErrorCode();
    if (code == kOwnChange)
        return tr("You staged change %1 yourself; with four-eyes approval someone else must approve it.")
            .arg(changeId);
    if (code == kNotApproved)
        return tr("Change %1 needs a second person's approval before it is applied (four-eyes is on).")
            .arg(changeId);
    if (code == kForgedApproval)
        return tr("Change %1: only its approver's own connection can record an approval, and its author "
                  "cannot be changed.")
            .arg(changeId);
    if (code == kNotOwner)
        return tr("Only the database role that owns Trunkline's tables can switch four-eyes approval.");
    if (code == kNoSuchChange)
        return tr("There is no pending change %1.").arg(changeId);
    if (code == kNotApprovable)
        return tr("Change %1 is being applied or already applied and cannot be approved any more.")
            .arg(changeId);
    return {};
}

} // namespace trunkline::store
