#include "store/AccountRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QVariantList toValues(const core::Account& a) {
    return {a.id, a.mainNumber, a.brand, a.servicePlan, a.status, a.operatorExtensionId, a.operatorName};
}

core::Account fromRow(const QSqlQuery& q) {
    core::Account a;
    a.id = q.value(0).toString();
    a.mainNumber = q.value(1).toString();
    a.brand = q.value(2).toString();
    a.servicePlan = q.value(3).toString();
    a.status = q.value(4).toString();
    a.operatorExtensionId = q.value(5).toString();
    a.operatorName = q.value(6).toString();
    return a;
}

} // namespace

AccountRepository::AccountRepository(Database& database)
    : m_access(database,
               {u"accounts"_s,
                {u"id"_s, u"main_number"_s, u"brand"_s, u"service_plan"_s, u"status"_s,
                 u"operator_extension_id"_s, u"operator_name"_s},
                QT_TRANSLATE_NOOP("Repository", "accounts")},
               toValues, fromRow, u"id"_s) {
}

bool AccountRepository::upsert(qint64 profileId, const QList<core::Account>& accounts, QString* error) {
    return m_access.upsert(profileId, accounts, error);
}

bool AccountRepository::removeAllExcept(qint64 profileId, const QStringList& keptIds, QString* error,
                                        int* removed) {
    return m_access.removeAllExcept(profileId, keptIds, error, removed);
}

std::optional<core::Account> AccountRepository::find(qint64 profileId, const QString& id,
                                                     QString* error) const {
    return m_access.find(profileId, id, error);
}

QList<core::Account> AccountRepository::list(qint64 profileId, QString* error) const {
    return m_access.select(profileId, {}, {}, error);
}

std::optional<RecordState> AccountRepository::state(qint64 profileId, const QString& id,
                                                    QString* error) const {
    return m_access.state(profileId, id, error);
}

} // namespace trunkline::store
