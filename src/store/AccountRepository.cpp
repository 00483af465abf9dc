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
    : RecordAccess(database,
                   {u"accounts"_s,
                    {u"id"_s, u"main_number"_s, u"brand"_s, u"service_plan"_s, u"status"_s,
                     u"operator_extension_id"_s, u"operator_name"_s},
                    QT_TRANSLATE_NOOP("Repository", "accounts")},
                   toValues, fromRow, u"id"_s) {
}

QList<core::Account> AccountRepository::list(qint64 profileId, QString* error) const {
    return select(profileId, {}, error);
}

} // namespace trunkline::store
