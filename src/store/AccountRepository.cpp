#include "store/AccountRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QVariantList toValues(const core::Account& a) {
    const core::BusinessAddress& address = a.businessAddress;
    return {a.id,
            a.mainNumber,
            a.brand,
            a.servicePlan,
            a.status,
            a.operatorExtensionId,
            a.operatorName,
            a.servicePlanEdition,
            a.billingPlan,
            a.billingDuration,
            a.billingDurationUnit,
            a.billingPlanType,
            sql::joinWords(a.enabledFeatures),
            sql::joinWords(a.disabledFeatures),
            a.companyName,
            address.street,
            address.city,
            address.state,
            address.zip,
            address.country};
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
    a.servicePlanEdition = q.value(7).toString();
    a.billingPlan = q.value(8).toString();
    a.billingDuration = q.value(9).toInt();
    a.billingDurationUnit = q.value(10).toString();
    a.billingPlanType = q.value(11).toString();
    a.enabledFeatures = sql::splitWords(q.value(12).toString());
    a.disabledFeatures = sql::splitWords(q.value(13).toString());
    a.companyName = q.value(14).toString();
    a.businessAddress = {q.value(15).toString(), q.value(16).toString(), q.value(17).toString(),
                         q.value(18).toString(), q.value(19).toString()};
    return a;
}

} // namespace

AccountRepository::AccountRepository(Database& database)
    : RecordAccess(database,
                   {u"accounts"_s,
                    {u"id"_s,
                     u"main_number"_s,
                     u"brand"_s,
                     u"service_plan"_s,
                     u"status"_s,
                     u"operator_extension_id"_s,
                     u"operator_name"_s,
                     u"service_plan_edition"_s,
                     u"billing_plan"_s,
                     u"billing_duration"_s,
                     u"billing_duration_unit"_s,
                     u"billing_plan_type"_s,
                     u"enabled_features"_s,
                     u"disabled_features"_s,
                     u"company_name"_s,
                     u"address_street"_s,
                     u"address_city"_s,
                     u"address_state"_s,
                     u"address_zip"_s,
                     u"address_country"_s},
                    QT_TRANSLATE_NOOP("Repository", "accounts")},
                   toValues, fromRow, u"id"_s) {
}

QList<core::Account> AccountRepository::list(qint64 profileId, QString* error) const {
    return select(profileId, {}, error);
}

} // namespace trunkline::store
