#include "store/ExtensionRepository.h"

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

QVariantList toValues(const core::Extension& e) {
    return {e.id,
            e.extensionNumber,
            e.name,
            core::toWire(e.type),
            core::toWire(e.status),
            e.contact.firstName,
            e.contact.lastName,
            e.contact.company,
            e.contact.jobTitle,
            e.contact.email,
            e.contact.businessPhone,
            e.contact.mobilePhone,
            e.contact.department,
            e.timeZone,
            e.admin ? 1 : 0,
            e.callerIdNumber};
}

core::Extension fromRow(const QSqlQuery& q) {
    core::Extension e;
    e.id = q.value(0).toString();
    e.extensionNumber = q.value(1).toString();
    e.name = q.value(2).toString();
    e.type =
        core::fromWire<core::ExtensionType>(q.value(3).toString()).value_or(core::ExtensionType::Unknown);
    // A status this build does not know is shown as disabled rather than inventing "enabled".
    e.status = core::fromWire<core::ExtensionStatus>(q.value(4).toString())
                   .value_or(core::ExtensionStatus::Disabled);
    e.contact.firstName = q.value(5).toString();
    e.contact.lastName = q.value(6).toString();
    e.contact.company = q.value(7).toString();
    e.contact.jobTitle = q.value(8).toString();
    e.contact.email = q.value(9).toString();
    e.contact.businessPhone = q.value(10).toString();
    e.contact.mobilePhone = q.value(11).toString();
    e.contact.department = q.value(12).toString();
    e.timeZone = q.value(13).toString();
    e.admin = q.value(14).toInt() != 0;
    e.callerIdNumber = q.value(15).toString();
    return e;
}

} // namespace

ExtensionRepository::ExtensionRepository(Database& database)
    : RecordAccess(
          database,
          {u"extensions"_s,
           {u"id"_s, u"extension_number"_s, u"name"_s, u"type"_s, u"status"_s, u"first_name"_s,
            u"last_name"_s, u"company"_s, u"job_title"_s, u"email"_s, u"business_phone"_s, u"mobile_phone"_s,
            u"department"_s, u"time_zone"_s, u"is_admin"_s, u"caller_id_number"_s},
           QT_TRANSLATE_NOOP("Repository", "extensions")},
          // Extension numbers are up to 8 digits: ordering by length first gives 9 < 10 < 101
          // on both engines without casting text that may be empty.
          toValues, fromRow, u"length(extension_number), extension_number, name, id"_s) {
}

sql::Where ExtensionRepository::whereOf(const ExtensionFilter& filter, const QString& table) {
    sql::Where where;
    if (filter.type)
        where.add(table + u".type = ?"_s, {core::toWire(*filter.type)});
    if (filter.status)
        where.add(table + u".status = ?"_s, {core::toWire(*filter.status)});
    where.addContains(
        {u"LOWER(%1.name)"_s.arg(table), table + u".extension_number"_s, u"LOWER(%1.email)"_s.arg(table)},
        filter.text);
    return where;
}

QList<core::Extension> ExtensionRepository::list(qint64 profileId, const ExtensionFilter& filter,
                                                 QString* error, const Page& page) const {
    return select(profileId, whereOf(filter, table().table), error, page);
}

int ExtensionRepository::count(qint64 profileId, const ExtensionFilter& filter, QString* error) const {
    return RecordAccess::count(profileId, whereOf(filter, table().table), error);
}

bool ExtensionRepository::setEndpointType(qint64 profileId, const QString& extensionId,
                                          core::EndpointType type, QString* error) const {
    return sql::execWrite(
        database(), u"UPDATE extensions SET endpoint_type = ? WHERE profile_id = ? AND id = ?"_s,
        {core::toWire(type), profileId, extensionId},
        [&] {
            return QCoreApplication::translate("Repository", "Cannot save the endpoint type of extension %1")
                .arg(extensionId);
        },
        error);
}

std::optional<core::EndpointType>
ExtensionRepository::endpointType(qint64 profileId, const QString& extensionId, QString* error) const {
    const QVariant type = sql::readValue(
        database(), u"SELECT endpoint_type FROM extensions WHERE profile_id = ? AND id = ?"_s,
        {profileId, extensionId},
        QCoreApplication::translate("Repository", "Cannot read extension %1").arg(extensionId), error);
    if (type.isNull())
        return std::nullopt;
    return core::fromWire<core::EndpointType>(type.toString());
}

} // namespace trunkline::store
